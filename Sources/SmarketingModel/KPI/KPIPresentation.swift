extension KPIStatus {
    /// The machine-readable name used in `kpis --json`.
    public var key: String {
        switch self {
        case .onTarget: return "onTarget"
        case .withinTenPercent: return "withinTenPercent"
        case .offTarget: return "offTarget"
        case .noValue: return "noValue"
        }
    }
}

extension KPIReport {
    /// The report as an aligned plain-text table, for `smarketing kpis`. User text is sanitised.
    public func textTable(team: String, meetingDate: CalendarDate?, currency: String) -> String {
        var heading = "\(TextSanitizer.visible(team)): KPIs for the week of \(week.iso)"
        if let meetingDate { heading += " (meeting \(meetingDate.iso))" }
        var rows: [[String]] = [["KPI", "Value", "Target", "Status", "vs last week", "vs 4-week avg"]]
        for r in results {
            var value = KPIFormat.value(r.value, r.kind, currency: currency)
            if let median = r.median { value += " (median \(KPIFormat.value(median, r.kind, currency: currency)))" }
            rows.append([r.kind.title, value, KPIFormat.target(r.target, r.kind, currency: currency), r.status.rawValue,
                         Self.describe(r.changeVsLastWeek, r.kind, currency), Self.describe(r.changeVsFourWeekAverage, r.kind, currency)])
        }
        let widths = (0..<rows[0].count).map { c in rows.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        var lines = [heading, ""]
        if !hasRecord { lines.append("No KPI record for this week: every value is n/a.") ; lines.append("") }
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

    /// The report as canonical JSON, for scripts: `smarketing kpis --json`. Undefined values are `null`.
    public func json(team: String, meetingDate: CalendarDate?, currency: String) -> String {
        func number(_ d: Double?) -> JSONValue { d.map { .double($0) } ?? .null }
        func change(_ c: KPIChange?) -> JSONValue {
            guard let c else { return .null }
            return .object([
                JSONMember("delta", .double(c.delta)),
                JSONMember("relative", number(c.relative)),
                JSONMember("improvement", c.isImprovement.map { .bool($0) } ?? .null),
            ])
        }
        let kpis: [JSONValue] = results.map { r in
            .object([
                JSONMember("kpi", .string(r.kind.rawValue)),
                JSONMember("title", .string(r.kind.title)),
                JSONMember("direction", .string(r.kind.direction.rawValue)),
                JSONMember("value", number(r.value)),
                JSONMember("display", .string(KPIFormat.value(r.value, r.kind, currency: currency))),
                JSONMember("target", .double(r.target)),
                JSONMember("status", .string(r.status.key)),
                JSONMember("lastWeek", number(r.lastWeek)),
                JSONMember("changeVsLastWeek", change(r.changeVsLastWeek)),
                JSONMember("fourWeekAverage", number(r.fourWeekAverage)),
                JSONMember("changeVsFourWeekAverage", change(r.changeVsFourWeekAverage)),
                JSONMember("median", number(r.median)),
                JSONMember("series", .array(r.series.map(number))),
            ])
        }
        let root = JSONValue.object([
            JSONMember("team", .string(team)),
            JSONMember("week", .string(week.iso)),
            JSONMember("meeting", meetingDate.map { .string($0.iso) } ?? .null),
            JSONMember("currency", .string(currency)),
            JSONMember("hasRecord", .bool(hasRecord)),
            JSONMember("kpis", .array(kpis)),
        ])
        return String(decoding: JSONWriter.canonicalBytes(root), as: UTF8.self)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
