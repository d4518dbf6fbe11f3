import Testing
@testable import SmarketingModel
@testable import SmarketingUI

@Suite("Live meeting in the reducer")
struct LiveMeetingTests {
    func state(_ size: Size = Size(width: 120, height: 40)) throws -> AppState { try UIFixture.state(size: size) }
    func meeting(_ s: AppState) -> Meeting { s.workspace.currentMeeting! }
    func tick(_ s: inout AppState, _ seconds: Int64) { _ = Reducer.reduce(&s, .tick(UIFixture.morning.adding(seconds: seconds))) }

    @Test func startAndNextRunTheAgendaOnTheInjectedClock() throws {
        var s = try state()
        #expect(Reducer.reduce(&s, .key(.char("s"))) == [.save])
        #expect(meeting(s).startedAt == UIFixture.morning)
        #expect(meeting(s).agenda[0].status == .active)
        tick(&s, 9 * 60)
        s.press(.char("n"))
        #expect(meeting(s).agenda[0].actualSeconds == 540)
        #expect(meeting(s).agenda[1].status == .active)
        #expect(s.selected(.agenda) == 1)
        #expect(s.banner?.text == "Now: KPI review: cost per lead, lead-to-customer, close rate, sales cycle")
        tick(&s, 9 * 60 + 8 * 60 + 30) // 8:30 into a 10-minute item: past 80%
        let frame = Renderer.render(s)
        try UIFixture.assertScreen(frame, "meeting-running-120x40")
        #expect(frame.grid.textLines[0].contains("◷ 17:30 of 60 min · ends ~10:35"))
    }

    @Test func eEndsTheMeetingStopsTheClockAndRecordsTheRunningItem() throws {
        var s = try state()
        s.press(.char("E"))
        #expect(meeting(s).endedAt == nil)
        #expect(s.banner?.text == "The meeting has not started; s starts it.")
        s.press(.char("s"))
        tick(&s, 12 * 60)
        s.press(.char("n")) // item 1: 12 min; item 2 running
        tick(&s, 58 * 60)
        #expect(Reducer.reduce(&s, .key(.char("E"))) == [.save])
        let m = meeting(s)
        #expect(m.endedAt == UIFixture.morning.adding(seconds: 58 * 60))
        #expect(m.agenda[1].status != .active && m.agenda[1].actualSeconds == 46 * 60)
        #expect(!m.agenda.contains { $0.status == .active })
        #expect(s.banner?.text.hasPrefix("Meeting ended at ") == true && s.banner?.text.contains("after 58 of \(m.lengthMinutes) min") == true)
        // The clock stops: later ticks change nothing on the header.
        let header = Renderer.render(s).grid.textLines[0]
        #expect(header.contains("│ ended ") && header.contains(" · 58 of \(m.lengthMinutes) min"), "\(header)")
        tick(&s, 75 * 60)
        #expect(Renderer.render(s).grid.textLines[0].contains(" · 58 of \(m.lengthMinutes) min"))
        s.press(.char("E"))
        #expect(s.banner?.text.hasPrefix("The meeting already ended at ") == true)
        // Undo brings the running meeting back.
        s.press(.char("u"))
        #expect(meeting(s).endedAt == nil)
    }

    @Test func captureTakesADueDateAndAPastOneShowsAsOverdue() throws {
        var s = try state()
        s.press(.char("c"))
        s.type("a: Luis Ortega: send the deck due:fri")
        s.press(.enter)
        let item = try #require(meeting(s).actionItems.last)
        #expect(item.title == "send the deck" && item.due == CalendarDate(iso: "2026-11-27"))
        #expect(s.banner?.text == "Action item for Luis Ortega added, with its due date.")
        // Four days after Friday, the row says it is overdue.
        tick(&s, 8 * 86_400)
        s.press(.char("4"))
        let text = Renderer.render(s).grid.textLines.joined(separator: "\n")
        #expect(text.contains("overdue 4d"), "\(text)")
    }

    @Test func aDueDateInThePastIsKeptOnlyAfterASecondEnter() throws {
        var s = try state()
        s.press(.char("4"), .char("a"))
        s.type("Send the deck")
        s.press(.tab)
        s.type("Luis Ortega")
        s.press(.tab)
        s.type("2026-11-20")
        s.press(.enter)
        guard case .form(let form) = s.mode else { Issue.record("a past due date was saved without asking"); return }
        #expect(form.fields[form.focus].key == "due")
        #expect(form.fields[form.focus].error == "3 days in the past; Enter again keeps it")
        #expect(s.banner?.text.hasPrefix("That due date is in the past.") == true)
        s.press(.enter)
        #expect(s.mode == .normal)
        #expect(meeting(s).actionItems.first { $0.title == "Send the deck" }?.due?.iso == "2026-11-20")
        // A date from today on is saved at once.
        s.press(.char("a"))
        s.type("Book the room")
        s.press(.tab, .tab)
        s.type("2026-11-23")
        s.press(.enter)
        #expect(s.mode == .normal)
    }

    /// T: the team, its targets, the SLA and the meeting's length, from the keyboard.
    @Test func teamAndTargetsAreEditedInAForm() throws {
        var s = try state()
        let before = s.workspace
        s.press(.char("T"))
        guard case .form(let form) = s.mode else { Issue.record("T opened no form"); return }
        #expect(form.title == "Team & targets")
        #expect(form.value("reps") == "6" && form.value("close") == "30" && form.value("currency") == "USD")
        func set(_ key: String, _ text: String) {
            guard case .form(var f) = s.mode, let i = f.fields.firstIndex(where: { $0.key == key }) else { return }
            f.focus = i
            s.mode = .form(f)
            s.press(.ctrl("u"))
            s.type(text)
        }
        set("reps", "8")
        set("close", "32.5")
        set("length", "50")
        set("perRep", "6")
        set("currency", "us")
        s.press(.enter)
        guard case .form(let refused) = s.mode else { Issue.record("an invalid currency was saved"); return }
        #expect(refused.fields.first { $0.key == "currency" }?.error == "use a three-letter code such as USD or EUR")
        set("currency", "EUR")
        s.press(.enter)
        #expect(s.mode == .normal)
        #expect(s.workspace.team.salesReps == 8 && s.workspace.team.currency == "EUR" && s.workspace.team.sla.leadsPerRepPerMonth == 6)
        #expect(abs(s.workspace.targets.closeRate - 0.325) < 1e-9)
        #expect(meeting(s).lengthMinutes == 50)
        // The header reads the new length; undo brings the old settings back.
        #expect(Renderer.render(s).grid.textLines[1].contains("SLA"))
        s.press(.char("u"))
        #expect(s.workspace == before)
    }

    /// T: the weekday the KPI weeks start on. Fixed once weeks are recorded (the form says why);
    /// a team with no weeks yet can move it, and the meeting's KPI week moves with it.
    @Test func theWeekStartDayIsChosenInTheTeamForm() throws {
        var s = try state()
        s.press(.char("T"))
        guard case .form(var form) = s.mode, let i = form.fields.firstIndex(where: { $0.key == "weekday" }) else { Issue.record("no weekday field"); return }
        #expect(form.value("weekday") == "Monday")
        form.focus = i
        s.mode = .form(form)
        s.press(.left) // Sunday
        s.press(.enter)
        guard case .form(let refused) = s.mode else { Issue.record("a weekday under recorded weeks was saved"); return }
        #expect(refused.fields[i].error == "the 14 KPI weeks on record start on a Monday, so the weeks cannot start on a Sunday now")
        #expect(s.workspace.team.weekStartWeekday == 1)

        var ids = IDGenerator(seed: 5)
        let fresh = WorkspaceTemplate.newWorkspace(WorkspaceTemplate.Setup(team: "New", salesReps: 3, chair: "Dana", date: CalendarDate(iso: "2026-11-25")!), ids: &ids)
        var t = AppState(workspace: fresh, fileLabel: "new.json", size: Size(width: 100, height: 30), now: UIFixture.morning,
                         themeNames: ["default"], ids: IDGenerator(seed: 6))
        t.press(.char("T"))
        guard case .form(var f) = t.mode else { Issue.record("T opened no form"); return }
        f.focus = i
        t.mode = .form(f)
        t.press(.left, .enter)
        #expect(t.mode == .normal)
        #expect(t.workspace.team.weekStartWeekday == 7)
        #expect(t.workspace.currentMeeting?.kpiWeek.iso == "2026-11-15")
    }

    /// M in the agenda: this agenda becomes the standing agenda that W builds next week from.
    @Test func theAgendaIsSavedAsTheStandingAgendaAndNextWeekStartsFromIt() throws {
        var s = try state()
        let titles = meeting(s).agenda.map(\.title)
        s.press(.char("2"), .char("M"))
        #expect(s.workspace.agendaTemplate.map(\.title) == titles)
        #expect(s.banner?.text == "Standing agenda saved (\(titles.count) items, 55 min); new weeks start from it.")
        s.press(.char("u"))
        #expect(s.workspace.agendaTemplate == WorkspaceTemplate.standardAgendaTemplate)
        s.press(.char("M"))
        // M means nothing outside the agenda pane.
        s.press(.char("3"), .char("M"))
        #expect(s.workspace.agendaTemplate.count == titles.count)
        s.press(.char("W"))
        let prompt = Renderer.render(s).grid.textLines.joined()
        #expect(prompt.contains("with the standing agenda (\(titles.count) items)"))
        #expect(prompt.contains("⚠ \(titles.count) agenda items never taken up: all are on the standing agenda."), "\(prompt)")
        s.press(.char("y"))
        #expect(meeting(s).agenda.map(\.title) == titles, "the standing agenda; nothing else was left over")
        #expect(meeting(s).agenda.allSatisfy { $0.status == .pending })
    }

    /// O: who owes what, by owner, overdue first; Space marks an item done from there.
    @Test func whoOwesWhatListsOpenItemsByOwnerOverdueFirstAndMarksThemDone() throws {
        var s = try state()
        tick(&s, 5 * 86_400) // Saturday 11-28: the items due 11-23 and 11-27 are overdue
        s.press(.char("O"))
        #expect(s.mode == .owed(selected: 0))
        let text = Renderer.render(s).grid.textLines.joined(separator: "\n")
        #expect(text.contains("Who owes what · 4 open, 2 overdue"), "\(text)")
        let groups = OwedList.groups(meeting(s), today: s.today)
        #expect(groups.map(\.owner) == ["Aisha Okafor", "Dana Whitfield", "Luis Ortega", "Sam Patel"])
        // Dana's item is the most overdue (5 days): it leads her group, and the list shows it.
        #expect(text.contains("overdue 5d") && text.contains("overdue 1d"))
        let first = meeting(s).actionItems[groups[0].items[0]]
        s.press(.char(" "))
        #expect(meeting(s).actionItems.first { $0.id == first.id }?.done == true)
        #expect(Renderer.render(s).grid.textLines.joined().contains("Who owes what · 3 open, 1 overdue"))
        s.press(.char("j"), .char("j"), .char("j"), .char("j"))
        #expect(s.mode == .owed(selected: 2))
        s.press(.escape)
        #expect(s.mode == .normal)
        s.press(.char("u"))
        #expect(meeting(s).actionItems.first { $0.id == first.id }?.done == false)
    }

    /// Owners on the capture line resolve to people the workspace knows; an ambiguous or unknown
    /// name is asked about instead of silently making a new person.
    @Test func captureResolvesOwnersAndAsksAboutAmbiguousOrUnknownOnes() throws {
        var s = try state()
        s.workspace.frictionPoints[0].owner = "Luisa Park"
        func capture(_ line: String) {
            s.press(.char("c"))
            s.type(line)
            s.press(.enter)
        }
        capture("a: luis o: call back")
        #expect(meeting(s).actionItems.last?.owner == "Luis Ortega")
        capture("a: Ortega: send the deck")
        #expect(meeting(s).actionItems.last.map { ($0.owner, $0.title) } ?? ("", "") == ("Luis Ortega", "send the deck"))
        let count = meeting(s).actionItems.count
        capture("a: Lu: book the room")
        guard case .capture(_, let completions) = s.mode else { Issue.record("an ambiguous owner was captured"); return }
        #expect(completions == ["Luis Ortega", "Luisa Park"] || completions == ["Luisa Park", "Luis Ortega"])
        #expect(s.banner?.text.hasPrefix("“Lu” could be ") == true)
        s.press(.escape, .char("y"))
        capture("a: Zed: order swag")
        #expect(meeting(s).actionItems.count == count)
        #expect(s.banner?.text == "Nobody called “Zed” yet. Enter again adds them as a new owner; or correct the name.")
        s.press(.enter)
        #expect(s.mode == .normal)
        #expect(meeting(s).actionItems.last.map { ($0.owner, $0.title) } ?? ("", "") == ("Zed", "order swag"))
    }

    @Test func closingTheWeekWarnsOfARunningItemAndItemsNeverTakenUp() throws {
        var s = try state()
        s.press(.char("s"))
        tick(&s, 60)
        s.press(.char("W"))
        #expect(s.mode == .confirmNewWeek)
        let text = Renderer.render(s).grid.textLines.joined(separator: "\n")
        let running = meeting(s).agenda[0].title
        #expect(text.contains("⚠ Still running (closing stops its clock): \(running.prefix(18))"), "\(text)")
        let pending = meeting(s).agenda.filter { $0.status == .pending }.count
        #expect(pending == 8)
        #expect(text.contains("⚠ 8 items never taken up: 7 carried to next week, 1 on the standing agenda."), "\(text)")
        s.press(.char("n"))
        #expect(s.mode == .normal)
    }

    @Test func timeboxColoursWarnAtEightyPercentAndOverrunAfter() throws {
        var s = try state()
        s.press(.char("s"), .char("j")) // move the selection off the running item so its colours show
        func timeRole() -> StyleRole {
            let grid = Renderer.render(s).grid
            let layout = Layout.of(s)
            let y = layout.panes[.agenda]!.y + 1
            return grid[layout.panes[.agenda]!.maxX - 3, y].role
        }
        tick(&s, 7 * 60)
        #expect(timeRole() == .active)
        tick(&s, 8 * 60)
        #expect(timeRole() == .warn)
        tick(&s, 10 * 60 + 1)
        #expect(timeRole() == .bad)
    }

    @Test func captureAddsEachKindAndExplainsMistakes() throws {
        var s = try state()
        func capture(_ line: String) {
            s.press(.char("c"))
            s.type(line)
            s.press(.enter)
        }
        capture("a: Luis Ortega: pull October first-attempt times")
        #expect(meeting(s).actionItems.last.map { ($0.owner, $0.title) } ?? ("", "") == ("Luis Ortega", "pull October first-attempt times"))
        capture("d: Webinar leads go to nurture first")
        #expect(meeting(s).decisions.last?.text == "Webinar leads go to nurture first")
        capture("f: opp: legal review adds two weeks")
        #expect(s.workspace.frictionPoints.last.map { ($0.stage, $0.title, $0.opened.iso) } ?? (.sql, "", "") == (.opportunity, "legal review adds two weeks", "2026-11-23"))
        capture("Budget question parked until December")
        #expect(meeting(s).notes == "Budget question parked until December")
        capture("f: pipeline: stuck")
        guard case .capture(let editor, _) = s.mode else { Issue.record("the capture line closed on an error"); return }
        #expect(editor.text == "f: pipeline: stuck")
        #expect(s.banner?.text == "Not captured: unknown stage \"pipeline\"; use iql-mql, sql, opportunity, customer or retention.")
        s.press(.escape, .char("y")) // the line holds text: Esc asks first
        #expect(s.mode == .normal)
        #expect(s.undoStack.count == 4)
    }

    @Test func captureCompletesOwnersAndStagesWithTab() throws {
        var s = try state()
        s.press(.char("c"))
        s.type("a: han")
        s.press(.tab)
        guard case .capture(let editor, _) = s.mode else { Issue.record("capture closed"); return }
        #expect(editor.text == "a: Hannah Kim: ")
        s.press(.escape, .char("y"), .char("c"))
        s.type("f: ")
        s.press(.tab)
        guard case .capture(_, let completions) = s.mode else { Issue.record("capture closed"); return }
        #expect(completions == ["iql-mql", "sql", "opportunity", "customer", "retention"])
    }

    @Test func aSuggestionCanBeAcceptedWithOneKeyOrDismissedForTheWeek() throws {
        var s = try state()
        #expect(s.suggestions.map(\.conversion) == [.mqlToSQL])
        s.press(.char("A"))
        let added = s.workspace.frictionPoints.last!
        #expect(added.stage == .sql)
        #expect(added.title.hasPrefix("MQL→SQL conversion fell to 18.4%"))
        #expect(s.focus == .friction && s.selectedItem(in: .friction)?.id == added.id)
        #expect(s.suggestions.isEmpty)

        var d = try state()
        d.press(.char("X"))
        #expect(d.suggestions.isEmpty)
        #expect(d.workspace.frictionPoints.count == 9)
        let reloaded = try MeetingStore.decode(MeetingStore.encode(d.workspace), path: "w.json")
        #expect(reloaded.currentMeeting?.dismissedSuggestions == [.mqlToSQL]) // remembered for that week
        d.press(.char("u"))
        #expect(d.suggestions.count == 1)
    }

    @Test func newWeekAsksFirstThenCarriesOver() throws {
        var s = try state()
        s.press(.char("W"))
        #expect(s.mode == .confirmNewWeek)
        s.press(.char("n"))
        #expect(meeting(s).date.iso == "2026-11-23")
        s.press(.char("W"), .char("y"))
        #expect(meeting(s).date.iso == "2026-11-30")
        #expect(meeting(s).actionItems.count == 4)
        #expect(s.banner?.text == "Closed 2026-11-23; started 2026-11-30 with 4 action items carried over.")
        s.press(.char("u"))
        #expect(meeting(s).date.iso == "2026-11-23")
    }

    @Test func presentModeNeverEdits() throws {
        var s = try state()
        s.readOnly = true
        let before = s.workspace
        for key in [Key.char("a"), .char("d"), .char(" "), .char("s"), .char("n"), .char("c"), .char("A"), .char("W"), .enter, .char("u")] {
            #expect(Reducer.reduce(&s, .key(key)).isEmpty)
        }
        #expect(s.workspace == before && s.mode == .normal)
        #expect(s.banner?.text == "This screen is read-only (present mode); edit in the chair's window.")
        s.press(.tab, .char("z"), .char("t"))
        #expect(s.focus == .friction && s.zoomed && s.themeIndex == 1)
        let status = Renderer.render(s).grid.textLines.last!
        #expect(status.contains("PRESENT"))
        #expect(!status.contains("a add"))
    }

    @Test func anExternalChangeReloadsQuietlyAndKeepsTheSelection() throws {
        var s = try state()
        s.press(.down, .down) // third agenda item
        let id = meeting(s).agenda[2].id
        var theirs = s.workspace
        let mi = theirs.currentMeetingIndex!
        theirs.meetings[mi].agenda.insert(AgendaItem(id: "new", title: "Inserted elsewhere"), at: 0)
        #expect(Reducer.reduce(&s, .externalChange(theirs)) == [.adoptDiskVersion])
        #expect(s.workspace == theirs)
        #expect(meeting(s).agenda[s.selected(.agenda)].id == id)
        #expect(s.mode == .normal)
    }

    @Test func anExternalChangeWithUnsavedEditsAsksAndNeverClobbers() throws {
        var s = try state()
        s.press(.char(" "))
        _ = Reducer.reduce(&s, .saveFinished(.failed("disk full")))
        let mine = s.workspace
        var theirs = try UIFixture.workspace("northwind.json")
        theirs.team.name = "Renamed elsewhere"
        #expect(Reducer.reduce(&s, .externalChange(theirs)).isEmpty)
        #expect(s.mode == .conflict(theirs: theirs, viewing: false))
        #expect(s.workspace == mine)
        // Saving is not attempted while the chair decides.
        s.press(.char("v"))
        #expect(s.mode == .conflict(theirs: theirs, viewing: true))
        // The watcher noticing the same change again does not reset the prompt.
        _ = Reducer.reduce(&s, .externalChange(theirs))
        #expect(s.mode == .conflict(theirs: theirs, viewing: true))
        try UIFixture.assertScreen(Renderer.render(s), "conflict-view-120x40")
        #expect(Reducer.reduce(&s, .key(.char("k"))) == [.keepMine])
        _ = Reducer.reduce(&s, .saveFinished(.keptMine(aside: "w.json.conflict-20261123T094100Z")))
        #expect(s.saveState == .saved && s.unsavedEdits == 0)
        #expect(s.banner?.text == "Kept your version. The other one is saved as w.json.conflict-20261123T094100Z.")
    }

    @Test func reloadInAConflictDropsMyEdits() throws {
        var s = try state()
        s.press(.char(" "))
        _ = Reducer.reduce(&s, .saveFinished(.conflict(theirs: try UIFixture.workspace("edge-cases.json"))))
        guard case .conflict = s.mode else { Issue.record("no conflict prompt"); return }
        #expect(Reducer.reduce(&s, .key(.char("r"))) == [.adoptDiskVersion])
        #expect(s.workspace.team.name == "Équipe Zoë 🚀")
        #expect(s.unsavedEdits == 0 && s.undoStack.isEmpty)
    }

    @Test func aBrokenFileOnDiskOffersOnlyKeepMine() throws {
        var s = try state()
        s.press(.char(" "))
        _ = Reducer.reduce(&s, .saveFinished(.conflict(theirs: nil)))
        #expect(s.mode == .conflict(theirs: nil, viewing: false))
        #expect(Reducer.reduce(&s, .key(.char("r"))).isEmpty)
        #expect(Reducer.reduce(&s, .key(.char("k"))) == [.keepMine])
    }

    @Test func aChangeArrivingDuringAFormWaitsForTheForm() throws {
        var s = try state()
        s.press(.char(" "))
        _ = Reducer.reduce(&s, .saveFinished(.failed("disk full")))
        s.press(.char("a"))
        s.type("Half typed")
        var theirs = s.workspace
        theirs.team.name = "Elsewhere"
        _ = Reducer.reduce(&s, .externalChange(theirs))
        guard case .form = s.mode else { Issue.record("the form was taken away"); return }
        s.press(.escape, .char("y"))
        #expect(s.mode == .conflict(theirs: theirs, viewing: false))
    }

    @Test func anInvalidFileOnDiskKeepsTheLastGoodVersion() throws {
        var s = try state()
        let before = s.workspace
        _ = Reducer.reduce(&s, .externalInvalid("w.json:1:12: invalid JSON"))
        #expect(s.workspace == before)
        #expect(s.banner?.text == "The file on disk is not valid right now (w.json:1:12: invalid JSON). Showing the last good version until it is.")
    }

    @Test func notesComeBackFromTheEditor() throws {
        var s = try state()
        let effects = Reducer.reduce(&s, .key(.char("N")))
        let id = meeting(s).agenda[0].id
        #expect(effects == [.editNotes(.agendaNotes(id: id), "")])
        _ = Reducer.reduce(&s, .notesEdited(.agendaNotes(id: id), .success("All five done.\nRouting slipped.\n")))
        #expect(meeting(s).agenda[0].notes == "All five done.\nRouting slipped.")
        s.press(.char("1"))
        #expect(Reducer.reduce(&s, .key(.char("N"))) == [.editNotes(.meetingNotes, "")])
        _ = Reducer.reduce(&s, .notesEdited(.meetingNotes, .failure(NotesEditFailure("the editor vi exited with status 1; nothing changed"))))
        #expect(s.banner?.text == "Notes not changed: the editor vi exited with status 1; nothing changed")
    }
}

@Suite("Big digits")
struct BigDigitsTests {
    @Test func blockAndASCIIFontsDrawEveryDigit() {
        #expect(BigDigits.rows("50.08", ascii: false) == ["█▀▀ █▀█   █▀█ █▀█", "▀▀█ █ █   █ █ █▀█", "▀▀▀ ▀▀▀ ▀ ▀▀▀ ▀▀▀"])
        #expect(BigDigits.rows("1,234", ascii: true) == ["       _   _     ", "  |    _|  _| |_|", "  | , |_   _|   |"])
        for digit in "0123456789" {
            #expect(BigDigits.rows(String(digit), ascii: false)?.count == 3)
            #expect(BigDigits.rows(String(digit), ascii: true)?.allSatisfy { $0.allSatisfy(\.isASCII) } == true)
        }
        // The five-row font (from 50 rows): every glyph five rows, the ASCII form in ASCII.
        #expect(BigDigits.rows("50.08", ascii: false, tall: true) == [
            "█▀▀▀ █▀▀█   █▀▀█ █▀▀█", "█    █  █   █  █ █  █", "▀▀▀█ █  █   █  █ █▀▀█", "   █ █  █   █  █ █  █", "▄▄▄█ █▄▄█ ▄ █▄▄█ █▄▄█",
        ])
        for glyph in "0123456789.,-+ " {
            #expect(BigDigits.rows(String(glyph), ascii: false, tall: true)?.count == 5)
            let ascii = BigDigits.rows(String(glyph), ascii: true, tall: true)
            #expect(ascii?.count == 5 && ascii?.allSatisfy { $0.allSatisfy(\.isASCII) } == true)
            #expect(Set(ascii?.map(\.count) ?? []).count == 1 && Set(BigDigits.rows(String(glyph), ascii: false, tall: true)?.map(\.count) ?? []).count == 1)
        }
        #expect(BigDigits.rows("n/a", ascii: false) == nil)
    }

    @Test func splitsTheUnitFromTheNumber() {
        #expect(BigDigits.split("$1,234.50").map { [$0.prefix, $0.number, $0.suffix] } == ["$", "1,234.50", ""])
        #expect(BigDigits.split("25.0%").map { [$0.prefix, $0.number, $0.suffix] } == ["", "25.0", "%"])
        #expect(BigDigits.split("46.3 d").map { [$0.prefix, $0.number, $0.suffix] } == ["", "46.3", "d"])
        #expect(BigDigits.split("48.20 CHF").map { [$0.prefix, $0.number, $0.suffix] } == ["", "48.20", "CHF"])
        #expect(BigDigits.split("n/a") == nil)
    }

    @Test func tilesUseBigDigitsWhenTallEnoughAndASCIIWhenAsked() throws {
        var state = try UIFixture.state(size: Size(width: 120, height: 40))
        #expect(Renderer.render(state).grid.textLines[3].contains("█▀▀ █▀█"))
        state.asciiOnly = true
        let lines = Renderer.render(state).grid.textLines
        #expect(lines[4].contains("|_") && !lines[3].contains("█"))
        let small = try UIFixture.state(size: Size(width: 80, height: 24))
        #expect(Renderer.render(small).grid.textLines[3].contains("$50.08 / ≤ $50.00"))
    }
}
