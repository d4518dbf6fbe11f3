/// A change between two values of a KPI, judged by the KPI's direction.
public struct KPIChange: Equatable, Sendable {
    /// `current − reference`, in the KPI's own unit (a fraction for ratios).
    public var delta: Double
    /// `delta ÷ reference`, or nil when the reference is 0.
    public var relative: Double?
    /// True when the change is good for this KPI, false when bad, nil when there is no change.
    public var isImprovement: Bool?

    /// A change smaller than half the KPI's display resolution (half a cent, 0.05 percentage
    /// points, 0.05 days) counts as no change, so the arrow never contradicts the printed figure.
    public var isFlat: Bool { isImprovement == nil }

    init(current: Double, reference: Double, kind: KPIKind) {
        delta = current - reference
        relative = reference != 0 ? delta / reference : nil
        if abs(delta) < kind.unit.resolution / 2 {
            isImprovement = nil
        } else {
            isImprovement = (delta < 0) == (kind.direction == .lowerIsBetter)
        }
    }
}

/// One KPI for one week: value, target, status, changes and history.
public struct KPIResult: Equatable, Sendable {
    public var kind: KPIKind
    public var value: Double?
    public var target: Double
    public var status: KPIStatus
    /// The value for the week before, when it exists.
    public var lastWeek: Double?
    /// Against last week; nil when either week has no value.
    public var changeVsLastWeek: KPIChange?
    /// The mean of the values that exist for the four weeks before this one.
    public var fourWeekAverage: Double?
    public var changeVsFourWeekAverage: KPIChange?
    /// Weekly values, oldest first, ending with this week; nil where a week has no value.
    public var series: [Double?]
    /// The median alongside the mean, for the sales cycle length only.
    public var median: Double?
}

/// The four shared KPIs for one week of a workspace.
public struct KPIReport: Equatable, Sendable {
    /// The start of the week reported on.
    public var week: CalendarDate
    /// True when the workspace has a record for that week.
    public var hasRecord: Bool
    public var results: [KPIResult]

    public subscript(kind: KPIKind) -> KPIResult { results.first { $0.kind == kind }! }

    /// Computes the report for the week starting `week`, with `seriesLength` weeks of history
    /// (ending with that week) for sparklines. Weeks are looked up by exact start date, so a
    /// missing week is a gap (no value), never a zero.
    public init(workspace: Workspace, week: CalendarDate, seriesLength: Int = 12) {
        var byStart: [CalendarDate: WeekRecord] = [:]
        byStart.reserveCapacity(seriesLength + 4)
        let earliest = week.adding(days: -7 * max(seriesLength, 5))
        for record in workspace.weeks where record.weekStart >= earliest && record.weekStart <= week {
            byStart[record.weekStart] = record
        }
        self.week = week
        hasRecord = byStart[week] != nil
        results = KPIKind.allCases.map { kind in
            func value(weeksBack n: Int) -> Double? {
                byStart[week.adding(days: -7 * n)].flatMap { kind.value(for: $0) }
            }
            let current = value(weeksBack: 0)
            let previous = value(weeksBack: 1)
            let trailing = (1...4).compactMap { value(weeksBack: $0) }
            let average = KPIMath.mean(trailing)
            let target = workspace.targets[kind]
            var result = KPIResult(
                kind: kind, value: current, target: target,
                status: KPIStatus.of(current, target: target, direction: kind.direction),
                lastWeek: previous,
                changeVsLastWeek: nil, fourWeekAverage: average, changeVsFourWeekAverage: nil,
                series: (0..<max(seriesLength, 1)).reversed().map { value(weeksBack: $0) },
                median: nil)
            if let current, let previous {
                result.changeVsLastWeek = KPIChange(current: current, reference: previous, kind: kind)
            }
            if let current, let average {
                result.changeVsFourWeekAverage = KPIChange(current: current, reference: average, kind: kind)
            }
            if kind == .salesCycleLength, let record = byStart[week] {
                result.median = KPIMath.median(record.cycleDays)
            }
            return result
        }
    }

    /// The report for a meeting's KPI week.
    public init(workspace: Workspace, meeting: Meeting, seriesLength: Int = 12) {
        self.init(workspace: workspace, week: meeting.kpiWeek, seriesLength: seriesLength)
    }
}
