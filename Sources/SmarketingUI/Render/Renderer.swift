import SmarketingModel

/// A rendered screen: the cells, and where the terminal cursor should sit (nil: hidden).
public struct Frame: Equatable, Sendable {
    public var grid: Grid
    public var cursor: (x: Int, y: Int)?

    public static func == (a: Frame, b: Frame) -> Bool {
        a.grid == b.grid && a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y
    }
}

/// Draws the whole dashboard. A pure function of the state: same state, same frame.
public enum Renderer {
    public static func render(_ state: AppState) -> Frame {
        var grid = Grid(size: state.size)
        guard state.size.width > 0, state.size.height > 0 else { return Frame(grid: grid, cursor: nil) }
        if state.isTooSmall {
            drawTooSmall(state, &grid)
            return Frame(grid: grid, cursor: nil)
        }
        let layout = Layout.compute(size: state.size, zoomed: state.zoomed ? state.focus : nil)
        drawHeader(state, layout.header, &grid)
        for (pane, rect) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let focused = pane == state.focus
            switch pane {
            case .kpis: KPIPane.draw(state, rect, focused: focused, wide: layout.isWide, &grid)
            case .agenda: ListPanes.drawAgenda(state, rect, focused: focused, &grid)
            case .friction: ListPanes.drawFriction(state, rect, focused: focused, &grid)
            case .actions: ListPanes.drawActions(state, rect, focused: focused, &grid)
            }
        }
        drawStatusBar(state, layout.status, &grid)
        var cursor: (x: Int, y: Int)?
        switch state.mode {
        case .form(let form): cursor = Overlays.drawForm(form, state, &grid)
        case .help(let scroll): Overlays.drawHelp(scroll: scroll, state, &grid)
        case .confirmQuit: Overlays.drawConfirmQuit(state, &grid)
        case .confirmNewWeek: Overlays.drawConfirmNewWeek(state, &grid)
        case .capture(let editor, let completions): cursor = Overlays.drawCapture(editor, completions: completions, state, &grid)
        case .conflict(let theirs, let viewing): Overlays.drawConflict(theirs: theirs, viewing: viewing, state, &grid)
        case .normal, .quitting: break
        }
        return Frame(grid: grid, cursor: cursor)
    }

    // MARK: header

    static func drawHeader(_ state: AppState, _ rect: Rect, _ grid: inout Grid) {
        grid.fill(rect, role: .header)
        let ws = state.workspace
        let meeting = ws.currentMeeting
        let right = " \(localClock(state.now, state)) "
        let clockStart = grid.textRight(right, maxX: rect.maxX, y: rect.y, role: .headerAccent, maxWidth: 7)
        // Each part has a full and a short form. When room runs out, parts are reduced in a fixed
        // order (attendees, chair, then the timer and the date); the team name shrinks last.
        enum Part { case date, timer, chair, attendees }
        var forms: [Part: (full: String, short: String)] = [:]
        if let meeting {
            forms[.date] = ("\(String(meeting.date.weekdayName.prefix(3))) \(meeting.date.iso)", String(meeting.date.iso.dropFirst(5)))
            if let elapsed = MeetingClock.meetingElapsed(meeting, now: state.now) {
                let clock = DurationFormat.clock(elapsed)
                if meeting.endedAt != nil {
                    forms[.timer] = ("ended after \(clock)", "ended \(clock)")
                } else {
                    let end = MeetingClock.projectedEnd(meeting, now: state.now)
                    forms[.timer] = ("⏱ \(clock) of \(meeting.plannedMinutes) min · ends ~\(localClock(end, state))", "⏱ \(clock)/\(meeting.plannedMinutes)m")
                }
            }
            if !meeting.chair.isEmpty { forms[.chair] = ("chair \(TextSanitizer.visible(meeting.chair))", "chair " + ListPanes.short(meeting.chair)) }
            let n = meeting.attendees.count
            forms[.attendees] = ("\(n) attendee\(n == 1 ? "" : "s")", "\(n) att.")
        }
        let order: [Part] = [.date, .timer, .chair, .attendees]
        var chosen: [Part: String] = forms.mapValues(\.full)
        let reductions: [(Part, Bool)] = [(.attendees, false), (.chair, false), (.attendees, true), (.timer, false),
                                          (.date, false), (.chair, true), (.timer, true), (.date, true)]
        var x = rect.x
        x += grid.text(" smarketing ", x: x, y: rect.y, role: .headerAccent, maxWidth: clockStart - x)
        let team = TextSanitizer.visible(ws.team.name)
        let room = clockStart - x - 1
        let teamMinimum = min(DisplayWidth.of(team) + 1, 40)
        func width() -> Int { chosen.values.reduce(0) { $0 + DisplayWidth.of($1) + 3 } }
        for (part, drop) in reductions where teamMinimum + width() > room {
            guard let form = forms[part] else { continue }
            chosen[part] = drop ? nil : form.short
        }
        x += grid.text(" " + team, x: x, y: rect.y, role: .header, maxWidth: max(0, room - width()))
        for part in order {
            guard let text = chosen[part] else { continue }
            x += grid.text(" │ " + text, x: x, y: rect.y, role: .header, maxWidth: max(0, clockStart - x - 1))
        }
    }

    static func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// HH:MM in the chair's time zone.
    static func localClock(_ t: Timestamp, _ state: AppState) -> String {
        let local = t.adding(seconds: Int64(state.utcOffset))
        let secondsOfDay = Int(local.secondsSinceEpoch - Int64(local.utcDate.dayNumber) * 86_400)
        return format2(secondsOfDay / 3600) + ":" + format2(secondsOfDay / 60 % 60)
    }

    // MARK: status bar

    static func drawStatusBar(_ state: AppState, _ rect: Rect, _ grid: inout Grid) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, role: .statusBar)
        var x = rect.x
        x += grid.text(" \(state.fileLabel) ", x: x, y: rect.y, role: .statusBar, maxWidth: max(10, rect.width / 4))
        let (saveText, saveRole): (String, StyleRole) = {
            switch state.saveState {
            case .saved: return (" ✓ saved ", .statusBar)
            case .saving: return (" … saving ", .statusBar)
            case .failed, .conflict: return (" ✗ NOT SAVED ", .statusError)
            }
        }()
        x += grid.text(saveText, x: x, y: rect.y, role: saveRole)
        let mode: String
        switch state.mode {
        case .normal: mode = state.readOnly ? "PRESENT" : (state.zoomed ? "ZOOM" : "NORMAL")
        case .form: mode = "EDIT"
        case .help: mode = "HELP"
        case .confirmQuit: mode = "QUIT?"
        case .confirmNewWeek: mode = "NEW WEEK?"
        case .capture: mode = "CAPTURE"
        case .conflict: mode = "CONFLICT"
        case .quitting: mode = "SAVING"
        }
        x += grid.text(" \(mode) ", x: x, y: rect.y, role: .statusKey)
        x += 1
        if let banner = state.banner {
            grid.text(" " + banner.text + " ", x: x, y: rect.y, role: banner.isError ? .bannerError : .banner, maxWidth: rect.maxX - x)
            return
        }
        if state.readOnly, state.mode == .normal {
            // The presenter's screen has no key hints: only what it is showing.
            grid.text(" read-only · follows the file as the chair edits it", x: x, y: rect.y, role: .statusBar, maxWidth: rect.maxX - x)
            return
        }
        let context = state.keyContext
        for hint in KeyMap.hints(in: context, pane: state.focus) {
            let needed = DisplayWidth.of(hint.keys) + DisplayWidth.of(hint.label) + 3
            guard x + needed <= rect.maxX else { break }
            x += grid.text(" " + hint.keys, x: x, y: rect.y, role: .statusKey)
            x += grid.text(" " + hint.label + " ", x: x, y: rect.y, role: .statusBar)
        }
    }

    // MARK: too small

    static func drawTooSmall(_ state: AppState, _ grid: inout Grid) {
        let lines: [String]
        if case .confirmQuit = state.mode {
            lines = ["Quit and lose \(state.unsavedEdits) unsaved edit\(state.unsavedEdits == 1 ? "" : "s")?", "y quits, n stays"]
        } else {
            lines = ["Terminal too small: \(state.size.width)x\(state.size.height)",
                     "need \(AppState.minimumSize.width)x\(AppState.minimumSize.height)",
                     "Enlarge the window, or press q to quit."]
        }
        let top = max(0, (state.size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let w = min(DisplayWidth.of(line), state.size.width)
            grid.text(line, x: max(0, (state.size.width - w) / 2), y: top + i, role: i == 0 ? .warn : .text)
        }
    }
}
