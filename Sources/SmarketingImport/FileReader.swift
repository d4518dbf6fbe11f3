import SmarketingModel

/// Reads one file of one kind into dated facts, under the definitions in the README.
struct FileReader: Sendable {
    let kind: FileKind
    let csv: CSVSource
    let request: ImportRequest

    struct Outcome {
        var fields: Set<ImportField> = []
        var events: [(ImportField, CalendarDate, Double)] = []
        var problems: [ImportProblem] = []
        var skippedRows = 0
        var skipped: [ImportProblem] = []
        var rows = 0
    }

    private var roles: [ColumnRole] {
        switch kind {
        case .contacts: return [.createDate, .leadDate, .mqlDate, .sqlDate, .opportunityDate, .customerDate]
        case .deals: return [.dealCreateDate, .closeDate, .stage, .wonFlag, .closedFlag, .wonTime, .lostTime]
        case .spend: return [.spendDate, .cost]
        }
    }

    mutating func read() throws(ImportProblem) -> Outcome {
        let mapped = request.mapping.columns(for: kind)
        let columns = try ColumnMap(header: csv.header, roles: roles, mapped: mapped)
        try checkRequired(columns, mapped: mapped)
        var outcome = Outcome()
        outcome.fields = fields(columns)
        let context = RowContext(columns: columns, decimalComma: request.mapping.decimalComma ?? (csv.delimiter == ";"),
                                 stages: request.mapping.stages, skipBadRows: request.skipBadRows)
        // Runs of records are read on every core; each keeps its facts and problems in order.
        let reader = self
        let runs = try csv.forEachRecordInParallel(RunResult()) { (result: inout RunResult, row: Int, cells: [String]) in
            reader.readRow(row, cells, context, into: &result)
        }
        var pending: [Importer.Event] = []
        pending.reserveCapacity(runs.reduce(0) { $0 + $1.events.count })
        for run in runs {
            outcome.rows += run.rows
            outcome.skippedRows += run.skippedRows
            outcome.skipped += run.skipped
            outcome.problems += run.problems
            pending += run.events
        }
        if !outcome.problems.isEmpty { return outcome }
        outcome.events = try resolve(pending, columns: columns, outcome: &outcome)
        return outcome
    }

    /// What reading one row needs: plain values, shared by the threads.
    struct RowContext: Sendable {
        var columns: ColumnMap
        var decimalComma: Bool
        var stages: ImportMapping.Stages
        var skipBadRows: Bool
    }

    /// What one run of records gave.
    struct RunResult: Sendable {
        var events: [Importer.Event] = []
        var problems: [ImportProblem] = []
        var skipped: [ImportProblem] = []
        var skippedRows = 0
        var rows = 0
    }

    /// One row's dated facts, or what is wrong with it (then the row adds nothing, or is skipped
    /// and counted under --skip-bad-rows).
    private func readRow(_ row: Int, _ cells: [String], _ context: RowContext, into result: inout RunResult) {
        let columns = context.columns
        result.rows += 1
        var problems: [ImportProblem] = []
        var events: [Importer.Event] = []
        func cell(_ role: ColumnRole) -> String? {
            guard let i = columns[role] else { return nil }
            return i < cells.count ? cells[i] : ""
        }
        func date(_ role: ColumnRole) -> DateCell? {
            guard let raw = cell(role) else { return nil }
            do {
                return try DateCell.parse(raw)
            } catch {
                problems.append(ImportProblem(file: csv.name, row: row, column: columns.name(role), value: raw, message: error.message))
                return nil
            }
        }
        func add(_ field: ImportField, _ d: DateCell?, amount: Double = 1, start: DateCell? = nil) {
            if let d { events.append(Importer.Event(field: field, date: d, row: Int32(clamping: row), amount: amount, start: start)) }
        }
        switch kind {
        case .contacts:
            let created = date(.createDate), lead = date(.leadDate)
            add(.leads, lead ?? created)
            add(.mqls, date(.mqlDate))
            add(.sqls, date(.sqlDate))
            add(.opportunities, date(.opportunityDate))
            add(.newCustomers, date(.customerDate))
        case .deals:
            let created = date(.dealCreateDate)
            add(.opportunities, created)
            if let outcome = dealOutcome(cell, stages: context.stages) {
                let useTimes = columns[.closeDate] == nil
                let closed = date(outcome == .won ? (useTimes ? .wonTime : .closeDate) : (useTimes ? .lostTime : .closeDate))
                // A closed deal without a close date falls in no week: it is not counted.
                add(outcome == .won ? .won : .lost, closed)
                if outcome == .won, let created { add(.cycleDays, closed, amount: 0, start: created) }
            }
        case .spend:
            let day = date(.spendDate)
            if let raw = cell(.cost) {
                do throws(CellError) {
                    if let amount = try AmountCell.parse(raw, decimalComma: context.decimalComma) {
                        if day == nil, problems.isEmpty {
                            problems.append(ImportProblem(file: csv.name, row: row, column: columns.name(.spendDate), value: "", message: "an amount needs its date"))
                        }
                        add(.marketingSpend, day, amount: amount)
                    }
                } catch {
                    problems.append(ImportProblem(file: csv.name, row: row, column: columns.name(.cost), value: raw, message: error.message))
                }
            }
        }
        if problems.isEmpty {
            result.events += events
        } else if context.skipBadRows {
            result.skippedRows += 1
            if result.skipped.count < 3 { result.skipped.append(problems[0]) }
        } else {
            result.problems += problems
        }
    }

    /// The fields this file computes: those whose columns it has.
    private func fields(_ columns: ColumnMap) -> Set<ImportField> {
        switch kind {
        case .contacts:
            var f: Set<ImportField> = [.leads]
            if columns[.mqlDate] != nil { f.insert(.mqls) }
            if columns[.sqlDate] != nil { f.insert(.sqls) }
            if columns[.opportunityDate] != nil { f.insert(.opportunities) }
            if columns[.customerDate] != nil { f.insert(.newCustomers) }
            return f
        case .deals:
            var f: Set<ImportField> = [.opportunities]
            if columns[.stage] != nil || columns[.wonFlag] != nil {
                f.formUnion([.won, .lost])
                f.insert(.cycleDays)
            }
            return f
        case .spend:
            return [.marketingSpend]
        }
    }

    /// A missing column that every definition of this kind needs: named, with the columns found
    /// and the nearest name.
    private func checkRequired(_ columns: ColumnMap, mapped: [ColumnRole: String]) throws(ImportProblem) {
        var missing: [ColumnRole] = []
        switch kind {
        case .contacts:
            if columns[.leadDate] == nil && columns[.createDate] == nil { missing = [.leadDate, .createDate] }
        case .deals:
            if columns[.dealCreateDate] == nil { missing.append(.dealCreateDate) }
            if columns[.stage] == nil && columns[.wonFlag] == nil { missing.append(.stage) }
            if columns[.closeDate] == nil && columns[.wonTime] == nil { missing.append(.closeDate) }
        case .spend:
            if columns[.spendDate] == nil { missing.append(.spendDate) }
            if columns[.cost] == nil { missing.append(.cost) }
        }
        guard !missing.isEmpty else { return }
        let wanted = missing.map { r in mapped[r].map { "\"\($0)\" (from the mapping)" } ?? "\"\(r.label)\"" }
        let guess = missing.lazy.compactMap { columns.nearest(to: $0, mapped: mapped[$0]) }.first
        let found = csv.header.filter { !$0.isEmpty }.prefix(30).map { "\"\(TextSanitizer.visible($0))\"" }.joined(separator: ", ")
        var message = missing.count == 2 && kind == .contacts
            ? "no \(wanted[0]) or \(wanted[1]) column; a contacts export needs one of them for the lead date"
            : "no \(wanted.joined(separator: " or ")) column, which a \(kind.rawValue) export needs"
        if let guess { message += " (did you mean \"\(TextSanitizer.visible(guess))\"?)" }
        message += ". Columns found: \(found)\(csv.header.count > 30 ? ", …" : ""). Other column names can be given with --map."
        throw ImportProblem(file: csv.name, row: 1, message: message)
    }

    enum DealOutcome { case won, lost }

    /// Won, lost or still open: the stage (Closed Won, closedwon, won…), or Salesforce's Won and
    /// Closed flags, or the values the mapping names.
    private func dealOutcome(_ cell: (ColumnRole) -> String?, stages: ImportMapping.Stages) -> DealOutcome? {
        if let raw = cell(.stage) {
            let key = raw.lowercased().filter { $0.isLetter || $0.isNumber }
            if stages.won.contains(key) { return .won }
            if stages.lost.contains(key) { return .lost }
            if !stages.custom, key.hasPrefix("closedwon") { return .won }
            if !stages.custom, key.hasPrefix("closedlost") { return .lost }
        }
        if let won = cell(.wonFlag), let closed = cell(.closedFlag) {
            guard Self.truthy(closed) else { return nil }
            return Self.truthy(won) ? .won : .lost
        }
        return nil
    }

    static func truthy(_ raw: String) -> Bool {
        ["1", "true", "yes", "y", "x", "won"].contains(raw.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// Resolves `A/B/YYYY` dates with the order the file implies (or the one given), and turns
    /// each event into a calendar date.
    private func resolve(_ events: [Importer.Event], columns: ColumnMap, outcome: inout Outcome) throws(ImportProblem) -> [(ImportField, CalendarDate, Double)] {
        let implied = DateOrder.implied(by: events.lazy.flatMap { [$0.date] + ($0.start.map { [$0] } ?? []) })
        if implied.conflicting {
            throw ImportProblem(file: csv.name, message: "its dates like A/B/YYYY are written both month-first (e.g. 11/23/2026) and day-first (e.g. 23/11/2026); export them one way")
        }
        let hasSlashed = events.contains { if case .slashed = $0.date { return true } else { return false } }
        guard let order = request.mapping.dateOrder ?? implied.order ?? request.dateOrder ?? (hasSlashed ? nil : .monthFirst) else {
            let example = events.lazy.compactMap { e -> String? in
                if case .slashed(let a, let b, let y) = e.date { return "\(a)/\(b)/\(y)" }
                return nil
            }.first ?? ""
            throw ImportProblem(file: csv.name, message: "its dates like \(example) could be month/day or day/month, and no date in the file tells which; say so with --date-order MDY (US) or --date-order DMY")
        }
        var out: [(ImportField, CalendarDate, Double)] = []
        out.reserveCapacity(events.count)
        for e in events {
            guard let d = e.date.resolved(order) else {
                outcome.problems.append(ImportProblem(file: csv.name, row: Int(e.row), message: "a date that does not exist when read \(order == .monthFirst ? "month/day" : "day/month")"))
                continue
            }
            if e.field == .cycleDays {
                guard let start = e.start?.resolved(order) else { continue }
                let days = d.days(since: start)
                if days < 0 {
                    outcome.problems.append(ImportProblem(file: csv.name, row: Int(e.row), column: columns.name(.closeDate), value: d.iso,
                                                          message: "the deal closes before it was created (\(start.iso)); its cycle cannot be counted"))
                    continue
                }
                out.append((.cycleDays, d, Double(days)))
            } else {
                out.append((e.field, d, e.amount))
            }
        }
        if !outcome.problems.isEmpty { throw outcome.problems[0] }
        return out
    }
}
