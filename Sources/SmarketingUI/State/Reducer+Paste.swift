import SmarketingModel

/// Pasted text and Ctrl-C: input that is not a key.
extension Reducer {
    /// A paste is one edit of the field with focus: inserted once, line breaks as spaces (the
    /// fields are one line). Outside a text field it is ignored, never run as keys: a paste on the
    /// dashboard would otherwise be hundreds of commands.
    static func paste(_ text: String, _ state: inout AppState) -> [Effect] {
        switch state.mode {
        case .form(var form):
            guard form.fields.indices.contains(form.focus), case .text(var editor) = form.fields[form.focus].kind else {
                state.banner = Banner("Paste ignored: this field is a choice (←/→).", isError: true, expires: state.now.adding(seconds: 4))
                return []
            }
            let fitted = editor.insert(text)
            form.fields[form.focus].kind = .text(editor)
            // A paste can overshoot a limit by far: say so now, on the field, not only on Enter.
            let field = form.fields[form.focus]
            form.fields[form.focus].error = Forms.message(for: field, in: form, state.workspace)
            if let error = form.fields[form.focus].error {
                let kept = fitted ? "" : " (the field kept the first \(LineEditor.maximumLength) characters)"
                state.banner = Banner("Pasted \(text.utf8.count) bytes into \(field.label.lowercased()): \(error)\(kept).", isError: true,
                                      expires: state.now.adding(seconds: 8))
            }
            state.mode = .form(form)
        case .capture(var editor, _):
            editor.insert(text)
            state.mode = .capture(editor, completions: [])
        case .normal:
            state.banner = Banner("Paste ignored: no text field is open (a adds an item, c opens quick capture).", isError: true,
                                  expires: state.now.adding(seconds: 4))
        case .definitions:
            state.banner = Banner("Paste ignored: e opens the definition in a form, E in your editor.", isError: true,
                                  expires: state.now.adding(seconds: 4))
        case .help, .owed, .people, .confirmQuit, .confirmNewWeek, .confirmDiscard, .conflict, .quitting:
            break
        }
        return []
    }

    /// Ctrl-C never throws typed text away at once: in a form with changes it asks first (a
    /// second Ctrl-C on the question stops). Everywhere else it stops the dashboard, which saves
    /// every committed edit first.
    static func interrupt(_ state: inout AppState) -> [Effect] {
        switch state.mode {
        case .form(let form) where form.isChanged:
            state.mode = .confirmDiscard(.form(form))
            return []
        case .capture(let editor, _) where !editor.text.isEmpty:
            state.mode = .confirmDiscard(.capture(editor))
            return []
        case .capture:
            // An empty capture line: Ctrl-C closes it, as Esc does.
            return closeCapture(discarded: false, &state)
        default:
            return [.stop]
        }
        return [.stop]
    }
}
