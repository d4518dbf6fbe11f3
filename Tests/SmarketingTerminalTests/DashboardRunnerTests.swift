import Foundation
import SmarketingModel
import SmarketingTerminal
import SmarketingUI
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The runner's event loop on a fake terminal: quitting, failed saves, conflicts, the editor,
/// resizes and stop signals, each checked against the real file on disk.
@Suite("Dashboard runner")
struct DashboardRunnerTests {
    let clock = FakeClock(Timestamp(iso: "2026-11-23T09:41:00Z")!)

    func run(_ scratch: ScratchWorkspace, store: MeetingStore? = nil, size: Size = Size(width: 100, height: 30), theme: String? = nil,
             environment: [String: String] = [:], editor: ((String) -> Result<String, NotesEditFailure>)? = nil,
             _ steps: [FakeTerminal.Step]) throws -> (DashboardRunner.Outcome, FakeTerminal) {
        let store = store ?? MeetingStore(path: scratch.path)
        let workspace = try store.load()
        let terminal = FakeTerminal(size: size, steps)
        let env = ["TERM": "xterm-256color", "HOME": scratch.directory].merging(environment) { $1 }
        let runner = DashboardRunner(store: store, options: .init(theme: theme, environment: env,
                                                                          clock: clock, editor: editor))
        let outcome = runner.run(workspace: workspace, on: terminal)
        #expect(terminal.restored, "the terminal was not given back")
        #expect(terminal.missed.isEmpty, "never appeared on screen: \(terminal.missed)")
        return (outcome, terminal)
    }

    @Test func quittingWaitsForTheSaveUnderWayAndKeepsTheEdit() throws {
        let scratch = try ScratchWorkspace()
        let (outcome, terminal) = try run(scratch, [.until("Agenda"), .input([.key(.char(" ")), .key(.char("q"))])])
        #expect(outcome.exitCode == 0)
        #expect(!terminal.ranOut, "q did not quit")
        #expect(try scratch.load().currentMeeting?.agenda[0].status == .active)
    }

    @Test func aFailedSaveAsksBeforeQuittingAndYesLeavesTheFileAsItWas() throws {
        let scratch = try ScratchWorkspace()
        let before = try String(contentsOfFile: scratch.path, encoding: .utf8)
        let failing = MeetingStore(path: scratch.path, faults: WriteFaults(failAfterBytes: 0))
        let (outcome, terminal) = try run(scratch, store: failing, [
            .until("Agenda"), .input([.key(.char(" "))]), .until("NOT SAVED"),
            .input([.key(.char("q"))]), .until("not saved to the file"),
            .input([.key(.char("y"))]),
        ])
        #expect(outcome.exitCode == 0 && !terminal.ranOut)
        #expect(try String(contentsOfFile: scratch.path, encoding: .utf8) == before)
        // Quitting past a failed save writes the edits to a copy, with the workspace's mode.
        let copy = try #require(scratch.files.first { $0.contains(".unsaved-") })
        #expect(outcome.messages.contains { $0.contains("your edits are in") && $0.contains(copy) })
        #expect(try MeetingStore(path: scratch.directory + "/" + copy).load().currentMeeting?.agenda[0].status == .active)
    }

    @Test func aChangeOnDiskUnderAnEditIsAConflictAndKeepMineKeepsBothVersions() throws {
        let scratch = try ScratchWorkspace()
        var theirs = try scratch.load()
        theirs.team.name = "Renamed elsewhere"
        let (outcome, terminal) = try run(scratch, [
            .until("Agenda"),
            .perform { try? AtomicFile.write(MeetingStore.encode(theirs), to: scratch.path) },
            .input([.key(.char(" "))]),
            .until("CONFLICT"),
            .input([.key(.char("k"))]), .until("Kept your version"),
            .input([.key(.char("q"))]),
        ])
        #expect(outcome.exitCode == 0 && !terminal.ranOut)
        let mine = try scratch.load()
        #expect(mine.currentMeeting?.agenda[0].status == .active && mine.team.name != "Renamed elsewhere")
        let copies = scratch.files.filter { $0.contains(".conflict-") }
        #expect(copies.count == 1)
        if let copy = copies.first {
            #expect(try MeetingStore(path: scratch.directory + "/" + copy).load().team.name == "Renamed elsewhere")
        }
    }

    /// Another program writes after the save's check and before its rename: the chair's edit is
    /// in the file, theirs in a conflict copy, and the screen names the copy.
    @Test func aWriteRacingASaveIsKeptAsideAndTheChairIsTold() throws {
        let scratch = try ScratchWorkspace()
        var theirs = try scratch.load()
        theirs.team.name = "Raced"
        let bytes = MeetingStore.encode(theirs)
        let once = Once(), path = scratch.path
        let store = MeetingStore(path: path, faults: WriteFaults(beforeRename: {
            if once.first { try? AtomicFile.write(bytes, to: path) }
        }))
        let (outcome, terminal) = try run(scratch, store: store, [
            .until("Agenda"), .input([.key(.char(" "))]), .until("Theirs kept as team.json.conflict-"),
            .input([.key(.char("q"))]),
        ])
        #expect(outcome.exitCode == 0 && !terminal.ranOut)
        let mine = try scratch.load()
        #expect(mine.currentMeeting?.agenda[0].status == .active && mine.team.name != "Raced")
        let copies = scratch.files.filter { $0.contains(".conflict-") }
        #expect(copies.count == 1)
        if let copy = copies.first {
            #expect(try MeetingStore(path: scratch.directory + "/" + copy).load().team.name == "Raced")
            #expect(terminal.screens.contains { $0.contains("Theirs kept as \(copy)") })
        }
    }

    @Test func anExternalChangeWithNothingUnsavedIsTakenQuietlyAndOwnSavesAreNot() throws {
        let scratch = try ScratchWorkspace()
        var theirs = try scratch.load()
        theirs.team.name = "Renamed elsewhere"
        let (_, terminal) = try run(scratch, [
            .until("Agenda"), .input([.key(.char(" "))]), .until("✓ saved"),
            .perform { try? AtomicFile.write(MeetingStore.encode(theirs), to: scratch.path) },
            .until("Renamed elsewhere"),
            .input([.key(.char("q"))]),
        ])
        let texts = terminal.screens
        // Exactly one reload notice: the other program's write. Our own save was not read back as one.
        #expect(texts.contains { $0.contains("The file changed on disk; reloaded.") })
        let beforeTheirs = texts.prefix { !$0.contains("Renamed elsewhere") }
        #expect(!beforeTheirs.contains { $0.contains("changed on disk") })
    }

    @Test func theEditorGetsTheTerminalAndItsTextLandsInTheFile() throws {
        let scratch = try ScratchWorkspace()
        var seen: String?
        let (outcome, terminal) = try run(scratch, editor: { text in
            seen = text
            return .success("Five of five done.\n")
        }, [.until("Agenda"), .input([.key(.char("N"))]), .until("✓ saved"), .input([.key(.char("q"))])])
        #expect(outcome.exitCode == 0)
        #expect(terminal.suspensions == 1)
        #expect(seen == "")
        #expect(try scratch.load().currentMeeting?.agenda[0].notes == "Five of five done.")
    }

    @Test func aDefinitionEditedInTheEditorLandsInTheFileAndItsMeeting() throws {
        let scratch = try ScratchWorkspace()
        let before = try scratch.load().definitions.idealLead
        var seen: String?
        let (outcome, terminal) = try run(scratch, editor: { text in
            seen = text
            return .success("Logistics firms of 200+ people with a reporting pain.\n")
        }, [.until("Agenda"), .input([.key(.char("I"))]), .until("Definitions ·"), .input([.key(.char("E"))]),
            .until("Saved: The ideal lead"), .input([.key(.char("q")), .key(.char("q"))])])
        #expect(outcome.exitCode == 0 && !terminal.ranOut)
        #expect(terminal.suspensions == 1)
        #expect(seen == before.text)
        let saved = try scratch.load()
        #expect(saved.definitions.idealLead == Definition("Logistics firms of 200+ people with a reporting pain.", agreed: before.agreed))
        #expect(saved.currentMeeting?.definitionChanges.map(\.subject) == [.idealLead])
    }

    @Test func aMissingThemeFallsBackWithAMessageRatherThanFailing() throws {
        let scratch = try ScratchWorkspace()
        let (outcome, terminal) = try run(scratch, theme: "no-such-theme", [
            .until("theme no-such-theme: not found"), .input([.key(.char("q"))]),
        ])
        #expect(outcome.exitCode == 0 && !terminal.ranOut)
        // Repeated after the terminal is restored, where it cannot scroll away.
        #expect(outcome.messages.count == 1)
        #expect(outcome.messages.first?.hasPrefix("smarketing: theme no-such-theme: not found") == true)
        #expect(outcome.messages.first?.hasSuffix("using the default theme") == true)
    }

    /// With no --theme, a terminal whose COLORFGBG says its background is light starts in the
    /// light theme (t then moves on to the next one); a dark one, or a named theme, does not.
    @Test(arguments: [("0;15", nil, "projector"), ("15;0", nil, "light"), ("0;default;15", nil, "projector"),
                      ("0;15", "colorblind", "mono"), ("", nil, "light")] as [(String, String?, String)])
    func theStartingThemeSuitsTheTerminalsBackground(colorfgbg: String, theme: String?, afterT: String) throws {
        let scratch = try ScratchWorkspace()
        let (outcome, terminal) = try run(scratch, theme: theme, environment: ["COLORFGBG": colorfgbg], [
            .until("Agenda"), .input([.key(.char("t"))]), .until("Theme: \(afterT)"), .input([.key(.char("q"))]),
        ])
        #expect(outcome.exitCode == 0 && !terminal.ranOut)
    }

    /// The light theme was picked for the chair, not by them: if it cannot be loaded the default
    /// is used without a word (a theme the chair names still reports its problem).
    @Test func aBrokenLightThemeQuietlyLeavesTheDefault() throws {
        let scratch = try ScratchWorkspace()
        let folder = scratch.directory + "/.config/smarketing/themes"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try #"{"roles": {"text": {"fg": "nope"}}}"#.write(toFile: folder + "/light.json", atomically: true, encoding: .utf8)
        let (outcome, terminal) = try run(scratch, size: Size(width: 300, height: 30), environment: ["COLORFGBG": "0;15"], [
            .until("Agenda"), .input([.key(.char("t"))]), .until("light.json: roles.text.fg"), .input([.key(.char("q"))]),
        ])
        #expect(outcome.exitCode == 0 && !terminal.ranOut)
        // Only the t the chair pressed reported the broken file.
        #expect(outcome.messages.count == 1)
    }

    @Test func tooSmallAndBackAgainOnResize() throws {
        let scratch = try ScratchWorkspace()
        let (outcome, terminal) = try run(scratch, [
            .until("Agenda"), .input([.resize(Size(width: 60, height: 20))]), .until("Terminal too small"),
            .input([.resize(Size(width: 80, height: 24))]), .until("Agenda"),
            .input([.key(.char("q"))]),
        ])
        #expect(outcome.exitCode == 0 && !terminal.ranOut)
        #expect(terminal.lastFrame?.grid.size == Size(width: 80, height: 24))
    }

    @Test(arguments: [SIGTERM, SIGINT, SIGHUP, SIGQUIT])
    func aStopSignalKeepsTheEditReadJustBeforeIt(signal: Int32) throws {
        let scratch = try ScratchWorkspace()
        let (outcome, _) = try run(scratch, [.until("Agenda"), .input([.key(.char(" ")), .stopSignal(signal)])])
        #expect(outcome.exitCode == 128 + signal)
        #expect(try scratch.load().currentMeeting?.agenda[0].status == .active)
    }

    @Test func ctrlCInAFormWithTypedTextAsksInsteadOfStopping() throws {
        let scratch = try ScratchWorkspace()
        let (outcome, terminal) = try run(scratch, [
            .until("Agenda"), .input([.key(.char("a"))]), .until("New agenda item"),
            .input("Kept title".map { .key(.char($0)) } + [.stopSignal(SIGINT)]), .until("Discard?"),
            .input([.key(.char("n"))]), .until("Kept title"),
            .input([.key(.enter)]), .until("NORMAL"),
            .input([.key(.char("q"))]),
        ])
        #expect(outcome.exitCode == 0 && !terminal.ranOut, "Ctrl-C in the form stopped the dashboard")
        #expect(try scratch.load().currentMeeting?.agenda.contains { $0.title == "Kept title" } == true)
    }

    @Test func aStopSignalWithAFailingDiskWritesARecoveryCopy() throws {
        let scratch = try ScratchWorkspace()
        let failing = MeetingStore(path: scratch.path, faults: WriteFaults(failAfterBytes: 0))
        let (outcome, _) = try run(scratch, store: failing, [.until("Agenda"), .input([.key(.char(" "))]), .until("NOT SAVED"), .input([.stopSignal(SIGTERM)])])
        #expect(outcome.exitCode == 128 + SIGTERM)
        let copy = scratch.files.first { $0.contains(".unsaved-") }
        #expect(copy != nil, "no recovery copy in \(scratch.files)")
        #expect(outcome.messages.contains { $0.contains("your edits are in") })
        if let copy {
            #expect(try MeetingStore(path: scratch.directory + "/" + copy).load().currentMeeting?.agenda[0].status == .active)
        }
    }

    /// A file name that retitles the terminal when written raw.
    static let hostileName = "team\u{1B}]2;pwned\u{07}.json"

    @Test func theMessagesAfterAStopSignalShowAHostileFileNameInert() throws {
        let scratch = try ScratchWorkspace(fileName: Self.hostileName)
        let failing = MeetingStore(path: scratch.path, faults: WriteFaults(failAfterBytes: 0))
        let (outcome, _) = try run(scratch, store: failing, [.until("Agenda"), .input([.key(.char(" "))]), .until("NOT SAVED"), .input([.stopSignal(SIGTERM)])])
        let copy = try #require(scratch.files.first { $0.contains(".unsaved-") }, "no recovery copy in \(scratch.files)")
        let shownCopy = TextSanitizer.visible(scratch.directory + "/" + copy)
        #expect(outcome.messages == ["Could not save \(scratch.directory)/team␛]2;pwned␇.json; your edits are in \(shownCopy)."])
        #expect(!outcome.messages.joined().unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }
}
