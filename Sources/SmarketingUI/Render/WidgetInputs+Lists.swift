import SmarketingModel

// The list panes' inputs, built from the state; see WidgetInputs.swift.

// MARK: lists

extension AgendaList {
    /// Nil when there is no current meeting: the pane is left blank.
    init?(_ state: AppState, focused: Bool) {
        guard let meeting = state.meeting else { return nil }
        plannedMinutes = meeting.plannedMinutes
        lengthMinutes = meeting.lengthMinutes
        items = meeting.agenda.map {
            Item(title: $0.title, owner: $0.owner, status: $0.status, elapsedSeconds: MeetingClock.elapsedSeconds($0, now: state.now),
                 timeboxMinutes: $0.timeboxMinutes)
        }
        selected = state.selected(.agenda)
        scroll = state.scroll[.agenda] ?? 0
        self.focused = focused
        names = state.names
        wrap = ListLines.wraps(state)
        detail = ListLines.detail(.agenda, state)
    }
}

extension FrictionList {
    /// Only the rows that can show (`visibleRows` lines from the scroll position, or from `from`)
    /// are built; past them, the points and stages still below are counted.
    init(_ state: AppState, visibleRows: Int, focused: Bool, from: Int? = nil) {
        let ws = state.workspace
        let all = state.frictionRows
        let scroll = min(max(0, from ?? state.scroll[.friction] ?? 0), all.count)
        // Wrapped rows take more than a line, and the widget may start further down to keep
        // the selection whole: twice the lines is as far as it can reach.
        let end = min(all.count, scroll + 2 * max(0, visibleRows) + 1)
        func row(_ row: FrictionRow) -> Row {
            switch row {
            case .suggestion(let s): return .suggestion(stage: s.stage.title, title: s.title, shortTitle: s.shortTitle)
            case .stage(let stage, let count): return .stage(stage.title, count: count)
            case .point(let i):
                let p = ws.frictionPoints[i]
                return .point(Point(title: p.title, owner: p.owner, severity: p.severity, status: p.status))
            }
        }
        var pointsAfter = 0
        var stagesAfter: [String] = []
        for entry in all[end...] {
            if case .stage(let stage, _) = entry { stagesAfter.append(stage.title) } else { pointsAfter += 1 }
        }
        let wrap = ListLines.wraps(state)
        // Where titles wrap, the owner column is measured over the whole list, so that a row's
        // lines do not change as the list scrolls.
        let allOwners = wrap ? Array(Set(state.frictionItems.map { ws.frictionPoints[$0].owner })).sorted() : nil
        self.init(unresolved: state.unresolvedFriction, showsResolved: state.showResolved, hasPoints: !ws.frictionPoints.isEmpty,
                  rows: all[scroll..<end].map(row), scroll: scroll, total: all.count, selectedRow: Reducer.selectedRow(.friction, state).row,
                  focused: focused, readOnly: state.readOnly, names: state.names,
                  wrap: wrap, allOwners: allOwners, pointsBefore: state.frictionRowOfItem.prefix { $0 < scroll }.count,
                  pointsAfter: pointsAfter, stagesAfter: stagesAfter)
        detail = ListLines.detail(.friction, state)
    }
}

extension ActionsList {
    /// Nil when there is no current meeting: the pane is left blank.
    init?(_ state: AppState, focused: Bool) {
        guard let meeting = state.meeting else { return nil }
        let today = state.today
        rows = PaneRows.actions(meeting).map { row in
            switch row {
            case .heading(let text): return .heading(text)
            case .decision(let i): return .decision(meeting.decisions[i].text)
            case .action(let i):
                let item = meeting.actionItems[i]
                return .action(Action(title: item.title, owner: item.owner, due: item.due, weeksCarried: item.weeksCarried, done: item.done,
                                      overdueDays: item.daysOverdue(on: today)))
            }
        }
        scroll = state.scroll[.actions] ?? 0
        let hasItems = !meeting.actionItems.isEmpty || !meeting.decisions.isEmpty
        selectedRow = hasItems ? Reducer.selectedRow(.actions, state).row : nil
        self.focused = focused
        names = state.names
        wrap = ListLines.wraps(state)
        detail = ListLines.detail(.actions, state)
    }
}
