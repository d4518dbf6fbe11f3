import Foundation
import Testing
@testable import SmarketingModel

@Suite("Live meeting: timers with an injected clock")
struct TimerTests {
    let t0 = Timestamp(iso: "2026-11-23T15:00:00Z")!

    func meeting() -> Meeting {
        let d = CalendarDate(iso: "2026-11-23")!
        return Meeting(id: "m", date: d, kpiWeek: d.adding(days: -7), chair: "C", agenda: [
            AgendaItem(id: "a", title: "A", timeboxMinutes: 10),
            AgendaItem(id: "b", title: "B", timeboxMinutes: 5),
            AgendaItem(id: "c", title: "C", timeboxMinutes: 15, status: .skipped),
            AgendaItem(id: "d", title: "D", timeboxMinutes: 20),
        ])
    }

    @Test func startingTheMeetingStartsTheFirstPendingItem() {
        var m = meeting()
        #expect(MeetingClock.meetingElapsed(m, now: t0) == nil)
        MeetingClock.start(&m, now: t0)
        #expect(m.startedAt == t0)
        #expect(m.agenda[0].status == .active)
        #expect(m.agenda[0].startedAt == t0)
        #expect(MeetingClock.meetingElapsed(m, now: t0.adding(seconds: 90)) == 90)
    }

    @Test func nextRecordsActualSecondsAndSkipsSkippedItems() {
        var m = meeting()
        MeetingClock.start(&m, now: t0)
        #expect(MeetingClock.next(&m, now: t0.adding(seconds: 612)) == 1)
        #expect(m.agenda[0].status == .done)
        #expect(m.agenda[0].actualSeconds == 612)
        #expect(m.agenda[0].startedAt == nil)
        #expect(MeetingClock.next(&m, now: t0.adding(seconds: 1000)) == 3) // C is skipped
        #expect(m.agenda[1].actualSeconds == 388)
        #expect(MeetingClock.next(&m, now: t0.adding(seconds: 2000)) == nil)
        #expect(m.agenda.map(\.status) == [.done, .done, .skipped, .done])
        #expect(m.agenda[3].actualSeconds == 1000)
    }

    @Test func elapsedSurvivesARestartBecauseTheStartTimeIsStored() throws {
        var m = meeting()
        MeetingClock.start(&m, now: t0)
        var ws = Workspace(team: Team(name: "T", salesReps: 1), targets: KPITargets(costPerLead: 1, leadToCustomerRatio: 0.1, closeRate: 0.1, salesCycleDays: 1), meetings: [m], currentMeetingID: "m")
        ws = try MeetingStore.decode(MeetingStore.encode(ws), path: "w.json") // "restart": through the file
        let reloaded = ws.meetings[0]
        #expect(MeetingClock.elapsedSeconds(reloaded.agenda[0], now: t0.adding(seconds: 300)) == 300)
        var again = reloaded
        MeetingClock.next(&again, now: t0.adding(seconds: 301))
        #expect(again.agenda[0].actualSeconds == 301)
    }

    @Test func projectedEndCountsTheRunningItemsRemainderAndThePendingTimeboxes() {
        var m = meeting()
        MeetingClock.start(&m, now: t0)
        // 4 minutes into A (10 min): 6 left, plus B 5 and D 20 (C skipped) = 31 minutes.
        #expect(MeetingClock.projectedEnd(m, now: t0.adding(seconds: 240)) == t0.adding(seconds: 240 + 31 * 60))
        // Overrunning A does not make the projection go backwards.
        #expect(MeetingClock.projectedEnd(m, now: t0.adding(seconds: 900)) == t0.adding(seconds: 900 + 25 * 60))
    }
}

@Suite("Funnel, suggestions and the SLA")
struct FunnelTests {
    func ws(_ weeks: [WeekRecord], reps: Int = 2) -> Workspace {
        var w = workspace(weeks: weeks)
        w.team.salesReps = reps
        return w
    }

    @Test func conversionsAndFourWeekAverages() {
        let weeks = (1...4).map { week(CalendarDate(iso: "2026-11-16")!.adding(days: -7 * $0).iso, leads: 100, mqls: 40, sqls: 10, opps: 5, won: 2) }
            + [week("2026-11-16", leads: 100, mqls: 30, sqls: 10, opps: 5, won: 1)]
        let report = FunnelReport(workspace: ws(weeks), week: CalendarDate(iso: "2026-11-16")!)
        #expect(report.counts == [100, 30, 10, 5, 1])
        #expect(report.steps.map(\.rate) == [0.3, 1.0 / 3.0, 0.5, 0.2])
        #expect(report.steps.map(\.fourWeekAverage) == [0.4, 0.25, 0.5, 0.4])
        // 0.3 vs 0.4 is 25% below: flagged. 0.2 vs 0.4 is 50% below: flagged. 0.5 = 0.5: not.
        #expect(report.steps.map(\.isFlagged) == [true, false, false, true])
        let suggestions = report.suggestions(dismissed: [.opportunityToWon])
        #expect(suggestions.map(\.conversion) == [.leadToMQL])
        #expect(suggestions[0].stage == .iqlMql)
        #expect(suggestions[0].title == "Lead→MQL conversion fell to 30.0%, 25% below its 4-week average of 40.0%")
    }

    @Test func exactlyTwentyPercentBelowIsNotFlaggedAndNoHistoryNeverIs() {
        let weeks = [week("2026-11-09", leads: 100, mqls: 50), week("2026-11-16", leads: 100, mqls: 40)]
        let report = FunnelReport(workspace: ws(weeks), week: CalendarDate(iso: "2026-11-16")!)
        #expect(!report.steps[0].isFlagged)
        let alone = FunnelReport(workspace: ws([week("2026-11-16", leads: 0)]), week: CalendarDate(iso: "2026-11-16")!)
        #expect(alone.steps[0].rate == nil)
        #expect(alone.suggestions(dismissed: []).isEmpty)
    }

    @Test func slaCountsSQLsPerRepSinceTheFirstOfTheMonth() {
        var w1 = week("2026-10-26", sqls: 100) // October: not counted
        w1.sqlsFirstAttemptInSLA = 1
        var w2 = week("2026-11-09", sqls: 6)
        w2.sqlsFirstAttemptInSLA = 3
        var w3 = week("2026-11-16", sqls: 4)
        w3.sqlsFirstAttemptInSLA = 3
        w3.sqlsFullyAttempted = 1
        let sla = SLAReport(workspace: ws([w1, week("2026-11-02", sqls: 2), w2, w3, week("2026-11-23", sqls: 50)]), week: CalendarDate(iso: "2026-11-16")!)
        #expect(sla.leadsPerRepThisMonth == 6) // (2 + 6 + 4) / 2 reps
        #expect(sla.firstAttemptShare == 0.75)
        #expect(sla.fullyAttemptedShare == 0.25)
        #expect(sla.line(compact: true) == "SLA 6.0/5 per rep · 1st ≤6h 75% · 4×/12d 25%")
        let none = SLAReport(workspace: ws([], reps: 0), week: CalendarDate(iso: "2026-11-16")!)
        #expect(none.leadsPerRepThisMonth == nil && none.firstAttemptShare == nil)
        #expect(none.line(compact: false) == "SLA: n/a of 5 leads per rep this month")
    }
}

@Suite("Next week: carry-over")
struct NextWeekTests {
    @Test func closesTheMeetingCarriesOpenActionsAndAdvancesTheKPIWeek() throws {
        var ws = try Fixture.loadSample("northwind.json")
        let before = ws
        var ids = IDGenerator(seed: 7)
        let now = Timestamp(iso: "2026-11-23T16:00:00Z")!
        let summary = try NextWeek.start(&ws, now: now, ids: &ids)
        #expect(summary.carriedOver == 4)
        let next = ws.currentMeeting!
        #expect(next.date.iso == "2026-11-30")
        #expect(next.kpiWeek.iso == "2026-11-23")
        #expect(next.agenda.first?.title == "Review last week's action items")
        // The standing agenda, then the items this meeting did not reach (none of it ran).
        let standard = WorkspaceTemplate.standardAgenda.map(\.title)
        let notReached = before.currentMeeting!.agenda.map(\.title).filter { !standard.contains($0) }
        #expect(notReached.count == 7)
        #expect(next.agenda.map(\.title) == standard + notReached)
        #expect(summary.carriedAgenda == 7)
        #expect(next.actionItems.map(\.weeksCarried) == [2, 2, 1, 1])
        #expect(next.actionItems.map(\.title) == before.currentMeeting!.actionItems.map(\.title))
        #expect(Set(next.actionItems.map(\.id)).isDisjoint(with: before.allIDs))
        // The closed meeting stays, unchanged but for its end time, and can still be exported.
        let closed = ws.meeting(on: CalendarDate(iso: "2026-11-23")!)!
        #expect(closed.endedAt == now)
        #expect(closed.actionItems == before.currentMeeting!.actionItems)
        #expect(ws.frictionPoints == before.frictionPoints)
        #expect(ws.meetings.count == 3)
        #expect(WorkspaceValidator.problems(in: ws).isEmpty)
        try Fixture.assertGolden(MinutesExporter(workspace: ws).markdown(for: next), "minutes/northwind-next-week.md")
        let json = String(decoding: JSONWriter.canonicalBytes(next.json), as: UTF8.self)
        try Fixture.assertGolden(json, "next-week-meeting.json")
    }

    @Test func doneItemsStayBehindAndARunningItemIsStopped() throws {
        var ws = try Fixture.loadSample("northwind.json")
        let mi = ws.currentMeetingIndex!
        ws.meetings[mi].actionItems[0].done = true
        MeetingClock.start(&ws.meetings[mi], now: Timestamp(iso: "2026-11-23T15:00:00Z")!)
        var ids = IDGenerator(seed: 1)
        let summary = try NextWeek.start(&ws, date: CalendarDate(iso: "2026-12-01"), now: Timestamp(iso: "2026-11-23T15:10:00Z")!, ids: &ids)
        #expect(summary.carriedOver == 3)
        #expect(summary.closed.agenda[0].status == .done)
        #expect(summary.closed.agenda[0].actualSeconds == 600)
        #expect(ws.currentMeeting!.date.iso == "2026-12-01")
    }

    @Test func refusesADateThatIsNotAfterTheCurrentMeetingOrIsTaken() throws {
        var ws = try Fixture.loadSample("northwind.json")
        var ids = IDGenerator(seed: 1)
        let now = Timestamp(secondsSinceEpoch: 0)
        #expect(throws: NextWeek.Failure.dateNotAfter(CalendarDate(iso: "2026-11-16")!, current: CalendarDate(iso: "2026-11-23")!)) {
            try NextWeek.start(&ws, date: CalendarDate(iso: "2026-11-16"), now: now, ids: &ids)
        }
    }
}

@Suite("Quick capture parsing")
struct CaptureTests {
    @Test(arguments: [
        ("a: Dana: send the lead definition", Capture.actionItem(owner: "Dana", title: "send the lead definition")),
        ("A:Marcus Reed:  call Acme: today", .actionItem(owner: "Marcus Reed", title: "call Acme: today")),
        ("a: Luis: send the deck due:fri", .actionItem(owner: "Luis", title: "send the deck", due: .weekday(5))),
        ("a: Luis: due:2026-11-30 send the deck", .actionItem(owner: "Luis", title: "send the deck", due: .date(CalendarDate(iso: "2026-11-30")!))),
        ("a: Luis: call back DUE:Tomorrow", .actionItem(owner: "Luis", title: "call back", due: .tomorrow)),
        ("d: SQL needs a budget owner", .decision("SQL needs a budget owner")),
        ("d: ratio: 3:1 is fine", .decision("ratio: 3:1 is fine")),
        ("f: sql: reps reject a third of SQLs", .frictionPoint(stage: .sql, title: "reps reject a third of SQLs")),
        ("f: MQL: webinar leads lack size", .frictionPoint(stage: .iqlMql, title: "webinar leads lack size")),
        ("f: churn: onboarding drop-off", .frictionPoint(stage: .retention, title: "onboarding drop-off")),
        ("Budget review moved to Friday", .note("Budget review moved to Friday")),
        ("ask: whether we need a second SDR", .note("ask: whether we need a second SDR")),
        ("a", .note("a")),
        ("渡辺: 展示会", .note("渡辺: 展示会")),
    ])
    func parses(line: String, expected: Capture) {
        #expect(Capture.parse(line) == .success(expected))
    }

    @Test(arguments: [
        ("", CaptureError.empty), ("   ", .empty), ("a: Dana", .actionNeedsOwnerAndText), ("a: Dana: ", .actionNeedsOwnerAndText),
        ("d:  ", .decisionNeedsText), ("f: sql", .frictionNeedsStageAndText), ("f: pipeline: stuck", .unknownStage("pipeline")),
        ("a: Luis: send the deck due:someday", .badDueDate("someday")), ("a: Luis: due:fri", .actionNeedsOwnerAndText),
    ])
    func rejectsMalformedLinesWithAnExplanation(line: String, error: CaptureError) {
        #expect(Capture.parse(line) == .failure(error))
    }

    @Test func aDueWeekdayIsTheNextOneAfterToday() {
        let monday = CalendarDate(iso: "2026-11-23")!, friday = CalendarDate(iso: "2026-11-27")!
        #expect(DueDate.weekday(5).date(from: monday) == friday)
        #expect(DueDate.weekday(5).date(from: friday) == CalendarDate(iso: "2026-12-04"))
        #expect(DueDate("friday") == .weekday(5) && DueDate("fr") == nil && DueDate("Thu") == .weekday(4))
        #expect(DueDate.tomorrow.date(from: monday) == CalendarDate(iso: "2026-11-24"))
    }

    @Test func completesOwnersAndStages() throws {
        let ws = try Fixture.loadSample("northwind.json")
        let names = Capture.knownNames(in: ws)
        #expect(names.first == "Dana Whitfield")
        #expect(names.contains("Hannah Kim"))
        #expect(Capture.completions(for: "a: ma", owners: names) == ["Marcus Reed"])
        #expect(Capture.completions(for: "f: op", owners: names) == ["opportunity"])
        #expect(Capture.completions(for: "f: ", owners: names) == FunnelStage.allCases.map(\.rawValue))
        #expect(Capture.completions(for: "a: Dana Whitfield: x", owners: names).isEmpty)
    }
}
