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
    /// Five-row digits (from 50 rows) where the tile has room for them and its other lines.
    var tallDigits = false

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
        // Value against target: in big digits when the tile has room for them and its other
        // lines (the two changes and a row of trend), five rows tall when asked and they fit.
        let below = 3
        var big: (prefix: String, number: String, suffix: String, rows: [String], targetBeside: Bool)?
        if let parts = BigDigits.split(value) {
            for tall in tallDigits ? [true, false] : [false] {
                guard let rows = BigDigits.rows(parts.number, ascii: asciiOnly, tall: tall) else { continue }
                let digitsWidth = DisplayWidth.of(parts.prefix) + DisplayWidth.of(rows[0]) + max(DisplayWidth.of(parts.suffix), 1) + 1
                guard digitsWidth <= width else { continue }
                let beside = width - digitsWidth - 1 >= DisplayWidth.of(target) + 1
                if rect.height >= 1 + rows.count + (beside ? 0 : 1) + below {
                    big = (parts.prefix, parts.number, parts.suffix, rows, beside)
                    break
                }
            }
        }
        if let big {
            let digitsRole = KPITile.digitsRole(status)
            let middle = y + big.rows.count / 2
            let px = grid.text(big.prefix, x: rect.x, y: middle, role: digitsRole, maxWidth: width)
            for (i, row) in big.rows.enumerated() {
                grid.text(row, x: rect.x + px, y: y + i, role: digitsRole, maxWidth: width - px)
            }
            let after = rect.x + px + DisplayWidth.of(big.rows[0]) + 1
            grid.text(big.suffix, x: after, y: middle, role: digitsRole, maxWidth: max(0, rect.maxX - after))
            // The target goes beside the digits if it fits, else under them.
            y += big.rows.count
            if big.targetBeside {
                grid.textRight(target, maxX: rect.maxX, y: y - 1, role: .target, maxWidth: rect.maxX - after)
            } else {
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
        // With room to spare: the 4-week average, and the median for the sales cycle (beside the
        // average when it fits there, else on a row of its own if the chart keeps its rows).
        if rect.height >= 5 {
            guard y < rect.maxY else { return }
            let used = drawChange(vsFourWeekAverage, label: "vs 4-wk avg", x: rect.x, y: y, width: width, &grid)
            if let median {
                let text = "median \(median)"
                if used + 2 + DisplayWidth.of(text) <= width {
                    grid.textRight(text, maxX: rect.maxX, y: y, role: .dim, maxWidth: width - used - 2)
                } else if rect.maxY - (y + 1) >= 4 {
                    y += 1
                    grid.text(text, x: rect.x, y: y, role: .dim, maxWidth: width)
                }
            }
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
    @discardableResult
    private func drawChange(_ change: Change?, label: String, x: Int, y: Int, width: Int, _ grid: inout Grid) -> Int {
        let figure = change?.figure ?? "n/a"
        let full = figure + " " + label
        return grid.text(DisplayWidth.of(full) <= width ? full : figure, x: x, y: y, role: KPITile.changeRole(change), maxWidth: width)
    }
}
