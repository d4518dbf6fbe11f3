/// One week of the funnel numbers that both teams share.
public struct WeekRecord: Equatable, Sendable, Identifiable {
    public var id: String
    /// The first day of the week. Every record in a file starts on the same weekday.
    public var weekStart: CalendarDate
    public var marketingSpend: Double
    public var leads: Int
    public var mqls: Int
    public var sqls: Int
    public var opportunities: Int
    public var won: Int
    public var lost: Int
    public var newCustomers: Int
    /// Days from opportunity to close for each deal closed-won this week.
    public var cycleDays: [Double]
    /// Of the week's SQLs (the leads marketing handed to sales), how many got a first attempt
    /// within the SLA's window, where tracked.
    public var sqlsFirstAttemptInSLA: Int?
    /// Of the week's SQLs, how many received the SLA's required number of attempts in its window, where tracked.
    public var sqlsFullyAttempted: Int?

    public init(id: String, weekStart: CalendarDate, marketingSpend: Double = 0, leads: Int = 0, mqls: Int = 0,
                sqls: Int = 0, opportunities: Int = 0, won: Int = 0, lost: Int = 0, newCustomers: Int = 0,
                cycleDays: [Double] = [], sqlsFirstAttemptInSLA: Int? = nil, sqlsFullyAttempted: Int? = nil) {
        self.id = id
        self.weekStart = weekStart
        self.marketingSpend = marketingSpend
        self.leads = leads
        self.mqls = mqls
        self.sqls = sqls
        self.opportunities = opportunities
        self.won = won
        self.lost = lost
        self.newCustomers = newCustomers
        self.cycleDays = cycleDays
        self.sqlsFirstAttemptInSLA = sqlsFirstAttemptInSLA
        self.sqlsFullyAttempted = sqlsFullyAttempted
    }
}
