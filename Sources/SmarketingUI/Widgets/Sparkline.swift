import SmarketingModel

/// A one-row trend: one cell per week at eight levels, a week with no value as `·`, and a label
/// such as ` 12w` after it when there is room. An empty series draws nothing. When the row is narrower than the series, the
/// newest weeks are the ones shown.
struct Sparkline: Widget {
    var trend: Trend
    var asciiOnly = false

    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static let asciiLevels: [Character] = ["_", ".", "-", "=", "+", "*", "#", "@"]

    /// The sparkline for `values`, scaled between their minimum and maximum.
    static func cells(_ values: [Double?], ascii: Bool = false) -> [Character] {
        let levels = ascii ? asciiLevels : self.levels
        let present = values.compactMap { $0 }.filter(\.isFinite)
        guard let lo = present.min(), let hi = present.max() else { return values.map { _ in "·" } }
        return values.map { value in
            guard let value, value.isFinite else { return "·" }
            let ratio = (value - lo) / (hi - lo)
            if hi - lo < 1e-12 || !ratio.isFinite { return levels[3] }
            let level = Int((ratio * Double(levels.count - 1)).rounded())
            return levels[min(max(0, level), levels.count - 1)]
        }
    }

    func draw(into grid: inout Grid, _ rect: Rect) {
        guard !rect.isEmpty else { return }
        let shown = trend.suffix(rect.width)
        var x = rect.x
        for (i, cell) in Sparkline.cells(shown.values, ascii: asciiOnly).enumerated() {
            grid.put(cell, x: x, y: rect.y, role: cell == "·" ? .dim : shown.role(i))
            x += 1
        }
        let label = " \(trend.values.count)w"
        if !trend.values.isEmpty, x + DisplayWidth.of(label) <= rect.maxX { grid.text(label, x: x, y: rect.y, role: .dim) }
    }
}
