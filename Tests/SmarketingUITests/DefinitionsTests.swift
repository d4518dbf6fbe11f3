import Testing
@testable import SmarketingModel
@testable import SmarketingUI

/// The team's definitions view (`I`): reading, moving, editing in a form and in $EDITOR, agreeing,
/// adding and deleting personas. Northwind's subjects in order: the ideal lead, the personas
/// Olivia (agreed) and Dev (draft), lead, MQL, SQL, opportunity, the SLA.
@Suite("Definitions view")
struct DefinitionsTests {
    func state(_ size: Size = Size(width: 120, height: 40)) throws -> AppState { try UIFixture.state(size: size) }
    func meeting(_ s: AppState) -> Meeting { s.workspace.currentMeeting! }
    func view(_ s: AppState) -> DefinitionsView? {
        if case .definitions(let view) = s.mode { return view }
        return nil
    }
    func screen(_ s: AppState) -> String { Renderer.render(s).grid.textLines.joined(separator: "\n") }
    /// Opens the view (unless it is open) and moves to `subject` with j/k.
    func select(_ s: inout AppState, _ subject: DefinitionSubject) {
        if view(s) == nil { s.press(.char("I")) }
        for _ in s.workspace.definitions.subjects { s.press(.char("k")) }
        let index = s.workspace.definitions.subjects.firstIndex(of: subject)!
        for _ in 0..<index { s.press(.char("j")) }
    }

    @Test func iOpensEverySubjectWithItsMarkAndClosesWithEscQOrI() throws {
        var s = try state()
        s.press(.char("I"))
        #expect(view(s) == DefinitionsView(selected: 0, top: 0))
        let text = screen(s)
        #expect(text.contains("Definitions · 7 agreed, 1 draft"))
        for title in ["The ideal lead", "Persona: Operations director Olivia", "Persona: Data lead Dev", "What counts as a lead"] {
            #expect(text.contains(title), "\(title)")
        }
        // A persona shows its fields one per line; the draft says so in words, not only in colour.
        #expect(text.contains("Where they look: GitHub, Hacker News"))
        let devLine = text.split(separator: "\n").first { $0.contains("Persona: Data lead Dev") } ?? ""
        #expect(devLine.contains("! DRAFT"))
        #expect(text.split(separator: "\n").first { $0.contains("The ideal lead") }?.contains("✓ agreed") == true)
        for close in [Key.escape, .char("q"), .char("I")] {
            s.press(close)
            #expect(s.mode == .normal)
            s.press(.char("I"))
        }
    }

    @Test func jAndKMoveAndKeepTheSelectionOnThePage() throws {
        var s = try state(Size(width: 80, height: 24))
        s.press(.char("I"), .char("k"))
        #expect(view(s)?.selected == 0)
        let subjects = s.workspace.definitions.subjects
        let rows = DefinitionsOverlay.pageRows(on: s.size)
        for i in 1..<subjects.count {
            s.press(.char("j"))
            let v = try #require(view(s))
            #expect(v.selected == i)
            let entries = DefinitionsOverlay.entries(s.workspace.definitions, changed: [])
            let range = DefinitionsOverlay.page(entries, width: DefinitionsOverlay.textWidth(on: s.size)).ranges[i]
            #expect(range.lowerBound >= v.top && range.upperBound <= v.top + rows, "subject \(i) wholly on the page")
        }
        s.press(.char("j"))
        #expect(view(s)?.selected == subjects.count - 1, "stays on the last")
        #expect(screen(s).contains("▸ The SLA in words"))
        s.press(.pageUp)
        #expect(view(s)?.selected == subjects.count - 2)
        s.press(.pageDown)
        #expect(view(s)?.selected == subjects.count - 1)
    }

    @Test func pageDownScrollsThroughADefinitionLongerThanThePageFirst() throws {
        var s = try state(Size(width: 80, height: 24))
        let long = (1...60).map { "Rule \($0) of what counts as a lead." }.joined(separator: "\n")
        try s.workspace.saveDefinition(.lead, Definition(long, agreed: false))
        select(&s, .lead)
        let start = try #require(view(s))
        s.press(.pageDown)
        let paged = try #require(view(s))
        #expect(paged.selected == start.selected, "still on the long definition")
        #expect(paged.top > start.top)
        #expect(screen(s).contains("Rule 20 of") && !screen(s).contains("Rule 1 of"))
        s.press(.pageUp)
        #expect(view(s)?.top == start.top && view(s)?.selected == start.selected)
    }

    @Test func theFormSavesADefinitionAndTheMeetingRecordsTheChange() throws {
        var s = try state()
        select(&s, .mql)
        s.press(.enter)
        guard case .form(let form) = s.mode else { Issue.record("no form"); return }
        #expect(form.target == .definition(.mql))
        #expect(form.title == "What counts as an MQL")
        s.press(.ctrl("u"))
        s.type("A lead with 60 points or a demo request.")
        s.press(.tab, .left) // agreed → draft
        s.press(.enter)
        #expect(s.workspace.definitions.mql == Definition("A lead with 60 points or a demo request.", agreed: false))
        #expect(meeting(s).definitionChanges == [DefinitionChange(subject: .mql, title: "What counts as an MQL",
                                                                  text: "A lead with 60 points or a demo request.", agreed: false)])
        #expect(view(s)?.selected == s.workspace.definitions.subjects.firstIndex(of: .mql), "back on the same subject")
        #expect(s.banner?.text == "Saved: What counts as an MQL (draft). The minutes list it under Definitions changed this week.")
        let mqlLine = screen(s).split(separator: "\n").first { $0.contains("What counts as an MQL") } ?? ""
        #expect(mqlLine.contains("changed this meeting") && mqlLine.contains("DRAFT"))
        let minutes = MinutesExporter(workspace: s.workspace).markdown(for: meeting(s))
        #expect(minutes.contains("Definitions changed this week") && minutes.contains("A lead with 60 points or a demo request."))
        // u in the view undoes it, and the view stays open.
        s.press(.char("u"))
        #expect(s.workspace.definitions.mql.agreed && meeting(s).definitionChanges.isEmpty)
        #expect(view(s) != nil)
    }

    @Test func cancellingTheFormGoesBackToTheSameSubject() throws {
        var s = try state()
        select(&s, .sql)
        s.press(.char("e"), .escape)
        #expect(view(s)?.selected == s.workspace.definitions.subjects.firstIndex(of: .sql))
        s.press(.char("e"), .char("x"), .escape, .char("y")) // typed: asks, then discards
        #expect(view(s)?.selected == s.workspace.definitions.subjects.firstIndex(of: .sql))
        #expect(meeting(s).definitionChanges.isEmpty)
    }

    @Test func spaceOrGTogglesAgreedAndDraft() throws {
        var s = try state()
        select(&s, .persona(id: "per-data"))
        s.press(.char(" "))
        #expect(s.workspace.definitions.isAgreed(.persona(id: "per-data")))
        #expect(s.banner?.text == "Persona: Data lead Dev: agreed. The minutes list it under Definitions changed this week.")
        #expect(screen(s).contains("Definitions · 8 agreed, 0 drafts"))
        s.press(.char("g"))
        #expect(!s.workspace.definitions.isAgreed(.persona(id: "per-data")))
        #expect(meeting(s).definitionChanges.map(\.agreed) == [false])
        select(&s, .sla)
        s.press(.char(" "))
        #expect(!s.workspace.definitions.sla.agreed)
        #expect(s.banner?.text.hasPrefix("The SLA in words: back to draft.") == true)
    }

    @Test func aAddsAPersonaInAFormAndDDeletesOneUndoably() throws {
        var s = try state()
        s.press(.char("I"), .char("a"))
        guard case .form(let form) = s.mode else { Issue.record("no form"); return }
        #expect(form.target == .persona(id: nil))
        #expect(form.fields.map(\.label) == ["Name", "Role", "Goals", "Pains", "Objections", "Where they look", "Agreed"])
        s.press(.enter)
        guard case .form(let refused) = s.mode else { Issue.record("the form closed without a name"); return }
        #expect(refused.fields[0].error == "required")
        s.type("Finance head Fay")
        s.press(.tab)
        s.type("Signs every contract over 10k.")
        s.press(.enter)
        let personas = s.workspace.definitions.personas
        #expect(personas.count == 3)
        let fay = try #require(personas.last)
        #expect(fay.name == "Finance head Fay" && fay.role == "Signs every contract over 10k." && !fay.agreed)
        #expect(s.workspace.definitions.subjects[view(s)?.selected ?? 0] == .persona(id: fay.id), "the new persona is selected")
        #expect(meeting(s).definitionChanges.map(\.subject) == [.persona(id: fay.id)])

        s.press(.char("d"))
        #expect(s.workspace.definitions.personas.count == 2)
        #expect(meeting(s).definitionChanges.isEmpty, "a deleted persona is no change to list")
        #expect(s.banner?.text == "Deleted the persona Finance head Fay. u undoes it.")
        s.press(.char("u"))
        #expect(s.workspace.definitions.personas.last == fay)

        // Only personas can be deleted.
        select(&s, .idealLead)
        let before = s.workspace
        s.press(.char("d"))
        #expect(s.workspace == before)
        #expect(s.banner?.isError == true)
    }

    @Test func eOpensAFixedDefinitionInTheEditorAndSavesWhatComesBack() throws {
        var s = try state()
        select(&s, .sql)
        let old = s.workspace.definitions.sql
        let effects = Reducer.reduce(&s, .key(.char("E")))
        #expect(effects == [.editNotes(.definition(.sql), old.text)])
        let back = Reducer.reduce(&s, .notesEdited(.definition(.sql), .success("An MQL sales accepted after a call.\nBudget owner confirmed.\n")))
        #expect(back == [.save])
        #expect(s.workspace.definitions.sql == Definition("An MQL sales accepted after a call.\nBudget owner confirmed.", agreed: old.agreed))
        #expect(meeting(s).definitionChanges.map(\.subject) == [.sql])
        #expect(view(s)?.selected == s.workspace.definitions.subjects.firstIndex(of: .sql))
        #expect(s.banner?.text == "Saved: What counts as an SQL (agreed). The minutes list it under Definitions changed this week.")
        // The same text again is no change; an editor that failed changes nothing.
        _ = Reducer.reduce(&s, .notesEdited(.definition(.sql), .success("An MQL sales accepted after a call.\nBudget owner confirmed.\n")))
        #expect(s.banner?.text == "No change to What counts as an SQL.")
        _ = Reducer.reduce(&s, .notesEdited(.definition(.sql), .failure(NotesEditFailure("the editor vi exited with status 1; nothing changed"))))
        #expect(s.banner?.text == "Definition not changed: the editor vi exited with status 1; nothing changed")
    }

    @Test func aPersonaGoesToTheEditorAsLabelledLinesAndComesBackFieldByField() throws {
        var s = try state()
        select(&s, .persona(id: "per-data"))
        let dev = s.workspace.definitions.personas[1]
        let effects = Reducer.reduce(&s, .key(.char("E")))
        let text = "Name: Data lead Dev\n" + dev.text
        #expect(effects == [.editNotes(.definition(.persona(id: "per-data")), text)])
        #expect(text.hasPrefix("Name: Data lead Dev\nRole: Leads a three-person data team"))

        let edited = "Name: Data lead Devi\nRole: Leads the data team\n  of three.\nGoals: Self-serve.\nPains: Rework.\n\nObjections: Lock-in.\n"
        _ = Reducer.reduce(&s, .notesEdited(.definition(.persona(id: "per-data")), .success(edited)))
        let saved = s.workspace.definitions.personas[1]
        #expect(saved == Persona(id: "per-data", name: "Data lead Devi", role: "Leads the data team\nof three.", goals: "Self-serve.",
                                 pains: "Rework.", objections: "Lock-in.", whereTheyLook: "", agreed: false))
        #expect(meeting(s).definitionChanges.map(\.title) == ["Persona: Data lead Devi"])
        // A field's further lines stay indented under its label.
        let lines = screen(s).split(separator: "\n")
        let role = try #require(lines.firstIndex { $0.contains("Role: Leads the data team") })
        #expect(lines[role + 1].contains("      of three."))
    }

    @Test func aPersonaTextThatDoesNotReadBackIsRefusedAndKeptForTheNextE() throws {
        var s = try state()
        select(&s, .persona(id: "per-data"))
        let before = s.workspace
        let subject = DefinitionSubject.persona(id: "per-data")
        let bad = "Name: Data lead Dev\nRole: Leads data\nBudget: 10k a year\n"
        _ = Reducer.reduce(&s, .notesEdited(.definition(subject), .success(bad)))
        #expect(s.workspace == before, "nothing saved")
        #expect(s.banner?.isError == true)
        #expect(s.banner?.text == "Persona not saved (your text is kept: E reopens it): line 3: \"Budget\" is not a field; use Name, Role, Goals, Pains, Objections, Where they look.")
        #expect(s.unsavedDefinitionText == UnsavedDefinitionText(subject: subject, text: bad))
        // E opens what was typed, not the stored persona, even after closing and reopening the view.
        s.press(.escape)
        select(&s, subject)
        #expect(Reducer.reduce(&s, .key(.char("E"))) == [.editNotes(.definition(subject), bad)])

        _ = Reducer.reduce(&s, .notesEdited(.definition(subject), .success("Role: Leads data\n")))
        #expect(s.workspace == before)
        #expect(s.banner?.text.contains("the persona needs a name") == true)
        _ = Reducer.reduce(&s, .notesEdited(.definition(subject), .success("Leads data\nName: Dev\n")))
        #expect(s.banner?.text.contains("line 1: start with \"Name: …\"") == true)
        _ = Reducer.reduce(&s, .notesEdited(.definition(subject), .success("Name: Dev\nName: Devi\n")))
        #expect(s.banner?.text.contains("line 2: \"Name\" appears twice") == true)
        #expect(s.workspace == before)

        // Saving the persona in the form instead also forgets it.
        s.press(.enter, .enter)
        #expect(s.unsavedDefinitionText == nil)
        _ = Reducer.reduce(&s, .notesEdited(.definition(subject), .success(bad)))
        #expect(s.unsavedDefinitionText != nil)
        // A good text saves and forgets what was kept.
        _ = Reducer.reduce(&s, .notesEdited(.definition(subject), .success("Name: Dev\nRole: Leads data\n")))
        #expect(s.workspace.definitions.personas[1].name == "Dev")
        #expect(s.unsavedDefinitionText == nil)
    }

    @Test func aTextOverTheLimitFromTheEditorIsKeptNotLost() throws {
        var s = try state()
        select(&s, .lead)
        let huge = String(repeating: "x", count: ModelLimits.longText + 1)
        _ = Reducer.reduce(&s, .notesEdited(.definition(.lead), .success(huge)))
        #expect(s.banner?.isError == true)
        #expect(s.unsavedDefinitionText?.text == huge)
        #expect(s.workspace.definitions.lead.text != huge)
    }

    @Test func aLongDefinitionInTheFormPointsAtEForTheWholeText() throws {
        var s = try state()
        let long = String(repeating: "word ", count: 500)
        try s.workspace.saveDefinition(.idealLead, Definition(long, agreed: true))
        s.press(.char("I"), .enter)
        guard case .form(let form) = s.mode else { Issue.record("no form"); return }
        #expect(form.fields[0].hint.hasSuffix("Esc, then E edits them all"))
    }

    @Test func aPasteOnTheViewIsNotRunAsKeys() throws {
        var s = try state()
        s.press(.char("I"))
        let before = s.workspace
        _ = Reducer.reduce(&s, .paste("  a d g E"))
        #expect(s.workspace == before && view(s) == DefinitionsView())
        #expect(s.banner?.text == "Paste ignored: e opens the definition in a form, E in your editor.")
    }

    @Test func presentModeOnlyReads() throws {
        var s = try state()
        s.readOnly = true
        s.press(.char("I"), .char("j"))
        #expect(view(s)?.selected == 1)
        let before = s.workspace
        s.press(.char(" "), .char("d"), .char("a"))
        #expect(s.workspace == before)
        #expect(view(s) != nil)
        #expect(Reducer.reduce(&s, .key(.char("E"))).isEmpty)
    }

    // MARK: screens

    @Test(arguments: [(80, 24), (200, 60)])
    func definitionsScreen(width: Int, height: Int) throws {
        var s = try state(Size(width: width, height: height))
        select(&s, .persona(id: "per-data"))
        s.press(.char(" "), .char("j"))
        s.banner = nil
        try UIFixture.assertScreen(Renderer.render(s), "definitions-\(width)x\(height)")
    }

    /// What `smarketing init` gives a new team: starting text, every subject a draft.
    @Test func aNewTeamSeesItsStartingDraftsToAgreeOn() throws {
        var ids = IDGenerator(seed: 7)
        let ws = WorkspaceTemplate.newWorkspace(team: "Acme", salesReps: 3, chair: "Dana", date: CalendarDate(iso: "2026-11-23")!, ids: &ids)
        var s = AppState(workspace: ws, fileLabel: "acme.json", size: Size(width: 100, height: 30), now: UIFixture.morning)
        s.press(.char("I"))
        let text = screen(s)
        #expect(text.contains("Definitions · 0 agreed, 7 drafts"))
        try UIFixture.assertScreen(Renderer.render(s), "definitions-new-team-100x30")
    }

    /// A version-1 file: its own qualified-lead definition is the agreed SQL definition, the rest are drafts.
    @Test func aVersionOneFileShowsItsOwnDefinitionAgreedAndTheRestAsDrafts() throws {
        let v1 = """
        {"schemaVersion": 1,
         "team": {"name": "Acme", "salesReps": 3, "currency": "EUR", "qualifiedLeadDefinition": "A demo request from a firm of 50+ people.",
                  "sla": {"leadsPerRepPerMonth": 5, "firstAttemptBusinessHours": 6, "attemptsRequired": 4, "attemptWindowDays": 12}},
         "targets": {"costPerLead": 50, "leadToCustomerRatio": 0.02, "closeRate": 0.25, "salesCycleDays": 45},
         "weeks": [], "frictionPoints": [],
         "meetings": [{"id": "m1", "date": "2026-11-19", "kpiWeek": "2026-11-10", "chair": "Dana", "attendees": ["Dana"],
                       "agenda": [], "decisions": [], "actionItems": []}],
         "currentMeetingId": "m1"}
        """
        let ws = try MeetingStore.decode(Array(v1.utf8), path: "v1.json")
        var s = AppState(workspace: ws, fileLabel: "v1.json", size: Size(width: 100, height: 40), now: UIFixture.morning)
        select(&s, .sql)
        let lines = screen(s).split(separator: "\n")
        #expect(lines.first { $0.contains("What counts as an SQL") }?.contains("✓ agreed") == true)
        #expect(lines.contains { $0.contains("A demo request from a firm of 50+ people.") })
        #expect(lines.first { $0.contains("What counts as an MQL") }?.contains("! DRAFT") == true)
        #expect(screen(s).contains("Definitions · 1 agreed, 6 drafts"))
    }
}
