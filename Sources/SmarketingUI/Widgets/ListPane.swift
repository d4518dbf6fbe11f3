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

    /// The columns a row's title gets: the area less the prefix, the right-hand columns and a gap.
    static func titleWidth(areaWidth: Int, prefix: String, columns: [Column]) -> Int {
        let rightWidth = columns.filter { $0.width > 0 }.reduce(0) { $0 + $1.width + 1 }
        return max(0, areaWidth - DisplayWidth.of(prefix) - rightWidth - 1)
    }

    /// The most lines a wrapped title takes; past it the last line ends in `…`.
    static let maxTitleLines = 3

    /// A title as the rows show it: one line (cut with `…`), or, when `wrap`, its words filled
    /// into lines of `width` columns (a word longer than a line is broken), at most
    /// `maxTitleLines`, the last cut with `…` when the title is longer still.
    static func titleLines(_ title: String, width: Int, wrap: Bool, maxLines: Int = maxTitleLines) -> [String] {
        let text = TextSanitizer.visible(title)
        guard wrap, width > 0, DisplayWidth.of(text) > width else { return [text] }
        var lines: [String] = []
        var current = ""
        func flush() { lines.append(current); current = "" }
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            let candidate = current.isEmpty ? word : current + " " + word
            if DisplayWidth.of(candidate) <= width { current = candidate; continue }
            if !current.isEmpty { flush() }
            // A word longer than the line is broken across lines.
            while DisplayWidth.of(word) > width {
                let head = prefix(word, width: width)
                lines.append(head)
                word = String(word.dropFirst(head.count))
            }
            current = word
        }
        if !current.isEmpty { flush() }
        if lines.count > maxLines {
            let rest = lines[(maxLines - 1)...].joined(separator: " ")
            return Array(lines.prefix(maxLines - 1)) + [DisplayWidth.truncate(rest, to: width)]
        }
        return lines.isEmpty ? [""] : lines
    }

    /// The longest start of `text` at most `width` columns wide (at least one character).
    static func prefix(_ text: String, width: Int) -> String {
        var out = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width, !out.isEmpty { break }
            out.append(character)
            used += w
        }
        return out
    }

    /// Draws a row: a prefix, the title in the flexible space (over `titleLines` lines when it
    /// wraps, the continuation lines indented under its start), then fixed-width columns on the
    /// right of its first line. Returns the lines drawn (at most `maxLines`).
    @discardableResult
    static func drawRow(_ grid: inout Grid, _ area: Rect, y: Int, role: StyleRole, prefix: String, prefixRole: StyleRole? = nil,
                        title: String, columns: [Column], wrap: Bool = false, maxLines: Int = 1) -> Int {
        let shown = columns.filter { $0.width > 0 }
        let rightWidth = shown.reduce(0) { $0 + $1.width + 1 }
        let titleWidth = titleWidth(areaWidth: area.width, prefix: prefix, columns: columns)
        let lines = titleLines(title, width: titleWidth, wrap: wrap, maxLines: max(1, min(maxLines, maxTitleLines)))
        grid.fill(Rect(x: area.x, y: y, width: area.width, height: lines.count), role: role)
        let prefixWidth = grid.text(prefix, x: area.x, y: y, role: prefixRole ?? role, maxWidth: area.width)
        for (i, line) in lines.enumerated() {
            grid.text(line, x: area.x + prefixWidth, y: y + i, role: role, maxWidth: max(0, area.width - prefixWidth - rightWidth - 1))
        }
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
        return lines.count
    }

    /// The first row to show so that the selected row is whole on screen: from `scroll` on,
    /// moving down while the rows up to the selection take more than `lines` lines, then up while
    /// the rows to the end leave lines empty.
    static func firstRow(scroll: Int, selected: Int?, count: Int, lines: Int, height: (Int) -> Int) -> Int {
        guard count > 0 else { return 0 }
        var first = min(max(0, scroll), count - 1)
        if let selected, selected >= 0, selected < count {
            if selected < first { first = selected }
            var used = (first...selected).reduce(0) { $0 + height($1) }
            while used > lines, first < selected {
                used -= height(first)
                first += 1
            }
        }
        // Rows scrolled off the top come back while the end of the list leaves room for them.
        var tail = 0
        var r = first
        while r < count, tail <= lines { tail += height(r); r += 1 }
        if r == count {
            while first > 0, tail + height(first - 1) <= lines {
                first -= 1
                tail += height(first)
            }
        }
        return first
    }

    /// The rows from `first` that fit in `lines` lines, with the lines each gets: the last one may
    /// get fewer than it takes (its title is then cut with `…`), so no line is left empty.
    static func rowsShown(first: Int, count: Int, lines: Int, height: (Int) -> Int) -> [(row: Int, lines: Int)] {
        var out: [(row: Int, lines: Int)] = []
        var used = 0
        var r = max(0, first)
        while r < count, used < lines {
            let h = height(r)
            if used + h > lines {
                out.append((r, lines - used))
                break
            }
            out.append((r, h))
            used += h
            r += 1
        }
        return out
    }

    /// Marks on the pane's bottom edge for what does not fit: "▲ 2 above", "▼ 3 more" and, after
    /// them, the groups that are not on screen at all ("· Retention"), so no group is hidden silently.
    static func overflow(_ grid: inout Grid, _ rect: Rect, above: Int, below: Int, hiddenGroups: [String] = [], focused: Bool) {
        guard rect.width >= 10, rect.height >= 2, above > 0 || below > 0 else { return }
        var parts: [String] = []
        if above > 0 { parts.append("▲ \(above) above") }
        if below > 0 { parts.append("▼ \(below) more") }
        var text = " " + parts.joined(separator: " · ")
        let room = rect.width - 4
        for group in hiddenGroups where DisplayWidth.of(text + " · " + group + " ") <= room { text += " · " + group }
        text += " "
        grid.textRight(text, maxX: rect.maxX - 2, y: rect.maxY - 1, role: focused ? .titleFocused : .warn, maxWidth: room)
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
    static func ownerCap(areaWidth width: Int, wrap: Bool = false) -> Int { width >= ListPane.wideOwnerArea || wrap ? 16 : 10 }

    /// An owner as a list area `areaWidth` columns wide shows them (`NameStyle`): a wide area
    /// shows the whole name when it fits; a narrow one shows everyone's short form ("Sam", not
    /// "Sam Patel" beside "Dana"), so the titles keep their room.
    /// Where titles wrap, owners get whole names when the title keeps this many columns beside them.
    static let wrappedTitleRoom = 36

    /// Whether owners show whole names in a list whose titles wrap: when, beside the prefix and
    /// the other columns (`reserved`) and an owner column at its widest, the title keeps
    /// `wrappedTitleRoom` columns. Pass the answer as `wrap` to the owner functions.
    static func wholeNames(areaWidth: Int, reserved: Int, wrap: Bool) -> Bool {
        wrap && areaWidth - reserved - ownerCap(areaWidth: areaWidth, wrap: true) - 2 >= wrappedTitleRoom
    }

    /// `wrap`: titles wrap and leave room (`wholeNames`), so owners get their whole names too.
    static func ownerText(_ name: String, areaWidth: Int, names: NameStyle, wrap: Bool = false) -> String {
        let cap = ownerCap(areaWidth: areaWidth, wrap: wrap)
        let width = areaWidth >= ListPane.wideOwnerArea || wrap ? cap : min(cap, DisplayWidth.of(names.short(name)))
        return names.fit(name, width: width)
    }

    /// Each owner as the owner column shows it, and the column's width.
    static func owners(_ owners: [String], areaWidth: Int, names: NameStyle, wrap: Bool = false) -> (texts: [String], width: Int) {
        let texts = owners.map { ownerText($0, areaWidth: areaWidth, names: names, wrap: wrap) }
        return (texts, columnWidth(texts, cap: ownerCap(areaWidth: areaWidth, wrap: wrap)))
    }
}
