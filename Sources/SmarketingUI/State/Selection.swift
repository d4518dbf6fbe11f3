import SmarketingModel

/// The one place the dashboard turns a pane's selected row into the item it shows, and back.
/// Every command that acts on "the item the chair is on" goes through `selectedItem`.
extension AppState {
    /// The item selected in a pane, or nil when the pane is empty (or is the KPI pane).
    public func selectedItem(in pane: PaneID) -> ItemRef? {
        guard let meeting else { return nil }
        let s = selected(pane)
        switch pane {
        case .kpis:
            return nil
        case .agenda:
            return meeting.agenda.indices.contains(s) ? .agenda(meeting.agenda[s].id) : nil
        case .friction:
            let k = frictionSuggestionCount
            if s < k {
                let shown = suggestions
                return shown.indices.contains(s) ? .suggestion(shown[s].conversion) : nil
            }
            return frictionItems.indices.contains(s - k) ? .friction(workspace.frictionPoints[frictionItems[s - k]].id) : nil
        case .actions:
            if meeting.actionItems.indices.contains(s) { return .action(meeting.actionItems[s].id) }
            let d = s - meeting.actionItems.count
            return meeting.decisions.indices.contains(d) ? .decision(meeting.decisions[d].id) : nil
        }
    }

    /// The item the chair is on: the focused pane's selection.
    public var selectedItem: ItemRef? { selectedItem(in: focus) }

    /// Where an item is listed: its pane and its index among the pane's selectable rows.
    public func position(of ref: ItemRef) -> (pane: PaneID, index: Int)? {
        guard let meeting else { return nil }
        switch ref {
        case .agenda(let id):
            return meeting.agenda.firstIndex { $0.id == id }.map { (.agenda, $0) }
        case .friction(let id):
            return frictionItems.firstIndex { workspace.frictionPoints[$0].id == id }.map { (.friction, frictionSuggestionCount + $0) }
        case .action(let id):
            return meeting.actionItems.firstIndex { $0.id == id }.map { (.actions, $0) }
        case .decision(let id):
            return meeting.decisions.firstIndex { $0.id == id }.map { (.actions, meeting.actionItems.count + $0) }
        case .suggestion(let conversion):
            return suggestions.firstIndex { $0.conversion == conversion }.map { (.friction, $0) }
        }
    }

    /// Selects the item in its pane, if it is listed; returns whether it is.
    @discardableResult
    public mutating func select(_ ref: ItemRef?, focus: Bool = false) -> Bool {
        guard let ref, let (pane, index) = position(of: ref) else { return false }
        selection[pane] = index
        if focus { self.focus = pane }
        return true
    }

    /// Milliseconds until the screen changes by itself: within the second while something counts
    /// seconds (a running meeting, a timed banner, a save not yet on disk), else at the clock's
    /// next minute. `millisecondsIntoSecond` is how far the wall clock is into the current second.
    public func wakeDelay(millisecondsIntoSecond ms: Int) -> Int {
        let running = meeting?.agenda.contains { $0.status == .active } ?? false
        let timing = meeting.map { $0.startedAt != nil && $0.endedAt == nil } ?? false
        if running || timing || banner?.expires != nil || saveState != .saved || mode == .quitting {
            return max(0, 1000 - ms)
        }
        let seconds = Int(now.adding(seconds: Int64(utcOffset)).secondsSinceEpoch % 60)
        return max(0, (60 - seconds) * 1000 - ms)
    }

    /// The key context the keyboard is in, for hints and help.
    public var keyContext: KeyContext {
        switch mode {
        case .normal, .quitting: return .normal
        case .form: return .form
        case .help: return .help
        case .confirmQuit, .confirmNewWeek, .confirmDiscard: return .confirm
        case .capture: return .capture
        case .conflict: return .conflict
        case .owed: return .owed
        case .people: return .people
        case .definitions: return .definitions
        }
    }
}
