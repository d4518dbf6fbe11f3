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
    /// Where the numbers came from, when `smarketing import` wrote them (nil: typed by hand).
    public var imported: ImportProvenance?

    public init(id: String, weekStart: CalendarDate, marketingSpend: Double = 0, leads: Int = 0, mqls: Int = 0,
                sqls: Int = 0, opportunities: Int = 0, won: Int = 0, lost: Int = 0, newCustomers: Int = 0,
                cycleDays: [Double] = [], sqlsFirstAttemptInSLA: Int? = nil, sqlsFullyAttempted: Int? = nil,
                imported: ImportProvenance? = nil) {
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
        self.imported = imported
    }

    /// The same numbers, whatever their provenance.
    public func hasSameNumbers(as other: WeekRecord) -> Bool {
        var a = self, b = other
        a.imported = nil
        b.imported = nil
        return a == b
    }
}

/// Where an imported week's numbers came from: the files, a content hash of each, and when.
public struct ImportProvenance: Equatable, Sendable {
    public struct Source: Equatable, Sendable {
        /// The file's name (no folder).
        public var file: String
        /// SHA-256 of the file's bytes, 64 lowercase hex digits.
        public var sha256: String

        public init(file: String, sha256: String) {
            self.file = file
            self.sha256 = sha256
        }
    }

    public var importedAt: Timestamp
    public var sources: [Source]
    /// Someone changed the week's numbers by hand after the import.
    public var editedByHand: Bool

    public init(importedAt: Timestamp, sources: [Source], editedByHand: Bool = false) {
        self.importedAt = importedAt
        self.sources = sources
        self.editedByHand = editedByHand
    }
}
