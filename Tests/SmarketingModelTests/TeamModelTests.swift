import Foundation
import Testing
@testable import SmarketingModel

/// The team's own things in the model: the roster, attendance, the definitions, the standing
/// agenda and the week-start weekday, and the files from before they were kept.
@Suite("Team model")
struct TeamModelTests {
    let now = Timestamp(iso: "2026-11-23T09:41:00Z")!

    func sample() throws -> Workspace { try Fixture.loadSample("northwind.json") }

    func roundTrip(_ ws: Workspace, sourceLocation: SourceLocation = #_sourceLocation) throws -> Workspace {
        let back = try MeetingStore.decode(MeetingStore.encode(ws), path: "team.json")
        #expect(back == ws, "the saved file reads back differently", sourceLocation: sourceLocation)
        return back
    }

    func loadErrors(_ json: String) -> String {
        do {
            _ = try MeetingStore.decode(Array(json.utf8), path: "t.json")
            return ""
        } catch {
            return "\(error)"
        }
    }

    /// A minimal version-1 file, as earlier releases wrote it.
    static let versionOne = """
    {"schemaVersion": 1,
     "team": {"name": "Acme", "salesReps": 3, "currency": "EUR", "qualifiedLeadDefinition": "A demo request from a firm of 50+ people.",
              "sla": {"leadsPerRepPerMonth": 5, "firstAttemptBusinessHours": 6, "attemptsRequired": 4, "attemptWindowDays": 12}},
     "targets": {"costPerLead": 50, "leadToCustomerRatio": 0.02, "closeRate": 0.25, "salesCycleDays": 45},
     "weeks": [{"id": "w1", "weekStart": "2026-11-10", "marketingSpend": 100, "leads": 10, "mqls": 5, "sqls": 2,
                "opportunities": 1, "won": 0, "lost": 0, "newCustomers": 0, "cycleDays": [],
                "sqlsFirstAttemptInSLA": null, "sqlsFullyAttempted": null}],
     "frictionPoints": [],
     "meetings": [{"id": "m1", "date": "2026-11-19", "kpiWeek": "2026-11-10", "chair": "Dana", "attendees": ["Dana"],
                   "agenda": [], "decisions": [], "actionItems": []}],
     "currentMeetingId": "m1"}
    """

    @Test("a version-1 file loads with starting drafts, its own definition as the agreed SQL definition, and its weeks' weekday")
    func versionOneLoads() throws {
        let ws = try MeetingStore.decode(Array(Self.versionOne.utf8), path: "v1.json")
        #expect(ws.team.weekStartWeekday == 2, "2026-11-10 is a Tuesday")
        #expect(ws.definitions.sql == Definition("A demo request from a firm of 50+ people.", agreed: true))
        #expect(!ws.definitions.mql.agreed && !ws.definitions.mql.text.isEmpty, "the other definitions are drafts with starting text")
        #expect(ws.definitions.personas.count == 1 && ws.definitions.personas[0].id == "per1")
        #expect(ws.definitions.sla.text.contains("within 6 business hours"))
        #expect(ws.agendaTemplate == WorkspaceTemplate.standardAgendaTemplate)
        #expect(ws.people.isEmpty)
        let text = String(decoding: MeetingStore.encode(ws), as: UTF8.self)
        #expect(text.contains("\"schemaVersion\": 2"))
        #expect(text.contains("\"weekStartsOn\": \"tuesday\""))
        #expect(!text.contains("qualifiedLeadDefinition"), "the old key is not written again")
        _ = try roundTrip(ws)
    }

    @Test("a file from a newer version is refused with the version named")
    func newerVersionRefused() {
        let text = Self.versionOne.replacingOccurrences(of: "\"schemaVersion\": 1", with: "\"schemaVersion\": 3")
        #expect(loadErrors(text).contains("3"))
    }

    @Test("the roster, attendance, definitions, changes and the standing agenda survive a save")
    func roundTrips() throws {
        var ws = try sample()
        ws.people = [Person(name: "Priya Natarajan", team: .marketing, shortName: "PN"), Person(name: "Luis Ortega", team: .sales)]
        try ws.setAttendance(of: "Luis Ortega", present: false)
        try ws.saveDefinition(.mql, Definition("Score ≥ 60 and a pricing visit", agreed: true))
        try ws.savePersona(Persona(id: "per9", name: "Ops Olivia", role: "COO", goals: "calm", pains: "spreadsheets"))
        try ws.saveAgendaAsTemplate()
        let back = try roundTrip(ws)
        #expect(back.currentMeeting?.absent == ["Luis Ortega"])
        #expect(back.currentMeeting?.definitionChanges.map(\.subject) == [.mql, .persona(id: "per9")])
    }

    @Test("the loader refuses a roster name twice, a name both present and absent, a week off the team's weekday")
    func validatorRules() throws {
        var ws = try sample()
        ws.people = [Person(name: "Ana"), Person(name: "Ana")]
        var problems = WorkspaceValidator.problems(in: ws).map(\.description)
        #expect(problems.contains { $0.hasPrefix("people[1].name") && $0.contains("already on the roster") })

        ws = try sample()
        let mi = ws.currentMeetingIndex!
        ws.meetings[mi].absent = [ws.meetings[mi].attendees[0]]
        problems = WorkspaceValidator.problems(in: ws).map(\.description)
        #expect(problems.contains { $0.contains("both present (attendees) and absent") })

        ws = try sample()
        ws.team.weekStartWeekday = 3
        problems = WorkspaceValidator.problems(in: ws).map(\.description)
        #expect(problems.contains { $0.contains("the team's weeks start on a Wednesday (team.weekStartsOn)") })

        let badDay = Self.versionOne.replacingOccurrences(of: "\"currency\": \"EUR\",", with: "\"currency\": \"EUR\", \"weekStartsOn\": \"Tue\",")
        #expect(loadErrors(badDay).contains("team.weekStartsOn"))
    }

    @Test("renaming a person renames them everywhere; a name already taken is refused")
    func renamePerson() throws {
        var ws = try sample()
        let old = "Luis Ortega"
        ws.people = [Person(name: old, team: .sales), Person(name: "Priya Natarajan", team: .marketing)]
        let owned = ws.meetings.flatMap(\.actionItems).filter { $0.owner == old }.count
        #expect(owned > 0)
        let renamed = try ws.savePerson(Person(name: "Luis Ortega Díaz", team: .sales), replacing: old)
        #expect(renamed >= owned)
        #expect(!ws.meetings.flatMap(\.actionItems).contains { $0.owner == old })
        #expect(ws.currentMeeting!.attendees.contains("Luis Ortega Díaz"))
        let before = ws
        #expect(throws: EditError.self) { try ws.savePerson(Person(name: "Priya Natarajan"), replacing: "Luis Ortega Díaz") }
        #expect(ws == before)
        try ws.removePerson(named: "Priya Natarajan")
        #expect(ws.people.map(\.name) == ["Luis Ortega Díaz"])
        #expect(!ws.currentMeeting!.attendees.contains("Priya Natarajan"))
    }

    @Test("attendance moves a name between present and absent")
    func attendance() throws {
        var ws = try sample()
        try ws.setAttendance(of: "Hannah Kim", present: false)
        #expect(ws.isPresent("Hannah Kim") == false)
        #expect(!ws.currentMeeting!.attendees.contains("Hannah Kim"))
        try ws.setAttendance(of: "Hannah Kim", present: true)
        #expect(ws.isPresent("Hannah Kim") == true)
        #expect(ws.currentMeeting!.absent.isEmpty)
        #expect(ws.isPresent("Nobody") == nil)
    }

    @Test("a definition change is recorded once per subject in the meeting, and not at all when nothing changed")
    func definitionChanges() throws {
        var ws = try sample()
        let same = ws.definitions.sql
        try ws.saveDefinition(.sql, same)
        #expect(ws.currentMeeting!.definitionChanges.isEmpty)
        try ws.saveDefinition(.sql, Definition("first", agreed: false))
        try ws.saveDefinition(.sql, Definition("second", agreed: true))
        #expect(ws.currentMeeting!.definitionChanges == [DefinitionChange(subject: .sql, title: "What counts as an SQL", text: "second", agreed: true)])
        #expect(throws: EditError.self) { try ws.saveDefinition(.sql, Definition(String(repeating: "x", count: ModelLimits.longText + 1))) }
        // Carried over: the next meeting starts with the same definitions and no changes.
        var ids = IDGenerator(seed: 1)
        let summary = try NextWeek.start(&ws, now: now, ids: &ids)
        #expect(summary.opened.definitionChanges.isEmpty)
        #expect(ws.definitions.sql.text == "second")
    }

    @Test("the minutes list who was present and absent, and the definitions that changed, with their state")
    func minutes() throws {
        var ws = try sample()
        try ws.setAttendance(of: "Hannah Kim", present: false)
        try ws.saveDefinition(.opportunity, Definition("A deal with an amount and a close date.", agreed: true))
        try ws.savePersona(Persona(id: "per9", name: "Ops Olivia", role: "COO", goals: "fewer fires\nand calm Mondays"))
        let text = MinutesExporter(workspace: ws).markdown(for: ws.currentMeeting!)
        #expect(text.contains("Present (7): Dana Whitfield, Marcus Reed"))
        #expect(text.contains("Absent (1): Hannah Kim\\\n"))
        #expect(text.contains("absent:\n  - \"Hannah Kim\""))
        #expect(text.contains("## Definitions changed this week\n\n### What counts as an opportunity (agreed)\n\nA deal with an amount and a close date.\n\n### Persona: Ops Olivia (draft)\n\n- Role: COO\n- Goals: fewer fires and calm Mondays\n"), "empty fields left out, a field's lines joined: \(text)")
        let unchanged = try sample()
        #expect(!MinutesExporter(workspace: unchanged).markdown(for: unchanged.currentMeeting!).contains("Definitions changed"))
    }

    @Test("new-week builds the agenda from the standing agenda plus the items left open, and expects the roster")
    func standingAgenda() throws {
        var ws = try sample()
        ws.people = [Person(name: "Dana Whitfield"), Person(name: "Luis Ortega", team: .sales)]
        let mi = ws.currentMeetingIndex!
        ws.meetings[mi].agenda[0].status = .done
        let custom = ws.meetings[mi].agenda.map(\.title)
        #expect(try ws.saveAgendaAsTemplate() == custom.count)
        #expect(ws.agendaTemplate.allSatisfy { $0.owner.isEmpty || $0.owner != ws.meetings[mi].chair })
        ws.meetings[mi].agenda.append(AgendaItem(id: "ag-extra", title: "Pricing page test", owner: "Luis Ortega", timeboxMinutes: 7, status: .skipped))
        try ws.setAttendance(of: "Luis Ortega", present: false)
        var ids = IDGenerator(seed: 2)
        let summary = try NextWeek.start(&ws, now: now, ids: &ids)
        #expect(summary.opened.agenda.map(\.title) == custom + ["Pricing page test"], "the template, then the skipped item")
        #expect(summary.opened.agenda.last?.status == .pending)
        #expect(summary.opened.attendees == ["Dana Whitfield", "Luis Ortega"])
        #expect(summary.opened.absent.isEmpty)
        _ = try roundTrip(ws)
    }

    @Test("the weekday cannot move under recorded weeks; without weeks it moves the meeting's KPI week")
    func weekday() throws {
        var ws = try sample()
        var team = ws.team
        team.weekStartWeekday = 7
        do {
            try ws.saveTeamSettings(team, targets: ws.targets, meetingMinutes: nil)
            Issue.record("not refused")
        } catch {
            #expect(error.field == "weekday")
            #expect(error.message.contains("start on a Monday, so the weeks cannot start on a Sunday"))
        }
        var ids = IDGenerator(seed: 3)
        var fresh = WorkspaceTemplate.newWorkspace(WorkspaceTemplate.Setup(team: "T", salesReps: 2, chair: "C", date: CalendarDate(iso: "2026-11-25")!), ids: &ids)
        #expect(fresh.currentMeeting?.kpiWeek.iso == "2026-11-16")
        team = fresh.team
        team.weekStartWeekday = 7
        try fresh.saveTeamSettings(team, targets: fresh.targets, meetingMinutes: nil)
        #expect(fresh.currentMeeting?.kpiWeek.iso == "2026-11-15", "the Sunday starting that week")
        #expect(fresh.weekStartProblem(CalendarDate(iso: "2026-11-16")!)?.message.contains("such as 2026-11-15") == true)
    }

    @Test("a new workspace has the chair and attendees on its roster, with their sides, and drafts to agree on")
    func newWorkspace() {
        var setup = WorkspaceTemplate.Setup(team: "T", salesReps: 2, chair: "Dana", date: CalendarDate(iso: "2026-11-23")!)
        setup.attendees = [Person(name: "Luis Ortega", team: .sales), Person(name: "Dana", team: .marketing), Person(name: " ")]
        var ids = IDGenerator(seed: 4)
        let ws = WorkspaceTemplate.newWorkspace(setup, ids: &ids)
        #expect(ws.people == [Person(name: "Dana", team: .marketing), Person(name: "Luis Ortega", team: .sales)])
        #expect(ws.currentMeeting?.attendees == ["Dana", "Luis Ortega"])
        #expect(ws.definitions.subjects.allSatisfy { !ws.definitions.isAgreed($0) && !ws.definitions.text(of: $0).isEmpty })
        #expect(WorkspaceValidator.problems(in: ws).isEmpty)
    }

    @Test("one short-name rule: whole when it fits, the roster's short name, the first name, or first name and initial")
    func shortNames() {
        let style = NameStyle(people: [Person(name: "Priya Natarajan", team: .marketing),
                                       Person(name: "Priya Nair", team: .sales),
                                       Person(name: "Luis Ortega", team: .sales),
                                       Person(name: "Tom Becker", shortName: "TB")],
                              others: ["Hannah Kim"])
        #expect(style.short("Priya Natarajan") == "Priya Nat.")
        #expect(style.short("Priya Nair") == "Priya Nai.")
        #expect(NameStyle(people: [Person(name: "Priya Natarajan"), Person(name: "Priya Kumar")]).short("Priya Kumar") == "Priya K.")
        #expect(style.short("Luis Ortega") == "Luis")
        #expect(style.short("Tom Becker") == "TB")
        #expect(style.short("Hannah Kim") == "Hannah")
        #expect(style.short("Zed Unknown") == "Zed")
        #expect(style.fit("Luis Ortega", width: 11) == "Luis Ortega")
        #expect(style.fit("Luis Ortega", width: 10) == "Luis")
        #expect(style.fit("Priya Natarajan", width: 5) == "Priy…")
    }
}
