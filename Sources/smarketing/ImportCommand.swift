import ArgumentParser
import Foundation
import SmarketingImport
import SmarketingModel

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import the week's funnel from CRM and ad-spend exports (CSV).",
        discussion: """
            Reads HubSpot, Salesforce and Pipedrive exports and Google Ads, LinkedIn and Meta spend \
            reports (or any CRM, with --map), counts each week's numbers under the definitions in the \
            README, prints what changes (week by week, old → new) and saves through the same atomic, \
            locked, no-clobber save as the dashboard. An open dashboard reloads, or asks if it has \
            unsaved edits. Numbers the inputs cannot compute (the SLA counts) keep their values; \
            running the same import again changes nothing.

            Examples:
              smarketing import team.json --contacts contacts.csv --deals deals.csv \\
                --spend google-ads.csv --from 2026-11-16 --to 2026-11-22
              smarketing import team.json --deals crm.csv --map crm-map.toml --dry-run
            """
    )

    @Argument(help: "The workspace file.")
    var file: String

    @Option(help: ArgumentHelp("A contacts (or leads) export: lead, MQL, SQL and customer dates.", valueName: "file"))
    var contacts: [String] = []

    @Option(help: ArgumentHelp("A deals (or opportunities) export: created, closed, stage.", valueName: "file"))
    var deals: [String] = []

    @Option(help: ArgumentHelp("An ad-spend report: a date and a cost per row. Repeat it; all spend adds up.", valueName: "file"))
    var spend: [String] = []

    @Option(help: ArgumentHelp("Write only weeks that end on or after this date, YYYY-MM-DD.", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Write only weeks that start on or before this date, YYYY-MM-DD.", valueName: "date"))
    var to: String?

    @Flag(help: "Print what would change and write nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("A JSON or TOML file naming another CRM's columns and stages (see the README).", valueName: "file"))
    var map: String?

    @Flag(help: "Skip rows whose dates or amounts cannot be read, and count them, instead of failing.")
    var skipBadRows = false

    @Option(help: ArgumentHelp("How to read dates like 03/04/2026 when the files' own dates do not tell: MDY (US) or DMY.", valueName: "order"))
    var dateOrder: String?

    func validate() throws {
        if let from { _ = try parseDate(from, option: "--from") }
        if let to { _ = try parseDate(to, option: "--to") }
        if let from, let to, let a = CalendarDate(iso: from), let b = CalendarDate(iso: to), a > b {
            throw ValidationError("--from \(from) is after --to \(to)")
        }
        if let dateOrder, DateOrder(rawValue: dateOrder.uppercased()) == nil {
            throw ValidationError("--date-order: use MDY or DMY, found '\(TextSanitizer.visible(dateOrder))'")
        }
        if contacts.isEmpty && deals.isEmpty && spend.isEmpty {
            throw ValidationError("nothing to import: give --contacts, --deals or --spend (or several)")
        }
    }

    func run() throws {
        var request = ImportRequest()
        request.contacts = contacts
        request.deals = deals
        request.spend = spend
        request.from = try from.map { try parseDate($0, option: "--from") }
        request.to = try to.map { try parseDate($0, option: "--to") }
        request.skipBadRows = skipBadRows
        request.dateOrder = dateOrder.flatMap { DateOrder(rawValue: $0.uppercased()) }
        do {
            if let map { request.mapping = try ImportMapping.load(map) }
        } catch {
            throw CLIFailure(["smarketing import: the mapping cannot be used:"] + error.lines.map { "  " + $0 })
        }

        let store = MeetingStore(path: file)
        // A save that finds the file changed since it was read (a dashboard saved meanwhile) reads
        // it again and recomputes: the import's own numbers do not depend on what was there.
        for attempt in 1...3 {
            let ws: Workspace
            do {
                ws = try store.load()
            } catch {
                throw CLIFailure(error)
            }
            let reading: ImportReading
            do {
                reading = try Importer.read(request, weekStartWeekday: ws.weekStartWeekday)
            } catch {
                let n = error.problems.count
                throw CLIFailure(["smarketing import: nothing was written; \(n == 1 ? "a problem" : "\(n) problems") in the input:"] + error.lines.map { "  " + $0 })
            }
            let plan = ImportPlan(reading, for: ws, now: Timestamp.current)
            if attempt == 1 { try Console.write(plan.summary(reading).joined(separator: "\n") + "\n") }
            if dryRun {
                try Console.write("Dry run: nothing was written.\n")
                return
            }
            if plan.records.isEmpty { return }
            var updated = ws
            do {
                try updated.storeImportedWeeks(plan.records)
            } catch {
                throw CLIFailure(["\(TextSanitizer.visible(file)): nothing was written: \(error.message)."])
            }
            let keptAside: [String]
            do throws(WorkspaceError) {
                keptAside = try store.save(updated).keptAside
            } catch .changedOnDisk where attempt < 3 {
                continue
            } catch {
                throw CLIFailure(error)
            }
            for copy in keptAside {
                Console.error("\(TextSanitizer.visible(file)): another program saved the file at the same moment; nothing is lost: its version is kept as \(TextSanitizer.visible(copy)).")
            }
            try Console.write("Saved \(TextSanitizer.visible(file)).\n")
            return
        }
    }
}
