import Foundation
import Testing
@testable import SmarketingModel
@testable import SmarketingUI

/// What every widget promises: it draws only inside its rect, whatever the rect's size, and it
/// sees plain inputs, never the app state.
@Suite("Widgets: contract")
struct WidgetContractTests {
    static var samples: [(String, any Widget)] { [
        ("header", HeaderBar(team: "Northwind 渡辺", clock: "09:41", meeting: BarWidgetTests.meeting)),
        ("status bar", StatusBar(fileLabel: "northwind.json", save: .notSaved, mode: "NORMAL", message: .hints(BarWidgetTests.hints))),
        ("KPI pane, 5 tiles", KPIPaneTests.pane(5)),
        ("KPI tile", KPITileTests.costPerLead()),
        ("sparkline", Sparkline(trend: Trend(values: KPITileTests.series, target: 50, direction: .lowerIsBetter, latest: .offTarget))),
        ("bar chart", BarChart(trend: Trend(values: KPITileTests.series, target: 50, direction: .lowerIsBetter, latest: .offTarget))),
        ("funnel", FunnelStripTests().funnel),
        ("agenda", ListWidgetTests.agenda),
        ("friction", ListWidgetTests.friction),
        ("actions", ListWidgetTests.actions),
        ("form", OverlayWidgetTests.form),
        ("help", OverlayWidgetTests.help),
        ("quit prompt", QuitPrompt(unsavedEdits: 2)),
        ("discard prompt", DiscardPrompt(place: "in this form")),
        ("new week prompt", NewWeekPrompt(meetingDate: CalendarDate(iso: "2026-11-23")!, openActionItems: 3)),
        ("too small", TooSmallNotice(size: Size(width: 10, height: 3), minimum: Size(width: 80, height: 24))),
        ("people", PeopleOverlayTests.overlay),
        ("people, empty roster", PeopleOverlay(rows: [], namesOffRoster: 9)),
        ("capture", CaptureLine(editor: LineEditor("a: Priya: send the deck 🚀"), completions: ["Priya"])),
        ("conflict", ConflictOverlay(fileLabel: "w.json", unsavedEdits: 1,
                                     differences: [.init(kind: "team", title: "", change: "changed")], viewing: true)),
        ("definitions", DefinitionsOverlay(entries: DefinitionsOverlay.entries(
            WorkspaceTemplate.starterDefinitions(sla: LeadSLA(leadsPerRepPerMonth: 5, firstAttemptBusinessHours: 6, attemptsRequired: 4, attemptWindowDays: 12), personaID: "per1"),
            changed: [.mql]), selected: 1, top: 3)),
    ] }

    static let rects = [(0, 0), (1, 1), (2, 1), (3, 2), (5, 3), (9, 4), (20, 6), (44, 12), (90, 20)].map {
        Rect(x: 3, y: 2, width: $0.0, height: $0.1)
    }

    @Test(arguments: samples.map(\.0))
    func drawsOnlyInsideItsRect(name: String) throws {
        let widget = try #require(Self.samples.first { $0.0 == name }?.1)
        for rect in Self.rects {
            let outside = WidgetFixture.cellsDrawnOutside(widget, rect, in: Size(width: rect.maxX + 4, height: rect.maxY + 3))
            #expect(outside.isEmpty, "\(name) in \(rect.width)x\(rect.height) drew at \(outside.prefix(6))")
        }
    }

    @Test func noWidgetSeesTheAppState() throws {
        let folder = UIFixture.repository.appendingPathComponent("Sources/SmarketingUI/Widgets")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count >= 15)
        for file in files {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let code = source.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
            #expect(!code.contains("AppState"), "\(file) uses AppState; build its input in Render/WidgetInputs.swift")
        }
    }
}

@Suite("Golden comparison")
struct GoldenComparisonTests {
    @Test func aMismatchNamesTheLinesThatDifferAndShowsBothVersions() {
        let expected = (0..<24).map { "row \($0) │ the same text on every run │" }
        var actual = expected
        actual[5] = "row 5 │ the same TEXT on every run │"
        withKnownIssue {
            Golden.expectLines(actual, expected, "screen demo differs")
        } matching: { issue in
            let message = issue.comments.map(\.rawValue).joined(separator: "\n")
            return message.contains("screen demo differs") && message.contains("lines 5 differ")
                && message.contains("[5]: \"row 5 │ the same text on every run │\"") && message.contains("[5]: \"row 5 │ the same TEXT on every run │\"")
                && !message.contains("row 6 ")
        }
    }

    @Test func equalLinesPass() {
        Golden.expectLines(["a", "b"], ["a", "b"], "never reported")
    }
}
