import Foundation
@testable import SmarketingModel
import SmarketingTerminal
import SmarketingUI
import Testing

/// Issue 10, item 6: a workspace made read-only mid-meeting is respected (never replaced), the
/// chair is told, the edits are kept, and S saves them as a copy that later edits go to.
@Suite("Dashboard runner: saving a copy")
struct SaveCopyRunnerTests {
    static let environment = ["TERM": "xterm-256color", "HOME": NSTemporaryDirectory()]
    // Off a multiple of five seconds, so the failing save is not retried on every tick.
    static func clock() -> FakeClock { FakeClock(Timestamp(iso: "2026-11-23T09:41:01Z")!) }

    func keys(_ text: String) -> [TerminalEvent] { text.map { .key(.char($0)) } }

    @Test func aFileMadeReadOnlyMidMeetingIsKeptAndTheEditsGoToACopy() throws {
        let scratch = try ScratchWorkspace()
        let before = try Data(contentsOf: URL(fileURLWithPath: scratch.path))
        let store = MeetingStore(path: scratch.path)
        let original = try store.load()
        let terminal = FakeTerminal(size: Size(width: 120, height: 30), [
            .until("Agenda"),
            .perform { chmod(scratch.path, 0o444) },
            .input([.key(.char("2")), .key(.char(" "))]),
            .until("read-only (S saves your edits as a copy"),
            .input([.key(.char("S"))]),
            .until("Save a copy"), .until("team-copy.json"),
            .input([.key(.enter)]),
            .until("Saved a copy as team-copy.json; edits now go to it"),
            // The next edit goes to the copy, and is saved there.
            .input([.key(.char("j")), .key(.char(" "))]),
            .until("✓ saved"),
            .input([.key(.char("q"))]),
        ])
        let runner = DashboardRunner(store: store, options: .init(environment: Self.environment, clock: Self.clock()))
        let outcome = runner.run(workspace: original, on: terminal)

        #expect(outcome.exitCode == 0 && !terminal.ranOut)
        #expect(terminal.missed.isEmpty, "never appeared on screen: \(terminal.missed); the screen was:\n\(terminal.screen)")
        #expect(outcome.messages.isEmpty, "quitting wrote a recovery copy: \(outcome.messages)")
        // The read-only file was never replaced.
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.path)) == before)
        #expect(scratch.files.sorted() == ["team-copy.json", "team-copy.json.bak", "team.json"])
        // The copy holds both edits, and can be written again.
        let copyPath = scratch.directory + "/team-copy.json"
        let copy = try MeetingStore(path: copyPath).load()
        let agenda = try #require(copy.currentMeeting?.agenda), was = try #require(original.currentMeeting?.agenda)
        #expect(agenda[0].status != was[0].status)
        #expect(agenda[1].status != was[1].status)
        #expect((FileIO.mode(of: copyPath) ?? 0) & 0o200 != 0)
        // The status bar names the copy from then on.
        #expect(terminal.screens.last?.contains("team-copy.json") == true)
    }

    @Test func aCopyNeverOverwritesAFileAndTheFormComesBackWithTheReason() throws {
        let scratch = try ScratchWorkspace()
        let taken = scratch.directory + "/team-copy.json"
        try "not mine".write(toFile: taken, atomically: true, encoding: .utf8)
        let terminal = FakeTerminal(size: Size(width: 120, height: 30), [
            .until("Agenda"),
            .input([.key(.char("S"))]), .until("Save a copy"),
            .input([.key(.enter)]),
            .until("team-copy.json already exists; choose another name"),
            .input([.key(.ctrl("u"))] + keys("sub/other.json") + [.key(.enter)]),
            .until("No copy saved"),
            .input([.key(.ctrl("u"))] + keys("other.json") + [.key(.enter)]),
            .until("Saved a copy as other.json"),
            .input([.key(.char("q"))]),
        ])
        let store = MeetingStore(path: scratch.path)
        let runner = DashboardRunner(store: store, options: .init(environment: Self.environment, clock: Self.clock()))
        let outcome = runner.run(workspace: try store.load(), on: terminal)

        #expect(outcome.exitCode == 0 && !terminal.ranOut)
        #expect(terminal.missed.isEmpty, "never appeared on screen: \(terminal.missed)")
        #expect(try String(contentsOfFile: taken, encoding: .utf8) == "not mine")
        #expect(try MeetingStore(path: scratch.directory + "/other.json").load() == (try scratch.load()))
    }
}
