import Foundation
import SmarketingModel
import Testing
@testable import SmarketingUI

@Suite("Themes")
struct ThemeTests {
    let shipped = UIFixture.repository.appendingPathComponent("Themes").path

    /// A shipped theme as the dashboard gets it: the file's bytes, resolved by the catalog.
    /// (Searching folders for theme files is SmarketingTerminal's job: see ThemeFilesTests.)
    func shippedTheme(_ name: String) throws -> (theme: Theme, problem: String?) {
        let path = "\(shipped)/\(name).json"
        return ThemeCatalog.resolve(name, .found(path: path, bytes: try Array(Data(contentsOf: URL(fileURLWithPath: path)))))
    }

    @Test(arguments: ThemeCatalog.shippedNames)
    func everyShippedThemeLoadsAndSetsEveryRole(name: String) throws {
        let path = "\(shipped)/\(name).json"
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        let theme = try Theme.parse(bytes, path: path, base: Theme(name: "empty", styles: [:]))
        #expect(Set(theme.styles.keys) == Set(StyleRole.allCases))
        #expect(theme.name == name)
    }

    @Test func theBuiltInFallbacksMatchTheirFiles() throws {
        let (defaultTheme, problem) = try shippedTheme("default")
        #expect(problem == nil)
        #expect(defaultTheme.styles == Theme.builtinDefault.styles)
        #expect(try shippedTheme("mono").theme.styles == Theme.mono.styles)
    }

    @Test func monoUsesOnlyBoldReverseAndUnderline() {
        for style in Theme.mono.styles.values {
            #expect(style.fg == .terminalDefault && style.bg == .terminalDefault && !style.dim)
        }
    }

    @Test func aUserThemeOverridesOnlyTheRolesItNames() throws {
        let theme = try Theme.parse(Array(##"{"roles": {"bad": {"fg": "#ff00ff", "bold": true}}}"##.utf8), path: "x.json")
        #expect(theme.style(.bad) == RoleStyle(fg: .rgb(255, 0, 255), bold: true))
        #expect(theme.style(.good) == Theme.builtinDefault.style(.good))
    }

    @Test func coloursFallBackFromTruecolorTo256To8() {
        let accent = ThemeColor("#5fafd7")!
        #expect(accent.number(forTerminalColors: 1 << 24) == 0x5FAFD7)
        #expect(accent.number(forTerminalColors: 256) == 74) // xterm 256: 5f af d7
        #expect(accent.number(forTerminalColors: 8) == 6)    // cyan
        #expect(ThemeColor("#303030")!.number(forTerminalColors: 256) == 236)
        #expect(ThemeColor("#ff8700")!.number(forTerminalColors: 8) == 3) // orange → yellow
        #expect(ThemeColor("bright-red")!.number(forTerminalColors: 8) == 1)
        #expect(ThemeColor("bright-red")!.number(forTerminalColors: 256) == 9)
        #expect(ThemeColor("default")!.number(forTerminalColors: 256) == nil)
        #expect(ThemeColor("#12345") == nil && ThemeColor("purple") == nil)
    }

    /// The grid carries roles, not colours, so themes change how roles look, never which roles cells
    /// have. This golden pins what ncurses gets for each shipped theme at 256 and 8 colours.
    @Test(arguments: ThemeCatalog.shippedNames)
    func themeSheetGolden(name: String) throws {
        let theme = try shippedTheme(name).theme
        var lines = ["# theme \(name): role → what ncurses gets at 256 colours | at 8 colours: fg/bg attributes"]
        for role in StyleRole.allCases {
            func shown(_ depth: Int) -> String {
                let s = theme.terminalStyle(role, colors: depth)
                let attrs = [s.bold ? "bold" : nil, s.dim ? "dim" : nil, s.underline ? "underline" : nil, s.reverse ? "reverse" : nil].compactMap { $0 }
                return "\(s.fg.map(String.init) ?? "-")/\(s.bg.map(String.init) ?? "-") \(attrs.joined(separator: ","))"
            }
            lines.append("\(role.key): \(shown(256)) | \(shown(8))")
        }
        let text = lines.joined(separator: "\n") + "\n"
        let url = UIFixture.testsDirectory.appendingPathComponent("Fixtures/themes/\(name).txt")
        if ProcessInfo.processInfo.environment["SMARKETING_UPDATE_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        } else {
            #expect(text == (try String(contentsOf: url, encoding: .utf8)))
        }
    }

    /// Underline on three-row digits reads as a strike-through: no shipped theme puts it there,
    /// and a theme file that leaves the digit roles out gets its status styles without it.
    @Test(arguments: ThemeCatalog.shippedNames)
    func bigDigitsAreNeverUnderlined(name: String) throws {
        let theme = try shippedTheme(name).theme
        for role in [StyleRole.digitsGood, .digitsWarn, .digitsBad] {
            #expect(!theme.style(role).underline, "\(name).\(role.key)")
        }
    }

    @Test func digitRolesComeFromTheStatusRolesWithoutUnderline() throws {
        let theme = try Theme.parse(Array(##"{"roles": {"warn": {"fg": "#875f00", "bold": true, "underline": true}, "digitsBad": {"fg": "#ff0000"}}}"##.utf8), path: "x.json")
        #expect(theme.style(.digitsWarn) == RoleStyle(fg: ThemeColor("#875f00")!, bold: true))
        #expect(theme.style(.digitsBad) == RoleStyle(fg: ThemeColor("#ff0000")!)) // named in the file: kept
        #expect(theme.style(.digitsGood) == Theme.builtinDefault.style(.good))
        // Mono tells warn from plain text by underline only: its digits are bold instead.
        #expect(Theme.mono.style(.digitsWarn) == RoleStyle(bold: true))
        #expect(Theme.mono.style(.digitsBad) == RoleStyle(bold: true))
        #expect(Theme.mono.style(.warn).underline)
    }

    @Test func aThemeSaysWhichTerminalItIsFor() throws {
        let light = try shippedTheme("light").theme
        #expect(light.terminalBackground == ThemeColor("#ffffff") && light.terminalForeground == ThemeColor("#000000"))
        #expect(Theme.builtinDefault.terminalBackground == Theme.darkTerminal.background)
        let bad = #expect(throws: ThemeError.self) { try Theme.parse(Array(#"{"background": "default"}"#.utf8), path: "x.json") }
        #expect(bad?.field == "background")
    }

    /// What ncurses is given. On 8 and 16 colours a bold base colour is often shown bright
    /// (xterm's boldColors): bold black on white became grey on the projector.
    @Test func boldIsDroppedWhereTheTerminalWouldBrightenItIntoTheBackground() throws {
        let projector = try shippedTheme("projector").theme
        #expect(projector.terminalStyle(.text, colors: 8) == TerminalStyle(fg: 0, bg: 7, bold: false))
        #expect(projector.terminalStyle(.text, colors: 256) == TerminalStyle(fg: 16, bg: 231, bold: true))
        // On a dark background the bright twin reads better: bold stays.
        #expect(Theme.builtinDefault.terminalStyle(.bad, colors: 8) == TerminalStyle(fg: 1, bg: nil, bold: true))
        // A bright named colour on 8 colours is its base colour in bold.
        var theme = Theme.builtinDefault
        theme.styles[.dim] = RoleStyle(fg: ThemeColor("bright-black")!)
        #expect(theme.terminalStyle(.dim, colors: 8) == TerminalStyle(fg: 0, bg: nil, bold: true))
        // No colour at all: the mono theme's attributes.
        #expect(projector.terminalStyle(.selection, colors: 0) == TerminalStyle(reverse: true))
    }
}
