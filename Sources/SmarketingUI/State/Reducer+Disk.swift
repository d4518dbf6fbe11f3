import SmarketingModel

/// The file on disk: how saves ended, changes made by others, and the conflict prompt.
extension Reducer {
    static func saveFinished(_ outcome: SaveOutcome, _ state: inout AppState) -> [Effect] {
        switch outcome {
        case .saved:
            state.saveState = .saved
            state.unsavedEdits = 0
            if state.banner?.isError == true { state.banner = Banner("Saved.", expires: state.now.adding(seconds: 3)) }
            // The chair is leaving, or was asked about unsaved edits: nothing is unsaved now.
            if state.mode == .quitting || state.mode == .confirmQuit { return [.quit] }
        case .failed(let message):
            state.saveState = .failed(message)
            state.banner = Banner("Not saved: \(message). Your edits are kept; saving is retried.", isError: true)
            if state.mode == .quitting { state.mode = .confirmQuit }
        case .keptMine(let aside):
            state.saveState = .saved
            state.unsavedEdits = 0
            state.banner = Banner("Kept your version." + (aside.map { " The other one is saved as \($0)." } ?? ""), expires: state.now.adding(seconds: 10))
            if state.mode == .quitting { return [.quit] }
        case .conflict(let theirs):
            state.saveState = .conflict
            if let theirs { return externalChange(theirs, &state) }
            state.mode = .conflict(theirs: nil, viewing: false)
        }
        return []
    }

    /// A copy was written (or not). On success it is the file from now on: its name is shown,
    /// and nothing is unsaved. On failure the form comes back with the reason on its field.
    static func copySaved(path: String, problem: String?, _ state: inout AppState) -> [Effect] {
        if let problem {
            var form = Forms.saveCopyForm(suggestion: path)
            form.fields[0].error = problem
            state.mode = .form(form)
            state.banner = Banner("No copy saved: \(problem).", isError: true, expires: state.now.adding(seconds: 8))
            return []
        }
        state.fileLabel = path.split(separator: "/").last.map(String.init) ?? path
        state.saveState = .saved
        state.unsavedEdits = 0
        state.pendingConflict = nil
        state.banner = Banner("Saved a copy as \(path); edits now go to it.", expires: state.now.adding(seconds: 10))
        return []
    }

    /// Another program wrote the file at the same moment as a save. Its version was kept as a
    /// conflict copy; the chair is told where, and the banner stays until something replaces it.
    static func otherVersionsKeptAside(_ copies: [String], _ state: inout AppState) -> [Effect] {
        guard !copies.isEmpty else { return [] }
        let names = copies.map { $0.split(separator: "/").last.map(String.init) ?? $0 }.joined(separator: ", ")
        // The copy's name comes first, so it is on screen even at 80 columns.
        state.banner = Banner("Theirs kept as \(names): another program saved at the same moment; yours is in the file.", isError: true)
        return []
    }

    /// The file changed on disk. With nothing unsaved here (or on the read-only screen) it is
    /// taken quietly; otherwise the chair chooses, and nothing is overwritten meanwhile.
    static func externalChange(_ theirs: Workspace, _ state: inout AppState) -> [Effect] {
        clearInvalidFileBanner(&state)
        if theirs == state.workspace {
            state.unsavedEdits = 0
            state.saveState = .saved
            return state.mode == .quitting ? [.adoptDiskVersion, .quit] : [.adoptDiskVersion]
        }
        if state.readOnly || state.unsavedEdits == 0 {
            return adopt(theirs, &state, message: state.readOnly ? nil : "The file changed on disk; reloaded.")
        }
        switch state.mode {
        case .form, .capture, .confirmDiscard:
            state.pendingConflict = theirs
            state.banner = Banner("The file changed on disk. Finish or cancel this first; you will be asked what to keep.", isError: true)
        case .conflict(_, let viewing):
            // Already asking (the same change can be noticed twice): show the newest version, keep the view.
            state.mode = .conflict(theirs: theirs, viewing: viewing)
        case .normal, .help, .owed, .people, .definitions, .confirmQuit, .confirmNewWeek, .quitting:
            state.mode = .conflict(theirs: theirs, viewing: false)
        }
        return []
    }

    /// Replaces the workspace with the disk's version, keeping each pane's selection on the same
    /// item where it still exists.
    static func adopt(_ theirs: Workspace, _ state: inout AppState, message: String?) -> [Effect] {
        let kept = PaneID.allCases.map { state.selectedItem(in: $0) }
        state.workspace = theirs
        state.ids.reserve(theirs.allIDs)
        for item in kept { state.select(item) }
        state.undoStack.removeAll()
        state.redoStack.removeAll()
        state.unsavedEdits = 0
        state.saveState = .saved
        state.pendingConflict = nil
        if case .conflict = state.mode { state.mode = .normal }
        if let message { state.banner = Banner(message, expires: state.now.adding(seconds: 5)) }
        return [.adoptDiskVersion]
    }

    static func conflictKey(_ key: Key, theirs: Workspace?, viewing: Bool, _ state: inout AppState) -> [Effect] {
        switch KeyMap.conflict(key) {
        case .reload?:
            guard let theirs else {
                state.banner = Banner("The file on disk is not valid, so there is nothing to reload; k keeps yours.", isError: true, expires: state.now.adding(seconds: 5))
                return []
            }
            return adopt(theirs, &state, message: "Reloaded the file from disk; your unsaved edits were dropped.")
        case .keepMine?:
            state.mode = .normal
            state.saveState = .saving
            return [.keepMine]
        case .view?:
            state.mode = .conflict(theirs: theirs, viewing: !viewing)
            return []
        case nil:
            return []
        }
    }

    /// A valid version of the file was read: the banner that said it was not goes at once.
    static func clearInvalidFileBanner(_ state: inout AppState) {
        if state.banner?.isInvalidFile == true { state.banner = nil }
    }
}
