import SmarketingModel

/// A presenter following the chair: the chair's view applied to this screen, and the keys a
/// following presenter still takes (quit, redraw, its own theme).
extension Reducer {
    /// What a following presenter does with its own keys; every other key says how to browse.
    static let followingCommands: Set<DashboardCommand> = [.quit, .redraw, .cycleTheme]

    static func followingKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        if let command = KeyMap.dashboard(key, pane: state.focus), followingCommands.contains(command) {
            return perform(command, &state)
        }
        state.banner = Banner("Following the chair; --independent browses.",
                              expires: state.now.adding(seconds: 3))
        return []
    }

    /// Shows the chair's view: its pane, zoom and overlay, and in each pane the item the chair has
    /// selected, found by id. An item this copy of the file does not have yet keeps the chair's
    /// row, clamped, until the file catches up.
    static func followView(_ view: ViewState, at: Timestamp, _ state: inout AppState) -> [Effect] {
        guard state.readOnly, state.following != nil, state.following != .independent else { return [] }
        state.following = .following(updated: at)
        state.focus = view.focus
        state.zoomed = view.zoomed
        if state.showResolved != view.showResolved { state.showResolved = view.showResolved }
        for pane in PaneID.allCases {
            guard let chosen = view.selection[pane] else { continue }
            if chosen.item.map({ state.select($0) }) != true { state.selection[pane] = chosen.index }
        }
        state.mode = mode(for: view.overlay, &state)
        return []
    }

    private static func mode(for overlay: ViewState.Overlay?, _ state: inout AppState) -> Mode {
        switch overlay {
        case nil: return .normal
        case .help(let scroll)?: return .help(scroll: scroll)
        case .form(let title, let fields, let focus)?:
            // Never submitted here: the target only has to be one; keys do not reach the form.
            var form = FormState(target: .saveCopy, title: title, fields: fields.map(\.formField))
            form.focus = fields.isEmpty ? 0 : min(focus, fields.count - 1)
            return .form(form)
        case .capture(let text, let cursor)?: return .capture(LineEditor(text, cursor: cursor), completions: [])
        case .owed(let selected)?: return .owed(selected: selected)
        case .people(let selected)?: return .people(selected: selected)
        case .definitions(let selected, let top)?: return .definitions(DefinitionsView(selected: selected, top: top))
        }
    }

    /// No chair publishes a view: say so, close what the chair had open, keep showing the file.
    static func noChair(reason: String?, _ state: inout AppState) -> [Effect] {
        guard state.readOnly, state.following != nil, state.following != .independent else { return [] }
        state.following = .noChair(reason: reason)
        state.mode = .normal
        return []
    }
}

extension AppState {
    /// A presenter whose screen the chair drives.
    /// Without a chair, a presenter browses on its own (read-only) until one starts.
    public var isFollowingChair: Bool {
        guard readOnly, case .following? = following else { return false }
        return true
    }
}
