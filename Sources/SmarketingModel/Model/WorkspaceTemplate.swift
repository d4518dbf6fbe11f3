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

    /// The standard agenda as a team's standing agenda, with the chair as every item's owner.
    public static let standardAgendaTemplate: [AgendaTemplateItem] = standardAgenda.map {
        AgendaTemplateItem(title: $0.title, timeboxMinutes: $0.minutes)
    }

    /// Starting text for a new team's definitions, taken from common smarketing practice and
    /// marked as drafts: the team edits them and marks each agreed. The SLA's words use `sla`.
    public static func starterDefinitions(sla: LeadSLA, personaID: String) -> Definitions {
        Definitions(
            idealLead: Definition("A company that fits our best customers: the industry, size and region we win most often, with a buyer who has the problem we solve, the budget to fix it and a reason to act this quarter. Draft: replace with your own profile."),
            personas: [Persona(
                id: personaID, name: "Operations lead",
                role: "Runs operations at a 50 to 500 person company; signs off on tools up to a set budget.",
                goals: "Fewer manual steps, numbers the board trusts, a team that is not firefighting.",
                pains: "Data spread across spreadsheets; reports that take days; tools nobody adopts.",
                objections: "No time to switch; past rollouts failed; the price before the value is clear.",
                whereTheyLook: "Peers and communities, review sites, vendor comparisons, LinkedIn, webinars.")],
            lead: Definition("Anyone who gives us their contact details in exchange for something of value: a form, a trial, a download, an event scan."),
            mql: Definition("A lead that fits the ideal-lead profile and has shown intent to buy: asked for a demo or a price, or reached the agreed lead score. Marketing hands it to sales."),
            sql: Definition("An MQL that sales has accepted after a first conversation: a real need, someone who can buy or sway the purchase, and a time frame. Sales accepts or returns each MQL with a reason."),
            opportunity: Definition("An SQL with a deal in the CRM: need, budget, decision maker and timing confirmed, an amount and an expected close date."),
            sla: Definition(slaInWords(sla)))
    }

    /// The SLA's numbers in a sentence.
    public static func slaInWords(_ sla: LeadSLA) -> String {
        "Marketing delivers \(sla.leadsPerRepPerMonth) qualified leads per sales rep per month. Sales makes a first attempt on each within \(sla.firstAttemptBusinessHours) business hours, and \(sla.attemptsRequired) attempts within \(sla.attemptWindowDays) days before returning a lead to marketing with a reason."
    }

    /// What `smarketing init` can set up front; the defaults are the usual practice.
    public struct Setup: Sendable {
        public var team: String
        public var salesReps: Int
        public var chair: String
        public var date: CalendarDate
        public var currency = "USD"
        /// Who attends this first meeting (the chair is added when missing); they also make up the roster.
        public var attendees: [Person] = []
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
        let team = Team(name: setup.team, salesReps: setup.salesReps, currency: setup.currency,
                        weekStartWeekday: setup.weekStartWeekday)
        var roster: [Person] = []
        for person in [Person(name: setup.chair)] + setup.attendees {
            let name = person.name.trimmingSpaces
            guard !name.isEmpty else { continue }
            if let i = roster.firstIndex(where: { $0.name == name }) {
                if person.team != .other { roster[i].team = person.team }
            } else {
                roster.append(Person(name: name, team: person.team, shortName: person.shortName))
            }
        }
        let attendees = roster.map(\.name)
        var meeting = newMeeting(on: setup.date, chair: setup.chair, attendees: attendees, ids: &ids)
        meeting.lengthMinutes = setup.meetingMinutes
        // The week the first meeting reviews: the one before the meeting's, starting on the team's weekday.
        let lastWeek = setup.date.adding(days: -7)
        meeting.kpiWeek = lastWeek.adding(days: -((lastWeek.weekday - setup.weekStartWeekday + 7) % 7))
        let definitions = starterDefinitions(sla: team.sla, personaID: ids.next("per"))
        return Workspace(team: team, targets: setup.targets, meetings: [meeting], currentMeetingID: meeting.id,
                         people: roster, definitions: definitions)
    }

    /// A meeting on `date` reviewing the week before it, with the standard agenda.
    public static func newMeeting(on date: CalendarDate, chair: String, attendees: [String], ids: inout IDGenerator) -> Meeting {
        let agenda = standardAgenda.map { AgendaItem(id: ids.next("ag"), title: $0.title, owner: chair, timeboxMinutes: $0.minutes) }
        return Meeting(id: ids.next("mtg"), date: date, kpiWeek: date.startOfISOWeek.adding(days: -7), chair: chair,
                       attendees: attendees, lengthMinutes: 45, agenda: agenda)
    }
}
