import Foundation
@testable import SmarketingModel
import SmarketingTerminal
import SmarketingUI
import Testing

/// Issue 10, item 7: loading another program's version (a huge or pathological file takes
/// seconds) never blocks redraw or quitting, in `present` or on the chair's dashboard. The read
/// is held mid-way, before parsing, for as long as the test likes: no timing is involved.
@Suite("Dashboard runner: a slow read of the file")
struct SlowReadRunnerTests {
    @Test(arguments: [true, false])
    func keysRedrawAndQuitWhileAnotherVersionIsStillBeingRead(presenting: Bool) throws {
        let scratch = try ScratchWorkspace()
        let held = Gate()
        let store = MeetingStore(path: scratch.path, faults: WriteFaults(beforeParsingTheirs: { held.hold() }))
        let workspace = try store.load()
        var theirs = workspace
        theirs.meetings[theirs.currentMeetingIndex!].agenda[0].title = "Their slow version"

        let terminal = FakeTerminal(size: Size(width: 120, height: 30), [
            .until("Agenda"),
            .perform { try? AtomicFile.write(MeetingStore.encode(theirs), to: scratch.path) },
            .untilTrue("the read of their version started") { held.isHolding },
            // The read is stuck: the screen still answers keys and redraws.
            .input([.key(.char("?"))]), .until("Keys · j/k scroll · Esc closes"),
            .input([.key(.escape), .key(.char("3"))]), .until("3 Friction points"),
            .input([.resize(Size(width: 90, height: 26))]), .until("Agenda"),
            .untilTrue("the read is still held") { held.isHolding },
            .input([.key(.char("q"))]),
        ])
        let runner = DashboardRunner(store: store, options: .init(readOnly: presenting, environment: ["TERM": "xterm-256color", "HOME": scratch.directory],
                                                                  clock: FakeClock(Timestamp(iso: "2026-11-23T09:41:01Z")!)))
        // A safety valve, so a runner that does block on the read fails this test instead of hanging it.
        DispatchQueue.global().asyncAfter(deadline: .now() + 10) { held.release() }
        let outcome = runner.run(workspace: workspace, on: terminal)
        held.release()

        #expect(outcome.exitCode == 0 && !terminal.ranOut, "the dashboard did not quit while the read was held")
        #expect(terminal.missed.isEmpty, "never appeared on screen: \(terminal.missed)")
        #expect(terminal.restored)
        #expect(!terminal.screens.contains { screen in screen.contains("Their slow version") })
        #expect(terminal.lastFrame?.grid.size == Size(width: 90, height: 26))
    }
}

/// Holds the thread that reaches it until released.
final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var holding = false
    private var released = false

    var isHolding: Bool { condition.withLock { holding } }

    func hold() {
        condition.lock()
        holding = true
        while !released { condition.wait() }
        holding = false
        condition.unlock()
    }

    func release() {
        condition.withLock { released = true }
        condition.broadcast()
    }
}
