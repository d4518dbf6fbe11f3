import Testing
@testable import SmarketingModel
@testable import SmarketingUI

/// The sample workspace with nobody's attendance marked yet: the state at the start of a meeting.
private func unmarked(_ size: Size = Size(width: 80, height: 24)) throws -> AppState {
    var s = try UIFixture.state(size: size)
    let i = try #require(s.workspace.currentMeetingIndex)
    s.workspace.meetings[i].attendees = []
    s.workspace.meetings[i].absent = []
    return s
}

private func screen(_ s: AppState) -> String { Renderer.render(s).grid.textLines.joined(separator: "\n") }

private func form(_ s: AppState) -> FormState? {
    if case .form(let f) = s.mode { return f }
    return nil
}

@Suite("People & attendance (P)")
struct PeopleTests {
    @Test func pOpensTheRosterWithThisMeetingsAttendanceAndClosesWithEscQOrP() throws {
        var s = try unmarked()
        s.press(.char("P"))
        #expect(s.mode == .people(selected: 0))
        let text = screen(s)
        #expect(text.contains("People · 0 present, 0 absent, 8 not marked"), "\(text)")
        #expect(text.contains("· not marked Priya Natarajan") && text.contains("marketing  Priya"), "\(text)")
        for close in [Key.escape, .char("q"), .char("P")] {
            s.press(.char("P"), close)
            #expect(s.mode == .normal)
        }
    }

    /// Attendees the roster does not know are still on screen, so P shows all the attendance
    /// the minutes will print; `i` puts them on the roster.
    @Test func attendeesNotOnTheRosterAreListedUnderTheRows() throws {
        var s = try UIFixture.state(size: Size(width: 100, height: 30))
        s.workspace.people.removeAll { $0.name == "Hannah Kim" || $0.name == "Sam Patel" }
        s.press(.char("P"))
        #expect(screen(s).contains("Also present, not on the roster: Hannah Kim, Sam Patel (i adds them)"), "\(screen(s))")
        s.press(.char("i"))
        #expect(s.workspace.person(named: "Sam Patel") != nil)
        #expect(!screen(s).contains("Also present, not on the roster"))
    }

    @Test func spaceMarksPresentThenAbsentThenPresentAgain() throws {
        var s = try unmarked()
        s.press(.char("P"), .char("j"), .char("j"))
        #expect(s.mode == .people(selected: 2))
        let priya = s.workspace.people[2].name
        #expect(priya == "Priya Natarajan")
        #expect(s.workspace.isPresent(priya) == nil)
        #expect(Reducer.reduce(&s, .key(.char(" "))) == [.save])
        #expect(s.workspace.isPresent(priya) == true)
        s.press(.char(" "))
        #expect(s.workspace.isPresent(priya) == false)
        #expect(s.workspace.currentMeeting?.absent == [priya] && s.workspace.currentMeeting?.attendees == [])
        #expect(screen(s).contains("People · 0 present, 1 absent, 7 not marked"))
        s.press(.char(" "))
        #expect(s.workspace.isPresent(priya) == true && s.workspace.currentMeeting?.absent == [])
        // j and k stay on the roster.
        s.press(.char("k"), .char("k"), .char("k"), .up)
        #expect(s.mode == .people(selected: 0))
        for _ in 0..<12 { s.press(.down) }
        #expect(s.mode == .people(selected: 7))
    }

    @Test func capitalAMarksEveryoneNotYetMarkedPresentAndLeavesTheAbsentAbsent() throws {
        var s = try unmarked()
        s.press(.char("P"), .char("j"), .char(" "), .char(" ")) // Marcus: absent
        s.press(.char("A"))
        let m = try #require(s.workspace.currentMeeting)
        #expect(m.absent == ["Marcus Reed"])
        #expect(Set(m.attendees) == Set(s.workspace.people.map(\.name)).subtracting(["Marcus Reed"]))
        #expect(s.banner?.text == "Marked 7 present. u undoes it.")
        #expect(screen(s).contains("People · 7 present, 1 absent") && !screen(s).contains("not marked"))
        s.press(.char("A"))
        #expect(s.banner?.text == "Everyone is marked already; Space changes one.")
        // u undoes, from inside the overlay.
        s.press(.char("u"))
        #expect(s.workspace.currentMeeting?.attendees == [])
        #expect(s.mode == .people(selected: 1))
    }

    @Test func aAddsAPersonThroughAFormAndComesBackToTheRoster() throws {
        var s = try unmarked()
        s.press(.char("P"), .char("a"))
        let f = try #require(form(s))
        #expect(f.title == "New person")
        #expect(f.fields.map(\.label) == ["Name", "Side", "Short name"])
        #expect(f.fields[2].hint == "empty: first name, or first name and initial")
        s.type("Priya Nair")
        #expect(form(s)?.value("team") == "other")
        s.press(.tab, .right)          // the options are sales, marketing, other: → wraps to sales
        #expect(form(s)?.value("team") == "sales")
        s.press(.right)
        s.press(.enter)
        #expect(s.workspace.people.last == Person(name: "Priya Nair", team: .marketing))
        #expect(s.mode == .people(selected: 8))
        #expect(s.banner?.text == "Added Priya Nair to the roster.")
        // Two Priyas now: each shows with as much of the last name as tells them apart.
        #expect(s.names.short("Priya Natarajan") == "Priya Nat." && s.names.short("Priya Nair") == "Priya Nai.")
        // A name already on the roster is refused on its field; Esc on a changed form asks first,
        // and either way the roster comes back.
        s.press(.char("a"))
        s.type("Sam Patel")
        s.press(.enter)
        #expect(form(s)?.fields[0].error == "Sam Patel is already on the roster")
        s.press(.escape, .char("y"))
        #expect(s.mode == .people(selected: 0))
        #expect(s.workspace.people.count == 9)
    }

    @Test func editingANameRenamesThePersonEverywhereAndSaysHowManyPlaces() throws {
        var s = try unmarked()
        let old = "Priya Natarajan"
        func uses(_ name: String, _ ws: Workspace) -> Int {
            let m = ws.currentMeeting!
            return m.agenda.filter { $0.owner == name }.count + m.actionItems.filter { $0.owner == name }.count
                + ws.frictionPoints.filter { $0.owner == name }.count
        }
        let before = s.workspace.meetings.reduce(0) { n, m in
            n + m.agenda.filter { $0.owner == old }.count + m.actionItems.filter { $0.owner == old }.count
                + (m.chair == old ? 1 : 0) + m.attendees.filter { $0 == old }.count + m.absent.filter { $0 == old }.count
        } + s.workspace.frictionPoints.filter { $0.owner == old }.count + s.workspace.agendaTemplate.filter { $0.owner == old }.count
        #expect(before > 0 && uses(old, s.workspace) > 0)
        s.press(.char("P"), .char("j"), .char("j"), .char("e"))
        #expect(form(s)?.title == "Edit person" && form(s)?.value("name") == old)
        s.press(.ctrl("u"))
        s.type("Priya Raman")
        s.press(.tab, .tab)
        s.type("PR")
        s.press(.enter)
        #expect(s.mode == .people(selected: 2))
        #expect(s.workspace.people[2] == Person(name: "Priya Raman", team: .marketing, shortName: "PR"))
        #expect(uses(old, s.workspace) == 0 && uses("Priya Raman", s.workspace) > 0)
        #expect(s.banner?.text == "Renamed Priya Natarajan to Priya Raman in \(before) places. u undoes it.")
        // The short name the roster gives is what narrow columns show.
        #expect(s.names.fit("Priya Raman", width: 10) == "PR")
        s.press(.char("u"))
        #expect(s.workspace.people[2].name == old && uses(old, s.workspace) > 0)
    }

    @Test func dRemovesThePersonFromTheRosterAndUUndoesIt() throws {
        var s = try unmarked()
        s.press(.char("P"), .char("G"), .end) // End is not bound here: the selection stays
        #expect(s.mode == .people(selected: 0))
        s.press(.char("k"), .char("j"), .char(" "), .char("d"))
        #expect(!s.workspace.people.contains { $0.name == "Marcus Reed" })
        #expect(s.workspace.currentMeeting?.attendees.contains("Marcus Reed") == false)
        // Items they own keep the name.
        #expect(s.workspace.frictionPoints.contains { $0.owner == "Marcus Reed" })
        #expect(s.banner?.text == "Removed Marcus Reed from the roster (u undoes); their items keep the name.")
        #expect(s.mode == .people(selected: 1))
        s.press(.char("u"))
        #expect(s.workspace.people[1].name == "Marcus Reed" && s.workspace.isPresent("Marcus Reed") == true)
        s.press(.ctrl("r"))
        #expect(s.workspace.people.count == 7)
    }

    @Test func anEmptyRosterSaysHowToStartOneAndIImportsTheNamesInUse() throws {
        var s = try unmarked()
        s.workspace.people = []
        let known = Capture.knownNames(in: s.workspace)
        #expect(known.count >= 8)
        s.press(.char("P"))
        let text = screen(s)
        #expect(text.contains("People · 0 on the roster"), "\(text)")
        #expect(text.contains("No one on the roster yet.") && text.contains("a adds a person."))
        #expect(text.contains("i adds the \(known.count) names"), "\(text)")
        // Space, e and d do nothing on an empty roster.
        #expect(Reducer.reduce(&s, .key(.char(" "))) == [] && Reducer.reduce(&s, .key(.char("d"))) == [])
        s.press(.char("e"))
        #expect(s.mode == .people(selected: 0))
        #expect(Reducer.reduce(&s, .key(.char("i"))) == [.save])
        #expect(s.workspace.people.map(\.name) == known)
        #expect(s.workspace.people.allSatisfy { $0.team == .other && $0.shortName.isEmpty })
        #expect(s.banner?.text == "Added \(known.count) names to the roster as side other; e sets each one's side. u undoes it.")
        s.press(.char("i"))
        #expect(s.banner?.text == "Every name in this workspace is on the roster already; a adds a new person.")
    }

    @Test func theTeamFormPointsToP() throws {
        var s = try unmarked()
        s.press(.char("T"))
        #expect(form(s)?.fields.first?.hint.contains("P") == true)
    }
}

@Suite("Forms: Tab completes owners from the roster")
struct OwnerCompletionTests {
    /// An action-item form with the owner field focused and `text` typed into it.
    func ownerField(_ s: inout AppState, _ text: String) {
        s.press(.char("4"), .char("a"), .tab)
        #expect(form(s)?.fields[form(s)?.focus ?? 0].key == "owner")
        s.type(text)
    }

    func owner(_ s: AppState) -> (text: String, hint: String, focused: Bool)? {
        guard let f = form(s), let i = f.fields.firstIndex(where: { $0.key == "owner" }) else { return nil }
        return (f.fields[i].value, f.fields[i].hint, f.focus == i)
    }

    @Test func oneMatchCompletesToTheFullNameAndTheNextTabMovesOn() throws {
        var s = try unmarked()
        ownerField(&s, "lu")
        s.press(.tab)
        #expect(owner(s)?.text == "Luis Ortega" && owner(s)?.focused == true)
        s.press(.tab)
        #expect(owner(s)?.focused == false)
    }

    @Test func aLaterWordMatchesToo() throws {
        var s = try unmarked()
        ownerField(&s, "ort")
        s.press(.tab)
        #expect(owner(s)?.text == "Luis Ortega")
    }

    @Test func severalMatchesCompleteToTheirCommonBeginningAndListThemInTheHint() throws {
        var s = try unmarked()
        s.workspace.people.append(Person(name: "Priya Nair", team: .sales))
        ownerField(&s, "pri")
        s.press(.tab)
        #expect(owner(s)?.text == "Priya Na")
        #expect(owner(s)?.hint == "Priya Natarajan · Priya Nair")
        #expect(screen(s).contains("Priya Natarajan · Priya Nair"))
        // Nothing more to complete: the second Tab moves on.
        s.press(.tab)
        #expect(owner(s)?.focused == false && owner(s)?.text == "Priya Na")
        // Back, type one more letter: one match.
        s.press(.backTab)
        s.type("t")
        #expect(owner(s)?.hint == Forms.ownerHint)
        s.press(.tab)
        #expect(owner(s)?.text == "Priya Natarajan")
    }

    @Test func theRosterComesBeforeOtherNames() throws {
        var s = try unmarked()
        s.workspace.frictionPoints[0].owner = "Sam Adams" // an owner not on the roster
        ownerField(&s, "sa")
        s.press(.tab)
        #expect(owner(s)?.text == "Sam ")
        #expect(owner(s)?.hint == "Sam Patel · Sam Adams")
    }

    @Test func tabMovesOnFromAnEmptyFieldAFullNameOrANameNobodyHas() throws {
        for typed in ["", "Dana Whitfield", "Zed"] {
            var s = try unmarked()
            ownerField(&s, typed)
            s.press(.tab)
            #expect(owner(s)?.focused == false, "Tab stayed on \(typed)")
            #expect(owner(s)?.text == typed)
        }
    }

    @Test func everyOwnerFieldCompletes() throws {
        for (pane, field) in [("2", 1), ("3", 5)] {
            var s = try unmarked()
            s.press(.char(Character(pane)), .char("a"))
            for _ in 0..<field { s.press(.down) }
            s.press(.ctrl("u"))
            s.type("aish")
            s.press(.tab)
            #expect(owner(s)?.text == "Aisha Okafor", "pane \(pane)")
        }
    }

    @Test func completionMatchesCaseInsensitivelyAndAfterTheFirstWord() {
        let names = ["Luis Ortega", "Luisa Park", "Priya Natarajan"]
        #expect(NameCompletion.complete("LUISA", names: names) == .init(text: "Luisa Park", candidates: []))
        #expect(NameCompletion.complete("lu", names: names) == .init(text: "Luis", candidates: ["Luis Ortega", "Luisa Park"]))
        #expect(NameCompletion.complete("p", names: names) == .init(text: "p", candidates: ["Luisa Park", "Priya Natarajan"]))
        #expect(NameCompletion.complete("Luis Ortega", names: names) == nil)
        #expect(NameCompletion.complete("  ", names: names) == nil)
        #expect(NameCompletion.listing(["a", "b", "c", "d", "e", "f"]) == "a · b · c · d · +2 more")
    }
}

@Suite("Quick capture resolves owners against the roster")
struct CaptureRosterTests {
    func capture(_ s: inout AppState, _ line: String) {
        s.press(.char("c"))
        s.type(line)
        s.press(.enter)
    }

    func lastAction(_ s: AppState) -> (owner: String, title: String)? {
        s.workspace.currentMeeting?.actionItems.last.map { ($0.owner, $0.title) }
    }

    @Test func aPrefixOfOneRosterNameIsThatPerson() throws {
        var s = try unmarked()
        capture(&s, "a: Luis: call back")
        #expect(lastAction(s)?.owner == "Luis Ortega" && lastAction(s)?.title == "call back")
        #expect(s.mode == .normal)
    }

    @Test func anAmbiguousPrefixShowsTheCandidatesAndAddsNothing() throws {
        var s = try unmarked()
        s.workspace.people.append(Person(name: "Luisa Park"))
        let count = s.workspace.currentMeeting?.actionItems.count
        capture(&s, "a: Luis: call back")
        guard case .capture(_, let completions) = s.mode else { Issue.record("an ambiguous owner was captured"); return }
        #expect(completions == ["Luis Ortega", "Luisa Park"])
        #expect(s.workspace.currentMeeting?.actionItems.count == count)
    }

    @Test func anUnknownNameIsAskedAboutThenAddedAndJoinsTheRoster() throws {
        var s = try unmarked()
        let count = s.workspace.currentMeeting?.actionItems.count ?? 0
        capture(&s, "a: Zed Quinn: order swag")
        #expect(s.workspace.currentMeeting?.actionItems.count == count)
        #expect(s.banner?.text.hasPrefix("Nobody called “Zed Quinn” yet.") == true)
        s.press(.enter)
        #expect(lastAction(s)?.owner == "Zed Quinn")
        #expect(s.workspace.person(named: "Zed Quinn") == Person(name: "Zed Quinn", team: .other))
        #expect(s.banner?.text == "Action item for Zed Quinn added. Zed Quinn joined the roster (P).")
        // The next line resolves the new person at once.
        capture(&s, "a: zed: print the banners")
        #expect(lastAction(s)?.owner == "Zed Quinn" && s.mode == .normal)
        // One undo takes back the item and the roster entry together.
        s.press(.char("u"), .char("u"))
        #expect(s.workspace.person(named: "Zed Quinn") == nil)
    }
}

@Suite("One short-name rule everywhere")
struct ShortNameTests {
    /// The text inside a rectangle of the frame, row by row.
    func text(_ frame: Frame, _ rect: Rect) -> String {
        (rect.y..<rect.maxY).map { y in
            String((rect.x..<rect.maxX).compactMap { x in frame.grid[x, y].isContinuation ? nil : frame.grid[x, y].character })
        }.joined(separator: "\n")
    }

    /// Priya owns an agenda item, a friction point and an action item, and chairs the meeting.
    func priyaEverywhere(_ size: Size) throws -> AppState {
        var s = try unmarked(size)
        let i = try #require(s.workspace.currentMeetingIndex)
        s.workspace.meetings[i].chair = "Priya Natarajan"
        s.workspace.meetings[i].actionItems[0].owner = "Priya Natarajan"
        return s
    }

    @Test(arguments: [(80, 24), (100, 30)])
    func aPersonShowsTheSameShortFormInEveryNarrowColumn(width: Int, height: Int) throws {
        for (rival, expected) in [(nil, "Priya"), ("Priya Nair", "Priya Nat.")] {
            var s = try priyaEverywhere(Size(width: width, height: height))
            if let rival { s.workspace.people.append(Person(name: rival)) }
            let frame = Renderer.render(s)
            let layout = Layout.of(s)
            // The header shows the whole name while it has room (at 120 columns), else the same short form.
            let header = text(frame, layout.header)
            #expect(header.contains("chair \(expected) ") || (width >= 120 && header.contains("chair Priya Natarajan ")), "\(header)")
            for pane in [PaneID.agenda, .friction, .actions] {
                let shown = text(frame, try #require(layout.panes[pane]))
                #expect(shown.contains(" \(expected) "), "\(pane) at \(width)x\(height):\n\(shown)")
                for other in ["PN", "Priya Natarajan", "Nataraj…", "Priya N…"] {
                    #expect(!shown.contains(other), "\(pane) at \(width)x\(height) shows \(other):\n\(shown)")
                }
            }
        }
    }

    @Test(arguments: [(200, 60)])
    func aWideColumnShowsTheWholeName(width: Int, height: Int) throws {
        let s = try priyaEverywhere(Size(width: width, height: height))
        let frame = Renderer.render(s)
        let layout = Layout.of(s)
        for pane in [PaneID.agenda, .friction, .actions] {
            #expect(text(frame, try #require(layout.panes[pane])).contains("Priya Natarajan"), "\(pane)")
        }
    }

    @Test func theRostersShortNameWins() throws {
        var s = try priyaEverywhere(Size(width: 80, height: 24))
        s.workspace.people[2].shortName = "PJ"
        let frame = Renderer.render(s)
        let layout = Layout.of(s)
        for pane in [PaneID.agenda, .friction, .actions] {
            #expect(text(frame, try #require(layout.panes[pane])).contains(" PJ "), "\(pane)")
        }
    }
}

@Suite("Widgets: people overlay")
struct PeopleOverlayTests {
    static let overlay = PeopleOverlay(rows: [
        .init(name: "Dana Whitfield", side: "other", shortName: "Dana", present: true),
        .init(name: "Marcus Reed", side: "sales", shortName: "Marcus", present: false),
        .init(name: "Priya Natarajan", side: "marketing", shortName: "Priya", present: nil),
    ], selected: 1)

    @Test func rowsShowAttendanceNameSideAndShortName() {
        let grid = WidgetFixture.draw(Self.overlay, width: 72, height: 8)
        WidgetFixture.expect(grid, [
            "┌ People · 1 present, 1 absent, 1 not marked ──────────────────────────┐",
            "│ Attendance   Name                          Side       Short name     │",
            "│ ✓ present    Dana Whitfield                other      Dana           │",
            "│ ✗ absent     Marcus Reed                   sales      Marcus         │",
            "│ · not marked Priya Natarajan               marketing  Priya          │",
            "│                                                                      │",
            "│ Space here/away · A all · a add · e edit · d del · Esc               │",
            "└──────────────────────────────────────────────────────────────────────┘",
        ])
        // The selected row is highlighted; the marks are coloured by attendance elsewhere.
        #expect(grid[20, 3].role == .selection)
        #expect(grid[2, 2].role == .good && grid[2, 4].role == .dim)
    }

    @Test func anEmptyRosterSaysHowToStartOne() {
        let grid = WidgetFixture.draw(PeopleOverlay(rows: [], namesOffRoster: 9), width: 80, height: 9)
        let text = grid.textLines.joined(separator: "\n")
        #expect(text.contains("People · 0 on the roster"))
        #expect(text.contains("No one on the roster yet.") && text.contains("a adds a person.") && text.contains("i adds the 9 names"))
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func onTheDashboard(width: Int, height: Int) throws {
        var s = try unmarked(Size(width: width, height: height))
        s.press(.char("P"), .char("j"), .char(" "), .char("j"), .char(" "), .char(" "))
        try UIFixture.assertScreen(Renderer.render(s), "people-\(width)x\(height)")
    }

    @Test func aLongRosterScrollsToKeepTheSelectionInView() throws {
        var s = try unmarked()
        for n in 0..<30 { s.workspace.people.append(Person(name: "Person \(n)")) }
        s.press(.char("P"))
        for _ in 0..<37 { s.press(.char("j")) }
        let text = screen(s)
        #expect(text.contains("Person 29") && !text.contains("Dana Whitfield"), "\(text)")
        #expect(text.contains("of 38"))
    }
}
