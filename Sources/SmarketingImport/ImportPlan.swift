import SmarketingModel

/// What an import does to a workspace, week by week and field by field.
public struct ImportPlan: Sendable {
    public struct FieldChange: Equatable, Sendable {
        public var field: ImportField
        public var old: String
        public var new: String
    }

    public struct WeekChange: Equatable, Sendable {
        public var weekStart: CalendarDate
        /// The workspace had no record of this week.
        public var isNew: Bool
        /// The week's numbers had been changed by hand since an earlier import.
        public var overridesHandEdits: Bool
        public var changes: [FieldChange]
        /// What else changed because of the new numbers, said in words.
        public var notes: [String] = []
        /// Only the provenance changes (the numbers were already these).
        public var provenanceOnly: Bool { changes.isEmpty }
    }

    /// The weeks as they will be stored (changed ones only).
    public var records: [WeekRecord]
    public var changed: [WeekChange]
    /// Weeks whose numbers and sources are already these: left exactly as they are.
    public var unchanged: [CalendarDate]

    /// Computes the records. Weeks whose numbers and sources did not change keep their record,
    /// provenance and time included, so running the same import again writes the same bytes.
    public init(_ reading: ImportReading, for ws: Workspace, now: Timestamp) {
        var ids = IDPool(taken: ws.allIDs)
        records = []
        changed = []
        unchanged = []
        for week in reading.weeks {
            let existing = ws.weeks.first { $0.weekStart == week.weekStart }
            var record = existing ?? WeekRecord(id: ids.fresh("wk"), weekStart: week.weekStart)
            let before = record
            var changes: [FieldChange] = []
            for field in week.fields {
                let old = Self.value(field, of: record)
                switch field {
                case .marketingSpend: record.marketingSpend = ((week.spend ?? 0) * 100).rounded() / 100
                case .cycleDays: record.cycleDays = week.cycleDays ?? []
                case .leads: record.leads = week.counts[field] ?? 0
                case .mqls: record.mqls = week.counts[field] ?? 0
                case .sqls: record.sqls = week.counts[field] ?? 0
                case .opportunities: record.opportunities = week.counts[field] ?? 0
                case .won: record.won = week.counts[field] ?? 0
                case .lost: record.lost = week.counts[field] ?? 0
                case .newCustomers: record.newCustomers = week.counts[field] ?? 0
                }
                let new = Self.value(field, of: record)
                if existing == nil || old != new { changes.append(FieldChange(field: field, old: existing == nil ? "–" : old, new: new)) }
            }
            // The SLA counts are kept, but never above the week's SQLs (they count SQLs).
            var notes: [String] = []
            if let n = record.sqlsFirstAttemptInSLA, n > record.sqls {
                notes.append("SQLs with a first attempt in the SLA: \(n) → \(record.sqls) (kept, but capped at the week's SQLs)")
                record.sqlsFirstAttemptInSLA = record.sqls
            }
            if let n = record.sqlsFullyAttempted, n > record.sqls {
                notes.append("SQLs fully attempted: \(n) → \(record.sqls) (kept, but capped at the week's SQLs)")
                record.sqlsFullyAttempted = record.sqls
            }
            let sameNumbers = existing != nil && record.hasSameNumbers(as: before)
            let sameSources = before.imported.map { $0.sources == week.sources && !$0.editedByHand } ?? false
            if sameNumbers && sameSources {
                unchanged.append(week.weekStart)
                continue
            }
            record.imported = ImportProvenance(importedAt: now, sources: week.sources)
            records.append(record)
            changed.append(WeekChange(weekStart: week.weekStart, isNew: existing == nil,
                                      overridesHandEdits: before.imported?.editedByHand == true && !changes.isEmpty, changes: changes, notes: notes))
        }
    }

    /// A field's value as the summary prints it.
    static func value(_ field: ImportField, of w: WeekRecord) -> String {
        switch field {
        case .marketingSpend: return KPIFormat.fixed(w.marketingSpend, places: 2)
        case .cycleDays: return "[" + w.cycleDays.map { JSONWriter.format($0) }.joined(separator: ", ") + "]"
        case .leads: return String(w.leads)
        case .mqls: return String(w.mqls)
        case .sqls: return String(w.sqls)
        case .opportunities: return String(w.opportunities)
        case .won: return String(w.won)
        case .lost: return String(w.lost)
        case .newCustomers: return String(w.newCustomers)
        }
    }

    /// The summary printed before anything is written (and by --dry-run instead).
    public func summary(_ reading: ImportReading) -> [String] {
        var lines: [String] = []
        let files = zip(reading.files, reading.rowCounts).map { "\(TextSanitizer.visible($0.file)) (\($1) row\($1 == 1 ? "" : "s"))" }
        lines.append("Read \(files.joined(separator: ", ")).")
        if reading.skippedRows > 0 {
            lines.append("Skipped \(reading.skippedRows) row\(reading.skippedRows == 1 ? "" : "s") that could not be read (--skip-bad-rows); the first:")
            lines += reading.skipped.prefix(5).map { "  " + $0.line }
        }
        for week in changed {
            var head = "Week of \(week.weekStart.iso)"
            if week.isNew { head += " (new)" }
            if week.overridesHandEdits { head += " (its hand edits are replaced)" }
            if week.provenanceOnly { head += ": numbers unchanged; now marked as imported" }
            lines.append(head + (week.provenanceOnly ? "" : ":"))
            let width = week.changes.map { Self.label($0.field).count }.max() ?? 0
            for change in week.changes {
                let label = Self.label(change.field)
                lines.append("  " + label + String(repeating: " ", count: width - label.count) + "  \(change.old) → \(change.new)")
            }
            lines += week.notes.map { "  " + $0 }
        }
        let n = changed.count, u = unchanged.count
        var tally = n == 0 ? "Nothing to change" : "\(n) week\(n == 1 ? "" : "s") to change"
        if u > 0 { tally += ", \(u) already up to date" }
        if reading.weeks.isEmpty { tally = "No week in range: nothing to change" }
        lines.append(tally + ".")
        return lines
    }

    static func label(_ field: ImportField) -> String {
        switch field {
        case .marketingSpend: return "marketing spend"
        case .leads: return "leads"
        case .mqls: return "MQLs"
        case .sqls: return "SQLs"
        case .opportunities: return "opportunities"
        case .won: return "won"
        case .lost: return "lost"
        case .newCustomers: return "new customers"
        case .cycleDays: return "cycle days"
        }
    }
}
