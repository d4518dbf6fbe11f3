import SmarketingModel

/// Dashboard keys: navigation, view and the edits that act on the item the chair is on.
extension Reducer {
    static func dashboardKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        if state.isTooSmall {
            return KeyMap.dashboard(key, pane: state.focus) == .quit ? quit(&state) : []
        }
        guard let command = KeyMap.dashboard(key, pane: state.focus) else { return [] }
        if state.banner?.isError == false { state.banner = nil }
        if state.readOnly && !readOnlyCommands.contains(command) {
            state.banner = Banner("This screen is read-only (present mode); edit in the chair's window.", expires: state.now.adding(seconds: 3))
            return []
        }
        return perform(command, &state)
    }

    /// What a read-only (present mode) screen still does: look around, never edit.
    static let readOnlyCommands: Set<DashboardCommand> = [
        .nextPane, .previousPane, .focus(.kpis), .focus(.agenda), .focus(.friction), .focus(.actions),
        .up, .down, .top, .bottom, .pageUp, .pageDown, .zoom, .toggleResolved, .cycleTheme, .help, .redraw, .quit, .definitions,
    ]

    static func perform(_ command: DashboardCommand, _ state: inout AppState) -> [Effect] {
        let pane = state.focus
        let last = max(0, PaneRows.itemCount(pane, state) - 1)
        let selected = state.selected(pane)
        let page = Layout.of(state).visibleRows(pane)
        switch command {
        case .nextPane: state.focus = PaneID(rawValue: (pane.rawValue + 1) % PaneID.allCases.count) ?? pane
        case .previousPane: state.focus = PaneID(rawValue: (pane.rawValue + PaneID.allCases.count - 1) % PaneID.allCases.count) ?? pane
        case .focus(let p): state.focus = p
        case .up: state.selection[pane] = max(0, selected - 1)
        case .down: state.selection[pane] = min(last, selected + 1)
        case .top: state.selection[pane] = 0
        case .bottom: state.selection[pane] = last
        case .pageUp: state.selection[pane] = max(0, selected - page)
        case .pageDown: state.selection[pane] = min(last, selected + page)
        case .zoom: state.zoomed.toggle()
        case .toggleResolved:
            let item = state.selectedItem(in: .friction)
            state.showResolved.toggle() // the derived rows follow
            state.select(item)
            state.banner = Banner(state.showResolved ? "Showing resolved friction points (dimmed)." : "Hiding resolved friction points.", expires: state.now.adding(seconds: 3))
        case .cycleTheme:
            state.themeIndex = (state.themeIndex + 1) % max(1, state.themeNames.count)
            state.banner = Banner("Theme: \(state.themeName)", expires: state.now.adding(seconds: 3))
        case .help: state.mode = .help(scroll: 0)
        case .redraw:
            // Ctrl-L also reads the file again (the runner does): a stale "not valid" banner goes.
            clearInvalidFileBanner(&state)
            return [.redraw]
        case .quit: return quit(&state)
        case .undo: return undo(&state)
        case .redo: return redo(&state)
        case .add: openAddForm(&state, decision: false)
        case .addDecision: openAddForm(&state, decision: true)
        case .edit: openEditForm(&state)
        case .delete: return deleteSelected(&state)
        case .moveUp: return move(by: -1, &state)
        case .moveDown: return move(by: 1, &state)
        case .cycleStatus: return cycleStatus(&state)
        case .startMeeting: return startMeeting(&state)
        case .nextItem: return nextItem(&state)
        case .capture: state.mode = .capture(LineEditor(), completions: [])
        case .editNotes: return editNotes(&state)
        case .acceptSuggestion: return acceptSuggestion(&state)
        case .dismissSuggestion: return dismissSuggestion(&state)
        case .endMeeting: return endMeeting(&state)
        case .owed: state.mode = .owed(selected: 0)
        case .people: state.mode = .people(selected: 0)
        case .definitions: openDefinitions(&state)
        case .teamSettings: state.mode = .form(Forms.form(for: .team, in: state.workspace))
        case .saveStandingAgenda: return saveStandingAgenda(&state)
        case .newWeek: state.mode = .confirmNewWeek
        case .saveCopy:
            let name = state.fileLabel
            let stem = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
            state.mode = .form(Forms.saveCopyForm(suggestion: "\(stem)-copy.json"))
        }
        return []
    }

    /// M: the current agenda becomes the team's standing agenda.
    static func saveStandingAgenda(_ state: inout AppState) -> [Effect] {
        guard let (count, effects) = edit(&state, label: "save the standing agenda", { (ws, _) throws(EditError) in
            try ws.saveAgendaAsTemplate()
        }) else { return [] }
        let minutes = state.workspace.agendaTemplate.reduce(0) { $0 + $1.timeboxMinutes }
        state.banner = Banner("Standing agenda saved (\(count) item\(count == 1 ? "" : "s"), \(minutes) min); new weeks start from it.",
                              expires: state.now.adding(seconds: 8))
        return effects
    }

    // MARK: forms

    /// Opens a form for a new item, placed after the selected one. The KPI pane edits the week's
    /// numbers; `decision` (D) always adds a decision, and `a` in the actions pane always an action
    /// item, even on a decision row.
    static func openAddForm(_ state: inout AppState, decision: Bool) {
        guard let meeting = state.meeting else { return }
        let item = state.selectedItem
        let position = item.flatMap { state.position(of: $0)?.index }
        let target: FormTarget
        if state.focus == .kpis {
            guard let week = kpiWeek(meeting, &state) else { return }
            target = week
        } else if decision {
            if case .decision? = item, let position {
                target = .decision(id: nil, insertAt: position - meeting.actionItems.count + 1)
            } else {
                target = .decision(id: nil, insertAt: meeting.decisions.count)
            }
        } else {
            switch item {
            case .agenda?: target = .agendaItem(id: nil, insertAt: (position ?? -1) + 1)
            case .friction(let id)?:
                target = .frictionPoint(id: nil, stage: state.workspace.frictionPoints.first { $0.id == id }?.stage ?? .iqlMql)
            case .action?: target = .actionItem(id: nil, insertAt: (position ?? -1) + 1)
            // `a` always adds an action item in this pane (`D` adds a decision): on a decision the
            // new action item goes after the last one.
            case .decision?: target = .actionItem(id: nil, insertAt: meeting.actionItems.count)
            case .suggestion?, nil:
                switch state.focus {
                case .agenda: target = .agendaItem(id: nil, insertAt: 0)
                case .friction: target = .frictionPoint(id: nil, stage: .iqlMql)
                case .actions, .kpis: target = .actionItem(id: nil, insertAt: 0)
                }
            }
        }
        state.mode = .form(Forms.form(for: target, in: state.workspace))
    }

    /// Opens the selected item's form; an empty pane opens the add form instead.
    static func openEditForm(_ state: inout AppState) {
        guard let meeting = state.meeting else { return }
        let item = state.selectedItem
        let position = item.flatMap { state.position(of: $0)?.index } ?? 0
        let target: FormTarget
        switch item {
        case .agenda(let id)?: target = .agendaItem(id: id, insertAt: position)
        case .friction(let id)?: target = .frictionPoint(id: id, stage: .iqlMql)
        case .action(let id)?: target = .actionItem(id: id, insertAt: position)
        case .decision(let id)?: target = .decision(id: id, insertAt: position - meeting.actionItems.count)
        case .suggestion?, nil:
            guard state.focus == .kpis else { return openAddForm(&state, decision: false) }
            guard let week = kpiWeek(meeting, &state) else { return }
            target = week
        }
        state.mode = .form(Forms.form(for: target, in: state.workspace))
    }

    /// The KPI form for the week the meeting reviews, or nil with a banner when that week could
    /// not be stored (it starts on another weekday than the file's weeks), before anything is typed.
    static func kpiWeek(_ meeting: Meeting, _ state: inout AppState) -> FormTarget? {
        if let problem = state.workspace.weekStartProblem(meeting.kpiWeek) {
            state.banner = Banner("Cannot enter KPIs: \(problem.message). Set this meeting's kpiWeek to that date in the file.", isError: true, expires: state.now.adding(seconds: 10))
            return nil
        }
        return .kpiWeek(start: meeting.kpiWeek)
    }

    // MARK: edits of the selected item

    static func deleteSelected(_ state: inout AppState) -> [Effect] {
        guard let item = state.selectedItem else { return [] }
        guard let (name, effects) = edit(&state, label: "delete", { (ws, _) throws(EditError) in try ws.delete(item) }) else { return [] }
        state.banner = Banner("Deleted “\(DisplayWidthClip.clip(name, 40))”. Press u to undo.", expires: state.now.adding(seconds: 6))
        return effects
    }

    static func move(by delta: Int, _ state: inout AppState) -> [Effect] {
        guard let item = state.selectedItem else { return [] }
        let showResolved = state.showResolved
        guard let (_, effects) = edit(&state, label: "move", { (ws, _) throws(EditError) in
            try ws.move(item, by: delta, includeResolved: showResolved)
        }) else { return [] }
        state.select(item)
        return effects
    }

    static func cycleStatus(_ state: inout AppState) -> [Effect] {
        guard let item = state.selectedItem else { return [] }
        let (now, today) = (state.now, state.today)
        guard let (_, effects) = edit(&state, label: "status change", { (ws, _) throws(EditError) in
            try ws.cycleStatus(item, now: now, today: today)
        }) else { return [] }
        state.select(item)
        return effects
    }

    // MARK: notes in $EDITOR

    /// Opens the selected item's long text in $EDITOR: an agenda item's notes, a friction point's
    /// mitigation, a decision's text; anything else edits the meeting's notes.
    static func editNotes(_ state: inout AppState) -> [Effect] {
        let target = NotesTarget(state.selectedItem) ?? .meetingNotes
        guard let text = state.workspace.notes(of: target.item) else { return [] }
        return [.editNotes(target, text)]
    }

    static func notesEdited(_ target: NotesTarget, _ result: Result<String, NotesEditFailure>, _ state: inout AppState) -> [Effect] {
        if case .definition(let subject) = target { return definitionEdited(subject, result, &state) }
        switch result {
        case .failure(let failure):
            state.banner = Banner("Notes not changed: \(failure.message)", isError: true)
            return []
        case .success(let raw):
            // Editors add a final newline; it is not part of the notes.
            var text = raw
            while text.hasSuffix("\n") { text.removeLast() }
            guard let (changed, effects) = edit(&state, label: "edit \(target.label)", refusal: { "Notes not changed: \($0.message)." }, { (ws, _) throws(EditError) in
                try ws.setNotes(text, of: target.item)
            }) else { return [] }
            if !changed { state.banner = Banner("No change to the \(target.label).", expires: state.now.adding(seconds: 3)) }
            return effects
        }
    }
}
