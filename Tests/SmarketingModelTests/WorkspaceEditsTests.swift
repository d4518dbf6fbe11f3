import Foundation
import Testing
@testable import SmarketingModel

/// The model's edit API: every edit leaves a workspace the loader accepts, or is refused with a
/// message and changes nothing.
@Suite("Workspace edits")
struct WorkspaceEditsTests {
    let now = Timestamp(iso: "2026-11-23T09:41:00Z")!
    let today = CalendarDate(iso: "2026-11-23")!

    func sample() throws -> Workspace { try Fixture.loadSample("northwind.json") }
    func meeting(_ ws: Workspace) -> Meeting { ws.currentMeeting! }

    /// The loader's verdict on a workspace: decode what the store would write.
    func reloads(_ ws: Workspace, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let back = try MeetingStore.decode(MeetingStore.encode(ws), path: "edited.json")
            #expect(back == ws, "the saved file reads back differently", sourceLocation: sourceLocation)
        } catch {
            Issue.record("the edited workspace does not load: \(error)", sourceLocation: sourceLocation)
        }
    }

    func refuses(_ ws: inout Workspace, containing text: String, sourceLocation: SourceLocation = #_sourceLocation,
                 _ edit: (inout Workspace) throws(EditError) -> Void) {
        let before = ws
        do {
            try edit(&ws)
            Issue.record("the edit was not refused", sourceLocation: sourceLocation)
        } catch {
            #expect(error.message.contains(text), "message: \(error.message)", sourceLocation: sourceLocation)
        }
        #expect(ws == before, "a refused edit changed the workspace", sourceLocation: sourceLocation)
    }

    @Test func deletingRemovesEachKindAndAGoneItemIsRefused() throws {
        var ws = try sample()
        let m = meeting(ws)
        #expect(try ws.delete(.agenda(m.agenda[0].id)) == m.agenda[0].title)
        #expect(try ws.delete(.action(m.actionItems[1].id)) == m.actionItems[1].title)
        #expect(try ws.delete(.decision(m.decisions[0].id)) == m.decisions[0].text)
        let point = ws.frictionPoints[2]
        #expect(try ws.delete(.friction(point.id)) == point.title)
        #expect(meeting(ws).agenda.count == m.agenda.count - 1)
        #expect(!ws.frictionPoints.contains { $0.id == point.id })
        refuses(&ws, containing: "gone") { (ws: inout Workspace) throws(EditError) in _ = try ws.delete(.agenda("ag-nosuch")) }
        reloads(ws)
    }

    @Test func movingSwapsNeighboursAndStopsAtTheEnds() throws {
        var ws = try sample()
        let agenda = meeting(ws).agenda.map(\.id)
        #expect(try ws.move(.agenda(agenda[0]), by: 1))
        #expect(meeting(ws).agenda.map(\.id).prefix(2) == [agenda[1], agenda[0]])
        #expect(try ws.move(.agenda(agenda[1]), by: -1) == false)
        let decisions = meeting(ws).decisions.map(\.id)
        #expect(try ws.move(.decision(decisions[0]), by: -1) == false)
        reloads(ws)
    }

    @Test func frictionPointsMoveOnlyAmongShownPointsOfTheirStage() throws {
        var ws = try sample()
        let sql = ws.frictionPoints.filter { $0.stage == .sql }
        #expect(sql.count >= 3)
        let first = sql[0].id
        #expect(try ws.move(.friction(first), by: 1))
        let order = ws.frictionPoints.filter { $0.stage == .sql }.map(\.id)
        #expect(order[1] == first && order[0] == sql[1].id)
        // The last point of a stage does not jump into the next stage.
        let lastIQL = ws.frictionPoints.last { $0.stage == .iqlMql }!.id
        #expect(try ws.move(.friction(lastIQL), by: 1) == false)
        // With resolved points hidden, a move skips over them.
        var hidden = try sample()
        let resolved = hidden.frictionPoints.firstIndex { $0.status == .resolved }!
        let stage = hidden.frictionPoints[resolved].stage
        let shown = hidden.frictionPoints.enumerated().filter { $0.element.stage == stage && $0.element.status != .resolved }
        if shown.count >= 2, let before = shown.last(where: { $0.offset < resolved }), let after = shown.first(where: { $0.offset > resolved }) {
            #expect(try hidden.move(.friction(before.element.id), by: 1, includeResolved: false))
            #expect(hidden.frictionPoints[after.offset].id == before.element.id)
        }
    }

    @Test func statusCyclesKeepTheirBookkeeping() throws {
        var ws = try sample()
        let items = meeting(ws).agenda
        try ws.cycleStatus(.agenda(items[0].id), now: now, today: today)
        #expect(meeting(ws).agenda[0].status == .active && meeting(ws).agenda[0].startedAt == now)
        try ws.cycleStatus(.agenda(items[1].id), now: now.adding(seconds: 60), today: today)
        // Only one item runs: starting the second one finished the first.
        #expect(meeting(ws).agenda.filter { $0.status == .active }.count == 1)
        #expect(meeting(ws).agenda[0].status == .done && meeting(ws).agenda[0].actualSeconds == 60)

        let open = ws.frictionPoints.first { $0.status == .open }!.id
        try ws.cycleStatus(.friction(open), now: now, today: today)
        try ws.cycleStatus(.friction(open), now: now, today: today)
        #expect(ws.frictionPoints.first { $0.id == open }?.resolved == today)

        let action = meeting(ws).actionItems[0].id
        try ws.cycleStatus(.action(action), now: now, today: today)
        #expect(meeting(ws).actionItems[0].done)
        refuses(&ws, containing: "decisions have no status") { (ws: inout Workspace) throws(EditError) in
            try ws.cycleStatus(.decision(meeting(ws).decisions[0].id), now: now, today: today)
        }
        reloads(ws)
    }

    @Test func notesAreSetByTargetAndRefusedPastTheLimit() throws {
        var ws = try sample()
        let item = meeting(ws).agenda[0].id
        #expect(try ws.setNotes("All five done.", of: .agenda(item)))
        #expect(try ws.setNotes("All five done.", of: .agenda(item)) == false)
        try ws.setNotes("Meeting notes", of: nil)
        #expect(meeting(ws).notes == "Meeting notes")
        let tooLong = String(repeating: "x", count: ModelLimits.longText + 1)
        refuses(&ws, containing: "the limit is 100000") { (ws: inout Workspace) throws(EditError) in try ws.setNotes(tooLong, of: nil) }
        refuses(&ws, containing: "cannot be empty") { (ws: inout Workspace) throws(EditError) in
            try ws.setNotes("  ", of: .decision(meeting(ws).decisions[0].id))
        }
        reloads(ws)
    }

    @Test func formsSaveOrReplaceAndNameTheFieldThatIsWrong() throws {
        var ws = try sample()
        let index = try ws.saveAgendaItem(AgendaItem(id: "ag-new", title: "Pipeline review", timeboxMinutes: 10), status: .pending, at: 1, now: now)
        #expect(index == 1 && meeting(ws).agenda[1].title == "Pipeline review")
        var edited = meeting(ws).agenda[1]
        edited.title = "Pipeline review (renamed)"
        #expect(try ws.saveAgendaItem(edited, status: .active, at: 99, now: now) == 1)
        let original = try sample()
        #expect(meeting(ws).agenda[1].status == .active && meeting(ws).agenda.count == meeting(original).agenda.count + 1)
        do {
            _ = try ws.saveActionItem(ActionItem(id: "act-new", title: String(repeating: "渡", count: 400)), at: 0)
            Issue.record("a 1200-byte title was accepted")
        } catch {
            #expect(error.field == "title")
            #expect(error.message.contains("1200 bytes; the limit is 1000"))
        }
        refuses(&ws, containing: "required") { (ws: inout Workspace) throws(EditError) in _ = try ws.saveDecision(Decision(id: "dec-new", text: " "), at: 0) }
        reloads(ws)
    }

    @Test func aWeekThatStartsOnAnotherWeekdayIsRefused() throws {
        var ws = try sample()
        let monday = ws.weeks.last!.weekStart
        refuses(&ws, containing: "starts on a Sunday") { (ws: inout Workspace) throws(EditError) in
            try ws.saveWeek(WeekRecord(id: "wk-sunday", weekStart: monday.adding(days: 6)))
        }
        try ws.saveWeek(WeekRecord(id: "wk-next", weekStart: monday.adding(days: 7), leads: 10))
        #expect(ws.weeks.last?.leads == 10)
        reloads(ws)
    }

    @Test func quickCaptureAddsWhatItSaysAndRefusesWhatWouldNotLoad() throws {
        var ws = try sample()
        var ids = IDPool(generator: IDGenerator(seed: 7), taken: ws.allIDs)
        let action = try ws.apply(.actionItem(owner: "Dana", title: "Send the deck"), ids: &ids, today: today)
        #expect(meeting(ws).actionItems.last.map { ItemRef.action($0.id) } == action)
        let point = try ws.apply(.frictionPoint(stage: .sql, title: "SQLs lack a budget owner"), ids: &ids, today: today)
        #expect(ws.frictionPoints.last.map { ItemRef.friction($0.id) } == point)
        #expect(ws.frictionPoints.last?.raisedBy == .marketing)
        #expect(try ws.apply(.note("Routing slipped."), ids: &ids, today: today) == nil)
        refuses(&ws, containing: "the limit is 1000") { (ws: inout Workspace) throws(EditError) in
            try ws.apply(.actionItem(owner: "Dana", title: String(repeating: "x", count: 1001)), ids: &ids, today: today)
        }
        refuses(&ws, containing: "the limit is 1000") { (ws: inout Workspace) throws(EditError) in
            try ws.apply(.frictionPoint(stage: .sql, title: String(repeating: "渡", count: 400)), ids: &ids, today: today)
        }
        try ws.setNotes(String(repeating: "n", count: ModelLimits.longText - 10), of: nil)
        refuses(&ws, containing: "meeting notes would be too long") { (ws: inout Workspace) throws(EditError) in
            try ws.apply(.note("one more line"), ids: &ids, today: today)
        }
        reloads(ws)
    }

    @Test func suggestionsAreSettledOnceForTheWeek() throws {
        var ws = try sample()
        var ids = IDPool(generator: IDGenerator(seed: 7), taken: ws.allIDs)
        let suggestion = FrictionSuggestion(conversion: .mqlToSQL, rate: 0.18, average: 0.24)
        let id = try ws.accept(suggestion, ids: &ids, today: today)
        #expect(ws.frictionPoints.last?.id == id && ws.frictionPoints.last?.stage == suggestion.stage)
        #expect(meeting(ws).dismissedSuggestions.contains(.mqlToSQL))
        refuses(&ws, containing: "gone") { (ws: inout Workspace) throws(EditError) in try ws.dismissSuggestion(.mqlToSQL) }
        try ws.dismissSuggestion(.leadToMQL)
        reloads(ws)
    }

    @Test func endingTheMeetingStopsTheClock() throws {
        var ws = try sample()
        try ws.startMeeting(now: now)
        #expect(try ws.nextAgendaItem(now: now.adding(seconds: 300)) == 1)
        try ws.endMeeting(now: now.adding(seconds: 400))
        let m = meeting(ws)
        #expect(m.endedAt == now.adding(seconds: 400))
        #expect(!m.agenda.contains { $0.status == .active })
        #expect(m.agenda[1].actualSeconds == 100)
        reloads(ws)
    }

    @Test func countersSaturateSoALongMeetingOrOldItemStillSaves() throws {
        var ws = try sample()
        // An item started 117 days ago: more seconds than the file allows.
        try ws.startMeeting(now: now.adding(seconds: -117 * 86_400))
        try ws.endMeeting(now: now)
        #expect(meeting(ws).agenda[0].actualSeconds == ModelLimits.actualSeconds.upperBound)
        reloads(ws)

        var old = try sample()
        let mi = old.currentMeetingIndex!
        old.meetings[mi].actionItems[0].weeksCarried = ModelLimits.weeksCarried.upperBound
        var generator = IDGenerator(seed: 3)
        let summary = try old.startNextWeek(now: now, ids: &generator)
        #expect(summary.opened.actionItems.map(\.weeksCarried).max() == ModelLimits.weeksCarried.upperBound)
        reloads(old)
    }

    /// Random edits, each followed by the loader's verdict: the app can never save a file it
    /// would refuse to open.
    @Test func randomEditSequencesAlwaysReload() throws {
        var rng = SeededRandom(seed: 2026)
        var ws = try sample()
        var ids = IDPool(generator: IDGenerator(seed: 11), taken: ws.allIDs)
        var applied = 0
        let texts = ["", " ", "Short", String(repeating: "é", count: 600), String(repeating: "x", count: 999), "tab\there", "\u{202E}bidi"]
        for step in 0..<250 {
            let m = meeting(ws)
            var refs: [ItemRef] = m.agenda.map { .agenda($0.id) } + m.actionItems.map { .action($0.id) } + m.decisions.map { .decision($0.id) }
            refs += ws.frictionPoints.map { .friction($0.id) }
            let ref = refs.isEmpty ? nil : refs[rng.below(refs.count)]
            let text = texts[rng.below(texts.count)]
            let at = now.adding(seconds: Int64(step * 37))
            do {
                switch rng.below(9) {
                case 0: if let ref { _ = try ws.delete(ref) }
                case 1: if let ref { _ = try ws.move(ref, by: rng.below(2) == 0 ? -1 : 1, includeResolved: rng.below(2) == 0) }
                case 2: if let ref { try ws.cycleStatus(ref, now: at, today: today) }
                case 3: try ws.setNotes(text, of: ref)
                case 4: try ws.apply(.actionItem(owner: "Dana", title: text), ids: &ids, today: today)
                case 5: try ws.apply(.note(text), ids: &ids, today: today)
                case 6: _ = try ws.saveAgendaItem(AgendaItem(id: ids.fresh("ag"), title: text, timeboxMinutes: rng.below(500)), status: .pending, at: rng.below(12), now: at)
                case 7: _ = try ws.nextAgendaItem(now: at)
                default: try ws.startMeeting(now: at)
                }
                applied += 1
            } catch {
                // Refused: nothing changed, which the reload check below also covers.
            }
            reloads(ws)
        }
        #expect(applied > 90, "too few edits were accepted to mean anything: \(applied)")
    }
}
