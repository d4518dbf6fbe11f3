import SmarketingModel

// The overlays' inputs, built from the state; see WidgetInputs.swift.

// MARK: overlays

extension FormOverlay {
    init(_ form: FormState) {
        title = form.title
        focus = form.focus
        fields = form.fields.map { field in
            let value: Field.Value
            switch field.kind {
            case .text(let editor): value = .text(editor)
            case .choice(let options, let index): value = .choice(options.indices.contains(index) ? options[index] : "")
            }
            return Field(label: field.label, value: value, hint: field.hint, error: field.error)
        }
    }
}

extension HelpOverlay {
    /// The key map's bindings, a section per context; a binding for some panes only names them.
    init(scroll: Int) {
        func entry(_ b: KeyBinding) -> Entry {
            var help = b.help
            if let panes = b.panes, panes.count < PaneID.allCases.count {
                help += " (" + PaneID.allCases.filter(panes.contains).map(\.title).joined(separator: ", ") + ")"
            }
            return Entry(keys: b.keyLabel, help: help)
        }
        // The dashboard's keys by group, the meeting's first; then every other context.
        let groups = ["Running the meeting", "Moving around", "Editing", "View"]
        let dashboard = groups.map { group in
            Section(title: group, entries: KeyMap.bindings.filter {
                if case .dashboard(let c) = $0.command { return c.helpGroup == group }
                return false
            }.map(entry))
        }
        sections = dashboard + KeyContext.allCases.filter { $0 != .normal }.map { context in
            Section(title: context.rawValue, entries: KeyMap.bindings.filter { $0.context == context }.map(entry))
        }
        self.scroll = scroll
    }
}

extension OwedOverlay {
    init(_ state: AppState, selected: Int) {
        rows = []
        open = 0
        overdue = 0
        selectedRow = nil
        guard let meeting = state.meeting else { return }
        let today = state.today
        var itemNumber = 0
        for group in OwedList.groups(meeting, today: today) {
            rows.append(.owner(state.names.fit(group.owner, width: 60), count: group.items.count))
            for i in group.items {
                let item = meeting.actionItems[i]
                let late = item.daysOverdue(on: today)
                let due = late.map { "overdue \($0)d" } ?? item.due.map { "due " + String($0.iso.dropFirst(5)) } ?? ""
                if itemNumber == selected { selectedRow = rows.count }
                rows.append(.item(title: item.title, due: due, overdue: late != nil, carried: item.weeksCarried))
                itemNumber += 1
                open += 1
                if late != nil { overdue += 1 }
            }
        }
    }
}

extension PeopleOverlay {
    init(_ state: AppState, selected: Int) {
        let ws = state.workspace
        rows = ws.people.map { person in
            Row(name: person.name, side: person.team.rawValue, shortName: state.names.short(person.name), present: ws.isPresent(person.name))
        }
        self.selected = min(max(0, selected), max(0, rows.count - 1))
        hasMeeting = state.meeting != nil
        namesOffRoster = rows.isEmpty ? Reducer.namesOffTheRoster(ws).count : 0
        presentOffRoster = state.meeting?.attendees.filter { ws.person(named: $0) == nil } ?? []
    }
}

// MARK: definitions

extension DefinitionsOverlay {
    init(_ state: AppState, view: DefinitionsView) {
        entries = Self.entries(state.workspace.definitions, changed: state.changedDefinitions)
        selected = view.selected
        top = view.top
    }
}
