import Testing
@testable import SmarketingModel
@testable import SmarketingUI

@Suite("Reducer: one test per action")
struct ReducerTests {
    func state(_ size: Size = Size(width: 80, height: 24)) throws -> AppState { try UIFixture.state(size: size) }
    var meeting: (AppState) -> Meeting { { $0.workspace.currentMeeting! } }

    @Test func tabShiftTabAndDigitsMoveBetweenPanes() throws {
        var s = try state()
        #expect(s.focus == .agenda)
        s.press(.tab)
        #expect(s.focus == .friction)
        s.press(.tab, .tab)
        #expect(s.focus == .kpis)
        s.press(.backTab)
        #expect(s.focus == .actions)
        s.press(.char("3"))
        #expect(s.focus == .friction)
        s.press(.char("1"))
        #expect(s.focus == .kpis)
    }

    @Test func movementStaysInRange() throws {
        var s = try state()
        s.press(.up)
        #expect(s.selected(.agenda) == 0)
        s.press(.char("j"), .down)
        #expect(s.selected(.agenda) == 2)
        s.press(.char("G"))
        #expect(s.selected(.agenda) == 8)
        s.press(.down)
        #expect(s.selected(.agenda) == 8)
        s.press(.char("g"))
        #expect(s.selected(.agenda) == 0)
        // A page is the rows the agenda pane shows (it shares its column with the actions at 80x24).
        let page = Layout.of(s).visibleRows(.agenda)
        #expect(page > 1 && page < 8)
        s.press(.pageDown)
        #expect(s.selected(.agenda) == page)
        s.press(.home, .end)
        #expect(s.selected(.agenda) == 8)
        s.press(.pageUp)
        #expect(s.selected(.agenda) == 8 - page)
        s.press(.char("1"), .right, .char("l"), .right, .right)
        #expect(s.selected(.kpis) == 3)
    }

    @Test func scrollingKeepsTheSelectionVisible() throws {
        var s = try state()
        s.press(.char("3"))
        for _ in 0..<9 { s.press(.down) }
        let visible = Layout.of(s).visibleRows(.friction)
        let row = Reducer.selectedRow(.friction, s).row
        let scroll = s.scroll[.friction] ?? 0
        #expect(row >= scroll && row < scroll + visible)
        #expect(scroll > 0)
    }

    @Test func addingAnAgendaItemInsertsItAfterTheSelectionAndAsksForASave() throws {
        var s = try state()
        s.press(.down, .char("a"))
        guard case .form(let form) = s.mode else { Issue.record("no form opened"); return }
        #expect(form.title == "New agenda item")
        s.type("渡辺さんと🚀 review")
        s.press(.tab, .ctrl("u"))
        s.type("Zoë")
        s.press(.tab, .ctrl("u"))
        s.type("12")
        let effects = Reducer.reduce(&s, .key(.enter))
        #expect(effects == [.save])
        #expect(s.mode == .normal)
        let item = meeting(s).agenda[2]
        #expect((item.title, item.owner, item.timeboxMinutes, item.status) == ("渡辺さんと🚀 review", "Zoë", 12, .pending))
        #expect(s.selected(.agenda) == 2)
        #expect(s.unsavedEdits == 1)
        #expect(s.saveState == .saving)
    }

    @Test func invalidFieldsShowMessagesAndNothingReachesTheModel() throws {
        var s = try state()
        let before = s.workspace
        s.press(.char("4"), .char("a"))
        s.press(.enter) // empty title
        guard case .form(var form) = s.mode else { Issue.record("form closed"); return }
        #expect(form.fields[0].error == "required")
        s.type("Call Acme")
        s.press(.tab, .tab)
        s.type("next friday")
        s.press(.enter)
        guard case .form(let checked) = s.mode else { Issue.record("form closed"); return }
        form = checked
        #expect(form.fields[0].error == nil)
        #expect(form.fields[2].error == "use YYYY-MM-DD, e.g. 2026-11-30")
        #expect(form.focus == 2)
        #expect(s.banner?.text == "1 field needs fixing: due date: use YYYY-MM-DD, e.g. 2026-11-30")
        #expect(s.workspace == before)
        s.press(.ctrl("u"))
        s.type("2026-12-04")
        #expect(Reducer.reduce(&s, .key(.enter)) == [.save])
        #expect(meeting(s).actionItems[1].due == CalendarDate(iso: "2026-12-04"))
    }

    @Test func escapeCancelsAFormWithoutChangingAnything() throws {
        var s = try state()
        let before = s.workspace
        s.press(.char("a"))
        s.type("half typed")
        s.press(.escape, .char("y")) // what was typed is thrown away only when the chair says so
        #expect(s.mode == .normal)
        #expect(s.workspace == before)
        #expect(s.undoStack.isEmpty)
    }

    @Test func editingOpensTheSelectedItemAndSavesChanges() throws {
        var s = try state()
        s.press(.char("3"), .down, .down, .enter) // past this week's suggestion, the second point
        guard case .form(let form) = s.mode else { Issue.record("no form"); return }
        #expect(form.title == "Edit friction point")
        #expect(form.value("title") == "Webinar leads arrive without company size, so scoring cannot qualify them")
        s.press(.tab, .right) // stage iql-mql → sql
        s.press(.enter)
        let point = s.workspace.frictionPoints.first { $0.title.hasPrefix("Webinar leads") }!
        #expect(point.stage == .sql)
        // The selection follows the point to its new place in the grouped list.
        #expect(s.selectedItem(in: .friction)?.id == point.id)
    }

    @Test func kpiInputsFormCreatesOrUpdatesTheWeekRecord() throws {
        var s = try state()
        s.press(.char("1"), .enter)
        guard case .form(let form) = s.mode else { Issue.record("no form"); return }
        #expect(form.value("leads") == "119")
        s.press(.tab, .ctrl("u"))
        s.type("130")
        s.press(.enter)
        #expect(s.workspace.week(startingOn: CalendarDate(iso: "2026-11-16")!)?.leads == 130)
        #expect(s.report?[.costPerLead].value == 5960.0 / 130)
        #expect(s.focus == .kpis)
    }

    @Test func deleteRemovesTheItemAndUndoRestoresIt() throws {
        var s = try state()
        let before = s.workspace
        s.press(.down, .char("d"))
        #expect(meeting(s).agenda.count == 8)
        #expect(s.banner?.text.hasPrefix("Deleted “KPI review") == true)
        s.press(.char("u"))
        #expect(s.workspace == before)
        s.press(.ctrl("r"))
        #expect(meeting(s).agenda.count == 8)
        s.press(.char("u"))
        #expect(s.workspace == before)
    }

    @Test func everyEditIsUndoableInOrder() throws {
        var s = try state()
        let start = s.workspace
        s.press(.char(" "))                 // agenda status
        let afterStatus = s.workspace
        s.press(.char("J"))                 // move it down
        s.press(.char("4"), .char(" "))     // toggle an action item
        s.press(.char("3"), .char("j"), .char("d")) // delete a friction point (below the suggestion)
        #expect(s.undoStack.count == 4)
        s.press(.char("u"))
        s.press(.char("u"))
        s.press(.char("u"))
        #expect(s.workspace == afterStatus)
        s.press(.char("u"))
        #expect(s.workspace == start)
        s.press(.char("u"))
        #expect(s.banner?.text == "Nothing to undo.")
        #expect(s.redoStack.count == 4)
    }

    @Test func spaceCyclesStatusAndKeepsOneAgendaItemActive() throws {
        var s = try state()
        s.press(.char(" "))
        #expect(meeting(s).agenda[0].status == .active)
        #expect(meeting(s).agenda[0].startedAt == UIFixture.morning)
        _ = Reducer.reduce(&s, .tick(UIFixture.morning.adding(seconds: 95)))
        s.press(.down, .char(" "))
        // Starting the second item finishes the first and records its time.
        #expect(meeting(s).agenda[0].status == .done)
        #expect(meeting(s).agenda[0].actualSeconds == 95)
        #expect(meeting(s).agenda[1].status == .active)
        s.press(.char(" "))
        #expect(meeting(s).agenda[1].status == .done)
        s.press(.char(" "))
        #expect(meeting(s).agenda[1].status == .pending)
    }

    @Test func frictionStatusCyclesAndStampsTheResolvedDate() throws {
        var s = try state()
        s.press(.char("3"), .char("j")) // the first point, below this week's suggestion
        let id = try #require(s.selectedItem(in: .friction)?.id)
        func point() -> FrictionPoint { s.workspace.frictionPoints.first { $0.id == id }! }
        s.press(.char(" "))
        #expect(point().status == .mitigating)
        s.press(.char(" "))
        #expect(point().status == .resolved)
        #expect(point().resolved == CalendarDate(iso: "2026-11-23"))
        s.press(.char(" "))
        #expect(point().status == .open)
        #expect(point().resolved == nil)
    }

    @Test func actionItemsToggleDoneAndDecisionsSayTheyHaveNoStatus() throws {
        var s = try state()
        s.press(.char("4"), .char(" "))
        #expect(meeting(s).actionItems[0].done)
        s.press(.char(" "))
        #expect(!meeting(s).actionItems[0].done)
        s.press(.char("G"), .char(" "))
        #expect(s.banner?.text == "Decisions have no status; Enter edits one.")
    }

    @Test func reorderingMovesWithinTheListAndStopsAtTheEnds() throws {
        var s = try state()
        let first = meeting(s).agenda[0].id
        s.press(.char("J"))
        #expect(meeting(s).agenda[1].id == first)
        #expect(s.selected(.agenda) == 1)
        s.press(.shiftUp)
        #expect(meeting(s).agenda[0].id == first)
        s.press(.char("K"))
        #expect(meeting(s).agenda[0].id == first)
        #expect(s.undoStack.count == 2)
    }

    /// Each suggested friction point is a row of its own: the cursor lands on it, and A and X act
    /// on the one selected (with two, only the first could be reached).
    @Test func eachSuggestionIsARowThatAAndXActOn() throws {
        var ws = try UIFixture.workspace("northwind.json")
        let last = ws.weeks.count - 1
        ws.weeks[last].opportunities = 1 // SQL → opportunity falls far below its average too
        var s = AppState(workspace: ws, fileLabel: "w.json", size: Size(width: 120, height: 40), now: UIFixture.morning, ids: IDGenerator(seed: 42))
        let shown = s.suggestions
        #expect(shown.count == 2)
        s.press(.char("3"))
        #expect(s.selectedItem(in: .friction) == .suggestion(shown[0].conversion))
        s.press(.char("j"))
        #expect(s.selectedItem(in: .friction) == .suggestion(shown[1].conversion))
        let text = Renderer.render(s).grid.textLines.joined(separator: "\n")
        #expect(text.contains(shown[1].shortTitle))
        s.press(.char("A"))
        #expect(s.suggestions.map(\.conversion) == [shown[0].conversion], "A accepted the wrong suggestion")
        #expect(s.workspace.frictionPoints.last?.stage == shown[1].stage)
        // Now the remaining one: X on it dismisses it.
        s.press(.char("3"), .char("g"))
        #expect(s.selectedItem(in: .friction) == .suggestion(shown[0].conversion))
        s.press(.char("X"))
        #expect(s.suggestions.isEmpty)
        // Enter on a point still edits it; the rows below the suggestions are the points.
        s.press(.char("g"), .enter)
        guard case .form(let form) = s.mode else { Issue.record("no form"); return }
        #expect(form.title == "Edit friction point")
    }

    @Test func frictionPointsReorderOnlyWithinTheirStage() throws {
        var s = try state()
        s.press(.char("3"), .down, .down) // second IQL/MQL point (the suggestion is the first row)
        let before = s.workspace
        s.press(.char("J"))        // the next point is SQL: not allowed
        #expect(s.workspace == before)
        s.press(.char("K"))
        #expect(s.workspace != before)
    }

    @Test func addOnADecisionRowAddsAnActionItemAndOnlyDAddsADecision() throws {
        // Issue 12: `a` on a decision opened the decision form, and the owner and date the chair
        // typed for an action item were fused into the decision's text.
        var s = try state()
        s.press(.char("4"), .char("G"))
        guard case .decision? = s.selectedItem else { Issue.record("G did not select a decision"); return }
        let decisionsBefore = meeting(s).decisions
        let actionsBefore = meeting(s).actionItems.count
        s.press(.char("a"))
        guard case .form(let form) = s.mode else { Issue.record("no form"); return }
        #expect(form.title == "New action item")
        s.type("Publish MQL definition in the CRM")
        s.press(.tab)
        s.type("Tom Becker")
        s.press(.tab)
        s.type("2026-11-30")
        #expect(Reducer.reduce(&s, .key(.enter)) == [.save])
        #expect(s.mode == .normal)
        #expect(meeting(s).decisions == decisionsBefore)
        #expect(meeting(s).actionItems.count == actionsBefore + 1)
        let added = meeting(s).actionItems.last
        #expect(added?.title == "Publish MQL definition in the CRM")
        #expect(added?.owner == "Tom Becker")
        #expect(added?.due == CalendarDate(iso: "2026-11-30"))
        // D adds a decision, on a decision row or anywhere else in the pane.
        s.press(.char("G"), .char("D"))
        guard case .form(let second) = s.mode else { Issue.record("no form"); return }
        #expect(second.title == "New decision")
        s.type("Ship the SLA dashboard")
        s.press(.enter)
        #expect(meeting(s).decisions.last?.text == "Ship the SLA dashboard")
        s.press(.char("g"), .char("D"))
        guard case .form(let third) = s.mode else { Issue.record("no form"); return }
        #expect(third.title == "New decision")
    }

    @Test func zoomResolvedToggleThemeAndHelp() throws {
        var s = try state()
        s.press(.char("z"))
        #expect(s.zoomed)
        s.press(.char("3"), .char("r"))
        #expect(!s.showResolved)
        #expect(PaneRows.frictionItems(s.workspace, showResolved: false).count == 8)
        s.press(.char("t"))
        #expect(s.themeName == "light")
        s.press(.char("?"))
        #expect(s.mode == .help(scroll: 0))
        s.press(.char("j"))
        #expect(s.mode == .help(scroll: 1))
        s.press(.escape)
        #expect(s.mode == .normal)
        #expect(Reducer.reduce(&s, .key(.ctrl("l"))) == [.redraw])
    }

    @Test func quitAsksFirstOnlyWhenASaveFailed() throws {
        var s = try state()
        #expect(Reducer.reduce(&s, .key(.char("q"))) == [.quit])
        s.press(.char(" "))
        // A save under way is waited for by the runner, not asked about.
        #expect(s.saveState == .saving)
        #expect(Reducer.reduce(&s, .key(.char("q"))) == [.finishSaves])
        _ = Reducer.reduce(&s, .saveFinished(.failed("disk full")))
        #expect(s.saveState == .failed("disk full"))
        #expect(s.banner?.isError == true)
        #expect(Reducer.reduce(&s, .key(.char("q"))).isEmpty)
        #expect(s.mode == .confirmQuit)
        #expect(Reducer.reduce(&s, .key(.char("n"))).isEmpty)
        #expect(s.mode == .normal)
        s.press(.char("q"))
        #expect(Reducer.reduce(&s, .key(.char("y"))) == [.quit])
        // A retry that succeeds while the question is open settles it.
        var t = try state()
        t.press(.char(" "))
        _ = Reducer.reduce(&t, .saveFinished(.failed("disk full")))
        t.press(.char("q"))
        #expect(Reducer.reduce(&t, .saveFinished(.saved)) == [.quit])
    }

    @Test func aFailedSaveKeepsTheEditsAndIsRetried() throws {
        var s = try state()
        s.press(.char(" "))
        _ = Reducer.reduce(&s, .saveFinished(.failed("Permission denied")))
        #expect(s.unsavedEdits == 1)
        #expect(s.workspace.currentMeeting!.agenda[0].status == .active)
        let retry = Reducer.reduce(&s, .tick(Timestamp(secondsSinceEpoch: 1_800_000_000)))
        #expect(retry == [.save])
        _ = Reducer.reduce(&s, .saveFinished(.saved))
        #expect(s.saveState == .saved)
        #expect(s.unsavedEdits == 0)
        #expect(Reducer.reduce(&s, .tick(Timestamp(secondsSinceEpoch: 1_800_000_005))).isEmpty)
    }

    @Test func aConflictIsNotRetriedBlindly() throws {
        var s = try state()
        s.press(.char(" "))
        _ = Reducer.reduce(&s, .saveFinished(.conflict(theirs: nil)))
        #expect(s.saveState == .conflict)
        #expect(Reducer.reduce(&s, .tick(Timestamp(secondsSinceEpoch: 1_800_000_000))).isEmpty)
    }

    @Test func tooSmallAcceptsOnlyQuitAndRecoversOnResize() throws {
        var s = try state(Size(width: 60, height: 20))
        let before = s
        s.press(.char("a"), .tab, .char("d"))
        #expect(s.workspace == before.workspace && s.focus == before.focus && s.mode == .normal)
        _ = Reducer.reduce(&s, .resize(Size(width: 80, height: 24)))
        s.press(.tab)
        #expect(s.focus == .friction)
        _ = Reducer.reduce(&s, .resize(Size(width: 10, height: 5)))
        #expect(Reducer.reduce(&s, .key(.char("q"))) == [.quit])
    }

    @Test func bannersExpireOnTheClock() throws {
        var s = try state()
        s.press(.char("u"))
        #expect(s.banner != nil)
        _ = Reducer.reduce(&s, .tick(UIFixture.morning.adding(seconds: 10)))
        #expect(s.banner == nil)
    }
}
