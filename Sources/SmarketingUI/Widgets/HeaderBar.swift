import SmarketingModel

/// The top row: the app and team names, the meeting's date, timer, chair and attendees, and the
/// clock on the right. Each meeting part has a full and a short form; when room runs out, parts
/// are shortened or dropped in a fixed order (attendees, chair, then the timer and the date) and
/// the team name shrinks last.
struct HeaderBar: Widget {
    enum Timer: Equatable {
        /// Under way: time so far against the meeting's planned length, the agenda's total, and
        /// the projected end (HH:MM, local).
        case running(elapsedSeconds: Int, lengthMinutes: Int, agendaMinutes: Int, endsAt: String)
        /// Over: when it ended (HH:MM, local) and how long it took against its planned length.
        case ended(at: String, elapsedSeconds: Int, lengthMinutes: Int)
    }

    struct MeetingLine: Equatable {
        var date: CalendarDate
        /// Nil before the meeting starts.
        var timer: Timer?
        var chair: String
        var attendees: Int
    }

    var team: String
    /// The local time, HH:MM.
    var clock: String
    /// Nil when the workspace has no current meeting.
    var meeting: MeetingLine?
    /// How the chair's name shortens when room runs out.
    var names = NameStyle(people: [])

    private enum Part { case date, timer, chair, attendees }

    /// Each part's forms, longest first.
    private func forms() -> [Part: [String]] {
        guard let meeting else { return [:] }
        var forms: [Part: [String]] = [:]
        forms[.date] = ["\(String(meeting.date.weekdayName.prefix(3))) \(meeting.date.iso)", String(meeting.date.iso.dropFirst(5))]
        switch meeting.timer {
        case .ended(let at, let elapsed, let length)?:
            forms[.timer] = ["ended \(at) · \(elapsed / 60) of \(length) min", "ended \(at)"]
        case .running(let elapsed, let length, let agenda, let endsAt)?:
            let clock = DurationFormat.clock(elapsed)
            forms[.timer] = ["◷ \(clock) of \(length) min · agenda \(agenda) min · ends ~\(endsAt)",
                             "◷ \(clock) of \(length) min · ends ~\(endsAt)", "◷ \(clock)/\(length)m"]
        case nil:
            break
        }
        if !meeting.chair.isEmpty { forms[.chair] = ["chair \(TextSanitizer.visible(meeting.chair))", "chair " + TextSanitizer.visible(names.short(meeting.chair))] }
        let n = meeting.attendees
        forms[.attendees] = ["\(n) attendee\(n == 1 ? "" : "s")", "\(n) att."]
        return forms
    }

    func draw(into grid: inout Grid, _ rect: Rect) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, role: .header)
        let clockStart = grid.textRight(" \(clock) ", maxX: rect.maxX, y: rect.y, role: .headerAccent, maxWidth: min(7, rect.width))
        let forms = forms()
        var chosen: [Part: String] = forms.compactMapValues(\.first)
        var level: [Part: Int] = [:]
        // Shortened or dropped in this order; the team name gives way before the chair, so the
        // chair's name stays while the timer runs.
        enum Step { case shorten(Part), drop(Part), shrinkTeam(Int) }
        let steps: [Step] = [.shorten(.attendees), .shorten(.chair), .drop(.attendees), .shorten(.timer), .shorten(.date), .shorten(.timer),
                             .shrinkTeam(24), .shrinkTeam(12), .drop(.date), .drop(.timer), .drop(.chair)]
        var x = rect.x
        x += grid.text(" smarketing ", x: x, y: rect.y, role: .headerAccent, maxWidth: clockStart - x)
        let team = TextSanitizer.visible(team)
        let room = clockStart - x - 1
        var teamMinimum = min(DisplayWidth.of(team) + 1, 40)
        func width() -> Int { chosen.values.reduce(0) { $0 + DisplayWidth.of($1) + 3 } }
        for step in steps where teamMinimum + width() > room {
            switch step {
            case .shorten(let part):
                guard let options = forms[part], chosen[part] != nil else { continue }
                let next = min(options.count - 1, (level[part] ?? 0) + 1)
                level[part] = next
                chosen[part] = options[next]
            case .drop(let part): chosen[part] = nil
            case .shrinkTeam(let columns): teamMinimum = min(teamMinimum, columns)
            }
        }
        x += grid.text(" " + team, x: x, y: rect.y, role: .header, maxWidth: max(0, room - width()))
        for part in [Part.date, .timer, .chair, .attendees] {
            guard let text = chosen[part] else { continue }
            x += grid.text(" │ " + text, x: x, y: rect.y, role: .header, maxWidth: max(0, clockStart - x - 1))
        }
    }
}
