// Maps the model to and from the JSON tree. The field names here are the public file format
// documented in the README; change them only with a schemaVersion bump.

extension Workspace {
    /// Maps a parsed document onto a workspace, collecting every schema problem.
    static func decode(_ root: JSONValue) -> Result<Workspace, WorkspaceDecodeFailure> {
        let ctx = SchemaContext()
        guard let top = ObjectReader(root, at: "", ctx) else {
            return .failure(.invalid(ctx.issues))
        }
        // The version decides how to read everything else, so it is checked first.
        if let version = top.int("schemaVersion", in: 0...Int.max) {
            if version > currentSchemaVersion { return .failure(.newerSchema(version)) }
            if version < 1 { top.report("schemaVersion", "expected \(currentSchemaVersion), found \(version)") }
        }
        let teamReading = top.object("team").flatMap(Team.Reading.init(reading:))
        let targets = top.object("targets").flatMap(KPITargets.init(reading:))
        let weeks = top.array("weeks").map { $0.compactMap { WeekRecord(reading: $0.value, at: $0.path, ctx) } }
        let friction = top.array("frictionPoints").map { $0.compactMap { FrictionPoint(reading: $0.value, at: $0.path, ctx) } }
        let meetings = top.array("meetings").map { $0.compactMap { Meeting(reading: $0.value, at: $0.path, ctx) } }
        let current = top.string("currentMeetingId")
        let people = top.array("people", required: false).map { $0.map { Person(reading: $0.value, at: $0.path, ctx) } }
        var definitions: Definitions?? = .some(nil)
        switch top.optionalObject("definitions") {
        case .some(.some(let r)): definitions = Definitions(reading: r).map { .some($0) }
        case .some(.none): break
        case .none: definitions = nil
        }
        var template: [AgendaTemplateItem]?? = .some(nil)
        if top.has("agendaTemplate") {
            if let elements = top.array("agendaTemplate") {
                let items: [AgendaTemplateItem?] = elements.map { AgendaTemplateItem(reading: $0.value, at: $0.path, ctx) }
                template = allOrNothing(items).map { Optional.some($0) }
            } else {
                template = nil
            }
        }
        top.finish()
        guard ctx.issues.isEmpty, let teamReading, let targets, let weeks, let friction, let meetings, let current,
              let people = people.flatMap(allOrNothing), let definitions, let template else {
            return .failure(.invalid(ctx.issues))
        }
        var team = teamReading.team
        // Files from before the weekday was stored: the weeks', else the current meeting's KPI week's.
        team.weekStartWeekday = teamReading.weekStartWeekday
            ?? weeks.first?.weekStart.weekday ?? meetings.first { $0.id == current }?.kpiWeek.weekday ?? 1
        var workspace = Workspace(team: team, targets: targets, weeks: weeks, frictionPoints: friction,
                                  meetings: meetings, currentMeetingID: current, people: people,
                                  agendaTemplate: template ?? WorkspaceTemplate.standardAgendaTemplate)
        if let definitions {
            workspace.definitions = definitions
        } else {
            // Files from before definitions were kept: the starting drafts, with the qualified-lead
            // definition the team had written as its SQL definition.
            let taken = workspace.allIDs
            let personaID = (1...).lazy.map { "per\($0)" }.first { !taken.contains($0) } ?? "per"
            workspace.definitions = WorkspaceTemplate.starterDefinitions(sla: team.sla, personaID: personaID)
            if let legacy = teamReading.qualifiedLeadDefinition, !legacy.trimmingSpaces.isEmpty {
                workspace.definitions.sql = Definition(legacy, agreed: true)
            }
        }
        let problems = WorkspaceValidator.problems(in: workspace)
        return problems.isEmpty ? .success(workspace) : .failure(.invalid(SchemaIssue.capped(problems)))
    }

    /// The JSON tree of this workspace, in the canonical field names.
    var json: JSONValue {
        .object([
            JSONMember("schemaVersion", .integer(Int64(Workspace.currentSchemaVersion))),
            JSONMember("team", team.json),
            JSONMember("targets", targets.json),
            JSONMember("people", .array(people.map(\.json))),
            JSONMember("definitions", definitions.json),
            JSONMember("agendaTemplate", .array(agendaTemplate.map(\.json))),
            JSONMember("weeks", .array(weeks.map(\.json))),
            JSONMember("frictionPoints", .array(frictionPoints.map(\.json))),
            JSONMember("meetings", .array(meetings.map(\.json))),
            JSONMember("currentMeetingId", .string(currentMeetingID)),
        ])
    }
}

enum WorkspaceDecodeFailure: Error {
    case invalid([SchemaIssue])
    case newerSchema(Int)
}

// MARK: helpers the coding files share

func jsonOrNull(_ date: CalendarDate?) -> JSONValue { date.map { .string($0.iso) } ?? .null }
func jsonOrNull(_ time: Timestamp?) -> JSONValue { time.map { .string($0.iso) } ?? .null }
func jsonOrNull(_ n: Int?) -> JSONValue { n.map { .integer(Int64($0)) } ?? .null }
func int(_ n: Int) -> JSONValue { .integer(Int64(n)) }

// MARK: team and targets

extension Team {
    /// A team as read from the file, with what the workspace decides around it.
    struct Reading {
        var team: Team
        /// Nil in files from before it was stored.
        var weekStartWeekday: Int?
        /// The one definition files kept before `definitions`.
        var qualifiedLeadDefinition: String?

        init?(reading r: ObjectReader) {
            var weekday: Int?? = .some(nil)
            if let name = r.string("weekStartsOn", default: ""), !name.isEmpty {
                if let day = CalendarDate.weekday(named: name), CalendarDate.weekdayNames[day - 1].lowercased() == name {
                    weekday = .some(day)
                } else {
                    r.report("weekStartsOn", "expected a weekday in lower case such as \"monday\", found \(JSONValue.string(name).briefDescription)")
                    weekday = nil
                }
            }
            let legacy = r.string("qualifiedLeadDefinition", default: "", limit: ModelLimits.longText)
            guard let team = Team(reading: r), let weekday, let legacy else { return nil }
            self.team = team
            weekStartWeekday = weekday
            qualifiedLeadDefinition = legacy
        }
    }

    init?(reading r: ObjectReader) {
        let name = r.string("name")
        let reps = r.int("salesReps", in: ModelLimits.salesReps)
        let currency = r.string("currency", default: "USD")
        if let currency, !(currency.utf8.count == 3 && currency.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A })) {
            r.report("currency", "expected a three-letter ISO 4217 code such as \"USD\" or \"EUR\", found \(JSONValue.string(currency).briefDescription)")
        }
        let sla: LeadSLA?
        switch r.optionalObject("sla") {
        case .none: sla = nil
        case .some(.none): sla = LeadSLA()
        case .some(.some(let reader)): sla = LeadSLA(reading: reader)
        }
        r.finish()
        guard let name, let reps, let currency, let sla else { return nil }
        self.init(name: name, salesReps: reps, currency: currency, sla: sla)
    }

    var json: JSONValue {
        .object([
            JSONMember("name", .string(name)),
            JSONMember("salesReps", int(salesReps)),
            JSONMember("currency", .string(currency)),
            JSONMember("sla", sla.json),
            JSONMember("weekStartsOn", .string(CalendarDate.weekdayNames[max(0, min(6, weekStartWeekday - 1))].lowercased())),
        ])
    }
}

extension LeadSLA {
    init?(reading r: ObjectReader) {
        let defaults = LeadSLA()
        let perRep = r.int("leadsPerRepPerMonth", in: ModelLimits.leadsPerRepPerMonth, default: defaults.leadsPerRepPerMonth)
        let hours = r.int("firstAttemptBusinessHours", in: ModelLimits.firstAttemptBusinessHours, default: defaults.firstAttemptBusinessHours)
        let attempts = r.int("attemptsRequired", in: ModelLimits.attemptsRequired, default: defaults.attemptsRequired)
        let window = r.int("attemptWindowDays", in: ModelLimits.attemptWindowDays, default: defaults.attemptWindowDays)
        r.finish()
        guard let perRep, let hours, let attempts, let window else { return nil }
        self.init(leadsPerRepPerMonth: perRep, firstAttemptBusinessHours: hours, attemptsRequired: attempts, attemptWindowDays: window)
    }

    var json: JSONValue {
        .object([
            JSONMember("leadsPerRepPerMonth", int(leadsPerRepPerMonth)),
            JSONMember("firstAttemptBusinessHours", int(firstAttemptBusinessHours)),
            JSONMember("attemptsRequired", int(attemptsRequired)),
            JSONMember("attemptWindowDays", int(attemptWindowDays)),
        ])
    }
}

extension KPITargets {
    init?(reading r: ObjectReader) {
        let cpl = r.double("costPerLead", in: ModelLimits.money)
        let l2c = r.double("leadToCustomerRatio", in: ModelLimits.ratio)
        let close = r.double("closeRate", in: ModelLimits.ratio)
        let cycle = r.double("salesCycleDays", in: ModelLimits.cycleDays)
        r.finish()
        guard let cpl, let l2c, let close, let cycle else { return nil }
        self.init(costPerLead: cpl, leadToCustomerRatio: l2c, closeRate: close, salesCycleDays: cycle)
    }

    var json: JSONValue {
        .object([
            JSONMember("costPerLead", .double(costPerLead)),
            JSONMember("leadToCustomerRatio", .double(leadToCustomerRatio)),
            JSONMember("closeRate", .double(closeRate)),
            JSONMember("salesCycleDays", .double(salesCycleDays)),
        ])
    }
}

// MARK: weeks

extension WeekRecord {
    init?(reading value: JSONValue, at path: String, _ ctx: SchemaContext) {
        guard let r = ObjectReader(value, at: path, ctx) else { return nil }
        let id = r.string("id")
        let start = r.date("weekStart")
        let spend = r.double("marketingSpend", in: ModelLimits.money)
        let leads = r.int("leads", in: ModelLimits.count)
        let mqls = r.int("mqls", in: ModelLimits.count)
        let sqls = r.int("sqls", in: ModelLimits.count)
        let opps = r.int("opportunities", in: ModelLimits.count)
        let won = r.int("won", in: ModelLimits.count)
        let lost = r.int("lost", in: ModelLimits.count)
        let customers = r.int("newCustomers", in: ModelLimits.count)
        var cycle: [Double]? = []
        if let elements = r.array("cycleDays", required: false) {
            let days = elements.compactMap { r.number($0.value, in: ModelLimits.cycleDays, at: $0.path) }
            cycle = days.count == elements.count ? days : nil
        } else {
            cycle = nil
        }
        let inSLA = r.optionalInt("sqlsFirstAttemptInSLA", in: ModelLimits.count)
        let fully = r.optionalInt("sqlsFullyAttempted", in: ModelLimits.count)
        var imported: ImportProvenance?? = .some(nil)
        switch r.optionalObject("imported") {
        case .some(.some(let p)): imported = ImportProvenance(reading: p).map { .some($0) }
        case .some(.none): break
        case .none: imported = nil
        }
        r.finish()
        guard let id, let start, let spend, let leads, let mqls, let sqls, let opps, let won, let lost,
              let customers, let cycle, let inSLA, let fully, let imported else { return nil }
        self.init(id: id, weekStart: start, marketingSpend: spend, leads: leads, mqls: mqls, sqls: sqls,
                  opportunities: opps, won: won, lost: lost, newCustomers: customers, cycleDays: cycle,
                  sqlsFirstAttemptInSLA: inSLA, sqlsFullyAttempted: fully, imported: imported)
    }

    var json: JSONValue {
        .object([
            JSONMember("id", .string(id)),
            JSONMember("weekStart", .string(weekStart.iso)),
            JSONMember("marketingSpend", .double(marketingSpend)),
            JSONMember("leads", int(leads)),
            JSONMember("mqls", int(mqls)),
            JSONMember("sqls", int(sqls)),
            JSONMember("opportunities", int(opportunities)),
            JSONMember("won", int(won)),
            JSONMember("lost", int(lost)),
            JSONMember("newCustomers", int(newCustomers)),
            JSONMember("cycleDays", .array(cycleDays.map { .double($0) })),
            JSONMember("sqlsFirstAttemptInSLA", jsonOrNull(sqlsFirstAttemptInSLA)),
            JSONMember("sqlsFullyAttempted", jsonOrNull(sqlsFullyAttempted)),
        ] + (imported.map { [JSONMember("imported", $0.json)] } ?? []))
    }
}

extension ImportProvenance {
    init?(reading r: ObjectReader) {
        let at = r.optionalTimestamp("at")
        let edited = r.bool("editedByHand", default: false)
        var sources: [Source]? = []
        if let elements = r.array("sources") {
            for element in elements {
                guard let s = ObjectReader(element.value, at: element.path, r.context) else { sources = nil; continue }
                let file = s.string("file")
                let hash = s.string("sha256")
                if let hash, hash.utf8.count != 64 || !hash.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) {
                    s.report("sha256", "expected 64 lowercase hex digits, found \"\(TextSanitizer.visible(String(hash.prefix(80))))\"")
                    sources = nil
                }
                s.finish()
                if let file, let hash { sources?.append(Source(file: file, sha256: hash)) } else { sources = nil }
            }
        } else {
            sources = nil
        }
        r.finish()
        guard case .some(.some(let importedAt)) = at else {
            if case .some(.none) = at { r.report("at", "required: when the import ran, like 2026-11-23T09:00:00Z") }
            return nil
        }
        guard let edited, let sources else { return nil }
        self.init(importedAt: importedAt, sources: sources, editedByHand: edited)
    }

    var json: JSONValue {
        .object([
            JSONMember("at", .string(importedAt.iso)),
            JSONMember("editedByHand", .bool(editedByHand)),
            JSONMember("sources", .array(sources.map { .object([JSONMember("file", .string($0.file)), JSONMember("sha256", .string($0.sha256))]) })),
        ])
    }
}

// MARK: friction points

extension FrictionPoint {
    init?(reading value: JSONValue, at path: String, _ ctx: SchemaContext) {
        guard let r = ObjectReader(value, at: path, ctx) else { return nil }
        let id = r.string("id")
        let title = r.string("title")
        let stage = r.enumValue("stage", FunnelStage.self)
        let side = r.enumValue("raisedBy", Side.self)
        let severity = r.int("severity", in: ModelLimits.severity)
        let status = r.enumValue("status", FrictionStatus.self)
        let owner = r.string("owner", default: "")
        let mitigation = r.string("mitigation", default: "", limit: ModelLimits.longText)
        let notes = r.string("notes", default: "", limit: ModelLimits.longText)
        let opened = r.date("opened")
        let resolved = r.optionalDate("resolved")
        r.finish()
        guard let id, let title, let stage, let side, let severity, let status, let owner, let mitigation,
              let notes, let opened, let resolved else { return nil }
        self.init(id: id, title: title, stage: stage, raisedBy: side, severity: severity, status: status,
                  owner: owner, mitigation: mitigation, notes: notes, opened: opened, resolved: resolved)
    }

    var json: JSONValue {
        .object([
            JSONMember("id", .string(id)),
            JSONMember("title", .string(title)),
            JSONMember("stage", .string(stage.rawValue)),
            JSONMember("raisedBy", .string(raisedBy.rawValue)),
            JSONMember("severity", int(severity)),
            JSONMember("status", .string(status.rawValue)),
            JSONMember("owner", .string(owner)),
            JSONMember("mitigation", .string(mitigation)),
            JSONMember("notes", .string(notes)),
            JSONMember("opened", .string(opened.iso)),
            JSONMember("resolved", jsonOrNull(resolved)),
        ])
    }
}
