/// What the terminal is sent for one role: colour numbers for its colour depth, and attributes.
/// Decided here, without a terminal, so that what ncurses gets can be tested.
public struct TerminalStyle: Equatable, Hashable, Sendable {
    /// A colour number (or a 24-bit value on direct-colour terminals); nil: the terminal's default.
    public var fg: Int?
    public var bg: Int?
    public var bold = false
    public var dim = false
    public var underline = false
    public var reverse = false

    public init(fg: Int? = nil, bg: Int? = nil, bold: Bool = false, dim: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
    }
}

extension StyleRole {
    /// Drawn large or as shapes rather than read as text: the big digits, bars and sparklines, and
    /// box lines. They need a contrast of 3:1 against their background (WCAG's large text and
    /// graphics); every other role is text and needs 4.5:1.
    public var isLarge: Bool {
        switch self {
        case .digitsGood, .digitsWarn, .digitsBad, .sparkline, .border, .borderFocused, .overlayBorder: return true
        default: return false
        }
    }

    /// The least WCAG 2 contrast ratio the role needs against its background.
    public var minimumContrast: Double { isLarge ? 3 : 4.5 }
}

extension Theme {
    /// How `role` is drawn on a terminal with `colors` colours (0: none).
    ///
    /// - Without colour (vt100, vt220) a theme's backgrounds vanish, and with them the selected
    ///   row and the focused field: the mono theme's attributes are used instead.
    /// - Below 16 colours, a bright named colour is the base colour in bold.
    /// - Below 256 colours the nearest of the 8 or 16 colours can be unreadable (a dark green on
    ///   white becomes green, white on teal becomes white on cyan). Then a bar's background (not
    ///   the page's or the overlay panel's, which other roles sit on) becomes the nearest on which
    ///   the foreground is readable (`minimumContrast`); else the foreground becomes the nearest
    ///   that is readable there, else the most readable one. A status that loses its colour this
    ///   way still shows by its mark.
    /// - Below 256 colours, many terminals (xterm's `boldColors`) show bold text in one of the
    ///   eight base colours (set by number, not the terminal's default) in its bright twin: bold
    ///   black becomes grey, which washes out on a white background. Bold is dropped there when
    ///   the bright twin would be harder to read against the background than the colour itself.
    public func terminalStyle(_ role: StyleRole, colors: Int) -> TerminalStyle {
        guard colors > 0 else {
            let s = Theme.mono.style(role)
            return TerminalStyle(bold: s.bold, dim: s.dim, underline: s.underline, reverse: s.reverse)
        }
        let s = style(role)
        var out = TerminalStyle(fg: s.fg.number(forTerminalColors: colors), bg: s.bg.number(forTerminalColors: colors),
                                bold: s.bold, dim: s.dim, underline: s.underline, reverse: s.reverse)
        if colors < 16, case .named(let i) = s.fg, i >= 8 {
            out.bold = true
            return out
        }
        guard colors < 256, !s.reverse else { return out }
        let palette = 0..<(colors >= 16 ? 16 : 8)
        func shown(_ n: Int?, _ terminal: ThemeColor) -> RGB { n.map(RGB.xtermPalette) ?? terminal.shown(onTerminalColors: colors) ?? RGB(0, 0, 0) }
        func contrast(_ fg: Int?, _ bg: Int?) -> Double { RGB.contrast(shown(fg, terminalForeground), shown(bg, terminalBackground)) }
        // Bold base colours count as their bright twins where that reads better (see below).
        func readable(_ fg: Int?, _ bg: Int?) -> Bool {
            let bright = s.bold && (fg ?? 8) < 8 ? contrast(fg.map { $0 + 8 }, bg) : 0
            return max(contrast(fg, bg), bright) >= role.minimumContrast
        }
        func nearest(_ candidates: [Int], to wanted: RGB) -> Int? {
            func distance(_ n: Int) -> Int {
                let c = RGB.xtermPalette(n)
                return ThemeColor.distance((c.r, c.g, c.b), (wanted.r, wanted.g, wanted.b))
            }
            return candidates.min { distance($0) < distance($1) }
        }
        if !readable(out.fg, out.bg) {
            // A background nearest the theme's that keeps the foreground readable (white on teal
            // stays white, on blue), else a foreground nearest the theme's that is readable.
            // The page and the overlay's panel keep their background: other roles sit on it.
            let (fg, bg) = (out.fg, out.bg)
            let surfaces = [style(.text).bg, style(.overlay).bg, terminalBackground]
            if !surfaces.contains(s.bg), let wanted = s.bg.shown(onTerminalColors: 1 << 24),
               let pick = nearest(palette.filter { readable(fg, $0) }, to: wanted) {
                out.bg = pick
            } else if let wanted = s.fg.shown(onTerminalColors: 1 << 24) {
                out.fg = nearest(palette.filter { readable($0, bg) }, to: wanted) ?? palette.max { contrast($0, bg) < contrast($1, bg) }
            }
        }
        if s.bold, let fg = out.fg, fg < 8, contrast(fg + 8, out.bg) < contrast(fg, out.bg) {
            out.bold = false
        }
        return out
    }
}
