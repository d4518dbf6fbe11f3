import ArgumentParser
import SmarketingModel

struct Smarketing: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "smarketing",
        abstract: "The weekly sales-and-marketing meeting, on one screen.",
        discussion: """
            A workspace is one JSON file holding a team's shared KPIs, its meetings and the friction \
            points in its funnel. Open one with `smarketing FILE`, or use the subcommands below \
            without a screen.

            Examples:
              smarketing init team.json --team "Acme Revenue" --reps 6
              smarketing validate team.json
              smarketing kpis team.json
              smarketing export team.json --out minutes.md
              smarketing present team.json --theme projector
              smarketing new-week team.json
              smarketing import team.json --contacts contacts.csv --deals deals.csv
            """,
        version: "smarketing \(version)",
        subcommands: [Open.self, Present.self, Init.self, Validate.self, KPIs.self, Export.self, NewWeek.self, Import.self],
        defaultSubcommand: Open.self
    )
}

/// Parses an ISO date option, or explains the expected form.
func parseDate(_ text: String, option: String) throws -> CalendarDate {
    guard let date = CalendarDate(iso: text) else {
        throw ValidationError("\(option): expected a date as YYYY-MM-DD (for example 2026-11-23), found '\(TextSanitizer.visible(text))'")
    }
    return date
}

/// Loads a workspace for a subcommand, turning every failure into lines for stderr.
func loadWorkspace(_ path: String) throws -> Workspace {
    do {
        return try MeetingStore(path: path).load()
    } catch {
        throw CLIFailure(error)
    }
}

/// The meeting a subcommand works on: the one on `date`, or the current one.
func selectMeeting(_ workspace: Workspace, on date: CalendarDate?, path: String) throws -> Meeting {
    if let date {
        guard let meeting = workspace.meeting(on: date) else {
            let dates = workspace.meetings.map(\.date.iso).joined(separator: ", ")
            throw CLIFailure(["\(TextSanitizer.visible(path)): no meeting on \(date.iso). Meetings in this file: \(dates)."])
        }
        return meeting
    }
    guard let current = workspace.currentMeeting else {
        throw CLIFailure(["\(TextSanitizer.visible(path)): the workspace has no current meeting."])
    }
    return current
}
