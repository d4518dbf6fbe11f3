/// What a key does on the dashboard. Each context has its own command set, and each handler
/// switches over its set exhaustively, so a bound key without a handler does not compile.
public enum DashboardCommand: Hashable, Sendable {
    // navigation
    case nextPane, previousPane, focus(PaneID)
    case up, down, top, bottom, pageUp, pageDown
    // editing
    case add, addDecision, edit, delete, moveUp, moveDown, cycleStatus, undo, redo, saveCopy, teamSettings, saveStandingAgenda
    // the team
    case people
    // the live meeting
    case startMeeting, nextItem, endMeeting, capture, editNotes, acceptSuggestion, dismissSuggestion, newWeek, owed, definitions
    // view
    case zoom, toggleResolved, cycleTheme, help, redraw, quit
}

extension DashboardCommand {
    /// The help overlay's group for the command; the meeting's keys come first.
    public var helpGroup: String {
        switch self {
        case .startMeeting, .nextItem, .endMeeting, .capture, .editNotes, .acceptSuggestion, .dismissSuggestion, .newWeek, .owed, .people, .definitions:
            return "Running the meeting"
        case .nextPane, .previousPane, .focus, .up, .down, .top, .bottom, .pageUp, .pageDown:
            return "Moving around"
        case .add, .addDecision, .edit, .delete, .moveUp, .moveDown, .cycleStatus, .undo, .redo, .saveCopy, .teamSettings, .saveStandingAgenda:
            return "Editing"
        case .zoom, .toggleResolved, .cycleTheme, .help, .redraw, .quit:
            return "View"
        }
    }
}

/// What a key does in a form (the focused text field's editing keys come first: `EditorCommand`).
public enum FormCommand: Hashable, Sendable {
    /// Tab: in an owner field, completes the name from the roster first; otherwise `next`.
    case completeOrNext
    case next, previous, submit, cancel, choiceNext, choicePrevious
}

/// Editing keys of a one-line text field, in forms and in quick capture.
public enum EditorCommand: Hashable, Sendable {
    case cursorLeft, cursorRight, cursorHome, cursorEnd, deleteBackward, deleteForward
    case killToStart, killToEnd, deleteWordBackward
}

/// What a key does on the quick-capture line.
public enum CaptureCommand: Hashable, Sendable {
    case submit, complete, cancel
}

/// What a key does while help is open.
public enum HelpCommand: Hashable, Sendable {
    case close, scrollUp, scrollDown, pageUp, pageDown
}

/// The answer to a yes/no prompt.
public enum PromptCommand: Hashable, Sendable {
    case confirm, decline
}

/// What a key does in "who owes what", the open action items by owner.
public enum OwedCommand: Hashable, Sendable {
    case up, down, markDone, close
}

/// What a key does in "People & attendance", the roster with this meeting's attendance.
public enum PeopleCommand: Hashable, Sendable {
    case up, down, toggleAttendance, allPresent, add, edit, remove, importNames, undo, redo, close
}

/// What a key does in the team's definitions (`I`).
public enum DefinitionsCommand: Hashable, Sendable {
    case up, down, pageUp, pageDown, edit, editInEditor, toggleAgreed, addPersona, deletePersona, undo, close
}

/// The chair's choice when the file changed on disk under unsaved edits.
public enum ConflictCommand: Hashable, Sendable {
    case reload, keepMine, view
}

/// A command of any context, as the key map's table holds it; the case says where it applies.
public enum Command: Hashable, Sendable {
    case dashboard(DashboardCommand)
    case form(FormCommand)
    case editor(EditorCommand)
    case capture(CaptureCommand)
    case help(HelpCommand)
    case prompt(PromptCommand)
    case conflict(ConflictCommand)
    case owed(OwedCommand)
    case people(PeopleCommand)
    case definitions(DefinitionsCommand)

    public var context: KeyContext {
        switch self {
        case .dashboard: return .normal
        case .form: return .form
        case .editor: return .lineEditor
        case .capture: return .capture
        case .help: return .help
        case .prompt: return .confirm
        case .conflict: return .conflict
        case .owed: return .owed
        case .people: return .people
        case .definitions: return .definitions
        }
    }
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
    case owed = "Who owes what"
    case people = "People & attendance"
    case definitions = "Definitions"
}

/// One row of the key map: the keys, where they apply, what they do, and how to describe them.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    public let command: Command
    public let help: String
    /// Shown in the status bar's hints when true.
    public let hint: String?
    /// Panes where the binding applies (nil: all panes).
    public let panes: Set<PaneID>?

    public var context: KeyContext { command.context }

    /// The keys as written in help: `j/↓`.
    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}

/// The single table of key bindings. Input handling, the help overlay, the status-bar hints and
/// the README's key list all come from here.
public enum KeyMap {
    private static func bind(_ keys: [Key], _ command: Command, _ help: String,
                             hint: String? = nil, panes: Set<PaneID>? = nil) -> KeyBinding {
        KeyBinding(keys: keys, command: command, help: help, hint: hint, panes: panes)
    }

    public static let bindings: [KeyBinding] = [
        // Dashboard: navigation
        bind([.tab], .dashboard(.nextPane), "next pane", hint: "pane"),
        bind([.backTab], .dashboard(.previousPane), "previous pane"),
        bind([.char("1")], .dashboard(.focus(.kpis)), "KPIs pane"),
        bind([.char("2")], .dashboard(.focus(.agenda)), "agenda pane"),
        bind([.char("3")], .dashboard(.focus(.friction)), "friction-points pane"),
        bind([.char("4")], .dashboard(.focus(.actions)), "actions & decisions pane"),
        bind([.char("k"), .up], .dashboard(.up), "move up"),
        bind([.char("j"), .down], .dashboard(.down), "move down"),
        bind([.char("g"), .home], .dashboard(.top), "first item"),
        bind([.char("G"), .end], .dashboard(.bottom), "last item"),
        bind([.pageUp], .dashboard(.pageUp), "page up"),
        bind([.pageDown], .dashboard(.pageDown), "page down"),
        bind([.char("h"), .left], .dashboard(.up), "previous KPI", panes: [.kpis]),
        bind([.char("l"), .right], .dashboard(.down), "next KPI", panes: [.kpis]),
        // Dashboard: editing
        bind([.char("a")], .dashboard(.add), "add an item (in the KPI pane: enter a week's numbers)", hint: "add"),
        bind([.char("D")], .dashboard(.addDecision), "add a decision", hint: "decision", panes: [.actions]),
        bind([.enter, .char("e")], .dashboard(.edit), "edit the selected item", hint: "edit"),
        bind([.char("d")], .dashboard(.delete), "delete the selected item (u undoes)", hint: "del", panes: [.agenda, .friction, .actions]),
        bind([.char("K"), .shiftUp], .dashboard(.moveUp), "move the item up", panes: [.agenda, .friction, .actions]),
        bind([.char("J"), .shiftDown], .dashboard(.moveDown), "move the item down", panes: [.agenda, .friction, .actions]),
        bind([.char(" ")], .dashboard(.cycleStatus), "cycle status: agenda pending→active→done, friction open→mitigating→resolved, action done", hint: "status", panes: [.agenda, .friction, .actions]),
        bind([.char("u")], .dashboard(.undo), "undo the last edit", hint: "undo"),
        bind([.ctrl("r")], .dashboard(.redo), "redo"),
        bind([.char("T")], .dashboard(.teamSettings), "team & targets: name, reps, currency, week start, meeting length, the four KPI targets, the lead SLA"),
        bind([.char("M")], .dashboard(.saveStandingAgenda), "make this agenda the standing agenda: each new week (W) starts from it", panes: [.agenda]),
        bind([.char("S")], .dashboard(.saveCopy), "save a copy under a new name (e.g. when the file is read-only); later edits go to the copy"),
        // Dashboard: the live meeting
        bind([.char("s")], .dashboard(.startMeeting), "start the meeting (starts the first pending agenda item)", hint: "start"),
        bind([.char("n")], .dashboard(.nextItem), "next agenda item: finish the running one, start the next", hint: "next"),
        bind([.char("E")], .dashboard(.endMeeting), "end the meeting: stop the clock and record the running item's time"),
        bind([.char("c")], .dashboard(.capture), "quick capture: a: owner: text · d: text · f: stage: text · or a note", hint: "capture"),
        bind([.char("N")], .dashboard(.editNotes), "edit the item's notes (or the meeting's) in $EDITOR"),
        bind([.char("A")], .dashboard(.acceptSuggestion), "accept the suggested friction point"),
        bind([.char("X")], .dashboard(.dismissSuggestion), "dismiss the suggested friction point for this week"),
        bind([.char("W")], .dashboard(.newWeek), "close this meeting and start next week's"),
        bind([.char("O")], .dashboard(.owed), "who owes what: open action items by owner, overdue first"),
        bind([.char("P")], .dashboard(.people), "people & attendance: the roster, and who is here today"),
        bind([.char("I")], .dashboard(.definitions), "the team's definitions: ideal lead, personas, lead/MQL/SQL/opportunity, the SLA in words"),
        // Dashboard: view
        bind([.char("z")], .dashboard(.zoom), "zoom the focused pane to full screen", hint: "zoom"),
        bind([.char("r")], .dashboard(.toggleResolved), "show or hide resolved friction points", panes: [.friction]),
        bind([.char("t")], .dashboard(.cycleTheme), "next colour theme"),
        bind([.ctrl("l")], .dashboard(.redraw), "redraw the screen"),
        bind([.char("?")], .dashboard(.help), "help", hint: "help"),
        bind([.char("q")], .dashboard(.quit), "quit", hint: "quit"),
        // Forms
        bind([.tab], .form(.completeOrNext), "next field; in an owner field, first completes the name from the roster", hint: "next"),
        bind([.down], .form(.next), "next field"),
        bind([.backTab, .up], .form(.previous), "previous field"),
        bind([.enter], .form(.submit), "save the form", hint: "save"),
        bind([.escape], .form(.cancel), "cancel (asks first when something was typed; so does Ctrl-C)", hint: "cancel"),
        bind([.right, .char(" ")], .form(.choiceNext), "next choice (choice fields)"),
        bind([.left], .form(.choicePrevious), "previous choice (choice fields)"),
        // Line editor (text fields)
        bind([.left], .editor(.cursorLeft), "cursor left"),
        bind([.right], .editor(.cursorRight), "cursor right"),
        bind([.home, .ctrl("a")], .editor(.cursorHome), "start of line"),
        bind([.end, .ctrl("e")], .editor(.cursorEnd), "end of line"),
        bind([.backspace], .editor(.deleteBackward), "delete before the cursor"),
        bind([.delete], .editor(.deleteForward), "delete under the cursor"),
        bind([.ctrl("u")], .editor(.killToStart), "delete to the start"),
        bind([.ctrl("k")], .editor(.killToEnd), "delete to the end"),
        bind([.ctrl("w")], .editor(.deleteWordBackward), "delete the word before the cursor"),
        // Quick capture
        bind([.enter], .capture(.submit), "add what was typed", hint: "add"),
        bind([.tab], .capture(.complete), "complete an owner or stage", hint: "complete"),
        bind([.escape], .capture(.cancel), "cancel (asks first when something was typed; so does Ctrl-C)", hint: "cancel"),
        // Help and prompts
        bind([.escape, .char("?"), .char("q")], .help(.close), "close help"),
        bind([.char("j"), .down], .help(.scrollDown), "scroll down"),
        bind([.char("k"), .up], .help(.scrollUp), "scroll up"),
        bind([.pageDown], .help(.pageDown), "page down"),
        bind([.pageUp], .help(.pageUp), "page up"),
        bind([.char("y")], .prompt(.confirm), "yes"),
        bind([.char("n"), .escape], .prompt(.decline), "no"),
        bind([.char("j"), .down], .owed(.down), "next item"),
        bind([.char("k"), .up], .owed(.up), "previous item"),
        bind([.char(" ")], .owed(.markDone), "mark the item done (u undoes, after closing)"),
        bind([.escape, .char("O"), .char("q")], .owed(.close), "close"),
        bind([.char("j"), .down], .people(.down), "next person"),
        bind([.char("k"), .up], .people(.up), "previous person"),
        bind([.char(" ")], .people(.toggleAttendance), "mark present / absent at this meeting"),
        bind([.char("A")], .people(.allPresent), "mark everyone not yet marked present"),
        bind([.char("a")], .people(.add), "add a person to the roster"),
        bind([.enter, .char("e")], .people(.edit), "edit the person: name (renamed everywhere), side, short name"),
        bind([.char("d")], .people(.remove), "remove the person from the roster (items they own keep the name; u undoes)"),
        bind([.char("i")], .people(.importNames), "add every name the workspace already knows to the roster (side other)"),
        bind([.char("u")], .people(.undo), "undo the last edit"),
        bind([.ctrl("r")], .people(.redo), "redo"),
        bind([.escape, .char("P"), .char("q")], .people(.close), "close"),
        bind([.char("j"), .down], .definitions(.down), "next definition", hint: "move"),
        bind([.char("k"), .up], .definitions(.up), "previous definition"),
        bind([.pageDown], .definitions(.pageDown), "page down (a long definition scrolls first)"),
        bind([.pageUp], .definitions(.pageUp), "page up"),
        bind([.enter, .char("e")], .definitions(.edit), "edit the definition in a form", hint: "edit"),
        bind([.char("E")], .definitions(.editInEditor), "edit it in $EDITOR (a persona as \"Label: value\" lines)", hint: "$EDITOR"),
        bind([.char(" "), .char("g")], .definitions(.toggleAgreed), "mark it agreed, or back to draft", hint: "agreed/draft"),
        bind([.char("a")], .definitions(.addPersona), "add a buyer persona", hint: "persona"),
        bind([.char("d")], .definitions(.deletePersona), "delete the selected persona (u undoes)"),
        bind([.char("u")], .definitions(.undo), "undo the last edit"),
        bind([.escape, .char("I"), .char("q")], .definitions(.close), "close", hint: "close"),
        bind([.char("r")], .conflict(.reload), "reload the file, dropping my unsaved edits", hint: "reload theirs"),
        bind([.char("k")], .conflict(.keepMine), "keep mine: save my version, put theirs aside as FILE.conflict-TIME", hint: "keep mine"),
        bind([.char("v")], .conflict(.view), "view both versions' differences", hint: "view both"),
    ]

    /// The command bound to a key in a context (and, on the dashboard, the focused pane).
    public static func command(for key: Key, in context: KeyContext, pane: PaneID? = nil) -> Command? {
        for binding in bindings where binding.context == context && binding.keys.contains(key) {
            if let panes = binding.panes, let pane, !panes.contains(pane) { continue }
            return binding.command
        }
        return nil
    }

    public static func dashboard(_ key: Key, pane: PaneID) -> DashboardCommand? {
        if case .dashboard(let c)? = command(for: key, in: .normal, pane: pane) { return c }
        return nil
    }

    public static func form(_ key: Key) -> FormCommand? {
        if case .form(let c)? = command(for: key, in: .form) { return c }
        return nil
    }

    public static func editor(_ key: Key) -> EditorCommand? {
        if case .editor(let c)? = command(for: key, in: .lineEditor) { return c }
        return nil
    }

    public static func capture(_ key: Key) -> CaptureCommand? {
        if case .capture(let c)? = command(for: key, in: .capture) { return c }
        return nil
    }

    public static func owed(_ key: Key) -> OwedCommand? {
        if case .owed(let c)? = command(for: key, in: .owed) { return c }
        return nil
    }

    public static func people(_ key: Key) -> PeopleCommand? {
        if case .people(let c)? = command(for: key, in: .people) { return c }
        return nil
    }

    public static func definitions(_ key: Key) -> DefinitionsCommand? {
        if case .definitions(let c)? = command(for: key, in: .definitions) { return c }
        return nil
    }

    public static func help(_ key: Key) -> HelpCommand? {
        if case .help(let c)? = command(for: key, in: .help) { return c }
        return nil
    }

    public static func prompt(_ key: Key) -> PromptCommand? {
        if case .prompt(let c)? = command(for: key, in: .confirm) { return c }
        return nil
    }

    public static func conflict(_ key: Key) -> ConflictCommand? {
        if case .conflict(let c)? = command(for: key, in: .conflict) { return c }
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
