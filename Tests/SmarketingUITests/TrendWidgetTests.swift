import Testing
@testable import SmarketingModel
@testable import SmarketingUI

/// Role letters used in the style lines below (see `StyleRole.letter`): t text, d dim, i title,
/// r sparkline, g good, w warn, x bad, T target, s selection.
@Suite("Widgets: sparkline and bar chart")
struct TrendWidgetTests {
    func spark(_ values: [Double?], roles: [StyleRole]? = nil, ascii: Bool = false) -> Sparkline {
        Sparkline(trend: Trend(values: values, roles: roles ?? values.map { _ in .sparkline }, target: 0), asciiOnly: ascii)
    }

    @Test func aSparklineHasEightLevelsAndSaysHowManyWeeks() {
        var roles = [StyleRole](repeating: .sparkline, count: 8)
        roles[7] = .good
        let grid = WidgetFixture.draw(spark([1, 2, 3, 4, 5, 6, 7, 8], roles: roles), width: 12, height: 1)
        WidgetFixture.expect(grid, ["▁▂▃▄▅▆▇█ 8w "], styles: ["rrrrrrrgdddt"])
    }

    @Test func anEmptySeriesDrawsNothing() {
        WidgetFixture.expect(WidgetFixture.draw(spark([]), width: 6, height: 1), ["      "], styles: ["tttttt"])
    }

    @Test func equalValuesSitMidHeight() {
        let grid = WidgetFixture.draw(spark([5, 5, 5], roles: [.sparkline, .bad, .good]), width: 6, height: 1)
        WidgetFixture.expect(grid, ["▄▄▄ 3w"], styles: ["rxgddd"])
    }

    @Test func aMissingWeekIsADimDot() {
        let grid = WidgetFixture.draw(spark([1, nil, 3], roles: [.sparkline, .sparkline, .warn]), width: 6, height: 1)
        WidgetFixture.expect(grid, ["▁·█ 3w"], styles: ["rdwddd"])
    }

    @Test func aNarrowSparklineShowsTheNewestWeeks() {
        var roles = [StyleRole](repeating: .sparkline, count: 12)
        roles[11] = .good
        let grid = WidgetFixture.draw(spark((1...12).map(Double.init), roles: roles), width: 5, height: 1)
        // Weeks 8 to 12, scaled between themselves; no room for the label.
        WidgetFixture.expect(grid, ["▁▃▅▆█"], styles: ["rrrrg"])
    }

    @Test func asciiLevels() {
        WidgetFixture.expect(WidgetFixture.draw(spark([1, 2, 3, 4, 5, 6, 7, 8], ascii: true), width: 8, height: 1), ["_.-=+*#@"])
    }

    @Test func weeksThatMissTheTargetAreMarkedAndThisWeekTakesItsStatus() {
        let trend = Trend(values: [60, 40, nil, 45], target: 50, direction: .lowerIsBetter, latest: .onTarget)
        #expect(trend.roles == [.bad, .sparkline, .dim, .good])
        #expect(Trend(values: [], target: 1, direction: .higherIsBetter, latest: .noValue).roles.isEmpty)
    }

    func bars(_ values: [Double?], target: Double, ascii: Bool = false) -> BarChart {
        var roles = values.map { _ in StyleRole.sparkline }
        if !roles.isEmpty { roles[roles.count - 1] = .good }
        return BarChart(trend: Trend(values: values, roles: roles, target: target), asciiOnly: ascii)
    }

    @Test func barsStandOnAFloorWithTheTargetLineBehindThem() {
        // Floor 0, 24 levels for 0…8: a value v fills 3v eighths; the target 5 is on the middle row.
        let grid = WidgetFixture.draw(bars([2, 4, 6, 8], target: 5), width: 12, height: 3)
        WidgetFixture.expect(grid, [
            "    ▂▂██    ",
            "┄┄▄▄████┄tgt",
            "▆▆██████  4w",
        ], styles: [
            "ttttrrggtttt",
            "TTrrrrggTTTT",
            "rrrrrrggttdd",
        ])
    }

    @Test func asciiBars() {
        let grid = WidgetFixture.draw(bars([2, 4, 6, 8], target: 5, ascii: true), width: 12, height: 3)
        WidgetFixture.expect(grid, [
            "    ..##    ",
            "--######tgt ",
            "########  4w",
        ])
    }

    @Test func noValuesSayThereIsNoHistory() {
        for values in [[], [nil, nil] as [Double?]] {
            let grid = WidgetFixture.draw(bars(values, target: 5), width: 16, height: 3)
            WidgetFixture.expect(grid, ["                ", "                ", "no history yet  "],
                                 styles: ["tttttttttttttttt", "tttttttttttttttt", "ddddddddddddddtt"])
        }
    }

    @Test func equalValuesOnTargetFillTheChart() {
        let grid = WidgetFixture.draw(bars([5, 5, 5], target: 5), width: 10, height: 3)
        WidgetFixture.expect(grid, ["██████┄tgt", "██████    ", "██████  3w"])
    }

    @Test func aMissingWeekIsADotOnTheBottomRow() {
        let grid = WidgetFixture.draw(bars([4, nil, 8], target: 6), width: 10, height: 2)
        WidgetFixture.expect(grid, ["┄┄┄┄██┄tgt", "██· ██  3w"], styles: ["TTTTggTTTT", "rrdtggttdd"])
    }

    @Test func aNarrowChartShowsTheNewestWeeks() {
        // One column a week, room for four: weeks 9 to 12 over the target 6.
        let grid = WidgetFixture.draw(bars((1...12).map(Double.init), target: 6), width: 8, height: 3)
        WidgetFixture.expect(grid, ["▂▄▆█    ", "████┄tgt", "████  4w"])
    }

    /// The issue's cost per lead: $46.83 to $58.62 was drawn from 40% to 100% of the height, so a
    /// 25% difference looked like 2.5 times. On zero, the lowest bar is 80% of the highest.
    @Test func barsStandOnZeroSoTheirHeightsAreInProportion() {
        let values: [Double?] = [58.62, 46.83, 50.08]
        let trend = Trend(values: values, roles: values.map { _ in .sparkline }, target: 50, targetLabel: "$50.00")
        let grid = WidgetFixture.draw(BarChart(trend: trend), width: 24, height: 3)
        WidgetFixture.expect(grid, [
            "███┄▃▃▃┄▅▅▅┄┄tgt $50.00 ",
            "███ ███ ███             ",
            "███ ███ ███           3w",
        ])
    }

    @Test func theTargetLineSaysItsValueWhenTheBarsKeepTwoColumnsAWeek() {
        let values: [Double?] = Array(repeating: 40, count: 12)
        let trend = Trend(values: values, roles: values.map { _ in .sparkline }, target: 50, targetLabel: "$50.00")
        let wide = WidgetFixture.draw(BarChart(trend: trend), width: 40, height: 3).textLines
        #expect(wide.contains { $0.contains("┄tgt $50.00") }, "\(wide)")
        let narrow = WidgetFixture.draw(BarChart(trend: trend), width: 30, height: 3).textLines
        #expect(narrow.contains { $0.contains("┄tgt") } && !narrow.contains { $0.contains("$50.00") }, "\(narrow)")
    }
}

@Suite("Widgets: funnel strip")
struct FunnelStripTests {
    let funnel = FunnelStrip(counts: [119, 38, 9, 4, 1], steps: [
        .init(rate: 38.0 / 119), .init(rate: 9.0 / 38, isFlagged: true), .init(rate: 4.0 / 9), .init(rate: 0.25),
    ])

    @Test func countsAndRatesWithAWeakStepFlagged() {
        let grid = WidgetFixture.draw(funnel, width: 70, height: 1)
        WidgetFixture.expect(grid, [" " + " Funnel 119 leads →32% 38 MQL ⚑→24% 9 SQL →44% 4 opp →25% 1 won " + "     "], styles: [
            "t" + "iiiiiiii" + "ttttttttt" + "dddddd" + "tttttt" + "xxxxxxx" + "ttttt" + "dddddd" + "ttttt" + "dddddd" + "ttttt" + "t" + "ttttt",
        ])
    }

    @Test func aNarrowStripIsCutWithAnEllipsisInsideItsEnds() {
        WidgetFixture.expect(WidgetFixture.draw(funnel, width: 30, height: 1), ["  Funnel 119 leads →32% 38 M… "])
    }

    @Test func aWeekWithoutARecordSaysSo() {
        let grid = WidgetFixture.draw(FunnelStrip(counts: nil, steps: []), width: 40, height: 1)
        WidgetFixture.expect(grid, ["  Funnel: no record for this week       "])
    }

    @Test func moreCountsThanNamesDoNotCrash() {
        let grid = WidgetFixture.draw(FunnelStrip(counts: [1, 2, 3, 4, 5, 6], steps: []), width: 60, height: 1)
        #expect(grid.textLines[0].contains("5 won6"))
    }
}
