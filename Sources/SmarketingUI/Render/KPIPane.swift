import SmarketingModel

/// The four shared KPIs as tiles: value against target, status, change, trend.
enum KPIPane {
    static func draw(_ state: AppState, _ rect: Rect, focused: Bool, wide: Bool, _ grid: inout Grid) {
        let meeting = state.meeting
        var title = "\(PaneID.kpis.number) KPIs"
        if let meeting { title += " · week of \(meeting.kpiWeek.iso)" }
        if let report = state.report, !report.hasRecord { title += " · no record yet (a adds it)" }
        grid.box(rect, role: focused ? .borderFocused : .border, title: title, titleRole: focused ? .titleFocused : .title)
        let inner = rect.inset(1)
        guard !inner.isEmpty, let report = state.report else { return }
        // The lead SLA on the top edge, right-aligned; the funnel on the bottom edge.
        if let sla = state.sla {
            let titleWidth = DisplayWidth.of(title) + 4
            let room = rect.width - titleWidth - 3
            let full = " " + sla.line(compact: false) + " ", compact = " " + sla.line(compact: true) + " "
            let text = DisplayWidth.of(full) <= room ? full : compact
            if DisplayWidth.of(text) <= room {
                let onTarget = (sla.leadsPerRepThisMonth ?? 0) >= Double(sla.target)
                grid.textRight(text, maxX: rect.maxX - 1, y: rect.y, role: onTarget ? .good : .warn, maxWidth: room)
            }
        }
        if let funnel = state.funnel { drawFunnel(funnel, y: rect.maxY - 1, x: rect.x + 1, width: rect.width - 2, &grid) }
        let tiles = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height).columns(4, gap: 2)
        let currency = state.workspace.team.currency
        for (i, result) in report.results.enumerated() {
            let selected = focused && state.selected(.kpis) == i
            drawTile(result, tiles[i], selected: selected, currency: currency, ascii: state.asciiOnly, &grid)
        }
    }

    /// `Funnel 119 →32% 38 MQL →24% 9 SQL …` in the pane's bottom edge; a step more than 20% below
    /// its 4-week average is marked ⚑ in the bad colour.
    static func drawFunnel(_ funnel: FunnelReport, y: Int, x: Int, width: Int, _ grid: inout Grid) {
        guard let counts = funnel.counts else {
            grid.text(" Funnel: no record for this week ", x: x + 1, y: y, role: .dim, maxWidth: width - 2)
            return
        }
        let names = ["leads", "MQL", "SQL", "opp", "won"]
        var cx = x + 1
        let limit = x + width - 1
        func put(_ text: String, _ role: StyleRole) {
            guard cx < limit else { return }
            cx += grid.text(text, x: cx, y: y, role: role, maxWidth: limit - cx)
        }
        put(" Funnel ", .title)
        for i in 0..<counts.count {
            put("\(counts[i]) \(names[i])", .text)
            if i < funnel.steps.count {
                let step = funnel.steps[i]
                let rate = step.rate.map { KPIFormat.fixed($0 * 100, places: 0) + "%" } ?? "n/a"
                put(step.isFlagged ? " ⚑→\(rate) " : " →\(rate) ", step.isFlagged ? .bad : .dim)
            }
        }
        put(" ", .text)
    }

    static func statusRole(_ status: KPIStatus) -> StyleRole {
        switch status {
        case .onTarget: return .good
        case .withinTenPercent: return .warn
        case .offTarget: return .bad
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

    static func changeRole(_ change: KPIChange?) -> StyleRole {
        switch change?.isImprovement {
        case .some(true): return .good
        case .some(false): return .bad
        case .none: return .dim
        }
    }

    static func drawTile(_ r: KPIResult, _ rect: Rect, selected: Bool, currency: String, ascii: Bool, _ grid: inout Grid) {
        guard !rect.isEmpty else { return }
        var y = rect.y
        let width = rect.width
        // Title row, with the status as a glyph (and words when there is room).
        let statusText = width >= 30 ? "\(statusGlyph(r.status)) \(r.status.rawValue)" : statusGlyph(r.status)
        grid.text(r.kind.title, x: rect.x, y: y, role: selected ? .selection : .title, maxWidth: width - DisplayWidth.of(statusText) - 1)
        grid.textRight(statusText, maxX: rect.maxX, y: y, role: statusRole(r.status), maxWidth: width)
        y += 1
        guard y < rect.maxY else { return }
        // Value against target: in big digits when the tile has room for them and its other lines.
        let value = KPIFormat.value(r.value, r.kind, currency: currency)
        let target = KPIFormat.target(r.target, r.kind, currency: currency)
        if rect.height >= 6, let parts = BigDigits.split(value), let rows = BigDigits.rows(parts.number, ascii: ascii),
           DisplayWidth.of(parts.prefix) + DisplayWidth.of(rows[0]) + max(DisplayWidth.of(parts.suffix), 1) + 1 <= width {
            let px = grid.text(parts.prefix, x: rect.x, y: y + 1, role: statusRole(r.status))
            for (i, row) in rows.enumerated() {
                grid.text(row, x: rect.x + px, y: y + i, role: statusRole(r.status), maxWidth: width - px)
            }
            let after = rect.x + px + DisplayWidth.of(rows[0]) + 1
            grid.text(parts.suffix, x: after, y: y + 1, role: statusRole(r.status), maxWidth: max(0, rect.maxX - after))
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
            let used = grid.text(value, x: rect.x, y: y, role: statusRole(r.status), maxWidth: width)
            grid.text(" / " + target, x: rect.x + used, y: y, role: .target, maxWidth: width - used)
            y += 1
        }
        guard y < rect.maxY else { return }
        // Change against last week, coloured by whether it is good for this KPI.
        drawChange(r.changeVsLastWeek, label: "vs last wk", r.kind, currency, x: rect.x, y: y, width: width, &grid)
        y += 1
        // With room to spare: the 4-week average, and the median for the sales cycle.
        if rect.height >= 5 {
            guard y < rect.maxY else { return }
            drawChange(r.changeVsFourWeekAverage, label: "vs 4-wk avg", r.kind, currency, x: rect.x, y: y, width: width, &grid)
            y += 1
        }
        if rect.height >= 6, let median = r.median {
            guard y < rect.maxY else { return }
            grid.text("median \(KPIFormat.value(median, r.kind, currency: currency))", x: rect.x, y: y, role: .dim, maxWidth: width)
            y += 1
        }
        // The trend of the last 12 weeks: a bar chart when the tile is tall, else a sparkline.
        let chartTop = y + (rect.maxY - y >= 4 ? 1 : 0)
        let chartRows = rect.maxY - chartTop
        if chartRows >= 3 {
            drawChart(r, Rect(x: rect.x, y: chartTop, width: width, height: chartRows), ascii: ascii, &grid)
            return
        }
        let spark = Sparkline.cells(r.series, ascii: ascii)
        let sparkY = rect.maxY - 1
        guard sparkY >= y else { return }
        var x = rect.x
        for (i, cell) in spark.enumerated() where x < rect.maxX {
            grid.put(cell, x: x, y: sparkY, role: cell == "·" ? .dim : weekRole(r, i))
            x += 1
        }
        if x + 4 <= rect.maxX { grid.text(" 12w", x: x, y: sparkY, role: .dim) }
    }

    /// The target is marked in the trend: a week that missed it is drawn in the bad colour.
    static func weekRole(_ r: KPIResult, _ i: Int) -> StyleRole {
        guard let value = r.series[i] else { return .dim }
        if i == r.series.count - 1 { return statusRole(r.status) }
        return KPIStatus.of(value, target: r.target, direction: r.kind.direction) == .offTarget ? .bad : .sparkline
    }

    /// "▲ +$3.10 vs last wk", dropping the label when the tile is too narrow for it.
    static func drawChange(_ change: KPIChange?, label: String, _ kind: KPIKind, _ currency: String, x: Int, y: Int, width: Int, _ grid: inout Grid) {
        let figure = change.map { "\(KPIFormat.arrow($0)) \(KPIFormat.delta($0, kind, currency: currency))" } ?? "n/a"
        let full = figure + " " + label
        grid.text(DisplayWidth.of(full) <= width ? full : figure, x: x, y: y, role: changeRole(change), maxWidth: width)
    }

    /// Twelve weeks as columns of block characters, eight levels per row; this week in its status colour.
    static func drawChart(_ r: KPIResult, _ rect: Rect, ascii: Bool, _ grid: inout Grid) {
        let labelWidth = 4
        let columnWidth = max(1, min(4, (rect.width - labelWidth) / max(1, r.series.count)))
        let present = r.series.compactMap { $0 } + [r.target]
        guard r.series.contains(where: { $0 != nil }), let hi = present.max(), let lo = present.min() else {
            grid.text("no history yet", x: rect.x, y: rect.maxY - 1, role: .dim, maxWidth: rect.width)
            return
        }
        // Bars start from a floor below the lowest value so that differences show.
        let floor = max(0, lo - (hi - lo) * 0.5 - abs(hi) * 0.05)
        let span = max(hi - floor, 1e-9)
        let levels = rect.height * 8
        // The target as a dotted line at its height, under the bars.
        let targetRow = min(rect.height - 1, max(0, Int(((r.target - floor) / span * Double(levels)).rounded()) / 8))
        let chartWidth = min(rect.width - labelWidth, r.series.count * columnWidth)
        for dx in 0..<max(0, chartWidth) { grid.put(ascii ? "-" : "┄", x: rect.x + dx, y: rect.maxY - 1 - targetRow, role: .target) }
        grid.text(ascii ? "tgt" : "┄tgt", x: rect.x + chartWidth, y: rect.maxY - 1 - targetRow, role: .target, maxWidth: rect.maxX - rect.x - chartWidth)
        for (i, value) in r.series.enumerated() {
            let x0 = rect.x + i * columnWidth
            guard x0 + columnWidth <= rect.maxX - labelWidth + 1 else { break }
            let role = weekRole(r, i)
            guard let value else {
                grid.put("·", x: x0, y: rect.maxY - 1, role: .dim)
                continue
            }
            let filled = max(1, Int(((value - floor) / span * Double(levels)).rounded()))
            for row in 0..<rect.height {
                let fromBottom = filled - row * 8
                guard fromBottom > 0 else { break }
                let glyph = ascii ? Character(fromBottom >= 4 ? "#" : ".") : (fromBottom >= 8 ? Character("█") : Sparkline.levels[fromBottom - 1])
                for dx in 0..<max(1, columnWidth - (columnWidth > 2 ? 1 : 0)) {
                    grid.put(glyph, x: x0 + dx, y: rect.maxY - 1 - row, role: role)
                }
            }
        }
        if targetRow != 0 { grid.text("12w", x: rect.maxX - 3, y: rect.maxY - 1, role: .dim) }
    }
}
