import SmarketingModel

/// The team's definitions view (`I`): which subject is selected and how far the page is scrolled.
public struct DefinitionsView: Equatable, Sendable {
    /// Index into `Definitions.subjects`.
    public var selected: Int
    /// The first line of the page on screen.
    public var top: Int

    public init(selected: Int = 0, top: Int = 0) {
        self.selected = selected
        self.top = top
    }
}

/// Text from `$EDITOR` that could not be saved (a persona that does not read back, a text over the
/// limit): kept in `AppState` so that `E` on the same subject opens it again, even after a form
/// or closing the view, and nothing typed is lost.
public struct UnsavedDefinitionText: Equatable, Sendable {
    public var subject: DefinitionSubject
    public var text: String
}

extension AppState {
    /// The subjects the current meeting changed (its minutes list them).
    var changedDefinitions: Set<DefinitionSubject> { Set(meeting?.definitionChanges.map(\.subject) ?? []) }

    /// The definitions view, or a fresh one when another mode is showing.
    var definitionsView: DefinitionsView {
        if case .definitions(let view) = mode { return view }
        return DefinitionsView()
    }
}

extension Reducer {
    static func openDefinitions(_ state: inout AppState) {
        showDefinitions(DefinitionsView(), &state)
    }

    /// Shows the view, with `subject` selected when given. The selected subject stays on the
    /// page; `reveal` brings all of it in (its title first when it is longer than the page).
    static func showDefinitions(_ view: DefinitionsView, selecting subject: DefinitionSubject? = nil, reveal: Bool = false, _ state: inout AppState) {
        var view = view
        let subjects = state.workspace.definitions.subjects
        if let subject, let index = subjects.firstIndex(of: subject) { view.selected = index }
        view.selected = min(max(0, view.selected), max(0, subjects.count - 1))
        let entries = DefinitionsOverlay.entries(state.workspace.definitions, changed: state.changedDefinitions)
        let (lines, ranges) = DefinitionsOverlay.page(entries, width: DefinitionsOverlay.textWidth(on: state.size))
        let rows = DefinitionsOverlay.pageRows(on: state.size)
        view.top = DefinitionsOverlay.clampedTop(view.top, lineCount: lines.count, rows: rows)
        if ranges.indices.contains(view.selected) {
            let range = ranges[view.selected]
            let offPage = range.upperBound <= view.top || range.lowerBound >= view.top + rows
            if (reveal || offPage) && range.lowerBound < view.top {
                view.top = range.lowerBound
            } else if (reveal || offPage) && range.upperBound > view.top + rows {
                view.top = min(range.lowerBound, range.upperBound - rows)
            }
        }
        view.top = DefinitionsOverlay.clampedTop(view.top, lineCount: lines.count, rows: rows)
        state.mode = .definitions(view)
    }

    static func definitionsKey(_ key: Key, _ view: DefinitionsView, _ state: inout AppState) -> [Effect] {
        guard let command = KeyMap.definitions(key) else { return [] }
        if state.banner?.isError == false { state.banner = nil }
        let subjects = state.workspace.definitions.subjects
        var view = view
        let selected = min(max(0, view.selected), max(0, subjects.count - 1))
        let subject = subjects.indices.contains(selected) ? subjects[selected] : nil
        let viewingOnly: Set<DefinitionsCommand> = [.up, .down, .pageUp, .pageDown, .close]
        if state.readOnly && !viewingOnly.contains(command) {
            state.banner = Banner("This screen is read-only (present mode); edit in the chair's window.", expires: state.now.adding(seconds: 3))
            return []
        }
        switch command {
        case .close:
            state.mode = .normal
        case .down:
            view.selected = selected + 1
            showDefinitions(view, reveal: true, &state)
        case .up:
            view.selected = selected - 1
            showDefinitions(view, reveal: true, &state)
        case .pageDown, .pageUp:
            page(down: command == .pageDown, view, selected: selected, &state)
        case .edit:
            guard let subject else { return [] }
            let target: FormTarget
            if case .persona(let id) = subject { target = .persona(id: id) } else { target = .definition(subject) }
            state.mode = .form(Forms.form(for: target, in: state.workspace))
        case .addPersona:
            state.mode = .form(Forms.form(for: .persona(id: nil), in: state.workspace))
        case .editInEditor:
            guard let subject else { return [] }
            let text: String
            if let kept = state.unsavedDefinitionText, kept.subject == subject {
                text = kept.text
            } else if case .persona(let id) = subject, let persona = state.workspace.definitions.personas.first(where: { $0.id == id }) {
                text = PersonaText.text(of: persona)
            } else {
                text = state.workspace.definitions.text(of: subject)
            }
            return [.editNotes(.definition(subject), text)]
        case .toggleAgreed:
            guard let subject else { return [] }
            return toggleAgreed(subject, view, &state)
        case .deletePersona:
            guard case .persona(let id)? = subject else {
                state.banner = Banner("Only a persona can be deleted; the other definitions are edited (e) or left as drafts.",
                                      isError: true, expires: state.now.adding(seconds: 5))
                return []
            }
            guard let (name, effects) = edit(&state, label: "delete persona", { (ws, _) throws(EditError) in
                try ws.deletePersona(id: id)
            }) else { return [] }
            showDefinitions(view, &state)
            state.banner = Banner("Deleted the persona \(name). u undoes it.", expires: state.now.adding(seconds: 6))
            return effects
        case .undo:
            let effects = undo(&state)
            showDefinitions(view, &state)
            return effects
        }
        return []
    }

    /// PgDn scrolls through a definition longer than the page, then moves on to the next; PgUp
    /// the same way back.
    static func page(down: Bool, _ view: DefinitionsView, selected: Int, _ state: inout AppState) {
        var view = view
        let entries = DefinitionsOverlay.entries(state.workspace.definitions, changed: state.changedDefinitions)
        let (lines, ranges) = DefinitionsOverlay.page(entries, width: DefinitionsOverlay.textWidth(on: state.size))
        let rows = DefinitionsOverlay.pageRows(on: state.size)
        guard ranges.indices.contains(selected) else { return }
        let range = ranges[selected]
        let top = DefinitionsOverlay.clampedTop(view.top, lineCount: lines.count, rows: rows)
        if down, range.upperBound > top + rows {
            view.top = min(top + max(1, rows - 1), range.upperBound - rows)
        } else if !down, range.lowerBound < top {
            view.top = max(range.lowerBound, top - max(1, rows - 1))
        } else {
            view.selected = selected + (down ? 1 : -1)
            showDefinitions(view, reveal: true, &state)
            return
        }
        showDefinitions(view, &state)
    }

    static func toggleAgreed(_ subject: DefinitionSubject, _ view: DefinitionsView, _ state: inout AppState) -> [Effect] {
        let definitions = state.workspace.definitions
        let agreed = !definitions.isAgreed(subject)
        guard let (_, effects) = edit(&state, label: agreed ? "mark agreed" : "mark draft", { (ws, _) throws(EditError) in
            if case .persona(let id) = subject {
                guard var persona = ws.definitions.personas.first(where: { $0.id == id }) else {
                    throw EditError("the persona is gone (deleted or reloaded meanwhile)")
                }
                persona.agreed = agreed
                try ws.savePersona(persona)
            } else if var definition = ws.definitions[subject] {
                definition.agreed = agreed
                try ws.saveDefinition(subject, definition)
            }
        }) else { return [] }
        showDefinitions(view, selecting: subject, &state)
        state.banner = savedBanner(subject, state, toggled: true)
        return effects
    }

    /// "Saved: What counts as an MQL (agreed). The minutes list it under Definitions changed this
    /// week." After a toggle (`toggled`): "What counts as an MQL: agreed. …"
    static func savedBanner(_ subject: DefinitionSubject, _ state: AppState, toggled: Bool = false) -> Banner {
        let definitions = state.workspace.definitions
        let title = definitions.title(of: subject), agreed = definitions.isAgreed(subject)
        let what = toggled ? "\(title): \(agreed ? "agreed" : "back to draft")." : "Saved: \(title) (\(agreed ? "agreed" : "draft"))."
        let minutes = state.changedDefinitions.contains(subject) ? " The minutes list it under Definitions changed this week." : ""
        return Banner(what + minutes, expires: state.now.adding(seconds: 6))
    }

    /// `$EDITOR` closed on a definition: save the text (a persona read back field by field), or
    /// keep it for the next `E` and say what is wrong.
    static func definitionEdited(_ subject: DefinitionSubject, _ result: Result<String, NotesEditFailure>, _ state: inout AppState) -> [Effect] {
        let view = state.definitionsView
        let what = subject.isPersona ? "Persona" : "Definition"
        let raw: String
        switch result {
        case .failure(let failure):
            showDefinitions(view, selecting: subject, &state)
            state.banner = Banner("\(what) not changed: \(failure.message)", isError: true)
            return []
        case .success(let text):
            raw = text
        }
        // Editors add a final newline; it is not part of the text.
        var text = raw
        while text.hasSuffix("\n") { text.removeLast() }
        let definitions = state.workspace.definitions
        func keep(_ message: String) -> [Effect] {
            state.unsavedDefinitionText = UnsavedDefinitionText(subject: subject, text: raw)
            showDefinitions(view, selecting: subject, &state)
            state.banner = Banner("\(what) not saved (your text is kept: E reopens it): \(message).", isError: true)
            return []
        }
        let before = state.workspace
        let edited: (result: Void, effects: [Effect])?
        if case .persona(let id) = subject {
            guard let persona = definitions.personas.first(where: { $0.id == id }) else {
                return keep("the persona is gone (deleted or reloaded meanwhile)")
            }
            let parsed: Persona
            switch PersonaText.parse(text, into: persona) {
            case .failure(let failure): return keep(failure.message)
            case .success(let p): parsed = p
            }
            var refusal: EditError?
            edited = edit(&state, label: "edit persona", refusal: { refusal = $0; return "" }, { (ws, _) throws(EditError) in
                try ws.savePersona(parsed)
            })
            if let refusal { return keep(refusal.message) }
        } else {
            guard var definition = definitions[subject] else { return keep("no such definition") }
            definition.text = text.trimmingSpaces
            var refusal: EditError?
            edited = edit(&state, label: "edit definition", refusal: { refusal = $0; return "" }, { (ws, _) throws(EditError) in
                try ws.saveDefinition(subject, definition)
            })
            if let refusal { return keep(refusal.message) }
        }
        if state.unsavedDefinitionText?.subject == subject { state.unsavedDefinitionText = nil }
        showDefinitions(view, selecting: subject, &state)
        if state.workspace == before {
            state.banner = Banner("No change to \(definitions.title(of: subject)).", expires: state.now.adding(seconds: 3))
        } else {
            state.banner = savedBanner(subject, state)
        }
        return edited?.effects ?? []
    }
}

extension DefinitionSubject {
    var isPersona: Bool {
        if case .persona = self { return true }
        return false
    }
}
