/// Every limit a workspace keeps, defined once. The loader refuses a file past any of them and
/// every edit is checked against the same values, so the app never writes a file it would refuse
/// to open. They also keep a hostile or corrupt file from filling memory or the screen.
public enum ModelLimits {
    /// Bytes of a one-line text: names, titles, owners.
    public static let shortText = 1_000
    /// Bytes of a long text: notes, mitigation, decisions, definitions.
    public static let longText = 100_000
    /// Bytes of an id.
    public static let idBytes = 64

    /// Elements of any one JSON array, and members of any one object. A busy team writes some
    /// 50 weeks, 50 meetings and a few hundred friction points a year; the `huge` benchmark (ten
    /// years of a large team) has 10,000 friction points and 15,000 agenda items. 100,000 is ten
    /// times that, yet refuses a corrupt or hostile array (31 M zeros) after reading 0.2 MB of it.
    public static let maximumArrayLength = 100_000
    /// Schema problems listed for one file; past this they are only counted ("and N more").
    public static let reportedProblems = 50

    /// Counts in a week's funnel numbers.
    public static let count = 0...1_000_000_000
    /// Money amounts: spend and the cost-per-lead target.
    public static let money = 0.0...1e12
    /// Days of a sales cycle.
    public static let cycleDays = 0.0...3650.0
    /// Ratio targets (fractions).
    public static let ratio = 0.0...1.0

    public static let salesReps = 0...100_000
    public static let leadsPerRepPerMonth = 0...10_000
    public static let firstAttemptBusinessHours = 0...1_000
    public static let attemptsRequired = 0...100
    public static let attemptWindowDays = 0...365

    public static let timeboxMinutes = 0...480
    public static let meetingMinutes = 1...480
    /// Seconds spent on one agenda item (about 115 days): the clock saturates here.
    public static let actualSeconds = 0...10_000_000
    /// Weeks an open action item has been carried over: the counter saturates here.
    public static let weeksCarried = 0...1_000
    public static let severity = 1...3

    /// The message for a text over its limit, or nil when it fits.
    public static func textProblem(_ text: String, limit: Int) -> String? {
        let bytes = text.utf8.count
        return bytes > limit ? "text is too long (\(bytes) bytes; the limit is \(limit))" : nil
    }

    /// `value` clamped into `range`: counters saturate instead of leaving the range.
    public static func saturate(_ value: Int, _ range: ClosedRange<Int>) -> Int {
        min(max(value, range.lowerBound), range.upperBound)
    }
}
