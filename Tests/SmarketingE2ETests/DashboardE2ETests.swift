import Foundation
import Testing
@testable import SmarketingModel

@Suite("Dashboard end to end, in tmux", .serialized)
struct DashboardE2ETests {
    @Test func editsMadeFromTheKeyboardReachTheFileExactly() throws {
        let copy = try WorkspaceCopy("northwind.json")
        let original = try MeetingStore(path: copy.path).load()
        let tmux = try TmuxSession(width: 80, height: 24, shellCommand: "\(TmuxSession.binary) \(copy.path); echo __EXIT=$?")
        try tmux.waitFor("1 KPIs")
        // Move between panes.
        try tmux.keys("3")
        try tmux.keys("4")
        try tmux.keys("Tab")
        try tmux.keys("BTab")
        try tmux.keys("2")
        // Add an agenda item after the first one, with a CJK and emoji title.
        try tmux.keys("a")
        try tmux.waitFor("New agenda item")
        try tmux.type("東京 lead review 🚀")
        try tmux.keys("Tab", "C-u")
        try tmux.type("渡辺")
        try tmux.keys("Tab", "C-u")
        try tmux.type("15")
        try tmux.keys("Enter")
        try tmux.waitFor("東京 lead review")
        // Edit one KPI input: this week's leads.
        try tmux.keys("1", "Enter")
        try tmux.waitFor("KPI inputs for the week of 2026-11-16")
        try tmux.keys("Tab", "C-u")
        try tmux.type("131")
        try tmux.keys("Enter")
        try tmux.waitFor("$45.50")
        try tmux.keys("q")
        try tmux.waitFor("__EXIT=0")

        var saved = try MeetingStore(path: copy.path).load()
        let mi = saved.currentMeetingIndex!
        let added = saved.meetings[mi].agenda.remove(at: 1)
        #expect(added.title == "東京 lead review 🚀")
        #expect(added.owner == "渡辺")
        #expect(added.timeboxMinutes == 15)
        #expect(added.status == .pending)
        #expect(!original.allIDs.contains(added.id))
        let wi = saved.weeks.firstIndex { $0.weekStart.iso == "2026-11-16" }!
        #expect(saved.weeks[wi].leads == 131)
        saved.weeks[wi].leads = original.weeks[wi].leads
        // Nothing else changed.
        #expect(saved == original)
        #expect(FileManager.default.fileExists(atPath: copy.path + ".bak"))
    }

    @Test func resizingToTooSmallAndBackRecovers() throws {
        let copy = try WorkspaceCopy("northwind.json")
        let tmux = try TmuxSession(width: 80, height: 24, shellCommand: "\(TmuxSession.binary) \(copy.path); echo __EXIT=$?")
        try tmux.waitFor("1 KPIs")
        try tmux.resize(width: 60, height: 20)
        try tmux.waitFor("Terminal too small: 60x20")
        try tmux.resize(width: 120, height: 40)
        let screen = try tmux.waitFor("2 Agenda")
        #expect(!screen.contains("too small"))
        try tmux.resize(width: 50, height: 10)
        try tmux.waitFor("Terminal too small: 50x10")
        try tmux.keys("q")
        try tmux.waitFor("__EXIT=0")
    }

    @Test func sigtermSavesTheEditsAndLeavesTheTerminalSane() throws {
        let copy = try WorkspaceCopy("northwind.json")
        let dir = copy.directory.path
        let wrapper = try copy.wrapperRecordingPID()
        let tmux = try TmuxSession(width: 100, height: 30, shellCommand:
            "stty -g > \(dir)/stty.before; \(wrapper); echo __EXIT=$?; stty -g > \(dir)/stty.after")
        try tmux.waitFor("1 KPIs")
        try tmux.keys("Space") // start the first agenda item
        try tmux.waitFor("▶")
        kill(try copy.recordedPID(), SIGTERM)
        try tmux.waitFor("__EXIT=143")
        let saved = try MeetingStore(path: copy.path).load()
        #expect(saved.currentMeeting?.agenda[0].status == .active)
        let before = try String(contentsOfFile: "\(dir)/stty.before", encoding: .utf8)
        var after = ""
        for _ in 0..<100 where after.isEmpty {
            after = (try? String(contentsOfFile: "\(dir)/stty.after", encoding: .utf8)) ?? ""
            if after.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(!before.isEmpty)
        #expect(before == after)
    }

    @Test func theWideLayoutAndTheProjectorTheme() throws {
        let copy = try WorkspaceCopy("northwind.json")
        let tmux = try TmuxSession(width: 200, height: 60, shellCommand: "\(TmuxSession.binary) \(copy.path) --theme projector; echo __EXIT=$?")
        let screen = try tmux.waitFor("4 Actions & decisions")
        // Three columns side by side under the KPIs.
        let row = screen.split(separator: "\n").first { $0.contains("2 Agenda") } ?? ""
        #expect(row.contains("3 Friction points") && row.contains("4 Actions & decisions"))
        try tmux.keys("t")
        try tmux.waitFor("Theme: colorblind")
        try tmux.keys("q")
        try tmux.waitFor("__EXIT=0")
    }
}
