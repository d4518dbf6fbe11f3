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
    /// have. This golden pins each shipped theme's resolved colours at 256 and 8 colours.
    @Test(arguments: ThemeCatalog.shippedNames)
    func themeSheetGolden(name: String) throws {
        let theme = try shippedTheme(name).theme
        var lines = ["# theme \(name): role → fg/bg at 256 colours, at 8 colours, attributes"]
        for role in StyleRole.allCases {
            let s = theme.style(role)
            func n(_ c: ThemeColor, _ depth: Int) -> String { c.number(forTerminalColors: depth).map(String.init) ?? "-" }
            let attrs = [s.bold ? "bold" : nil, s.dim ? "dim" : nil, s.underline ? "underline" : nil, s.reverse ? "reverse" : nil].compactMap { $0 }
            lines.append("\(role.key): \(n(s.fg, 256))/\(n(s.bg, 256)) \(n(s.fg, 8))/\(n(s.bg, 8)) \(attrs.joined(separator: ","))")
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
}
