/// A key press, as the backend decodes it. Independent of ncurses.
public enum Key: Hashable, Sendable {
    case char(Character)
    /// Control plus a letter, e.g. `.ctrl("r")` for Ctrl-R.
    case ctrl(Character)
    /// Alt (Meta) plus a character: the terminal sends ESC and the character together. An Alt key
    /// is its own key: where nothing binds it, it does nothing (it is never the plain character).
    case alt(Character)
    case enter
    case escape
    case tab
    case backTab
    case backspace
    case delete
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
    case shiftUp
    case shiftDown
    case function(Int)

    /// How the key is written in help and hints.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-\(c.uppercased())"
        case .alt(let c): return "Alt-\(c)"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .shiftUp: return "Shift-↑"
        case .shiftDown: return "Shift-↓"
        case .function(let n): return "F\(n)"
        }
    }
}
