/// Turns a length of time into text the same way everywhere: the agenda pane, the header's
/// meeting timer and the minutes.
public enum DurationFormat {
    /// `m:ss`, or `h:mm:ss` past an hour: `0:00`, `9:05`, `1:02:03`.
    public static func clock(_ seconds: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
    }
}
