/// Everything a key can do. The reducer interprets commands; only the key map knows keys.
public enum Command: Hashable, Sendable {
    // navigation
    case nextPane, previousPane, focus(PaneID)
    case up, down, top, bottom, pageUp, pageDown
    // editing
    case add, addDecision, edit, delete, moveUp, moveDown, cycleStatus, undo, redo
    // the live meeting
    case startMeeting, nextItem, capture, editNotes, acceptSuggestion, dismissSuggestion, newWeek
    // view
    case zoom, toggleResolved, cycleTheme, help, redraw, quit
    // conflicts with the file on disk
    case conflictReload, conflictKeepMine, conflictView
    // capture line
    case complete
    // forms
    case formNext, formPrevious, formSubmit, formCancel, choiceNext, choicePrevious
    // line editor
    case cursorLeft, cursorRight, cursorHome, cursorEnd, deleteBackward, deleteForward
    case killToStart, killToEnd, deleteWordBackward
    // prompts
    case confirm, decline
}

/// Where a binding applies.
public enum KeyContext: String, Sendable, CaseIterable {
    case normal = "Dashboard"
    case form = "Forms"
    case lineEditor = "Line editor"
    case capture = "Quick capture"
    case help = "Help"
    case confirm = "Prompts"
    case conflict = "File changed on disk"
}

/// One row of the key map: the keys, where they apply, what they do, and how to describe them.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    public let context: KeyContext
    public let command: Command
    public let help: String
    /// Shown in the status bar's hints when true.
    public let hint: String?
    /// Panes where the binding applies (nil: all panes).
    public let panes: Set<PaneID>?

    /// The keys as written in help: `j/↓`.
    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}

/// The single table of key bindings. Input handling, the help overlay, the status-bar hints and
/// the README's key list all come from here.
public enum KeyMap {
    private static func bind(_ keys: [Key], _ context: KeyContext, _ command: Command, _ help: String,
                             hint: String? = nil, panes: Set<PaneID>? = nil) -> KeyBinding {
        KeyBinding(keys: keys, context: context, command: command, help: help, hint: hint, panes: panes)
    }

    public static let bindings: [KeyBinding] = [
        // Dashboard: navigation
        bind([.tab], .normal, .nextPane, "next pane", hint: "pane"),
        bind([.backTab], .normal, .previousPane, "previous pane"),
        bind([.char("1")], .normal, .focus(.kpis), "KPIs pane"),
        bind([.char("2")], .normal, .focus(.agenda), "agenda pane"),
        bind([.char("3")], .normal, .focus(.friction), "friction-points pane"),
        bind([.char("4")], .normal, .focus(.actions), "actions & decisions pane"),
        bind([.char("k"), .up], .normal, .up, "move up"),
        bind([.char("j"), .down], .normal, .down, "move down"),
        bind([.char("g"), .home], .normal, .top, "first item"),
        bind([.char("G"), .end], .normal, .bottom, "last item"),
        bind([.pageUp], .normal, .pageUp, "page up"),
        bind([.pageDown], .normal, .pageDown, "page down"),
        bind([.char("h"), .left], .normal, .up, "previous KPI", panes: [.kpis]),
        bind([.char("l"), .right], .normal, .down, "next KPI", panes: [.kpis]),
        // Dashboard: editing
        bind([.char("a")], .normal, .add, "add an item (in the KPI pane: enter a week's numbers)", hint: "add"),
        bind([.char("D")], .normal, .addDecision, "add a decision", hint: "decision", panes: [.actions]),
        bind([.enter, .char("e")], .normal, .edit, "edit the selected item", hint: "edit"),
        bind([.char("d")], .normal, .delete, "delete the selected item (u undoes)", hint: "del", panes: [.agenda, .friction, .actions]),
        bind([.char("K"), .shiftUp], .normal, .moveUp, "move the item up", panes: [.agenda, .friction, .actions]),
        bind([.char("J"), .shiftDown], .normal, .moveDown, "move the item down", panes: [.agenda, .friction, .actions]),
        bind([.char(" ")], .normal, .cycleStatus, "cycle status: agenda pending→active→done, friction open→mitigating→resolved, action done", hint: "status", panes: [.agenda, .friction, .actions]),
        bind([.char("u")], .normal, .undo, "undo the last edit", hint: "undo"),
        bind([.ctrl("r")], .normal, .redo, "redo"),
        // Dashboard: the live meeting
        bind([.char("s")], .normal, .startMeeting, "start the meeting (starts the first pending agenda item)", hint: "start"),
        bind([.char("n")], .normal, .nextItem, "next agenda item: finish the running one, start the next", hint: "next"),
        bind([.char("c")], .normal, .capture, "quick capture: a: owner: text · d: text · f: stage: text · or a note", hint: "capture"),
        bind([.char("N")], .normal, .editNotes, "edit the item's notes (or the meeting's) in $EDITOR"),
        bind([.char("A")], .normal, .acceptSuggestion, "accept the suggested friction point"),
        bind([.char("X")], .normal, .dismissSuggestion, "dismiss the suggested friction point for this week"),
        bind([.char("W")], .normal, .newWeek, "close this meeting and start next week's"),
        // Dashboard: view
        bind([.char("z")], .normal, .zoom, "zoom the focused pane to full screen", hint: "zoom"),
        bind([.char("r")], .normal, .toggleResolved, "show or hide resolved friction points", panes: [.friction]),
        bind([.char("t")], .normal, .cycleTheme, "next colour theme"),
        bind([.ctrl("l")], .normal, .redraw, "redraw the screen"),
        bind([.char("?")], .normal, .help, "help", hint: "help"),
        bind([.char("q")], .normal, .quit, "quit", hint: "quit"),
        // Forms
        bind([.tab, .down], .form, .formNext, "next field", hint: "next"),
        bind([.backTab, .up], .form, .formPrevious, "previous field"),
        bind([.enter], .form, .formSubmit, "save the form", hint: "save"),
        bind([.escape], .form, .formCancel, "cancel", hint: "cancel"),
        bind([.right, .char(" ")], .form, .choiceNext, "next choice (choice fields)"),
        bind([.left], .form, .choicePrevious, "previous choice (choice fields)"),
        // Line editor (text fields)
        bind([.left], .lineEditor, .cursorLeft, "cursor left"),
        bind([.right], .lineEditor, .cursorRight, "cursor right"),
        bind([.home, .ctrl("a")], .lineEditor, .cursorHome, "start of line"),
        bind([.end, .ctrl("e")], .lineEditor, .cursorEnd, "end of line"),
        bind([.backspace], .lineEditor, .deleteBackward, "delete before the cursor"),
        bind([.delete], .lineEditor, .deleteForward, "delete under the cursor"),
        bind([.ctrl("u")], .lineEditor, .killToStart, "delete to the start"),
        bind([.ctrl("k")], .lineEditor, .killToEnd, "delete to the end"),
        bind([.ctrl("w")], .lineEditor, .deleteWordBackward, "delete the word before the cursor"),
        // Quick capture
        bind([.enter], .capture, .formSubmit, "add what was typed", hint: "add"),
        bind([.tab], .capture, .complete, "complete an owner or stage", hint: "complete"),
        bind([.escape], .capture, .formCancel, "cancel", hint: "cancel"),
        // Help and prompts
        bind([.escape, .char("?"), .char("q")], .help, .formCancel, "close help"),
        bind([.char("y")], .confirm, .confirm, "yes"),
        bind([.char("n"), .escape], .confirm, .decline, "no"),
        bind([.char("r")], .conflict, .conflictReload, "reload the file, dropping my unsaved edits", hint: "reload theirs"),
        bind([.char("k")], .conflict, .conflictKeepMine, "keep mine: save my version, put theirs aside as FILE.conflict-TIME", hint: "keep mine"),
        bind([.char("v")], .conflict, .conflictView, "view both versions' differences", hint: "view both"),
    ]

    /// The command for a key in a context (and, in the dashboard, the focused pane).
    public static func command(for key: Key, in context: KeyContext, pane: PaneID? = nil) -> Command? {
        for binding in bindings where binding.context == context && binding.keys.contains(key) {
            if let panes = binding.panes, let pane, !panes.contains(pane) { continue }
            return binding.command
        }
        return nil
    }

    /// The bindings shown as hints in the status bar for a context and pane.
    public static func hints(in context: KeyContext, pane: PaneID?) -> [(keys: String, label: String)] {
        bindings.filter { b in
            b.context == context && b.hint != nil && (b.panes == nil || pane.map { b.panes!.contains($0) } ?? true)
        }.map { (keys: $0.keys[0].label, label: $0.hint!) }
    }

    /// The key list as a Markdown table, as it appears in the README.
    public static func markdownTable() -> String {
        var lines = ["| where | keys | what it does |", "| --- | --- | --- |"]
        for b in bindings {
            let keys = b.keys.map { "`\($0.label == "`" ? "``" : $0.label)`" }.joined(separator: " ")
            var where_ = b.context.rawValue
            if let panes = b.panes { where_ += " (" + PaneID.allCases.filter(panes.contains).map(\.title).joined(separator: ", ") + ")" }
            lines.append("| \(where_) | \(keys) | \(b.help) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
