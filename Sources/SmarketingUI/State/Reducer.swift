import SmarketingModel

/// Applies actions to the state. The only place the state changes; pure apart from the ids it draws.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        var effects: [Effect] = []
        switch action {
        case .resize(let size):
            state.size = size
        case .tick(let now):
            state.now = now
            if let expires = state.banner?.expires, expires <= now { state.banner = nil }
            // A failed save is retried on the clock, unless the file changed underneath us.
            if case .failed(let why) = state.saveState, !why.contains("changed on disk"), state.now.secondsSinceEpoch % 5 == 0 {
                effects.append(.save)
            }
        case .saveFinished(let outcome):
            switch outcome {
            case .saved:
                state.saveState = .saved
                state.unsavedEdits = 0
                if state.banner?.isError == true { state.banner = Banner("Saved.", expires: state.now.adding(seconds: 3)) }
                // The chair was asked about quitting with unsaved edits, and now nothing is unsaved.
                if case .confirmQuit = state.mode { effects.append(.quit) }
            case .failed(let message):
                state.saveState = .failed(message)
                state.banner = Banner("Not saved: \(message). Your edits are kept; saving is retried.", isError: true)
            case .keptMine(let aside):
                state.saveState = .saved
                state.unsavedEdits = 0
                state.banner = Banner("Kept your version." + (aside.map { " The other one is saved as \($0)." } ?? ""), expires: state.now.adding(seconds: 10))
            case .conflict(let theirs):
                state.saveState = .failed("the file changed on disk; not overwriting it")
                if let theirs {
                    effects += externalChange(theirs, &state)
                } else {
                    state.mode = .conflict(theirs: nil, viewing: false)
                }
            }
        case .externalChange(let theirs):
            effects += externalChange(theirs, &state)
        case .externalInvalid(let message):
            state.banner = Banner("The file on disk is not valid right now (\(message)). Showing the last good version until it is.", isError: true)
        case .notesEdited(let target, let result):
            switch result {
            case .success(let text): effects += applyNotes(text, to: target, &state)
            case .failure(let failure): state.banner = Banner("Notes not changed: \(failure.message)", isError: true)
            }
        case .key(let key):
            effects += handleKey(key, &state)
        }
        clampSelectionAndScroll(&state)
        return effects
    }

    // MARK: keys by mode

    static func handleKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        switch state.mode {
        case .confirmQuit:
            switch KeyMap.command(for: key, in: .confirm) {
            case .confirm?: return [.quit]
            case .decline?:
                state.mode = .normal
                return []
            default: return []
            }
        case .confirmNewWeek:
            switch KeyMap.command(for: key, in: .confirm) {
            case .confirm?:
                state.mode = .normal
                return startNextWeek(&state)
            case .decline?:
                state.mode = .normal
                return []
            default: return []
            }
        case .capture(var editor, _):
            return handleCaptureKey(key, &editor, &state)
        case .conflict(let theirs, let viewing):
            switch KeyMap.command(for: key, in: .conflict) {
            case .conflictReload?:
                guard let theirs else {
                    state.banner = Banner("The file on disk is not valid, so there is nothing to reload; k keeps yours.", isError: true, expires: state.now.adding(seconds: 5))
                    return []
                }
                return adopt(theirs, &state, message: "Reloaded the file from disk; your unsaved edits were dropped.")
            case .conflictKeepMine?:
                state.mode = .normal
                state.saveState = .saving
                return [.keepMine]
            case .conflictView?:
                state.mode = .conflict(theirs: theirs, viewing: !viewing)
                return []
            default:
                return []
            }
        case .help(let scroll):
            if let command = KeyMap.command(for: key, in: .help), command == .formCancel {
                state.mode = .normal
            } else if key == .down || key == .char("j") || key == .pageDown {
                state.mode = .help(scroll: scroll + (key == .pageDown ? 10 : 1))
            } else if key == .up || key == .char("k") || key == .pageUp {
                state.mode = .help(scroll: max(0, scroll - (key == .pageUp ? 10 : 1)))
            }
            return []
        case .form(var form):
            let effects = handleFormKey(key, &form, &state)
            if case .form = state.mode { state.mode = .form(form) }
            return effects
        case .normal:
            if state.isTooSmall {
                return KeyMap.command(for: key, in: .normal) == .quit ? quit(&state) : []
            }
            guard let command = KeyMap.command(for: key, in: .normal, pane: state.focus) else { return [] }
            if state.banner?.isError == false { state.banner = nil }
            if state.readOnly && !readOnlyCommands.contains(command) {
                state.banner = Banner("This screen is read-only (present mode); edit in the chair's window.", expires: state.now.adding(seconds: 3))
                return []
            }
            return perform(command, &state)
        }
    }

    /// What a read-only (present mode) screen still does: look around, never edit.
    static let readOnlyCommands: Set<Command> = [
        .nextPane, .previousPane, .focus(.kpis), .focus(.agenda), .focus(.friction), .focus(.actions),
        .up, .down, .top, .bottom, .pageUp, .pageDown, .zoom, .toggleResolved, .cycleTheme, .help, .redraw, .quit,
    ]

    /// Quitting asks first only when a save failed. A save still under way is not a lost edit: the
    /// runner waits for it before leaving, and comes back here if it failed.
    static func quit(_ state: inout AppState) -> [Effect] {
        if state.unsavedEdits > 0, case .failed = state.saveState {
            state.mode = .confirmQuit
            return []
        }
        return state.unsavedEdits > 0 ? [.quitAfterSaving] : [.quit]
    }

    // MARK: dashboard commands

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        let pane = state.focus
        let count = PaneRows.itemCount(pane, state)
        let selected = state.selected(pane)
        let page = Layout.compute(size: state.size).visibleRows(pane)
        switch command {
        case .nextPane: focus(PaneID(rawValue: (pane.rawValue + 1) % 4)!, &state)
        case .previousPane: focus(PaneID(rawValue: (pane.rawValue + 3) % 4)!, &state)
        case .focus(let p): focus(p, &state)
        case .up: state.selection[pane] = max(0, selected - 1)
        case .down: state.selection[pane] = min(max(0, count - 1), selected + 1)
        case .top: state.selection[pane] = 0
        case .bottom: state.selection[pane] = max(0, count - 1)
        case .pageUp: state.selection[pane] = max(0, selected - page)
        case .pageDown: state.selection[pane] = min(max(0, count - 1), selected + page)
        case .zoom: state.zoomed.toggle()
        case .toggleResolved:
            let id = selectedFrictionID(state)
            state.showResolved.toggle() // the derived rows follow
            reselectFriction(id, &state)
            state.banner = Banner(state.showResolved ? "Showing resolved friction points (dimmed)." : "Hiding resolved friction points.", expires: state.now.adding(seconds: 3))
        case .cycleTheme:
            state.themeIndex = (state.themeIndex + 1) % max(1, state.themeNames.count)
            state.banner = Banner("Theme: \(state.themeName)", expires: state.now.adding(seconds: 3))
        case .help: state.mode = .help(scroll: 0)
        case .redraw: return [.redraw]
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
        case .newWeek: state.mode = .confirmNewWeek
        default: break
        }
        return []
    }

    static func focus(_ pane: PaneID, _ state: inout AppState) {
        state.focus = pane
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

    static func openAddForm(_ state: inout AppState, decision: Bool) {
        guard let meeting = state.meeting else { return }
        let target: FormTarget
        let selected = state.selected(state.focus)
        switch state.focus {
        case .kpis:
            target = .kpiWeek(start: meeting.kpiWeek)
        case .agenda:
            target = .agendaItem(id: nil, insertAt: meeting.agenda.isEmpty ? 0 : selected + 1)
        case .friction:
            let items = state.frictionItems
            let stage = items.isEmpty ? FunnelStage.iqlMql : state.workspace.frictionPoints[items[selected]].stage
            target = .frictionPoint(id: nil, stage: stage)
        case .actions:
            let actions = meeting.actionItems.count
            let inDecisions = selected >= actions && !meeting.decisions.isEmpty
            if decision || inDecisions {
                target = .decision(id: nil, insertAt: inDecisions ? selected - actions + 1 : meeting.decisions.count)
            } else {
                target = .actionItem(id: nil, insertAt: actions == 0 ? 0 : min(selected + 1, actions))
            }
        }
        state.mode = .form(Forms.form(for: target, in: state.workspace))
    }

    static func openEditForm(_ state: inout AppState) {
        guard let meeting = state.meeting else { return }
        let selected = state.selected(state.focus)
        let target: FormTarget
        switch state.focus {
        case .kpis:
            target = .kpiWeek(start: meeting.kpiWeek)
        case .agenda:
            guard meeting.agenda.indices.contains(selected) else { return openAddForm(&state, decision: false) }
            target = .agendaItem(id: meeting.agenda[selected].id, insertAt: selected)
        case .friction:
            guard let id = selectedFrictionID(state) else { return openAddForm(&state, decision: false) }
            target = .frictionPoint(id: id, stage: .iqlMql)
        case .actions:
            if meeting.actionItems.indices.contains(selected) {
                target = .actionItem(id: meeting.actionItems[selected].id, insertAt: selected)
            } else if meeting.decisions.indices.contains(selected - meeting.actionItems.count) {
                let i = selected - meeting.actionItems.count
                target = .decision(id: meeting.decisions[i].id, insertAt: i)
            } else {
                return openAddForm(&state, decision: false)
            }
        }
        state.mode = .form(Forms.form(for: target, in: state.workspace))
    }

    static func selectedFrictionID(_ state: AppState) -> String? {
        let items = state.frictionItems
        let s = state.selected(.friction)
        return items.indices.contains(s) ? state.workspace.frictionPoints[items[s]].id : nil
    }

    static func reselectFriction(_ id: String?, _ state: inout AppState) {
        guard let id else { return }
        let items = state.frictionItems
        if let pos = items.firstIndex(where: { state.workspace.frictionPoints[$0].id == id }) {
            state.selection[.friction] = pos
        }
    }

    static func deleteSelected(_ state: inout AppState) -> [Effect] {
        guard var ws = Optional(state.workspace), let mi = ws.currentMeetingIndex else { return [] }
        let selected = state.selected(state.focus)
        var name = ""
        switch state.focus {
        case .kpis:
            return []
        case .agenda:
            guard ws.meetings[mi].agenda.indices.contains(selected) else { return [] }
            name = ws.meetings[mi].agenda.remove(at: selected).title
        case .friction:
            let items = PaneRows.frictionItems(ws, showResolved: state.showResolved)
            guard items.indices.contains(selected) else { return [] }
            name = ws.frictionPoints.remove(at: items[selected]).title
        case .actions:
            let actions = ws.meetings[mi].actionItems.count
            if selected < actions {
                name = ws.meetings[mi].actionItems.remove(at: selected).title
            } else if ws.meetings[mi].decisions.indices.contains(selected - actions) {
                name = ws.meetings[mi].decisions.remove(at: selected - actions).text
            } else {
                return []
            }
        }
        let effects = commit(ws, label: "delete", &state)
        state.banner = Banner("Deleted “\(DisplayWidthClip.clip(name, 40))”. Press u to undo.", expires: state.now.adding(seconds: 6))
        return effects
    }

    static func move(by delta: Int, _ state: inout AppState) -> [Effect] {
        guard var ws = Optional(state.workspace), let mi = ws.currentMeetingIndex else { return [] }
        let selected = state.selected(state.focus)
        let target = selected + delta
        switch state.focus {
        case .kpis:
            return []
        case .agenda:
            guard ws.meetings[mi].agenda.indices.contains(selected), ws.meetings[mi].agenda.indices.contains(target) else { return [] }
            ws.meetings[mi].agenda.swapAt(selected, target)
        case .friction:
            let items = PaneRows.frictionItems(ws, showResolved: state.showResolved)
            guard items.indices.contains(selected), items.indices.contains(target) else { return [] }
            let a = items[selected], b = items[target]
            // Points move within their funnel stage; the stage is changed in the form.
            guard ws.frictionPoints[a].stage == ws.frictionPoints[b].stage else { return [] }
            ws.frictionPoints.swapAt(a, b)
        case .actions:
            let actions = ws.meetings[mi].actionItems.count
            if selected < actions {
                guard target >= 0, target < actions else { return [] }
                ws.meetings[mi].actionItems.swapAt(selected, target)
            } else {
                let d = selected - actions, t = target - actions
                guard ws.meetings[mi].decisions.indices.contains(d), ws.meetings[mi].decisions.indices.contains(t) else { return [] }
                ws.meetings[mi].decisions.swapAt(d, t)
            }
        }
        let effects = commit(ws, label: "move", &state)
        state.selection[state.focus] = target
        return effects
    }

    static func cycleStatus(_ state: inout AppState) -> [Effect] {
        guard var ws = Optional(state.workspace), let mi = ws.currentMeetingIndex else { return [] }
        let selected = state.selected(state.focus)
        switch state.focus {
        case .kpis:
            return []
        case .agenda:
            guard ws.meetings[mi].agenda.indices.contains(selected) else { return [] }
            let next = ws.meetings[mi].agenda[selected].status.next
            MeetingClock.setStatus(next, of: selected, in: &ws.meetings[mi], now: state.now)
            return commit(ws, label: "status change", &state)
        case .friction:
            let items = PaneRows.frictionItems(ws, showResolved: state.showResolved)
            guard items.indices.contains(selected) else { return [] }
            let id = ws.frictionPoints[items[selected]].id
            FrictionLifecycle.set(ws.frictionPoints[items[selected]].status.next, on: &ws.frictionPoints[items[selected]], today: state.today)
            let effects = commit(ws, label: "status change", &state)
            reselectFriction(id, &state)
            return effects
        case .actions:
            guard ws.meetings[mi].actionItems.indices.contains(selected) else {
                state.banner = Banner("Decisions have no status; Enter edits one.", expires: state.now.adding(seconds: 3))
                return []
            }
            ws.meetings[mi].actionItems[selected].done.toggle()
            return commit(ws, label: "status change", &state)
        }
    }

    // MARK: forms

    static func handleFormKey(_ key: Key, _ form: inout FormState, _ state: inout AppState) -> [Effect] {
        guard form.fields.indices.contains(form.focus) else { return [] }
        if case .text(var editor) = form.fields[form.focus].kind {
            if let command = KeyMap.command(for: key, in: .lineEditor), editor.apply(command) {
                form.fields[form.focus].kind = .text(editor)
                revalidate(&form, state)
                return []
            }
            if case .char(let c) = key {
                editor.insert(String(c))
                form.fields[form.focus].kind = .text(editor)
                revalidate(&form, state)
                return []
            }
        }
        guard let command = KeyMap.command(for: key, in: .form) else {
            // Typing a letter on a choice field jumps to the first option starting with it.
            if case .char(let c) = key, case .choice(let options, _) = form.fields[form.focus].kind,
               let match = options.firstIndex(where: { $0.lowercased().hasPrefix(String(c).lowercased()) }) {
                form.fields[form.focus].kind = .choice(options: options, index: match)
            }
            return []
        }
        switch command {
        case .formNext: form.focus = (form.focus + 1) % form.fields.count
        case .formPrevious: form.focus = (form.focus + form.fields.count - 1) % form.fields.count
        case .formCancel:
            state.mode = .normal
            state.banner = Banner("Cancelled; nothing changed.", expires: state.now.adding(seconds: 3))
            if let theirs = state.pendingConflict { return externalChange(theirs, &state) }
        case .choiceNext, .choicePrevious:
            if case .choice(let options, let index) = form.fields[form.focus].kind {
                let step = command == .choiceNext ? 1 : options.count - 1
                form.fields[form.focus].kind = .choice(options: options, index: (index + step) % options.count)
            }
        case .formSubmit:
            var newIDs: [String] = []
            var generator = state.ids
            let taken = state.takenIDs
            let outcome = Forms.submit(form, to: state.workspace, newID: { prefix in
                let id = generator.next(prefix, avoiding: taken)
                newIDs.append(id)
                return id
            }, now: state.now, today: state.today)
            state.ids = generator
            state.takenIDs.formUnion(newIDs)
            switch outcome {
            case .invalid(let checked):
                form = checked
                if let first = checked.fields.firstIndex(where: { $0.error != nil }) { form.focus = first }
                let problems = checked.fields.filter { $0.error != nil }.count
                state.banner = Banner("\(problems) field\(problems == 1 ? " needs" : "s need") fixing: \(checked.fields[form.focus].label.lowercased()): \(checked.fields[form.focus].error ?? "")", isError: true, expires: state.now.adding(seconds: 6))
            case .applied(let ws, let label, let pane, let selection):
                state.mode = .normal
                if let theirs = state.pendingConflict {
                    // Keep the form's edit, then let the chair settle the conflict.
                    var effects = commit(ws, label: label, &state)
                    effects.removeAll { $0 == .save }
                    return effects + externalChange(theirs, &state)
                }
                let effects = commit(ws, label: label, &state)
                state.focus = pane
                if let selection { state.selection[pane] = selection }
                if state.banner?.isError == true { state.banner = nil }
                return effects
            }
        default: break
        }
        return []
    }

    /// After a submit attempt, messages update as the user types, so a fixed field clears at once.
    static func revalidate(_ form: inout FormState, _ state: AppState) {
        guard form.hasErrors else { return }
        Forms.validate(&form, in: state.workspace)
    }

    // MARK: the live meeting

    static func withCurrentMeeting(_ state: inout AppState, label: String, _ body: (inout Meeting) -> String?) -> [Effect] {
        var ws = state.workspace
        guard let mi = ws.currentMeetingIndex else { return [] }
        let message = body(&ws.meetings[mi])
        let effects = commit(ws, label: label, &state)
        if let message { state.banner = Banner(message, expires: state.now.adding(seconds: 5)) }
        return effects
    }

    static func startMeeting(_ state: inout AppState) -> [Effect] {
        let now = state.now
        let effects = withCurrentMeeting(&state, label: "start meeting") { meeting in
            MeetingClock.start(&meeting, now: now)
                ? "Meeting started. n moves to the next item." : "Nothing to start: no pending agenda items."
        }
        if let active = state.meeting?.agenda.firstIndex(where: { $0.status == .active }) {
            state.selection[.agenda] = active
        }
        return effects
    }

    static func nextItem(_ state: inout AppState) -> [Effect] {
        let now = state.now
        var nowActive: Int?
        let effects = withCurrentMeeting(&state, label: "next item") { meeting in
            nowActive = MeetingClock.next(&meeting, now: now)
            return nowActive.map { "Now: \(meeting.agenda[$0].title)" } ?? "Agenda complete. W starts next week's meeting."
        }
        if let nowActive { state.selection[.agenda] = nowActive }
        return effects
    }

    static func acceptSuggestion(_ state: inout AppState) -> [Effect] {
        guard let suggestion = state.suggestions.first else {
            state.banner = Banner("No suggested friction points this week.", expires: state.now.adding(seconds: 3))
            return []
        }
        var ws = state.workspace
        let point = FrictionPoint(id: state.newID("fp"), title: suggestion.title, stage: suggestion.stage,
                                  raisedBy: suggestion.stage <= .sql ? .marketing : .sales, severity: 2, opened: state.today)
        ws.frictionPoints.append(point)
        // Settled for this week: it is not suggested again.
        if let mi = ws.currentMeetingIndex { ws.meetings[mi].dismissedSuggestions.append(suggestion.conversion) }
        let effects = commit(ws, label: "accept suggestion", &state)
        state.focus = .friction
        reselectFriction(point.id, &state)
        state.banner = Banner("Added to friction points (\(suggestion.stage.title)). Enter edits it.", expires: state.now.adding(seconds: 5))
        return effects
    }

    static func dismissSuggestion(_ state: inout AppState) -> [Effect] {
        guard let suggestion = state.suggestions.first else {
            state.banner = Banner("No suggested friction points this week.", expires: state.now.adding(seconds: 3))
            return []
        }
        return withCurrentMeeting(&state, label: "dismiss suggestion") { meeting in
            meeting.dismissedSuggestions.append(suggestion.conversion)
            return "Dismissed for the week of \(meeting.kpiWeek.iso). u brings it back."
        }
    }

    static func startNextWeek(_ state: inout AppState) -> [Effect] {
        var ws = state.workspace
        do {
            let summary = try NextWeek.start(&ws, now: state.now, ids: &state.ids)
            state.takenIDs = ws.allIDs
            let effects = commit(ws, label: "start next week", &state)
            state.selection = [:]
            state.scroll = [:]
            state.focus = .agenda
            state.banner = Banner("Closed \(summary.closed.date.iso); started \(summary.opened.date.iso) with \(summary.carriedOver) action item\(summary.carriedOver == 1 ? "" : "s") carried over.", expires: state.now.adding(seconds: 8))
            return effects
        } catch {
            state.banner = Banner("Cannot start next week: \(error.description).", isError: true, expires: state.now.adding(seconds: 6))
            return []
        }
    }

    // MARK: quick capture

    static func handleCaptureKey(_ key: Key, _ editor: inout LineEditor, _ state: inout AppState) -> [Effect] {
        if let command = KeyMap.command(for: key, in: .lineEditor), editor.apply(command) {
            state.mode = .capture(editor, completions: [])
            return []
        }
        switch KeyMap.command(for: key, in: .capture) {
        case .formCancel?:
            state.mode = .normal
            return []
        case .complete?:
            let options = Capture.completions(for: editor.text, owners: Capture.knownNames(in: state.workspace))
            if options.count == 1 {
                let head = editor.text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0]
                editor = LineEditor("\(head): \(options[0]): ")
            }
            state.mode = .capture(editor, completions: options.count == 1 ? [] : options)
            return []
        case .formSubmit?:
            switch Capture.parse(editor.text) {
            case .failure(let error):
                state.banner = Banner("Not captured: \(error.description).", isError: true, expires: state.now.adding(seconds: 5))
                state.mode = .capture(editor, completions: [])
                return []
            case .success(let capture):
                state.mode = .normal
                return applyCapture(capture, &state)
            }
        default:
            if case .char(let c) = key {
                editor.insert(String(c))
                state.mode = .capture(editor, completions: [])
            }
            return []
        }
    }

    static func applyCapture(_ capture: Capture, _ state: inout AppState) -> [Effect] {
        var ws = state.workspace
        guard let mi = ws.currentMeetingIndex else { return [] }
        let message: String
        switch capture {
        case .actionItem(let owner, let title):
            ws.meetings[mi].actionItems.append(ActionItem(id: state.newID("act"), title: title, owner: owner))
            message = "Action item for \(owner) added."
        case .decision(let text):
            ws.meetings[mi].decisions.append(Decision(id: state.newID("dec"), text: text))
            message = "Decision recorded."
        case .frictionPoint(let stage, let title):
            ws.frictionPoints.append(FrictionPoint(id: state.newID("fp"), title: title, stage: stage,
                                                   raisedBy: stage <= .sql ? .marketing : .sales, opened: state.today))
            message = "Friction point added under \(stage.title)."
        case .note(let text):
            let notes = ws.meetings[mi].notes
            ws.meetings[mi].notes = notes.isEmpty ? text : notes + "\n" + text
            message = "Added to the meeting notes."
        }
        let effects = commit(ws, label: "capture", &state)
        state.banner = Banner(message, expires: state.now.adding(seconds: 4))
        return effects
    }

    // MARK: notes in $EDITOR

    static func editNotes(_ state: inout AppState) -> [Effect] {
        guard let meeting = state.meeting else { return [] }
        let selected = state.selected(state.focus)
        switch state.focus {
        case .agenda where meeting.agenda.indices.contains(selected):
            let item = meeting.agenda[selected]
            return [.editNotes(.agendaNotes(id: item.id), item.notes)]
        case .friction:
            guard let id = selectedFrictionID(state), let point = state.workspace.frictionPoints.first(where: { $0.id == id }) else { break }
            return [.editNotes(.mitigation(id: id), point.mitigation)]
        case .actions where selected >= meeting.actionItems.count && meeting.decisions.indices.contains(selected - meeting.actionItems.count):
            let decision = meeting.decisions[selected - meeting.actionItems.count]
            return [.editNotes(.decision(id: decision.id), decision.text)]
        default:
            break
        }
        return [.editNotes(.meetingNotes, meeting.notes)]
    }

    static func applyNotes(_ raw: String, to target: NotesTarget, _ state: inout AppState) -> [Effect] {
        // Editors add a final newline; it is not part of the notes.
        var text = raw
        while text.hasSuffix("\n") { text.removeLast() }
        var ws = state.workspace
        guard let mi = ws.currentMeetingIndex else { return [] }
        switch target {
        case .agendaNotes(let id):
            guard let i = ws.meetings[mi].agenda.firstIndex(where: { $0.id == id }) else { return gone(&state) }
            ws.meetings[mi].agenda[i].notes = text
        case .mitigation(let id):
            guard let i = ws.frictionPoints.firstIndex(where: { $0.id == id }) else { return gone(&state) }
            ws.frictionPoints[i].mitigation = text
        case .decision(let id):
            guard let i = ws.meetings[mi].decisions.firstIndex(where: { $0.id == id }) else { return gone(&state) }
            guard !text.trimmed.isEmpty else {
                state.banner = Banner("A decision cannot be empty; d deletes it instead.", isError: true, expires: state.now.adding(seconds: 5))
                return []
            }
            ws.meetings[mi].decisions[i].text = text
        case .meetingNotes:
            ws.meetings[mi].notes = text
        }
        guard text.utf8.count <= 100_000 else {
            state.banner = Banner("Notes not changed: at most 100000 bytes.", isError: true)
            return []
        }
        let effects = commit(ws, label: "edit \(target.label)", &state)
        if effects.isEmpty { state.banner = Banner("No change to the \(target.label).", expires: state.now.adding(seconds: 3)) }
        return effects
    }

    static func gone(_ state: inout AppState) -> [Effect] {
        state.banner = Banner("Notes not saved: the item was deleted meanwhile.", isError: true)
        return []
    }

    // MARK: the file on disk

    /// The file changed on disk. With nothing unsaved here (or on the read-only screen) it is
    /// taken quietly; otherwise the chair chooses, and nothing is overwritten meanwhile.
    static func externalChange(_ theirs: Workspace, _ state: inout AppState) -> [Effect] {
        if theirs == state.workspace {
            state.unsavedEdits = 0
            state.saveState = .saved
            return [.adoptDiskVersion]
        }
        if state.readOnly || state.unsavedEdits == 0 {
            return adopt(theirs, &state, message: state.readOnly ? nil : "The file changed on disk; reloaded.")
        }
        switch state.mode {
        case .form, .capture:
            state.pendingConflict = theirs
            state.banner = Banner("The file changed on disk. Finish or cancel this first; you will be asked what to keep.", isError: true)
        case .conflict(_, let viewing):
            // Already asking (the same change can be noticed twice): show the newest version, keep the view.
            state.mode = .conflict(theirs: theirs, viewing: viewing)
        default:
            state.mode = .conflict(theirs: theirs, viewing: false)
        }
        return []
    }

    /// Replaces the workspace with the disk's version, keeping each pane's selection on the same
    /// item where it still exists.
    static func adopt(_ theirs: Workspace, _ state: inout AppState, message: String?) -> [Effect] {
        let kept = PaneID.allCases.map { ($0, selectedID($0, state)) }
        state.workspace = theirs
        state.takenIDs.formUnion(theirs.allIDs)
        for (pane, id) in kept {
            if let id, let index = index(of: id, in: pane, state) { state.selection[pane] = index }
        }
        state.undoStack.removeAll()
        state.redoStack.removeAll()
        state.unsavedEdits = 0
        state.saveState = .saved
        state.pendingConflict = nil
        if case .conflict = state.mode { state.mode = .normal }
        if let message { state.banner = Banner(message, expires: state.now.adding(seconds: 5)) }
        return [.adoptDiskVersion]
    }

    static func selectedID(_ pane: PaneID, _ state: AppState) -> String? {
        guard let meeting = state.meeting else { return nil }
        let s = state.selected(pane)
        switch pane {
        case .kpis: return nil
        case .agenda: return meeting.agenda.indices.contains(s) ? meeting.agenda[s].id : nil
        case .friction: return selectedFrictionID(state)
        case .actions:
            if meeting.actionItems.indices.contains(s) { return meeting.actionItems[s].id }
            let d = s - meeting.actionItems.count
            return meeting.decisions.indices.contains(d) ? meeting.decisions[d].id : nil
        }
    }

    static func index(of id: String, in pane: PaneID, _ state: AppState) -> Int? {
        guard let meeting = state.meeting else { return nil }
        switch pane {
        case .kpis: return nil
        case .agenda: return meeting.agenda.firstIndex { $0.id == id }
        case .friction:
            return state.frictionItems.firstIndex { state.workspace.frictionPoints[$0].id == id }
        case .actions:
            if let i = meeting.actionItems.firstIndex(where: { $0.id == id }) { return i }
            return meeting.decisions.firstIndex { $0.id == id }.map { $0 + meeting.actionItems.count }
        }
    }

    // MARK: selection and scrolling

    /// Keeps every selection in range and the selected row of each list on screen.
    static func clampSelectionAndScroll(_ state: inout AppState) {
        let layout = Layout.compute(size: state.size, zoomed: state.zoomed ? state.focus : nil)
        for pane in PaneID.allCases {
            let count = PaneRows.itemCount(pane, state)
            state.selection[pane] = count == 0 ? 0 : min(max(0, state.selection[pane] ?? 0), count - 1)
            guard pane != .kpis else { continue }
            let visible = layout.visibleRows(pane)
            let (row, total) = selectedRow(pane, state)
            var scroll = state.scroll[pane] ?? 0
            if row < scroll { scroll = max(0, row - 1) }
            if row >= scroll + visible { scroll = row - visible + 1 }
            scroll = min(scroll, max(0, total - visible))
            state.scroll[pane] = max(0, scroll)
        }
    }

    /// The selected item's row in its pane's list, counting headings, and the number of rows.
    public static func selectedRow(_ pane: PaneID, _ state: AppState) -> (row: Int, total: Int) {
        let s = state.selected(pane)
        switch pane {
        case .kpis: return (0, 1)
        case .agenda: return (s, state.meeting?.agenda.count ?? 0)
        case .friction:
            let rows = state.frictionRows.count
            return (state.frictionRowOfItem.indices.contains(s) ? state.frictionRowOfItem[s] : 0, rows)
        case .actions:
            guard let meeting = state.meeting else { return (0, 0) }
            let rows = PaneRows.actions(meeting)
            let row = s < meeting.actionItems.count ? s + 1 : s + 2
            return (min(row, rows.count - 1), rows.count)
        }
    }
}

enum DisplayWidthClip {
    static func clip(_ s: String, _ width: Int) -> String { DisplayWidth.truncate(TextSanitizer.visible(s), to: width) }
}
