import SmarketingModel

/// The actions & decisions pane: a heading, the action items with owner and due date ("overdue
/// 3d" in red when past it, ↻N when carried over N weeks), then a heading and the decisions.
struct ActionsList: Widget {
    enum Row: Equatable {
        case heading(String)
        case action(Action)
        case decision(String)
    }

    struct Action: Equatable {
        var title: String
        var owner: String
        var due: CalendarDate?
        var weeksCarried = 0
        var done = false
        /// Days past its due date, when not done and due before today.
        var overdueDays: Int?
    }

    /// Every row of the pane: a meeting's list is short, and the columns are sized over all of it.
    var rows: [Row]
    var scroll = 0
    /// The selected row, nil when there is nothing to select.
    var selectedRow: Int?
    var focused = false
    /// How names shorten in the owner column.
    var names = NameStyle(people: [])
    /// Zoomed: everything about the selected item, under the list.
    var detail: ItemDetail? = nil
    /// Titles and decisions wrap onto more lines (from 120x40) instead of being cut.
    var wrap = false

    static func dueText(_ item: Action) -> String {
        var text = item.overdueDays.map { "overdue \($0)d" } ?? item.due.map { "due " + String($0.iso.dropFirst(5)) } ?? ""
        if item.weeksCarried > 0 { text += (text.isEmpty ? "" : " ") + "↻\(item.weeksCarried)" }
        return text
    }

    func draw(into grid: inout Grid, _ rect: Rect) {
        let framed = ListPane.frame(.actions, title: "Actions & decisions", rect, focused: focused, &grid)
        // Zoomed: the selected item's detail under the list.
        let (area, detailArea) = ItemDetail.split(detail, framed)
        if let detail, let detailArea { detail.draw(into: &grid, detailArea) }
        guard !area.isEmpty else { return }
        let (ownerWidth, dueWidth) = columnWidths(areaWidth: area.width)
        let whole = ListPane.wholeNames(areaWidth: area.width, reserved: 5 + dueWidth + 1, wrap: wrap)
        func ownerText(_ owner: String) -> String { ListPane.ownerText(owner, areaWidth: area.width, names: names, wrap: whole) }
        let counts = lineCounts(areaWidth: area.width)
        let height = { (r: Int) in counts[r] }
        let first = ListPane.firstRow(scroll: scroll, selected: selectedRow, count: rows.count, lines: area.height, height: height)
        let shown = ListPane.rowsShown(first: first, count: rows.count, lines: area.height, height: height)
        var y = area.y
        for (r, lines) in shown {
            let selected = r == selectedRow
            switch rows[r] {
            case .heading(let text):
                grid.text(" " + text, x: area.x, y: y, role: .stage, maxWidth: area.width)
                y += 1
            case .action(let item):
                let base: StyleRole = item.done ? .dim : .text
                let role = ListPane.rowRole(selected: selected, focused: focused, base: base)
                y += ListPane.drawRow(&grid, area, y: y, role: role, prefix: item.done ? " [x] " : " [ ] ", title: item.title, columns: [
                    ListPane.Column(text: ownerText(item.owner), width: ownerWidth, role: selected ? role : .dim),
                    ListPane.Column(text: ActionsList.dueText(item), width: dueWidth, role: selected ? role : (item.overdueDays != nil ? .bad : base)),
                ], wrap: wrap, maxLines: lines)
            case .decision(let text):
                let role = ListPane.rowRole(selected: selected, focused: focused, base: .text)
                y += ListPane.drawRow(&grid, area, y: y, role: role, prefix: " ◆ ", title: text, columns: [], wrap: wrap, maxLines: lines)
            }
        }
        let last = shown.last?.row ?? (first - 1)
        let below = rows[min(rows.count, last + 1)...].filter { if case .heading = $0 { return false } else { return true } }.count
        let above = rows[..<min(rows.count, first)].filter { if case .heading = $0 { return false } else { return true } }.count
        let hiddenGroups = rows[min(rows.count, last + 1)...].compactMap { row -> String? in
            if case .heading(let text) = row { return text.components(separatedBy: " (").first } else { return nil }
        }
        ListPane.overflow(&grid, rect, above: above, below: below, hiddenGroups: hiddenGroups, focused: focused)
    }

    /// The owner and due-date columns' widths in a list area `areaWidth` wide.
    func columnWidths(areaWidth: Int) -> (owner: Int, due: Int) {
        let actions = rows.compactMap { if case .action(let a) = $0 { return a } else { return nil } }
        let dueWidth = ListPane.columnWidth(actions.map(ActionsList.dueText), cap: 14)
        let whole = ListPane.wholeNames(areaWidth: areaWidth, reserved: 5 + dueWidth + 1, wrap: wrap)
        return (ListPane.owners(actions.map(\.owner), areaWidth: areaWidth, names: names, wrap: whole).width, dueWidth)
    }

    /// Every row's lines, for laying out and scrolling the pane.
    func lineCounts(areaWidth: Int) -> [Int] {
        guard wrap else { return rows.map { _ in 1 } }
        let (ownerWidth, dueWidth) = columnWidths(areaWidth: areaWidth)
        let columns = [ListPane.Column(text: "", width: ownerWidth, role: .text), ListPane.Column(text: "", width: dueWidth, role: .text)]
        let actionWidth = ListPane.titleWidth(areaWidth: areaWidth, prefix: " [ ] ", columns: columns)
        let decisionWidth = ListPane.titleWidth(areaWidth: areaWidth, prefix: " ◆ ", columns: [])
        return rows.map { row in
            switch row {
            case .heading: return 1
            case .action(let item): return ListPane.titleLines(item.title, width: actionWidth, wrap: true).count
            case .decision(let text): return ListPane.titleLines(text, width: decisionWidth, wrap: true).count
            }
        }
    }
}
