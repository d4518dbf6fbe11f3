/// The funnel for one week: leads → MQL → SQL → opportunity → won, with each step's conversion.
public struct FunnelReport: Equatable, Sendable {
    /// One step between two adjacent funnel counts.
    public struct Step: Equatable, Sendable {
        public var conversion: FunnelConversion
        /// `to ÷ from` this week, or nil when `from` is 0 or the week has no record.
        public var rate: Double?
        /// The mean of the rates that exist for the four weeks before this one.
        public var fourWeekAverage: Double?

        /// True when this week's rate is more than 20% below its 4-week average.
        public var isFlagged: Bool {
            guard let rate, let avg = fourWeekAverage, avg > 0 else { return false }
            return rate < avg * 0.8
        }
    }

    public var week: CalendarDate
    /// Leads, MQLs, SQLs, opportunities, won; nil when the week has no record.
    public var counts: [Int]?
    public var steps: [Step]

    public init(workspace: Workspace, week: CalendarDate) {
        self.week = week
        func record(_ weeksBack: Int) -> WeekRecord? { workspace.week(startingOn: week.adding(days: -7 * weeksBack)) }
        let current = record(0)
        counts = current.map { [$0.leads, $0.mqls, $0.sqls, $0.opportunities, $0.won] }
        steps = FunnelConversion.allCases.map { conversion in
            let history = (1...4).compactMap { record($0).flatMap(conversion.rate) }
            return Step(conversion: conversion, rate: current.flatMap(conversion.rate), fourWeekAverage: KPIMath.mean(history))
        }
    }

    /// Steps that fell more than 20% below their 4-week average and were not dismissed.
    public func suggestions(dismissed: [FunnelConversion]) -> [FrictionSuggestion] {
        steps.filter { $0.isFlagged && !dismissed.contains($0.conversion) }.map { step in
            FrictionSuggestion(conversion: step.conversion, rate: step.rate ?? 0, average: step.fourWeekAverage ?? 0)
        }
    }
}

/// The four conversions of the funnel.
public enum FunnelConversion: String, CaseIterable, Sendable, Equatable {
    case leadToMQL = "lead-mql"
    case mqlToSQL = "mql-sql"
    case sqlToOpportunity = "sql-opportunity"
    case opportunityToWon = "opportunity-won"

    public var title: String {
        switch self {
        case .leadToMQL: return "Lead→MQL"
        case .mqlToSQL: return "MQL→SQL"
        case .sqlToOpportunity: return "SQL→opportunity"
        case .opportunityToWon: return "Opportunity→won"
        }
    }

    /// The friction-point stage a weak conversion points at.
    public var stage: FunnelStage {
        switch self {
        case .leadToMQL: return .iqlMql
        case .mqlToSQL: return .sql
        case .sqlToOpportunity: return .opportunity
        case .opportunityToWon: return .customer
        }
    }

    /// `to ÷ from` for a week, nil when `from` is 0.
    public func rate(_ w: WeekRecord) -> Double? {
        let (from, to): (Int, Int)
        switch self {
        case .leadToMQL: (from, to) = (w.leads, w.mqls)
        case .mqlToSQL: (from, to) = (w.mqls, w.sqls)
        case .sqlToOpportunity: (from, to) = (w.sqls, w.opportunities)
        case .opportunityToWon: (from, to) = (w.opportunities, w.won)
        }
        return from > 0 ? Double(to) / Double(from) : nil
    }
}

/// A friction point the numbers suggest: a conversion well below its recent average.
public struct FrictionSuggestion: Equatable, Sendable {
    public var conversion: FunnelConversion
    public var rate: Double
    public var average: Double

    public var stage: FunnelStage { conversion.stage }

    /// A short form for narrow screens: `MQL→SQL 18% vs 24% avg`.
    public var shortTitle: String {
        "\(conversion.title) \(KPIFormat.fixed(rate * 100, places: 0))% vs \(KPIFormat.fixed(average * 100, places: 0))% avg"
    }

    /// The suggested friction point's title.
    public var title: String {
        let drop = Int(((1 - rate / max(average, 1e-9)) * 100).rounded())
        return "\(conversion.title) conversion fell to \(KPIFormat.fixed(rate * 100, places: 1))%, \(drop)% below its 4-week average of \(KPIFormat.fixed(average * 100, places: 1))%"
    }
}

/// The lead SLA for a week: delivery per rep this month, and follow-up where tracked.
public struct SLAReport: Equatable, Sendable {
    /// SQLs delivered per rep from the first of the KPI week's month up to and including that week.
    public var leadsPerRepThisMonth: Double?
    public var target: Int
    /// Share of the week's SQLs with a first attempt inside the SLA window, where tracked.
    public var firstAttemptShare: Double?
    /// Share of the week's SQLs that got the required number of attempts, where tracked.
    public var fullyAttemptedShare: Double?
    public var sla: LeadSLA

    public init(workspace: Workspace, week: CalendarDate) {
        let sla = workspace.team.sla
        self.sla = sla
        target = sla.leadsPerRepPerMonth
        let monthWeeks = workspace.weeks.filter { $0.weekStart <= week && $0.weekStart.year == week.year && $0.weekStart.month == week.month }
        let reps = workspace.team.salesReps
        leadsPerRepThisMonth = reps > 0 && !monthWeeks.isEmpty ? Double(monthWeeks.reduce(0) { $0 + $1.sqls }) / Double(reps) : nil
        let record = workspace.week(startingOn: week)
        func share(_ n: Int?) -> Double? {
            guard let n, let sqls = record?.sqls, sqls > 0 else { return nil }
            return Double(n) / Double(sqls)
        }
        firstAttemptShare = share(record?.sqlsFirstAttemptInSLA)
        fullyAttemptedShare = share(record?.sqlsFullyAttempted)
    }

    /// The one-line summary: `SLA 4.5/5 leads per rep · 1st attempt ≤6 bh 56% · 4 attempts/12 d 33%`.
    public func line(compact: Bool) -> String {
        var parts: [String] = []
        let delivered = leadsPerRepThisMonth.map { KPIFormat.fixed($0, places: 1) } ?? KPIFormat.noValue
        parts.append(compact ? "SLA \(delivered)/\(target) per rep" : "SLA: \(delivered) of \(target) leads per rep this month")
        if let s = firstAttemptShare {
            parts.append(compact ? "1st ≤\(sla.firstAttemptBusinessHours)h \(KPIFormat.fixed(s * 100, places: 0))%"
                                 : "first attempt within \(sla.firstAttemptBusinessHours) business hours \(KPIFormat.fixed(s * 100, places: 0))%")
        }
        if let s = fullyAttemptedShare {
            parts.append(compact ? "\(sla.attemptsRequired)×/\(sla.attemptWindowDays)d \(KPIFormat.fixed(s * 100, places: 0))%"
                                 : "\(sla.attemptsRequired) attempts in \(sla.attemptWindowDays) days \(KPIFormat.fixed(s * 100, places: 0))%")
        }
        return parts.joined(separator: " · ")
    }
}
