import SmarketingModel

/// The live meeting: the clock, suggestions from the numbers, and closing the week.
extension Reducer {
    static func startMeeting(_ state: inout AppState) -> [Effect] {
        let now = state.now
        guard let (started, effects) = edit(&state, label: "start meeting", { (ws, _) throws(EditError) in
            try ws.startMeeting(now: now)
        }) else { return [] }
        state.banner = Banner(started ? "Meeting started. n moves to the next item." : "Nothing to start: no pending agenda items.",
                              expires: state.now.adding(seconds: 5))
        selectRunningItem(&state)
        return effects
    }

    static func nextItem(_ state: inout AppState) -> [Effect] {
        let now = state.now
        guard let (active, effects) = edit(&state, label: "next item", { (ws, _) throws(EditError) in
            try ws.nextAgendaItem(now: now)
        }) else { return [] }
        let title = active.flatMap { state.meeting?.agenda.indices.contains($0) == true ? state.meeting?.agenda[$0].title : nil }
        state.banner = Banner(title.map { "Now: \($0)" } ?? "Agenda complete. E ends the meeting; W starts next week's.", expires: state.now.adding(seconds: 5))
        if let active { state.selection[.agenda] = active }
        return effects
    }

    /// E: the clock stops, the running item's time is recorded and the end is stamped.
    static func endMeeting(_ state: inout AppState) -> [Effect] {
        guard let meeting = state.meeting else {
            state.banner = Banner("There is no current meeting.", expires: state.now.adding(seconds: 3))
            return []
        }
        if meeting.startedAt == nil {
            state.banner = Banner("The meeting has not started; s starts it.", expires: state.now.adding(seconds: 4))
            return []
        }
        if let ended = meeting.endedAt {
            state.banner = Banner("The meeting already ended at \(DashboardScreen.localClock(ended, utcOffset: state.utcOffset)).", expires: state.now.adding(seconds: 4))
            return []
        }
        let now = state.now
        guard let (_, effects) = edit(&state, label: "end meeting", { (ws, _) throws(EditError) in
            try ws.endMeeting(now: now)
        }) else { return [] }
        if let ended = state.meeting, let end = ended.endedAt {
            let minutes = (MeetingClock.meetingElapsed(ended, now: now) ?? 0) / 60
            state.banner = Banner("Meeting ended at \(DashboardScreen.localClock(end, utcOffset: state.utcOffset)) after \(minutes) of \(ended.lengthMinutes) min. W starts next week's.",
                                  expires: state.now.adding(seconds: 8))
        }
        return effects
    }

    static func selectRunningItem(_ state: inout AppState) {
        if let active = state.meeting?.agenda.firstIndex(where: { $0.status == .active }) {
            state.selection[.agenda] = active
        }
    }

    /// The suggestion A and X act on: the selected one when the chair is on a suggestion row,
    /// else the first.
    static func targetSuggestion(_ state: AppState) -> FrictionSuggestion? {
        if state.focus == .friction, case .suggestion(let conversion)? = state.selectedItem(in: .friction),
           let chosen = state.suggestions.first(where: { $0.conversion == conversion }) {
            return chosen
        }
        return state.suggestions.first
    }

    static func acceptSuggestion(_ state: inout AppState) -> [Effect] {
        guard let suggestion = targetSuggestion(state) else {
            state.banner = Banner("No suggested friction points this week.", expires: state.now.adding(seconds: 3))
            return []
        }
        let today = state.today
        guard let (id, effects) = edit(&state, label: "accept suggestion", { (ws, st) throws(EditError) in
            try ws.accept(suggestion, ids: &st.ids, today: today)
        }) else { return [] }
        state.select(.friction(id), focus: true)
        state.focus = .friction
        state.banner = Banner("Added to friction points (\(suggestion.stage.title)). Enter edits it.", expires: state.now.adding(seconds: 5))
        return effects
    }

    static func dismissSuggestion(_ state: inout AppState) -> [Effect] {
        guard let suggestion = targetSuggestion(state) else {
            state.banner = Banner("No suggested friction points this week.", expires: state.now.adding(seconds: 3))
            return []
        }
        guard let (_, effects) = edit(&state, label: "dismiss suggestion", { (ws, _) throws(EditError) in
            try ws.dismissSuggestion(suggestion.conversion)
        }) else { return [] }
        if let week = state.meeting?.kpiWeek {
            state.banner = Banner("Dismissed for the week of \(week.iso). u brings it back.", expires: state.now.adding(seconds: 5))
        }
        return effects
    }

    static func startNextWeek(_ state: inout AppState) -> [Effect] {
        let now = state.now
        guard let (summary, effects) = edit(&state, label: "start next week", refusal: { "Cannot start next week: \($0.message)." }, { (ws, st) throws(EditError) in
            let summary = try ws.startNextWeek(now: now, ids: &st.ids.generator)
            st.ids.reserve(ws.allIDs)
            return summary
        }) else { return [] }
        state.selection = [:]
        state.scroll = [:]
        state.focus = .agenda
        state.banner = Banner("Closed \(summary.closed.date.iso); started \(summary.opened.date.iso) with \(summary.carriedOver) action item\(summary.carriedOver == 1 ? "" : "s") carried over.", expires: state.now.adding(seconds: 8))
        return effects
    }
}
