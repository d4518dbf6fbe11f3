import Testing
@testable import SmarketingModel
@testable import SmarketingUI

/// Issue 10, item 1, at the reducer: every way the chair could once write a file the loader then
/// refused. Each edit is either refused with a message that names the limit, or kept within the
/// limits; either way what would be saved still loads.
@Suite("Reducer: the dashboard never saves a file it would refuse to open")
struct FileLimitTests {
    func state() throws -> AppState { try UIFixture.state() }
    var meeting: (AppState) -> Meeting { { $0.workspace.currentMeeting! } }

    /// What the dashboard would save, read back by the loader.
    func expectLoads(_ s: AppState, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let back = try MeetingStore.decode(MeetingStore.encode(s.workspace), path: "saved.json")
            #expect(back == s.workspace, "the saved file reads back differently", sourceLocation: sourceLocation)
        } catch {
            Issue.record("the loader refuses what the dashboard would save: \(error)", sourceLocation: sourceLocation)
        }
    }

    /// Types a quick-capture line and submits it; returns the effects of Enter.
    func capture(_ line: String, _ s: inout AppState) -> [Effect] {
        s.press(.char("c"))
        s.type(line)
        return Reducer.reduce(&s, .key(.enter))
    }

    // MARK: text over its limit

    @Test func aCapturedActionTitleOverItsLimitIsRefusedWithTheLimitAndTheLineKept() throws {
        var s = try state()
        let before = s.workspace
        let line = "a: Dana: " + String(repeating: "x", count: 1001)
        #expect(capture(line, &s) == [])
        #expect(s.banner?.text == "Not captured: title: text is too long (1001 bytes; the limit is 1000).")
        #expect(s.banner?.isError == true)
        // The line stays, so the chair can shorten it.
        guard case .capture(let editor, _) = s.mode else { Issue.record("the capture line closed"); return }
        #expect(editor.text == line)
        #expect(s.workspace == before)
        expectLoads(s)
    }

    @Test func aCapturedFrictionTitleCountsBytesNotCharacters() throws {
        var s = try state()
        let before = s.workspace
        // 400 characters, 1,200 bytes in UTF-8.
        #expect(capture("f: sql: " + String(repeating: "渡", count: 400), &s) == [])
        #expect(s.banner?.text == "Not captured: title: text is too long (1200 bytes; the limit is 1000).")
        #expect(s.workspace == before)
        expectLoads(s)
    }

    @Test func aCapturedNoteThatWouldPushTheMeetingNotesPastTheirLimitIsRefused() throws {
        var s = try state()
        let nearlyFull = String(repeating: "n", count: ModelLimits.longText - 10)
        // The notes come back from $EDITOR nearly full; that alone is fine.
        #expect(Reducer.reduce(&s, .notesEdited(.meetingNotes, .success(nearlyFull + "\n"))) == [.save])
        #expect(meeting(s).notes == nearlyFull)
        let before = s.workspace
        #expect(capture("Routing slipped again.", &s) == [])
        // 99,990 + a line break + 22 bytes.
        #expect(s.banner?.text == "Not captured: the meeting notes would be too long: text is too long (100013 bytes; the limit is 100000).")
        #expect(s.workspace == before)
        expectLoads(s)
        // A note that fits still goes in.
        s.press(.ctrl("u"))
        s.type("Slipped.")
        #expect(Reducer.reduce(&s, .key(.enter)) == [.save])
        #expect(meeting(s).notes.utf8.count == ModelLimits.longText - 1)
        expectLoads(s)
    }

    @Test func aFormRefusesATitleOverItsLimitAndShowsTheLimit() throws {
        var s = try state()
        let before = s.workspace
        s.press(.char("2"), .char("a"))
        s.type(String(repeating: "x", count: 1001))
        #expect(Reducer.reduce(&s, .key(.enter)) == [])
        guard case .form(let form) = s.mode else { Issue.record("the form closed"); return }
        #expect(form.fields[0].error == "at most 1000 bytes")
        #expect(s.banner?.text == "1 field needs fixing: title: at most 1000 bytes")
        #expect(s.workspace == before)
        // One character less is accepted.
        s.press(.backspace)
        #expect(Reducer.reduce(&s, .key(.enter)) == [.save])
        expectLoads(s)
    }

    /// Notes longer than a form field holds (2,000 characters), written in $EDITOR.
    static let longNotes = (0..<300).map { "Line \($0) of the notes." }.joined(separator: "\n")

    @Test func aFormKeepsNotesLongerThanItsFieldAndSaysItShowsOnlyTheirBeginning() throws {
        var s = try state()
        let id = meeting(s).agenda[0].id
        _ = Reducer.reduce(&s, .notesEdited(.agendaNotes(id: id), .success(Self.longNotes)))
        s.press(.char("2"), .enter)
        guard case .form(let form) = s.mode else { Issue.record("no form"); return }
        #expect(form.fields[4].hint == "shows the first 2000 of 6789 characters; Esc, then N edits them all")
        // Only the timebox changes: the notes are kept whole (they were cut to 2,000 characters).
        s.press(.tab, .tab, .ctrl("u"))
        s.type("7")
        #expect(Reducer.reduce(&s, .key(.enter)) == [.save])
        #expect(meeting(s).agenda[0].timeboxMinutes == 7)
        #expect(meeting(s).agenda[0].notes == Self.longNotes)
        expectLoads(s)
    }

    @Test func aFormRefusesToSaveNotesItShowedOnlyInPartOnceTheyAreChanged() throws {
        var s = try state()
        let decision = meeting(s).decisions[0].id
        _ = Reducer.reduce(&s, .notesEdited(.decision(id: decision), .success(Self.longNotes)))
        let before = s.workspace
        s.press(.char("4"))
        s.select(.decision(decision))
        s.press(.enter)
        // The field is full, so typing adds nothing; deleting changes it.
        s.press(.backspace, .backspace)
        #expect(Reducer.reduce(&s, .key(.enter)) == [])
        #expect(s.banner?.text == "1 field needs fixing: decision: too long to edit here (6789 characters; a field holds 2000): Esc, then N edits it in your editor")
        #expect(s.workspace == before)
    }

    // MARK: counters

    /// Starts the meeting 117 days before the sample morning, then comes back to the morning.
    func meetingStarted117DaysAgo() throws -> AppState {
        var s = try state()
        _ = Reducer.reduce(&s, .tick(UIFixture.morning.adding(seconds: -117 * 86_400)))
        s.press(.char("s"))
        _ = Reducer.reduce(&s, .tick(UIFixture.morning))
        #expect(meeting(s).agenda[0].status == .active)
        // 117 days is 10,108,800 seconds: past the 10,000,000 the file allows.
        #expect(MeetingClock.elapsedSeconds(meeting(s).agenda[0], now: s.now) > ModelLimits.actualSeconds.upperBound)
        return s
    }

    @Test func spaceOnAnItemStarted117DaysAgoSavesWithItsClockSaturated() throws {
        var s = try meetingStarted117DaysAgo()
        s.select(.agenda(meeting(s).agenda[0].id))
        #expect(Reducer.reduce(&s, .key(.char(" "))) == [.save])
        #expect(s.banner?.isError != true, "refused: \(s.banner?.text ?? "")")
        #expect(meeting(s).agenda[0].status == .done)
        #expect(meeting(s).agenda[0].actualSeconds == 10_000_000)
        expectLoads(s)
    }

    @Test func nextItemAndNewWeekAfter117DaysSaveWithTheClockSaturated() throws {
        var s = try meetingStarted117DaysAgo()
        #expect(Reducer.reduce(&s, .key(.char("n"))) == [.save])
        #expect(meeting(s).agenda[0].actualSeconds == 10_000_000)
        expectLoads(s)

        var w = try meetingStarted117DaysAgo()
        w.press(.char("W"))
        #expect(Reducer.reduce(&w, .key(.char("y"))) == [.save])
        #expect(w.banner?.isError != true, "refused: \(w.banner?.text ?? "")")
        let closed = w.workspace.meetings.first { $0.date.iso == "2026-11-23" }
        #expect(closed?.agenda[0].actualSeconds == 10_000_000)
        #expect(meeting(w).date.iso == "2026-11-30")
        expectLoads(w)
    }

    // MARK: the KPI form and the weekday weeks start on

    /// The sample with every KPI week moved to the Sunday before. With `meetingsToo`, the
    /// meetings' KPI weeks move as well; without, they stay on Mondays, as in a file whose
    /// weeks were imported from a system that starts them on Sunday.
    func sundayState(meetingsToo: Bool) throws -> AppState {
        var ws = try UIFixture.workspace("northwind.json")
        for i in ws.weeks.indices { ws.weeks[i].weekStart = ws.weeks[i].weekStart.adding(days: -1) }
        ws.team.weekStartWeekday = 7
        if meetingsToo {
            for i in ws.meetings.indices { ws.meetings[i].kpiWeek = ws.meetings[i].kpiWeek.adding(days: -1) }
        }
        // The loader accepts such a file.
        let loaded = try MeetingStore.decode(MeetingStore.encode(ws), path: "sunday.json")
        return AppState(workspace: loaded, fileLabel: "sunday.json", size: Size(width: 80, height: 24), now: UIFixture.morning,
                        themeNames: ["default"], ids: IDGenerator(seed: 42))
    }

    @Test func theKPIFormOnAFileWhoseWeeksStartOnSundayEditsTheSundayWeek() throws {
        var s = try sundayState(meetingsToo: true)
        s.press(.char("1"), .enter)
        guard case .form(let form) = s.mode else { Issue.record("no form: \(s.banner?.text ?? "")"); return }
        #expect(form.title == "KPI inputs for the week of 2026-11-15")
        s.press(.tab, .ctrl("u"))
        s.type("130")
        #expect(Reducer.reduce(&s, .key(.enter)) == [.save])
        #expect(s.workspace.week(startingOn: CalendarDate(iso: "2026-11-15")!)?.leads == 130)
        expectLoads(s)
    }

    @Test func theKPIFormForAMondayWeekInAFileOfSundayWeeksIsRefusedBeforeAnythingIsTyped() throws {
        var s = try sundayState(meetingsToo: false)
        let before = s.workspace
        let message = "Cannot enter KPIs: the week of 2026-11-16 starts on a Monday, but this team's weeks start on a Sunday, "
            + "such as 2026-11-15. Set this meeting's kpiWeek to that date in the file."
        for keys in [[Key.char("1"), .char("a")], [.char("1"), .enter]] {
            s.press(.char("2"))
            s.press(keys[0], keys[1])
            #expect(s.mode == .normal)
            #expect(s.banner?.text == message)
            #expect(s.banner?.isError == true)
        }
        #expect(s.workspace == before)
        expectLoads(s)
    }
}
