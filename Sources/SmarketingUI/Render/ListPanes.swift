import SmarketingModel

/// The agenda, friction-point and actions & decisions panes: scrolling lists with a selection.
enum ListPanes {
    /// Draws the pane frame and returns the list area.
    static func frame(_ pane: PaneID, title: String, _ rect: Rect, focused: Bool, _ grid: inout Grid) -> Rect {
        grid.box(rect, role: focused ? .borderFocused : .border, title: "\(pane.number) \(title)", titleRole: focused ? .titleFocused : .title)
        return rect.inset(1)
    }

    /// Shows that a list continues above or below, on the frame's right edge.
    static func scrollMarks(_ rect: Rect, scroll: Int, visible: Int, total: Int, _ grid: inout Grid) {
        guard !rect.isEmpty else { return }
        if scroll > 0 { grid.put("▲", x: rect.maxX, y: rect.y, role: .dim) }
        if scroll + visible < total { grid.put("▼", x: rect.maxX, y: rect.maxY - 1, role: .dim) }
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

    /// Draws a row: a prefix, the title in the flexible space, then fixed-width columns on the right,
    /// so columns line up from row to row.
    static func drawRow(_ grid: inout Grid, _ area: Rect, y: Int, role: StyleRole, prefix: String, prefixRole: StyleRole? = nil,
                        title: String, columns: [Column]) {
        grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: role)
        let prefixWidth = grid.text(prefix, x: area.x, y: y, role: prefixRole ?? role)
        let shown = columns.filter { $0.width > 0 }
        let rightWidth = shown.reduce(0) { $0 + $1.width + 1 }
        grid.text(title, x: area.x + prefixWidth, y: y, role: role, maxWidth: max(0, area.width - prefixWidth - rightWidth - 1))
        var x = area.maxX - rightWidth
        for column in shown {
            if column.alignRight {
                grid.textRight(column.text, maxX: x + column.width, y: y, role: column.role, maxWidth: column.width)
            } else {
                grid.text(column.text, x: x, y: y, role: column.role, maxWidth: column.width)
            }
            x += column.width + 1
        }
    }

    /// The width a column needs for its widest entry, within a cap.
    static func columnWidth(_ texts: [String], cap: Int) -> Int {
        min(cap, texts.map { DisplayWidth.of(TextSanitizer.visible($0)) }.max() ?? 0)
    }

    /// Initials for the narrowest columns: "Priya Natarajan" → "PN".
    static func initials(_ name: String) -> String {
        String(name.split(separator: " ").prefix(3).compactMap(\.first))
    }

    /// A short form of a person's name for narrow columns: the first word.
    static func short(_ name: String) -> String {
        String(name.split(separator: " ").first ?? "")
    }

    // MARK: agenda

    static func drawAgenda(_ state: AppState, _ rect: Rect, focused: Bool, _ grid: inout Grid) {
        guard let meeting = state.meeting else { return }
        let planned = meeting.plannedMinutes
        let area = frame(.agenda, title: "Agenda · \(planned) of \(meeting.lengthMinutes) min", rect, focused: focused, &grid)
        if planned > meeting.lengthMinutes {
            // Over-planned: say so in the frame, in the warning colour.
            let note = " over by \(planned - meeting.lengthMinutes) "
            grid.textRight(note, maxX: rect.maxX - 1, y: rect.y, role: .warn, maxWidth: max(0, rect.width - 20))
        }
        guard !area.isEmpty else { return }
        if meeting.agenda.isEmpty {
            grid.text("No agenda items. Press a to add one.", x: area.x + 1, y: area.y, role: .dim, maxWidth: area.width - 1)
            return
        }
        let scroll = state.scroll[.agenda] ?? 0
        let selected = state.selected(.agenda)
        let wide = area.width >= 50
        let times = meeting.agenda.map { item -> String in
            let elapsed = MeetingClock.elapsedSeconds(item, now: state.now)
            // Timed items (running, done, or with time recorded) show their time, as the minutes do.
            let timed = item.status == .active || item.status == .done || elapsed > 0
            return timed ? "\(DurationFormat.clock(elapsed))/\(item.timeboxMinutes)m" : "\(item.timeboxMinutes)m"
        }
        let owners = meeting.agenda.map { wide ? $0.owner : short($0.owner) }
        let ownerWidth = columnWidth(owners, cap: wide ? 16 : 8)
        let timeWidth = columnWidth(times, cap: 12)
        for row in 0..<area.height {
            let i = scroll + row
            guard meeting.agenda.indices.contains(i) else { break }
            let item = meeting.agenda[i]
            let base: StyleRole = item.status == .active ? .active : (item.status == .done || item.status == .skipped ? .dim : .text)
            let isSelected = i == selected
            let role = rowRole(selected: isSelected, focused: focused, base: base)
            let glyph: String
            switch item.status {
            case .pending: glyph = "○"
            case .active: glyph = "▶"
            case .done: glyph = "✓"
            case .skipped: glyph = "–"
            }
            let elapsed = MeetingClock.elapsedSeconds(item, now: state.now)
            var timeRole = role
            if !isSelected, item.status == .active || elapsed > 0 {
                let limit = item.timeboxMinutes * 60
                timeRole = elapsed > limit ? .bad : (Double(elapsed) >= Double(limit) * 0.8 ? .warn : base)
            }
            drawRow(&grid, area, y: area.y + row, role: role, prefix: " \(glyph) ", title: item.title, columns: [
                Column(text: owners[i], width: ownerWidth, role: isSelected ? role : (base == .text ? .dim : base)),
                Column(text: times[i], width: timeWidth, role: timeRole, alignRight: true),
            ])
        }
        scrollMarks(rect, scroll: scroll, visible: area.height, total: meeting.agenda.count, &grid)
    }

    // MARK: friction points

    static func drawFriction(_ state: AppState, _ rect: Rect, focused: Bool, _ grid: inout Grid) {
        let ws = state.workspace
        let open = state.unresolvedFriction
        let title = "Friction points · \(open) unresolved" + (state.showResolved ? "" : " · resolved hidden")
        let area = frame(.friction, title: title, rect, focused: focused, &grid)
        guard !area.isEmpty else { return }
        let rows = state.frictionRows
        if rows.isEmpty {
            grid.text(ws.frictionPoints.isEmpty ? "No friction points. Press a to record one." : "All resolved. Press r to show them.",
                      x: area.x + 1, y: area.y, role: .dim, maxWidth: area.width - 1)
            return
        }
        let scroll = state.scroll[.friction] ?? 0
        let selectedRow = Reducer.selectedRow(.friction, state).row
        let wideStatus = area.width >= 50
        let statusWidth = wideStatus ? 10 : 5
        func ownerText(_ owner: String) -> String { area.width >= 60 ? owner : (area.width >= 44 ? short(owner) : initials(owner)) }
        // Measured over the rows on screen only, so the cost does not grow with the list.
        let onScreen = rows[min(scroll, rows.count)..<min(rows.count, scroll + area.height)]
        let ownerWidth = columnWidth(onScreen.compactMap { if case .point(let i) = $0 { return ownerText(ws.frictionPoints[i].owner) } else { return nil } }, cap: 14)
        for row in 0..<area.height {
            let r = scroll + row
            guard rows.indices.contains(r) else { break }
            let y = area.y + row
            switch rows[r] {
            case .suggestion(let suggestion):
                let wide = area.width >= 56
                let keys = state.readOnly ? "" : (wide ? " A accept · X dismiss " : " A/X ")
                let keysWidth = DisplayWidth.of(keys)
                grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: .warn)
                let text = area.width >= 110 ? "⚑ Suggested \(suggestion.stage.title) friction: \(suggestion.title)" : "⚑ \(suggestion.shortTitle)"
                grid.text(" " + text, x: area.x, y: y, role: .warn, maxWidth: area.width - keysWidth)
                if keysWidth > 0 { grid.textRight(keys, maxX: area.maxX, y: y, role: .statusKey, maxWidth: keysWidth) }
            case .stage(let stage, let count):
                grid.text(" \(stage.title) (\(count))", x: area.x, y: y, role: .stage, maxWidth: area.width)
            case .point(let index):
                let point = ws.frictionPoints[index]
                let isSelected = r == selectedRow
                let base: StyleRole = point.status == .resolved ? .dim : .text
                let role = rowRole(selected: isSelected, focused: focused, base: base)
                let severity = String(repeating: "▮", count: point.severity) + String(repeating: "▯", count: 3 - point.severity)
                let sevRole: StyleRole = isSelected ? role : (point.status == .resolved ? .dim : (point.severity == 3 ? .bad : (point.severity == 2 ? .warn : .dim)))
                let statusRole: StyleRole = isSelected ? role : (point.status == .open ? .warn : (point.status == .mitigating ? .accent : .dim))
                drawRow(&grid, area, y: y, role: role, prefix: "  " + severity + " ", prefixRole: sevRole, title: point.title, columns: [
                    Column(text: statusLabel(point.status, wide: wideStatus), width: statusWidth, role: statusRole),
                    Column(text: ownerText(point.owner), width: ownerWidth, role: isSelected ? role : .dim),
                ])
            }
        }
        scrollMarks(rect, scroll: scroll, visible: area.height, total: rows.count, &grid)
    }

    static func statusLabel(_ status: FrictionStatus, wide: Bool) -> String {
        if wide { return status.rawValue }
        switch status {
        case .open: return "open"
        case .mitigating: return "mitig"
        case .resolved: return "done"
        }
    }

    // MARK: actions and decisions

    static func drawActions(_ state: AppState, _ rect: Rect, focused: Bool, _ grid: inout Grid) {
        guard let meeting = state.meeting else { return }
        let area = frame(.actions, title: "Actions & decisions", rect, focused: focused, &grid)
        guard !area.isEmpty else { return }
        let rows = PaneRows.actions(meeting)
        let scroll = state.scroll[.actions] ?? 0
        let selectedRow = Reducer.selectedRow(.actions, state).row
        func ownerText(_ owner: String) -> String { area.width >= 56 ? owner : short(owner) }
        func dueText(_ item: ActionItem) -> String {
            var text = item.due.map { "due " + String($0.iso.dropFirst(5)) } ?? ""
            if item.weeksCarried > 0 { text += (text.isEmpty ? "" : " ") + "↻\(item.weeksCarried)" }
            return text
        }
        let ownerWidth = columnWidth(meeting.actionItems.map { ownerText($0.owner) }, cap: 14)
        let dueWidth = columnWidth(meeting.actionItems.map(dueText), cap: 14)
        let hasItems = !meeting.actionItems.isEmpty || !meeting.decisions.isEmpty
        for row in 0..<area.height {
            let r = scroll + row
            guard rows.indices.contains(r) else { break }
            let y = area.y + row
            let selected = hasItems && r == selectedRow
            switch rows[r] {
            case .heading(let text):
                grid.text(" " + text, x: area.x, y: y, role: .stage, maxWidth: area.width)
            case .action(let i):
                let item = meeting.actionItems[i]
                let base: StyleRole = item.done ? .dim : .text
                let role = rowRole(selected: selected, focused: focused, base: base)
                let overdue = !item.done && (item.due.map { $0 < state.today } ?? false)
                drawRow(&grid, area, y: y, role: role, prefix: item.done ? " [x] " : " [ ] ", title: item.title, columns: [
                    Column(text: ownerText(item.owner), width: ownerWidth, role: selected ? role : .dim),
                    Column(text: dueText(item), width: dueWidth, role: selected ? role : (overdue ? .bad : base)),
                ])
            case .decision(let i):
                let role = rowRole(selected: selected, focused: focused, base: .text)
                grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: role)
                grid.text(" ◆ " + meeting.decisions[i].text, x: area.x, y: y, role: role, maxWidth: area.width - 1)
            }
        }
        scrollMarks(rect, scroll: scroll, visible: area.height, total: rows.count, &grid)
    }
}
