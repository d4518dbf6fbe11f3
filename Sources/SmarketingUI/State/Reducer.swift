import SmarketingModel

/// Applies actions to the state: the only place the state changes, pure apart from the ids it
/// draws. This file dispatches and holds what every mode shares (the clock, quitting, commit and
/// undo); each mode's keys are handled in a file of its own: `Reducer+Dashboard`, `+Form`,
/// `+Capture`, `+Meeting` and `+Disk` (saves, changes on disk and conflicts).
///
/// The reducer decides *which* edit to make; the model's edit API makes it, so every edit either
/// leaves a workspace the loader accepts or is refused with a message.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        let effects: [Effect]
        switch action {
        case .resize(let size):
            state.size = size
            effects = []
        case .tick(let now):
            effects = tick(now, &state)
        case .saveFinished(let outcome):
            effects = saveFinished(outcome, &state)
        case .externalChange(let theirs):
            effects = externalChange(theirs, &state)
        case .otherVersionsKeptAside(let copies):
            effects = otherVersionsKeptAside(copies, &state)
        case .externalInvalid(let message):
            state.banner = .invalidFile(message)
            effects = []
        case .externalUnchanged:
            clearInvalidFileBanner(&state)
            effects = []
        case .followView(let view, let at):
            effects = followView(view, at: at, &state)
        case .noChair(let reason):
            effects = noChair(reason: reason, &state)
        case .viewNotPublished(let reason):
            state.banner = Banner("Not followed: \(reason).", isError: true, expires: state.now.adding(seconds: 10))
            effects = []
        case .notesEdited(let target, let result):
            effects = notesEdited(target, result, &state)
        case .copySaved(let path, let problem):
            effects = copySaved(path: path, problem: problem, &state)
        case .themeLoaded(let problem):
            if let problem { state.banner = Banner(problem, isError: true, expires: state.now.adding(seconds: 10)) }
            effects = []
        case .key(let key):
            effects = handleKey(key, &state)
        case .paste(let text):
            // What the chair's screen shows is the chair's to type; a presenter pastes nowhere.
            effects = state.isFollowingChair ? [] : paste(text, &state)
        case .interrupt:
            // A form or capture line on a following presenter is the chair's: nothing to ask.
            effects = state.isFollowingChair ? [.stop] : interrupt(&state)
        }
        clampSelectionAndScroll(&state)
        return effects
    }

    static func tick(_ now: Timestamp, _ state: inout AppState) -> [Effect] {
        state.now = now
        if let expires = state.banner?.expires, expires <= now { state.banner = nil }
        // A failed save is retried on the clock. A conflict is not: the chair decides.
        if case .failed = state.saveState, now.secondsSinceEpoch % 5 == 0 { return [.save] }
        return []
    }

    // MARK: keys by mode

    static func handleKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        if state.isFollowingChair { return followingKey(key, &state) }
        switch state.mode {
        case .normal:
            return dashboardKey(key, &state)
        case .form(var form):
            let effects = formKey(key, &form, &state)
            if case .form = state.mode { state.mode = .form(form) }
            return effects
        case .capture(var editor, _):
            return captureKey(key, &editor, &state)
        case .help(let scroll):
            helpKey(key, scroll: scroll, &state)
            return []
        case .owed(let selected):
            return owedKey(key, selected: selected, &state)
        case .people(let selected):
            return peopleKey(key, selected: selected, &state)
        case .definitions(let view):
            return definitionsKey(key, view, &state)
        case .conflict(let theirs, let viewing):
            return conflictKey(key, theirs: theirs, viewing: viewing, &state)
        case .confirmQuit:
            switch KeyMap.prompt(key) {
            case .confirm?: return [.quit]
            case .decline?: state.mode = .normal
            case nil: break
            }
            return []
        case .confirmNewWeek:
            switch KeyMap.prompt(key) {
            case .confirm?:
                state.mode = .normal
                return startNextWeek(&state)
            case .decline?: state.mode = .normal
            case nil: break
            }
            return []
        case .confirmDiscard(let typed):
            switch KeyMap.prompt(key) {
            case .confirm?:
                switch typed {
                case .capture: return closeCapture(discarded: true, &state)
                case .form(let form): return closeForm(form, discarded: true, &state)
                }
            case .decline?: state.mode = typed.mode
            case nil: break
            }
            return []
        case .quitting:
            // Leaving as soon as the save under way is reported; keys wait.
            return []
        }
    }

    static func helpKey(_ key: Key, scroll: Int, _ state: inout AppState) {
        switch KeyMap.help(key) {
        case .close?: state.mode = .normal
        case .scrollDown?: state.mode = .help(scroll: scroll + 1)
        case .scrollUp?: state.mode = .help(scroll: max(0, scroll - 1))
        case .pageDown?: state.mode = .help(scroll: scroll + 10)
        case .pageUp?: state.mode = .help(scroll: max(0, scroll - 10))
        case nil: break
        }
    }

    // MARK: quitting

    /// Quitting asks first only when edits could not be saved (a failed save or a conflict). A save
    /// still under way is not a lost edit: the runner finishes it, and a failure comes back here.
    static func quit(_ state: inout AppState) -> [Effect] {
        guard state.unsavedEdits > 0 else { return [.quit] }
        switch state.saveState {
        case .failed, .conflict:
            state.mode = .confirmQuit
            return []
        case .saving, .saved:
            state.mode = .quitting
            return [.finishSaves]
        }
    }

    // MARK: edits

    /// Records an undo point, applies the new workspace and asks for a save.
    static func commit(_ newWorkspace: Workspace, label: String, _ state: inout AppState) -> [Effect] {
        guard newWorkspace != state.workspace else { return [] }
        state.undoStack.append(UndoEntry(workspace: state.workspace, focus: state.focus, selection: state.selection, label: label))
        if state.undoStack.count > AppState.undoLimit { state.undoStack.removeFirst() }
        state.redoStack.removeAll()
        state.workspace = newWorkspace
        state.unsavedEdits += 1
        state.saveState = .saving
        return [.save]
    }

    /// Makes an edit through the model's edit API on a copy of the workspace and commits it; a
    /// refusal becomes a banner (`refusal` words it) and changes nothing. Returns the edit's
    /// result with the effects, or nil when it was refused.
    static func edit<T>(_ state: inout AppState, label: String, refusal: (EditError) -> String = Reducer.sentence,
                        _ body: (inout Workspace, inout AppState) throws(EditError) -> T) -> (result: T, effects: [Effect])? {
        var ws = state.workspace
        do {
            let result = try body(&ws, &state)
            return (result, commit(ws, label: label, &state))
        } catch {
            state.banner = Banner(refusal(error), isError: true, expires: state.now.adding(seconds: 6))
            return nil
        }
    }

    /// "decisions have no status" → "Decisions have no status."
    static func sentence(_ error: EditError) -> String {
        let text = error.message
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst() + (text.hasSuffix(".") ? "" : ".")
    }

    static func undo(_ state: inout AppState) -> [Effect] {
        step(from: \.undoStack, to: \.redoStack, &state, empty: "Nothing to undo.") { "Undid \($0). Ctrl-R redoes it." }
    }

    static func redo(_ state: inout AppState) -> [Effect] {
        step(from: \.redoStack, to: \.undoStack, &state, empty: "Nothing to redo.") { "Redid \($0)." }
    }

    /// Moves one entry between the undo and redo stacks, restoring the state it holds.
    static func step(from source: WritableKeyPath<AppState, [UndoEntry]>, to target: WritableKeyPath<AppState, [UndoEntry]>,
                     _ state: inout AppState, empty: String, message: (String) -> String) -> [Effect] {
        guard let entry = state[keyPath: source].popLast() else {
            state.banner = Banner(empty, expires: state.now.adding(seconds: 3))
            return []
        }
        state[keyPath: target].append(UndoEntry(workspace: state.workspace, focus: state.focus, selection: state.selection, label: entry.label))
        state.workspace = entry.workspace
        state.focus = entry.focus
        state.selection = entry.selection
        state.unsavedEdits += 1
        state.saveState = .saving
        state.banner = Banner(message(entry.label), expires: state.now.adding(seconds: 4))
        return [.save]
    }

    // MARK: selection and scrolling

    /// Keeps every selection in range and the selected row of each list on screen.
    static func clampSelectionAndScroll(_ state: inout AppState) {
        for pane in PaneID.allCases {
            let count = PaneRows.itemCount(pane, state)
            state.selection[pane] = count == 0 ? 0 : min(max(0, state.selection[pane] ?? 0), count - 1)
        }
        let layout = Layout.of(state)
        for pane in PaneID.allCases where pane != .kpis {
            guard let rect = layout.panes[pane] else { continue }
            // A zoomed pane's detail panel takes lines from the list.
            let visible = max(1, layout.visibleRows(pane) - ListLines.detailHeight(pane, state, listArea: rect.inset(1)))
            let (row, total) = PaneRows.selectedRow(pane, state)
            var scroll = state.scroll[pane] ?? 0
            if row < scroll { scroll = max(0, row - 1) }
            // Wrapped titles take more than a line: the rows are measured as the pane draws them.
            let height = ListLines.counter(pane, state, areaWidth: rect.width - 2)
            scroll = ListPane.firstRow(scroll: scroll, selected: row, count: total, lines: visible, height: height)
            state.scroll[pane] = max(0, scroll)
        }
    }
}

enum DisplayWidthClip {
    static func clip(_ s: String, _ width: Int) -> String { DisplayWidth.truncate(TextSanitizer.visible(s), to: width) }
}
