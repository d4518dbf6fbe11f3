import Testing
@testable import SmarketingModel

/// Every format `smarketing` prints goes through one `Exporter`; these goldens pin their bytes.
@Suite("Exporters")
struct ExportTests {
    static let formats: [(name: String, exporter: any Exporter<KPIDocument>)] = [("txt", KPITableExporter()), ("json", KPIJSONExporter())]

    @Test(arguments: ["txt", "json"])
    func kpisForTheCurrentMeetingMatchTheirGoldens(format: String) throws {
        let exporter = try #require(Self.formats.first { $0.name == format }).exporter
        for sample in ["northwind", "edge-cases"] {
            let ws = try Fixture.loadSample("\(sample).json")
            let meeting = try #require(ws.currentMeeting)
            let document = KPIDocument(report: KPIReport(workspace: ws, meeting: meeting), workspace: ws, meetingDate: meeting.date)
            try Fixture.assertGolden(exporter.export(document), "kpis/\(sample)-current.\(format)")
        }
    }

    @Test(arguments: ["txt", "json"])
    func kpisForAWeekWithoutAMeetingMatchTheirGoldens(format: String) throws {
        let exporter = try #require(Self.formats.first { $0.name == format }).exporter
        let ws = try Fixture.loadSample("northwind.json")
        let week = try #require(CalendarDate(iso: "2026-10-05"))
        let document = KPIDocument(report: KPIReport(workspace: ws, week: week), workspace: ws, meetingDate: nil)
        try Fixture.assertGolden(exporter.export(document), "kpis/northwind-2026-10-05.\(format)")
    }

    @Test func aWeekWithNoRecordSaysSoInTheTable() throws {
        let ws = try Fixture.loadSample("northwind.json")
        let week = try #require(CalendarDate(iso: "2020-01-06"))
        let text = KPITableExporter().export(KPIDocument(report: KPIReport(workspace: ws, week: week), workspace: ws, meetingDate: nil))
        #expect(text.split(separator: "\n").dropFirst().first == "No KPI record for this week: every value is n/a.")
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
    }

    @Test func theMinutesExporterWritesOneMeetingOrAll() throws {
        let ws = try Fixture.loadSample("northwind.json")
        let meeting = try #require(ws.currentMeeting)
        let exporter = MinutesExporter(workspace: ws)
        try Fixture.assertGolden(exporter.export(.meeting(meeting)), "minutes/northwind-current.md")
        try Fixture.assertGolden(exporter.export(.allMeetings), "minutes/northwind-all.md")
    }
}
