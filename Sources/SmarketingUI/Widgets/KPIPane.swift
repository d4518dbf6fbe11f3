import SmarketingModel

/// The KPI pane: a frame titled with the week, the lead SLA on its top edge, the funnel on its
/// bottom edge, and any number of KPI tiles inside.
struct KPIPane: Widget {
    /// The lead SLA, in a full and a compact form; the pane shows whichever fits.
    struct SLALine: Equatable {
        var full: String
        var compact: String
        var onTarget: Bool
    }

    /// The week reported on, nil when there is no current meeting.
    var week: CalendarDate?
    /// False when the week has no record yet: the title says how to add one.
    var weekHasRecord = true
    var sla: SLALine?
    var funnel: FunnelStrip?
    /// Where the week's numbers came from, when they were imported, in a full and a compact
    /// form: the bottom edge shows whichever fits beside the funnel.
    var provenance: (full: String, compact: String)?
    var tiles: [KPITile]
    /// The selected tile: highlighted when the pane has focus, and always kept in view.
    var selected = 0
    var focused = false

    /// Narrower than this, tiles wrap onto more rows; a tile needs two rows (title, value).
    static let minimumTileWidth = 16
    static let minimumTileHeight = 2
    static let tileGap = 2

    var title: String {
        var title = "\(PaneID.kpis.number) KPIs"
        if let week { title += " · week of \(week.iso)" }
        if !weekHasRecord { title += " · no record yet (a adds it)" }
        return title
    }

    /// The provenance text that fits on the bottom edge of a pane `width` wide, if any does.
    func provenanceOnEdge(width: Int) -> (text: String, room: Int)? {
        guard let provenance else { return nil }
        let room = width - 2 - (funnel?.width ?? 0) - 3
        let full = " " + provenance.full + " ", compact = " " + provenance.compact + " "
        let text = DisplayWidth.of(full) <= room ? full : compact
        return DisplayWidth.of(text) <= room ? (text, room) : nil
    }

    func draw(into grid: inout Grid, _ rect: Rect) {
        let edge = provenanceOnEdge(width: rect.width)
        // Where the bottom edge has no room, the title says the numbers were imported, unless
        // that would push the SLA off the top edge.
        var title = title
        if provenance != nil && edge == nil {
            let longer = title + " · imported"
            let slaWidth = sla.map { DisplayWidth.of(" " + $0.compact + " ") } ?? 0
            if DisplayWidth.of(longer) + 4 + (slaWidth == 0 ? 0 : 3 + slaWidth) <= rect.width { title = longer }
        }
        grid.box(rect, role: focused ? .borderFocused : .border, title: title, titleRole: focused ? .titleFocused : .title)
        let inner = rect.inset(1)
        guard !inner.isEmpty else { return }
        if let sla {
            // Right-aligned on the top edge, when it fits beside the title.
            let room = rect.width - (DisplayWidth.of(title) + 4) - 3
            let full = " " + sla.full + " ", compact = " " + sla.compact + " "
            let text = DisplayWidth.of(full) <= room ? full : compact
            if DisplayWidth.of(text) <= room {
                grid.textRight(text, maxX: rect.maxX - 1, y: rect.y, role: sla.onTarget ? .good : .warn, maxWidth: room)
            }
        }
        funnel?.render(into: &grid, Rect(x: rect.x + 1, y: rect.maxY - 1, width: rect.width - 2, height: 1))
        if let (text, room) = edge {
            // Right-aligned on the bottom edge, after the funnel and a gap of border.
            grid.textRight(text, maxX: rect.maxX - 1, y: rect.maxY - 1, role: .dim, maxWidth: room)
        }
        let area = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        let layout = KPIPane.tileLayout(count: tiles.count, selected: selected, in: area)
        for (i, (tile, tileRect)) in zip(tiles, layout.rects).enumerated() {
            guard let tileRect else { continue }
            var tile = tile
            tile.selected = focused && i == selected
            tile.render(into: &grid, tileRect)
        }
        // Rows of tiles scrolled out of view are marked on the right edge, as lists are.
        if layout.hiddenAbove { grid.put("▲", x: rect.maxX - 1, y: inner.y, role: .dim) }
        if layout.hiddenBelow { grid.put("▼", x: rect.maxX - 1, y: inner.maxY - 1, role: .dim) }
    }

    /// Where each of `count` tiles goes in `area`: as many equal columns as fit at the minimum
    /// width, in as many rows as needed. When the rows do not all fit, the ones around the
    /// selected tile are shown and the others get nil.
    static func tileLayout(count: Int, selected: Int, in area: Rect) -> (rects: [Rect?], hiddenAbove: Bool, hiddenBelow: Bool) {
        guard count > 0, !area.isEmpty else { return (Array(repeating: nil, count: count), false, false) }
        let perRow = max(1, min(count, (area.width + tileGap) / (minimumTileWidth + tileGap)))
        let rowsNeeded = (count + perRow - 1) / perRow
        let rowsShown = max(1, min(rowsNeeded, area.height / minimumTileHeight))
        let selectedRow = min(max(0, selected), count - 1) / perRow
        let firstRow = min(max(0, selectedRow - rowsShown + 1), rowsNeeded - rowsShown)
        let columns = area.columns(perRow, gap: tileGap)
        let rows = area.rows(rowsShown)
        let rects = (0..<count).map { i -> Rect? in
            let row = i / perRow - firstRow
            guard rows.indices.contains(row) else { return nil }
            let column = columns[i % perRow]
            return Rect(x: column.x, y: rows[row].y, width: column.width, height: rows[row].height)
        }
        return (rects, firstRow > 0, firstRow + rowsShown < rowsNeeded)
    }
}
