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

    static func dueText(_ item: Action) -> String {
        var text = item.overdueDays.map { "overdue \($0)d" } ?? item.due.map { "due " + String($0.iso.dropFirst(5)) } ?? ""
        if item.weeksCarried > 0 { text += (text.isEmpty ? "" : " ") + "↻\(item.weeksCarried)" }
        return text
    }

    func draw(into grid: inout Grid, _ rect: Rect) {
        let area = ListPane.frame(.actions, title: "Actions & decisions", rect, focused: focused, &grid)
        guard !area.isEmpty else { return }
        let actions = rows.compactMap { if case .action(let a) = $0 { return a } else { return nil } }
        let ownerWidth = ListPane.owners(actions.map(\.owner), areaWidth: area.width, names: names).width
        func ownerText(_ owner: String) -> String { ListPane.ownerText(owner, areaWidth: area.width, names: names) }
        let dueWidth = ListPane.columnWidth(actions.map(ActionsList.dueText), cap: 14)
        for row in 0..<area.height {
            let r = max(0, scroll) + row
            guard rows.indices.contains(r) else { break }
            let y = area.y + row
            let selected = r == selectedRow
            switch rows[r] {
            case .heading(let text):
                grid.text(" " + text, x: area.x, y: y, role: .stage, maxWidth: area.width)
            case .action(let item):
                let base: StyleRole = item.done ? .dim : .text
                let role = ListPane.rowRole(selected: selected, focused: focused, base: base)
                ListPane.drawRow(&grid, area, y: y, role: role, prefix: item.done ? " [x] " : " [ ] ", title: item.title, columns: [
                    ListPane.Column(text: ownerText(item.owner), width: ownerWidth, role: selected ? role : .dim),
                    ListPane.Column(text: ActionsList.dueText(item), width: dueWidth, role: selected ? role : (item.overdueDays != nil ? .bad : base)),
                ])
            case .decision(let text):
                let role = ListPane.rowRole(selected: selected, focused: focused, base: .text)
                grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: role)
                grid.text(" ◆ " + text, x: area.x, y: y, role: role, maxWidth: area.width - 1)
            }
        }
    }
}
