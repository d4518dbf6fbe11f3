/// A week's KPIs as an aligned plain-text table, for people: `smarketing kpis`.
/// Columns are aligned by display width; user text is sanitised.
public struct KPITableExporter: Exporter {
    public init() {}

    public func export(_ document: KPIDocument) -> String {
        let report = document.report, currency = document.currency
        var heading = "\(TextSanitizer.visible(document.team)): KPIs for the week of \(report.week.iso)"
        if let meetingDate = document.meetingDate { heading += " (meeting \(meetingDate.iso))" }
        var rows: [[String]] = [["KPI", "Value", "Target", "Status", "vs last week", "vs 4-week avg"]]
        for r in report.results {
            var value = KPIFormat.value(r.value, r.kind, currency: currency)
            if let median = r.median { value += " (median \(KPIFormat.value(median, r.kind, currency: currency)))" }
            rows.append([r.kind.title, value, KPIFormat.target(r.target, r.kind, currency: currency), r.status.rawValue,
                         Self.describe(r.changeVsLastWeek, r.kind, currency), Self.describe(r.changeVsFourWeekAverage, r.kind, currency)])
        }
        let widths = (0..<rows[0].count).map { c in rows.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        var lines = [heading, ""]
        if !report.hasRecord { lines.append("No KPI record for this week: every value is n/a.") ; lines.append("") }
        for row in rows {
            let cells = row.enumerated().map { c, cell in DisplayWidth.pad(cell, to: widths[c], alignRight: c == 1 || c == 2) }
            lines.append(cells.joined(separator: "  ").trimmingTrailingSpaces())
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func describe(_ change: KPIChange?, _ kind: KPIKind, _ currency: String) -> String {
        guard let change else { return KPIFormat.noValue }
        return "\(KPIFormat.arrow(change)) \(KPIFormat.delta(change, kind, currency: currency)) \(KPIFormat.verdict(change))"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
