import SmarketingModel

/// The four shared KPIs as tiles: value against target, status, change, trend.
enum KPIPane {
    static func draw(_ state: AppState, _ rect: Rect, focused: Bool, wide: Bool, _ grid: inout Grid) {
        let meeting = state.workspace.currentMeeting
        var title = "\(PaneID.kpis.number) KPIs"
        if let meeting { title += " · week of \(meeting.kpiWeek.iso)" }
        if let report = state.report, !report.hasRecord { title += " · no record yet (a adds it)" }
        grid.box(rect, role: focused ? .borderFocused : .border, title: title, titleRole: focused ? .titleFocused : .title)
        let inner = rect.inset(1)
        guard !inner.isEmpty, let report = state.report else { return }
        let tiles = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height).columns(4, gap: 2)
        let currency = state.workspace.team.currency
        for (i, result) in report.results.enumerated() {
            let selected = focused && state.selected(.kpis) == i
            drawTile(result, tiles[i], selected: selected, currency: currency, &grid)
        }
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

    static func drawTile(_ r: KPIResult, _ rect: Rect, selected: Bool, currency: String, _ grid: inout Grid) {
        guard !rect.isEmpty else { return }
        var y = rect.y
        let width = rect.width
        // Title row, with the status as a glyph (and words when there is room).
        let statusText = width >= 30 ? "\(statusGlyph(r.status)) \(r.status.rawValue)" : statusGlyph(r.status)
        grid.text(r.kind.title, x: rect.x, y: y, role: selected ? .selection : .title, maxWidth: width - DisplayWidth.of(statusText) - 1)
        grid.textRight(statusText, maxX: rect.maxX, y: y, role: statusRole(r.status), maxWidth: width)
        y += 1
        guard y < rect.maxY else { return }
        // Value against target.
        let value = KPIFormat.value(r.value, r.kind, currency: currency)
        let used = grid.text(value, x: rect.x, y: y, role: statusRole(r.status), maxWidth: width)
        grid.text(" / " + KPIFormat.target(r.target, r.kind, currency: currency), x: rect.x + used, y: y, role: .target, maxWidth: width - used)
        y += 1
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
            drawChart(r, Rect(x: rect.x, y: chartTop, width: width, height: chartRows), &grid)
            return
        }
        let spark = Sparkline.cells(r.series)
        let sparkY = rect.maxY - 1
        guard sparkY >= y else { return }
        var x = rect.x
        for (i, cell) in spark.enumerated() where x < rect.maxX {
            let isThisWeek = i == spark.count - 1
            grid.put(cell, x: x, y: sparkY, role: cell == "·" ? .dim : (isThisWeek ? statusRole(r.status) : .sparkline))
            x += 1
        }
        if x + 4 <= rect.maxX { grid.text(" 12w", x: x, y: sparkY, role: .dim) }
    }

    /// "▲ +$3.10 vs last wk", dropping the label when the tile is too narrow for it.
    static func drawChange(_ change: KPIChange?, label: String, _ kind: KPIKind, _ currency: String, x: Int, y: Int, width: Int, _ grid: inout Grid) {
        let figure = change.map { "\(KPIFormat.arrow($0)) \(KPIFormat.delta($0, kind, currency: currency))" } ?? "n/a"
        let full = figure + " " + label
        grid.text(DisplayWidth.of(full) <= width ? full : figure, x: x, y: y, role: changeRole(change), maxWidth: width)
    }

    /// Twelve weeks as columns of block characters, eight levels per row; this week in its status colour.
    static func drawChart(_ r: KPIResult, _ rect: Rect, _ grid: inout Grid) {
        let labelWidth = 4
        let columnWidth = max(1, min(4, (rect.width - labelWidth) / max(1, r.series.count)))
        let present = r.series.compactMap { $0 }
        guard let hi = present.max(), let lo = present.min() else {
            grid.text("no history yet", x: rect.x, y: rect.maxY - 1, role: .dim, maxWidth: rect.width)
            return
        }
        // Bars start from a floor below the lowest value so that differences show.
        let floor = max(0, lo - (hi - lo) * 0.5 - abs(hi) * 0.05)
        let span = max(hi - floor, 1e-9)
        let levels = rect.height * 8
        for (i, value) in r.series.enumerated() {
            let x0 = rect.x + i * columnWidth
            guard x0 + columnWidth <= rect.maxX - labelWidth + 1 else { break }
            let role: StyleRole = i == r.series.count - 1 ? statusRole(r.status) : .sparkline
            guard let value else {
                grid.put("·", x: x0, y: rect.maxY - 1, role: .dim)
                continue
            }
            let filled = max(1, Int(((value - floor) / span * Double(levels)).rounded()))
            for row in 0..<rect.height {
                let fromBottom = filled - row * 8
                guard fromBottom > 0 else { break }
                let glyph = fromBottom >= 8 ? Character("█") : Sparkline.levels[fromBottom - 1]
                for dx in 0..<max(1, columnWidth - (columnWidth > 2 ? 1 : 0)) {
                    grid.put(glyph, x: x0 + dx, y: rect.maxY - 1 - row, role: role)
                }
            }
        }
        grid.text("12w", x: rect.maxX - 3, y: rect.maxY - 1, role: .dim)
    }
}
