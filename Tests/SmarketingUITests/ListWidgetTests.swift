import Testing
@testable import SmarketingModel
@testable import SmarketingUI

/// Role letters (see `StyleRole.letter`): b/B border (focused), i/I title (focused), t text, d dim,
/// s/S selection (unfocused), k stage heading, w warn, x bad, Q status key.
@Suite("Widgets: list panes")
struct ListWidgetTests {
    static let agenda = AgendaList(plannedMinutes: 30, lengthMinutes: 25, items: [
        .init(title: "Welcome", owner: "Priya Natarajan", status: .pending, timeboxMinutes: 5),
        .init(title: "Pipeline review", owner: "Tom Okafor", status: .active, elapsedSeconds: 500, timeboxMinutes: 10),
        .init(title: "Marketing update", owner: "Ana Lima", status: .done, elapsedSeconds: 900, timeboxMinutes: 10),
        .init(title: "Old business", owner: "", status: .skipped, timeboxMinutes: 5),
    ], selected: 1, focused: true)

    @Test func agendaRowsShowStatusOwnerAndTimeAgainstTheTimebox() {
        WidgetFixture.expect(WidgetFixture.draw(Self.agenda, width: 40, height: 7), [
            "┌ 2 Agenda · 30 of 25 min ── over by 5 ┐",
            "│ ○ Welcome            Priya        5m │",
            "│ ▶ Pipeline review    Tom    8:20/10m │",
            "│ ✓ Marketing update   Ana   15:00/10m │",
            "│ – Old business                    5m │",
            "│                                      │",
            "└──────────────────────────────────────┘",
        ], styles: [
            "BIIIIIIIIIIIIIIIIIIIIIIIIIBBwwwwwwwwwwwB",
            "BttttttttttttttttttttttdddddtttttttttttB",
            "BssssssssssssssssssssssssssssssssssssssB",
            "BddddddddddddddddddddddddddddxxxxxxxxxdB",
            "BddddddddddddddddddddddddddddddddddddddB",
            "BttttttttttttttttttttttttttttttttttttttB",
            "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
        ])
    }

    @Test func aRunningItemTurnsAmberAt80PercentAndRedPastItsTimebox() {
        func timeRole(_ elapsed: Int) -> Character {
            let list = AgendaList(plannedMinutes: 10, lengthMinutes: 45, items: [
                .init(title: "Pipeline", owner: "Tom", status: .active, elapsedSeconds: elapsed, timeboxMinutes: 10),
            ], selected: 5)
            return Array(WidgetFixture.draw(list, width: 40, height: 3).styleLines[1])[37]
        }
        #expect(timeRole(100) == "a")
        #expect(timeRole(480) == "w")
        #expect(timeRole(601) == "x")
    }

    @Test func anEmptyAgendaSaysHowToAddAnItem() {
        let list = AgendaList(plannedMinutes: 0, lengthMinutes: 45, items: [])
        #expect(WidgetFixture.draw(list, width: 50, height: 4).textLines[1] == "│ No agenda items. Press a to add one.           │")
    }

    @Test func theAgendaScrolls() {
        var list = Self.agenda
        list.scroll = 2
        list.selected = 3
        let lines = WidgetFixture.draw(list, width: 40, height: 4).textLines
        #expect(lines[1].hasPrefix("│ ✓ Marketing update") && lines[2].hasPrefix("│ – Old business"))
    }

    static let friction = FrictionList(unresolved: 2, rows: [
        .suggestion(stage: "SQL", title: "MQL→SQL conversion fell to 18.0%, 25% below its 4-week average of 24.0%",
                    shortTitle: "MQL→SQL 18% vs 24% avg"),
        .stage("Lead / MQL", count: 2),
        .point(.init(title: "Slow lead routing", owner: "Priya Natarajan", severity: 3, status: .open)),
        .point(.init(title: "Forms drop UTM", owner: "Tom Okafor", severity: 2, status: .mitigating)),
        .stage("SQL", count: 1),
        .point(.init(title: "Old CRM fields", owner: "Ana Lima", severity: 1, status: .resolved)),
    ], selectedRow: 3)

    @Test func frictionPointsUnderTheirStageWithSeverityStatusAndOwner() {
        WidgetFixture.expect(WidgetFixture.draw(Self.friction, width: 50, height: 9), [
            "┌ 3 Friction points · 2 unresolved ──────────────┐",
            "│ ⚑ MQL→SQL 18% vs 24% avg                   A/X │",
            "│ Lead / MQL (2)                                 │",
            "│  ▮▮▮ Slow lead routing            open   Priya │",
            "│  ▮▮▯ Forms drop UTM               mitig. Tom   │",
            "│ SQL (1)                                        │",
            "│  ▮▯▯ Old CRM fields               resol. Ana   │",
            "│                                                │",
            "└────────────────────────────────────────────────┘",
        ], styles: [
            "biiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiibbbbbbbbbbbbbbb",
            "bwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwQQQQQb",
            "bkkkkkkkkkkkkkkktttttttttttttttttttttttttttttttttb",
            "bxxxxxxtttttttttttttttttttttttttttttwwwwtttdddddtb",
            "bSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSb",
            "bkkkkkkkkttttttttttttttttttttttttttttttttttttttttb",
            "bddddddddddddddddddddddddddddddddddddddddddddddddb",
            "bttttttttttttttttttttttttttttttttttttttttttttttttb",
            "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
        ])
    }

    @Test func theFrictionInputIsAWindowFromTheScrollPosition() {
        // Rows 10 and 11 of 30: the selection (row 11) is counted in the whole list.
        let list = FrictionList(unresolved: 30, rows: [
            .point(.init(title: "Tenth", owner: "A B", severity: 1, status: .open)),
            .point(.init(title: "Eleventh", owner: "C D", severity: 1, status: .open)),
        ], scroll: 10, total: 30, selectedRow: 11, focused: true)
        let grid = WidgetFixture.draw(list, width: 40, height: 4)
        #expect(grid.textLines[1].contains("Tenth") && grid.textLines[2].contains("Eleventh"))
        #expect(!grid.styleLines[1].contains("s") && grid.styleLines[2] == "B" + String(repeating: "s", count: 38) + "B")
    }

    @Test func thePresenterSeesNoKeysOnSuggestionsAndWideScreensSayMore() {
        var list = Self.friction
        list.readOnly = true
        #expect(!WidgetFixture.draw(list, width: 50, height: 9).textLines[1].contains("A/X"))
        list.readOnly = false
        let wide = WidgetFixture.draw(list, width: 120, height: 9).textLines
        #expect(wide[1].contains("⚑ Suggested SQL friction: MQL→SQL conversion fell") && wide[1].contains(" A accept · X dismiss │"))
        // Full status words and whole names: never a name cut short ("Priya Nataraj…").
        #expect(wide[3].contains("open       Priya Natarajan │"))
    }

    @Test func emptyFrictionListsSayWhy() {
        let none = FrictionList(unresolved: 0, hasPoints: false, rows: [])
        #expect(WidgetFixture.draw(none, width: 50, height: 4).textLines[1].contains("No friction points. Press a to record one."))
        let hidden = FrictionList(unresolved: 0, showsResolved: false, hasPoints: true, rows: [])
        let lines = WidgetFixture.draw(hidden, width: 60, height: 4).textLines
        #expect(lines[0].contains("0 unresolved · resolved hidden") && lines[1].contains("All resolved. Press r to show them."))
    }

    static let actions = ActionsList(rows: [
        .heading("Action items (1 open of 2)"),
        .action(.init(title: "Send deck", owner: "Priya Natarajan", due: CalendarDate(iso: "2026-11-20"), overdueDays: 3)),
        .action(.init(title: "Book venue", owner: "Tom Okafor", due: nil, weeksCarried: 2, done: true)),
        .heading("Decisions (1)"),
        .decision("Move standup to 9:30"),
    ], selectedRow: 4, focused: true)

    /// Overdue items say so in words (colour alone is lost on a projector or a VT100).
    @Test func actionsWithOwnerDueAndCarryOverThenDecisions() {
        WidgetFixture.expect(WidgetFixture.draw(Self.actions, width: 56, height: 8), [
            "┌ 4 Actions & decisions ───────────────────────────────┐",
            "│ Action items (1 open of 2)                           │",
            "│ [ ] Send deck                       Priya overdue 3d │",
            "│ [x] Book venue                      Tom   ↻2         │",
            "│ Decisions (1)                                        │",
            "│ ◆ Move standup to 9:30                               │",
            "│                                                      │",
            "└──────────────────────────────────────────────────────┘",
        ], styles: [
            "BIIIIIIIIIIIIIIIIIIIIIIIBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
            "BkkkkkkkkkkkkkkkkkkkkkkkkkkktttttttttttttttttttttttttttB",
            "BtttttttttttttttttttttttttttttttttttttdddddtxxxxxxxxxxtB",
            "BddddddddddddddddddddddddddddddddddddddddddddddddddddddB",
            "BkkkkkkkkkkkkkkttttttttttttttttttttttttttttttttttttttttB",
            "BssssssssssssssssssssssssssssssssssssssssssssssssssssssB",
            "BttttttttttttttttttttttttttttttttttttttttttttttttttttttB",
            "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
        ])
    }

    @Test func nothingIsSelectedInAnEmptyActionsPane() {
        let list = ActionsList(rows: [.heading("Action items (0 open of 0)"), .heading("Decisions (0)")], selectedRow: nil, focused: true)
        #expect(!WidgetFixture.draw(list, width: 40, height: 5).styleLines.joined().contains("s"))
    }
}
