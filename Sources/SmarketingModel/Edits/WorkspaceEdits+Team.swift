/// The team's own things: the roster, this meeting's attendance, the definitions and the standing
/// agenda. Like every edit, each works on a copy and keeps it only when it would load.
extension Workspace {
    // MARK: the roster

    /// Adds `person`, or replaces the roster member called `oldName`. A new name is carried to
    /// every place the old one appears (attendance, chairs, owners, the standing agenda), so the
    /// roster stays the one spelling of each person. Returns how many places were renamed.
    @discardableResult
    public mutating func savePerson(_ person: Person, replacing oldName: String?) throws(EditError) -> Int {
        var person = person
        person.name = person.name.trimmingSpaces
        person.shortName = person.shortName.trimmingSpaces
        try Self.checkLine(person.name, field: "name", required: true)
        try Self.checkLine(person.shortName, field: "shortName")
        if person.name != oldName, self.person(named: person.name) != nil {
            throw EditError("\(person.name) is already on the roster", field: "name")
        }
        return try edit { (ws: inout Workspace) throws(EditError) -> Int in
            guard let oldName, let i = ws.people.firstIndex(where: { $0.name == oldName }) else {
                ws.people.append(person)
                return 0
            }
            ws.people[i] = person
            return oldName == person.name ? 0 : ws.rename(oldName, to: person.name)
        }
    }

    /// Every reference to `old` spelled `new` instead. Returns how many there were.
    private mutating func rename(_ old: String, to new: String) -> Int {
        var count = 0
        func fix(_ s: inout String) { if s == old { s = new; count += 1 } }
        func fix(_ list: inout [String]) {
            for i in list.indices where list[i] == old { list[i] = new; count += 1 }
        }
        for m in meetings.indices {
            fix(&meetings[m].chair)
            fix(&meetings[m].attendees)
            fix(&meetings[m].absent)
            for i in meetings[m].agenda.indices { fix(&meetings[m].agenda[i].owner) }
            for i in meetings[m].actionItems.indices { fix(&meetings[m].actionItems[i].owner) }
        }
        for i in frictionPoints.indices { fix(&frictionPoints[i].owner) }
        for i in agendaTemplate.indices { fix(&agendaTemplate[i].owner) }
        return count
    }

    /// Takes `name` off the roster and off this meeting's attendance. Items they own keep the name.
    public mutating func removePerson(named name: String) throws(EditError) {
        try edit { (ws: inout Workspace) throws(EditError) in
            guard let i = ws.people.firstIndex(where: { $0.name == name }) else {
                throw EditError("\(name) is not on the roster (removed or reloaded meanwhile)")
            }
            ws.people.remove(at: i)
            if let mi = ws.currentMeetingIndex {
                ws.meetings[mi].attendees.removeAll { $0 == name }
                ws.meetings[mi].absent.removeAll { $0 == name }
            }
        }
    }

    // MARK: attendance

    /// Marks `name` present or absent at the current meeting.
    public mutating func setAttendance(of name: String, present: Bool) throws(EditError) {
        try edit { (ws: inout Workspace) throws(EditError) in
            let mi = try ws.currentIndex()
            ws.meetings[mi].attendees.removeAll { $0 == name }
            ws.meetings[mi].absent.removeAll { $0 == name }
            if present {
                ws.meetings[mi].attendees.append(name)
            } else {
                ws.meetings[mi].absent.append(name)
            }
        }
    }

    /// Whether `name` is marked present at the current meeting (nil: not marked either way).
    public func isPresent(_ name: String) -> Bool? {
        guard let m = currentMeeting else { return nil }
        if m.attendees.contains(name) { return true }
        if m.absent.contains(name) { return false }
        return nil
    }

    // MARK: definitions

    /// Replaces one of the fixed definitions. A change of text or of agreement is recorded in the
    /// current meeting, for its minutes.
    public mutating func saveDefinition(_ subject: DefinitionSubject, _ definition: Definition) throws(EditError) {
        guard definitions[subject] != nil else { throw EditError("a persona is saved with its own fields") }
        try Self.checkLong(definition.text, field: "text")
        try edit { (ws: inout Workspace) throws(EditError) in
            guard ws.definitions[subject] != definition else { return }
            ws.definitions[subject] = definition
            ws.recordDefinitionChange(subject)
        }
    }

    /// Adds the persona, or replaces the one with its id; recorded like any definition change.
    public mutating func savePersona(_ persona: Persona) throws(EditError) {
        try Self.checkLine(persona.name, field: "name", required: true)
        for field in Persona.fields { try Self.checkLong(persona[keyPath: field.path], field: field.key) }
        try edit { (ws: inout Workspace) throws(EditError) in
            if let i = ws.definitions.personas.firstIndex(where: { $0.id == persona.id }) {
                guard ws.definitions.personas[i] != persona else { return }
                ws.definitions.personas[i] = persona
            } else {
                ws.definitions.personas.append(persona)
            }
            ws.recordDefinitionChange(.persona(id: persona.id))
        }
    }

    /// Removes a persona. Returns its name.
    public mutating func deletePersona(id: String) throws(EditError) -> String {
        try edit { (ws: inout Workspace) throws(EditError) -> String in
            guard let i = ws.definitions.personas.firstIndex(where: { $0.id == id }) else {
                throw EditError("the persona is gone (deleted or reloaded meanwhile)")
            }
            if let mi = ws.currentMeetingIndex {
                ws.meetings[mi].definitionChanges.removeAll { $0.subject == .persona(id: id) }
            }
            return ws.definitions.personas.remove(at: i).name
        }
    }

    /// The subject as it now stands, recorded in the current meeting (replacing an earlier change
    /// to it in the same meeting).
    private mutating func recordDefinitionChange(_ subject: DefinitionSubject) {
        guard let mi = currentMeetingIndex else { return }
        let change = DefinitionChange(subject: subject, title: definitions.title(of: subject),
                                      text: definitions.text(of: subject), agreed: definitions.isAgreed(subject))
        if let i = meetings[mi].definitionChanges.firstIndex(where: { $0.subject == subject }) {
            meetings[mi].definitionChanges[i] = change
        } else {
            meetings[mi].definitionChanges.append(change)
        }
    }

    // MARK: the standing agenda

    /// Makes the current meeting's agenda the team's standing agenda: titles, timeboxes, and owners
    /// other than the chair (the chair's items go to whoever chairs). Returns the number of items.
    @discardableResult
    public mutating func saveAgendaAsTemplate() throws(EditError) -> Int {
        try edit { (ws: inout Workspace) throws(EditError) -> Int in
            let meeting = ws.meetings[try ws.currentIndex()]
            guard !meeting.agenda.isEmpty else { throw EditError("the agenda is empty; add items first") }
            ws.agendaTemplate = meeting.agenda.map {
                AgendaTemplateItem(title: $0.title, owner: $0.owner == meeting.chair ? "" : $0.owner, timeboxMinutes: $0.timeboxMinutes)
            }
            return ws.agendaTemplate.count
        }
    }
}
