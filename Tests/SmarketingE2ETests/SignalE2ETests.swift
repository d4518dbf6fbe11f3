import Foundation
import Testing
@testable import SmarketingModel

@Suite("Signals restore the terminal and keep the edits", .serialized)
struct SignalE2ETests {
    /// Runs the dashboard from a shell that records `stty -g` before and after.
    func session(_ copy: WorkspaceCopy, environment: String = "") throws -> TmuxSession {
        let dir = copy.directory.path
        return try TmuxSession(width: 100, height: 30, shellCommand:
            "stty -g > \(dir)/stty.before; \(environment) \(try copy.wrapperRecordingPID()); echo __EXIT=$?; stty -g > \(dir)/stty.after")
    }

    func sttyUnchanged(_ copy: WorkspaceCopy) throws -> Bool {
        let dir = copy.directory.path
        var after = ""
        for _ in 0..<100 where after.isEmpty {
            after = (try? String(contentsOfFile: "\(dir)/stty.after", encoding: .utf8)) ?? ""
            if after.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
        }
        let before = try String(contentsOfFile: "\(dir)/stty.before", encoding: .utf8)
        return !before.isEmpty && before == after
    }

    /// Whether bracketed paste was left on: a paste into the shell after the exit (which echoes
    /// what it is sent) would then show its start marker.
    func bracketedPasteLeftOn(_ tmux: TmuxSession) throws -> Bool {
        try tmux.tmux(["set-buffer", "-b", "probe", "pasted-after-exit"])
        try tmux.tmux(["paste-buffer", "-p", "-b", "probe", "-t", "main"])
        return try tmux.waitFor("pasted-after-exit").contains("[200~")
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGVTALRM, SIGPROF, SIGPWR])
    func aStopSignalDuringEditingSavesAndRestores(signal: Int32) throws {
        let copy = try WorkspaceCopy("northwind.json")
        let tmux = try session(copy)
        try tmux.waitFor("1 KPIs")
        try tmux.keys("4", "Space") // mark the first action item done
        try tmux.waitFor("[x]")
        try tmux.keys("a") // and leave a form open, mid-edit
        try tmux.waitFor("New action item")
        kill(try copy.recordedPID(), signal)
        try tmux.waitFor("__EXIT=\(128 + signal)")
        #expect(try MeetingStore(path: copy.path).load().currentMeeting?.actionItems[0].done == true)
        #expect(try sttyUnchanged(copy))
        #expect(try !bracketedPasteLeftOn(tmux))
    }

    @Test(arguments: ["segv", "bus", "ill", "trap", "abrt", "sys"])
    func aCrashRestoresTheTerminal(trap: String) throws {
        let copy = try WorkspaceCopy("northwind.json")
        let tmux = try session(copy, environment: "SMARKETING_DEBUG_TRAP=\(trap)")
        try tmux.waitFor("1 KPIs")
        try tmux.keys("F12")
        let screen = try tmux.waitFor("__EXIT=")
        #expect(screen.contains("smarketing stopped unexpectedly; the terminal was restored"))
        #expect(!screen.contains("__EXIT=0"))
        #expect(try sttyUnchanged(copy))
        #expect(try !bracketedPasteLeftOn(tmux))
    }
}
