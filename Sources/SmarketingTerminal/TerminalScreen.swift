import CNcursesw
import SmarketingModel
import SmarketingUI
#if canImport(Glibc)
import Glibc
#endif

/// Why the dashboard cannot start on this terminal.
public struct TerminalUnavailable: Error, CustomStringConvertible {
    public var description: String
}

/// What the terminal delivered.
public enum TerminalEvent: Equatable {
    case key(Key)
    /// Text pasted while bracketed paste was on, as one piece.
    case paste(String)
    case resize(Size)
    /// Nothing arrived before the timeout.
    case timeout
    /// A signal asked us to stop (SIGINT, SIGTERM, SIGHUP or SIGQUIT).
    case stopSignal(Int32)
}

/// The ncurses backend: turns bytes into keys and cells into ncurses calls. It knows nothing of meetings.
public final class TerminalScreen {
    private var screen: OpaquePointer?
    private var previous: Grid?
    /// The locale cannot show more than ASCII: lines become `-|+`, anything else `?` (one per column).
    private let asciiOnly: Bool
    private var roleAttributes: [StyleRole: (attrs: attr_t, pair: Int32)] = [:]
    public private(set) var colors: Int = 0
    private var decoder = InputDecoder()

    /// Bracketed paste: the terminal marks pasted text, so it arrives as one piece and is never
    /// taken for keys. Turned off again on every way out (restore, the editor, crash signals).
    static let bracketedPasteOn = "\u{1B}[?2004h"
    static let bracketedPasteOff = "\u{1B}[?2004l"

    /// Checks that stdin and stdout are a terminal ncurses can drive.
    public static func checkUsable(environment: [String: String]) throws(TerminalUnavailable) {
        if isatty(STDOUT_FILENO) == 0 || isatty(STDIN_FILENO) == 0 {
            throw TerminalUnavailable(description: "the dashboard needs a terminal, but standard \(isatty(STDIN_FILENO) == 0 ? "input" : "output") is not one. In scripts, use `smarketing kpis` or `smarketing export`.")
        }
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" {
            throw TerminalUnavailable(description: "the dashboard needs a capable terminal, but TERM is \(term.isEmpty ? "not set" : "\"dumb\""). Set TERM (for example TERM=xterm-256color), or use `smarketing kpis` or `smarketing export`.")
        }
    }

    /// Takes over the terminal. Signal handlers are installed first, so ncurses leaves them alone.
    public init(theme: Theme, environment: [String: String]) throws(TerminalUnavailable) {
        setlocale(LC_ALL, "")
        TerminalLocale.preferUTF8(environment: environment)
        asciiOnly = !TerminalLocale.isUTF8
        TerminalSignals.install()
        screen = smk_newterm()
        guard screen != nil else {
            TerminalSignals.uninstall()
            let term = getenv("TERM").map { String(cString: $0) } ?? ""
            throw TerminalUnavailable(description: "ncurses cannot drive this terminal (TERM=\(TextSanitizer.visible(term))). Try TERM=xterm-256color.")
        }
        set_term(screen)
        cbreak()
        noecho()
        nonl()
        intrflush(smk_stdscr(), false)
        keypad(smk_stdscr(), true)
        set_escdelay(InputDecoder.ncursesEscapeDelay)
        curs_set(0)
        if has_colors() {
            start_color()
            use_default_colors()
            colors = Int(smk_colors())
        }
        TerminalSignals.prepareRestore(first: Self.bracketedPasteOff)
        setTheme(theme)
        Self.send(Self.bracketedPasteOn)
    }

    /// Writes a mode switch straight to the terminal (ncurses has no call for these).
    private static func send(_ sequence: String) {
        fflush(nil)
        _ = sequence.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
    }

    deinit { restore() }

    /// Gives the terminal back: normal mode, cursor visible, main screen.
    public func restore() {
        guard let s = screen else { return }
        Self.send(Self.bracketedPasteOff)
        curs_set(1)
        endwin()
        delscreen(s)
        screen = nil
        TerminalSignals.uninstall()
    }

    public var size: Size { Size(width: Int(smk_cols()), height: Int(smk_lines())) }

    // MARK: colours

    /// Maps every role to attributes and a colour pair for this terminal's colour depth
    /// (`Theme.terminalStyle` decides what each role gets).
    public func setTheme(_ theme: Theme) {
        var pairs: [String: Int32] = [:]
        var next: Int32 = 1
        roleAttributes.removeAll()
        for role in StyleRole.allCases {
            let style = theme.terminalStyle(role, colors: colors)
            var attrs = smk_a_normal()
            if style.bold { attrs |= smk_a_bold() }
            if style.dim { attrs |= smk_a_dim() }
            if style.underline { attrs |= smk_a_underline() }
            if style.reverse { attrs |= smk_a_reverse() }
            var pair: Int32 = 0
            if colors > 0 {
                let fg = style.fg.map(Int32.init) ?? -1
                let bg = style.bg.map(Int32.init) ?? -1
                if fg != -1 || bg != -1 {
                    let key = "\(fg)/\(bg)"
                    if let existing = pairs[key] {
                        pair = existing
                    } else if next < smk_color_pairs() {
                        init_extended_pair(next, fg, bg)
                        pairs[key] = next
                        pair = next
                        next += 1
                    }
                }
            }
            roleAttributes[role] = (attrs, pair)
        }
        previous = nil // every cell must be drawn again in the new colours
    }

    // MARK: input

    /// Waits up to `timeoutMilliseconds` (negative: forever) until the keyboard or one of `others`
    /// has something, or a signal arrives. Returns which are ready.
    public func wait(timeoutMilliseconds: Int32, others: [Int32]) -> (keyboard: Bool, ready: Set<Int32>) {
        if pushedBack {
            pushedBack = false
            return (true, [])
        }
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
        fds += (others + [TerminalSignals.wakeDescriptor]).filter { $0 >= 0 }.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        let n = poll(&fds, nfds_t(fds.count), timeoutMilliseconds)
        if n < 0 {
            // A signal (a resize, or a request to stop): let the key reader find out which.
            return (true, [])
        }
        let ready = Set(fds.dropFirst().filter { $0.revents != 0 }.map(\.fd))
        // A stop signal counts as input: the key reader reports it.
        return (fds[0].revents != 0 || ready.contains(TerminalSignals.wakeDescriptor), ready)
    }

    /// Puts bytes back in front of the input, as if typed now: keys that arrived before the
    /// screen was set up. ncurses holds a few dozen; more than that is not typed ahead by hand.
    public func pushBack(_ bytes: [UInt8]) {
        for byte in bytes.prefix(64).reversed() { ungetch(Int32(byte)) }
        pushedBack = !bytes.isEmpty
    }

    /// Bytes put back are in ncurses' queue, where `poll` cannot see them: the next wait returns
    /// at once so they are read.
    private var pushedBack = false

    /// The next key, paste, resize or stop signal if one is waiting; `.timeout` when there is
    /// none. Waits only inside an escape sequence that has begun (at most its escape delay).
    public func readPending() -> TerminalEvent {
        if let signal = TerminalSignals.takePending() { return .stopSignal(signal) }
        var source = CursesInput()
        let decoded = decoder.next(&source)
        if let signal = TerminalSignals.takePending() { return .stopSignal(signal) }
        switch decoded {
        case nil: return .timeout
        case .key(let key)?: return .key(key)
        case .paste(let text)?: return .paste(text)
        case .resize?: return .resize(size)
        }
    }

    // MARK: output

    /// Draws a frame, touching only the cells that changed since the last one. ncurses then sends
    /// the terminal only what differs.
    public func draw(_ frame: Frame) {
        let grid = frame.grid
        let full = previous == nil || previous!.size != grid.size
        if full { erase() }
        let width = grid.size.width
        for y in 0..<grid.size.height {
            for x in 0..<width {
                let cell = grid[x, y]
                if !full, let old = previous, old[x, y] == cell { continue }
                if cell.isContinuation {
                    // The right half changed: redraw the wide character it belongs to.
                    if x > 0 { put(grid[x - 1, y], x: x - 1, y: y) }
                    continue
                }
                put(cell, x: x, y: y)
            }
        }
        previous = grid
        if let cursor = frame.cursor {
            curs_set(1)
            move(Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        refresh()
    }

    /// The next draw repaints the whole screen (Ctrl-L, or after the terminal was taken away).
    public func forceRedraw() {
        previous = nil
        smk_clear_on_next_refresh()
    }

    private var buffer = [wchar_t](repeating: 0, count: 6)

    private func put(_ cell: Cell, x: Int, y: Int) {
        let (attrs, pair) = roleAttributes[cell.role] ?? (smk_a_normal(), 0)
        if asciiOnly, let first = cell.character.unicodeScalars.first, first.value > 0x7E || first.value < 0x20 {
            // Never blank: a placeholder for each column the character takes.
            let shown = TerminalScreen.asciiFallback(first)
            for column in 0..<max(1, DisplayWidth.of(cell.character)) {
                buffer[0] = wchar_t(shown.value)
                buffer[1] = 0
                _ = buffer.withUnsafeBufferPointer { smk_put_cell(Int32(y), Int32(x + column), $0.baseAddress, attrs, pair) }
            }
            return
        }
        // The base character and its zero-width marks; joiners, variation selectors and further
        // spacing scalars are dropped so that ncurses, the terminal and the layout agree on width.
        var count = 0
        for scalar in cell.character.unicodeScalars {
            if count == 0 {
                buffer[0] = wchar_t(bitPattern: scalar.value)
                count = 1
                continue
            }
            guard count < 5, scalar.value != 0x200D, scalar.value != 0xFE0F, scalar.value != 0xFE0E,
                  DisplayWidth.width(of: scalar) == 0 else { continue }
            buffer[count] = wchar_t(bitPattern: scalar.value)
            count += 1
        }
        if count == 0 {
            buffer[0] = 0x20
            count = 1
        }
        buffer[count] = 0
        _ = buffer.withUnsafeBufferPointer { smk_put_cell(Int32(y), Int32(x), $0.baseAddress, attrs, pair) }
    }

    /// What an ASCII-only terminal shows for a character: box drawing as lines and corners,
    /// anything else as `?`.
    static func asciiFallback(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550: return "-"
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551: return "|"
        case 0x250C...0x254B, 0x2552...0x256C: return "+"
        case 0xA0, 0x2007, 0x2009: return " "
        // The dashboard's own marks, each as the nearest ASCII.
        case 0xB7, 0x2022, 0x2026: return "."               // · • …
        case 0x2264, 0x2190, 0x25C2, 0x25C0, 0x2039: return "<" // ≤ ← ◂ ◀ ‹
        case 0x2265, 0x2192, 0x25B8, 0x25B6, 0x203A: return ">" // ≥ → ▸ ▶ ›
        case 0x201C, 0x201D, 0x201E: return "\""           // “ ” „
        case 0x2018, 0x2019: return "'"                     // ‘ ’
        case 0x25F4...0x25F7: return "o"                   // ◷ (the meeting clock)
        case 0x25B2, 0x2191: return "^"                     // ▲ ↑
        case 0x25BC, 0x2193: return "v"                     // ▼ ↓
        case 0x25CB, 0x25EF: return "o"                     // ○
        case 0x25CF, 0x25C6, 0x25C7: return "*"             // ● ◆ ◇
        case 0x25D0, 0x25D1: return "~"                     // ◐ (near the target)
        case 0x2713, 0x2714: return "+"                     // ✓
        case 0x2717, 0x2718, 0xD7: return "x"               // ✗ ×
        case 0x2691, 0x26A0: return "!"                     // ⚑ ⚠
        case 0x25AE, 0x2580...0x2590, 0x2596...0x259F: return "#" // ▮, block elements and quadrants
        case 0x25AF, 0x2591...0x2593: return "-"            // ▯ and shades
        case 0x21BB, 0x21BA: return "@"                     // ↻ (carried over)
        case 0x2212, 0x2013, 0x2014: return "-"             // − – —
        default: return "?"
        }
    }

    // MARK: handing the terminal to another program

    /// Leaves curses mode, runs `body` with a normal terminal, and comes back with a full redraw.
    public func suspended<T>(_ body: () throws -> T) rethrows -> T {
        def_prog_mode()
        Self.send(Self.bracketedPasteOff)
        endwin()
        defer {
            reset_prog_mode()
            Self.send(Self.bracketedPasteOn)
            forceRedraw()
        }
        return try body()
    }
}

/// The keyboard through ncurses: characters and the keys its terminfo decodes; raw bytes for a paste.
struct CursesInput: InputSource {
    func unit(waitMilliseconds: Int32) -> InputUnit? {
        timeout(waitMilliseconds)
        var wch: wint_t = 0
        let result = get_wch(&wch)
        if result == smk_err() { return nil }
        if result == smk_key_code_yes() {
            let code = Int32(wch)
            return code == smk_key_resize() ? .resize : .key(KeyDecoder.functionKey(code))
        }
        return .character(UInt32(wch))
    }

    /// Straight from the descriptor: ncurses holds nothing back once a paste's start marker is
    /// read (it reads ahead only inside a key it is matching).
    func bytes(waitMilliseconds: Int32) -> [UInt8]? {
        var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&fd, 1, waitMilliseconds) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = read(STDIN_FILENO, &buffer, buffer.count)
        return n > 0 ? Array(buffer[0..<n]) : nil
    }
}
