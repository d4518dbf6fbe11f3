import Testing
@testable import SmarketingModel

@Suite("KPI math")
struct KPITests {
    let thisWeek = "2026-11-16"

    @Test func computesEachKPIFromItsDefinition() {
        let w = week(thisWeek, spend: 5000, leads: 125, won: 3, lost: 9, customers: 4, cycle: [20, 30, 70])
        #expect(KPIKind.costPerLead.value(for: w) == 40)                 // spend ÷ leads
        #expect(KPIKind.leadToCustomerRatio.value(for: w) == 4.0 / 125)  // new customers ÷ leads
        #expect(KPIKind.closeRate.value(for: w) == 0.25)                 // won ÷ (won + lost)
        #expect(KPIKind.salesCycleLength.value(for: w) == 40)            // mean of cycle days
        let report = KPIReport(workspace: workspace(weeks: [w]), week: CalendarDate(iso: thisWeek)!)
        #expect(report[.salesCycleLength].median == 30)
    }

    @Test func zeroDenominatorsGiveNoValueNeverZeroNaNOrInfinity() {
        let w = week(thisWeek, spend: 1200, leads: 0, won: 0, lost: 0, customers: 0, cycle: [])
        for kind in KPIKind.allCases {
            #expect(kind.value(for: w) == nil, "\(kind) should be undefined")
        }
        let report = KPIReport(workspace: workspace(weeks: [w]), week: CalendarDate(iso: thisWeek)!)
        for result in report.results {
            #expect(result.value == nil)
            #expect(result.status == .noValue)
            #expect(result.changeVsLastWeek == nil)
            #expect(KPIFormat.value(result.value, result.kind, currency: "USD") == "n/a")
        }
        #expect(report[.salesCycleLength].median == nil)
    }

    @Test func openDealsDoNotCountTowardsCloseRate() {
        let w = week(thisWeek, opps: 40, won: 1, lost: 1)
        #expect(KPIKind.closeRate.value(for: w) == 0.5)
    }

    @Test func aMissingWeekIsAGapNotAZero() {
        // Weeks 11-02 and 11-16 exist; 11-09 is missing.
        let ws = workspace(weeks: [week("2026-11-02", spend: 1000, leads: 100), week(thisWeek, spend: 2000, leads: 100)])
        let report = KPIReport(workspace: ws, week: CalendarDate(iso: thisWeek)!, seriesLength: 3)
        let cpl = report[.costPerLead]
        #expect(cpl.value == 20)
        #expect(cpl.lastWeek == nil)
        #expect(cpl.changeVsLastWeek == nil)
        #expect(cpl.series == [10, nil, 20])
        #expect(cpl.fourWeekAverage == 10) // only 11-02 exists among the four weeks before
    }

    @Test func noHistoryAtAll() {
        let report = KPIReport(workspace: workspace(weeks: []), week: CalendarDate(iso: thisWeek)!)
        #expect(!report.hasRecord)
        #expect(report.results.allSatisfy { $0.value == nil && $0.status == .noValue && $0.fourWeekAverage == nil })
        #expect(report[.closeRate].series == Array(repeating: nil, count: 12))
    }

    @Test func fourWeekAverageIsTheMeanOfTheFourWeeksBefore() {
        let weeks = [("2026-10-12", 500.0), ("2026-10-19", 1000), ("2026-10-26", 2000), ("2026-11-02", 3000), ("2026-11-09", 4000), (thisWeek, 1500)]
            .map { week($0.0, spend: $0.1, leads: 100) }
        let r = KPIReport(workspace: workspace(weeks: weeks), week: CalendarDate(iso: thisWeek)!)[.costPerLead]
        #expect(r.fourWeekAverage == 25) // (10 + 20 + 30 + 40) / 4; 10-12 is five weeks back
        #expect(r.changeVsFourWeekAverage?.delta == -10)
        #expect(r.changeVsFourWeekAverage?.relative == -0.4)
        #expect(r.changeVsFourWeekAverage?.isImprovement == true) // cheaper leads are better
        #expect(r.changeVsLastWeek?.delta == -25)
    }

    @Test(arguments: [
        // lower is better, target 10
        (KPIKind.costPerLead, 10.0, KPIStatus.onTarget), (.costPerLead, 9, .onTarget), (.costPerLead, 11, .withinTenPercent),
        (.costPerLead, 11.01, .offTarget),
        // higher is better, target 0.4
        (.closeRate, 0.4, .onTarget), (.closeRate, 0.5, .onTarget), (.closeRate, 0.36, .withinTenPercent), (.closeRate, 0.359, .offTarget),
    ])
    func statusTakesTheDirectionIntoAccount(kind: KPIKind, value: Double, expected: KPIStatus) {
        let target = kind == .costPerLead ? 10.0 : 0.4
        #expect(KPIStatus.of(value, target: target, direction: kind.direction) == expected)
    }

    @Test func changesAreJudgedByDirectionNotBySign() {
        let ws = workspace(weeks: [
            week("2026-11-09", spend: 1000, leads: 100, won: 1, lost: 3, cycle: [30]),
            week(thisWeek, spend: 1500, leads: 100, won: 3, lost: 1, cycle: [40]),
        ])
        let report = KPIReport(workspace: ws, week: CalendarDate(iso: thisWeek)!)
        #expect(report[.costPerLead].changeVsLastWeek?.isImprovement == false)      // up, and lower is better
        #expect(report[.closeRate].changeVsLastWeek?.isImprovement == true)         // up, and higher is better
        #expect(report[.salesCycleLength].changeVsLastWeek?.isImprovement == false) // longer cycle is worse
        #expect(KPIFormat.arrow(report[.costPerLead].changeVsLastWeek) == "▲")
        #expect(KPIFormat.verdict(report[.costPerLead].changeVsLastWeek) == "worse")
    }

    @Test func aChangeBelowDisplayPrecisionIsNoChange() {
        let ws = workspace(weeks: [week("2026-11-09", spend: 1000, leads: 300), week(thisWeek, spend: 1000.5, leads: 300)])
        let change = KPIReport(workspace: ws, week: CalendarDate(iso: thisWeek)!)[.costPerLead].changeVsLastWeek
        #expect(change?.isFlat == true)
        #expect(KPIFormat.arrow(change) == "=")
        #expect(KPIFormat.delta(change, .costPerLead, currency: "USD") == "$0.00")
    }

    @Test func seriesEndsWithThisWeekAndIgnoresLaterWeeks() {
        let ws = workspace(weeks: [week("2026-11-09", leads: 50), week(thisWeek, leads: 100), week("2026-11-23", leads: 200)])
        let r = KPIReport(workspace: ws, week: CalendarDate(iso: thisWeek)!, seriesLength: 2)[.costPerLead]
        #expect(r.series == [20, 10])
    }

    @Test func medianOfEvenAndOddCounts() {
        #expect(KPIMath.median([5, 1, 3]) == 3)
        #expect(KPIMath.median([4, 1, 3, 2]) == 2.5)
        #expect(KPIMath.median([]) == nil)
    }

    @Test func formatsMoneyRatiosAndDaysWithoutLocaleSurprises() {
        #expect(KPIFormat.value(1234567.891, .costPerLead, currency: "USD") == "$1,234,567.89")
        #expect(KPIFormat.value(48.2, .costPerLead, currency: "EUR") == "€48.20")
        #expect(KPIFormat.value(48.2, .costPerLead, currency: "CHF") == "48.20 CHF")
        #expect(KPIFormat.value(0.02456, .closeRate, currency: "USD") == "2.5%")
        #expect(KPIFormat.value(34.25, .salesCycleLength, currency: "USD") == "34.3 d")
        #expect(KPIFormat.target(0.3, .closeRate, currency: "USD") == "≥ 30.0%")
        #expect(KPIFormat.target(50, .costPerLead, currency: "USD") == "≤ $50.00")
        #expect(KPIFormat.fixed(-0.004, places: 2) == "0.00")
    }
}
