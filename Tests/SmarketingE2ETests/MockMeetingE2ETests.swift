import Foundation
import SmarketingTestSupport
import Testing
@testable import SmarketingModel

@Suite("A whole mock meeting, end to end")
struct MockMeetingE2ETests {
    @Test func startWalkCaptureAcceptExportAndStartNextWeekWhileThePresenterFollows() throws {
        let copy = try WorkspaceCopy("northwind.json")
        let chair = try TmuxSession(width: 120, height: 40, shellCommand: "\(TmuxSession.binary) \(copy.path); echo __EXIT=$?")
        let presenter = try TmuxSession(width: 120, height: 40, shellCommand: "\(TmuxSession.binary) present \(copy.path) --theme projector; echo __EXIT=$?")
        try chair.waitFor("1 KPIs")
        try presenter.waitFor("read-only")
        // 1. Start the meeting.
        try chair.keys("s")
        try presenter.waitFor("◷ 0:0")
        // 2. Walk the agenda with timers.
        try chair.keys("n")
        try presenter.waitFor("▶ KPI review")
        try chair.keys("n")
        try presenter.waitFor("▶ Friction: too few MQLs")
        // 3. Capture an action item and a decision.
        try chair.keys("c")
        try chair.type("a: Marcus Reed: tighten the SQL checklist")
        try chair.keys("Enter")
        try chair.keys("c")
        try chair.type("d: SQLs need a named budget owner")
        try chair.keys("Enter")
        // At 120x40 the actions pane shares its column with the agenda, so the new decision may be
        // below the fold ("▼ 1 more · Decisions"); its heading's count shows it arrived.
        try presenter.waitFor("Decisions (2)")
        // 4. Accept the suggested friction point.
        try chair.keys("A")
        try presenter.waitFor("MQL→SQL conversion fell to")
        // 5. Export the minutes.
        let minutes = try Spawn.run([TmuxSession.binary, "export", copy.path], captureOutput: true)
        // Actual times with units ("4 s"), never "0:04" beside "10 min".
        #expect(minutes.contains(/\| 1 \| Review last week's action items \| Dana Whitfield \| 10 min \| \d+ s \|/))
        #expect(minutes.contains(/\| 3 \| Friction: too few MQLs from paid social \| Priya Natarajan \| 5 min \| \d+ s \|/))
        #expect(minutes.contains("- [ ] tighten the SQL checklist — Marcus Reed"))
        #expect(minutes.contains("2. SQLs need a named budget owner"))
        #expect(minutes.contains("- MQL→SQL conversion fell to 18.4%"))
        // 6. Start next week.
        try chair.keys("W")
        try chair.waitFor("Start next week's meeting?")
        try chair.keys("y")
        try presenter.waitFor("Mon 2026-11-30")
        try chair.keys("q")
        try chair.waitFor("__EXIT=0")
        try presenter.keys("q")
        try presenter.waitFor("__EXIT=0")
        let ws = try MeetingStore(path: copy.path).load()
        #expect(ws.currentMeeting?.actionItems.map(\.title).contains("tighten the SQL checklist") == true)
        let closed = ws.meeting(on: CalendarDate(iso: "2026-11-23")!)!
        #expect(closed.endedAt != nil)
        #expect(closed.agenda.prefix(3).allSatisfy { $0.status == .done })
    }
}
