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

    /// A workspace with one meeting on `date` and no history yet.
    public static func newWorkspace(team name: String, salesReps: Int, chair: String, date: CalendarDate,
                                    ids: inout IDGenerator) -> Workspace {
        let team = Team(
            name: name, salesReps: salesReps, currency: "USD",
            qualifiedLeadDefinition: "Agree this together: which leads marketing hands to sales, and which sales accepts.")
        let targets = KPITargets(costPerLead: 50, leadToCustomerRatio: 0.02, closeRate: 0.25, salesCycleDays: 45)
        let meeting = newMeeting(on: date, chair: chair, attendees: chair.isEmpty ? [] : [chair], ids: &ids)
        return Workspace(team: team, targets: targets, meetings: [meeting], currentMeetingID: meeting.id)
    }

    /// A meeting on `date` reviewing the week before it, with the standard agenda.
    public static func newMeeting(on date: CalendarDate, chair: String, attendees: [String], ids: inout IDGenerator) -> Meeting {
        let agenda = standardAgenda.map { AgendaItem(id: ids.next("ag"), title: $0.title, owner: chair, timeboxMinutes: $0.minutes) }
        return Meeting(id: ids.next("mtg"), date: date, kpiWeek: date.startOfISOWeek.adding(days: -7), chair: chair,
                       attendees: attendees, lengthMinutes: 45, agenda: agenda)
    }
}
