import SmarketingModel

/// The top row: the app and team names, the meeting's date, timer, chair and attendees, and the
/// clock on the right. Each meeting part has a full and a short form; when room runs out, parts
/// are shortened or dropped in a fixed order (attendees, chair, then the timer and the date) and
/// the team name shrinks last.
struct HeaderBar: Widget {
    enum Timer: Equatable {
        /// Under way: time so far, the planned minutes and the projected end (HH:MM, local).
        case running(elapsedSeconds: Int, plannedMinutes: Int, endsAt: String)
        case ended(elapsedSeconds: Int)
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

    private enum Part { case date, timer, chair, attendees }

    private func forms() -> [Part: (full: String, short: String)] {
        guard let meeting else { return [:] }
        var forms: [Part: (full: String, short: String)] = [:]
        forms[.date] = ("\(String(meeting.date.weekdayName.prefix(3))) \(meeting.date.iso)", String(meeting.date.iso.dropFirst(5)))
        switch meeting.timer {
        case .ended(let elapsed)?:
            let clock = DurationFormat.clock(elapsed)
            forms[.timer] = ("ended after \(clock)", "ended \(clock)")
        case .running(let elapsed, let planned, let endsAt)?:
            let clock = DurationFormat.clock(elapsed)
            forms[.timer] = ("⏱ \(clock) of \(planned) min · ends ~\(endsAt)", "⏱ \(clock)/\(planned)m")
        case nil:
            break
        }
        if !meeting.chair.isEmpty { forms[.chair] = ("chair \(TextSanitizer.visible(meeting.chair))", "chair " + PersonName.short(meeting.chair)) }
        let n = meeting.attendees
        forms[.attendees] = ("\(n) attendee\(n == 1 ? "" : "s")", "\(n) att.")
        return forms
    }

    func draw(into grid: inout Grid, _ rect: Rect) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, role: .header)
        let clockStart = grid.textRight(" \(clock) ", maxX: rect.maxX, y: rect.y, role: .headerAccent, maxWidth: min(7, rect.width))
        let forms = forms()
        var chosen: [Part: String] = forms.mapValues(\.full)
        let reductions: [(Part, Bool)] = [(.attendees, false), (.chair, false), (.attendees, true), (.timer, false),
                                          (.date, false), (.chair, true), (.timer, true), (.date, true)]
        var x = rect.x
        x += grid.text(" smarketing ", x: x, y: rect.y, role: .headerAccent, maxWidth: clockStart - x)
        let team = TextSanitizer.visible(team)
        let room = clockStart - x - 1
        let teamMinimum = min(DisplayWidth.of(team) + 1, 40)
        func width() -> Int { chosen.values.reduce(0) { $0 + DisplayWidth.of($1) + 3 } }
        for (part, drop) in reductions where teamMinimum + width() > room {
            guard let form = forms[part] else { continue }
            chosen[part] = drop ? nil : form.short
        }
        x += grid.text(" " + team, x: x, y: rect.y, role: .header, maxWidth: max(0, room - width()))
        for part in [Part.date, .timer, .chair, .attendees] {
            guard let text = chosen[part] else { continue }
            x += grid.text(" │ " + text, x: x, y: rect.y, role: .header, maxWidth: max(0, clockStart - x - 1))
        }
    }
}
