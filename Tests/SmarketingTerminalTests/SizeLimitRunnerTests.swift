import Foundation
@testable import SmarketingModel
import SmarketingTerminal
import SmarketingUI
import Testing

/// Issue 10, item 1: a workspace that grew past the 64 MiB the loader opens is not saved, and the
/// chair is told so. It used to be written, and from then on every save read the file back as
/// "too large", took that for someone else's change and reported a CONFLICT.
@Suite("Dashboard runner: the size cap")
struct SizeLimitRunnerTests {
    @Test func anEditThatWouldSaveMoreThanTheCapIsNotSavedAndIsNoConflict() throws {
        let scratch = try ScratchWorkspace()
        let before = try Data(contentsOf: URL(fileURLWithPath: scratch.path))
        let store = MeetingStore(path: scratch.path)
        // The workspace on screen has grown past the cap: 680 old meetings with 100,000 bytes of
        // notes each. It is handed to the runner directly, to spare the test parsing 64 MiB.
        var huge = try store.load()
        let notes = String(repeating: "x", count: ModelLimits.longText)
        let first = CalendarDate(iso: "2000-01-03")!
        for i in 0..<680 {
            let date = first.adding(days: 7 * i)
            huge.meetings.append(Meeting(id: "mtg-old-\(i)", date: date, kpiWeek: date.adding(days: -7), chair: "C", notes: notes))
        }
        // Off a multiple of five seconds, so the failed save is not retried on every tick.
        let clock = FakeClock(Timestamp(iso: "2026-11-23T09:41:01Z")!)
        let terminal = FakeTerminal(size: Size(width: 160, height: 30), [
            .until("Agenda"), .input([.key(.char(" "))]),
            .until("NOT SAVED"), .until("over the 64 MiB limit"),
            .input([.key(.char("q"))]), .until("not saved to the file"),
            .input([.key(.char("y"))]),
        ])
        // Encoding 64 MiB takes seconds in a debug build.
        terminal.patience = 30
        let runner = DashboardRunner(store: store, options: .init(environment: ["TERM": "xterm-256color", "HOME": scratch.directory], clock: clock))
        let outcome = runner.run(workspace: huge, on: terminal)

        #expect(outcome.exitCode == 0 && !terminal.ranOut)
        #expect(terminal.missed.isEmpty, "never appeared on screen: \(terminal.missed)")
        let banner = terminal.screens.first { $0.contains("over the 64 MiB limit") } ?? ""
        #expect(banner.contains("Not saved: the workspace would be "))
        #expect(!terminal.screens.contains { $0.contains("CONFLICT") || $0.contains("changed on disk") })
        // The file was not written, nor a backup or a temporary file; quitting put the edits in a
        // recovery copy rather than dropping them.
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.path)) == before)
        #expect(scratch.files.sorted() == ["team.json", "team.json.unsaved-20261123T094101Z"])
    }
}
