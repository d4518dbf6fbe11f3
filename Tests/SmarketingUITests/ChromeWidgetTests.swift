import Testing
@testable import SmarketingModel
@testable import SmarketingUI

/// The header, the status bar and the overlays. Role letters (see `StyleRole.letter`): h/H header
/// (accent), q/Q status bar (key), E status error, N banner error, o/O overlay (border), I focused
/// title, l form label, f/F field (focused), e form error, d dim.
@Suite("Widgets: header and status bar")
struct BarWidgetTests {
    static let meeting = HeaderBar.MeetingLine(date: CalendarDate(iso: "2026-11-23")!, timer: .running(elapsedSeconds: 754, lengthMinutes: 60, agendaMinutes: 55, endsAt: "10:15"),
                                               chair: "Priya Natarajan", attendees: 6)

    @Test func theHeaderShortensAttendeesChairAndTimerAndDropsAttendeesFirst() {
        let grid = WidgetFixture.draw(HeaderBar(team: "Northwind", clock: "09:41", meeting: Self.meeting), width: 100, height: 1)
        WidgetFixture.expect(grid, [" smarketing  Northwind │ Mon 2026-11-23 │ ◷ 12:34 of 60 min · ends ~10:15 │ chair Priya       09:41 "],
                             styles: [String(repeating: "H", count: 12) + String(repeating: "h", count: 81) + String(repeating: "H", count: 7)])
    }

    /// At 80 columns, with a real team name, the chair's name stays while the timer runs.
    @Test func at80ColumnsTheChairStaysBesideTheTimer() {
        let line = WidgetFixture.draw(HeaderBar(team: "Northwind Analytics: Revenue Team", clock: "09:41", meeting: Self.meeting), width: 80, height: 1).textLines[0]
        #expect(line == " smarketing  Northwind Analytics: R… │ 11-23 │ ◷ 12:34/60m │ chair Priya  09:41 ", "\(line)")
    }

    @Test func aNarrowHeaderKeepsTheTimerShortAndTheChair() {
        let grid = WidgetFixture.draw(HeaderBar(team: "Northwind", clock: "09:41", meeting: Self.meeting), width: 60, height: 1)
        WidgetFixture.expect(grid, [" smarketing  Northwind │ ◷ 12:34/60m │ chair Priya    09:41 "])
    }

    @Test func anEndedMeetingAndNoMeeting() {
        var meeting = Self.meeting
        meeting.timer = .ended(at: "10:46", elapsedSeconds: 3490, lengthMinutes: 60)
        #expect(WidgetFixture.draw(HeaderBar(team: "N", clock: "11:00", meeting: meeting), width: 120, height: 1).textLines[0]
            .contains("│ ended 10:46 · 58 of 60 min │ chair Priya Natarajan │ 6 attendees"))
        WidgetFixture.expect(WidgetFixture.draw(HeaderBar(team: "Northwind", clock: "09:41", meeting: nil), width: 40, height: 1),
                             [" smarketing  Northwind            09:41 "])
    }

    static let hints = [("Tab", "pane"), ("a", "add"), ("e", "edit"), ("?", "help"), ("q", "quit")].map { StatusBar.Hint(keys: $0.0, label: $0.1) }

    @Test func theStatusBarShowsAsManyHintsAsFit() {
        // The file name takes at most a quarter of the bar (here 15 columns).
        let bar = StatusBar(fileLabel: "northwind.json", save: .saved, mode: "NORMAL", message: .hints(Self.hints))
        WidgetFixture.expect(WidgetFixture.draw(bar, width: 60, height: 1), [" northwind.jso… ✓ saved  NORMAL   Tab pane  a add  e edit   "],
                             styles: ["qqqqqqqqqqqqqqqqqqqqqqqqQQQQQQQQqQQQQqqqqqqQQqqqqqQQqqqqqqqq"])
    }

    @Test func aFailedSaveAndItsBannerAreInTheErrorColours() {
        let bar = StatusBar(fileLabel: "w.json", save: .notSaved, mode: "NORMAL", message: .banner("Not saved: disk full", isError: true))
        let grid = WidgetFixture.draw(bar, width: 70, height: 1)
        #expect(grid.textLines[0] == " w.json  ✗ NOT SAVED  NORMAL   Not saved: disk full                   ")
        #expect(grid.styleLines[0].hasPrefix("qqqqqqqq" + String(repeating: "E", count: 13) + "QQQQQQQQq" + String(repeating: "N", count: 22) + "q"))
    }

    @Test func thePresenterSaysWhatItShowsNeverWhetherItSaved() {
        let label = StatusBar.presenterLabel("w.json", .following(updated: Timestamp(iso: "2026-11-23T08:15:03Z")!), utcOffset: 0)
        let bar = StatusBar(fileLabel: label, save: .presenter, mode: "FOLLOW", message: .readOnlyNote)
        let line = WidgetFixture.draw(bar, width: 100, height: 1).textLines[0]
        #expect(line.hasPrefix(" following w.json · updated 08:15:03  FOLLOW   read-only · q quits"))
        #expect(!line.contains("saved") && !line.contains("saving"))
        #expect(StatusBar.presenterLabel("w.json", .noChair(reason: nil), utcOffset: 0) == "w.json · no chair connected (showing the file)")
        #expect(StatusBar.presenterLabel("w.json", .independent, utcOffset: 3600) == "w.json · --independent")
    }
}

@Suite("Widgets: overlays")
struct OverlayWidgetTests {
    static let form = FormOverlay(title: "Add agenda item", fields: [
        .init(label: "Title", value: .text(LineEditor("Pipeline review")), hint: "what is discussed"),
        .init(label: "Owner", value: .text(LineEditor("")), error: "an owner is required"),
        .init(label: "Minutes", value: .choice("10")),
    ])

    @Test func aRoomyFormHasALineUnderEachFieldForItsMessage() {
        #expect(Self.form.placement(on: Size(width: 80, height: 24)) == Rect(x: 2, y: 7, width: 76, height: 10))
        WidgetFixture.expect(WidgetFixture.draw(Self.form, width: 76, height: 10), [
            "┌ Add agenda item ─────────────────────────────────────────────────────────┐",
            "│                                                                          │",
            "│     Title Pipeline review                                                │",
            "│           what is discussed                                              │",
            "│   ⚠ Owner                                                                │",
            "│           an owner is required                                           │",
            "│   Minutes ◂ 10 ▸                                                         │",
            "│                                                                          │",
            "│ Enter save · Esc cancel · Tab/↑↓ field · ←→ choice                       │",
            "└──────────────────────────────────────────────────────────────────────────┘",
        ], styles: [
            "OOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOO",
            "OooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooO",
            "OoooooIIIIIIFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFoO",
            "OooooooooooodddddddddddddddddooooooooooooooooooooooooooooooooooooooooooooooO",
            "OoooeeeeeeeeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffoO",
            "OoooooooooooeeeeeeeeeeeeeeeeeeeeoooooooooooooooooooooooooooooooooooooooooooO",
            "OooollllllllffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffoO",
            "OooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooO",
            "OoddddddddddddddddddddddddddddddddddddddddddddddddddoooooooooooooooooooooooO",
            "OOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOO",
        ])
        // The cursor sits after the typed text of the focused field.
        #expect(Self.form.cursor(in: Rect(x: 2, y: 7, width: 76, height: 10)).map { [$0.x, $0.y] } == [2 + 12 + 15, 7 + 2])
    }

    /// The error mark never cuts the label it marks (it was "⚠ Due dat…" at 80 columns).
    @Test func anErrorMarksTheLongestLabelWithoutCuttingIt() {
        var form = FormOverlay(title: "New action item", fields: [
            .init(label: "Title", value: .text(LineEditor("Send the deck"))),
            .init(label: "Owner", value: .text(LineEditor("Luis"))),
            .init(label: "Due date", value: .text(LineEditor("next friday")), error: "use YYYY-MM-DD, e.g. 2026-11-30"),
        ])
        form.focus = 2
        let lines = WidgetFixture.draw(form, width: 76, height: 8).textLines
        #expect(lines.contains { $0.contains("⚠ Due date next friday") }, "\(lines)")
        #expect(lines.contains { $0.contains("⚠ due date: use YYYY-MM-DD") })
    }

    @Test func aCrampedFormPutsTheFocusedFieldsMessageAboveTheFooter() {
        var form = Self.form
        form.focus = 1
        let rect = form.placement(on: Size(width: 80, height: 11))
        #expect(rect.height == 8)
        let lines = WidgetFixture.draw(form, width: rect.width, height: rect.height).textLines
        #expect(lines[2].contains("Title Pipeline review") && lines[3].contains("⚠ Owner ") && lines[4].contains("Minutes ◂ 10 ▸"))
        #expect(lines[5].hasPrefix("│ ⚠ owner: an owner is required"))
        #expect(form.cursor(in: rect).map { [$0.x, $0.y] } == [rect.x + 12, rect.y + 3])
    }

    static let help = HelpOverlay(sections: [
        .init(title: "Dashboard", entries: [.init(keys: "Tab", help: "next pane"), .init(keys: "a", help: "add (Agenda, Friction points)")]),
        .init(title: "Empty", entries: []),
        .init(title: "Help", entries: [.init(keys: "j/k", help: "scroll")]),
    ])

    @Test func helpListsSectionsAndSaysWhenThereIsMore() {
        // Two columns at 120: each section stays whole in its column.
        #expect(Self.help.placement(on: Size(width: 120, height: 40)) == Rect(x: 1, y: 16, width: 118, height: 7))
        WidgetFixture.expect(WidgetFixture.draw(Self.help, width: 40, height: 6), [
            "┌ Keys · j/k scroll · Esc closes ──────┐",
            "│ Dashboard                            │",
            "│   Tab            next pane           │",
            "│   a              add (Agenda,        │",
            "│                              ▼ more  │",
            "└──────────────────────────────────────┘",
        ])
        var scrolled = Self.help
        scrolled.scroll = 99
        WidgetFixture.expect(WidgetFixture.draw(scrolled, width: 40, height: 6), [
            "┌ Keys · j/k scroll · Esc closes ──────┐",
            "│                                      │",
            "│ Help                                 │",
            "│   j/k            scroll              │",
            "│                                      │",
            "└──────────────────────────────────────┘",
        ])
    }

    /// At 200 columns the whole key list fits at once, in four columns, the meeting's keys first.
    @Test func wideHelpShowsEveryKeyInColumnsWithTheMeetingFirst() {
        let help = HelpOverlay(scroll: 0)
        let rect = help.placement(on: Size(width: 200, height: 60))
        #expect(rect.height < 60, "the key list does not fit at 200x60")
        let lines = WidgetFixture.draw(help, width: rect.width, height: rect.height).textLines
        #expect(lines[1].hasPrefix("│ Running the meeting"))
        #expect(!lines.joined().contains("▼ more"))
        let text = lines.joined(separator: "\n")
        for key in ["  s ", "  n ", "  c ", "  N ", "  E ", "  W ", "  q ", "  Ctrl-W "] { #expect(text.contains(key), "\(key) missing") }
        #expect(lines.allSatisfy { !$0.contains("…") }, "help text cut at 200 columns")
    }

    @Test func theQuitPromptCountsUnsavedEdits() {
        WidgetFixture.expect(WidgetFixture.draw(QuitPrompt(unsavedEdits: 1), width: 64, height: 6), [
            "┌ Quit? ───────────────────────────────────────────────────────┐",
            "│                                                              │",
            "│ 1 edit is not saved to the file.                             │",
            "│ y quit, keeping it in a copy beside the file · n stay        │",
            "│                                                              │",
            "└──────────────────────────────────────────────────────────────┘",
        ])
        #expect(WidgetFixture.draw(QuitPrompt(unsavedEdits: 3), width: 64, height: 6).textLines[2].contains("3 edits are not saved"))
    }

    @Test func theDiscardPromptSaysWhatWouldBeLost() {
        WidgetFixture.expect(WidgetFixture.draw(DiscardPrompt(place: "in this form"), width: 64, height: 6), [
            "┌ Discard? ────────────────────────────────────────────────────┐",
            "│                                                              │",
            "│ What you typed in this form would be lost.                   │",
            "│ y discard it · n keep editing                                │",
            "│                                                              │",
            "└──────────────────────────────────────────────────────────────┘",
        ])
    }

    @Test func theNewWeekPromptNamesBothMeetings() {
        let text = WidgetFixture.draw(NewWeekPrompt(meetingDate: CalendarDate(iso: "2026-11-23")!, openActionItems: 1), width: 70, height: 8).textLines
        #expect(text[2].contains("meeting of 2026-11-23") && text[3].contains("opens 2026-11-30") && text[4].contains("1 open action item carried"))
    }

    @Test func tooSmallSaysWhatItNeedsOrKeepsTheQuitQuestion() {
        let notice = TooSmallNotice(size: Size(width: 60, height: 20), minimum: Size(width: 80, height: 24))
        let lines = WidgetFixture.draw(notice, width: 60, height: 20).textLines
        #expect(lines[8] == String(repeating: " ", count: 17) + "Terminal too small: 60x20" + String(repeating: " ", count: 18))
        #expect(lines[9].trimmingCharacters(in: .whitespaces) == "need 80x24")
        let quitting = TooSmallNotice(size: Size(width: 30, height: 5), minimum: Size(width: 80, height: 24), unsavedEditsIfQuitting: 2)
        #expect(WidgetFixture.draw(quitting, width: 30, height: 5).textLines[1] == "Quit and lose 2 unsaved edits?")
    }

    @Test func theCaptureLineSitsAboveTheStatusBarWithCompletions() {
        let capture = CaptureLine(editor: LineEditor("a: Priya: send deck"), completions: ["Priya Natarajan", "Tom Okafor"])
        let rect = capture.placement(on: Size(width: 80, height: 24))
        #expect(rect == Rect(x: 0, y: 20, width: 80, height: 3))
        let lines = WidgetFixture.draw(capture, width: 80, height: 3).textLines
        #expect(lines[1].hasPrefix("│ › a: Priya: send deck   "))
        #expect(lines[2].hasPrefix("└ Tab: Priya Natarajan · Tom Okafor─"))
        #expect(capture.cursor(in: rect).map { [$0.x, $0.y] } == [4 + 19, 21])
    }

    @Test func theConflictOverlayOffersTheChoicesAndTheDifferences() {
        let diff = [WorkspaceDiff.Line(kind: "agenda item", title: "Welcome", change: "only mine"),
                    WorkspaceDiff.Line(kind: "team", title: "", change: "changed")]
        let overlay = ConflictOverlay(fileLabel: "w.json", unsavedEdits: 2, differences: diff, viewing: true)
        #expect(overlay.placement(on: Size(width: 120, height: 40)) == Rect(x: 15, y: 14, width: 90, height: 11))
        let grid = WidgetFixture.draw(overlay, width: 90, height: 11)
        let lines = grid.textLines
        #expect(lines[2].hasSuffix("Another program or window saved w.json. Nothing has been overwritten. 2 edits are onl… │"))
        #expect(lines[4].hasPrefix("│  r  reload theirs") && lines[6].hasPrefix("│  v  hide the differences"))
        #expect(lines[8].hasPrefix("│ only mine   agenda item: Welcome") && lines[9].hasPrefix("│ changed     team "))
        #expect(grid.styleLines[8].dropFirst(2).hasPrefix("ggggggggg") && grid.styleLines[9].dropFirst(2).hasPrefix("wwwwwww"))
        let unreadable = ConflictOverlay(fileLabel: "w.json", unsavedEdits: 2, differences: nil)
        let text = WidgetFixture.draw(unreadable, width: 90, height: 9).textLines
        #expect(text[2].contains("w.json changed on disk and is not valid now.") && text[4].contains(" k  keep mine") && !text[5].contains(" r "))
    }
}
