import SmarketingModel

/// Building forms from the model, validating them field by field, and applying them. Nothing
/// invalid reaches the model: `apply` either returns a new workspace or the form with messages.
public enum Forms {
    static let stageOptions = FunnelStage.allCases.map(\.rawValue)
    static let sideOptions = Side.allCases.map(\.rawValue)
    static let frictionStatusOptions = FrictionStatus.allCases.map(\.rawValue)
    static let agendaStatusOptions = AgendaStatus.allCases.map(\.rawValue)

    // MARK: building

    public static func form(for target: FormTarget, in ws: Workspace) -> FormState {
        let meeting = ws.currentMeeting
        switch target {
        case .agendaItem(let id, _):
            let item = id.flatMap { id in meeting?.agenda.first { $0.id == id } }
            return FormState(target: target, title: item == nil ? "New agenda item" : "Edit agenda item", fields: [
                FormField("title", "Title", text: item?.title ?? ""),
                FormField("owner", "Owner", text: item?.owner ?? (meeting?.chair ?? "")),
                FormField("timebox", "Timebox (min)", text: String(item?.timeboxMinutes ?? 5), hint: "whole minutes, 0 to 480"),
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
                FormField("owner", "Owner", text: point?.owner ?? ""),
                FormField("mitigation", "Mitigation", text: point?.mitigation ?? ""),
            ])
        case .actionItem(let id, _):
            let item = id.flatMap { id in meeting?.actionItems.first { $0.id == id } }
            return FormState(target: target, title: item == nil ? "New action item" : "Edit action item", fields: [
                FormField("title", "Title", text: item?.title ?? ""),
                FormField("owner", "Owner", text: item?.owner ?? ""),
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
        }
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
        let value = field.value.trimmed
        switch (form.target, field.key) {
        case (_, "title"), (.decision, "text"):
            if value.isEmpty { return "required" }
            if value.utf8.count > 1_000 { return "at most 1000 bytes" }
        case (_, "owner"):
            if value.utf8.count > 1_000 { return "at most 1000 bytes" }
        case (.agendaItem, "timebox"):
            guard let n = Int(value), (0...480).contains(n) else { return "use a whole number of minutes from 0 to 480" }
        case (.actionItem, "due"):
            if !value.isEmpty && CalendarDate(iso: value) == nil { return "use YYYY-MM-DD, e.g. \(sampleDate(ws))" }
        case (.kpiWeek, "spend"):
            guard let d = Double(value.replacingCommas), d.isFinite, d >= 0, d <= 1e12 else { return "use an amount ≥ 0, e.g. 6250.50" }
        case (.kpiWeek, "cycleDays"):
            if value.isEmpty { return nil }
            let parts = value.split(separator: ",").map { String($0).trimmed }
            if parts.contains(where: { Double($0).map { !$0.isFinite || $0 < 0 || $0 > 3650 } ?? true }) {
                return "use numbers of days ≥ 0 separated by commas, e.g. 30, 42"
            }
        case (.kpiWeek, "inSLA"), (.kpiWeek, "fully"):
            if value.isEmpty { return nil }
            guard let n = Int(value), n >= 0 else { return "use a whole number ≥ 0, or leave empty" }
            if let sqls = Int(form.value("sqls").trimmed), n > sqls { return "cannot be more than the \(sqls) SQLs" }
        case (.kpiWeek, _):
            guard let n = Int(value), (0...1_000_000_000).contains(n) else { return "use a whole number ≥ 0" }
        default:
            break
        }
        if field.key == "notes" || field.key == "mitigation" || field.key == "text" {
            if value.utf8.count > 100_000 { return "at most 100000 bytes" }
        }
        return nil
    }

    private static func sampleDate(_ ws: Workspace) -> String {
        (ws.currentMeeting?.date.adding(days: 7) ?? CalendarDate(year: 2026, month: 11, day: 30)!).iso
    }

    // MARK: applying

    /// The outcome of submitting a form.
    public enum Outcome: Sendable {
        /// The new workspace, a label for undo, and where the edited item now sits in its pane.
        case applied(Workspace, label: String, pane: PaneID, selection: Int?)
        case invalid(FormState)
    }

    /// `newID` makes a fresh id with a prefix; the caller keeps track of the ids in use.
    public static func submit(_ form: FormState, to ws: Workspace, newID: (String) -> String, now: Timestamp, today: CalendarDate) -> Outcome {
        var form = form
        guard validate(&form, in: ws) else { return .invalid(form) }
        guard var meeting = ws.currentMeeting, let mi = ws.currentMeetingIndex else { return .invalid(form) }
        var ws = ws
        func text(_ key: String) -> String { form.value(key).trimmed }

        switch form.target {
        case .agendaItem(let id, let insertAt):
            var item = id.flatMap { id in meeting.agenda.first { $0.id == id } }
                ?? AgendaItem(id: newID("ag"), title: "")
            item.title = text("title")
            item.owner = text("owner")
            item.timeboxMinutes = Int(text("timebox")) ?? item.timeboxMinutes
            let status = AgendaStatus(rawValue: form.value("status")) ?? item.status
            item.notes = form.value("notes")
            let index = upsert(item, into: &meeting.agenda, at: insertAt)
            if status != meeting.agenda[index].status {
                MeetingClock.setStatus(status, of: index, in: &meeting, now: now)
            }
            ws.meetings[mi] = meeting
            return .applied(ws, label: id == nil ? "add agenda item" : "edit agenda item", pane: .agenda, selection: index)

        case .frictionPoint(let id, _):
            var point = id.flatMap { id in ws.frictionPoints.first { $0.id == id } }
                ?? FrictionPoint(id: newID("fp"), title: "", stage: .iqlMql, raisedBy: .sales, opened: today)
            point.title = text("title")
            point.stage = FunnelStage(rawValue: form.value("stage")) ?? point.stage
            point.raisedBy = Side(rawValue: form.value("raisedBy")) ?? point.raisedBy
            point.severity = Int(form.value("severity")) ?? point.severity
            let status = FrictionStatus(rawValue: form.value("status")) ?? point.status
            if status != point.status { FrictionLifecycle.set(status, on: &point, today: today) }
            point.owner = text("owner")
            point.mitigation = form.value("mitigation")
            if let existing = ws.frictionPoints.firstIndex(where: { $0.id == point.id }) {
                ws.frictionPoints[existing] = point
            } else {
                ws.frictionPoints.append(point)
            }
            let order = PaneRows.frictionItems(ws, showResolved: true)
            let selection = ws.frictionPoints.firstIndex { $0.id == point.id }.flatMap { order.firstIndex(of: $0) }
            return .applied(ws, label: id == nil ? "add friction point" : "edit friction point", pane: .friction, selection: selection)

        case .actionItem(let id, let insertAt):
            var item = id.flatMap { id in meeting.actionItems.first { $0.id == id } }
                ?? ActionItem(id: newID("act"), title: "")
            item.title = text("title")
            item.owner = text("owner")
            item.due = CalendarDate(iso: text("due"))
            let index = upsert(item, into: &meeting.actionItems, at: insertAt)
            ws.meetings[mi] = meeting
            return .applied(ws, label: id == nil ? "add action item" : "edit action item", pane: .actions, selection: index)

        case .decision(let id, let insertAt):
            var decision = id.flatMap { id in meeting.decisions.first { $0.id == id } }
                ?? Decision(id: newID("dec"), text: "")
            decision.text = text("text")
            let index = upsert(decision, into: &meeting.decisions, at: insertAt)
            ws.meetings[mi] = meeting
            return .applied(ws, label: id == nil ? "add decision" : "edit decision", pane: .actions, selection: meeting.actionItems.count + index)

        case .kpiWeek(let start):
            var week = ws.week(startingOn: start) ?? WeekRecord(id: newID("wk"), weekStart: start)
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
            if let existing = ws.weeks.firstIndex(where: { $0.weekStart == start }) {
                ws.weeks[existing] = week
            } else {
                ws.weeks.append(week)
                ws.weeks.sort { $0.weekStart < $1.weekStart }
            }
            return .applied(ws, label: "edit KPI inputs", pane: .kpis, selection: nil)
        }
    }
}

/// Replaces the element with the same id, or inserts it at `position` (clamped). Returns its index.
func upsert<T: Identifiable>(_ element: T, into array: inout [T], at position: Int) -> Int where T.ID == String {
    if let existing = array.firstIndex(where: { $0.id == element.id }) {
        array[existing] = element
        return existing
    }
    let index = min(max(0, position), array.count)
    array.insert(element, at: index)
    return index
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
