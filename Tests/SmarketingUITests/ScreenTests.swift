import Testing
@testable import SmarketingModel
@testable import SmarketingUI

@Suite("Golden screens")
struct ScreenTests {
    @Test(arguments: [(80, 24), (100, 30), (120, 40), (160, 45), (200, 60)])
    func sampleDashboard(width: Int, height: Int) throws {
        let state = try UIFixture.state(size: Size(width: width, height: height))
        try UIFixture.assertScreen(Renderer.render(state), "northwind-\(width)x\(height)")
    }

    @Test func tooSmall() throws {
        let state = try UIFixture.state(size: Size(width: 60, height: 20))
        try UIFixture.assertScreen(Renderer.render(state), "too-small-60x20")
    }

    @Test func edgeCases() throws {
        let state = try UIFixture.state("edge-cases.json", size: Size(width: 80, height: 24))
        try UIFixture.assertScreen(Renderer.render(state), "edge-cases-80x24")
    }
}

@Suite("Golden screens: modes")
struct ModeScreenTests {
    @Test func zoomedFrictionPane() throws {
        var state = try UIFixture.state()
        state.press(.char("3"), .char("z"), .down)
        try UIFixture.assertScreen(Renderer.render(state), "zoom-friction-80x24")
    }

    @Test func agendaFormWithAValidationMessage() throws {
        var state = try UIFixture.state()
        state.press(.char("a"))
        state.type("東京 review 🚀")
        state.press(.tab, .tab, .ctrl("u"))
        state.type("ten")
        state.press(.enter)
        let frame = Renderer.render(state)
        try UIFixture.assertScreen(frame, "form-agenda-80x24")
        #expect(frame.cursor != nil)
    }

    @Test func helpOverlay() throws {
        var state = try UIFixture.state(size: Size(width: 120, height: 40))
        state.press(.char("?"))
        try UIFixture.assertScreen(Renderer.render(state), "help-120x40")
    }

    @Test func focusAndSelectionInTheActionsPane() throws {
        var state = try UIFixture.state(size: Size(width: 120, height: 40))
        state.press(.char("4"), .down, .down)
        try UIFixture.assertScreen(Renderer.render(state), "actions-selected-120x40")
    }
}

@Suite("Rendering safety")
struct RenderingSafetyTests {
    static let hostile = "x\u{1B}[2J\u{1B}]0;title\u{07}\u{1B}]52;c;ZXZpbA==\u{07}\u{9B}31m\u{202E}rev\u{0}\u{8}\u{1B}P1$r\u{1B}\\ end"

    @Test func textFromTheFileNeverReachesTheGridRaw() throws {
        var ws = try UIFixture.workspace("northwind.json")
        let h = Self.hostile
        ws.team.name = h
        let mi = ws.currentMeetingIndex!
        ws.meetings[mi].chair = h
        ws.meetings[mi].agenda[0].title = h
        ws.meetings[mi].agenda[0].owner = h
        ws.meetings[mi].actionItems[0].title = h
        ws.meetings[mi].decisions[0].text = h
        ws.frictionPoints[0].title = h
        ws.frictionPoints[0].owner = h
        for size in [Size(width: 80, height: 24), Size(width: 200, height: 60)] {
            var state = AppState(workspace: ws, fileLabel: h, size: size, now: UIFixture.morning)
            for keys in [[Key](), [.char("z")], [.char("e")], [.char("3"), .char("e")]] {
                for key in keys { _ = Reducer.reduce(&state, .key(key)) }
                let grid = Renderer.render(state).grid
                for cell in grid.cells {
                    for scalar in cell.character.unicodeScalars {
                        #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value) && !(0x202A...0x202E).contains(scalar.value),
                                "raw U+\(String(scalar.value, radix: 16)) reached the grid")
                    }
                }
                #expect(grid.textLines.joined().contains("␛[2J"))
            }
        }
    }

    @Test(arguments: [Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: 80, height: 24), Size(width: 500, height: 200)])
    func everyFrameFitsItsGrid(size: Size) throws {
        var state = try UIFixture.state(size: size)
        for key in [Key.char("z"), .char("?"), .escape, .char("a"), .escape, .tab, .char("e")] {
            _ = Reducer.reduce(&state, .key(key))
            let frame = Renderer.render(state)
            #expect(frame.grid.cells.count == size.width * size.height)
            for line in frame.grid.textLines { #expect(DisplayWidth.of(line) <= size.width) }
        }
    }

    @Test func wideCharactersNeverBreakBordersOrColumns() throws {
        var ws = try UIFixture.workspace("edge-cases.json")
        ws.meetings[0].agenda[0].title = String(repeating: "渡辺🚀é", count: 20)
        ws.meetings[0].agenda[0].owner = "👩‍👩‍👧 Zoë Ångström"
        let state = AppState(workspace: ws, fileLabel: "edge.json", size: Size(width: 80, height: 24), now: UIFixture.morning)
        let grid = Renderer.render(state).grid
        let layout = Layout.of(state)
        let agenda = layout.panes[.agenda]!
        for y in agenda.y..<agenda.maxY {
            #expect(grid[agenda.x, y].character == "│" || grid[agenda.x, y].character == "┌" || grid[agenda.x, y].character == "└")
            #expect(grid[agenda.maxX - 1, y].character == "│" || grid[agenda.maxX - 1, y].character == "┐" || grid[agenda.maxX - 1, y].character == "┘")
        }
        #expect(grid.textLines[agenda.y + 1].contains("…"))
    }
}
