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

    /// The strip's pieces and their styles, in order.
    var segments: [(text: String, role: StyleRole)] {
        guard let counts else { return [(" Funnel: no record for this week ", .dim)] }
        var out: [(String, StyleRole)] = [(" Funnel ", .title)]
        for (i, count) in counts.enumerated() {
            out.append((i < FunnelStrip.names.count ? "\(count) \(FunnelStrip.names[i])" : "\(count)", .text))
            if i < steps.count {
                let step = steps[i]
                let rate = step.rate.map { KPIFormat.fixed($0 * 100, places: 0) + "%" } ?? "n/a"
                out.append((step.isFlagged ? " ⚑→\(rate) " : " →\(rate) ", step.isFlagged ? .bad : .dim))
            }
        }
        out.append((" ", .text))
        return out
    }

    /// Columns the strip takes, its end cells included.
    var width: Int { 1 + segments.reduce(0) { $0 + DisplayWidth.of($1.text) } }

    /// Keeps a cell clear at each end, so the strip sits inside a frame's corners.
    func draw(into grid: inout Grid, _ rect: Rect) {
        guard !rect.isEmpty else { return }
        var cx = rect.x + 1
        let limit = rect.maxX - 1
        for (text, role) in segments where cx < limit {
            cx += grid.text(text, x: cx, y: rect.y, role: role, maxWidth: limit - cx)
        }
    }
}
