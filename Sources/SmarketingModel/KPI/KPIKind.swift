/// The four KPIs sales and marketing share.
public enum KPIKind: String, CaseIterable, Sendable {
    case costPerLead
    case leadToCustomerRatio
    case closeRate
    case salesCycleLength

    public var title: String {
        switch self {
        case .costPerLead: return "Cost per lead"
        case .leadToCustomerRatio: return "Lead-to-customer"
        case .closeRate: return "Close rate"
        case .salesCycleLength: return "Sales cycle"
        }
    }

    public var direction: KPIDirection {
        switch self {
        case .costPerLead, .salesCycleLength: return .lowerIsBetter
        case .leadToCustomerRatio, .closeRate: return .higherIsBetter
        }
    }

    public var unit: KPIUnit {
        switch self {
        case .costPerLead: return .money
        case .leadToCustomerRatio, .closeRate: return .ratio
        case .salesCycleLength: return .days
        }
    }

    /// The KPI's value for one week, or nil when it is undefined (a zero denominator, no deals).
    public func value(for week: WeekRecord) -> Double? {
        switch self {
        case .costPerLead:
            return week.leads > 0 ? week.marketingSpend / Double(week.leads) : nil
        case .leadToCustomerRatio:
            return week.leads > 0 ? Double(week.newCustomers) / Double(week.leads) : nil
        case .closeRate:
            let decided = week.won + week.lost
            return decided > 0 ? Double(week.won) / Double(decided) : nil
        case .salesCycleLength:
            return KPIMath.mean(week.cycleDays)
        }
    }
}

public enum KPIDirection: String, Sendable {
    case lowerIsBetter
    case higherIsBetter
}

public enum KPIUnit: Sendable {
    case money
    case ratio
    case days

    /// The smallest step the KPI is shown in: a cent, a tenth of a percentage point, a tenth of a day.
    public var resolution: Double {
        switch self {
        case .money: return 0.01
        case .ratio: return 0.001
        case .days: return 0.1
        }
    }
}

/// How a value stands against its target, with the KPI's direction taken into account.
public enum KPIStatus: String, Sendable {
    case onTarget = "on target"
    case withinTenPercent = "within 10%"
    case offTarget = "off target"
    case noValue = "n/a"

    /// `withinTenPercent` means no more than 10% of the target on the wrong side of it. The
    /// boundaries are inclusive, with a tolerance of a billionth of the target so that binary
    /// rounding (0.4 × 0.9 ≠ 0.36) cannot move a value across one.
    public static func of(_ value: Double?, target: Double, direction: KPIDirection) -> KPIStatus {
        guard let value else { return .noValue }
        let slack = abs(target) * 1e-9
        switch direction {
        case .lowerIsBetter:
            if value <= target + slack { return .onTarget }
            return value <= target * 1.1 + slack ? .withinTenPercent : .offTarget
        case .higherIsBetter:
            if value >= target - slack { return .onTarget }
            return value >= target * 0.9 - slack ? .withinTenPercent : .offTarget
        }
    }
}

enum KPIMath {
    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}
