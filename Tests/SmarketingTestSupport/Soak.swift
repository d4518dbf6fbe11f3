import Foundation

/// How hard the fault suites push. By default they run at reduced but meaningful counts, so the
/// README's `swift test` stays the contributor's inner loop; `SMARKETING_SOAK=1` runs the full
/// counts (CI does). A specific variable (e.g. `SMARKETING_KILLS=500`) overrides either.
public enum Soak {
    public static let environment = ProcessInfo.processInfo.environment
    public static let isOn = !["", "0"].contains(environment["SMARKETING_SOAK"] ?? "")

    /// `quick` by default, `soak` under SMARKETING_SOAK=1, or the value of `variable` when set.
    public static func count(_ variable: String? = nil, quick: Int, soak: Int) -> Int {
        if let variable, let value = environment[variable].flatMap({ Int($0) }), value >= 0 { return value }
        return isOn ? soak : quick
    }

    /// Seconds, the same way.
    public static func seconds(_ variable: String? = nil, quick: Double, soak: Double) -> Double {
        if let variable, let value = environment[variable].flatMap({ Double($0) }), value >= 0 { return value }
        return isOn ? soak : quick
    }
}
