import Testing
@testable import SmarketingModel
@testable import SmarketingUI

@Suite("Widgets: KPI tile")
struct KPITileTests {
    static let series: [Double?] = [44, 46, 48, nil, 52, 49, 51, 53, 47, 50, 47, 50.08]

    static func costPerLead(selected: Bool = false) -> KPITile {
        KPITile(title: "Cost per lead", status: .withinTenPercent, value: "$50.08", target: "≤ $50.00",
                vsLastWeek: .init(figure: "▲ +$3.10", isImprovement: false), vsFourWeekAverage: .init(figure: "▼ -$0.40", isImprovement: true),
                median: "$49.00", trend: Trend(values: series, target: 50, direction: .lowerIsBetter, latest: .withinTenPercent),
                selected: selected)
    }

    @Test func aShortTileShowsValueChangeAndSparkline() {
        let grid = WidgetFixture.draw(Self.costPerLead(), width: 20, height: 4)
        WidgetFixture.expect(grid, [
            "Cost per lead      ◐",
            "$50.08 / ≤ $50.00   ",
            "▲ +$3.10 vs last wk ",
            "▁▃▄·▇▅▆█▃▆▃▆ 12w    ",
        ], styles: [
            "iiiiiiiiiiiiittttttw",
            "wwwwwwTTTTTTTTTTTttt",
            "xxxxxxxxxxxxxxxxxxxt",
            "rrrdrrrrrrrwddddtttt",
        ])
    }

    @Test func theSelectedTileHasItsTitleHighlighted() {
        let grid = WidgetFixture.draw(Self.costPerLead(selected: true), width: 20, height: 4)
        #expect(grid.styleLines[0].hasPrefix("sssssssssssss"))
    }

    @Test func aTallTileHasBigDigitsBothChangesTheMedianAndABarChart() {
        let lines = WidgetFixture.draw(Self.costPerLead(), width: 34, height: 10).textLines
        #expect(Array(lines[0...6]) == [
            "Cost per lead         ◐ within 10%",
            " █▀▀ █▀█   █▀█ █▀█                ",
            "$▀▀█ █ █   █ █ █▀█                ",
            " ▀▀▀ ▀▀▀ ▀ ▀▀▀ ▀▀▀        ≤ $50.00",
            "▲ +$3.10 vs last wk               ",
            "▼ -$0.40 vs 4-wk avg              ",
            "median $49.00                     ",
        ])
        #expect(lines[7...9].contains { $0.contains("┄tgt") } && lines[9].hasSuffix("12w"))
    }

    /// At 120x40 a tile is 27 wide and 8 tall: the digits, the target under them, both changes
    /// and the 12-week trend all show (the trend used to give way to the digits).
    @Test func aTileAt120x40KeepsBothChangesAndTheTrend() {
        var tile = Self.costPerLead()
        tile.median = nil
        let lines = WidgetFixture.draw(tile, width: 27, height: 8).textLines
        #expect(lines[1].contains("█▀▀"))
        #expect(lines[4].hasPrefix("target ≤ $50.00"))
        #expect(lines[5].hasPrefix("▲ +$3.10 vs last wk"))
        #expect(lines[6].hasPrefix("▼ -$0.40 vs 4-wk avg"))
        #expect(lines[7].hasPrefix("▁▃▄·▇▅▆█▃▆▃▆ 12w"))
    }

    /// From 50 rows the digits are five rows tall, with the changes and a bar chart under them.
    @Test func tallDigitsAreFiveRowsWithTheChangesAndTheChartUnderThem() {
        var tile = Self.costPerLead()
        tile.tallDigits = true
        let lines = WidgetFixture.draw(tile, width: 48, height: 11).textLines
        #expect(Array(lines[1...5]) == BigDigits.rows("50.08", ascii: false, tall: true)!.enumerated().map { i, row in
            DisplayWidth.pad((i == 2 ? "$" : " ") + row + (i == 4 ? String(repeating: " ", count: 48 - 22 - 8) + "≤ $50.00" : ""), to: 48)
        })
        #expect(lines[6].hasPrefix("▲ +$3.10 vs last wk"))
        #expect(lines[7].hasPrefix("▼ -$0.40 vs 4-wk avg") && lines[7].hasSuffix("median $49.00"))
        #expect(lines[8...10].contains { $0.contains("┄tgt") } && lines[10].hasSuffix("12w"))
        // Without the room for them and their lines, the digits stay three rows tall.
        let short = WidgetFixture.draw(tile, width: 48, height: 8).textLines
        #expect(short[1].contains("█▀▀ █▀█") && short[4].hasPrefix("▲ +$3.10"))
    }

    /// At 160x45 a tile is 37 wide and 9 tall: the sales cycle's median goes beside its 4-week
    /// change, so it keeps its bar chart like the other KPIs.
    @Test func theSalesCycleGetsItsBarChartAt160x45() {
        let days: [Double?] = [60, 58, 61, 55, 64, 50, 47, 52, 49, 73, 54, 46.3]
        let tile = KPITile(title: "Sales cycle", status: .withinTenPercent, value: "46.3 d", target: "≤ 45.0 d",
                           vsLastWeek: .init(figure: "▼ -27.2 d", isImprovement: true), vsFourWeekAverage: .init(figure: "▼ -8.5 d", isImprovement: true),
                           median: "42.0 d", trend: Trend(values: days, target: 45, direction: .lowerIsBetter, latest: .withinTenPercent, targetLabel: "45.0 d"))
        let lines = WidgetFixture.draw(tile, width: 37, height: 9).textLines
        #expect(lines[5].hasPrefix("▼ -8.5 d vs 4-wk avg") && lines[5].hasSuffix("median 42.0 d"), "\(lines)")
        #expect(lines[6...8].allSatisfy { $0.contains("█") }, "\(lines)")
        #expect(lines[6...8].contains { $0.contains("┄tgt 45.0 d") }, "\(lines)")
    }

    /// On a projector an underlined status looks like a strike-through on three-row digits: big
    /// digits carry the status by colour (their own roles) and the title row's mark.
    @Test func bigDigitsUseTheDigitRolesAndTheTitleKeepsTheMark() {
        for (status, role, mark) in [(KPIStatus.onTarget, StyleRole.digitsGood, "●"), (.withinTenPercent, .digitsWarn, "◐"), (.offTarget, .digitsBad, "○")] {
            var tile = Self.costPerLead()
            tile.status = status
            let grid = WidgetFixture.draw(tile, width: 34, height: 10)
            for y in 1...3 {
                let roles = Set((0..<34).map { grid[$0, y].role }).subtracting([.text, .target])
                #expect(roles == [role], "row \(y) of \(status)")
            }
            #expect(grid.textLines[0].contains(mark))
            #expect(grid[33, 0].role == KPITile.statusRole(status))
        }
    }

    @Test func noValueAndNoChangesReadNA() {
        let tile = KPITile(title: "Win rate", status: .noValue, value: "n/a", target: "≥ 25.0%", vsLastWeek: nil, vsFourWeekAverage: nil,
                           median: nil, trend: Trend(values: [nil, nil], roles: [.dim, .dim], target: 0.25))
        WidgetFixture.expect(WidgetFixture.draw(tile, width: 20, height: 3), [
            "Win rate           ·",
            "n/a / ≥ 25.0%       ",
            "n/a vs last wk      ",
        ], styles: [
            "iiiiiiiitttttttttttd",
            "dddTTTTTTTTTTttttttt",
            "ddddddddddddddtttttt",
        ])
    }
}

@Suite("Widgets: KPI pane with any number of tiles")
struct KPIPaneTests {
    static func tiles(_ n: Int) -> [KPITile] {
        (1...max(1, n)).prefix(n).map { i in
            KPITile(title: "KPI \(i)", status: i < 5 ? .offTarget : .onTarget, value: "\(i)", target: "≥ 5", vsLastWeek: nil,
                    vsFourWeekAverage: nil, median: nil, trend: Trend(values: [1, 2, Double(i)], target: 5, direction: .higherIsBetter,
                                                                       latest: i < 5 ? .offTarget : .onTarget))
        }
    }

    static func pane(_ n: Int, selected: Int = 0) -> KPIPane {
        KPIPane(week: CalendarDate(iso: "2026-11-16"), sla: .init(full: "SLA: 3.4 of 4 leads per rep this month", compact: "SLA 3.4/4 per rep", onTarget: false),
                funnel: FunnelStrip(counts: nil, steps: []), tiles: tiles(n), selected: selected)
    }

    @Test func fiveTilesWrapOntoASecondRowAt80Columns() {
        WidgetFixture.expect(WidgetFixture.draw(Self.pane(5), width: 80, height: 6), [
            "┌ 1 KPIs · week of 2026-11-16 ───────── SLA: 3.4 of 4 leads per rep this month ┐",
            "│ KPI 1            ○  KPI 2            ○  KPI 3           ○  KPI 4           ○ │",
            "│ 1 / ≥ 5             2 / ≥ 5             3 / ≥ 5            4 / ≥ 5           │",
            "│ KPI 5            ●                                                           │",
            "│ 5 / ≥ 5                                                                      │",
            "└─ Funnel: no record for this week ────────────────────────────────────────────┘",
        ])
    }

    @Test func importedNumbersSayWhereTheyCameFromOnTheBottomEdgeOrElseInTheTitle() {
        var pane = Self.pane(1)
        pane.provenance = ("imported 11-23 from hubspot-contacts.csv +4, edited by hand", "imported 11-23, edited")
        let wide = WidgetFixture.draw(pane, width: 110, height: 4).textLines
        #expect(wide[3] == "└─ Funnel: no record for this week ───────────── imported 11-23 from hubspot-contacts.csv +4, edited by hand ┘")
        let medium = WidgetFixture.draw(pane, width: 64, height: 4).textLines
        #expect(medium[3].hasSuffix("─ imported 11-23, edited ┘"), "\(medium[3])")
        // No room beside the funnel: the title says it, when the SLA still fits.
        pane.sla = nil
        let narrow = WidgetFixture.draw(pane, width: 48, height: 4).textLines
        #expect(narrow[0].hasPrefix("┌ 1 KPIs · week of 2026-11-16 · imported "), "\(narrow[0])")
        #expect(!narrow[3].contains("imported"))
    }

    @Test(arguments: [0, 1, 3, 4, 5, 8], [Size(width: 80, height: 6), Size(width: 80, height: 8), Size(width: 200, height: 11)])
    func anyNumberOfTilesFitsThePane(count: Int, size: Size) {
        let pane = Self.pane(count)
        let rect = Rect(x: 3, y: 2, width: size.width, height: size.height)
        #expect(WidgetFixture.cellsDrawnOutside(pane, rect, in: Size(width: size.width + 6, height: size.height + 4)).isEmpty)
        let text = WidgetFixture.draw(pane, width: size.width, height: size.height).textLines.joined(separator: "\n")
        for i in 1...max(1, count) where count > 0 {
            #expect(text.contains("KPI \(i) "), "tile \(i) of \(count) missing at \(size)")
        }
        #expect(!text.contains("▲") && !text.contains("▼"), "\(count) tiles fit at \(size) without scrolling")
    }

    @Test(arguments: 0...9)
    func tileRectanglesLieInsideTheAreaAndNeverOverlap(count: Int) {
        for area in [Rect(x: 2, y: 1, width: 76, height: 4), Rect(x: 2, y: 1, width: 196, height: 9), Rect(x: 0, y: 0, width: 10, height: 1),
                     Rect(x: 0, y: 0, width: 0, height: 0)] {
            let rects = KPIPane.tileLayout(count: count, selected: count - 1, in: area).rects.compactMap { $0 }
            for (i, r) in rects.enumerated() {
                #expect(r.x >= area.x && r.y >= area.y && r.maxX <= area.maxX && r.maxY <= area.maxY)
                for other in rects[(i + 1)...] {
                    #expect(r.maxX <= other.x || other.maxX <= r.x || r.maxY <= other.y || other.maxY <= r.y)
                }
            }
        }
        // One row at 200 columns, wide tiles at 80 until they must wrap.
        let wide = KPIPane.tileLayout(count: count, selected: 0, in: Rect(x: 2, y: 1, width: 196, height: 9)).rects
        #expect(Set(wide.compactMap { $0?.y }).count == min(count, 1))
        let narrow = KPIPane.tileLayout(count: count, selected: 0, in: Rect(x: 2, y: 1, width: 76, height: 4)).rects
        #expect(Set(narrow.compactMap { $0?.width }).allSatisfy { $0 >= KPIPane.minimumTileWidth })
    }

    @Test func rowsThatDoNotFitScrollToTheSelectedTileAndAreMarked() {
        let atStart = WidgetFixture.draw(Self.pane(12, selected: 0), width: 80, height: 6)
        #expect(atStart.textLines.joined().contains("KPI 1 ") && !atStart.textLines.joined().contains("KPI 9 "))
        #expect(atStart[79, 4].character == "▼" && atStart[79, 1].character == "│")
        let atEnd = WidgetFixture.draw(Self.pane(12, selected: 11), width: 80, height: 6)
        #expect(atEnd.textLines.joined().contains("KPI 12") && !atEnd.textLines.joined().contains("KPI 1 "))
        #expect(atEnd[79, 1].character == "▲" && atEnd[79, 4].character == "│")
    }

    @Test func theTitleSaysWhenTheWeekHasNoRecord() {
        var pane = Self.pane(0)
        pane.weekHasRecord = false
        pane.sla = nil
        #expect(WidgetFixture.draw(pane, width: 80, height: 6).textLines[0].hasPrefix("┌ 1 KPIs · week of 2026-11-16 · no record yet (a adds it) ─"))
    }

    @Test func theSLAGoesCompactThenAwayAsTheTitleCrowdsIt() {
        #expect(WidgetFixture.draw(Self.pane(1), width: 60, height: 6).textLines[0].contains(" SLA 3.4/4 per rep ┐"))
        #expect(!WidgetFixture.draw(Self.pane(1), width: 40, height: 6).textLines[0].contains("SLA"))
    }
}
