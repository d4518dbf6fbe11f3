/// Eight-level sparklines: one cell per week, gaps as `·`.
public enum Sparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static let asciiLevels: [Character] = ["_", ".", "-", "=", "+", "*", "#", "@"]

    /// The sparkline for `values`, scaled between their minimum and maximum.
    public static func cells(_ values: [Double?], ascii: Bool = false) -> [Character] {
        let levels = ascii ? asciiLevels : self.levels
        let present = values.compactMap { $0 }
        guard let lo = present.min(), let hi = present.max() else { return values.map { _ in "·" } }
        return values.map { value in
            guard let value else { return "·" }
            if hi - lo < 1e-12 { return levels[3] }
            let level = Int(((value - lo) / (hi - lo) * Double(levels.count - 1)).rounded())
            return levels[min(max(0, level), levels.count - 1)]
        }
    }
}
