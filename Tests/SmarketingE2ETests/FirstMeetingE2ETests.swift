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

        // 3. I: the definitions. A new team starts with drafts; agree the MQL in new words, and
        // agree the ideal lead as drafted.
        try chair.keys("I")
        try chair.waitFor("Definitions · 0 agreed, 7 drafts")
        try chair.keys("j", "j", "j", "Enter") // the ideal lead, the persona, the lead, the MQL
        try chair.waitFor("What counts as an MQL")
        try chair.keys("C-u")
        try chair.type("Fits the ideal lead and asked for a demo, or scored 60")
        try chair.keys("Tab", "Right", "Enter") // Agreed: draft → agreed
        try chair.waitFor("Definitions · 1 agreed, 6 drafts")
        try chair.keys("k", "k", "k", "Space")
        try chair.waitFor("Definitions · 2 agreed, 5 drafts")
        try chair.keys("I")
        try chair.waitUntilGone("Definitions · ")

        // 4. P: people & attendance. Add Sam to the roster and mark him present; Priya is away.
        try chair.keys("P")
        try chair.waitFor("People · 3 present, 0 absent")
        try chair.keys("a")
        try chair.waitFor("New person")
        try chair.type("Sam Patel")
        try chair.keys("Tab", "Right") // side: other → sales
        try chair.keys("Enter")
        try chair.waitFor("1 not marked")
        try chair.keys("Space") // the new person is selected
        try chair.waitFor("People · 4 present, 0 absent")
        try chair.keys("k", "Space") // Priya
        try chair.waitFor("People · 3 present, 1 absent")
        try chair.keys("P")
        try chair.waitUntilGone("People · ")

        // 5. The agenda: add an item, then make this agenda the standing agenda.
        try chair.keys("2", "G", "a")
        try chair.waitFor("New agenda item")
        try chair.type("Pricing page test results")
        try chair.keys("Tab", "C-u")
        try chair.type("lu")
        try chair.keys("Tab") // completes the owner from the roster
        try chair.waitFor("Luis Ortega")
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
        #expect(minutes.contains("Present (3): Dana Whitfield, Luis Ortega, Sam Patel\\\n"), "\(minutes)")
        #expect(minutes.contains("Absent (1): Priya Natarajan\\\n"))
        #expect(minutes.contains(/\| 6 \| Pricing page test results \| Luis Ortega \| 5 min \|/))
        #expect(minutes.contains("## Definitions changed this week"))
        #expect(minutes.contains("### What counts as an MQL (agreed)\n\nFits the ideal lead and asked for a demo, or scored 60\n"))
        #expect(minutes.contains("### The ideal lead (agreed)\n"))

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
        #expect(ws.people.map(\.name) == ["Dana Whitfield", "Luis Ortega", "Priya Natarajan", "Sam Patel"])
        #expect(ws.person(named: "Sam Patel")?.team == .sales)
        #expect(next.attendees == ws.people.map(\.name) && next.absent.isEmpty, "everyone on the roster is expected")
        #expect(ws.definitions.mql == Definition("Fits the ideal lead and asked for a demo, or scored 60", agreed: true), "definitions carry over")
        #expect(ws.definitions.idealLead.agreed && !ws.definitions.sql.agreed)
        #expect(first.definitionChanges.map(\.subject) == [.mql, .idealLead] && next.definitionChanges.isEmpty)
    }
}
