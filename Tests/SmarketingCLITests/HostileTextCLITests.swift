import Foundation
import SmarketingModel
import Testing

/// Names that come from outside (arguments, file names, the environment) never reach the terminal
/// raw, and the messages around them say what to do.
@Suite("Hostile names on the command line")
struct HostileTextCLITests {
    /// Retitles an xterm-compatible terminal when written raw.
    static let retitle = "\u{1B}]2;pwned\u{07}"
    static let shown = "␛]2;pwned␇"

    static func expectInert(_ text: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(label) wrote control characters: \(text.debugDescription)",
                sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        (["validate", "SAMPLE", "x\(retitle).json"], "Unexpected argument 'x\(shown).json'"),
        (["validate", "SAMPLE", "--bogus\(retitle)"], "Unknown option '--bogus\(shown)'"),
        (["init", "SCRATCH", "--reps", "5\(retitle)"], "The value '5\(shown)' is invalid for '--reps <count>'"),
        (["kpis", "SAMPLE", "--format", "x\(retitle)"], "The value 'x\(shown)' is invalid for '--format <format>'"),
    ])
    func argumentParserErrorsShowControlCharactersAsPlaceholders(arguments: [String], message: String) throws {
        let dir = Scratch()
        let args = arguments.map { $0 == "SAMPLE" ? CLI.sample("northwind.json") : $0 == "SCRATCH" ? dir.file("new.json") : $0 }
        let r = try CLI.run(args)
        #expect(r.status == 2, "\(args): \(r.stderr)")
        #expect(r.stderr.contains("Error: "), "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stderr.contains("Usage: smarketing"), "the usage lines were lost: \(r.stderr)")
        Self.expectInert(r.stderr + r.stdout, "\(args)")
        expectNoCrash(r)
    }

    @Test func helpAndVersionStillPrintToStdoutAndExit0() throws {
        let help = try CLI.run(["init", "--help"])
        #expect(help.status == 0 && help.stderr.isEmpty)
        #expect(help.stdout.contains("USAGE: smarketing init <file>"))
        #expect(help.stdout.contains("--reps <count>") && help.stdout.hasSuffix("\n"))
        let version = try CLI.run(["--version"])
        #expect(version.status == 0 && version.stdout == "smarketing 0.1.0\n" && version.stderr.isEmpty)
    }

    @Test func aHostileFileNameForTheDashboardIsShownInert() throws {
        let r = try CLI.run(["open", "\(Self.retitle).json"])
        #expect(r.status == 1)
        #expect(r.stderr == "\(Self.shown).json: no such file. Create a workspace there with `smarketing init \(Self.shown).json`.\n")
    }

    @Test func initNamesAHostileFileInert() throws {
        let dir = Scratch()
        let path = dir.file("team\(Self.retitle).json")
        let r = try CLI.run(["init", path, "--team", "Acme\(Self.retitle)", "--date", "2026-11-23"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: path))
        Self.expectInert(r.stdout + r.stderr, "init")
        #expect(r.stdout.contains("Open it with: smarketing '\(dir.path)/team\(Self.shown).json'"), "quoted for the shell: \(r.stdout)")
    }

    @Test func anUnknownTerminalTypeIsNamedInACompleteSentence() throws {
        let r = try CLI.run(["open", CLI.sample("northwind.json")], environment: ["TERM": "smk-no-such-terminal\(Self.retitle)"], withTerminal: true)
        #expect(r.status == 1)
        let output = r.stdout + r.stderr
        #expect(output.contains("smarketing: ncurses cannot drive this terminal (TERM=smk-no-such-terminal\(Self.shown)). Try TERM=xterm-256color."), "\(output.debugDescription)")
        Self.expectInert(output, "the TERM message")
    }
}
