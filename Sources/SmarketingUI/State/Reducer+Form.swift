import SmarketingModel

/// Form keys: the focused text field's editing keys first, then the form's own.
extension Reducer {
    static func formKey(_ key: Key, _ form: inout FormState, _ state: inout AppState) -> [Effect] {
        guard form.fields.indices.contains(form.focus) else { return [] }
        if case .text(var editor) = form.fields[form.focus].kind {
            if let command = KeyMap.editor(key) {
                editor.apply(command)
                edited(editor, &form, state)
                return []
            }
            if case .char(let c) = key {
                editor.insert(String(c))
                edited(editor, &form, state)
                return []
            }
        }
        guard let command = KeyMap.form(key) else {
            // Typing a letter on a choice field jumps to the first option starting with it.
            if case .char(let c) = key, case .choice(let options, _) = form.fields[form.focus].kind,
               let match = options.firstIndex(where: { $0.lowercased().hasPrefix(String(c).lowercased()) }) {
                form.fields[form.focus].kind = .choice(options: options, index: match)
            }
            return []
        }
        switch command {
        case .completeOrNext:
            if completeOwner(&form, state) { return [] }
            form.focus = (form.focus + 1) % form.fields.count
        case .next: form.focus = (form.focus + 1) % form.fields.count
        case .previous: form.focus = (form.focus + form.fields.count - 1) % form.fields.count
        case .cancel:
            if form.isChanged {
                state.mode = .confirmDiscard(.form(form))
                return []
            }
            return closeForm(form, discarded: false, &state)
        case .choiceNext, .choicePrevious:
            if case .choice(let options, let index) = form.fields[form.focus].kind {
                let step = command == .choiceNext ? 1 : options.count - 1
                form.fields[form.focus].kind = .choice(options: options, index: (index + step) % options.count)
            }
        case .submit:
            return submit(&form, &state)
        }
        return []
    }

    /// The focused text field after an editing key: its new text, its messages brought up to
    /// date, and an owner field's list of matching names (from an earlier Tab) gone.
    private static func edited(_ editor: LineEditor, _ form: inout FormState, _ state: AppState) {
        form.fields[form.focus].kind = .text(editor)
        if form.fields[form.focus].key == "owner" { form.fields[form.focus].hint = Forms.ownerHint }
        revalidate(&form, state)
    }

    /// Tab in an owner field: completes what was typed from the roster (then the other names the
    /// workspace knows), or to the names' common beginning with the names listed in the hint.
    /// Returns false when there is nothing to complete and Tab moves to the next field: the
    /// field is empty or already a full name, nothing matches, or the same list was shown by
    /// the previous Tab.
    static func completeOwner(_ form: inout FormState, _ state: AppState) -> Bool {
        let field = form.fields[form.focus]
        guard field.key == "owner", case .text = field.kind,
              let completion = NameCompletion.complete(field.value, names: Capture.knownNames(in: state.workspace)) else { return false }
        let hint = completion.candidates.isEmpty ? Forms.ownerHint : NameCompletion.listing(completion.candidates)
        if completion.text == field.value, hint == field.hint { return false }
        form.fields[form.focus].kind = .text(LineEditor(completion.text))
        form.fields[form.focus].hint = hint
        revalidate(&form, state)
        return true
    }

    /// Where the keyboard goes when a form closes: a person's form goes back to the roster.
    static func modeAfter(_ form: FormState, savedName: String? = nil, _ state: AppState) -> Mode {
        guard case .person(let old) = form.target else { return .normal }
        let name = savedName ?? old
        return .people(selected: name.flatMap { n in state.workspace.people.firstIndex { $0.name == n } } ?? 0)
    }

    /// Closes the open form without saving it; a change on disk that waited for it comes next.
    static func closeForm(_ form: FormState, discarded: Bool, _ state: inout AppState) -> [Effect] {
        state.mode = modeAfter(form, state)
        switch form.target {
        case .definition(let subject): showDefinitions(DefinitionsView(), selecting: subject, reveal: true, &state)
        case .persona(let id):
            let subject = id.map { DefinitionSubject.persona(id: $0) } ?? state.workspace.definitions.personas.first.map { .persona(id: $0.id) }
            showDefinitions(DefinitionsView(), selecting: subject, reveal: true, &state)
        default: break
        }
        state.banner = Banner(discarded ? "Discarded the form; nothing changed." : "Cancelled; nothing changed.", expires: state.now.adding(seconds: 3))
        if let theirs = state.pendingConflict { return externalChange(theirs, &state) }
        return []
    }

    static func submit(_ form: inout FormState, _ state: inout AppState) -> [Effect] {
        if pastDueNeedsConfirming(&form, state) {
            state.banner = Banner("That due date is in the past. Enter again keeps it; or change it.", isError: true, expires: state.now.adding(seconds: 8))
            return []
        }
        if form.target == .saveCopy {
            guard Forms.validate(&form, in: state.workspace) else { return [] }
            state.mode = .normal
            state.saveState = .saving
            return [.saveCopy(path: form.value("path").trimmed)]
        }
        switch Forms.submit(form, to: state.workspace, ids: &state.ids, now: state.now, today: state.today) {
        case .invalid(let checked):
            form = checked
            if let first = checked.fields.firstIndex(where: { $0.error != nil }) { form.focus = first }
            let problems = checked.fields.filter { $0.error != nil }.count
            state.banner = Banner("\(problems) field\(problems == 1 ? " needs" : "s need") fixing: \(checked.fields[form.focus].label.lowercased()): \(checked.fields[form.focus].error ?? "")", isError: true, expires: state.now.adding(seconds: 6))
            return []
        case .refused(let error):
            state.banner = Banner("Not saved: \(error.message).", isError: true, expires: state.now.adding(seconds: 6))
            return []
        case .savedPerson(let ws, let name, let renamed):
            guard case .person(let old) = form.target else { return [] }
            var effects = commit(ws, label: old == nil ? "add person" : "edit person", &state)
            state.mode = modeAfter(form, savedName: name, state)
            let shown = DisplayWidthClip.clip(name, 40)
            if let old, old != name {
                let places = renamed == 1 ? "1 place" : "\(renamed) places"
                state.banner = Banner("Renamed \(DisplayWidthClip.clip(old, 30)) to \(shown) in \(places). u undoes it.",
                                      expires: state.now.adding(seconds: 8))
            } else {
                state.banner = Banner(old == nil ? "Added \(shown) to the roster." : "Saved \(shown).", expires: state.now.adding(seconds: 4))
            }
            if let theirs = state.pendingConflict {
                effects.removeAll { $0 == .save }
                return effects + externalChange(theirs, &state)
            }
            return effects
        case .definitionSaved(let ws, let label, let subject):
            let before = state.workspace
            var effects = commit(ws, label: label, &state)
            if state.unsavedDefinitionText?.subject == subject { state.unsavedDefinitionText = nil }
            showDefinitions(DefinitionsView(), selecting: subject, reveal: true, &state)
            state.banner = state.workspace == before
                ? Banner("No change to \(state.workspace.definitions.title(of: subject)).", expires: state.now.adding(seconds: 3))
                : savedBanner(subject, state)
            if let theirs = state.pendingConflict {
                effects.removeAll { $0 == .save }
                return effects + externalChange(theirs, &state)
            }
            return effects
        case .applied(let ws, let label, let pane, let item):
            state.mode = .normal
            if let theirs = state.pendingConflict {
                // Keep the form's edit, then let the chair settle the conflict.
                var effects = commit(ws, label: label, &state)
                effects.removeAll { $0 == .save }
                return effects + externalChange(theirs, &state)
            }
            let effects = commit(ws, label: label, &state)
            state.focus = pane
            state.select(item)
            if state.banner?.isError == true { state.banner = nil }
            return effects
        }
    }

    /// A new or changed due date before today is kept only after a second Enter: the first one
    /// says so on the field. An item's due date that was already in the past is not asked about.
    static func pastDueNeedsConfirming(_ form: inout FormState, _ state: AppState) -> Bool {
        guard case .actionItem(let id, _) = form.target, let due = CalendarDate(iso: form.value("due").trimmed), due < state.today,
              form.acknowledgedPastDue != due else { return false }
        let stored = id.flatMap { id in state.meeting?.actionItems.first { $0.id == id }?.due }
        guard stored != due, let i = form.fields.firstIndex(where: { $0.key == "due" }) else { return false }
        form.acknowledgedPastDue = due
        let days = state.today.days(since: due)
        form.fields[i].error = "\(days) day\(days == 1 ? "" : "s") in the past; Enter again keeps it"
        form.focus = i
        return true
    }

    /// After a submit attempt, messages update as the user types, so a fixed field clears at once.
    static func revalidate(_ form: inout FormState, _ state: AppState) {
        guard form.hasErrors else { return }
        Forms.validate(&form, in: state.workspace)
    }
}
