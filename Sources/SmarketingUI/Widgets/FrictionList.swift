import SmarketingModel

/// The friction-point pane: suggestions from the numbers on top, then points grouped under their
/// funnel stage with severity, status and owner. The list spans the whole workspace, so the input
/// holds only the rows from the scroll position on, and a frame costs what is on screen.
struct FrictionList: Widget {
    enum Row: Equatable {
        /// A friction point the numbers suggest, with a long and a short title.
        case suggestion(stage: String, title: String, shortTitle: String)
        case stage(String, count: Int)
        case point(Point)
    }

    struct Point: Equatable {
        var title: String
        var owner: String
        /// 1 to 3.
        var severity: Int
        var status: FrictionStatus
    }

    var unresolved: Int
    var showsResolved: Bool
    /// False when the workspace has no friction points at all (not merely none shown).
    var hasPoints: Bool
    /// The rows from `scroll` on; more than fit is fine.
    var rows: [Row]
    var scroll: Int
    /// Rows in the whole list, above and below the ones given.
    var total: Int
    /// The selected point's row in the whole list.
    var selectedRow: Int
    var focused: Bool
    /// The presenter's screen: no keys to accept or dismiss a suggestion.
    var readOnly: Bool
    /// How names shorten in the owner column.
    var names: NameStyle
    /// Zoomed: everything about the selected item, under the list.
    var detail: ItemDetail? = nil
    /// Titles wrap onto more lines (from 120x40) instead of being cut.
    var wrap: Bool
    /// When titles wrap: every owner in the whole list, so the owner column (and with it each
    /// row's lines) does not change as the list scrolls. Nil: measured over the rows on screen.
    var allOwners: [String]?
    /// Before the rows given: the points (and suggestions) scrolled off the top.
    var pointsBefore: Int
    /// Past the rows given: the points still below, and the stages they are under.
    var pointsAfter: Int
    var stagesAfter: [String]

    init(unresolved: Int, showsResolved: Bool = true, hasPoints: Bool = true, rows: [Row], scroll: Int = 0, total: Int? = nil,
         selectedRow: Int = 0, focused: Bool = false, readOnly: Bool = false, names: NameStyle = NameStyle(people: []),
         wrap: Bool = false, allOwners: [String]? = nil, pointsBefore: Int = 0, pointsAfter: Int = 0, stagesAfter: [String] = []) {
        self.pointsBefore = pointsBefore
        self.names = names
        self.wrap = wrap
        self.allOwners = allOwners
        self.pointsAfter = pointsAfter
        self.stagesAfter = stagesAfter
        self.unresolved = unresolved
        self.showsResolved = showsResolved
        self.hasPoints = hasPoints
        self.rows = rows
        self.scroll = max(0, scroll)
        self.total = total ?? (max(0, scroll) + rows.count)
        self.selectedRow = selectedRow
        self.focused = focused
        self.readOnly = readOnly
    }

    /// Whole status words from 50 columns; where titles wrap, from 60 (so that the title keeps
    /// room beside a whole owner name).
    static func wideStatus(areaWidth: Int, wrap: Bool) -> Bool { areaWidth >= (wrap ? 60 : 50) }

    static func statusLabel(_ status: FrictionStatus, wide: Bool) -> String {
        if wide { return status.rawValue }
        // Abbreviations of the same words, never another word ("done" read as a different state).
        switch status {
        case .open: return "open"
        case .mitigating: return "mitig."
        case .resolved: return "resol."
        }
    }

    func draw(into grid: inout Grid, _ rect: Rect) {
        let title = "Friction points · \(unresolved) unresolved" + (showsResolved ? "" : " · resolved hidden")
        let framed = ListPane.frame(.friction, title: title, rect, focused: focused, &grid)
        // Zoomed: the selected item's detail under the list.
        let (area, detailArea) = ItemDetail.split(detail, framed)
        if let detail, let detailArea { detail.draw(into: &grid, detailArea) }
        guard !area.isEmpty else { return }
        if total == 0 {
            grid.text(hasPoints ? "All resolved. Press r to show them." : "No friction points. Press a to record one.",
                      x: area.x + 1, y: area.y, role: .dim, maxWidth: area.width - 1)
            return
        }
        let wideStatus = FrictionList.wideStatus(areaWidth: area.width, wrap: wrap)
        let statusWidth = wideStatus ? 10 : 6
        let whole = wholeNames(areaWidth: area.width)
        func ownerText(_ owner: String) -> String { ListPane.ownerText(owner, areaWidth: area.width, names: names, wrap: whole) }
        let ownerWidth = ownerWidth(areaWidth: area.width, rowsOnScreen: area.height)
        let counts = lineCounts(areaWidth: area.width)
        let height = { (r: Int) in counts.indices.contains(r - scroll) ? counts[r - scroll] : 1 }
        let given = scroll + rows.count
        let first = max(scroll, ListPane.firstRow(scroll: scroll, selected: selectedRow < given ? selectedRow : nil, count: given,
                                                  lines: area.height, height: height))
        let shown = ListPane.rowsShown(first: first, count: given, lines: area.height, height: height)
        var y = area.y
        for (r, lines) in shown {
            let row = r - scroll
            switch rows[row] {
            case .suggestion(let stage, let longTitle, let shortTitle):
                let isSelected = r == selectedRow
                let keys = readOnly ? "" : (area.width >= 56 ? " A accept · X dismiss " : " A/X ")
                let keysWidth = DisplayWidth.of(keys)
                let role = isSelected ? ListPane.rowRole(selected: true, focused: focused, base: .warn) : StyleRole.warn
                grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: role)
                let text = area.width >= 110 ? "⚑ Suggested \(stage) friction: \(longTitle)" : "⚑ \(shortTitle)"
                grid.text(" " + text, x: area.x, y: y, role: role, maxWidth: area.width - keysWidth)
                if keysWidth > 0 { grid.textRight(keys, maxX: area.maxX, y: y, role: .statusKey, maxWidth: min(keysWidth, area.width)) }
                y += 1
            case .stage(let stage, let count):
                grid.text(" \(stage) (\(count))", x: area.x, y: y, role: .stage, maxWidth: area.width)
                y += 1
            case .point(let point):
                let isSelected = r == selectedRow
                let base: StyleRole = point.status == .resolved ? .dim : .text
                let role = ListPane.rowRole(selected: isSelected, focused: focused, base: base)
                let severity = min(3, max(0, point.severity))
                let marks = String(repeating: "▮", count: severity) + String(repeating: "▯", count: 3 - severity)
                let sevRole: StyleRole = isSelected ? role : (point.status == .resolved ? .dim : (severity == 3 ? .bad : (severity == 2 ? .warn : .dim)))
                let statusRole: StyleRole = isSelected ? role : (point.status == .open ? .warn : (point.status == .mitigating ? .accent : .dim))
                y += ListPane.drawRow(&grid, area, y: y, role: role, prefix: "  " + marks + " ", prefixRole: sevRole, title: point.title, columns: [
                    ListPane.Column(text: FrictionList.statusLabel(point.status, wide: wideStatus), width: statusWidth, role: statusRole),
                    ListPane.Column(text: ownerText(point.owner), width: ownerWidth, role: isSelected ? role : .dim),
                ], wrap: wrap, maxLines: lines)
            }
        }
        // What is off screen: the points above and below, and the stages with none on screen.
        let last = shown.last?.row ?? (first - 1)
        let after = rows[min(rows.count, max(0, last + 1 - scroll))...]
        let below = after.filter { if case .stage = $0 { return false } else { return true } }.count + pointsAfter
        let stages = after.compactMap { if case .stage(let name, _) = $0 { return name } else { return nil } } + stagesAfter
        let onScreenStages = Set(shown.compactMap { if case .stage(let name, _) = rows[$0.row - scroll] { return name } else { return nil } })
        let hidden = stages.filter { !onScreenStages.contains($0) }
        let above = pointsBefore + rows[0..<max(0, min(rows.count, first - scroll))].filter { if case .stage = $0 { return false } else { return true } }.count
        ListPane.overflow(&grid, rect, above: above, below: below, hiddenGroups: hidden, focused: focused)
    }

    func wholeNames(areaWidth: Int) -> Bool {
        ListPane.wholeNames(areaWidth: areaWidth, reserved: 6 + (FrictionList.wideStatus(areaWidth: areaWidth, wrap: wrap) ? 10 : 6) + 1, wrap: wrap)
    }

    /// The owner column's width: over the whole list where titles wrap, else over the rows on
    /// screen only, so the cost does not grow with the list.
    func ownerWidth(areaWidth: Int, rowsOnScreen: Int) -> Int {
        let owners = allOwners ?? rows.prefix(rowsOnScreen).compactMap { if case .point(let p) = $0 { return p.owner } else { return nil } }
        return ListPane.owners(owners, areaWidth: areaWidth, names: names, wrap: wholeNames(areaWidth: areaWidth)).width
    }

    /// The lines each given row takes in a list area `areaWidth` wide.
    func lineCounts(areaWidth: Int) -> [Int] {
        let count = lineCounter(areaWidth: areaWidth)
        return rows.indices.map(count)
    }

    /// The lines one given row takes, measured only when asked: the reducer keeps the selection
    /// on screen by the rows around it, not by wrapping every title of a long list.
    func lineCounter(areaWidth: Int) -> (Int) -> Int {
        guard wrap else { return { _ in 1 } }
        let ownerWidth = ownerWidth(areaWidth: areaWidth, rowsOnScreen: rows.count)
        let statusWidth = FrictionList.wideStatus(areaWidth: areaWidth, wrap: wrap) ? 10 : 6
        let width = ListPane.titleWidth(areaWidth: areaWidth, prefix: "  ▮▮▮ ", columns: [
            ListPane.Column(text: "", width: statusWidth, role: .text), ListPane.Column(text: "", width: ownerWidth, role: .text),
        ])
        let rows = rows
        return { r in
            guard rows.indices.contains(r), case .point(let point) = rows[r] else { return 1 }
            return ListPane.titleLines(point.title, width: width, wrap: true).count
        }
    }
}
