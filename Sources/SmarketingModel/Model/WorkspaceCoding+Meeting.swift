// Meetings and their items to and from the JSON tree; see WorkspaceCoding.swift.

// MARK: meetings

extension Meeting {
    init?(reading value: JSONValue, at path: String, _ ctx: SchemaContext) {
        guard let r = ObjectReader(value, at: path, ctx) else { return nil }
        let id = r.string("id")
        let date = r.date("date")
        let kpiWeek = r.date("kpiWeek")
        let chair = r.string("chair")
        let attendees = r.stringArray("attendees", required: false)
        let length = r.int("lengthMinutes", in: ModelLimits.meetingMinutes, default: 45)
        let notes = r.string("notes", default: "", limit: ModelLimits.longText)
        let agenda = r.array("agenda", required: false).map { $0.map { AgendaItem(reading: $0.value, at: $0.path, ctx) } }
        let decisions = r.array("decisions", required: false).map { $0.map { Decision(reading: $0.value, at: $0.path, ctx) } }
        let actions = r.array("actionItems", required: false).map { $0.map { ActionItem(reading: $0.value, at: $0.path, ctx) } }
        let started = r.optionalTimestamp("startedAt")
        let ended = r.optionalTimestamp("endedAt")
        let absent = r.stringArray("absent", required: false)
        let changes = r.array("definitionChanges", required: false).map { $0.map { DefinitionChange(reading: $0.value, at: $0.path, ctx) } }
        var dismissed: [FunnelConversion]? = []
        if let elements = r.array("dismissedSuggestions", required: false) {
            let values = elements.compactMap { element -> FunnelConversion? in
                if case .string(let s) = element.value, let c = FunnelConversion(rawValue: s) { return c }
                let options = FunnelConversion.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                ctx.report(element.path, "expected one of \(options), found \(element.value.briefDescription)")
                return nil
            }
            dismissed = values.count == elements.count ? values : nil
        } else {
            dismissed = nil
        }
        r.finish()
        guard let id, let date, let kpiWeek, let chair, let attendees, let length, let notes,
              let agenda = agenda.flatMap(allOrNothing), let decisions = decisions.flatMap(allOrNothing),
              let actions = actions.flatMap(allOrNothing), let started, let ended, let dismissed,
              let absent, let changes = changes.flatMap(allOrNothing) else { return nil }
        self.init(id: id, date: date, kpiWeek: kpiWeek, chair: chair, attendees: attendees, lengthMinutes: length,
                  notes: notes, agenda: agenda, decisions: decisions, actionItems: actions,
                  startedAt: started, endedAt: ended, dismissedSuggestions: dismissed, absent: absent,
                  definitionChanges: changes)
    }

    var json: JSONValue {
        .object([
            JSONMember("id", .string(id)),
            JSONMember("date", .string(date.iso)),
            JSONMember("kpiWeek", .string(kpiWeek.iso)),
            JSONMember("chair", .string(chair)),
            JSONMember("attendees", .array(attendees.map { .string($0) })),
            JSONMember("absent", .array(absent.map { .string($0) })),
            JSONMember("lengthMinutes", int(lengthMinutes)),
            JSONMember("notes", .string(notes)),
            JSONMember("agenda", .array(agenda.map(\.json))),
            JSONMember("decisions", .array(decisions.map(\.json))),
            JSONMember("actionItems", .array(actionItems.map(\.json))),
            JSONMember("startedAt", jsonOrNull(startedAt)),
            JSONMember("endedAt", jsonOrNull(endedAt)),
            JSONMember("dismissedSuggestions", .array(dismissedSuggestions.map { .string($0.rawValue) })),
            JSONMember("definitionChanges", .array(definitionChanges.map(\.json))),
        ])
    }
}

/// The elements when every one decoded, else nil (the failures were already reported).
func allOrNothing<T>(_ items: [T?]) -> [T]? {
    let present = items.compactMap { $0 }
    return present.count == items.count ? present : nil
}

extension AgendaItem {
    init?(reading value: JSONValue, at path: String, _ ctx: SchemaContext) {
        guard let r = ObjectReader(value, at: path, ctx) else { return nil }
        let id = r.string("id")
        let title = r.string("title")
        let owner = r.string("owner", default: "")
        let timebox = r.int("timeboxMinutes", in: ModelLimits.timeboxMinutes)
        let status = r.enumValue("status", AgendaStatus.self)
        let notes = r.string("notes", default: "", limit: ModelLimits.longText)
        let actual = r.int("actualSeconds", in: ModelLimits.actualSeconds, default: 0)
        let started = r.optionalTimestamp("startedAt")
        r.finish()
        guard let id, let title, let owner, let timebox, let status, let notes, let actual, let started else { return nil }
        self.init(id: id, title: title, owner: owner, timeboxMinutes: timebox, status: status, notes: notes,
                  actualSeconds: actual, startedAt: started)
    }

    var json: JSONValue {
        .object([
            JSONMember("id", .string(id)),
            JSONMember("title", .string(title)),
            JSONMember("owner", .string(owner)),
            JSONMember("timeboxMinutes", int(timeboxMinutes)),
            JSONMember("status", .string(status.rawValue)),
            JSONMember("notes", .string(notes)),
            JSONMember("actualSeconds", int(actualSeconds)),
            JSONMember("startedAt", jsonOrNull(startedAt)),
        ])
    }
}

extension Decision {
    init?(reading value: JSONValue, at path: String, _ ctx: SchemaContext) {
        guard let r = ObjectReader(value, at: path, ctx) else { return nil }
        let id = r.string("id")
        let text = r.string("text", limit: ModelLimits.longText)
        r.finish()
        guard let id, let text else { return nil }
        self.init(id: id, text: text)
    }

    var json: JSONValue {
        .object([JSONMember("id", .string(id)), JSONMember("text", .string(text))])
    }
}

extension ActionItem {
    init?(reading value: JSONValue, at path: String, _ ctx: SchemaContext) {
        guard let r = ObjectReader(value, at: path, ctx) else { return nil }
        let id = r.string("id")
        let title = r.string("title")
        let owner = r.string("owner", default: "")
        let due = r.optionalDate("due")
        let done = r.bool("done", default: false)
        let carried = r.int("weeksCarried", in: ModelLimits.weeksCarried, default: 0)
        r.finish()
        guard let id, let title, let owner, let due, let done, let carried else { return nil }
        self.init(id: id, title: title, owner: owner, due: due, done: done, weeksCarried: carried)
    }

    var json: JSONValue {
        .object([
            JSONMember("id", .string(id)),
            JSONMember("title", .string(title)),
            JSONMember("owner", .string(owner)),
            JSONMember("due", jsonOrNull(due)),
            JSONMember("done", .bool(done)),
            JSONMember("weeksCarried", int(weeksCarried)),
        ])
    }
}
