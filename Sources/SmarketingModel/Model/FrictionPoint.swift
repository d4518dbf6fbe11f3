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
    /// What the team learned about it: evidence, numbers, links.
    public var notes: String
    public var opened: CalendarDate
    public var resolved: CalendarDate?

    public init(id: String, title: String, stage: FunnelStage, raisedBy: Side, severity: Int = 2,
                status: FrictionStatus = .open, owner: String = "", mitigation: String = "", notes: String = "",
                opened: CalendarDate, resolved: CalendarDate? = nil) {
        self.id = id
        self.title = title
        self.stage = stage
        self.raisedBy = raisedBy
        self.severity = severity
        self.status = status
        self.owner = owner
        self.mitigation = mitigation
        self.notes = notes
        self.opened = opened
        self.resolved = resolved
    }
}

extension FrictionPoint {
    /// Open before mitigating before resolved; then most severe first; then oldest first; then by title.
    /// The minutes list each funnel stage's points in this order.
    public static func displayOrder(_ a: FrictionPoint, _ b: FrictionPoint) -> Bool {
        if a.status != b.status { return a.status.displayRank < b.status.displayRank }
        if a.severity != b.severity { return a.severity > b.severity }
        if a.opened != b.opened { return a.opened < b.opened }
        return a.title < b.title
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

    /// Where points with this status come in `FrictionPoint.displayOrder`.
    fileprivate var displayRank: Int {
        switch self {
        case .open: return 0
        case .mitigating: return 1
        case .resolved: return 2
        }
    }
}
