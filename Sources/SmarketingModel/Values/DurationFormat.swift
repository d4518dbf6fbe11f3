/// Turns a length of time into text the same way everywhere: the agenda pane, the header's
/// meeting timer and the minutes.
public enum DurationFormat {
    /// `m:ss`, or `h:mm:ss` past an hour: `0:00`, `9:05`, `1:02:03`.
    public static func clock(_ seconds: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
    }

    /// With units, for text read beside "10 min" (the minutes): `13 s`, `4 min 05 s`, `10 min`,
    /// `1 h 02 min` (past an hour, to the minute). Never `0:13`, which reads as 13 minutes.
    public static func units(_ seconds: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let seconds = max(0, seconds)
        let h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60
        if h > 0 { return m == 0 ? "\(h) h" : "\(h) h \(two(m)) min" }
        if m > 0 { return s == 0 ? "\(m) min" : "\(m) min \(two(s)) s" }
        return "\(s) s"
    }
}
