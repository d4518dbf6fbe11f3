import SmarketingModel

/// Building forms from the model, validating them field by field, and applying them. Nothing
/// invalid reaches the model: `apply` either returns a new workspace or the form with messages.
public enum Forms {
    static let stageOptions = FunnelStage.allCases.map(\.rawValue)
    static let sideOptions = Side.allCases.map(\.rawValue)
    static let frictionStatusOptions = FrictionStatus.allCases.map(\.rawValue)
    static let agendaStatusOptions = AgendaStatus.allCases.map(\.rawValue)
    static let personTeamOptions = PersonTeam.allCases.map(\.rawValue)
    /// What an owner field says while it has focus, until Tab lists the names that match.
    static let ownerHint = "Tab completes a name from the roster"

    // MARK: building

    /// The form that asks where to save a copy, with `suggestion` filled in.
    public static func saveCopyForm(suggestion: String) -> FormState {
        FormState(target: .saveCopy, title: "Save a copy", fields: [
            FormField("path", "Save as", text: suggestion, hint: "a name goes beside this file; later edits go to the copy"),
        ])
    }

    public static func form(for target: FormTarget, in ws: Workspace) -> FormState {
        let meeting = ws.currentMeeting
        switch target {
        case .agendaItem(let id, _):
            let item = id.flatMap { id in meeting?.agenda.first { $0.id == id } }
            return FormState(target: target, title: item == nil ? "New agenda item" : "Edit agenda item", fields: [
                FormField("title", "Title", text: item?.title ?? ""),
                FormField("owner", "Owner", text: item?.owner ?? (meeting?.chair ?? ""), hint: ownerHint),
                FormField("timebox", "Timebox (min)", text: String(item?.timeboxMinutes ?? 5), hint: "whole minutes, \(ModelLimits.timeboxMinutes.lowerBound) to \(ModelLimits.timeboxMinutes.upperBound)"),
                FormField("status", "Status", options: agendaStatusOptions, selected: agendaStatusOptions.firstIndex(of: item?.status.rawValue ?? "pending") ?? 0),
                FormField("notes", "Notes / outcome", text: item?.notes ?? ""),
            ])
        case .frictionPoint(let id, let stage):
            let point = id.flatMap { id in ws.frictionPoints.first { $0.id == id } }
            return FormState(target: target, title: point == nil ? "New friction point" : "Edit friction point", fields: [
                FormField("title", "Title", text: point?.title ?? ""),
                FormField("stage", "Funnel stage", options: stageOptions, selected: stageOptions.firstIndex(of: (point?.stage ?? stage).rawValue) ?? 0, hint: "←/→ to choose"),
                FormField("raisedBy", "Raised by", options: sideOptions, selected: sideOptions.firstIndex(of: point?.raisedBy.rawValue ?? "sales") ?? 0, hint: "←/→ to choose"),
                FormField("severity", "Severity", options: ["1", "2", "3"], selected: (point?.severity ?? 2) - 1, hint: "1 minor … 3 severe"),
                FormField("status", "Status", options: frictionStatusOptions, selected: frictionStatusOptions.firstIndex(of: point?.status.rawValue ?? "open") ?? 0),
                FormField("owner", "Owner", text: point?.owner ?? "", hint: ownerHint),
                FormField("mitigation", "Mitigation", text: point?.mitigation ?? ""),
                FormField("notes", "Notes", text: point?.notes ?? "", hint: "evidence, numbers, links"),
            ])
        case .actionItem(let id, _):
            let item = id.flatMap { id in meeting?.actionItems.first { $0.id == id } }
            return FormState(target: target, title: item == nil ? "New action item" : "Edit action item", fields: [
                FormField("title", "Title", text: item?.title ?? ""),
                FormField("owner", "Owner", text: item?.owner ?? "", hint: ownerHint),
                FormField("due", "Due date", text: item?.due?.iso ?? "", hint: "YYYY-MM-DD, or empty"),
            ])
        case .decision(let id, _):
            let decision = id.flatMap { id in meeting?.decisions.first { $0.id == id } }
            return FormState(target: target, title: decision == nil ? "New decision" : "Edit decision", fields: [
                FormField("text", "Decision", text: decision?.text ?? ""),
            ])
        case .kpiWeek(let start):
            let week = ws.week(startingOn: start)
            func n(_ v: Int?) -> String { v.map(String.init) ?? "" }
            return FormState(target: target, title: "KPI inputs for the week of \(start.iso)", fields: [
                FormField("spend", "Marketing spend", text: week.map { FormNumber.money($0.marketingSpend) } ?? "", hint: "in \(ws.team.currency)"),
                FormField("leads", "Leads", text: n(week?.leads)),
                FormField("mqls", "MQLs", text: n(week?.mqls)),
                FormField("sqls", "SQLs", text: n(week?.sqls)),
                FormField("opportunities", "Opportunities", text: n(week?.opportunities)),
                FormField("won", "Won", text: n(week?.won)),
                FormField("lost", "Lost", text: n(week?.lost)),
                FormField("newCustomers", "New customers", text: n(week?.newCustomers)),
                FormField("cycleDays", "Cycle days", text: week?.cycleDays.map(FormNumber.number).joined(separator: ", ") ?? "", hint: "one per deal won, e.g. 30, 42"),
                FormField("inSLA", "SQLs 1st attempt in SLA", text: n(week?.sqlsFirstAttemptInSLA), hint: "optional"),
                FormField("fully", "SQLs fully attempted", text: n(week?.sqlsFullyAttempted), hint: "optional"),
            ])
        case .saveCopy:
            return saveCopyForm(suggestion: "")
        case .team:
            let t = ws.team, k = ws.targets
            func percent(_ f: Double) -> String { FormNumber.number((f * 1000).rounded() / 10) }
            return FormState(target: target, title: "Team & targets", fields: [
                FormField("name", "Team name", text: t.name, hint: "people & attendance: P, on the dashboard"),
                FormField("reps", "Sales reps", text: String(t.salesReps), hint: "the lead SLA is per rep"),
                FormField("currency", "Currency", text: t.currency, hint: "ISO code, e.g. USD, EUR, GBP"),
                FormField("weekday", "KPI weeks start on", options: CalendarDate.weekdayNames, selected: t.weekStartWeekday - 1,
                          hint: ws.weeks.isEmpty ? "←/→ to choose; the day each KPI week starts" : "fixed: the weeks on record start on this day"),
                FormField("length", "Meeting length (min)", text: meeting.map { String($0.lengthMinutes) } ?? "",
                          hint: "planned length of this week's meeting, 30 to 60 is usual"),
                FormField("cpl", "Target: cost per lead", text: FormNumber.money(k.costPerLead), hint: "at most, in \(t.currency)"),
                FormField("l2c", "Target: lead-to-customer %", text: percent(k.leadToCustomerRatio), hint: "at least, in percent, e.g. 2.5"),
                FormField("close", "Target: close rate %", text: percent(k.closeRate), hint: "at least, in percent, e.g. 30"),
                FormField("cycle", "Target: sales cycle (days)", text: FormNumber.number(k.salesCycleDays), hint: "at most"),
                FormField("perRep", "SLA: leads per rep a month", text: String(t.sla.leadsPerRepPerMonth), hint: "marketing delivers; 5 is usual"),
                FormField("hours", "SLA: 1st attempt within (h)", text: String(t.sla.firstAttemptBusinessHours), hint: "business hours; 6 is usual"),
                FormField("attempts", "SLA: attempts", text: String(t.sla.attemptsRequired), hint: "4 is usual"),
                FormField("window", "SLA: attempts within (days)", text: String(t.sla.attemptWindowDays), hint: "12 is usual"),
            ])
        case .person(let name):
            let person = name.flatMap { ws.person(named: $0) }
            return FormState(target: target, title: person == nil ? "New person" : "Edit person", fields: [
                FormField("name", "Name", text: person?.name ?? "", hint: person == nil ? "full name, e.g. Priya Natarajan" : "a new name is carried to every item they own"),
                FormField("team", "Side", options: personTeamOptions, selected: personTeamOptions.firstIndex(of: (person?.team ?? .other).rawValue) ?? 0,
                          hint: "←/→ to choose"),
                FormField("shortName", "Short name", text: person?.shortName ?? "", hint: "empty: first name, or first name and initial"),
            ])
        case .definition(let subject):
            let definition = ws.definitions[subject] ?? Definition()
            return FormState(target: target, title: ws.definitions.title(of: subject), fields: [
                FormField("text", "Definition", text: definition.text, hint: "E in the definitions view edits it in $EDITOR", editorKey: "E"),
                agreedField(definition.agreed),
            ])
        case .persona(let id):
            let persona = id.flatMap { id in ws.definitions.personas.first { $0.id == id } }
            return FormState(target: target, title: persona == nil ? "New buyer persona" : "Persona: \(persona?.name ?? "")",
                             fields: [FormField("name", "Name", text: persona?.name ?? "", hint: "e.g. Operations lead")]
                                + Persona.fields.map { FormField($0.key, $0.label, text: persona?[keyPath: $0.path] ?? "", editorKey: "E") }
                                + [agreedField(persona?.agreed ?? false)])
        }
    }

    static let agreedOptions = ["draft", "agreed"]

    static func agreedField(_ agreed: Bool) -> FormField {
        FormField("agreed", "Agreed", options: agreedOptions, selected: agreed ? 1 : 0, hint: "agreed by sales and marketing, or a draft to agree on")
    }

    // MARK: validation

    /// Validates every field, setting or clearing its message. Returns true when all are valid.
    @discardableResult
    public static func validate(_ form: inout FormState, in ws: Workspace) -> Bool {
        for i in form.fields.indices {
            form.fields[i].error = message(for: form.fields[i], in: form, ws)
        }
        return !form.hasErrors
    }

    static func message(for field: FormField, in form: FormState, _ ws: Workspace) -> String? {
        if field.changedInPart, let full = field.fullText {
            let key = form.target.isDefinition ? "E" : "N"
            return "too long to edit here (\(full.count) characters; a field holds \(LineEditor.maximumLength)): Esc, then \(key) edits it in your editor"
        }
        let value = field.value.trimmed
        switch (form.target, field.key) {
        case (_, "title"), (.decision, "text"):
            if value.isEmpty { return "required" }
            let limit = field.key == "text" ? ModelLimits.longText : ModelLimits.shortText
            if value.utf8.count > limit { return "at most \(limit) bytes" }
        case (_, "owner"):
            if value.utf8.count > ModelLimits.shortText { return "at most \(ModelLimits.shortText) bytes" }
        case (.agendaItem, "timebox"):
            let range = ModelLimits.timeboxMinutes
            guard let n = Int(value), range.contains(n) else { return "use a whole number of minutes from \(range.lowerBound) to \(range.upperBound)" }
        case (.actionItem, "due"):
            if !value.isEmpty && CalendarDate(iso: value) == nil { return "use YYYY-MM-DD, e.g. \(sampleDate(ws))" }
        case (.kpiWeek, "spend"):
            guard let d = Double(value.replacingCommas), ModelLimits.money.contains(d) else { return "use an amount ≥ 0, e.g. 6250.50" }
        case (.kpiWeek, "cycleDays"):
            if value.isEmpty { return nil }
            let parts = value.split(separator: ",").map { String($0).trimmed }
            if parts.contains(where: { Double($0).map { !ModelLimits.cycleDays.contains($0) } ?? true }) {
                return "use numbers of days ≥ 0 separated by commas, e.g. 30, 42"
            }
        case (.kpiWeek, "inSLA"), (.kpiWeek, "fully"):
            if value.isEmpty { return nil }
            guard let n = Int(value), n >= 0 else { return "use a whole number ≥ 0, or leave empty" }
            if let sqls = Int(form.value("sqls").trimmed), n > sqls { return "cannot be more than the \(sqls) SQLs" }
        case (.kpiWeek, _):
            guard let n = Int(value), ModelLimits.count.contains(n) else { return "use a whole number ≥ 0" }
        case (.person(let old), "name"):
            if value.isEmpty { return "required" }
            if value.utf8.count > ModelLimits.shortText { return "at most \(ModelLimits.shortText) bytes" }
            if value != old, ws.person(named: value) != nil { return "\(value) is already on the roster" }
        case (.person, "shortName"):
            if value.utf8.count > ModelLimits.shortText { return "at most \(ModelLimits.shortText) bytes" }
        case (.team, "name"):
            if value.isEmpty { return "required" }
            if value.utf8.count > ModelLimits.shortText { return "at most \(ModelLimits.shortText) bytes" }
        case (.team, "currency"):
            if !(value.count == 3 && value.allSatisfy({ $0.isASCII && $0.isUppercase })) { return "use a three-letter code such as USD or EUR" }
        case (.team, "length"):
            if ws.currentMeeting == nil { return nil }
            guard let n = Int(value), ModelLimits.meetingMinutes.contains(n) else { return "use whole minutes from 1 to \(ModelLimits.meetingMinutes.upperBound)" }
        case (.team, "cpl"):
            guard let d = Double(value.replacingCommas), ModelLimits.money.contains(d) else { return "use an amount ≥ 0, e.g. 50" }
        case (.team, "l2c"), (.team, "close"):
            guard let d = Double(value.replacingCommas), (0...100).contains(d) else { return "use a percentage from 0 to 100" }
        case (.team, "cycle"):
            guard let d = Double(value.replacingCommas), ModelLimits.cycleDays.contains(d) else { return "use days from 0 to 3650" }
        case (.team, let key):
            let ranges = ["reps": ModelLimits.salesReps, "perRep": ModelLimits.leadsPerRepPerMonth, "hours": ModelLimits.firstAttemptBusinessHours,
                          "attempts": ModelLimits.attemptsRequired, "window": ModelLimits.attemptWindowDays]
            if let range = ranges[key] {
                guard let n = Int(value), range.contains(n) else { return "use a whole number from \(range.lowerBound) to \(range.upperBound)" }
            }
        case (.persona, "name"):
            if value.isEmpty { return "required" }
            if value.utf8.count > ModelLimits.shortText { return "at most \(ModelLimits.shortText) bytes" }
        case (.persona, "agreed"), (.definition, "agreed"):
            break
        case (.persona, _), (.definition, _):
            if field.submittedValue.utf8.count > ModelLimits.longText { return "at most \(ModelLimits.longText) bytes" }
        case (.saveCopy, _):
            if value.isEmpty { return "type a file name" }
            if value.hasSuffix("/") { return "that is a folder; add a file name" }
            if value.utf8.contains(0) { return "a file name cannot hold a NUL character" }
        default:
            break
        }
        if field.key == "notes" || field.key == "mitigation" {
            if value.utf8.count > ModelLimits.longText { return "at most \(ModelLimits.longText) bytes" }
        }
        return nil
    }

    private static func sampleDate(_ ws: Workspace) -> String {
        (ws.currentMeeting?.date.adding(days: 7) ?? CalendarDate(year: 2026, month: 11, day: 30)!).iso
    }

    // MARK: applying

    /// The outcome of submitting a form.
    public enum Outcome: Sendable {
        /// The new workspace, a label for undo, the pane, and the item the form saved (nil for
        /// the KPI week).
        case applied(Workspace, label: String, pane: PaneID, item: ItemRef?)
        /// A field is wrong: the form comes back with its messages.
        case invalid(FormState)
        /// The model refused the edit for a reason no single field carries.
        case refused(EditError)
        /// A person saved to the roster; `renamed` counts the places a new name was carried to.
        case savedPerson(Workspace, name: String, renamed: Int)
        /// One of the team's definitions was saved (the view goes back to it).
        case definitionSaved(Workspace, label: String, subject: DefinitionSubject)
    }

    /// Checks the form and saves it through the model's edit API.
    public static func submit(_ form: FormState, to ws: Workspace, ids: inout IDPool, now: Timestamp, today: CalendarDate) -> Outcome {
        var form = form
        guard validate(&form, in: ws) else { return .invalid(form) }
        // The definitions belong to the team, not to a meeting: they need none.
        if form.target.isDefinition { return submitDefinition(form, to: ws, ids: &ids) }
        var ws = ws
        if case .person(let old) = form.target {
            // The roster needs no meeting.
            let person = Person(name: form.value("name").trimmed, team: PersonTeam(rawValue: form.value("team")) ?? .other,
                                shortName: form.value("shortName").trimmed)
            do {
                let renamed = try ws.savePerson(person, replacing: old)
                return .savedPerson(ws, name: person.name, renamed: renamed)
            } catch {
                return refusal(error, &form)
            }
        }
        guard let meeting = ws.currentMeeting else { return .refused(EditError("there is no current meeting")) }
        func text(_ key: String) -> String { form.value(key).trimmed }
        do {
            switch form.target {
            case .definition, .persona:
                return submitDefinition(form, to: ws, ids: &ids)

            case .agendaItem(let id, let insertAt):
                var item = id.flatMap { id in meeting.agenda.first { $0.id == id } } ?? AgendaItem(id: ids.fresh("ag"), title: "")
                item.title = text("title")
                item.owner = text("owner")
                item.timeboxMinutes = Int(text("timebox")) ?? item.timeboxMinutes
                item.notes = form.submittedValue("notes")
                let status = AgendaStatus(rawValue: form.value("status")) ?? item.status
                _ = try ws.saveAgendaItem(item, status: status, at: insertAt, now: now)
                return .applied(ws, label: id == nil ? "add agenda item" : "edit agenda item", pane: .agenda, item: .agenda(item.id))

            case .frictionPoint(let id, _):
                var point = id.flatMap { id in ws.frictionPoints.first { $0.id == id } }
                    ?? FrictionPoint(id: ids.fresh("fp"), title: "", stage: .iqlMql, raisedBy: .sales, opened: today)
                point.title = text("title")
                point.stage = FunnelStage(rawValue: form.value("stage")) ?? point.stage
                point.raisedBy = Side(rawValue: form.value("raisedBy")) ?? point.raisedBy
                point.severity = Int(form.value("severity")) ?? point.severity
                point.owner = text("owner")
                point.mitigation = form.submittedValue("mitigation")
                point.notes = form.submittedValue("notes")
                let status = FrictionStatus(rawValue: form.value("status")) ?? point.status
                try ws.saveFrictionPoint(point, status: status, today: today)
                return .applied(ws, label: id == nil ? "add friction point" : "edit friction point", pane: .friction, item: .friction(point.id))

            case .actionItem(let id, let insertAt):
                var item = id.flatMap { id in meeting.actionItems.first { $0.id == id } } ?? ActionItem(id: ids.fresh("act"), title: "")
                item.title = text("title")
                item.owner = text("owner")
                item.due = CalendarDate(iso: text("due"))
                _ = try ws.saveActionItem(item, at: insertAt)
                return .applied(ws, label: id == nil ? "add action item" : "edit action item", pane: .actions, item: .action(item.id))

            case .decision(let id, let insertAt):
                var decision = id.flatMap { id in meeting.decisions.first { $0.id == id } } ?? Decision(id: ids.fresh("dec"), text: "")
                decision.text = form.submittedValue("text").trimmed
                _ = try ws.saveDecision(decision, at: insertAt)
                return .applied(ws, label: id == nil ? "add decision" : "edit decision", pane: .actions, item: .decision(decision.id))

            case .kpiWeek(let start):
                var week = ws.week(startingOn: start) ?? WeekRecord(id: ids.fresh("wk"), weekStart: start)
                week.marketingSpend = Double(text("spend").replacingCommas) ?? 0
                week.leads = Int(text("leads")) ?? 0
                week.mqls = Int(text("mqls")) ?? 0
                week.sqls = Int(text("sqls")) ?? 0
                week.opportunities = Int(text("opportunities")) ?? 0
                week.won = Int(text("won")) ?? 0
                week.lost = Int(text("lost")) ?? 0
                week.newCustomers = Int(text("newCustomers")) ?? 0
                week.cycleDays = text("cycleDays").split(separator: ",").compactMap { Double(String($0).trimmed) }
                week.sqlsFirstAttemptInSLA = Int(text("inSLA"))
                week.sqlsFullyAttempted = Int(text("fully"))
                try ws.saveWeek(week)
                return .applied(ws, label: "edit KPI inputs", pane: .kpis, item: nil)

            case .saveCopy:
                // Not an edit of the workspace: the reducer hands the path to the runner.
                return .refused(EditError("saving a copy is not an edit"))

            case .team:
                func number(_ key: String) -> Double { Double(text(key).replacingCommas) ?? 0 }
                func whole(_ key: String) -> Int { Int(text(key)) ?? 0 }
                var team = ws.team
                team.name = text("name")
                team.salesReps = whole("reps")
                team.currency = text("currency")
                team.weekStartWeekday = (CalendarDate.weekdayNames.firstIndex(of: form.value("weekday")) ?? (team.weekStartWeekday - 1)) + 1
                team.sla = LeadSLA(leadsPerRepPerMonth: whole("perRep"), firstAttemptBusinessHours: whole("hours"),
                                   attemptsRequired: whole("attempts"), attemptWindowDays: whole("window"))
                let targets = KPITargets(costPerLead: number("cpl"), leadToCustomerRatio: number("l2c") / 100,
                                         closeRate: number("close") / 100, salesCycleDays: number("cycle"))
                try ws.saveTeamSettings(team, targets: targets, meetingMinutes: Int(text("length")))
                return .applied(ws, label: "edit team & targets", pane: .kpis, item: nil)

            case .person:
                return .refused(EditError("a person is saved above"))
            }
        } catch {
            return refusal(error, &form)
        }
    }

    /// A refusal that names one of the form's fields is shown on that field.
    private static func refusal(_ error: EditError, _ form: inout FormState) -> Outcome {
        if let key = error.field, let i = form.fields.firstIndex(where: { $0.key == key }) {
            form.fields[i].error = error.message
            form.focus = i
            return .invalid(form)
        }
        return .refused(error)
    }
}

extension Forms {
    /// Saves a definition or persona form through the model, which records the change in the
    /// current meeting for its minutes.
    static func submitDefinition(_ form: FormState, to ws: Workspace, ids: inout IDPool) -> Outcome {
        var form = form
        var ws = ws
        let agreed = form.value("agreed") == "agreed"
        do {
            switch form.target {
            case .definition(let subject):
                try ws.saveDefinition(subject, Definition(form.submittedValue("text").trimmed, agreed: agreed))
                return .definitionSaved(ws, label: "edit definition", subject: subject)
            case .persona(let id):
                var persona = id.flatMap { id in ws.definitions.personas.first { $0.id == id } } ?? Persona(id: ids.fresh("per"), name: "")
                persona.name = form.value("name").trimmed
                for field in Persona.fields { persona[keyPath: field.path] = form.submittedValue(field.key).trimmed }
                persona.agreed = agreed
                try ws.savePersona(persona)
                return .definitionSaved(ws, label: id == nil ? "add persona" : "edit persona", subject: .persona(id: persona.id))
            default:
                return .refused(EditError("not a definition"))
            }
        } catch {
            if let key = error.field, let i = form.fields.firstIndex(where: { $0.key == key }) {
                form.fields[i].error = error.message
                form.focus = i
                return .invalid(form)
            }
            return .refused(error)
        }
    }
}

/// Number formatting for form fields: what the user typed comes back the same way.
enum FormNumber {
    static func money(_ d: Double) -> String { d == d.rounded() ? String(Int64(d)) : KPIFormat.fixed(d, places: 2) }
    static func number(_ d: Double) -> String { JSONWriter.format(d) }
}

extension String {
    var trimmed: String { trimmingSpaces }

    /// "6,250.50" → "6250.50": thousands separators are allowed in amounts.
    var replacingCommas: String { String(filter { $0 != "," }) }
}
