import Foundation
import Testing
import SmarketingTestSupport
@testable import SmarketingModel

/// Presenters following the chair's view (issue 13 §1), with the real binary in tmux.
@Suite("Presenters follow the chair's screen, end to end", .serialized)
struct ChairFollowE2ETests {
    /// Starts a presenter through a script that records its pid, so the test can read its CPU use.
    func presenter(_ copy: WorkspaceCopy, _ n: Int, _ extra: String = "", width: Int = 100, height: Int = 30) throws -> TmuxSession {
        let script = "\(copy.directory.path)/presenter-\(n).sh"
        try "#!/bin/bash\necho $$ > \(copy.directory.path)/presenter-\(n).pid\nexec \(TmuxSession.binary) present \(copy.path) \(extra)\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        return try TmuxSession(width: width, height: height, shellCommand: "bash \(script); echo __EXIT=$?")
    }

    func presenterPID(_ copy: WorkspaceCopy, _ n: Int) throws -> pid_t {
        pid_t(try String(contentsOfFile: "\(copy.directory.path)/presenter-\(n).pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))!
    }

    /// The friction pane zoomed to the whole screen: its title, and no other pane's.
    static func showsZoomedFriction(_ screen: String) -> Bool {
        screen.contains("3 Friction points") && !screen.contains("2 Agenda") && !screen.contains("1 KPIs")
    }

    /// Polls `session` until `condition` holds for its screen; returns the seconds it took.
    @discardableResult
    func waitUntil(_ session: TmuxSession, _ what: String, timeout: Double = 5, sourceLocation: SourceLocation = #_sourceLocation,
                   _ condition: (String) -> Bool) throws -> Double {
        let start = Date()
        var last = ""
        while Date().timeIntervalSince(start) < timeout {
            last = try session.screen()
            if condition(last) { return Date().timeIntervalSince(start) }
            Thread.sleep(forTimeInterval: 0.01)
        }
        Issue.record("timed out waiting for \(what); the screen was:\n\(last)", sourceLocation: sourceLocation)
        return timeout
    }

    @Test func thePresenterFollowsTheChairToTheZoomedFrictionPaneAndItsForm() throws {
        let copy = try WorkspaceCopy("northwind.json")
        let chair = try TmuxSession(width: 100, height: 30, shellCommand: "\(TmuxSession.binary) \(copy.path); echo __EXIT=$?")
        try chair.waitFor("1 KPIs")
        let presenter = try presenter(copy, 0)
        try presenter.waitFor("following northwind.json · updated")
        try chair.keys("3")
        try chair.keys("z")
        // The issue asks for 500 ms; the wait is generous so a loaded CI machine does not fail it,
        // and the time is printed (BENCHMARKS.md has the real figure).
        let took = try waitUntil(presenter, "the zoomed friction pane", Self.showsZoomedFriction)
        print("chair 3 z → presenter shows the zoomed friction pane: \(Int(took * 1000)) ms (tmux polling included)")
        // A form being filled is shown as it is typed.
        try chair.keys("z", "2", "a")
        try chair.type("Typed for the room")
        try presenter.waitFor("Title Typed for the room")
        // The presenter's own keys do not browse while it follows; q always quits.
        try presenter.keys("j", "Tab")
        try presenter.waitFor("--independent browses")
        // One at a time: Escape and y sent together would read as Alt-y.
        try chair.keys("Escape")
        try chair.waitFor("Discard?")
        try chair.keys("y")
        try chair.waitUntilGone("Discard?")
        try chair.keys("q")
        try chair.waitFor("__EXIT=0")
        let after = try presenter.waitFor("no chair connected (showing the file)")
        #expect(!after.contains("Typed for the room"))
        // The chair cleans up after itself: no view file, no lock, and the workspace untouched.
        let left = try FileManager.default.contentsOfDirectory(atPath: copy.directory.path).filter { $0.contains(".view") }
        #expect(left.isEmpty, "left behind: \(left)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy.path)) == (try Data(contentsOf: TmuxSession.repository.appendingPathComponent("sample-data/northwind.json"))))
        // A chair that is killed is noticed too (its lock goes with it), and a new one is followed.
        let second = try TmuxSession(width: 100, height: 30, shellCommand: "\(try copy.wrapperRecordingPID()); echo __EXIT=$?")
        try second.waitFor("1 KPIs")
        try second.keys("4", "z")
        try waitUntil(presenter, "the zoomed actions pane") { $0.contains("4 Actions") && !$0.contains("3 Friction points") }
        kill(try copy.recordedPID(), SIGKILL)
        try presenter.waitFor("no chair connected", timeout: 5)
        try presenter.keys("q")
        try presenter.waitFor("__EXIT=0")
    }

    @Test func anIndependentPresenterBrowsesOnItsOwn() throws {
        let copy = try WorkspaceCopy("northwind.json")
        let chair = try TmuxSession(width: 100, height: 30, shellCommand: "\(TmuxSession.binary) \(copy.path); echo __EXIT=$?")
        try chair.waitFor("1 KPIs")
        let presenter = try presenter(copy, 0, "--independent")
        try presenter.waitFor("northwind.json · --independent")
        try presenter.keys("3", "z")
        try waitUntil(presenter, "its own zoomed friction pane", Self.showsZoomedFriction)
        try chair.keys("4", "z")
        try chair.waitUntilGone("3 Friction points")
        // The chair's view does not move it.
        Thread.sleep(forTimeInterval: 0.3)
        #expect(Self.showsZoomedFriction(try presenter.screen()))
        try presenter.keys("a")
        try presenter.waitFor("read-only (present mode)")
        try presenter.keys("q")
        try presenter.waitFor("__EXIT=0")
        try chair.keys("q")
        try chair.waitFor("__EXIT=0")
    }

    /// Across users on one host (presenters over ssh): whoever can read the workspace can follow.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root to switch to nobody"))
    func aPresenterRunByAnotherUserFollowsAndAChairThatCannotPublishSaysSo() throws {
        let copy = try WorkspaceCopy("northwind.json")
        chmod(copy.directory.path, 0o755)
        chmod(copy.path, 0o644)
        let chair = try TmuxSession(width: 100, height: 30, shellCommand: "\(TmuxSession.binary) \(copy.path); echo __EXIT=$?")
        try chair.waitFor("1 KPIs")
        let presenter = try TmuxSession(width: 100, height: 30, shellCommand:
            "setpriv --reuid=65534 --regid=65534 --clear-groups \(TmuxSession.binary) present \(copy.path); echo __EXIT=$?")
        try presenter.waitFor("following northwind.json")
        try chair.keys("3")
        try chair.keys("z")
        try waitUntil(presenter, "the zoomed friction pane", Self.showsZoomedFriction)
        try chair.keys("q")
        try chair.waitFor("__EXIT=0")
        try presenter.waitFor("no chair connected")
        // A chair run by a user who cannot write the folder edits as before and says, once, that
        // nobody can follow it.
        let stranger = try TmuxSession(width: 100, height: 30, shellCommand:
            "setpriv --reuid=65534 --regid=65534 --clear-groups \(TmuxSession.binary) \(copy.path); echo __EXIT=$?")
        try stranger.waitFor("Not followed: cannot write the view file")
        try stranger.keys("q")
        try stranger.waitFor("__EXIT=0")
        try presenter.keys("q")
        try presenter.waitFor("__EXIT=0")
    }

    /// Issue 13 §1 scale: many presenters follow one chair, each shows every change, and none
    /// uses the CPU while nothing happens. 10 by default, 20 under SMARKETING_SOAK=1.
    @Test func manyPresentersFollowOneChairAndSleepWhenIdle() throws {
        let count = Soak.count("SMARKETING_PRESENTERS", quick: 10, soak: 20)
        let copy = try WorkspaceCopy("northwind.json")
        let chair = try TmuxSession(width: 100, height: 30, shellCommand: "\(TmuxSession.binary) \(copy.path); echo __EXIT=$?")
        try chair.waitFor("1 KPIs")
        let presenters = try (0..<count).map { try presenter(copy, $0, width: 80, height: 24) }
        for p in presenters { try p.waitFor("following northwind.json", timeout: 30) }
        let pids = try (0..<count).map { try presenterPID(copy, $0) }

        // Idle: no presenter wakes up (no context switch in any of its threads) while nothing
        // changes. A minute boundary redraws the header clock, so a window that crosses one is
        // measured again.
        var woke: [pid_t: Int] = [:]
        for _ in 0..<3 {
            let minute = Int(Date().timeIntervalSince1970) / 60
            let before = pids.map(Self.wakeups)
            Thread.sleep(forTimeInterval: 2)
            guard Int(Date().timeIntervalSince1970) / 60 == minute else { continue }
            woke = Dictionary(uniqueKeysWithValues: zip(pids, zip(pids.map(Self.wakeups), before).map { $0 - $1 }))
            break
        }
        #expect(!woke.isEmpty && woke.values.allSatisfy { $0 == 0 }, "presenters woke while idle (pid: wake-ups in 2 s): \(woke)")

        try chair.keys("3")
        try chair.keys("z")
        var slowest = 0.0
        for p in presenters { slowest = max(slowest, try waitUntil(p, "the zoomed friction pane", timeout: 10, Self.showsZoomedFriction)) }
        print("\(count) presenters: the last showed the chair's change after \(Int(slowest * 1000)) ms (checked one after another through tmux)")
        try chair.keys("q")
        try chair.waitFor("__EXIT=0")
        for p in presenters { try p.waitFor("no chair connected") }
    }

    /// Voluntary context switches of every thread of a process: each wake-up from a wait counts one.
    static func wakeups(_ pid: pid_t) -> Int {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.reduce(0) { total, task in
            let status = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix("voluntary_ctxt_switches:") }
            return total + (line.flatMap { Int($0.split(separator: "\t").last?.trimmingCharacters(in: .whitespaces) ?? "") } ?? 0)
        }
    }
}
