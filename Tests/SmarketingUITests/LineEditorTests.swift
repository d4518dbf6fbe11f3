import Testing
@testable import SmarketingUI

@Suite("Line editor")
struct LineEditorTests {
    @Test func movesAndDeletesWholeCharactersWhateverTheirWidth() {
        var e = LineEditor("渡辺🚀é")
        #expect(e.cursor == 4)
        e.apply(.deleteBackward)
        #expect(e.text == "渡辺🚀")
        e.apply(.cursorLeft)
        e.apply(.deleteBackward)
        #expect(e.text == "渡🚀")
        e.apply(.cursorHome)
        e.apply(.deleteForward)
        #expect(e.text == "🚀")
        e.insert("Zoë ")
        #expect(e.text == "Zoë 🚀")
        #expect(e.cursor == 4)
    }

    @Test func emacsKeys() {
        var e = LineEditor("review the lead definition")
        e.apply(.deleteWordBackward)
        #expect(e.text == "review the lead ")
        e.apply(.deleteWordBackward)
        #expect(e.text == "review the ")
        e.apply(.cursorHome)
        e.apply(.cursorRight)
        e.apply(.killToEnd)
        #expect(e.text == "r")
        e.apply(.cursorEnd)
        e.insert("ead")
        e.apply(.cursorLeft)
        e.apply(.killToStart)
        #expect(e.text == "d")
        #expect(e.cursor == 0)
    }

    @Test func pastedControlCharactersAreDroppedAndLineBreaksBecomeSpaces() {
        var e = LineEditor()
        e.insert("a\u{1B}[2Jb\nc\td\u{7}")
        #expect(e.text == "a[2Jb c d")
    }

    @Test func aHugePasteIsCapped() {
        var e = LineEditor()
        e.insert(String(repeating: "x", count: 10_000))
        #expect(e.characters.count == LineEditor.maximumLength)
        e.insert("more")
        #expect(e.characters.count == LineEditor.maximumLength)
    }

    @Test func layoutScrollsToKeepTheCursorVisibleAndNeverSplitsAWideCharacter() {
        var e = LineEditor("渡辺さんのリード")
        let end = e.layout(width: 8)
        #expect(DisplayWidth.of(end.text) <= 8)
        #expect(end.cursorColumn <= 7)
        #expect(end.text.hasSuffix("リード") || end.text.hasSuffix("ード"))
        e.apply(.cursorHome)
        let start = e.layout(width: 8)
        #expect(start.cursorColumn == 0)
        #expect(start.text.hasPrefix("渡辺"))
        #expect(!start.text.contains("…"))
    }
}

import SmarketingModel

@Suite("Key map")
struct KeyMapTests {
    @Test func noKeyIsBoundTwiceInTheSamePlace() {
        for context in KeyContext.allCases {
            for pane in PaneID.allCases {
                var seen: [Key: Command] = [:]
                for b in KeyMap.bindings where b.context == context && (b.panes?.contains(pane) ?? true) {
                    for key in b.keys {
                        if let earlier = seen[key], earlier != b.command {
                            Issue.record("\(key.label) means both \(earlier) and \(b.command) in \(context) / \(pane)")
                        }
                        seen[key] = b.command
                    }
                }
            }
        }
    }

    @Test func everyDashboardCommandTheIssueAsksForIsBound() {
        let required: [(Key, DashboardCommand)] = [
            (.tab, .nextPane), (.backTab, .previousPane), (.char("1"), .focus(.kpis)), (.char("4"), .focus(.actions)),
            (.up, .up), (.char("k"), .up), (.down, .down), (.char("j"), .down), (.char("g"), .top), (.char("G"), .bottom),
            (.pageUp, .pageUp), (.pageDown, .pageDown), (.home, .top), (.end, .bottom), (.char("a"), .add),
            (.enter, .edit), (.char("e"), .edit), (.char("d"), .delete), (.char("J"), .moveDown), (.char("K"), .moveUp),
            (.shiftUp, .moveUp), (.shiftDown, .moveDown), (.char(" "), .cycleStatus), (.char("u"), .undo), (.ctrl("r"), .redo),
            (.char("?"), .help), (.char("q"), .quit), (.char("z"), .zoom),
        ]
        for (key, command) in required {
            #expect(KeyMap.dashboard(key, pane: .agenda) == command, "\(key.label)")
        }
        for (key, command) in [(Key.left, EditorCommand.cursorLeft), (.right, .cursorRight), (.home, .cursorHome), (.end, .cursorEnd),
                               (.ctrl("a"), .cursorHome), (.ctrl("e"), .cursorEnd), (.backspace, .deleteBackward), (.delete, .deleteForward),
                               (.ctrl("u"), .killToStart), (.ctrl("k"), .killToEnd), (.ctrl("w"), .deleteWordBackward)] {
            #expect(KeyMap.editor(key) == command, "\(key.label)")
        }
        #expect(KeyMap.form(.escape) == .cancel)
        #expect(KeyMap.form(.enter) == .submit)
    }

    @Test func statusBarHintsComeFromTheKeyMap() {
        let hints = KeyMap.hints(in: .normal, pane: .agenda).map(\.label)
        #expect(hints.prefix(4) == ["pane", "add", "edit", "del"])
        #expect(!KeyMap.hints(in: .normal, pane: .kpis).map(\.label).contains("del"))
    }

    @Test func theREADMEKeyListIsTheKeyMap() throws {
        let readme = try String(contentsOf: UIFixture.repository.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "<!-- keys:start -->\n"), let end = readme.range(of: "<!-- keys:end -->") else {
            Issue.record("README.md has no <!-- keys:start --> … <!-- keys:end --> block")
            return
        }
        let table = String(readme[start.upperBound..<end.lowerBound])
        #expect(table == KeyMap.markdownTable(), "the README's key list is out of date; paste KeyMap.markdownTable() (run with SMARKETING_UPDATE_GOLDENS=1 to rewrite it)")
        if table != KeyMap.markdownTable(), ProcessInfo.processInfo.environment["SMARKETING_UPDATE_GOLDENS"] == "1" {
            let updated = readme.replacingCharacters(in: start.upperBound..<end.lowerBound, with: KeyMap.markdownTable())
            try updated.write(to: UIFixture.repository.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        }
    }
}

import Foundation

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
