/// The team that holds the meeting, and the service-level agreement between its sales and marketing.
public struct Team: Equatable, Sendable {
    public var name: String
    /// Number of sales reps; the lead SLA is per rep.
    public var salesReps: Int
    /// ISO 4217 code used to show money, e.g. `USD`, `EUR`.
    public var currency: String
    public var sla: LeadSLA
    /// The ISO weekday the KPI weeks start on (1 = Monday … 7 = Sunday). Every week record starts on it.
    public var weekStartWeekday: Int

    public init(name: String, salesReps: Int, currency: String = "USD", sla: LeadSLA = LeadSLA(), weekStartWeekday: Int = 1) {
        self.name = name
        self.salesReps = salesReps
        self.currency = currency
        self.sla = sla
        self.weekStartWeekday = weekStartWeekday
    }
}

/// The lead SLA. The defaults are the usual practice: marketing delivers 5 leads per rep per month;
/// sales makes a first attempt within 6 business hours, and 4 attempts within 12 days.
public struct LeadSLA: Equatable, Sendable {
    public var leadsPerRepPerMonth: Int
    public var firstAttemptBusinessHours: Int
    public var attemptsRequired: Int
    public var attemptWindowDays: Int

    public init(leadsPerRepPerMonth: Int = 5, firstAttemptBusinessHours: Int = 6,
                attemptsRequired: Int = 4, attemptWindowDays: Int = 12) {
        self.leadsPerRepPerMonth = leadsPerRepPerMonth
        self.firstAttemptBusinessHours = firstAttemptBusinessHours
        self.attemptsRequired = attemptsRequired
        self.attemptWindowDays = attemptWindowDays
    }
}

/// One target for each shared KPI. Ratios are fractions: 0.25 means 25%.
public struct KPITargets: Equatable, Sendable {
    public var costPerLead: Double
    public var leadToCustomerRatio: Double
    public var closeRate: Double
    public var salesCycleDays: Double

    public init(costPerLead: Double, leadToCustomerRatio: Double, closeRate: Double, salesCycleDays: Double) {
        self.costPerLead = costPerLead
        self.leadToCustomerRatio = leadToCustomerRatio
        self.closeRate = closeRate
        self.salesCycleDays = salesCycleDays
    }

    public subscript(kind: KPIKind) -> Double {
        get {
            switch kind {
            case .costPerLead: return costPerLead
            case .leadToCustomerRatio: return leadToCustomerRatio
            case .closeRate: return closeRate
            case .salesCycleLength: return salesCycleDays
            }
        }
        set {
            switch kind {
            case .costPerLead: costPerLead = newValue
            case .leadToCustomerRatio: leadToCustomerRatio = newValue
            case .closeRate: closeRate = newValue
            case .salesCycleLength: salesCycleDays = newValue
            }
        }
    }
}
