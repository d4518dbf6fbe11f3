/// A week's KPIs as canonical JSON, for scripts: `smarketing kpis --format json`.
/// Undefined values are `null`; numbers are unrounded, with the display text alongside.
public struct KPIJSONExporter: Exporter {
    public init() {}

    public func export(_ document: KPIDocument) -> String {
        let report = document.report
        func number(_ d: Double?) -> JSONValue { d.map { .double($0) } ?? .null }
        func change(_ c: KPIChange?) -> JSONValue {
            guard let c else { return .null }
            return .object([
                JSONMember("delta", .double(c.delta)),
                JSONMember("relative", number(c.relative)),
                JSONMember("improvement", c.isImprovement.map { .bool($0) } ?? .null),
            ])
        }
        let kpis: [JSONValue] = report.results.map { r in
            .object([
                JSONMember("kpi", .string(r.kind.rawValue)),
                JSONMember("title", .string(r.kind.title)),
                JSONMember("direction", .string(r.kind.direction.rawValue)),
                JSONMember("value", number(r.value)),
                JSONMember("display", .string(KPIFormat.value(r.value, r.kind, currency: document.currency))),
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
            JSONMember("team", .string(document.team)),
            JSONMember("week", .string(report.week.iso)),
            JSONMember("meeting", document.meetingDate.map { .string($0.iso) } ?? .null),
            JSONMember("currency", .string(document.currency)),
            JSONMember("hasRecord", .bool(report.hasRecord)),
            JSONMember("kpis", .array(kpis)),
        ])
        return String(decoding: JSONWriter.canonicalBytes(root), as: UTF8.self)
    }
}

extension KPIStatus {
    /// The machine-readable name used in the JSON.
    public var key: String {
        switch self {
        case .onTarget: return "onTarget"
        case .withinTenPercent: return "withinTenPercent"
        case .offTarget: return "offTarget"
        case .noValue: return "noValue"
        }
    }
}
