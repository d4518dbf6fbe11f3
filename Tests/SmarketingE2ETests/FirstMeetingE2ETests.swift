import Foundation
import SmarketingTestSupport
import Testing
@testable import SmarketingModel

/// A new team's first meeting, from `init` with flags to next week, driven through the real
/// binary in tmux without opening the JSON: the README's "Your first meeting", step by step.
@Suite("A new team's first meeting, end to end")
struct FirstMeetingE2ETests {
    @Test func initSetupDefinitionsPeopleAttendanceAgendaEndMinutesAndNextWeek() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smk-first-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("acme.json").path

        // 1. init with flags.
        let created = try Spawn.run([TmuxSession.binary, "init", file, "--team", "Acme Revenue", "--reps", "4",
                                     "--chair", "Dana Whitfield", "--currency", "EUR", "--weekday", "monday",
                                     "--meeting-minutes", "45", "--attendee", "Luis Ortega:sales",
                                     "--attendee", "Priya Natarajan:marketing", "--target", "cost-per-lead=60",
                                     "--target", "close-rate=30"], captureOutput: true)
        #expect(created.contains("3 people on the roster"), "\(created)")

        let chair = try TmuxSession(width: 100, height: 30, shellCommand: "\(TmuxSession.binary) \(file); echo __EXIT=$?")
        try chair.waitFor("1 KPIs")

        // 2. T: team & targets. The name field has focus; the reps field is next.
        try chair.keys("T")
        try chair.waitFor("Team & targets")
        try chair.keys("Tab", "C-u")
        try chair.type("5")
        try chair.keys("Enter")
        try chair.waitUntilGone("Team & targets")

        //@@DEFINITIONS@@

        //@@PEOPLE@@

        // 5. The agenda: add an item, then make this agenda the standing agenda.
        try chair.keys("2", "G", "a")
        try chair.waitFor("New agenda item")
        try chair.type("Pricing page test results")
        try chair.keys("Enter")
        try chair.waitFor("Pricing page test results")
        try chair.keys("M")
        try chair.waitFor("Standing agenda saved (6 items")

        // 7. Run it: start, move on, capture an action item with a due date, end.
        try chair.keys("s")
        try chair.waitFor("◷")
        try chair.keys("n")
        try chair.keys("c")
        try chair.type("a: Luis: send the deck due:fri")
        try chair.keys("Enter")
        try chair.waitFor("send the deck")
        try chair.keys("E")
        try chair.waitFor("ended ")
        try chair.keys("q")
        try chair.waitFor("__EXIT=0")

        // 8. The minutes.
        let minutes = try Spawn.run([TmuxSession.binary, "export", file], captureOutput: true)
        #expect(minutes.contains("Team: Acme Revenue"))
        #expect(minutes.contains("- [ ] send the deck — Luis Ortega"), "\(minutes)")
        //@@MINUTES@@

        // 9. Next week, from the dashboard.
        let again = try TmuxSession(width: 100, height: 30, shellCommand: "\(TmuxSession.binary) \(file); echo __EXIT=$?")
        try again.waitFor("1 KPIs")
        try again.keys("W")
        try again.waitFor("Start next week's meeting?")
        try again.keys("y")
        try again.waitFor("started ")
        try again.keys("q")
        try again.waitFor("__EXIT=0")

        let ws = try MeetingStore(path: file).load()
        #expect(ws.meetings.count == 2)
        #expect(ws.team.salesReps == 5 && ws.team.currency == "EUR" && ws.targets.costPerLead == 60)
        let first = ws.meetings[0], next = try #require(ws.currentMeeting)
        #expect(first.endedAt != nil && first.startedAt != nil)
        #expect(next.agenda.map(\.title) == ws.agendaTemplate.map(\.title), "next week starts from the standing agenda")
        #expect(next.agenda.contains { $0.title == "Pricing page test results" })
        #expect(next.actionItems.map(\.title) == ["send the deck"] && next.actionItems[0].owner == "Luis Ortega")
        #expect(next.attendees == ws.people.map(\.name) && next.absent.isEmpty)
        //@@NEXTWEEK@@
    }
}
