import SmarketingModel

/// A trend as columns of block characters, eight levels per row, standing on zero (so a bar's
/// height is in proportion to its value), over a dotted target line labelled with its value
/// (`┄tgt $50.00`), with a label such as `12w` in the bottom-right corner. Each week is drawn in its role; a week
/// with no value is a dim `·` on the bottom row. When the chart is narrower than the series, the
/// newest weeks are the ones shown.
struct BarChart: Widget {
    var trend: Trend
    var asciiOnly = false

    /// Room kept on the right for the `┄tgt` label when there is none for the target's value.
    static let labelWidth = 4

    func draw(into grid: inout Grid, _ rect: Rect) {
        guard !rect.isEmpty else { return }
        let count = trend.values.count
        // The target's value goes in the label when the bars keep at least two columns a week.
        let short = asciiOnly ? "tgt" : "┄tgt"
        let long = trend.targetLabel.isEmpty ? short : short + " " + trend.targetLabel
        let targetText = rect.width - DisplayWidth.of(long) >= 2 * max(1, count) ? long : short
        let labelWidth = max(BarChart.labelWidth, DisplayWidth.of(targetText))
        let columnWidth = max(1, min(4, (rect.width - labelWidth) / max(1, count)))
        let shown = trend.suffix(max(0, rect.width - labelWidth) / columnWidth)
        let present = shown.values.compactMap { $0 }.filter(\.isFinite)
        guard let hi = (present + [trend.target]).max(), let lo = (present + [trend.target]).min(), !present.isEmpty,
              trend.target.isFinite else {
            grid.text("no history yet", x: rect.x, y: rect.maxY - 1, role: .dim, maxWidth: rect.width)
            return
        }
        // Bars stand on zero (or on the lowest value, when some are below zero).
        let floor = min(0, lo)
        let span = max(hi - floor, 1e-9)
        let levels = rect.height * 8
        func level(_ value: Double) -> Int {
            let scaled = ((value - floor) / span * Double(levels)).rounded()
            return scaled.isFinite ? Int(min(max(scaled, -1), Double(levels))) : 0
        }
        // The target as a dotted line at its height, under the bars.
        let targetRow = min(rect.height - 1, max(0, level(trend.target) / 8))
        let chartWidth = min(rect.width - labelWidth, shown.values.count * columnWidth)
        for dx in 0..<max(0, chartWidth) { grid.put(asciiOnly ? "-" : "┄", x: rect.x + dx, y: rect.maxY - 1 - targetRow, role: .target) }
        grid.text(targetText, x: rect.x + chartWidth, y: rect.maxY - 1 - targetRow, role: .target,
                  maxWidth: rect.maxX - rect.x - chartWidth)
        for (i, value) in shown.values.enumerated() {
            let x0 = rect.x + i * columnWidth
            guard let value, value.isFinite else {
                grid.put("·", x: x0, y: rect.maxY - 1, role: .dim)
                continue
            }
            let filled = max(1, level(value))
            for row in 0..<rect.height {
                let fromBottom = filled - row * 8
                guard fromBottom > 0 else { break }
                let glyph = asciiOnly ? Character(fromBottom >= 4 ? "#" : ".") : (fromBottom >= 8 ? Character("█") : Sparkline.levels[fromBottom - 1])
                for dx in 0..<max(1, columnWidth - (columnWidth > 2 ? 1 : 0)) {
                    grid.put(glyph, x: x0 + dx, y: rect.maxY - 1 - row, role: shown.role(i))
                }
            }
        }
        let label = "\(shown.values.count)w"
        if targetRow != 0, DisplayWidth.of(label) <= rect.width {
            grid.text(label, x: rect.maxX - DisplayWidth.of(label), y: rect.maxY - 1, role: .dim)
        }
    }
}
