import SmarketingModel

/// Writes large, valid workspaces for benchmarks: years of weekly KPIs, many archived meetings,
/// many friction points, with text of realistic length in several scripts.
struct WorkspaceGenerator {
    struct Shape {
        var weeks: Int
        var archivedMeetings: Int
        var frictionPoints: Int

        static let large = Shape(weeks: 156, archivedMeetings: 150, frictionPoints: 1_000)
        static let huge = Shape(weeks: 1_560, archivedMeetings: 1_500, frictionPoints: 10_000)
    }

    private var rng: SeededRandom
    private var ids: IDGenerator

    init(seed: UInt64) {
        rng = SeededRandom(seed: seed)
        ids = IDGenerator(seed: seed)
    }

    static let people = ["Dana Whitfield", "Marcus Reed", "Priya Natarajan", "Tom Becker", "Aisha Okafor", "Luis Ortega",
                         "Hannah Kim", "Sam Patel", "Zoë Ångström", "渡辺 健", "Søren Kierkegård", "Ana 🚀 Lima"]
    static let words = ["lead", "pipeline", "webinar", "routing", "SQL", "MQL", "follow-up", "persona", "battlecard", "pricing",
                        "onboarding", "renewal", "scoring", "handoff", "nurture", "campaign", "discovery", "budget", "enterprise",
                        "mid-market", "churn", "activation", "trial", "demo", "forecast", "territory", "SDR", "content", "LinkedIn",
                        "展示会", "リード", "Zoë's", "🚀", "café", "naïve", "über", "ROI", "Q4", "north-star", "cadence"]

    mutating func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(rng.next() % UInt64(range.count)) }

    /// A sentence of about `length` characters.
    mutating func text(_ length: ClosedRange<Int>) -> String {
        let target = int(length)
        var out = pick(["Review", "Fix", "Agree on", "Measure", "Draft", "Ship", "Cut", "Test", "Explain", "Align"])
        while out.count < target { out += " " + pick(Self.words) }
        return out + "."
    }

    mutating func make(_ shape: Shape) -> Workspace {
        let last = CalendarDate(iso: "2026-11-16")!
        var weeks: [WeekRecord] = []
        for i in 0..<shape.weeks {
            let start = last.adding(days: -7 * (shape.weeks - 1 - i))
            let leads = int(80...160), mqls = leads * int(25...40) / 100, sqls = mqls * int(18...32) / 100
            let opps = sqls * int(50...80) / 100, won = int(0...4), lost = int(2...8)
            weeks.append(WeekRecord(id: ids.next("wk"), weekStart: start, marketingSpend: Double(int(4000...8000)), leads: leads,
                                    mqls: mqls, sqls: sqls, opportunities: opps, won: won, lost: lost, newCustomers: won + int(0...1),
                                    cycleDays: (0..<won).map { _ in Double(int(20...90)) },
                                    sqlsFirstAttemptInSLA: sqls / 2, sqlsFullyAttempted: sqls / 3))
        }
        var friction: [FrictionPoint] = []
        for i in 0..<shape.frictionPoints {
            let opened = last.adding(days: -int(0...(7 * shape.weeks - 1)))
            let status = pick(FrictionStatus.allCases)
            friction.append(FrictionPoint(id: ids.next("fp"), title: text(40...90) + " #\(i)", stage: pick(FunnelStage.allCases),
                                          raisedBy: pick(Side.allCases), severity: int(1...3), status: status, owner: pick(Self.people),
                                          mitigation: text(100...300), opened: opened, resolved: status == .resolved ? opened.adding(days: int(1...60)) : nil))
        }
        var meetings: [Meeting] = []
        for i in 0...shape.archivedMeetings {
            let date = CalendarDate(iso: "2026-11-23")!.adding(days: -7 * (shape.archivedMeetings - i))
            let archived = i < shape.archivedMeetings
            let agenda = (0..<10).map { k in
                AgendaItem(id: ids.next("ag"), title: text(30...70), owner: pick(Self.people), timeboxMinutes: pick([5, 5, 10, 15]),
                           status: archived ? .done : .pending, notes: archived ? text(100...400) : "", actualSeconds: archived ? int(120...900) : 0)
            }
            let actions = (0..<8).map { _ in
                ActionItem(id: ids.next("act"), title: text(30...80), owner: pick(Self.people), due: date.adding(days: int(3...14)),
                           done: archived && int(0...3) > 0, weeksCarried: int(0...2))
            }
            let decisions = (0..<3).map { _ in Decision(id: ids.next("dec"), text: text(60...150)) }
            meetings.append(Meeting(id: ids.next("mtg"), date: date, kpiWeek: date.adding(days: -7), chair: pick(Self.people),
                                    attendees: Array(Self.people.prefix(8)), lengthMinutes: 60, notes: archived ? text(200...600) : "",
                                    agenda: agenda, decisions: decisions, actionItems: actions,
                                    startedAt: archived ? Timestamp(iso: "\(date.iso)T15:00:00Z") : nil,
                                    endedAt: archived ? Timestamp(iso: "\(date.iso)T15:55:00Z") : nil))
        }
        let team = Team(name: "Northwind Analytics: Revenue Team", salesReps: 6)
        return Workspace(team: team, targets: KPITargets(costPerLead: 50, leadToCustomerRatio: 0.02, closeRate: 0.3, salesCycleDays: 45),
                         weeks: weeks, frictionPoints: friction, meetings: meetings, currentMeetingID: meetings.last!.id)
    }
}
