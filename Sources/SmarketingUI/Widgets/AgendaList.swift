import SmarketingModel

/// The agenda pane: planned against available minutes in the title, then one row per item with
/// its status, owner and time. A running item's time turns amber at 80% of its timebox and red
/// past it.
struct AgendaList: Widget {
    struct Item: Equatable {
        var title: String
        var owner: String
        var status: AgendaStatus
        /// Time spent on the item so far (recorded, plus the running stretch).
        var elapsedSeconds = 0
        var timeboxMinutes: Int
    }

    var plannedMinutes: Int
    var lengthMinutes: Int
    var items: [Item]
    var selected = 0
    /// The first item shown.
    var scroll = 0
    var focused = false
    /// How names shorten in the owner column.
    var names = NameStyle(people: [])
    /// Zoomed: everything about the selected item, under the list.
    var detail: ItemDetail? = nil
    /// Titles wrap onto more lines (from 120x40) instead of being cut.
    var wrap = false

    static func glyph(_ status: AgendaStatus) -> String {
        switch status {
        case .pending: return "○"
        case .active: return "▶"
        case .done: return "✓"
        case .skipped: return "–"
        }
    }

    /// Timed items (running, done, or with time recorded) show their time, as the minutes do.
    static func timeText(_ item: Item) -> String {
        let timed = item.status == .active || item.status == .done || item.elapsedSeconds > 0
        return timed ? "\(DurationFormat.clock(item.elapsedSeconds))/\(item.timeboxMinutes)m" : "\(item.timeboxMinutes)m"
    }

    func draw(into grid: inout Grid, _ rect: Rect) {
        let framed = ListPane.frame(.agenda, title: "Agenda · \(plannedMinutes) of \(lengthMinutes) min", rect, focused: focused, &grid)
        // Zoomed: the selected item's detail under the list.
        let (area, detailArea) = ItemDetail.split(detail, framed)
        if let detail, let detailArea { detail.draw(into: &grid, detailArea) }
        if plannedMinutes > lengthMinutes {
            // Over-planned: say so in the frame, in the warning colour.
            let note = " over by \(plannedMinutes - lengthMinutes) "
            grid.textRight(note, maxX: rect.maxX - 1, y: rect.y, role: .warn, maxWidth: max(0, rect.width - 20))
        }
        guard !area.isEmpty else { return }
        if items.isEmpty {
            grid.text("No agenda items. Press a to add one.", x: area.x + 1, y: area.y, role: .dim, maxWidth: area.width - 1)
            return
        }
        let (owners, ownerWidth, times, timeWidth) = columns(areaWidth: area.width)
        let counts = lineCounts(areaWidth: area.width)
        let height = { (i: Int) in counts[i] }
        let first = ListPane.firstRow(scroll: scroll, selected: selected, count: items.count, lines: area.height, height: height)
        let shown = ListPane.rowsShown(first: first, count: items.count, lines: area.height, height: height)
        var y = area.y
        for (i, lines) in shown {
            let item = items[i]
            let base: StyleRole = item.status == .active ? .active : (item.status == .done || item.status == .skipped ? .dim : .text)
            let isSelected = i == selected
            let role = ListPane.rowRole(selected: isSelected, focused: focused, base: base)
            var timeRole = role
            if !isSelected, item.status == .active || item.elapsedSeconds > 0 {
                let limit = item.timeboxMinutes * 60
                timeRole = item.elapsedSeconds > limit ? .bad : (Double(item.elapsedSeconds) >= Double(limit) * 0.8 ? .warn : base)
            }
            y += ListPane.drawRow(&grid, area, y: y, role: role, prefix: " \(AgendaList.glyph(item.status)) ", title: item.title, columns: [
                ListPane.Column(text: owners[i], width: ownerWidth, role: isSelected ? role : (base == .text ? .dim : base)),
                ListPane.Column(text: times[i], width: timeWidth, role: timeRole, alignRight: true),
            ], wrap: wrap, maxLines: lines)
        }
        let last = shown.last?.row ?? (first - 1)
        ListPane.overflow(&grid, rect, above: first, below: items.count - 1 - last, focused: focused)
    }

    /// The owner and time columns: each row's text and the columns' widths.
    func columns(areaWidth: Int) -> (owners: [String], ownerWidth: Int, times: [String], timeWidth: Int) {
        let times = items.map(AgendaList.timeText)
        let timeWidth = ListPane.columnWidth(times, cap: 12)
        let whole = ListPane.wholeNames(areaWidth: areaWidth, reserved: 3 + timeWidth + 1, wrap: wrap)
        let (owners, ownerWidth) = ListPane.owners(items.map(\.owner), areaWidth: areaWidth, names: names, wrap: whole)
        return (owners, ownerWidth, times, timeWidth)
    }

    private func lineCount(_ i: Int, areaWidth: Int, ownerWidth: Int, timeWidth: Int) -> Int {
        let width = ListPane.titleWidth(areaWidth: areaWidth, prefix: " ○ ", columns: [
            ListPane.Column(text: "", width: ownerWidth, role: .text), ListPane.Column(text: "", width: timeWidth, role: .text),
        ])
        return ListPane.titleLines(items[i].title, width: width, wrap: wrap).count
    }

    /// Every item's lines, for laying out and scrolling the pane.
    func lineCounts(areaWidth: Int) -> [Int] {
        guard wrap else { return items.map { _ in 1 } }
        let (_, ownerWidth, _, timeWidth) = columns(areaWidth: areaWidth)
        return items.indices.map { lineCount($0, areaWidth: areaWidth, ownerWidth: ownerWidth, timeWidth: timeWidth) }
    }
}
