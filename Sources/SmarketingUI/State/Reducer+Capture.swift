import SmarketingModel

/// Quick capture: one typed line becomes an action item, a decision, a friction point or a note.
extension Reducer {
    static func captureKey(_ key: Key, _ editor: inout LineEditor, _ state: inout AppState) -> [Effect] {
        if let command = KeyMap.editor(key) {
            editor.apply(command)
            state.mode = .capture(editor, completions: [])
            return []
        }
        switch KeyMap.capture(key) {
        case .cancel?:
            if !editor.text.isEmpty {
                state.mode = .confirmDiscard(.capture(editor))
                return []
            }
            return closeCapture(discarded: false, &state)
        case .complete?:
            let options = Capture.completions(for: editor.text, owners: Capture.knownNames(in: state.workspace))
            if options.count == 1 {
                let head = editor.text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0]
                editor = LineEditor("\(head): \(options[0]): ")
            }
            state.mode = .capture(editor, completions: options.count == 1 ? [] : options)
        case .submit?:
            switch Capture.parse(editor.text) {
            case .failure(let error):
                state.banner = Banner("Not captured: \(error.description).", isError: true, expires: state.now.adding(seconds: 5))
                state.mode = .capture(editor, completions: [])
            case .success(var capture):
                // Owners resolve against the names the workspace knows, never silently new.
                var newPerson: String?
                if case .actionItem(let owner, let title, let due) = capture {
                    switch resolveOwner(owner, in: state.workspace) {
                    case .known(let name):
                        capture = .actionItem(owner: name, title: title, due: due)
                    case .ambiguous(let names):
                        let list = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? "…" : "")
                        state.banner = Banner("“\(owner)” could be \(list): type more of the name (Tab completes).", isError: true, expires: state.now.adding(seconds: 8))
                        state.mode = .capture(editor, completions: names)
                        return []
                    case .unknown:
                        if state.captureNewOwnerWarned != editor.text {
                            state.captureNewOwnerWarned = editor.text
                            state.banner = Banner("Nobody called “\(owner)” yet. Enter again adds them as a new owner; or correct the name.", isError: true, expires: state.now.adding(seconds: 8))
                            state.mode = .capture(editor, completions: [])
                            return []
                        }
                        // Confirmed: they join the roster too, so the next line resolves them.
                        newPerson = owner
                    }
                }
                state.captureNewOwnerWarned = nil
                let today = state.today
                guard let (_, effects) = edit(&state, label: "capture", refusal: { "Not captured: \($0.message)." }, { (ws, st) throws(EditError) in
                    try ws.apply(capture, ids: &st.ids, today: today)
                    if let newPerson, ws.person(named: newPerson) == nil {
                        do { try ws.savePerson(Person(name: newPerson), replacing: nil) } catch {}
                    }
                }) else {
                    // Refused: the line stays, so the chair can shorten it.
                    state.mode = .capture(editor, completions: [])
                    return []
                }
                state.mode = .normal
                let joined = newPerson.flatMap { state.workspace.person(named: $0) }.map { " \(DisplayWidthClip.clip($0.name, 30)) joined the roster (P)." } ?? ""
                state.banner = Banner(message(for: capture) + joined, expires: state.now.adding(seconds: joined.isEmpty ? 4 : 6))
                return effects
            }
        case nil:
            if case .char(let c) = key {
                editor.insert(String(c))
                state.mode = .capture(editor, completions: [])
            }
        }
        return []
    }

    /// Closes the capture line without adding anything; a change on disk that waited for it
    /// comes next.
    static func closeCapture(discarded: Bool, _ state: inout AppState) -> [Effect] {
        state.mode = .normal
        if discarded { state.banner = Banner("Discarded the capture line; nothing changed.", expires: state.now.adding(seconds: 3)) }
        if let theirs = state.pendingConflict { return externalChange(theirs, &state) }
        return []
    }

    enum OwnerMatch: Equatable {
        case known(String)
        case ambiguous([String])
        case unknown
    }

    /// The person an owner typed on the capture line means: a known name (any case), or the one
    /// known name that starts with it or has a word starting with it ("Luis" → Luis Ortega).
    static func resolveOwner(_ typed: String, in ws: Workspace) -> OwnerMatch {
        let names = Capture.knownNames(in: ws)
        let t = typed.trimmingSpaces.lowercased()
        guard !t.isEmpty else { return .unknown }
        if let exact = names.first(where: { $0.lowercased() == t }) { return .known(exact) }
        let matches = names.filter { name in
            let n = name.lowercased()
            return n.hasPrefix(t) || n.split(separator: " ").contains { $0.hasPrefix(t) }
        }
        switch matches.count {
        case 0: return .unknown
        case 1: return .known(matches[0])
        default: return .ambiguous(matches)
        }
    }

    static func message(for capture: Capture) -> String {
        switch capture {
        case .actionItem(let owner, _, nil): return "Action item for \(owner) added."
        case .actionItem(let owner, _, _?): return "Action item for \(owner) added, with its due date."
        case .decision: return "Decision recorded."
        case .frictionPoint(let stage, _): return "Friction point added under \(stage.title)."
        case .note: return "Added to the meeting notes."
        }
    }
}
