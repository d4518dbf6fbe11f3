import Foundation
import Testing
@testable import SmarketingModel

@Suite("Abuse and permissions, end to end", .serialized)
struct AbuseE2ETests {
    @Test func aTenKilobytePasteKeyRepeatAndAResizeStorm() throws {
        let copy = try WorkspaceCopy("northwind.json")
        let tmux = try TmuxSession(width: 100, height: 30, shellCommand: "\(TmuxSession.binary) \(copy.path); echo __EXIT=$?")
        try tmux.waitFor("1 KPIs")
        try tmux.keys("a")
        try tmux.waitFor("New agenda item")
        try tmux.type(String(repeating: "渡辺 pasted lead notes 🚀 ", count: 400)) // about 10 KB
        try tmux.keys("Enter")
        try tmux.waitFor("title: at most 1000 bytes")
        try tmux.keys("C-u")
        try tmux.type("Short title")
        try tmux.keys("Enter")
        try tmux.waitFor("Short title")
        // Holding j down: hundreds of repeats arrive at once.
        try tmux.tmux(["send-keys", "-t", "main", "-N", "400", "j"])
        try tmux.keys("3")
        for i in 0..<60 { try tmux.resize(width: 40 + (i * 37) % 170, height: 10 + (i * 13) % 50) }
        try tmux.resize(width: 100, height: 30)
        try tmux.waitFor("2 Agenda")
        try tmux.keys("q")
        try tmux.waitFor("__EXIT=0")
        let saved = try MeetingStore(path: copy.path).load()
        #expect(saved.currentMeeting?.agenda.contains { $0.title == "Short title" } == true)
    }

    /// A folder the user cannot write: run as nobody (root ignores permissions).
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root to switch to nobody"))
    func aReadOnlyFolderKeepsTheEditsAndAsksBeforeQuitting() throws {
        let copy = try WorkspaceCopy("northwind.json")
        chmod(copy.directory.path, 0o755)
        chmod(copy.path, 0o644)
        let before = try Data(contentsOf: URL(fileURLWithPath: copy.path))
        let tmux = try TmuxSession(width: 100, height: 30, shellCommand:
            "setpriv --reuid=65534 --regid=65534 --clear-groups \(TmuxSession.binary) \(copy.path); echo __EXIT=$?")
        try tmux.waitFor("1 KPIs")
        try tmux.keys("Space")
        let screen = try tmux.waitFor("NOT SAVED")
        #expect(screen.contains("Permission denied"))
        #expect(screen.contains("▶ Review last week")) // the edit is still on screen, in memory
        try tmux.keys("q")
        try tmux.waitFor("1 edit is not saved to the file")
        try tmux.keys("n")
        try tmux.keys("q", "y")
        try tmux.waitFor("__EXIT=0")
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy.path)) == before)
    }
}
