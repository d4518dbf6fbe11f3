import SmarketingModel

/// What the agenda, friction-point and actions & decisions panes share: a numbered frame, rows
/// with a selection and right-hand columns that line up from row to row.
enum ListPane {
    /// Draws the pane frame and returns the list area.
    static func frame(_ pane: PaneID, title: String, _ rect: Rect, focused: Bool, _ grid: inout Grid) -> Rect {
        grid.box(rect, role: focused ? .borderFocused : .border, title: "\(pane.number) \(title)", titleRole: focused ? .titleFocused : .title)
        return rect.inset(1)
    }

    static func rowRole(selected: Bool, focused: Bool, base: StyleRole) -> StyleRole {
        selected ? (focused ? .selection : .selectionUnfocused) : base
    }

    /// A right-hand column of a list row.
    struct Column {
        var text: String
        var width: Int
        var role: StyleRole
        var alignRight = false
    }

    /// Draws a row: a prefix, the title in the flexible space, then fixed-width columns on the right.
    static func drawRow(_ grid: inout Grid, _ area: Rect, y: Int, role: StyleRole, prefix: String, prefixRole: StyleRole? = nil,
                        title: String, columns: [Column]) {
        grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: role)
        let prefixWidth = grid.text(prefix, x: area.x, y: y, role: prefixRole ?? role, maxWidth: area.width)
        let shown = columns.filter { $0.width > 0 }
        let rightWidth = shown.reduce(0) { $0 + $1.width + 1 }
        grid.text(title, x: area.x + prefixWidth, y: y, role: role, maxWidth: max(0, area.width - prefixWidth - rightWidth - 1))
        var x = area.maxX - rightWidth
        for column in shown {
            // A column that would start left of the area is left out rather than drawn outside it.
            if x >= area.x {
                if column.alignRight {
                    grid.textRight(column.text, maxX: x + column.width, y: y, role: column.role, maxWidth: column.width)
                } else {
                    grid.text(column.text, x: x, y: y, role: column.role, maxWidth: column.width)
                }
            }
            x += column.width + 1
        }
    }

    /// The width a column needs for its widest entry, within a cap.
    static func columnWidth(_ texts: [String], cap: Int) -> Int {
        min(cap, texts.map { DisplayWidth.of(TextSanitizer.visible($0)) }.max() ?? 0)
    }

    /// From this width on a list area shows owners' whole names (when they fit): a zoomed pane, the
    /// projector layout. Below it (80x24 to 120x40) every pane shows short forms.
    static let wideOwnerArea = 60

    /// The widest an owner column gets in a list area `width` columns wide. Every pane uses the
    /// same widths, so at a given screen size a person's name shows the same in each of them.
    static func ownerCap(areaWidth width: Int) -> Int { width >= ListPane.wideOwnerArea ? 16 : 10 }

    /// An owner as a list area `areaWidth` columns wide shows them (`NameStyle`): a wide area
    /// shows the whole name when it fits; a narrow one shows everyone's short form ("Sam", not
    /// "Sam Patel" beside "Dana"), so the titles keep their room.
    static func ownerText(_ name: String, areaWidth: Int, names: NameStyle) -> String {
        let cap = ownerCap(areaWidth: areaWidth)
        let width = areaWidth >= ListPane.wideOwnerArea ? cap : min(cap, DisplayWidth.of(names.short(name)))
        return names.fit(name, width: width)
    }

    /// Each owner as the owner column shows it, and the column's width.
    static func owners(_ owners: [String], areaWidth: Int, names: NameStyle) -> (texts: [String], width: Int) {
        let texts = owners.map { ownerText($0, areaWidth: areaWidth, names: names) }
        return (texts, columnWidth(texts, cap: ownerCap(areaWidth: areaWidth)))
    }
}
