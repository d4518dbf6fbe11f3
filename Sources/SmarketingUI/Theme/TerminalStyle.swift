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

extension Theme {
    /// How `role` is drawn on a terminal with `colors` colours (0: none).
    ///
    /// - Without colour (vt100, vt220) a theme's backgrounds vanish, and with them the selected
    ///   row and the focused field: the mono theme's attributes are used instead.
    /// - Below 16 colours, a bright named colour is the base colour in bold.
    /// - Below 256 colours, many terminals (xterm's `boldColors`) show a bold text in one of the
    ///   eight base colours (set by number, not the terminal's default) in its bright twin: bold
    ///   black becomes grey, which washes out on a white background. Bold is dropped there when the bright twin would be harder to read
    ///   against the background than the colour itself.
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
        } else if colors < 256, s.bold, !s.reverse {
            if let fg = out.fg, fg < 8 {
                let background = (s.bg == .terminalDefault ? terminalBackground : s.bg).shown(onTerminalColors: colors) ?? RGB(0, 0, 0)
                let plain = RGB.contrast(RGB.xtermPalette(fg), background)
                let brightened = RGB.contrast(RGB.xtermPalette(fg + 8), background)
                if brightened < plain { out.bold = false }
            }
        }
        return out
    }
}
