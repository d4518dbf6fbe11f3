/// One weekly smarketing meeting.
public struct Meeting: Equatable, Sendable, Identifiable {
    public var id: String
    public var date: CalendarDate
    /// The start of the KPI week this meeting reviews.
    public var kpiWeek: CalendarDate
    public var chair: String
    /// Who is present. Roster members marked absent are in `absent`.
    public var attendees: [String]
    /// Who was expected and is absent.
    public var absent: [String]
    /// Planned length; the practice is 30 to 60 minutes.
    public var lengthMinutes: Int
    public var notes: String
    public var agenda: [AgendaItem]
    public var decisions: [Decision]
    public var actionItems: [ActionItem]
    /// When the chair started the meeting, if it has started.
    public var startedAt: Timestamp?
    /// When the meeting was closed, if it has been.
    public var endedAt: Timestamp?
    /// Funnel conversions whose suggested friction point was accepted or dismissed for this meeting's
    /// KPI week, so it is not suggested again.
    public var dismissedSuggestions: [FunnelConversion]
    /// The definitions that changed in this meeting, as they stood after the change.
    public var definitionChanges: [DefinitionChange]

    public init(id: String, date: CalendarDate, kpiWeek: CalendarDate, chair: String, attendees: [String] = [],
                lengthMinutes: Int = 45, notes: String = "", agenda: [AgendaItem] = [], decisions: [Decision] = [],
                actionItems: [ActionItem] = [], startedAt: Timestamp? = nil, endedAt: Timestamp? = nil,
                dismissedSuggestions: [FunnelConversion] = [], absent: [String] = [], definitionChanges: [DefinitionChange] = []) {
        self.id = id
        self.date = date
        self.kpiWeek = kpiWeek
        self.chair = chair
        self.attendees = attendees
        self.lengthMinutes = lengthMinutes
        self.notes = notes
        self.agenda = agenda
        self.decisions = decisions
        self.actionItems = actionItems
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.dismissedSuggestions = dismissedSuggestions
        self.absent = absent
        self.definitionChanges = definitionChanges
    }

    /// The sum of the agenda's timeboxes.
    public var plannedMinutes: Int { agenda.reduce(0) { $0 + $1.timeboxMinutes } }
}

/// One item of the standing agenda: what `new-week` puts on every meeting's agenda.
public struct AgendaTemplateItem: Equatable, Sendable {
    public var title: String
    /// Empty: the meeting's chair.
    public var owner: String
    public var timeboxMinutes: Int

    public init(title: String, owner: String = "", timeboxMinutes: Int) {
        self.title = title
        self.owner = owner
        self.timeboxMinutes = timeboxMinutes
    }
}

public struct AgendaItem: Equatable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var owner: String
    public var timeboxMinutes: Int
    public var status: AgendaStatus
    /// Notes taken on the item, and its outcome.
    public var notes: String
    /// Seconds actually spent on the item, accumulated across starts.
    public var actualSeconds: Int
    /// When the item became active, while it is running; stored so a restart mid-meeting loses no time.
    public var startedAt: Timestamp?

    public init(id: String, title: String, owner: String = "", timeboxMinutes: Int = 5,
                status: AgendaStatus = .pending, notes: String = "", actualSeconds: Int = 0, startedAt: Timestamp? = nil) {
        self.id = id
        self.title = title
        self.owner = owner
        self.timeboxMinutes = timeboxMinutes
        self.status = status
        self.notes = notes
        self.actualSeconds = actualSeconds
        self.startedAt = startedAt
    }
}

public enum AgendaStatus: String, CaseIterable, Sendable {
    case pending
    case active
    case done
    case skipped

    /// pending → active → done → pending; skipped returns to pending.
    public var next: AgendaStatus {
        switch self {
        case .pending: return .active
        case .active: return .done
        case .done, .skipped: return .pending
        }
    }
}

public struct Decision: Equatable, Sendable, Identifiable {
    public var id: String
    public var text: String

    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}

public struct ActionItem: Equatable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var owner: String
    public var due: CalendarDate?
    public var done: Bool
    /// How many times the item has been carried over to a later meeting while open.
    public var weeksCarried: Int

    public init(id: String, title: String, owner: String = "", due: CalendarDate? = nil, done: Bool = false, weeksCarried: Int = 0) {
        self.id = id
        self.title = title
        self.owner = owner
        self.due = due
        self.done = done
        self.weeksCarried = weeksCarried
    }

    /// Days past its due date on `day`, or nil when it is done, has no due date or is not late.
    public func daysOverdue(on day: CalendarDate) -> Int? {
        guard !done, let due else { return nil }
        let late = day.days(since: due)
        return late > 0 ? late : nil
    }
}
