import Testing
@testable import SmarketingModel
@testable import SmarketingUI

/// Issue 13 §2 "Use the space": whole titles from 120x40, a cut list says what it hides, the
/// panes share the height by content, and zoom shows everything about the selected item.
@Suite("Using the space")
struct SpaceTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40),
                        Size(width: 160, height: 45), Size(width: 200, height: 60)]

    /// The text of a pane's rows inside its border, one string per row.
    func rows(_ frame: Frame, _ rect: Rect) -> [String] {
        (rect.y + 1..<rect.maxY - 1).map { y in
            String((rect.x + 1..<rect.maxX - 1).compactMap { x in frame.grid[x, y].isContinuation ? nil : frame.grid[x, y].character })
        }
    }

    func bottomEdge(_ frame: Frame, _ rect: Rect) -> String {
        String((rect.x..<rect.maxX).compactMap { x in frame.grid[x, rect.maxY - 1].isContinuation ? nil : frame.grid[x, rect.maxY - 1].character })
    }

    func words(_ text: String) -> [Substring] { text.split(whereSeparator: { $0 == " " || $0 == "\n" }) }

    func contains(_ haystack: [Substring], _ needle: [Substring]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<$0 + needle.count]) == needle }
    }

    func resized(_ s: AppState, _ size: Size) -> AppState {
        var s = s
        _ = Reducer.reduce(&s, .resize(size))
        return s
    }

    // MARK: whole titles

    @Test func aTwelveWordAgendaTitleIsFullyReadableAt200x60() throws {
        var s = try UIFixture.state(size: Size(width: 200, height: 60))
        let i = try #require(s.workspace.currentMeetingIndex)
        let title = "Review the quarterly pipeline forecast with finance before the regional sales kickoff"
        #expect(words(title).count == 12)
        s.workspace.meetings[i].agenda[1].title = title
        let frame = Renderer.render(s)
        let pane = try #require(Layout.of(s).panes[.agenda])
        // The title's words, in order, with only the owner and time columns between its lines.
        let text = rows(frame, pane).map { line in String(line.prefix(ListPane.titleWidth(areaWidth: pane.width - 2, prefix: " ○ ", columns: [
            .init(text: "", width: 16, role: .text), .init(text: "", width: 3, role: .text)]) + 3)) }
        #expect(contains(words(text.joined(separator: " ")), words(title)), "\(text.joined(separator: "\n"))")
        #expect(!text.joined().contains("…"))
    }

    @Test(arguments: [Size(width: 120, height: 40), Size(width: 160, height: 45), Size(width: 200, height: 60)])
    func fromWhere120x40TitlesWrapInsteadOfBeingCut(size: Size) throws {
        let s = try UIFixture.state(size: size)
        let frame = Renderer.render(s)
        let pane = try #require(Layout.of(s).panes[.agenda])
        let meeting = try #require(s.meeting)
        // The titles' words, the owner and time columns on their first lines left out.
        let columns = Set(meeting.agenda.flatMap { words($0.owner + " " + s.names.short($0.owner) + " \($0.timeboxMinutes)m") })
        let shown = words(rows(frame, pane).joined(separator: " ")).filter { !columns.contains($0) }
        // Every agenda title on screen is there whole (at 120x40 the last row may be cut short).
        let whole = meeting.agenda.filter { contains(shown, words($0.title)) }
        #expect(whole.count >= (size.width >= 160 ? 9 : 7), "\(shown)")
    }

    @Test func below120x40TitlesAreCutOnOneLine() throws {
        let s = try UIFixture.state(size: Size(width: 100, height: 30))
        let frame = Renderer.render(s)
        let pane = try #require(Layout.of(s).panes[.agenda])
        #expect(rows(frame, pane).filter { $0.contains("…") }.count >= 3)
    }

    // MARK: what does not fit

    /// A long agenda says how many items are below, at every size.
    @Test(arguments: SpaceTests.sizes)
    func aCutListSaysHowManyMore(size: Size) throws {
        var s = try UIFixture.state(size: size)
        let i = try #require(s.workspace.currentMeetingIndex)
        let template = s.workspace.meetings[i].agenda[0]
        s.workspace.meetings[i].agenda = (1...60).map { n in
            var item = template
            item.id = "item-\(n)"
            item.title = "Item \(n < 10 ? "0" : "")\(n)"
            return item
        }
        s = resized(s, size)
        let frame = Renderer.render(s)
        let pane = try #require(Layout.of(s).panes[.agenda])
        let visible = rows(frame, pane).filter { $0.contains("Item ") }.count
        #expect(visible > 0 && visible < 60)
        #expect(bottomEdge(frame, pane).contains("▼ \(60 - visible) more"), "\(bottomEdge(frame, pane))")
        // Moving to the end scrolls: the items above are counted too, and the last one shows.
        s.focus = .agenda
        s.press(.char("G"))
        let end = Renderer.render(s)
        #expect(rows(end, pane).contains { $0.contains("Item 60") })
        #expect(bottomEdge(end, pane).contains("▲ \(60 - visible) above"), "\(bottomEdge(end, pane))")
    }

    /// Retention used to disappear at 80x24 and 120x40 with nothing to say it was there.
    @Test(arguments: SpaceTests.sizes)
    func noFrictionStageIsHiddenSilently(size: Size) throws {
        let s = try UIFixture.state(size: size)
        let frame = Renderer.render(s)
        let pane = try #require(Layout.of(s).panes[.friction])
        let shown = rows(frame, pane).joined(separator: "\n")
        let edge = bottomEdge(frame, pane)
        let stages = Set(s.workspace.frictionPoints.map(\.stage.title))
        #expect(stages.contains("Retention"))
        for stage in stages {
            #expect(shown.contains(" \(stage) (") || edge.contains(stage), "\(stage) at \(size):\n\(shown)\n\(edge)")
        }
    }

    // MARK: sharing the height

    /// The agenda and the actions share their column by what they need: a short agenda leaves
    /// its lines to the actions, and a list that is cut has no empty lines beside it.
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)])
    func theAgendaAndTheActionsShareTheirColumnByContent(size: Size) throws {
        let s = try UIFixture.state(size: size)
        let layout = Layout.of(s)
        let agenda = try #require(layout.panes[.agenda]), actions = try #require(layout.panes[.actions])
        #expect(agenda.x == actions.x && agenda.maxY == actions.y)
        let frame = Renderer.render(s)
        let agendaRows = rows(frame, agenda), actionRows = rows(frame, actions)
        let agendaCut = bottomEdge(frame, agenda).contains("more"), actionsCut = bottomEdge(frame, actions).contains("more")
        if actionsCut { #expect(!agendaRows.contains { $0.allSatisfy { $0 == " " } }, "\(agendaRows)") }
        if agendaCut { #expect(!actionRows.contains { $0.allSatisfy { $0 == " " } }, "\(actionRows)") }

        var short = s
        let i = try #require(short.workspace.currentMeetingIndex)
        short.workspace.meetings[i].agenda.removeLast(6)
        let shortLayout = Layout.of(short)
        let lines = ListLines.counts(.agenda, short, areaWidth: agenda.width - 2)
        #expect(lines.count == 3 && lines.reduce(0, +) >= 3)
        #expect(shortLayout.panes[.agenda]?.height == lines.reduce(0, +) + 2, "\(size)")
        #expect(shortLayout.panes[.actions]!.height > actions.height)
    }

    @Test func shareGivesEachItsNeedWhenBothFitElseAFairPart() {
        #expect(Layout.share(30, first: 11, second: 9) == 11)
        #expect(Layout.share(16, first: 11, second: 9) == 8)
        #expect(Layout.share(16, first: 30, second: 4) == 12)
        #expect(Layout.share(16, first: 2, second: 30) == 2)
    }

    // MARK: selection with wrapped rows

    /// Moving through a list of two- and three-line rows keeps the whole selected row on screen.
    @Test(arguments: [Size(width: 120, height: 40), Size(width: 160, height: 45)])
    func theSelectedRowStaysWholeOnScreenWhenRowsWrap(size: Size) throws {
        var s = try UIFixture.state(size: size)
        s.press(.char("3"))
        let pane = try #require(Layout.of(s).panes[.friction])
        let items = s.frictionItems
        func check(_ item: Int) throws {
            let frame = Renderer.render(s)
            let selectedLines = (pane.y + 1..<pane.maxY - 1).filter { frame.grid[pane.x + 3, $0].role == .selection }
            let text = selectedLines.map { y in String((pane.x + 1..<pane.maxX - 1).map { frame.grid[$0, y].character }) }.joined(separator: " ")
            let point = s.workspace.frictionPoints[items[item]]
            // The title's words, the status and owner columns on its first line left out.
            let columns = Set(words(point.owner + " " + s.names.short(point.owner) + " open mitig. resol. mitigating resolved"))
            #expect(contains(words(text).filter { !columns.contains($0) }, words(point.title)), "item \(item) at \(size): \(text)")
        }
        s.press(.down) // past the suggestion
        for item in 0..<items.count {
            try check(item)
            s.press(.down)
        }
        for item in (0..<items.count).reversed() {
            try check(item)
            s.press(.up)
        }
    }

    // MARK: zoom

    @Test func zoomShowsEverythingAboutAFrictionPoint() throws {
        var s = try UIFixture.state()
        s.press(.char("3"), .char("z"), .down, .down)
        let ref = try #require(s.selectedItem)
        guard case .friction(let id) = ref else { Issue.record("not a friction point: \(ref)"); return }
        let point = try #require(s.workspace.frictionPoints.first { $0.id == id })
        let shown = rows(Renderer.render(s), try #require(Layout.of(s).panes[.friction])).joined(separator: "\n")
        #expect(contains(words(shown), words(point.mitigation)), "\(shown)")
        #expect(shown.contains("Raised by:  \(point.raisedBy.rawValue)"))
        #expect(shown.contains("Opened:     \(point.opened.iso) (\(s.today.days(since: point.opened)) days ago)"))
        #expect(shown.contains("Owner:      \(point.owner)"))
        #expect(shown.contains("Severity:   \(point.severity) of 3"))
    }

    /// A friction point's notes (the evidence) show in zoom, are edited in its form and reach
    /// the minutes under the point.
    @Test func aFrictionPointsNotesShowInZoomTheFormAndTheMinutes() throws {
        var s = try UIFixture.state()
        s.press(.char("3"), .char("z"), .down) // the first point: too few MQLs from paid social
        let ref = try #require(s.selectedItem)
        guard case .friction(let id) = ref else { Issue.record("not a friction point: \(ref)"); return }
        let point = try #require(s.workspace.frictionPoints.first { $0.id == id })
        #expect(point.notes.hasPrefix("LinkedIn CPL rose"))
        let shown = rows(Renderer.render(s), try #require(Layout.of(s).panes[.friction])).joined(separator: "\n")
        #expect(contains(words(shown), words(point.notes)), "\(shown)")
        s.press(.enter)
        guard case .form(var form) = s.mode, let i = form.fields.firstIndex(where: { $0.key == "notes" }) else { Issue.record("no notes field"); return }
        #expect(form.value("notes") == point.notes)
        form.focus = i
        s.mode = .form(form)
        s.press(.ctrl("u"))
        s.type("Paid social CPL doubled since October")
        s.press(.enter)
        #expect(s.workspace.frictionPoints.first { $0.id == id }?.notes == "Paid social CPL doubled since October")
        let minutes = MinutesExporter(workspace: s.workspace).markdown(for: try #require(s.workspace.currentMeeting))
        #expect(minutes.contains("  Notes: Paid social CPL doubled since October\n"), "\(minutes)")
    }

    @Test func zoomShowsADecisionsWholeText() throws {
        var s = try UIFixture.state()
        let i = try #require(s.workspace.currentMeetingIndex)
        let text = "Every SQL needs a confirmed budget owner, a project starting in the next two quarters, and a named champion "
            + "who has seen the proposal; account executives send back any that do not, with the reason, within two days."
        s.workspace.meetings[i].decisions[0].text = text
        s.press(.char("4"), .char("G"), .char("z"))
        let shown = rows(Renderer.render(s), try #require(Layout.of(s).panes[.actions])).joined(separator: "\n")
        #expect(shown.contains("─ Decision "))
        #expect(contains(words(shown), words(text)), "\(shown)")
        // Unzoomed at 80x24 the same decision is cut on one line.
        s.press(.char("z"))
        let pane = rows(Renderer.render(s), try #require(Layout.of(s).panes[.actions])).joined(separator: "\n")
        #expect(!contains(words(pane), words(text)))
    }
}
