import SmarketingModel

/// One KPI: its status, value against target (in big digits when the tile is tall enough), the
/// changes against last week and the 4-week average, the median, and the trend.
struct KPITile: Widget {
    /// A change against an earlier value: the figure as printed (`▲ +$3.10`) and whether it is
    /// good news for this KPI (nil: no change).
    struct Change: Equatable {
        var figure: String
        var isImprovement: Bool?
    }

    var title: String
    var status: KPIStatus
    /// The value and the target, formatted: `$50.08`, `≤ $50.00`.
    var value: String
    var target: String
    /// Nil when there is nothing to compare with; drawn as `n/a`.
    var vsLastWeek: Change?
    var vsFourWeekAverage: Change?
    var median: String?
    var trend: Trend
    var selected = false
    var asciiOnly = false

    static func statusRole(_ status: KPIStatus) -> StyleRole {
        switch status {
        case .onTarget: return .good
        case .withinTenPercent: return .warn
        case .offTarget: return .bad
        case .noValue: return .dim
        }
    }

    /// The value in big digits: the status colour without underline (the title row's mark and
    /// words carry the status without colour).
    static func digitsRole(_ status: KPIStatus) -> StyleRole {
        switch status {
        case .onTarget: return .digitsGood
        case .withinTenPercent: return .digitsWarn
        case .offTarget: return .digitsBad
        case .noValue: return .dim
        }
    }

    /// A shape per status, so the status reads without colour too.
    static func statusGlyph(_ status: KPIStatus) -> String {
        switch status {
        case .onTarget: return "●"
        case .withinTenPercent: return "◐"
        case .offTarget: return "○"
        case .noValue: return "·"
        }
    }

    static func changeRole(_ change: Change?) -> StyleRole {
        switch change?.isImprovement {
        case .some(true): return .good
        case .some(false): return .bad
        case .none: return .dim
        }
    }

    func draw(into grid: inout Grid, _ rect: Rect) {
        guard !rect.isEmpty else { return }
        var y = rect.y
        let width = rect.width
        let role = KPITile.statusRole(status)
        // Title row, with the status as a glyph (and words when there is room).
        let statusText = width >= 30 ? "\(KPITile.statusGlyph(status)) \(status.rawValue)" : KPITile.statusGlyph(status)
        grid.text(title, x: rect.x, y: y, role: selected ? .selection : .title, maxWidth: width - DisplayWidth.of(statusText) - 1)
        grid.textRight(statusText, maxX: rect.maxX, y: y, role: role, maxWidth: width)
        y += 1
        guard y < rect.maxY else { return }
        // Value against target: in big digits when the tile has room for them and its other lines.
        if rect.height >= 6, let parts = BigDigits.split(value), let rows = BigDigits.rows(parts.number, ascii: asciiOnly),
           DisplayWidth.of(parts.prefix) + DisplayWidth.of(rows[0]) + max(DisplayWidth.of(parts.suffix), 1) + 1 <= width {
            let digitsRole = KPITile.digitsRole(status)
            let px = grid.text(parts.prefix, x: rect.x, y: y + 1, role: digitsRole, maxWidth: width)
            for (i, row) in rows.enumerated() {
                grid.text(row, x: rect.x + px, y: y + i, role: digitsRole, maxWidth: width - px)
            }
            let after = rect.x + px + DisplayWidth.of(rows[0]) + 1
            grid.text(parts.suffix, x: after, y: y + 1, role: digitsRole, maxWidth: max(0, rect.maxX - after))
            // The target goes beside the digits if it fits, else under them.
            if rect.maxX - after - 1 >= DisplayWidth.of(target) + 1 {
                grid.textRight(target, maxX: rect.maxX, y: y + 2, role: .target, maxWidth: rect.maxX - after)
                y += 3
            } else {
                y += 3
                guard y < rect.maxY else { return }
                grid.text("target " + target, x: rect.x, y: y, role: .target, maxWidth: width)
                y += 1
            }
        } else {
            let used = grid.text(value, x: rect.x, y: y, role: role, maxWidth: width)
            grid.text(" / " + target, x: rect.x + used, y: y, role: .target, maxWidth: width - used)
            y += 1
        }
        guard y < rect.maxY else { return }
        drawChange(vsLastWeek, label: "vs last wk", x: rect.x, y: y, width: width, &grid)
        y += 1
        // With room to spare: the 4-week average, and the median for the sales cycle.
        if rect.height >= 5 {
            guard y < rect.maxY else { return }
            drawChange(vsFourWeekAverage, label: "vs 4-wk avg", x: rect.x, y: y, width: width, &grid)
            y += 1
        }
        if rect.height >= 6, let median {
            guard y < rect.maxY else { return }
            grid.text("median \(median)", x: rect.x, y: y, role: .dim, maxWidth: width)
            y += 1
        }
        // The trend: a bar chart when the tile is tall, else a sparkline on its last row.
        let chartTop = y + (rect.maxY - y >= 4 ? 1 : 0)
        let chartRows = rect.maxY - chartTop
        if chartRows >= 3 {
            BarChart(trend: trend, asciiOnly: asciiOnly).render(into: &grid, Rect(x: rect.x, y: chartTop, width: width, height: chartRows))
        } else if rect.maxY - 1 >= y {
            Sparkline(trend: trend, asciiOnly: asciiOnly).render(into: &grid, Rect(x: rect.x, y: rect.maxY - 1, width: width, height: 1))
        }
    }

    /// "▲ +$3.10 vs last wk", dropping the label when the tile is too narrow for it.
    private func drawChange(_ change: Change?, label: String, x: Int, y: Int, width: Int, _ grid: inout Grid) {
        let figure = change?.figure ?? "n/a"
        let full = figure + " " + label
        grid.text(DisplayWidth.of(full) <= width ? full : figure, x: x, y: y, role: KPITile.changeRole(change), maxWidth: width)
    }
}
