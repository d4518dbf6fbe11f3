/// New workspaces and new meetings, laid out as the practice recommends.
public enum WorkspaceTemplate {
    /// The standard agenda: the meeting opens with last week's action items, then the numbers,
    /// then the funnel's friction points. Titles and timeboxes in minutes.
    public static let standardAgenda: [(title: String, minutes: Int)] = [
        ("Review last week's action items", 10),
        ("KPI review: cost per lead, lead-to-customer, close rate, sales cycle", 10),
        ("Friction points: where the funnel leaks", 15),
        ("Qualified-lead definition and SLA check", 5),
        ("Decisions and new action items", 5),
    ]

    /// What `smarketing init` can set up front; the defaults are the usual practice.
    public struct Setup: Sendable {
        public var team: String
        public var salesReps: Int
        public var chair: String
        public var date: CalendarDate
        public var currency = "USD"
        /// Who attends this first meeting (the chair is added when missing).
        public var attendees: [String] = []
        /// ISO weekday the KPI weeks start on (1 = Monday).
        public var weekStartWeekday = 1
        public var meetingMinutes = 45
        public var targets = KPITargets(costPerLead: 50, leadToCustomerRatio: 0.02, closeRate: 0.25, salesCycleDays: 45)

        public init(team: String, salesReps: Int, chair: String, date: CalendarDate) {
            self.team = team
            self.salesReps = salesReps
            self.chair = chair
            self.date = date
        }
    }

    /// A workspace with one meeting on `date` and no history yet.
    public static func newWorkspace(team name: String, salesReps: Int, chair: String, date: CalendarDate,
                                    ids: inout IDGenerator) -> Workspace {
        newWorkspace(Setup(team: name, salesReps: salesReps, chair: chair, date: date), ids: &ids)
    }

    /// A workspace as `setup` describes it, with one meeting and no history yet.
    public static func newWorkspace(_ setup: Setup, ids: inout IDGenerator) -> Workspace {
        let team = Team(
            name: setup.team, salesReps: setup.salesReps, currency: setup.currency,
            qualifiedLeadDefinition: "Agree this together: which leads marketing hands to sales, and which sales accepts.")
        var attendees = setup.attendees
        if !setup.chair.isEmpty && !attendees.contains(setup.chair) { attendees.insert(setup.chair, at: 0) }
        var meeting = newMeeting(on: setup.date, chair: setup.chair, attendees: attendees, ids: &ids)
        meeting.lengthMinutes = setup.meetingMinutes
        // The week the first meeting reviews: the one before the meeting's, starting on the team's weekday.
        let lastWeek = setup.date.adding(days: -7)
        meeting.kpiWeek = lastWeek.adding(days: -((lastWeek.weekday - setup.weekStartWeekday + 7) % 7))
        return Workspace(team: team, targets: setup.targets, meetings: [meeting], currentMeetingID: meeting.id)
    }

    /// A meeting on `date` reviewing the week before it, with the standard agenda.
    public static func newMeeting(on date: CalendarDate, chair: String, attendees: [String], ids: inout IDGenerator) -> Meeting {
        let agenda = standardAgenda.map { AgendaItem(id: ids.next("ag"), title: $0.title, owner: chair, timeboxMinutes: $0.minutes) }
        return Meeting(id: ids.next("mtg"), date: date, kpiWeek: date.startOfISOWeek.adding(days: -7), chair: chair,
                       attendees: attendees, lengthMinutes: 45, agenda: agenda)
    }
}
