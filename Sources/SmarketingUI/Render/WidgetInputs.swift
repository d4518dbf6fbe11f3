import SmarketingModel

// The one place, with WidgetInputs+Lists.swift and WidgetInputs+Overlays.swift, that reads
// `AppState` for drawing: each widget's input is built here from the state. When the state
// changes shape, these files change and the widgets do not.

extension DashboardScreen {
    init(_ state: AppState) {
        size = state.size
        layers = []
        overlay = nil
        guard size.width > 0, size.height > 0 else { return }
        if state.isTooSmall {
            let quitting: Int? = state.mode == .confirmQuit ? state.unsavedEdits : nil
            let notice = TooSmallNotice(size: state.size, minimum: AppState.minimumSize, unsavedEditsIfQuitting: quitting)
            layers = [Placed(rect: Rect(x: 0, y: 0, width: size.width, height: size.height), widget: notice)]
            return
        }
        let layout = Layout.of(state)
        layers.append(Placed(rect: layout.header, widget: HeaderBar(state)))
        for (pane, rect) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let focused = pane == state.focus
            let widget: (any Widget)?
            switch pane {
            case .kpis: widget = KPIPane(state, focused: focused)
            case .agenda: widget = AgendaList(state, focused: focused)
            case .friction: widget = FrictionList(state, visibleRows: rect.height - 2, focused: focused)
            case .actions: widget = ActionsList(state, focused: focused)
            }
            if let widget { layers.append(Placed(rect: rect, widget: widget)) }
        }
        layers.append(Placed(rect: layout.status, widget: StatusBar(state)))
        overlay = DashboardScreen.overlay(state)
    }

    static func overlay(_ state: AppState) -> (any OverlayWidget)? {
        switch state.mode {
        case .normal, .quitting: return nil
        case .form(let form): return FormOverlay(form)
        case .help(let scroll): return HelpOverlay(scroll: scroll)
        case .owed(let selected): return OwedOverlay(state, selected: selected)
        case .people(let selected): return PeopleOverlay(state, selected: selected)
        case .definitions(let view): return DefinitionsOverlay(state, view: view)
        case .confirmQuit: return QuitPrompt(unsavedEdits: state.unsavedEdits)
        case .confirmNewWeek:
            guard let meeting = state.meeting else { return nil }
            return NewWeekPrompt(meetingDate: meeting.date, openActionItems: meeting.actionItems.filter { !$0.done }.count,
                                 runningItem: meeting.agenda.first { $0.status == .active }?.title,
                                 pendingItems: meeting.agenda.filter { $0.status == .pending }.count,
                                 carriedItems: meeting.agenda.filter { item in (item.status == .pending || item.status == .skipped)
                                     && !state.workspace.agendaTemplate.contains { $0.title == item.title } }.count,
                                 standingItems: state.workspace.agendaTemplate.count)
        case .confirmDiscard(let typed):
            if case .capture = typed { return DiscardPrompt(place: "on the capture line") }
            return DiscardPrompt(place: "in this form")
        case .capture(let editor, let completions): return CaptureLine(editor: editor, completions: completions)
        case .conflict(let theirs, let viewing):
            return ConflictOverlay(fileLabel: state.fileLabel, unsavedEdits: state.unsavedEdits,
                                   differences: theirs.map { viewing ? WorkspaceDiff.lines(mine: state.workspace, theirs: $0) : [] },
                                   viewing: viewing)
        }
    }

    /// HH:MM in the chair's time zone.
    static func localClock(_ t: Timestamp, utcOffset: Int, seconds: Bool = false) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let local = t.adding(seconds: Int64(utcOffset))
        let secondsOfDay = Int(local.secondsSinceEpoch - Int64(local.utcDate.dayNumber) * 86_400)
        return two(secondsOfDay / 3600) + ":" + two(secondsOfDay / 60 % 60) + (seconds ? ":" + two(secondsOfDay % 60) : "")
    }
}

// MARK: layout

extension Layout {
    /// The layout for the state: its size, what is zoomed, and the lines each list needs.
    static func of(_ state: AppState) -> Layout {
        compute(size: state.size, zoomed: state.zoomed ? state.focus : nil) { pane, width in
            ListLines.counts(pane, state, areaWidth: width).reduce(0, +)
        }
    }
}

/// The lines each row of a list pane takes, measured as its widget draws it: the layout shares
/// the height by them and the reducer scrolls by them.
enum ListLines {
    /// Titles wrap from 120x40, and in a zoomed pane.
    static func wraps(_ state: AppState) -> Bool { Layout.wrapsTitles(state.size) || state.zoomed }

    /// The lines of one row at a time, for the friction list measured only where asked (a team
    /// with a thousand friction points wraps only the titles around the selection per key).
    static func counter(_ pane: PaneID, _ state: AppState, areaWidth: Int) -> (Int) -> Int {
        guard wraps(state) else { return { _ in 1 } }
        if pane == .friction {
            return FrictionList(state, visibleRows: state.frictionRows.count, focused: false, from: 0).lineCounter(areaWidth: areaWidth)
        }
        let lines = counts(pane, state, areaWidth: areaWidth)
        return { lines.indices.contains($0) ? lines[$0] : 1 }
    }

    static func counts(_ pane: PaneID, _ state: AppState, areaWidth: Int) -> [Int] {
        switch pane {
        case .kpis: return []
        case .agenda: return AgendaList(state, focused: false)?.lineCounts(areaWidth: areaWidth) ?? []
        case .actions: return ActionsList(state, focused: false)?.lineCounts(areaWidth: areaWidth) ?? []
        case .friction:
            guard wraps(state) else { return state.frictionRows.map { _ in 1 } }
            let list = FrictionList(state, visibleRows: state.frictionRows.count, focused: false, from: 0)
            return list.lineCounts(areaWidth: areaWidth)
        }
    }
}

extension ListLines {
    /// A zoomed list's detail: everything about the selected item.
    static func detail(_ pane: PaneID, _ state: AppState) -> ItemDetail? {
        guard state.zoomed, pane == state.focus, let ref = state.selectedItem(in: pane), let meeting = state.meeting else { return nil }
        typealias Field = ItemDetail.Field
        let ws = state.workspace
        func owner(_ name: String) -> String { name.isEmpty ? "nobody yet" : name }
        switch ref {
        case .agenda(let id):
            guard let item = meeting.agenda.first(where: { $0.id == id }) else { return nil }
            let spent = MeetingClock.elapsedSeconds(item, now: state.now)
            var fields = [Field(label: "Title", text: item.title), Field(label: "Owner", text: owner(item.owner)),
                          Field(label: "Status", text: item.status.rawValue),
                          Field(label: "Time", text: "\(item.timeboxMinutes) min timebox" + (spent > 0 ? ", \(DurationFormat.clock(spent)) spent" : ""))]
            if !item.notes.isEmpty { fields.append(Field(label: "Notes", text: item.notes)) }
            return ItemDetail(heading: "Agenda item", fields: fields)
        case .friction(let id):
            guard let p = ws.frictionPoints.first(where: { $0.id == id }) else { return nil }
            let age = state.today.days(since: p.opened)
            var fields = [Field(label: "Title", text: p.title), Field(label: "Stage", text: p.stage.title),
                          Field(label: "Severity", text: "\(p.severity) of 3"), Field(label: "Status", text: p.status.rawValue),
                          Field(label: "Owner", text: owner(p.owner)), Field(label: "Raised by", text: p.raisedBy.rawValue),
                          Field(label: "Opened", text: p.opened.iso + (age > 0 ? " (\(age) day\(age == 1 ? "" : "s") ago)" : " (today)"))]
            if let resolved = p.resolved { fields.append(Field(label: "Resolved", text: resolved.iso)) }
            fields.append(Field(label: "Mitigation", text: p.mitigation.isEmpty ? "none recorded" : p.mitigation))
            if !p.notes.isEmpty { fields.append(Field(label: "Notes", text: p.notes)) }
            return ItemDetail(heading: "Friction point", fields: fields)
        case .suggestion(let conversion):
            guard let s = state.suggestions.first(where: { $0.conversion == conversion }) else { return nil }
            return ItemDetail(heading: "Suggested friction point", fields: [
                Field(label: "Title", text: s.title), Field(label: "Stage", text: s.stage.title),
                Field(label: "Keys", text: state.readOnly ? "the chair can accept or dismiss it" : "A accepts it as a friction point, X dismisses it"),
            ])
        case .action(let id):
            guard let item = meeting.actionItems.first(where: { $0.id == id }) else { return nil }
            var due = item.due?.iso ?? "no due date"
            if let late = item.daysOverdue(on: state.today) { due += ", overdue \(late)d" }
            var fields = [Field(label: "Title", text: item.title), Field(label: "Owner", text: owner(item.owner)), Field(label: "Due", text: due),
                          Field(label: "Status", text: item.done ? "done" : "open")]
            if item.weeksCarried > 0 {
                fields.append(Field(label: "Carried", text: "over \(item.weeksCarried) week\(item.weeksCarried == 1 ? "" : "s")"))
            }
            return ItemDetail(heading: "Action item", fields: fields)
        case .decision(let id):
            guard let decision = meeting.decisions.first(where: { $0.id == id }) else { return nil }
            return ItemDetail(heading: "Decision", fields: [Field(label: "Decision", text: decision.text)])
        }
    }

    /// The list lines a pane loses to its detail.
    static func detailHeight(_ pane: PaneID, _ state: AppState, listArea: Rect) -> Int {
        detail(pane, state)?.height(in: listArea) ?? 0
    }
}

// MARK: header and status bar

extension HeaderBar {
    init(_ state: AppState) {
        team = state.workspace.team.name
        names = state.names
        clock = DashboardScreen.localClock(state.now, utcOffset: state.utcOffset)
        meeting = state.workspace.currentMeeting.map { meeting in
            var timer: Timer?
            if let elapsed = MeetingClock.meetingElapsed(meeting, now: state.now) {
                if let end = meeting.endedAt {
                    timer = .ended(at: DashboardScreen.localClock(end, utcOffset: state.utcOffset), elapsedSeconds: elapsed, lengthMinutes: meeting.lengthMinutes)
                } else {
                    timer = .running(elapsedSeconds: elapsed, lengthMinutes: meeting.lengthMinutes, agendaMinutes: meeting.plannedMinutes,
                                     endsAt: DashboardScreen.localClock(MeetingClock.projectedEnd(meeting, now: state.now), utcOffset: state.utcOffset))
                }
            }
            return MeetingLine(date: meeting.date, timer: timer, chair: meeting.chair, attendees: meeting.attendees.count)
        }
    }
}

extension StatusBar {
    init(_ state: AppState) {
        fileLabel = state.fileLabel
        switch state.saveState {
        case .saved: save = .saved
        case .saving: save = .saving
        case .failed, .conflict: save = .notSaved
        }
        if state.readOnly {
            save = .presenter
            fileLabel = StatusBar.presenterLabel(state.fileLabel, state.following, utcOffset: state.utcOffset)
        }
        switch state.mode {
        case .normal: mode = state.readOnly ? (state.isFollowingChair ? "FOLLOW" : "PRESENT") : (state.zoomed ? "ZOOM" : "NORMAL")
        case .form: mode = "EDIT"
        case .help: mode = "HELP"
        case .owed: mode = "OWED"
        case .people: mode = "PEOPLE"
        case .definitions: mode = "DEFINITIONS"
        case .confirmQuit: mode = "QUIT?"
        case .confirmNewWeek: mode = "NEW WEEK?"
        case .confirmDiscard: mode = "DISCARD?"
        case .capture: mode = "CAPTURE"
        case .conflict: mode = "CONFLICT"
        case .quitting: mode = "SAVING"
        }
        let context = state.keyContext
        if let banner = state.banner {
            message = .banner(banner.text, isError: banner.isError)
        } else if state.readOnly, state.mode == .normal || state.isFollowingChair {
            message = .readOnlyNote
        } else {
            message = .hints(KeyMap.hints(in: context, pane: state.focus).map { Hint(keys: $0.keys, label: $0.label) })
        }
    }
}

extension StatusBar {
    /// What a presenter's bar says it is: "following FILE · updated 08:15:03", "FILE · no chair
    /// connected (showing the file)", or "FILE · --independent".
    static func presenterLabel(_ file: String, _ following: Following?, utcOffset: Int) -> String {
        switch following {
        case .following(let updated)?: return "following \(file) · updated \(DashboardScreen.localClock(updated, utcOffset: utcOffset, seconds: true))"
        case .noChair(let reason?)?: return "\(file) · no chair connected (\(reason); showing the file)"
        case .noChair(nil)?: return "\(file) · no chair connected (showing the file)"
        case .independent?, nil: return "\(file) · --independent"
        }
    }
}

// MARK: KPIs

extension KPIPane {
    init(_ state: AppState, focused: Bool) {
        week = state.meeting?.kpiWeek
        weekHasRecord = state.report?.hasRecord ?? true
        sla = state.sla.map { SLALine(full: $0.line(compact: false), compact: $0.line(compact: true),
                                      onTarget: ($0.leadsPerRepThisMonth ?? 0) >= Double($0.target)) }
        funnel = state.funnel.map { FunnelStrip($0) }
        provenance = state.meeting.flatMap { state.workspace.week(startingOn: $0.kpiWeek)?.imported }.map { p in
            let day = p.importedAt.adding(seconds: Int64(state.utcOffset)).utcDate
            let when = "imported \(day.year == state.today.year ? String(day.iso.dropFirst(5)) : day.iso)"
            let edited = p.editedByHand ? ", edited by hand" : ""
            let files = p.sources.first.map { " from \($0.file)" + (p.sources.count > 1 ? " +\(p.sources.count - 1)" : "") } ?? ""
            return (TextSanitizer.visible(when + files + edited), when + (p.editedByHand ? ", edited" : ""))
        }
        let currency = state.workspace.team.currency
        tiles = state.report?.results.map {
            var tile = KPITile($0, currency: currency, asciiOnly: state.asciiOnly)
            tile.tallDigits = Layout.tallDigits(state.size)
            return tile
        } ?? []
        selected = state.selected(.kpis)
        self.focused = focused
    }
}

extension FunnelStrip {
    init(_ funnel: FunnelReport) {
        counts = funnel.counts
        steps = funnel.steps.map { Step(rate: $0.rate, isFlagged: $0.isFlagged) }
    }
}

extension KPITile {
    init(_ r: KPIResult, currency: String, asciiOnly: Bool) {
        func change(_ c: KPIChange?) -> Change? {
            c.map { Change(figure: "\(KPIFormat.arrow($0)) \(KPIFormat.delta($0, r.kind, currency: currency))", isImprovement: $0.isImprovement) }
        }
        self.init(title: r.kind.title, status: r.status,
                  value: KPIFormat.value(r.value, r.kind, currency: currency), target: KPIFormat.target(r.target, r.kind, currency: currency),
                  vsLastWeek: change(r.changeVsLastWeek), vsFourWeekAverage: change(r.changeVsFourWeekAverage),
                  median: r.median.map { KPIFormat.value($0, r.kind, currency: currency) },
                  trend: Trend(values: r.series, target: r.target, direction: r.kind.direction, latest: r.status,
                               targetLabel: KPIFormat.value(r.target, r.kind, currency: currency)),
                  asciiOnly: asciiOnly)
    }
}
