/// Where a funnel leaks. Friction points belong to the team and live across meetings.
public struct FrictionPoint: Equatable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var stage: FunnelStage
    public var raisedBy: Side
    /// 1 (minor) to 3 (severe).
    public var severity: Int
    public var status: FrictionStatus
    public var owner: String
    public var mitigation: String
    public var opened: CalendarDate
    public var resolved: CalendarDate?

    public init(id: String, title: String, stage: FunnelStage, raisedBy: Side, severity: Int = 2,
                status: FrictionStatus = .open, owner: String = "", mitigation: String = "",
                opened: CalendarDate, resolved: CalendarDate? = nil) {
        self.id = id
        self.title = title
        self.stage = stage
        self.raisedBy = raisedBy
        self.severity = severity
        self.status = status
        self.owner = owner
        self.mitigation = mitigation
        self.opened = opened
        self.resolved = resolved
    }
}

/// The funnel stages a friction point can sit at, top of the funnel first.
public enum FunnelStage: String, CaseIterable, Sendable, Comparable {
    case iqlMql = "iql-mql"
    case sql
    case opportunity
    case customer
    case retention

    public var title: String {
        switch self {
        case .iqlMql: return "IQL/MQL"
        case .sql: return "SQL"
        case .opportunity: return "Opportunity"
        case .customer: return "Customer"
        case .retention: return "Retention"
        }
    }

    public static func < (a: FunnelStage, b: FunnelStage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Which side of the meeting raised something.
public enum Side: String, CaseIterable, Sendable {
    case sales
    case marketing
}

public enum FrictionStatus: String, CaseIterable, Sendable {
    case open
    case mitigating
    case resolved

    /// open → mitigating → resolved → open.
    public var next: FrictionStatus {
        switch self {
        case .open: return .mitigating
        case .mitigating: return .resolved
        case .resolved: return .open
        }
    }
}
