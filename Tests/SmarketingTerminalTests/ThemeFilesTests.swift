import Foundation
import Testing
import SmarketingModel
import SmarketingTerminal
import SmarketingUI

/// Theme files on disk: where they are searched for, and what the user is told when one is
/// missing, unreadable or wrong. (What a theme file means is pinned by SmarketingUITests.)
@Suite("Theme files")
struct ThemeFilesTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let shipped = ThemeFilesTests.repository.appendingPathComponent("Themes").path

    /// A fresh folder of theme files, removed afterwards.
    static func withThemeFolder(_ files: [String: String], _ body: (String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smk-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        try body(dir.path)
    }

    @Test func aBrokenThemeNamesTheFileAndFieldAndFallsBack() throws {
        try Self.withThemeFolder([
            "broken.json": #"{"name": "broken", "roles": {"header": {"fg": "blu"}}}"#,
            "typo.json": #"{"roles": {"headr": {}}}"#,
            "junk.json": "{ not json",
        ]) { dir in
            let files = ThemeFiles(directories: [dir, shipped])
            let broken = files.load("broken")
            #expect(broken.theme == .builtinDefault)
            #expect(broken.problem == "\(dir)/broken.json: roles.header.fg: \"blu\" is not a colour; use default, a name (red, bright-blue…) or #rrggbb; using the default theme")
            #expect(files.load("typo").problem?.contains("typo.json: roles.headr: unknown role") == true)
            #expect(files.load("junk").problem?.contains("junk.json: invalid JSON at line 1, column 3") == true)
            #expect(files.names().contains("broken"))
        }
    }

    @Test func aMissingThemeListsWhereItLookedAndWhatThereIs() throws {
        try Self.withThemeFolder(["mine.json": "{}"]) { dir in
            let files = ThemeFiles(directories: [dir, shipped])
            let (theme, problem) = files.load("nope")
            #expect(theme == .builtinDefault)
            #expect(problem == "theme nope: not found (looked in \(dir) and the shipped themes: default, light, projector, colorblind, mono, mine); using the default theme")
            #expect(files.load("/no/such/theme.json").problem?.hasPrefix("theme /no/such/theme.json: not found") == true)
        }
    }

    @Test func theDefaultAndMonoNeedNoFiles() {
        let nowhere = ThemeFiles(directories: ["/nonexistent-smarketing-themes"])
        #expect(nowhere.load("default") == (.builtinDefault, nil))
        #expect(nowhere.load("mono") == (.mono, nil))
        #expect(nowhere.names() == ThemeCatalog.shippedNames)
    }

    @Test func anUnreadableThemeSaysSoAndFallsBack() throws {
        try Self.withThemeFolder([:]) { dir in
            // A folder named like a theme exists but cannot be read as one, even by root.
            try FileManager.default.createDirectory(atPath: "\(dir)/odd.json", withIntermediateDirectories: false)
            let (theme, problem) = ThemeFiles(directories: [dir]).load("odd")
            #expect(theme == .builtinDefault)
            #expect(problem?.hasPrefix("\(dir)/odd.json: cannot read the theme (") == true)
            #expect(problem?.hasSuffix("); using the default theme") == true)
        }
    }

    @Test func theUsersFolderComesFirstAndAPathIsTakenAsIs() throws {
        try Self.withThemeFolder(["light.json": #"{"name": "my light", "roles": {}}"#]) { dir in
            let files = ThemeFiles(directories: [dir, shipped])
            #expect(files.path(for: "light") == "\(dir)/light.json")
            #expect(files.load("light").theme.name == "my light")
            #expect(files.path(for: "projector") == "\(shipped)/projector.json")
            #expect(files.load("\(shipped)/projector.json").theme.name == "projector")
        }
    }

    @Test func theSearchFollowsXDGThenHomeThenTheExtraFolderThenTheInstall() {
        let xdg = ThemeFiles(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h", "SMARKETING_THEMES": "/extra"], executable: "/opt/smk/bin/smarketing")
        #expect(Array(xdg.directories.prefix(4)) == ["/x/smarketing/themes", "/extra", "/opt/smk/share/smarketing/themes", "/opt/smk/bin/Themes"])
        #expect(xdg.directories.last == shipped)
        let home = ThemeFiles(environment: ["HOME": "/h"], executable: "/opt/smk/bin/smarketing")
        #expect(home.directories.first == "/h/.config/smarketing/themes")
        #expect(home.load("projector").problem == nil) // found in the checkout's Themes/
    }

    @Test func hostileThemeFileAndFolderNamesAreListedInert() throws {
        let retitle = "\u{1B}]2;pwned\u{07}"
        try Self.withThemeFolder([:]) { root in
            // $XDG_CONFIG_HOME itself and a theme file in it both carry the title sequence.
            let config = "\(root)/conf\(retitle)"
            try FileManager.default.createDirectory(atPath: config + "/smarketing/themes", withIntermediateDirectories: true)
            try "{}".write(toFile: "\(config)/smarketing/themes/evil\(retitle).json", atomically: true, encoding: .utf8)
            let files = ThemeFiles(environment: ["XDG_CONFIG_HOME": config], executable: "/nonexistent/bin/smarketing")
            let missing = try #require(files.load("nosuch").problem)
            #expect(missing.hasPrefix("theme nosuch: not found (looked in \(root)/conf␛]2;pwned␇/smarketing/themes and the shipped themes: "), "\(missing)")
            #expect(missing.contains(", evil␛]2;pwned␇); using the default theme"), "\(missing)")
            #expect(!missing.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })

            // A theme that cannot be read: the reason the system gives names the path too.
            try FileManager.default.createDirectory(atPath: "\(config)/smarketing/themes/odd\(retitle).json", withIntermediateDirectories: false)
            let unreadable = try #require(files.load("odd\(retitle)").problem)
            #expect(unreadable.hasPrefix("\(root)/conf␛]2;pwned␇/smarketing/themes/odd␛]2;pwned␇.json: cannot read the theme ("), "\(unreadable)")
            #expect(!unreadable.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(unreadable.debugDescription)")
        }
    }
}
