import Foundation
import Testing
@testable import SmarketingUI

/// Every shipped theme is legible: each role's foreground against its background has a WCAG 2
/// contrast ratio of at least 4.5:1 for text and 3:1 for large digits, bars and lines, as the
/// colours are given (a direct-colour terminal) and as the nearest colour of the xterm
/// 256-colour palette (what most terminals get). `default` is the terminal's own colour, taken to
/// be the theme file's `foreground` / `background`: dark for default and colorblind, light for
/// light; the projector theme paints every cell white. Read from the files in `Themes/`.
@Suite("Themes: contrast")
struct ThemeContrastTests {
    /// Drawn large or as shapes, not read as text: 3:1 (WCAG's large text and graphics). The rest
    /// are text: 4.5:1. (`StyleRole.isLarge`, which the 8- and 16-colour fallback also uses.)
    static let largeRoles: Set<StyleRole> = [.digitsGood, .digitsWarn, .digitsBad, .border, .borderFocused, .overlayBorder, .sparkline]

    static func minimum(_ role: StyleRole) -> Double { largeRoles.contains(role) ? 3 : 4.5 }

    @Test func theLargeRolesAreTheOnesTheTerminalEdgeTreatsAsLarge() {
        #expect(Set(StyleRole.allCases.filter(\.isLarge)) == Self.largeRoles)
        #expect(StyleRole.text.minimumContrast == 4.5 && StyleRole.digitsWarn.minimumContrast == 3)
    }

    static func theme(_ name: String) throws -> Theme {
        let path = UIFixture.repository.appendingPathComponent("Themes/\(name).json").path
        return try Theme.parse(Array(Data(contentsOf: URL(fileURLWithPath: path))), path: path, base: Theme(name: "empty", styles: [:]))
    }

    /// What one role shows at a colour depth: its foreground and background, `default` resolved.
    static func colours(_ theme: Theme, _ role: StyleRole, colors: Int) -> (fg: RGB, bg: RGB) {
        let style = theme.style(role)
        func shown(_ c: ThemeColor, _ otherwise: ThemeColor) -> RGB {
            (c == .terminalDefault ? otherwise : c).shown(onTerminalColors: colors) ?? RGB(0, 0, 0)
        }
        let fg = shown(style.fg, theme.terminalForeground), bg = shown(style.bg, theme.terminalBackground)
        return style.reverse ? (bg, fg) : (fg, bg)
    }

    /// On 8 colours (TERM=xterm), as ncurses is told to draw it (`Theme.terminalStyle`) in xterm's
    /// palette; a bold base colour counts as its bright twin where that reads better, as xterm
    /// shows it.
    @Test(arguments: ThemeCatalog.shippedNames)
    func everyRoleIsLegibleOnEightColours(name: String) throws {
        let theme = try Self.theme(name)
        for role in StyleRole.allCases {
            let t = theme.terminalStyle(role, colors: 8)
            func shown(_ n: Int?, _ terminal: ThemeColor) -> RGB { n.map(RGB.xtermPalette) ?? terminal.shown(onTerminalColors: 8)! }
            var (fg, bg) = (shown(t.fg, theme.terminalForeground), shown(t.bg, theme.terminalBackground))
            if t.reverse { (fg, bg) = (bg, fg) }
            var ratio = RGB.contrast(fg, bg)
            if t.bold, let n = t.fg, n < 8 { ratio = max(ratio, RGB.contrast(RGB.xtermPalette(n + 8), bg)) }
            #expect(ratio >= Self.minimum(role), "\(name).\(role.key) at 8 colours: \(fg) on \(bg) is \((ratio * 100).rounded() / 100):1, needs \(Self.minimum(role)):1")
        }
    }

    @Test(arguments: ThemeCatalog.shippedNames)
    func everyRoleIsLegibleOnItsBackground(name: String) throws {
        let theme = try Self.theme(name)
        for role in StyleRole.allCases {
            // The dim attribute halves a colour by an amount each terminal picks: no ratio can be promised.
            #expect(!theme.style(role).dim, "\(name).\(role.key) uses the dim attribute")
            for colors in [1 << 24, 256] {
                let (fg, bg) = Self.colours(theme, role, colors: colors)
                let ratio = RGB.contrast(fg, bg)
                #expect(ratio >= Self.minimum(role),
                        "\(name).\(role.key) at \(colors == 256 ? "256 colours" : "24-bit"): \(fg) on \(bg) is \((ratio * 100).rounded() / 100):1, needs \(Self.minimum(role)):1")
            }
        }
    }

    @Test func theRatioIsWCAGs() {
        #expect(RGB.contrast(RGB(0, 0, 0), RGB(255, 255, 255)) == 21)
        #expect(RGB.contrast(RGB(119, 119, 119), RGB(255, 255, 255)) > 4.47)
        #expect(RGB.contrast(RGB(119, 119, 119), RGB(255, 255, 255)) < 4.49)
        #expect(RGB.contrast(RGB(255, 0, 0), RGB(255, 0, 0)) == 1)
    }

    /// The check can fail: the old default's grey secondary text on a dark terminal did.
    @Test func aGreySecondaryTextOnDarkFails() throws {
        var theme = try Self.theme("default")
        theme.styles[.dim] = RoleStyle(fg: ThemeColor("bright-black")!)
        let (fg, bg) = Self.colours(theme, .dim, colors: 256)
        #expect(RGB.contrast(fg, bg) < 4.5)
    }

    @Test func thePaletteIsXterms() {
        #expect(RGB.xtermPalette(1) == RGB(205, 0, 0))
        #expect(RGB.xtermPalette(16) == RGB(0, 0, 0))
        #expect(RGB.xtermPalette(74) == RGB(0x5F, 0xAF, 0xD7))
        #expect(RGB.xtermPalette(231) == RGB(255, 255, 255))
        #expect(RGB.xtermPalette(232) == RGB(8, 8, 8))
        #expect(RGB.xtermPalette(255) == RGB(238, 238, 238))
        #expect(ThemeColor("#3a3a3a")!.shown(onTerminalColors: 256) == RGB(58, 58, 58))
        #expect(ThemeColor("#3a3a3a")!.shown(onTerminalColors: 1 << 24) == RGB(58, 58, 58))
        #expect(ThemeColor("default")!.shown(onTerminalColors: 256) == nil)
    }
}
