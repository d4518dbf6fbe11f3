import SmarketingModel

/// A number of a week that an import can compute.
public enum ImportField: String, CaseIterable, Sendable, Comparable {
    case marketingSpend, leads, mqls, sqls, opportunities, won, lost, newCustomers, cycleDays

    public static func < (a: ImportField, b: ImportField) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// What to import, and how.
public struct ImportRequest: Sendable {
    public var contacts: [String] = []
    public var deals: [String] = []
    public var spend: [String] = []
    /// Only weeks overlapping this range are written (nil: every week the data touches).
    public var from: CalendarDate?
    public var to: CalendarDate?
    /// Skip rows whose cells cannot be read (and count them) instead of failing.
    public var skipBadRows = false
    /// How to read `A/B/YYYY` dates when the files' own dates do not tell.
    public var dateOrder: DateOrder?
    public var mapping: ImportMapping = ImportMapping()

    public init() {}
}

/// One week's numbers as the import computed them: only the fields some input speaks for.
public struct ImportedWeek: Equatable, Sendable {
    public var weekStart: CalendarDate
    public var counts: [ImportField: Int] = [:]
    public var spend: Double?
    public var cycleDays: [Double]?
    /// The files whose data span covers this week.
    public var sources: [ImportProvenance.Source] = []

    public var fields: [ImportField] {
        (Array(counts.keys) + (spend == nil ? [] : [.marketingSpend]) + (cycleDays == nil ? [] : [.cycleDays])).sorted()
    }
}

/// The numbers read from every input, week by week, before they touch a workspace.
public struct ImportReading: Sendable {
    public var weeks: [ImportedWeek]
    /// Rows skipped under `skipBadRows`, with the first problem of each kind for the summary.
    public var skippedRows: Int
    public var skipped: [ImportProblem]
    /// Every file read, in order, with its hash, and how many data rows each had.
    public var files: [ImportProvenance.Source]
    public var rowCounts: [Int]
}

/// Reads CRM and ad-spend exports into weekly numbers under one written definition each (see
/// the README's "What each imported number means"), and applies them to a workspace.
public enum Importer {
    static func emptyWeek(_ start: CalendarDate, fields: Set<ImportField>, sources: [ImportProvenance.Source]) -> ImportedWeek {
        var w = ImportedWeek(weekStart: start, sources: sources)
        for field in fields {
            switch field {
            case .marketingSpend: w.spend = 0
            case .cycleDays: w.cycleDays = []
            default: w.counts[field] = 0
            }
        }
        return w
    }

    /// One dated fact from a row: a lead on a day, a deal won on a day, an amount spent.
    struct Event: Sendable {
        var field: ImportField
        var date: DateCell
        var row: Int32
        /// Spend in currency, cycle days; 1 for a count.
        var amount: Double
        /// For a cycle: the create date, resolved with the file's order.
        var start: DateCell?
    }

    /// Reads every input. Throws every problem found (all files are read before failing, so
    /// one run lists them all), capped in the message by `ImportFailure.listed`.
    public static func read(_ request: ImportRequest, weekStartWeekday: Int) throws(ImportFailure) -> ImportReading {
        var problems: [ImportProblem] = []
        var skipped: [ImportProblem] = []
        var skippedRows = 0
        var files: [ImportProvenance.Source] = []
        var rowCounts: [Int] = []
        var perFile: [(kind: FileKind, source: ImportProvenance.Source, fields: Set<ImportField>, events: [(ImportField, CalendarDate, Double)])] = []

        let inputs: [(FileKind, String)] = request.contacts.map { (.contacts, $0) } + request.deals.map { (.deals, $0) } + request.spend.map { (.spend, $0) }
        guard !inputs.isEmpty else {
            throw ImportFailure(problems: [ImportProblem(file: "smarketing import", message: "nothing to import: give --contacts, --deals or --spend (or several)")])
        }
        for (kind, path) in inputs {
            do {
                let csv = try CSVSource(path: path)
                let source = ImportProvenance.Source(file: csv.name, sha256: csv.sha256)
                files.append(source)
                var reader = FileReader(kind: kind, csv: csv, request: request)
                let outcome = try reader.read()
                problems += outcome.problems
                if request.skipBadRows {
                    skippedRows += outcome.skippedRows
                    skipped += outcome.skipped.prefix(3)
                }
                perFile.append((kind, source, outcome.fields, outcome.events))
                rowCounts.append(outcome.rows)
            } catch {
                problems.append(error)
            }
        }
        if !problems.isEmpty { throw ImportFailure(problems: problems) }

        // Who speaks for what: deals for opportunities (contacts' opportunity date only without a
        // deals file); contacts for new customers (won deals only without a contacts file).
        let haveDeals = !request.deals.isEmpty, haveContacts = !request.contacts.isEmpty
        // Opportunities come from the deals when there are any; a contacts file's opportunity
        // date is then not used.
        for k in perFile.indices where haveDeals && perFile[k].kind == .contacts { perFile[k].fields.remove(.opportunities) }
        var computable: Set<ImportField> = []
        for file in perFile { computable.formUnion(file.fields) }
        if !haveContacts && computable.contains(.won) { computable.insert(.newCustomers) }

        func weekOf(_ d: CalendarDate) -> CalendarDate { d.adding(days: -((d.weekday - weekStartWeekday + 7) % 7)) }
        func inRange(_ week: CalendarDate) -> Bool {
            (request.from.map { week.adding(days: 6) >= $0 } ?? true) && (request.to.map { week <= $0 } ?? true)
        }
        // Every week a counted date falls in (within --from/--to), with every field the inputs
        // compute: a field with no rows in a week is 0 there.
        var weeks: [CalendarDate: ImportedWeek] = [:]
        for file in perFile {
            for (field, date, amount) in file.events where file.fields.contains(field) {
                let start = weekOf(date)
                guard inRange(start) else { continue }
                var w = weeks[start] ?? Self.emptyWeek(start, fields: computable, sources: files)
                switch field {
                case .marketingSpend: w.spend = (w.spend ?? 0) + amount
                case .cycleDays: w.cycleDays = (w.cycleDays ?? []) + [amount]
                default: w.counts[field, default: 0] += 1
                }
                weeks[start] = w
            }
        }
        // Without a contacts file, new customers are the deals won.
        if !haveContacts {
            for (start, var w) in weeks where w.counts[.won] != nil {
                w.counts[.newCustomers] = w.counts[.won]
                weeks[start] = w
            }
        }
        return ImportReading(weeks: weeks.values.sorted { $0.weekStart < $1.weekStart }, skippedRows: skippedRows, skipped: skipped, files: files, rowCounts: rowCounts)
    }
}

enum FileKind: String {
    case contacts, deals, spend
}
