/// One team's whole workspace: the file a chair opens. Every screen reads this one value.
public struct Workspace: Equatable, Sendable {
    /// The version of the file format this program writes.
    /// Version 2 added the roster (`people`), `definitions`, `agendaTemplate`, `team.weekStartsOn`
    /// and each meeting's `absent` and `definitionChanges`; version 1 files still load.
    public static let currentSchemaVersion = 2

    public var team: Team
    public var targets: KPITargets
    /// Weekly KPI records, oldest first.
    public var weeks: [WeekRecord]
    public var frictionPoints: [FrictionPoint]
    /// Every meeting, oldest first. All but the current one are archived.
    public var meetings: [Meeting]
    public var currentMeetingID: String
    /// The roster: who owns items and attends.
    public var people: [Person]
    /// The team's agreed definitions; they carry over every week.
    public var definitions: Definitions
    /// The standing agenda `new-week` starts each meeting from.
    public var agendaTemplate: [AgendaTemplateItem]

    public init(team: Team, targets: KPITargets, weeks: [WeekRecord] = [], frictionPoints: [FrictionPoint] = [],
                meetings: [Meeting], currentMeetingID: String, people: [Person] = [],
                definitions: Definitions = Definitions(), agendaTemplate: [AgendaTemplateItem] = WorkspaceTemplate.standardAgendaTemplate) {
        self.team = team
        self.targets = targets
        self.weeks = weeks
        self.frictionPoints = frictionPoints
        self.meetings = meetings
        self.currentMeetingID = currentMeetingID
        self.people = people
        self.definitions = definitions
        self.agendaTemplate = agendaTemplate
    }

    /// The index of the current meeting. Validation guarantees it exists in a loaded workspace.
    public var currentMeetingIndex: Int? { meetings.firstIndex { $0.id == currentMeetingID } }

    public var currentMeeting: Meeting? {
        guard let i = currentMeetingIndex else { return nil }
        return meetings[i]
    }

    /// The meeting held on `date`, if any.
    public func meeting(on date: CalendarDate) -> Meeting? { meetings.first { $0.date == date } }

    /// The KPI record for the week starting on `date`, if any.
    public func week(startingOn date: CalendarDate) -> WeekRecord? { weeks.first { $0.weekStart == date } }

    /// Every id in use, for generating fresh ones.
    public var allIDs: Set<String> {
        var ids: Set<String> = []
        for w in weeks { ids.insert(w.id) }
        for f in frictionPoints { ids.insert(f.id) }
        for p in definitions.personas { ids.insert(p.id) }
        for m in meetings {
            ids.insert(m.id)
            for a in m.agenda { ids.insert(a.id) }
            for d in m.decisions { ids.insert(d.id) }
            for a in m.actionItems { ids.insert(a.id) }
        }
        return ids
    }
}
