import SmarketingModel

/// A colour as a theme gives it: the terminal's default, one of the 16 named colours, or RGB.
public enum ThemeColor: Equatable, Hashable, Sendable {
    case terminalDefault
    case named(Int) // 0–15: black, red, green, yellow, blue, magenta, cyan, white, then the bright ones
    case rgb(UInt8, UInt8, UInt8)

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses `default`, a colour name (`red`, `bright-blue`, `gray`) or `#rrggbb`.
    public init?(_ text: String) {
        let t = text.lowercased()
        if t == "default" { self = .terminalDefault; return }
        if t == "gray" || t == "grey" { self = .named(8); return }
        if let i = ThemeColor.names.firstIndex(of: t) { self = .named(i); return }
        if t.hasPrefix("bright-"), let i = ThemeColor.names.firstIndex(of: String(t.dropFirst(7))) { self = .named(i + 8); return }
        let hex = Array(t.utf8)
        guard hex.count == 7, hex[0] == UInt8(ascii: "#"), let v = UInt32(String(decoding: hex[1...], as: UTF8.self), radix: 16) else { return nil }
        self = .rgb(UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
    }

    /// How the colour is written in a theme file.
    public var text: String {
        switch self {
        case .terminalDefault: return "default"
        case .named(let i): return i < 8 ? ThemeColor.names[i] : "bright-" + ThemeColor.names[i - 8]
        case .rgb(let r, let g, let b):
            func hx(_ v: UInt8) -> String { let s = String(v, radix: 16); return s.count == 1 ? "0" + s : s }
            return "#" + hx(r) + hx(g) + hx(b)
        }
    }

    /// The colour for a terminal with `colors` colours: nil for the default, else a colour number
    /// (0–7, 0–15, 0–255) or, for direct-colour terminals, a 24-bit RGB value.
    public func number(forTerminalColors colors: Int) -> Int? {
        switch self {
        case .terminalDefault:
            return nil
        case .named(let i):
            return colors >= 16 ? i : i % 8
        case .rgb(let r, let g, let b):
            if colors >= 1 << 24 { return Int(r) << 16 | Int(g) << 8 | Int(b) }
            if colors >= 256 { return ThemeColor.nearest256(r, g, b) }
            return ThemeColor.nearest(r, g, b, among: colors >= 16 ? 16 : 8)
        }
    }

    static let ansi: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }

    /// The closest of the first `count` named colours. A grey stays a grey (black, white and, with
    /// 16 colours, the bright ones): a mid grey is nearer cyan than white by distance alone.
    static func nearest(_ r: UInt8, _ g: UInt8, _ b: UInt8, among count: Int) -> Int {
        let c = (Int(r), Int(g), Int(b))
        let isGrey = max(c.0, c.1, c.2) - min(c.0, c.1, c.2) <= 24
        let candidates = isGrey ? [0, 7, 8, 15].filter { $0 < count } : Array(0..<count)
        return candidates.min { distance(ansi[$0], c) < distance(ansi[$1], c) } ?? 0
    }

    /// The closest colour of the xterm 256-colour palette: the 6×6×6 cube or the grey ramp.
    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        let steps = [0, 95, 135, 175, 215, 255]
        func step(_ v: UInt8) -> Int { (0..<6).min { abs(steps[$0] - Int(v)) < abs(steps[$1] - Int(v)) }! }
        let (ri, gi, bi) = (step(r), step(g), step(b))
        let cube = (steps[ri], steps[gi], steps[bi])
        let cubeIndex = 16 + 36 * ri + 6 * gi + bi
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyIndex = min(23, max(0, (average - 8 + 5) / 10))
        let grey = 8 + 10 * greyIndex
        let c = (Int(r), Int(g), Int(b))
        return distance((grey, grey, grey), c) < distance(cube, c) ? 232 + greyIndex : cubeIndex
    }
}

/// How one role looks.
public struct RoleStyle: Equatable, Hashable, Sendable {
    public var fg: ThemeColor
    public var bg: ThemeColor
    public var bold: Bool
    public var dim: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(fg: ThemeColor = .terminalDefault, bg: ThemeColor = .terminalDefault, bold: Bool = false,
                dim: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
    }
}

/// A named set of role styles.
public struct Theme: Equatable, Sendable {
    public var name: String
    public var styles: [StyleRole: RoleStyle]
    /// The terminal's own colours the theme is made for: what `default` stands for. smarketing
    /// never paints these (a theme that wants a background gives every role a `bg`, as the
    /// projector theme does); they say which terminal the theme suits, and the contrast check
    /// measures `default` against them. A dark terminal unless the theme file says otherwise.
    public var terminalForeground: ThemeColor
    public var terminalBackground: ThemeColor

    public static let darkTerminal = (foreground: ThemeColor.rgb(0xD0, 0xD0, 0xD0), background: ThemeColor.rgb(0x1C, 0x1C, 0x1C))

    public init(name: String, styles: [StyleRole: RoleStyle],
                terminalForeground: ThemeColor = Theme.darkTerminal.foreground, terminalBackground: ThemeColor = Theme.darkTerminal.background) {
        self.name = name
        self.styles = styles
        self.terminalForeground = terminalForeground
        self.terminalBackground = terminalBackground
    }

    public func style(_ role: StyleRole) -> RoleStyle { styles[role] ?? RoleStyle() }

    /// The big-digit role for each status role.
    static let digitRoles: [(digits: StyleRole, status: StyleRole)] = [(.digitsGood, .good), (.digitsWarn, .warn), (.digitsBad, .bad)]

    /// How a status looks in big digits when the theme does not say: the status style without
    /// underline. A style that had only underline to tell it apart (the mono theme's `warn`) is
    /// made bold instead, so it still differs from plain text without colour.
    public static func digitsStyle(for status: RoleStyle) -> RoleStyle {
        var style = status
        guard style.underline else { return style }
        style.underline = false
        if style.fg == .terminalDefault, style.bg == .terminalDefault, !style.reverse { style.bold = true }
        return style
    }

    /// Fills in the big-digit roles not in `explicit` from the status roles.
    mutating func deriveDigitRoles(except explicit: Set<StyleRole> = []) {
        for (digits, status) in Theme.digitRoles where !explicit.contains(digits) {
            if let style = styles[status] { styles[digits] = Theme.digitsStyle(for: style) }
        }
    }

    func derivingDigitRoles() -> Theme {
        var theme = self
        theme.deriveDigitRoles()
        return theme
    }
}

/// A theme file that could not be used: the file, the field and what was wrong.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var field: String
    public var message: String

    public var description: String {
        let place = field.isEmpty ? TextSanitizer.visible(path) : "\(TextSanitizer.visible(path)): \(field)"
        return "\(place): \(message)"
    }
}

extension Theme {
    /// Parses a theme file. Roles it leaves out are taken from `base`.
    public static func parse(_ bytes: [UInt8], path: String, base: Theme = .builtinDefault) throws(ThemeError) -> Theme {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw ThemeError(path: path, field: "", message: "invalid JSON at line \(error.line), column \(error.column): \(error.message)")
        }
        guard case .object(let members) = root else { throw ThemeError(path: path, field: "", message: "expected a JSON object") }
        var theme = base
        theme.name = ThemeCatalog.baseName(path)
        var explicit: Set<StyleRole> = []
        for member in members {
            switch member.key {
            case "name":
                guard case .string(let s) = member.value else { throw ThemeError(path: path, field: "name", message: "expected text") }
                theme.name = s
            case "description":
                break
            case "foreground", "background":
                guard case .string(let s) = member.value, let color = ThemeColor(s), color != .terminalDefault else {
                    throw ThemeError(path: path, field: member.key, message: "\(member.value.briefDescription) is not a colour; give the terminal's own \(member.key) this theme is made for, as a name (black, white…) or #rrggbb")
                }
                if member.key == "foreground" { theme.terminalForeground = color } else { theme.terminalBackground = color }
            case "roles":
                guard case .object(let roles) = member.value else { throw ThemeError(path: path, field: "roles", message: "expected an object of role styles") }
                for role in roles {
                    guard let styleRole = StyleRole.allCases.first(where: { $0.key == role.key }) else {
                        throw ThemeError(path: path, field: "roles.\(TextSanitizer.visible(role.key))", message: "unknown role; known roles: \(StyleRole.allCases.map(\.key).joined(separator: ", "))")
                    }
                    theme.styles[styleRole] = try parseStyle(role.value, path: path, field: "roles.\(role.key)")
                    explicit.insert(styleRole)
                }
            default:
                throw ThemeError(path: path, field: TextSanitizer.visible(member.key), message: "unknown field; a theme has \"name\", \"description\", \"foreground\", \"background\" and \"roles\"")
            }
        }
        theme.deriveDigitRoles(except: explicit)
        return theme
    }

    static func parseStyle(_ value: JSONValue, path: String, field: String) throws(ThemeError) -> RoleStyle {
        guard case .object(let members) = value else { throw ThemeError(path: path, field: field, message: "expected an object such as {\"fg\": \"white\", \"bold\": true}") }
        var style = RoleStyle()
        for member in members {
            let f = "\(field).\(TextSanitizer.visible(member.key))"
            switch member.key {
            case "fg", "bg":
                guard case .string(let s) = member.value, let color = ThemeColor(s) else {
                    throw ThemeError(path: path, field: f, message: "\(member.value.briefDescription) is not a colour; use default, a name (red, bright-blue…) or #rrggbb")
                }
                if member.key == "fg" { style.fg = color } else { style.bg = color }
            case "bold", "dim", "underline", "reverse":
                guard case .bool(let b) = member.value else { throw ThemeError(path: path, field: f, message: "expected true or false, found \(member.value.briefDescription)") }
                switch member.key {
                case "bold": style.bold = b
                case "dim": style.dim = b
                case "underline": style.underline = b
                default: style.reverse = b
                }
            default:
                throw ThemeError(path: path, field: f, message: "unknown field; a style has fg, bg, bold, dim, underline and reverse")
            }
        }
        return style
    }
}
