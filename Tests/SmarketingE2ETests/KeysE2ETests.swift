import Foundation
import Testing
@testable import SmarketingModel

/// Keys and pastes as a real terminal delivers them: raw bytes through tmux, with the pauses a
/// slow link makes, checked on screen and in the file on disk.
@Suite("Keys and pastes, end to end", .serialized)
struct KeysE2ETests {
    func start(_ copy: WorkspaceCopy) throws -> TmuxSession {
        let tmux = try TmuxSession(width: 100, height: 30, shellCommand: "\(TmuxSession.binary) \(copy.path); echo __EXIT=$?")
        try tmux.waitFor("1 KPIs")
        return tmux
    }

    /// Sends bytes exactly as given (hex), bypassing tmux's key parsing.
    func send(_ tmux: TmuxSession, _ bytes: String) throws {
        try tmux.tmux(["send-keys", "-t", "main", "-H"] + Array(bytes.utf8).map { String(format: "%02x", $0) })
    }

    func agendaTitles(_ copy: WorkspaceCopy) throws -> [String] {
        try MeetingStore(path: copy.path).load().currentMeeting?.agenda.map(\.title) ?? []
    }

    @Test func anArrowSplitBySixtyMillisecondsMovesTheFieldAndNeitherCancelsNorAccepts() throws {
        let copy = try WorkspaceCopy("northwind.json")
        let frictionBefore = try MeetingStore(path: copy.path).load().frictionPoints.count
        let tmux = try start(copy)
        try tmux.keys("a")
        try tmux.waitFor("New agenda item")
        try tmux.type("Split")
        try tmux.keys("Tab") // to the owner field
        try send(tmux, "\u{1B}")
        Thread.sleep(forTimeInterval: 0.06)
        try send(tmux, "[A") // ↑: back to the title
        try tmux.type("Arrow")
        try tmux.waitFor("SplitArrow")
        try tmux.keys("Enter")
        try tmux.waitFor("NORMAL")
        try tmux.keys("q")
        try tmux.waitFor("__EXIT=0")
        #expect(try agendaTitles(copy).contains("SplitArrow"))
        #expect(try MeetingStore(path: copy.path).load().frictionPoints.count == frictionBefore, "a suggestion was accepted")
    }

    @Test func altDInAFormDeletesNothing() throws {
        let copy = try WorkspaceCopy("northwind.json")
        let before = try agendaTitles(copy)
        let tmux = try start(copy)
        try tmux.keys("a")
        try tmux.waitFor("New agenda item")
        try tmux.type("Alt stays")
        try send(tmux, "\u{1B}d") // Alt-d, as terminals send it
        try tmux.type("!")
        try tmux.waitFor("Alt stays!")
        try tmux.keys("Enter")
        try tmux.waitFor("NORMAL")
        try tmux.keys("q")
        try tmux.waitFor("__EXIT=0")
        let after = try agendaTitles(copy)
        #expect(after.count == before.count + 1)
        #expect(before.allSatisfy(after.contains), "an agenda item was deleted")
        #expect(after.contains("Alt stays!"))
    }

    @Test func aBracketedPasteFillsTheTitleOnceAndAnOverlongOneIsRefused() throws {
        let copy = try WorkspaceCopy("northwind.json")
        let tmux = try start(copy)
        try tmux.keys("a")
        try tmux.waitFor("New agenda item")
        // paste-buffer -p brackets the text only because the dashboard asked for bracketed paste.
        try tmux.tmux(["set-buffer", "-b", "clip", "Pasted budget\nreview"])
        try tmux.tmux(["paste-buffer", "-p", "-b", "clip", "-t", "main"])
        try tmux.waitFor("Pasted budget review")
        try tmux.keys("Enter")
        try tmux.waitFor("NORMAL")
        // 20 KB with line breaks: one edit, refused with the limit, nothing run as commands.
        let big = copy.directory.appendingPathComponent("big.txt")
        try String(repeating: String(repeating: "y", count: 99) + "\n", count: 200).write(to: big, atomically: true, encoding: .utf8)
        try tmux.keys("a")
        try tmux.waitFor("New agenda item")
        try tmux.tmux(["load-buffer", "-b", "big", big.path])
        try tmux.tmux(["paste-buffer", "-p", "-b", "big", "-t", "main"])
        try tmux.waitFor("at most 1000 bytes")
        try tmux.keys("Enter")
        try tmux.waitFor("title: at most 1000 bytes")
        try tmux.keys("Escape")
        try tmux.waitFor("Discard?")
        try tmux.keys("y")
        try tmux.waitFor("Discarded")
        try tmux.keys("q")
        try tmux.waitFor("__EXIT=0")
        let titles = try agendaTitles(copy)
        #expect(titles.filter { $0 == "Pasted budget review" }.count == 1)
        #expect(!titles.contains { $0.hasPrefix("yyy") })
    }
}
