import SmarketingModel

/// "People & attendance" (P): the roster, one row a person, with this meeting's attendance.
/// Space marks the person present or absent, `A` marks everyone not yet marked present; the
/// roster is edited from here (add, edit, remove, import the names already in use). Removing is
/// not asked about: `u` undoes it, here as on the dashboard.
extension Reducer {
    static func peopleKey(_ key: Key, selected: Int, _ state: inout AppState) -> [Effect] {
        let people = state.workspace.people
        let selected = min(max(0, selected), max(0, people.count - 1))
        let person = people.indices.contains(selected) ? people[selected] : nil
        switch KeyMap.people(key) {
        case .down?: state.mode = .people(selected: min(max(0, people.count - 1), selected + 1))
        case .up?: state.mode = .people(selected: max(0, selected - 1))
        case .close?: state.mode = .normal
        case .add?: state.mode = .form(Forms.form(for: .person(name: nil), in: state.workspace))
        case .edit?:
            guard let person else { return [] }
            state.mode = .form(Forms.form(for: .person(name: person.name), in: state.workspace))
        case .toggleAttendance?:
            guard let person else { return [] }
            // Not marked yet, or absent: present. Present: absent.
            let present = state.workspace.isPresent(person.name) != true
            return edit(&state, label: present ? "mark present" : "mark absent") { (ws, _) throws(EditError) in
                try ws.setAttendance(of: person.name, present: present)
            }?.effects ?? []
        case .allPresent?:
            return markEveryonePresent(&state)
        case .remove?:
            guard let person else { return [] }
            guard let (_, effects) = edit(&state, label: "remove \(person.name) from the roster", { (ws, _) throws(EditError) in
                try ws.removePerson(named: person.name)
            }) else { return [] }
            state.mode = .people(selected: min(selected, max(0, state.workspace.people.count - 1)))
            state.banner = Banner("Removed \(DisplayWidthClip.clip(person.name, 40)) from the roster (u undoes); their items keep the name.",
                                  expires: state.now.adding(seconds: 8))
            return effects
        case .importNames?:
            return importKnownNames(&state)
        case .undo?, .redo?:
            let effects = KeyMap.people(key) == .undo ? undo(&state) : redo(&state)
            state.mode = .people(selected: min(selected, max(0, state.workspace.people.count - 1)))
            return effects
        case nil:
            break
        }
        return []
    }

    /// The names the workspace uses (owners, chairs, attendees) that are not on the roster yet.
    static func namesOffTheRoster(_ ws: Workspace) -> [String] {
        Capture.knownNames(in: ws).filter { ws.person(named: $0) == nil }
    }

    /// A: everyone on the roster not yet marked either way is marked present, as one edit.
    static func markEveryonePresent(_ state: inout AppState) -> [Effect] {
        let unmarked = state.workspace.people.map(\.name).filter { state.workspace.isPresent($0) == nil }
        guard !unmarked.isEmpty else {
            let message = state.workspace.people.isEmpty ? "The roster is empty: a adds a person." : "Everyone is marked already; Space changes one."
            state.banner = Banner(message, expires: state.now.adding(seconds: 4))
            return []
        }
        guard let (_, effects) = edit(&state, label: "mark everyone present", { (ws, _) throws(EditError) in
            for name in unmarked { try ws.setAttendance(of: name, present: true) }
        }) else { return [] }
        state.banner = Banner("Marked \(unmarked.count) present. u undoes it.", expires: state.now.adding(seconds: 4))
        return effects
    }

    /// i: every name already in use joins the roster, as side "other": how a team that has kept
    /// its names only in owners and attendance starts its roster.
    static func importKnownNames(_ state: inout AppState) -> [Effect] {
        let names = namesOffTheRoster(state.workspace)
        guard !names.isEmpty else {
            state.banner = Banner("Every name in this workspace is on the roster already; a adds a new person.", expires: state.now.adding(seconds: 4))
            return []
        }
        guard let (added, effects) = edit(&state, label: "add names to the roster", { (ws, _) throws(EditError) -> Int in
            var added = 0
            for name in names {
                // A name the roster cannot hold (too long, say) is left out, not a reason to add none.
                do {
                    try ws.savePerson(Person(name: name), replacing: nil)
                    added += 1
                } catch {}
            }
            return added
        }) else { return [] }
        let skipped = names.count - added
        state.banner = Banner("Added \(added) name\(added == 1 ? "" : "s") to the roster as side other" + (skipped > 0 ? " (\(skipped) could not be added)" : "")
                              + "; e sets each one's side. u undoes it.", expires: state.now.adding(seconds: 8))
        return effects
    }
}
