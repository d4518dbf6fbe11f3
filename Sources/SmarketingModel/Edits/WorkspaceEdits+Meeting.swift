/// Edits of the live meeting: quick capture, suggestions, the clock, and closing the week.
extension Workspace {
    /// Adds what a quick-capture line says to the current meeting (or the team's friction points)
    /// and returns the item it made; a note returns nil.
    @discardableResult
    public mutating func apply(_ capture: Capture, ids: inout IDPool, today: CalendarDate) throws(EditError) -> ItemRef? {
        switch capture {
        case .actionItem(let owner, let title, _):
            try Self.checkLine(owner, field: "owner")
            try Self.checkLine(title, field: "title", required: true)
        case .decision(let text):
            try Self.checkLong(text, field: "decision")
        case .frictionPoint(_, let title):
            try Self.checkLine(title, field: "title", required: true)
        case .note:
            break
        }
        return try edit { (ws: inout Workspace) throws(EditError) -> ItemRef? in
            let mi = try ws.currentIndex()
            switch capture {
            case .actionItem(let owner, let title, let due):
                let id = ids.fresh("act")
                ws.meetings[mi].actionItems.append(ActionItem(id: id, title: title, owner: owner, due: due?.date(from: today)))
                return .action(id)
            case .decision(let text):
                let id = ids.fresh("dec")
                ws.meetings[mi].decisions.append(Decision(id: id, text: text))
                return .decision(id)
            case .frictionPoint(let stage, let title):
                let id = ids.fresh("fp")
                ws.frictionPoints.append(FrictionPoint(id: id, title: title, stage: stage, raisedBy: stage.usualRaiser, opened: today))
                return .friction(id)
            case .note(let text):
                let notes = ws.meetings[mi].notes
                let joined = notes.isEmpty ? text : notes + "\n" + text
                if let problem = ModelLimits.textProblem(joined, limit: ModelLimits.longText) {
                    throw EditError("the meeting notes would be too long: \(problem)", field: "notes")
                }
                ws.meetings[mi].notes = joined
                return nil
            }
        }
    }

    /// Turns a suggested friction point into a real one and settles the suggestion for the week.
    /// Returns the new point's id.
    public mutating func accept(_ suggestion: FrictionSuggestion, ids: inout IDPool, today: CalendarDate) throws(EditError) -> String {
        try edit { (ws: inout Workspace) throws(EditError) -> String in
            let mi = try ws.currentIndex()
            guard !ws.meetings[mi].dismissedSuggestions.contains(suggestion.conversion) else { throw Self.gone(.suggestion(suggestion.conversion)) }
            let id = ids.fresh("fp")
            ws.frictionPoints.append(FrictionPoint(id: id, title: suggestion.title, stage: suggestion.stage,
                                                   raisedBy: suggestion.stage.usualRaiser, severity: 2, opened: today))
            ws.meetings[mi].dismissedSuggestions.append(suggestion.conversion)
            return id
        }
    }

    /// Settles a suggestion for the current meeting's week without adding anything.
    public mutating func dismissSuggestion(_ conversion: FunnelConversion) throws(EditError) {
        try edit { (ws: inout Workspace) throws(EditError) in
            let mi = try ws.currentIndex()
            guard !ws.meetings[mi].dismissedSuggestions.contains(conversion) else { throw Self.gone(.suggestion(conversion)) }
            ws.meetings[mi].dismissedSuggestions.append(conversion)
        }
    }

    /// Starts the meeting's clock and the first pending item. Returns false when no item could start.
    @discardableResult
    public mutating func startMeeting(now: Timestamp) throws(EditError) -> Bool {
        try edit { (ws: inout Workspace) throws(EditError) -> Bool in
            MeetingClock.start(&ws.meetings[try ws.currentIndex()], now: now)
        }
    }

    /// Finishes the running item and starts the next pending one; returns its index, or nil when
    /// the agenda is complete.
    @discardableResult
    public mutating func nextAgendaItem(now: Timestamp) throws(EditError) -> Int? {
        try edit { (ws: inout Workspace) throws(EditError) -> Int? in
            MeetingClock.next(&ws.meetings[try ws.currentIndex()], now: now)
        }
    }

    /// Ends the meeting: the running item stops (its time is recorded) and `endedAt` is stamped.
    public mutating func endMeeting(now: Timestamp) throws(EditError) {
        try edit { (ws: inout Workspace) throws(EditError) in
            MeetingClock.end(&ws.meetings[try ws.currentIndex()], now: now)
        }
    }

    /// Closes the current meeting and opens next week's (see `NextWeek.start`).
    public mutating func startNextWeek(on date: CalendarDate? = nil, now: Timestamp, ids: inout IDGenerator) throws(EditError) -> NextWeek.Summary {
        try edit { (ws: inout Workspace) throws(EditError) -> NextWeek.Summary in
            do throws(NextWeek.Failure) {
                return try NextWeek.start(&ws, date: date, now: now, ids: &ids)
            } catch {
                throw EditError(error.description)
            }
        }
    }
}

extension FunnelStage {
    /// Who usually raises a leak at this stage: marketing owns the top of the funnel up to SQLs,
    /// sales the rest. The default for captured and suggested friction points.
    public var usualRaiser: Side { self <= .sql ? .marketing : .sales }
}
