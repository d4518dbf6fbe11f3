import SmarketingModel

/// "Who owes what" over the dashboard: each owner with their open items, overdue first.
struct OwedOverlay: OverlayWidget {
    enum Row: Equatable {
        case owner(String, count: Int)
        case item(title: String, due: String, overdue: Bool, carried: Int)
    }

    var rows: [Row]
    /// The selected item's row.
    var selectedRow: Int?
    var open: Int
    var overdue: Int

    var title: String { "Who owes what · \(open) open" + (overdue > 0 ? ", \(overdue) overdue" : "") }

    func placement(on screen: Size) -> Rect { Panel.centered(width: 90, height: max(6, rows.count + 4), in: screen) }

    func draw(into grid: inout Grid, _ rect: Rect) {
        Panel.draw(rect, title: title, &grid)
        let inner = rect.inset(1)
        guard !inner.isEmpty else { return }
        let visible = max(1, inner.height - 2)
        // Keep the selected row in view.
        let top = max(0, min((selectedRow ?? 0) - visible + 1, rows.count - visible))
        if rows.isEmpty {
            grid.text(" No open action items.", x: inner.x, y: inner.y, role: .dim, maxWidth: inner.width)
        }
        for line in 0..<visible {
            let r = max(0, top) + line
            guard rows.indices.contains(r) else { break }
            let y = inner.y + line
            switch rows[r] {
            case .owner(let name, let count):
                grid.text(" \(TextSanitizer.visible(name)) (\(count))", x: inner.x, y: y, role: .stage, maxWidth: inner.width)
            case .item(let title, let due, let overdue, let carried):
                let selected = r == selectedRow
                let role = ListPane.rowRole(selected: selected, focused: true, base: .overlay)
                let area = Rect(x: inner.x, y: y, width: inner.width, height: 1)
                ListPane.drawRow(&grid, area, y: y, role: role, prefix: "   [ ] ", title: TextSanitizer.visible(title), columns: [
                    ListPane.Column(text: due, width: 12, role: selected ? role : (overdue ? .bad : .dim)),
                    ListPane.Column(text: carried > 0 ? "↻\(carried) wk" : "", width: 6, role: selected ? role : .dim),
                ])
            }
        }
        grid.text("Space done · j/k move · Esc close", x: inner.x + 1, y: inner.maxY - 1, role: .dim, maxWidth: inner.width - 2)
    }
}
