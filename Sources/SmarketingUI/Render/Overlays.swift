import SmarketingModel

/// Boxes drawn over the dashboard: forms, help and prompts.
enum Overlays {
    static func centered(width: Int, height: Int, in size: Size) -> Rect {
        let w = min(width, size.width - 2), h = min(height, size.height - 2)
        return Rect(x: (size.width - w) / 2, y: (size.height - h) / 2, width: w, height: h)
    }

    static func panel(_ rect: Rect, title: String, _ grid: inout Grid) {
        grid.fill(rect, role: .overlay)
        grid.box(rect, role: .overlayBorder, title: title, titleRole: .overlayBorder)
    }

    // MARK: form

    /// Draws the form and returns where the cursor goes. With room, each field has a line under it
    /// for its message; otherwise fields sit on consecutive lines and the focused field's message
    /// goes on a line of its own above the footer. Messages never cover what the user typed.
    static func drawForm(_ form: FormState, _ state: AppState, _ grid: inout Grid) -> (x: Int, y: Int)? {
        let labelWidth = min(26, (form.fields.map { DisplayWidth.of($0.label) }.max() ?? 10) + 2)
        let roomy = form.fields.count * 2 + 4 <= state.size.height - 2
        let bodyRows = roomy ? form.fields.count * 2 : form.fields.count + 1
        let rect = centered(width: 76, height: bodyRows + 4, in: state.size)
        panel(rect, title: form.title, &grid)
        let inner = rect.inset(1)
        let fieldRows = roomy ? inner.height - 2 : inner.height - 3
        let perField = roomy ? 2 : 1
        let visibleFields = max(1, fieldRows / perField)
        let first = max(0, min(form.focus - visibleFields + 1, form.fields.count - visibleFields))
        let fieldX = inner.x + 1 + labelWidth
        let fieldWidth = max(4, inner.maxX - fieldX - 1)
        var cursor: (x: Int, y: Int)?
        var y = inner.y + 1
        for i in first..<min(form.fields.count, first + visibleFields) {
            let field = form.fields[i]
            let focused = i == form.focus
            let labelRole: StyleRole = field.error != nil ? .formError : (focused ? .titleFocused : .formLabel)
            grid.textRight((field.error != nil ? "⚠ " : "") + field.label + " ", maxX: fieldX, y: y, role: labelRole, maxWidth: labelWidth)
            grid.fill(Rect(x: fieldX, y: y, width: fieldWidth, height: 1), role: focused ? .formFieldFocused : .formField)
            switch field.kind {
            case .text(var editor):
                let shown = editor.layout(width: fieldWidth)
                grid.text(shown.text, x: fieldX, y: y, role: focused ? .formFieldFocused : .formField, maxWidth: fieldWidth)
                if focused { cursor = (fieldX + shown.cursorColumn, y) }
            case .choice(let options, let index):
                grid.text("◂ \(options[index]) ▸", x: fieldX, y: y, role: focused ? .formFieldFocused : .formField, maxWidth: fieldWidth)
            }
            if roomy {
                if let error = field.error {
                    grid.text(error, x: fieldX, y: y + 1, role: .formError, maxWidth: fieldWidth)
                } else if focused, !field.hint.isEmpty {
                    grid.text(field.hint, x: fieldX, y: y + 1, role: .dim, maxWidth: fieldWidth)
                }
            }
            y += perField
        }
        if !roomy, form.fields.indices.contains(form.focus) {
            let field = form.fields[form.focus]
            if let error = field.error {
                grid.text("⚠ \(field.label.lowercased()): \(error)", x: inner.x + 1, y: inner.maxY - 2, role: .formError, maxWidth: inner.width - 2)
            } else if !field.hint.isEmpty {
                grid.text(field.label + ": " + field.hint, x: inner.x + 1, y: inner.maxY - 2, role: .dim, maxWidth: inner.width - 2)
            }
        }
        let footer = "Enter save · Esc cancel · Tab/↑↓ field · ←→ choice"
        grid.text(footer, x: inner.x + 1, y: inner.maxY - 1, role: .dim, maxWidth: inner.width - 2)
        return cursor
    }

    // MARK: help

    static func helpLines() -> [(text: String, role: StyleRole)] {
        var lines: [(String, StyleRole)] = []
        for context in KeyContext.allCases {
            let bindings = KeyMap.bindings.filter { $0.context == context }
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append(("", .overlay)) }
            lines.append((context.rawValue, .stage))
            for b in bindings {
                var help = b.help
                if let panes = b.panes, panes.count < PaneID.allCases.count {
                    help += " (" + PaneID.allCases.filter(panes.contains).map(\.title).joined(separator: ", ") + ")"
                }
                lines.append(("  " + DisplayWidth.pad(b.keyLabel, to: 18) + " " + help, .overlay))
            }
        }
        return lines
    }

    static func drawHelp(scroll: Int, _ state: AppState, _ grid: inout Grid) {
        let lines = helpLines()
        let rect = centered(width: 100, height: lines.count + 4, in: state.size)
        panel(rect, title: "Keys · j/k scroll · Esc closes", &grid)
        let inner = rect.inset(1)
        let visible = max(1, inner.height - 1)
        let top = min(scroll, max(0, lines.count - visible))
        for row in 0..<visible {
            let i = top + row
            guard lines.indices.contains(i) else { break }
            grid.text(lines[i].text, x: inner.x + 1, y: inner.y + row, role: lines[i].role, maxWidth: inner.width - 2)
        }
        if top + visible < lines.count {
            grid.text("▼ more", x: inner.maxX - 8, y: inner.maxY - 1, role: .dim)
        }
    }

    // MARK: quit prompt

    static func drawConfirmQuit(_ state: AppState, _ grid: inout Grid) {
        let rect = centered(width: 64, height: 6, in: state.size)
        panel(rect, title: "Quit?", &grid)
        let n = state.unsavedEdits
        grid.text("\(n) edit\(n == 1 ? " is" : "s are") not saved to disk and would be lost.", x: rect.x + 2, y: rect.y + 2, role: .bad, maxWidth: rect.width - 4)
        grid.text("y quit anyway · n keep editing", x: rect.x + 2, y: rect.y + 3, role: .overlay, maxWidth: rect.width - 4)
    }
}

// MARK: the live meeting's overlays

extension Overlays {
    static func drawConfirmNewWeek(_ state: AppState, _ grid: inout Grid) {
        guard let meeting = state.meeting else { return }
        let open = meeting.actionItems.filter { !$0.done }.count
        let rect = centered(width: 70, height: 8, in: state.size)
        panel(rect, title: "Start next week's meeting?", &grid)
        let lines = [
            "Closes the meeting of \(meeting.date.iso) (it stays in the history and the",
            "minutes), and opens \(meeting.date.adding(days: 7).iso) with the standard agenda,",
            "\(open) open action item\(open == 1 ? "" : "s") carried over and the KPI week moved on.",
            "y start next week · n not now",
        ]
        for (i, line) in lines.enumerated() {
            grid.text(line, x: rect.x + 2, y: rect.y + 2 + i, role: i == 3 ? .titleFocused : .overlay, maxWidth: rect.width - 4)
        }
    }

    /// The capture line sits just above the status bar, with the syntax and any completions.
    static func drawCapture(_ editor: LineEditor, completions: [String], _ state: AppState, _ grid: inout Grid) -> (x: Int, y: Int)? {
        let width = state.size.width
        let rect = Rect(x: 0, y: state.size.height - 4, width: width, height: 3)
        panel(rect, title: "Quick capture · a: owner: action · d: decision · f: stage: friction · anything else: a note", &grid)
        let label = " › "
        let x = rect.x + 1 + grid.text(label, x: rect.x + 1, y: rect.y + 1, role: .titleFocused)
        let fieldWidth = rect.maxX - 1 - x
        grid.fill(Rect(x: x, y: rect.y + 1, width: fieldWidth, height: 1), role: .formFieldFocused)
        var e = editor
        let shown = e.layout(width: fieldWidth)
        grid.text(shown.text, x: x, y: rect.y + 1, role: .formFieldFocused, maxWidth: fieldWidth)
        if !completions.isEmpty {
            grid.text(" Tab: " + completions.prefix(8).joined(separator: " · "), x: rect.x + 1, y: rect.maxY - 1, role: .overlayBorder, maxWidth: rect.width - 2)
        }
        return (x + shown.cursorColumn, rect.y + 1)
    }

    static func drawConflict(theirs: Workspace?, viewing: Bool, _ state: AppState, _ grid: inout Grid) {
        let diff = theirs.map { WorkspaceDiff.lines(mine: state.workspace, theirs: $0) } ?? []
        let height = viewing ? min(state.size.height - 2, diff.count + 9) : 9
        let rect = centered(width: 90, height: height, in: state.size)
        panel(rect, title: "The file changed on disk while you had unsaved edits", &grid)
        var y = rect.y + 2
        let intro = theirs == nil
            ? "\(state.fileLabel) changed on disk and is not valid now. Nothing has been overwritten."
            : "Another program or window saved \(state.fileLabel). Nothing has been overwritten. \(state.unsavedEdits) edit\(state.unsavedEdits == 1 ? " is" : "s are") only here."
        grid.text(intro, x: rect.x + 2, y: y, role: .overlay, maxWidth: rect.width - 4)
        y += 2
        let choices = theirs == nil
            ? [("k", "keep mine; the file on disk is saved as \(state.fileLabel).conflict-TIME")]
            : [("r", "reload theirs, dropping my edits"), ("k", "keep mine; theirs is saved as \(state.fileLabel).conflict-TIME"),
               ("v", viewing ? "hide the differences" : "view both: what differs")]
        for (key, text) in choices {
            let w = grid.text(" \(key) ", x: rect.x + 2, y: y, role: .statusKey)
            grid.text(" " + text, x: rect.x + 2 + w, y: y, role: .overlay, maxWidth: rect.width - 6 - w)
            y += 1
        }
        guard viewing else { return }
        y += 1
        if diff.isEmpty {
            grid.text("The two versions hold the same items.", x: rect.x + 2, y: y, role: .dim, maxWidth: rect.width - 4)
        }
        for line in diff where y < rect.maxY - 1 {
            let role: StyleRole = line.change == "only mine" ? .good : (line.change == "only theirs" ? .accent : .warn)
            let w = grid.text(DisplayWidth.pad(line.change, to: 12), x: rect.x + 2, y: y, role: role)
            grid.text("\(line.kind)\(line.title.isEmpty ? "" : ": " + line.title)", x: rect.x + 2 + w, y: y, role: .overlay, maxWidth: rect.width - 4 - w)
            y += 1
        }
    }
}
