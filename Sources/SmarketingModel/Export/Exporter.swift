/// One way of writing a document as text: the Markdown minutes, the `kpis` table, the `kpis` JSON.
///
/// The command line picks an exporter from the format the user asks for and prints what it
/// returns; it formats nothing itself. Every exporter is pure (its output depends only on its
/// input, so golden files can pin it) and returns complete text that ends with a newline. Each
/// format makes user text safe in its own way: sanitised for a terminal, escaped for Markdown,
/// encoded for JSON.
public protocol Exporter<Document>: Sendable {
    /// What the exporter writes out, e.g. a meeting or a week's KPIs.
    associatedtype Document

    /// The whole document in this exporter's format.
    func export(_ document: Document) -> String
}

/// One week's KPI report as `smarketing kpis` prints it: with the team it belongs to, the meeting
/// it was asked for (if any) and the currency money is shown in.
public struct KPIDocument: Equatable, Sendable {
    public var report: KPIReport
    public var team: String
    /// The meeting whose KPI week this is; nil when the week was asked for directly.
    public var meetingDate: CalendarDate?
    /// An ISO 4217 code such as `USD`.
    public var currency: String

    public init(report: KPIReport, team: String, meetingDate: CalendarDate?, currency: String) {
        self.report = report
        self.team = team
        self.meetingDate = meetingDate
        self.currency = currency
    }

    /// The report with the workspace's team name and currency.
    public init(report: KPIReport, workspace: Workspace, meetingDate: CalendarDate?) {
        self.init(report: report, team: workspace.team.name, meetingDate: meetingDate, currency: workspace.team.currency)
    }
}
