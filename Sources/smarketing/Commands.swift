import ArgumentParser
import Foundation
import SmarketingModel
import SmarketingTerminal

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the dashboard on a workspace (the default command).",
        discussion: """
            The full-screen dashboard the chair projects in the meeting. Every edit is saved to the \
            file at once. Press ? inside for every key.

            Themes: default, light, projector, colorblind and mono ship with smarketing; your own \
            go in $XDG_CONFIG_HOME/smarketing/themes (default ~/.config/smarketing/themes). Without \
            --theme, a terminal with a light background (COLORFGBG, or its answer to an OSC 11 \
            query) starts in light. With NO_COLOR set, only bold, reverse and underline are used.

            Examples:
              smarketing sample-data/northwind.json
              smarketing open sample-data/northwind.json --theme projector
              smarketing team.json --theme ~/my-theme.json
            """
    )

    @OptionGroup var dashboard: DashboardArguments

    func run() throws {
        try runDashboard(dashboard, readOnly: false)
    }
}

struct Present: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a workspace read-only, following the file as the chair edits it.",
        discussion: """
            For the projector, or for remote attendees who ssh into a shared host: the same \
            dashboard without key hints, which never writes the file. Changes made by the chair's \
            smarketing, an editor or a script appear within half a second; a half-written or \
            invalid file keeps the last good version on screen, with a banner, until it is valid again.

            It follows the chair: the pane, the selected item, zoom, help and the form being \
            filled, as the chair's smarketing shows them (it publishes them in .FILE.view beside \
            the file). Without a chair running it shows the file and says so. With --independent \
            it browses on its own (Tab, digits, arrows, z).

            Examples:
              smarketing present team.json --theme projector
              ssh meeting-host -t smarketing present /shared/team.json
              smarketing present team.json --independent
            """
    )

    @OptionGroup var dashboard: DashboardArguments

    @Flag(help: "Browse on your own instead of following the chair's screen.")
    var independent = false

    func run() throws {
        try runDashboard(dashboard, readOnly: true, independent: independent)
    }
}

/// What `open` and `present` both take.
struct DashboardArguments: ParsableArguments {
    @Argument(help: "The workspace file.")
    var file: String

    @Option(help: ArgumentHelp("A theme name, or the path of a theme file.", valueName: "name|path"))
    var theme: String?
}

/// Loads the file and runs the dashboard, turning every failure into lines for stderr.
func runDashboard(_ arguments: DashboardArguments, readOnly: Bool, independent: Bool = false) throws {
    let (file, theme) = (arguments.file, arguments.theme)
    let store = MeetingStore(path: file)
    let workspace: Workspace
    do {
        workspace = try store.load()
    } catch {
        throw CLIFailure(error)
    }
    let runner = DashboardRunner(store: store, options: .init(theme: theme, readOnly: readOnly, independent: independent))
    let outcome: DashboardRunner.Outcome
    do {
        outcome = try runner.run(workspace: workspace)
    } catch {
        throw CLIFailure(["smarketing: \(error.description)"])
    }
    outcome.messages.forEach(Console.error)
    if outcome.exitCode != 0 { throw CLIFailure([], exitCode: outcome.exitCode) }
}

struct NewWeek: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new-week",
        abstract: "Close the current meeting and start next week's.",
        discussion: """
            The closed meeting stays in the file's history and can still be exported. The new one \
            gets the standard agenda (opening with a review of last week's action items), the open \
            action items carried over with their weeks-carried count incremented, and the next KPI \
            week. Unresolved friction points stay: they belong to the team. Inside the dashboard, W \
            does the same.

            Examples:
              smarketing new-week team.json
              smarketing new-week team.json --date 2026-12-01
            """
    )

    @Argument(help: "The workspace file.")
    var file: String

    @Option(help: ArgumentHelp("The new meeting's date, YYYY-MM-DD (default: a week after the current one).", valueName: "date"))
    var date: String?

    func validate() throws {
        if let date { _ = try parseDate(date, option: "--date") }
    }

    func run() throws {
        let store = MeetingStore(path: file)
        var ws: Workspace
        do {
            ws = try store.load()
        } catch {
            throw CLIFailure(error)
        }
        var ids = IDGenerator()
        let summary: NextWeek.Summary
        do {
            summary = try ws.startNextWeek(on: try date.map { try parseDate($0, option: "--date") },
                                           now: Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)), ids: &ids)
        } catch let error as EditError {
            throw CLIFailure(["\(TextSanitizer.visible(file)): cannot start next week: \(error.message)."])
        }
        do {
            for copy in try store.save(ws).keptAside {
                Console.error("\(TextSanitizer.visible(file)): another program saved the file at the same moment; nothing is lost: its version is kept as \(TextSanitizer.visible(copy)).")
            }
        } catch {
            throw CLIFailure(error)
        }
        try Console.write("Closed the meeting of \(summary.closed.date.iso). Started \(summary.opened.date.iso) (KPI week \(summary.opened.kpiWeek.iso)) with \(summary.opened.agenda.count) agenda items (\(summary.opened.agenda.count - summary.carriedAgenda) from the standing agenda, \(summary.carriedAgenda) not reached last week) and \(summary.carriedOver) action item\(summary.carriedOver == 1 ? "" : "s") carried over.\n")
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new workspace from the standard template.",
        discussion: """
            The new workspace has one meeting with the standard agenda (review last week's action \
            items, KPI review, friction points, lead definition and SLA, decisions and actions) and \
            the usual lead SLA: 5 leads per rep per month, a first attempt within 6 business hours, \
            4 attempts in 12 days. It never overwrites an existing file.

            Examples:
              smarketing init team.json
              smarketing init team.json --team "Acme Revenue" --reps 6 --chair "Dana Whitfield"
              smarketing init team.json --team Acme --currency EUR --weekday monday \\
                --meeting-minutes 45 --attendee "Luis Ortega:sales" --attendee "Priya Natarajan:marketing" \\
                --target cost-per-lead=60 --target close-rate=30
            """
    )

    @Argument(help: "Where to create the workspace. Must not exist yet.")
    var file: String

    @Option(help: ArgumentHelp("The team's name.", valueName: "name"))
    var team = "Our team"

    @Option(help: ArgumentHelp("How many sales reps the team has (the lead SLA is per rep).", valueName: "count"))
    var reps = 5

    @Option(help: ArgumentHelp("Who chairs the meeting.", valueName: "name"))
    var chair = ""

    @Option(help: ArgumentHelp("The first meeting's date, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("The currency money is shown in, a three-letter code (default: USD).", valueName: "code"))
    var currency = "USD"

    @Option(help: ArgumentHelp("Someone on the team, who attends the first meeting; repeat it for each. Add :sales, :marketing or :other to say which side they are on.", valueName: "name[:team]"))
    var attendee: [String] = []

    @Option(help: ArgumentHelp("The weekday the KPI weeks start on (default: monday).", valueName: "day"))
    var weekday = "monday"

    @Option(help: ArgumentHelp("The meeting's planned length in minutes (default: 45).", valueName: "minutes"))
    var meetingMinutes = 45

    @Option(help: ArgumentHelp("A KPI target: cost-per-lead=AMOUNT, lead-to-customer=PERCENT, close-rate=PERCENT or sales-cycle=DAYS; repeat it.", valueName: "kpi=value"))
    var target: [String] = []

    /// The name as a shell word: as it is when it is plain, else in single quotes.
    static func shellQuoted(_ name: String) -> String {
        let plain = name.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "._/-+,=@".unicodeScalars.contains($0) }
        return plain && !name.isEmpty ? name : "'" + name.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// "Luis Ortega:sales" → Luis Ortega on sales; a name without a known team suffix is kept whole.
    static func person(_ text: String) -> Person {
        let trimmed = text.trimmingSpaces
        if let colon = trimmed.lastIndex(of: ":"), let team = PersonTeam(rawValue: String(trimmed[trimmed.index(after: colon)...]).trimmingSpaces.lowercased()) {
            return Person(name: String(trimmed[..<colon]).trimmingSpaces, team: team)
        }
        return Person(name: trimmed)
    }

    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    func validate() throws {
        guard (0...100_000).contains(reps) else { throw ValidationError("--reps: expected a whole number from 0 to 100000, found \(reps)") }
        if let date { _ = try parseDate(date, option: "--date") }
        guard team.utf8.count <= 1_000, chair.utf8.count <= 1_000 else { throw ValidationError("--team and --chair take at most 1000 bytes") }
        guard currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw ValidationError("--currency: expected a three-letter code such as USD or EUR, found '\(TextSanitizer.visible(currency))'")
        }
        guard Self.weekdays.contains(weekday.lowercased()) else {
            throw ValidationError("--weekday: expected a day such as monday or sunday, found '\(TextSanitizer.visible(weekday))'")
        }
        guard (1...480).contains(meetingMinutes) else { throw ValidationError("--meeting-minutes: expected 1 to 480, found \(meetingMinutes)") }
        for name in attendee.map({ Self.person($0).name }) where name.isEmpty || name.utf8.count > 1_000 {
            throw ValidationError("--attendee: expected a name of 1 to 1000 bytes, optionally followed by :sales, :marketing or :other")
        }
        var targets = KPITargets(costPerLead: 0, leadToCustomerRatio: 0, closeRate: 0, salesCycleDays: 0)
        for t in target { try Self.apply(t, to: &targets) }
    }

    /// `close-rate=30` into the targets (percentages as percent), or a message naming the choices.
    static func apply(_ text: String, to targets: inout KPITargets) throws {
        let parts = text.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
        let kinds = "cost-per-lead, lead-to-customer, close-rate or sales-cycle"
        guard parts.count == 2, let value = Double(parts[1]), value.isFinite, value >= 0 else {
            throw ValidationError("--target: expected KPI=VALUE, e.g. close-rate=30 (KPI is \(kinds)), found '\(TextSanitizer.visible(text))'")
        }
        switch parts[0].lowercased() {
        case "cost-per-lead": targets.costPerLead = value
        case "lead-to-customer", "close-rate":
            guard value <= 100 else { throw ValidationError("--target \(parts[0]): a percentage from 0 to 100, found \(parts[1])") }
            if parts[0].lowercased() == "close-rate" { targets.closeRate = value / 100 } else { targets.leadToCustomerRatio = value / 100 }
        case "sales-cycle":
            guard value <= 3650 else { throw ValidationError("--target sales-cycle: days from 0 to 3650, found \(parts[1])") }
            targets.salesCycleDays = value
        default:
            throw ValidationError("--target: unknown KPI '\(TextSanitizer.visible(parts[0]))'; use \(kinds)")
        }
    }

    func run() throws {
        let day = try date.map { try parseDate($0, option: "--date") } ?? Today.local
        var ids = IDGenerator()
        var setup = WorkspaceTemplate.Setup(team: team, salesReps: reps, chair: chair, date: day)
        setup.currency = currency
        setup.attendees = attendee.map(Self.person)
        setup.weekStartWeekday = (Self.weekdays.firstIndex(of: weekday.lowercased()) ?? 0) + 1
        setup.meetingMinutes = meetingMinutes
        for t in target { try Self.apply(t, to: &setup.targets) }
        let workspace = WorkspaceTemplate.newWorkspace(setup, ids: &ids)
        do {
            try MeetingStore.create(workspace, at: file)
        } catch {
            throw CLIFailure(error)
        }
        let people = workspace.people.count
        try Console.write("""
            Created \(TextSanitizer.visible(file)): \(TextSanitizer.visible(team)), \(reps) reps, \(people) \(people == 1 ? "person" : "people") \
            on the roster, first meeting \(day.iso) (\(meetingMinutes) min) with \(WorkspaceTemplate.standardAgenda.count) agenda items.
            Open it with: smarketing \(Self.shellQuoted(TextSanitizer.visible(file)))
            Then: T team & targets · P people & attendance · I definitions (drafts to agree on) · ? every key

            """)
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a workspace file and report every problem in it.",
        discussion: """
            Exits 0 with a one-line summary when the file is valid. Otherwise exits 1 and writes \
            every problem to standard error, one per line, each with the JSON path of the field \
            (or the line and column of broken JSON).

            Examples:
              smarketing validate sample-data/northwind.json
              smarketing validate team.json || echo "fix it first"
            """
    )

    @Argument(help: "The workspace file.")
    var file: String

    func run() throws {
        let ws = try loadWorkspace(file)
        let unresolved = ws.frictionPoints.filter { $0.status != .resolved }.count
        let current = ws.currentMeeting.map { " (current \($0.date.iso))" } ?? ""
        try Console.write("\(TextSanitizer.visible(file)): valid (schemaVersion \(Workspace.currentSchemaVersion)): \(TextSanitizer.visible(ws.team.name)), \(ws.weeks.count) week\(ws.weeks.count == 1 ? "" : "s") of KPIs, \(ws.meetings.count) meeting\(ws.meetings.count == 1 ? "" : "s")\(current), \(ws.frictionPoints.count) friction point\(ws.frictionPoints.count == 1 ? "" : "s") (\(unresolved) unresolved).\n")
    }
}

struct KPIs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpis",
        abstract: "Print the four shared KPIs for a week.",
        discussion: """
            By default the week is the one the current meeting reviews. Values that are undefined \
            (no leads, no closed deals, no record for the week) print as n/a, or null in JSON. \
            --json is short for --format json.

            Examples:
              smarketing kpis sample-data/northwind.json
              smarketing kpis sample-data/northwind.json --meeting 2026-11-16
              smarketing kpis sample-data/northwind.json --week 2026-10-05 --format json
            """
    )

    @Argument(help: "The workspace file.")
    var file: String

    @Option(help: ArgumentHelp("Report the KPI week of the meeting on this date, YYYY-MM-DD.", valueName: "date"))
    var meeting: String?

    @Option(help: ArgumentHelp("Report the week starting on this date, YYYY-MM-DD.", valueName: "date"))
    var week: String?

    @Option(help: ArgumentHelp("Print a table for people (text, the default) or JSON for scripts (json).", valueName: "format"))
    var format: KPIsFormat?

    @Flag(help: "Short for --format json.")
    var json = false

    func validate() throws {
        if meeting != nil && week != nil { throw ValidationError("give --meeting or --week, not both") }
        if json, let format, format != .json { throw ValidationError("--json means --format json; give one or the other") }
        if let meeting { _ = try parseDate(meeting, option: "--meeting") }
        if let week { _ = try parseDate(week, option: "--week") }
    }

    func run() throws {
        let ws = try loadWorkspace(file)
        let report: KPIReport
        var meetingDate: CalendarDate?
        if let week {
            let day = try parseDate(week, option: "--week")
            // A date that starts no week of this file has no record by construction: say which
            // week holds it rather than print a table of n/a.
            let start = ws.weekStart(holding: day)
            if start != day {
                throw CLIFailure(["\(TextSanitizer.visible(file)): weeks in this file start on a \(start.weekdayName), and \(day.iso) is a \(day.weekdayName). The week that holds it starts on \(start.iso): use --week \(start.iso)."])
            }
            report = KPIReport(workspace: ws, week: day)
        } else {
            let m = try selectMeeting(ws, on: try meeting.map { try parseDate($0, option: "--meeting") }, path: file)
            meetingDate = m.date
            report = KPIReport(workspace: ws, meeting: m)
        }
        let exporter = (json ? .json : format ?? .text).exporter
        try Console.write(exporter.export(KPIDocument(report: report, workspace: ws, meetingDate: meetingDate)))
    }
}

/// The formats `kpis` can print, each backed by a model exporter.
enum KPIsFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case json

    var exporter: any Exporter<KPIDocument> {
        switch self {
        case .text: return KPITableExporter()
        case .json: return KPIJSONExporter()
        }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a meeting's minutes as Markdown.",
        discussion: """
            The minutes carry YAML front matter (title, team, date, chair, attendees), a table of \
            the KPIs, the agenda with timeboxes and actual times, the decisions, the action items \
            as a task list, the friction points by funnel stage, and the notes. All user text is \
            escaped so it renders literally in CommonMark and GitHub-flavoured Markdown.

            Examples:
              smarketing export sample-data/northwind.json
              smarketing export sample-data/northwind.json --meeting 2026-11-16 --out m.md
              smarketing export sample-data/northwind.json --all --out all-minutes.md
            """
    )

    @Argument(help: "The workspace file.")
    var file: String

    @Option(help: ArgumentHelp("Export the meeting on this date, YYYY-MM-DD (default: the current meeting).", valueName: "date"))
    var meeting: String?

    @Flag(help: "Export every meeting, newest first.")
    var all = false

    @Option(help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "path"))
    var out: String?

    func validate() throws {
        if all && meeting != nil { throw ValidationError("give --meeting or --all, not both") }
        if let meeting { _ = try parseDate(meeting, option: "--meeting") }
    }

    func run() throws {
        let ws = try loadWorkspace(file)
        let scope: MinutesScope = all
            ? .allMeetings
            : .meeting(try selectMeeting(ws, on: try meeting.map { try parseDate($0, option: "--meeting") }, path: file))
        let markdown = MinutesExporter(workspace: ws).export(scope)
        guard let out else {
            try Console.write(markdown)
            return
        }
        if FileManager.default.fileExists(atPath: out),
           URL(fileURLWithPath: out).resolvingSymlinksInPath().path == URL(fileURLWithPath: file).resolvingSymlinksInPath().path {
            throw CLIFailure(["\(TextSanitizer.visible(out)): that is the workspace itself; refusing to overwrite it with minutes."])
        }
        do {
            try AtomicFile.write(Array(markdown.utf8), to: out)
        } catch {
            throw CLIFailure(error)
        }
    }
}

enum Today {
    /// Today's date in the local time zone: the day the chair is living in.
    static var local: CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CalendarDate(dayNumber: Int(Date().timeIntervalSince1970 / 86_400))
    }
}
