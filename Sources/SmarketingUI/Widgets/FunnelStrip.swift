import SmarketingModel

/// `Funnel 119 leads →32% 38 MQL →24% 9 SQL …` on one row (the KPI pane's bottom edge). A step
/// more than 20% below its 4-week average is marked ⚑ in the bad colour.
struct FunnelStrip: Widget {
    struct Step: Equatable {
        /// This week's conversion, nil when it cannot be computed (drawn `n/a`).
        var rate: Double?
        var isFlagged = false
    }

    /// Leads, MQLs, SQLs, opportunities, won; nil when the week has no record.
    var counts: [Int]?
    /// The conversions between adjacent counts.
    var steps: [Step]

    static let names = ["leads", "MQL", "SQL", "opp", "won"]

    /// Keeps a cell clear at each end, so the strip sits inside a frame's corners.
    func draw(into grid: inout Grid, _ rect: Rect) {
        guard !rect.isEmpty else { return }
        let y = rect.y
        guard let counts else {
            grid.text(" Funnel: no record for this week ", x: rect.x + 1, y: y, role: .dim, maxWidth: rect.width - 2)
            return
        }
        var cx = rect.x + 1
        let limit = rect.maxX - 1
        func put(_ text: String, _ role: StyleRole) {
            guard cx < limit else { return }
            cx += grid.text(text, x: cx, y: y, role: role, maxWidth: limit - cx)
        }
        put(" Funnel ", .title)
        for (i, count) in counts.enumerated() {
            put(i < FunnelStrip.names.count ? "\(count) \(FunnelStrip.names[i])" : "\(count)", .text)
            if i < steps.count {
                let step = steps[i]
                let rate = step.rate.map { KPIFormat.fixed($0 * 100, places: 0) + "%" } ?? "n/a"
                put(step.isFlagged ? " ⚑→\(rate) " : " →\(rate) ", step.isFlagged ? .bad : .dim)
            }
        }
        put(" ", .text)
    }
}
