import Foundation
import Testing
@testable import SmarketingModel

/// Issue 10, item 1, in the model: counters saturate instead of leaving the range the loader
/// accepts, and random sequences of every kind of edit, at and past every limit, always leave a
/// workspace that saves and loads back equal.
@Suite("Edits at the limits")
struct EditLimitTests {
    let now = Timestamp(iso: "2026-11-23T09:41:00Z")!
    let today = CalendarDate(iso: "2026-11-23")!

    func sample() throws -> Workspace { try Fixture.loadSample("northwind.json") }

    /// `load(save(ws)) == ws`, without the disk: the bytes `save` writes, read by `load`'s parser and validator.
    func reloads(_ ws: Workspace, _ context: @autoclosure () -> String = "", sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        do {
            let back = try MeetingStore.decode(MeetingStore.encode(ws), path: "edited.json")
            #expect(back == ws, "the saved file reads back differently \(context())", sourceLocation: sourceLocation)
            return back == ws
        } catch {
            Issue.record("the edited workspace does not load \(context()): \(error)", sourceLocation: sourceLocation)
            return false
        }
    }

    // MARK: counters

    @Test func theAgendaClockSaturatesOnEveryWayAnItemStops() throws {
        let limit = ModelLimits.actualSeconds.upperBound
        let started = now.adding(seconds: -117 * 86_400)
        let stops: [(String, (inout Workspace, String) throws(EditError) -> Void)] = [
            ("Space", { (ws, id) throws(EditError) in try ws.cycleStatus(.agenda(id), now: now, today: today) }),
            ("next item", { (ws, _) throws(EditError) in try ws.nextAgendaItem(now: now) }),
            ("end meeting", { (ws, _) throws(EditError) in try ws.endMeeting(now: now) }),
            ("new week", { (ws, _) throws(EditError) in var ids = IDGenerator(seed: 1); _ = try ws.startNextWeek(now: now, ids: &ids) }),
            ("form", { (ws, id) throws(EditError) in
                let item = ws.meetings[ws.currentMeetingIndex!].agenda.first { $0.id == id }!
                _ = try ws.saveAgendaItem(item, status: .done, at: 0, now: now)
            }),
        ]
        for (name, stop) in stops {
            var ws = try sample()
            try ws.startMeeting(now: started)
            let mi = ws.currentMeetingIndex!
            let id = ws.meetings[mi].agenda[0].id
            try stop(&ws, id)
            let item = ws.meetings.first { $0.agenda.contains { $0.id == id } }!.agenda.first { $0.id == id }!
            #expect(item.actualSeconds == limit, "\(name)")
            #expect(item.status == .done && item.startedAt == nil, "\(name)")
            _ = reloads(ws, name)
        }
    }

    @Test func aSaturatedClockStaysSaturatedAndNeverGoesBelowZero() throws {
        var ws = try sample()
        let id = ws.currentMeeting!.agenda[0].id
        // Started and stopped twice, each time for more than the limit.
        for round in 0..<2 {
            let start = now.adding(seconds: Int64(round) * 20_000_000)
            try ws.cycleStatus(.agenda(id), now: start, today: today)
            try ws.cycleStatus(.agenda(id), now: start.adding(seconds: 15_000_000), today: today)
            try ws.cycleStatus(.agenda(id), now: start.adding(seconds: 15_000_000), today: today) // done → pending
        }
        #expect(ws.currentMeeting!.agenda[0].actualSeconds == ModelLimits.actualSeconds.upperBound)
        // A clock that went backwards stops the item without subtracting time.
        var back = try sample()
        try back.cycleStatus(.agenda(id), now: now, today: today)
        try back.cycleStatus(.agenda(id), now: now.adding(seconds: -3600), today: today)
        #expect(back.currentMeeting!.agenda[0].actualSeconds == 0)
        _ = reloads(ws)
        _ = reloads(back)
    }

    @Test func weeksCarriedSaturatesAt1000OverRepeatedNewWeeks() throws {
        var ws = try sample()
        let mi = ws.currentMeetingIndex!
        ws.meetings[mi].actionItems[0].weeksCarried = 998
        ws.meetings[mi].actionItems[0].done = false
        let title = ws.meetings[mi].actionItems[0].title
        var ids = IDGenerator(seed: 5)
        var carried: [Int] = []
        for week in 1...4 {
            _ = try ws.startNextWeek(now: now.adding(seconds: Int64(week) * 7 * 86_400), ids: &ids)
            carried.append(ws.currentMeeting!.actionItems.first { $0.title == title }!.weeksCarried)
            _ = reloads(ws, "after new week \(week)")
        }
        #expect(carried == [999, 1000, 1000, 1000])
    }

    // MARK: random edits

    /// One-line texts within the limits, some exactly at them (1,000 bytes: 1,000 × "x", 333 × "渡" + 1).
    static let fitting = ["Short", "tab\there", "\u{202E}bidi\u{0085}", "渡辺さんと🚀", String(repeating: "x", count: 1000),
                          String(repeating: "渡", count: 333) + "x"]
    /// One-line texts the limits refuse: empty (where required) and just past 1,000 bytes.
    static let overLine = ["", " ", String(repeating: "x", count: 1001), String(repeating: "渡", count: 334), String(repeating: "é", count: 501)]
    /// A long text just under its limit (it grows the file, so it is drawn rarely) and one just over.
    static let nearlyFull = String(repeating: "n", count: ModelLimits.longText - 10)
    static let overLong = String(repeating: "x", count: ModelLimits.longText + 1)

    /// Every kind of edit, drawn at random with arguments mostly valid and otherwise at or just
    /// past a limit, with the clock jumping far ahead (and sometimes back). After each step the
    /// workspace must save and load back equal, and a refused edit must have changed nothing.
    @Test(arguments: [1, 2, 3, 4, 5, 6])
    func randomEditsOfEveryKindAlwaysSaveAndLoadBack(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        var ws = try sample()
        var ids = IDPool(generator: IDGenerator(seed: seed), taken: ws.allIDs)
        var generator = IDGenerator(seed: seed + 100)
        var at = now
        var kinds: [Int: (applied: Int, refused: Int)] = [:]
        func pick<T>(_ list: [T]) -> T { list[rng.below(list.count)] }
        func line() -> String { rng.below(4) == 0 ? pick(Self.overLine) : pick(Self.fitting) }
        func long() -> String {
            switch rng.below(30) {
            case 0: return Self.nearlyFull
            case 1, 2: return Self.overLong
            default: return pick(Self.fitting + ["", "line\nbreak"])
            }
        }
        func whole(_ range: ClosedRange<Int>) -> Int {
            rng.below(4) == 0 ? pick([range.lowerBound - 1, range.upperBound + 1]) : pick([range.lowerBound, range.upperBound, range.lowerBound + rng.below(range.count)])
        }
        for step in 0..<60 {
            // Mostly seconds or minutes; now and then months ahead, or an hour back.
            switch rng.below(10) {
            case 0: at = at.adding(seconds: Int64(rng.below(200)) * 86_400)
            case 1: at = at.adding(seconds: -3600)
            default: at = at.adding(seconds: Int64(rng.below(900)))
            }
            let m = ws.currentMeeting!
            var refs: [ItemRef] = m.agenda.map { .agenda($0.id) } + m.actionItems.map { .action($0.id) } + m.decisions.map { .decision($0.id) }
            refs += ws.frictionPoints.map { .friction($0.id) }
            let ref = refs.isEmpty ? nil : refs[rng.below(refs.count)]
            let stage = FunnelStage.allCases[rng.below(FunnelStage.allCases.count)]
            let before = ws
            let kind = rng.below(18)
            do {
                switch kind {
                case 0: if let ref { _ = try ws.delete(ref) }
                case 1: if let ref { _ = try ws.move(ref, by: rng.below(2) == 0 ? -1 : 1) }
                case 2: if let ref { try ws.cycleStatus(ref, now: at, today: at.utcDate) }
                case 3: try ws.setNotes(long(), of: rng.below(3) == 0 ? nil : ref)
                case 4: try ws.apply(.actionItem(owner: line(), title: line()), ids: &ids, today: at.utcDate)
                case 5: try ws.apply(.note(long()), ids: &ids, today: at.utcDate)
                case 6: try ws.apply(.decision(long()), ids: &ids, today: at.utcDate)
                case 7: try ws.apply(.frictionPoint(stage: stage, title: line()), ids: &ids, today: at.utcDate)
                case 8:
                    let item = AgendaItem(id: ids.fresh("ag"), title: line(), owner: line(), timeboxMinutes: whole(ModelLimits.timeboxMinutes), notes: long())
                    _ = try ws.saveAgendaItem(item, status: AgendaStatus.allCases[rng.below(4)], at: rng.below(12), now: at)
                case 9: try ws.startMeeting(now: at)
                case 10: _ = try ws.nextAgendaItem(now: at)
                case 11: try ws.endMeeting(now: at)
                case 12, 13: _ = try ws.startNextWeek(now: at, ids: &generator)
                case 14:
                    // A KPI week, sometimes on another weekday, with at most one number out of range.
                    let start = m.kpiWeek.adding(days: rng.below(3) == 0 ? rng.below(7) : 7 * (rng.below(5) - 2))
                    var week = WeekRecord(id: ids.fresh("wk"), weekStart: start, marketingSpend: pick([0, 0.1, 6250.5, 1e12]),
                                          leads: whole(ModelLimits.count), sqls: 10, cycleDays: [pick([0, 30.5, 3650])],
                                          sqlsFirstAttemptInSLA: pick([nil, 0, 10]))
                    switch rng.below(6) {
                    case 0: week.marketingSpend = pick([-0.01, 1.5e12, .nan, .infinity])
                    case 1: week.cycleDays = [pick([-1, 3650.5, .nan])]
                    case 2: week.sqlsFirstAttemptInSLA = 11
                    default: break
                    }
                    try ws.saveWeek(week)
                case 15:
                    var item = ActionItem(id: ids.fresh("act"), title: line(), owner: line(), weeksCarried: whole(ModelLimits.weeksCarried))
                    if let existing = m.actionItems.first, rng.below(2) == 0 { item = existing; item.title = line() }
                    _ = try ws.saveActionItem(item, at: rng.below(5))
                case 16:
                    let point = FrictionPoint(id: ids.fresh("fp"), title: line(), stage: stage, raisedBy: .sales, severity: whole(ModelLimits.severity),
                                              owner: line(), mitigation: long(), opened: at.utcDate)
                    try ws.saveFrictionPoint(point, status: FrictionStatus.allCases[rng.below(3)], today: at.utcDate)
                default:
                    let conversion = FunnelConversion.allCases[rng.below(4)]
                    if rng.below(2) == 0 {
                        try ws.dismissSuggestion(conversion)
                    } else {
                        _ = try ws.accept(FrictionSuggestion(conversion: conversion, rate: 0.1, average: 0.2), ids: &ids, today: at.utcDate)
                    }
                }
                kinds[kind, default: (0, 0)].applied += 1
            } catch {
                kinds[kind, default: (0, 0)].refused += 1
                #expect(ws == before, "step \(step): a refused edit (kind \(kind)) changed the workspace: \(error)")
            }
            if !reloads(ws, "after step \(step), edit kind \(kind)") { break }
        }
        // The run means something only if many edits were made and many refused.
        #expect(kinds.values.reduce(0) { $0 + $1.applied } > 20, "too few edits were accepted: \(kinds)")
        #expect(kinds.values.reduce(0) { $0 + $1.refused } > 5, "too few edits were refused: \(kinds)")
    }
}
