/// Closing this week's meeting and opening next week's.
public enum NextWeek {
    public struct Summary: Equatable, Sendable {
        public var closed: Meeting
        public var opened: Meeting
        public var carriedOver: Int
        /// Agenda items left pending or skipped that were carried to the new agenda.
        public var carriedAgenda: Int
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case dateNotAfter(CalendarDate, current: CalendarDate)
        case dateTaken(CalendarDate)

        public var description: String {
            switch self {
            case .dateNotAfter(let d, let current): return "the new meeting's date \(d.iso) must be after the current meeting's \(current.iso)"
            case .dateTaken(let d): return "there is already a meeting on \(d.iso)"
            }
        }
    }

    /// Closes the current meeting (stopping any running item) and adds the next one: on `date`
    /// (default a week later), reviewing the KPI week after the current one, with the team's
    /// standing agenda, then the agenda items left pending or skipped, everyone on the roster
    /// expected (the chair marks who is absent), and the open action items carried over (`weeksCarried` + 1, fresh ids). Unresolved
    /// friction points belong to the team and simply stay. The closed meeting stays in the history.
    public static func start(_ ws: inout Workspace, date: CalendarDate? = nil, now: Timestamp, ids: inout IDGenerator) throws(Failure) -> Summary {
        guard let ci = ws.currentMeetingIndex else { throw .dateTaken(date ?? CalendarDate(dayNumber: 0)) }
        var current = ws.meetings[ci]
        let newDate = date ?? current.date.adding(days: 7)
        guard newDate > current.date else { throw .dateNotAfter(newDate, current: current.date) }
        guard ws.meeting(on: newDate) == nil else { throw .dateTaken(newDate) }

        MeetingClock.end(&current, now: now)
        ws.meetings[ci] = current

        var taken = ws.allIDs
        func fresh(_ prefix: String) -> String {
            let id = ids.next(prefix, avoiding: taken)
            taken.insert(id)
            return id
        }
        // The standing agenda, then the items this meeting did not reach.
        var agenda = ws.agendaTemplate.map {
            AgendaItem(id: fresh("ag"), title: $0.title, owner: $0.owner.isEmpty ? current.chair : $0.owner, timeboxMinutes: $0.timeboxMinutes)
        }
        let standing = Set(ws.agendaTemplate.map(\.title))
        for item in current.agenda where (item.status == .pending || item.status == .skipped) && !standing.contains(item.title) {
            agenda.append(AgendaItem(id: fresh("ag"), title: item.title, owner: item.owner, timeboxMinutes: item.timeboxMinutes, notes: item.notes))
        }
        let carried = current.actionItems.filter { !$0.done }.map {
            ActionItem(id: fresh("act"), title: $0.title, owner: $0.owner, due: $0.due, done: false, weeksCarried: ModelLimits.saturate($0.weeksCarried + 1, ModelLimits.weeksCarried))
        }
        let next = Meeting(id: fresh("mtg"), date: newDate, kpiWeek: current.kpiWeek.adding(days: 7), chair: current.chair,
                           attendees: ws.people.isEmpty ? current.attendees : ws.people.map(\.name), lengthMinutes: current.lengthMinutes, agenda: agenda,
                           actionItems: carried)
        ws.meetings.append(next)
        ws.meetings.sort { $0.date < $1.date }
        ws.currentMeetingID = next.id
        return Summary(closed: current, opened: next, carriedOver: carried.count, carriedAgenda: next.agenda.count - ws.agendaTemplate.count)
    }
}
