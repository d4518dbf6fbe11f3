/// Adding and replacing whole items, as the forms do. Each checks its text fields first, so a
/// refusal names the field; the shared validation then checks everything else.
extension Workspace {
    /// Adds the agenda item at `position` (clamped), or replaces the one with its id. A change of
    /// `status` goes through the meeting clock. Returns the item's index in the agenda.
    public mutating func saveAgendaItem(_ item: AgendaItem, status: AgendaStatus, at position: Int, now: Timestamp) throws(EditError) -> Int {
        try Self.checkLine(item.title, field: "title", required: true)
        try Self.checkLine(item.owner, field: "owner")
        try Self.checkLong(item.notes, field: "notes")
        return try edit { (ws: inout Workspace) throws(EditError) -> Int in
            let mi = try ws.currentIndex()
            let index = upsert(item, into: &ws.meetings[mi].agenda, at: position)
            if status != ws.meetings[mi].agenda[index].status {
                MeetingClock.setStatus(status, of: index, in: &ws.meetings[mi], now: now)
            }
            return index
        }
    }

    /// Adds the friction point, or replaces the one with its id. A change of `status` stamps or
    /// clears its resolved date.
    public mutating func saveFrictionPoint(_ point: FrictionPoint, status: FrictionStatus, today: CalendarDate) throws(EditError) {
        try Self.checkLine(point.title, field: "title", required: true)
        try Self.checkLine(point.owner, field: "owner")
        try Self.checkLong(point.mitigation, field: "mitigation")
        try Self.checkLong(point.notes, field: "notes")
        var point = point
        if status != point.status { FrictionLifecycle.set(status, on: &point, today: today) }
        try edit { (ws: inout Workspace) throws(EditError) in
            if let i = ws.frictionPoints.firstIndex(where: { $0.id == point.id }) {
                ws.frictionPoints[i] = point
            } else {
                ws.frictionPoints.append(point)
            }
        }
    }

    /// Adds the action item at `position` (clamped), or replaces the one with its id. Returns its index.
    public mutating func saveActionItem(_ item: ActionItem, at position: Int) throws(EditError) -> Int {
        try Self.checkLine(item.title, field: "title", required: true)
        try Self.checkLine(item.owner, field: "owner")
        return try edit { (ws: inout Workspace) throws(EditError) -> Int in
            let mi = try ws.currentIndex()
            return upsert(item, into: &ws.meetings[mi].actionItems, at: position)
        }
    }

    /// Adds the decision at `position` (clamped), or replaces the one with its id. Returns its index.
    public mutating func saveDecision(_ decision: Decision, at position: Int) throws(EditError) -> Int {
        guard !decision.text.trimmingSpaces.isEmpty else { throw EditError("the decision is required", field: "text") }
        try Self.checkLong(decision.text, field: "text")
        return try edit { (ws: inout Workspace) throws(EditError) -> Int in
            let mi = try ws.currentIndex()
            return upsert(decision, into: &ws.meetings[mi].decisions, at: position)
        }
    }

    /// Adds the week's KPI record, or replaces the one for the same week. Every week must start
    /// on the same weekday as the others.
    public mutating func saveWeek(_ week: WeekRecord) throws(EditError) {
        if let problem = weekStartProblem(week.weekStart) { throw problem }
        try edit { (ws: inout Workspace) throws(EditError) in
            if let i = ws.weeks.firstIndex(where: { $0.weekStart == week.weekStart }) {
                var week = week
                // Imported numbers changed by hand: the provenance says so from now on.
                if var provenance = ws.weeks[i].imported, !week.hasSameNumbers(as: ws.weeks[i]) {
                    provenance.editedByHand = true
                    week.imported = provenance
                }
                ws.weeks[i] = week
            } else {
                ws.weeks.append(week)
                ws.weeks.sort { $0.weekStart < $1.weekStart }
            }
        }
    }

    /// The team's settings, its targets and the current meeting's planned length, from the team
    /// & targets form.
    public mutating func saveTeamSettings(_ team: Team, targets: KPITargets, meetingMinutes: Int?) throws(EditError) {
        try Self.checkLine(team.name, field: "name", required: true)
        guard team.currency.utf8.count == 3, team.currency.utf8.allSatisfy({ (0x41...0x5A).contains($0) }) else {
            throw EditError("the currency is a three-letter code such as USD or EUR", field: "currency")
        }
        if !(1...7).contains(team.weekStartWeekday) { throw EditError("choose a weekday", field: "weekday") }
        if team.weekStartWeekday != self.team.weekStartWeekday, let week = weeks.first {
            let day = CalendarDate.weekdayNames[team.weekStartWeekday - 1]
            throw EditError("the \(weeks.count) KPI week\(weeks.count == 1 ? "" : "s") on record start on a \(week.weekStart.weekdayName), so the weeks cannot start on a \(day) now", field: "weekday")
        }
        try edit { (ws: inout Workspace) throws(EditError) in
            if team.weekStartWeekday != ws.team.weekStartWeekday, let mi = ws.currentMeetingIndex {
                // The meeting reviews the week holding its KPI week's first day, on the new weekday.
                let kpi = ws.meetings[mi].kpiWeek
                ws.meetings[mi].kpiWeek = kpi.adding(days: -((kpi.weekday - team.weekStartWeekday + 7) % 7))
            }
            ws.team = team
            ws.targets = targets
            if let meetingMinutes, let mi = ws.currentMeetingIndex { ws.meetings[mi].lengthMinutes = meetingMinutes }
        }
    }

    /// Stores weeks computed by `smarketing import`, each replacing the record of its week or
    /// added in date order. All or nothing: one week the loader would refuse refuses them all.
    public mutating func storeImportedWeeks(_ weeks: [WeekRecord]) throws(EditError) {
        for week in weeks { if let problem = weekStartProblem(week.weekStart) { throw problem } }
        try edit { (ws: inout Workspace) throws(EditError) in
            for week in weeks {
                if let i = ws.weeks.firstIndex(where: { $0.weekStart == week.weekStart }) {
                    ws.weeks[i] = week
                } else {
                    ws.weeks.append(week)
                }
            }
            ws.weeks.sort { $0.weekStart < $1.weekStart }
        }
    }

    /// The weekday this team's weeks start on (ISO: 1 = Monday).
    public var weekStartWeekday: Int { team.weekStartWeekday }

    /// The start of this file's week that holds `date` (its weeks start on `weekStartWeekday`).
    public func weekStart(holding date: CalendarDate) -> CalendarDate {
        date.adding(days: -((date.weekday - weekStartWeekday + 7) % 7))
    }

    /// Why a KPI record for the week starting on `start` could not be stored (every week in a file
    /// starts on the same weekday), naming the start of the file's week that holds it; nil when it
    /// can be.
    public func weekStartProblem(_ start: CalendarDate) -> EditError? {
        guard start.weekday != weekStartWeekday else { return nil }
        let nearest = weekStart(holding: start)
        return EditError("the week of \(start.iso) starts on a \(start.weekdayName), but this team's weeks start on a \(nearest.weekdayName), such as \(nearest.iso)")
    }

    static func checkLine(_ text: String, field: String, required: Bool = false) throws(EditError) {
        if required && text.trimmingSpaces.isEmpty { throw EditError("the \(field) is required", field: field) }
        if let problem = ModelLimits.textProblem(text, limit: ModelLimits.shortText) { throw EditError("\(field): \(problem)", field: field) }
    }

    static func checkLong(_ text: String, field: String) throws(EditError) {
        if let problem = ModelLimits.textProblem(text, limit: ModelLimits.longText) { throw EditError("\(field): \(problem)", field: field) }
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
