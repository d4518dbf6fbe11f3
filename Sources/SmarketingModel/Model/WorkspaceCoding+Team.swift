// The roster, the definitions and the standing agenda to and from the JSON tree; see
// WorkspaceCoding.swift.

// MARK: people, definitions and the standing agenda

extension Person {
    init?(reading value: JSONValue, at path: String, _ ctx: SchemaContext) {
        guard let r = ObjectReader(value, at: path, ctx) else { return nil }
        let name = r.string("name")
        let team = r.enumValue("team", PersonTeam.self)
        let short = r.string("shortName", default: "")
        r.finish()
        guard let name, let team, let short else { return nil }
        self.init(name: name, team: team, shortName: short)
    }

    var json: JSONValue {
        .object([JSONMember("name", .string(name)), JSONMember("team", .string(team.rawValue)), JSONMember("shortName", .string(shortName))])
    }
}

extension Definition {
    init?(reading r: ObjectReader) {
        let text = r.string("text", default: "", limit: ModelLimits.longText)
        let agreed = r.bool("agreed", default: false)
        r.finish()
        guard let text, let agreed else { return nil }
        self.init(text, agreed: agreed)
    }

    var json: JSONValue { .object([JSONMember("text", .string(text)), JSONMember("agreed", .bool(agreed))]) }
}

extension Definitions {
    init?(reading r: ObjectReader) {
        func one(_ key: String) -> Definition? {
            switch r.optionalObject(key) {
            case .some(.some(let d)): return Definition(reading: d)
            case .some(.none): return Definition()
            case .none: return nil
            }
        }
        let ideal = one("idealLead"), lead = one("lead"), mql = one("mql"), sql = one("sql")
        let opportunity = one("opportunity"), sla = one("sla")
        let personas = r.array("personas", required: false).map { $0.map { Persona(reading: $0.value, at: $0.path, r.context) } }
        r.finish()
        guard let ideal, let lead, let mql, let sql, let opportunity, let sla,
              let personas = personas.flatMap(allOrNothing) else { return nil }
        self.init(idealLead: ideal, personas: personas, lead: lead, mql: mql, sql: sql, opportunity: opportunity, sla: sla)
    }

    var json: JSONValue {
        .object([
            JSONMember("idealLead", idealLead.json),
            JSONMember("personas", .array(personas.map(\.json))),
            JSONMember("lead", lead.json),
            JSONMember("mql", mql.json),
            JSONMember("sql", sql.json),
            JSONMember("opportunity", opportunity.json),
            JSONMember("sla", sla.json),
        ])
    }
}

extension Persona {
    init?(reading value: JSONValue, at path: String, _ ctx: SchemaContext) {
        guard let r = ObjectReader(value, at: path, ctx) else { return nil }
        let id = r.string("id")
        let name = r.string("name")
        let texts = Persona.fields.map { r.string($0.key, default: "", limit: ModelLimits.longText) }
        let agreed = r.bool("agreed", default: false)
        r.finish()
        guard let id, let name, let agreed, texts.allSatisfy({ $0 != nil }) else { return nil }
        self.init(id: id, name: name, agreed: agreed)
        for (field, text) in zip(Persona.fields, texts) { self[keyPath: field.path] = text ?? "" }
    }

    var json: JSONValue {
        .object([JSONMember("id", .string(id)), JSONMember("name", .string(name))]
                + Persona.fields.map { JSONMember($0.key, .string(self[keyPath: $0.path])) }
                + [JSONMember("agreed", .bool(agreed))])
    }
}

extension DefinitionChange {
    init?(reading value: JSONValue, at path: String, _ ctx: SchemaContext) {
        guard let r = ObjectReader(value, at: path, ctx) else { return nil }
        let key = r.string("subject")
        let title = r.string("title")
        let text = r.string("text", default: "", limit: ModelLimits.longText)
        let agreed = r.bool("agreed", default: false)
        r.finish()
        guard let key, let title, let text, let agreed else { return nil }
        guard let subject = DefinitionSubject(key: key) else {
            r.report("subject", "expected idealLead, lead, mql, sql, opportunity, sla or persona:ID, found \(JSONValue.string(key).briefDescription)")
            return nil
        }
        self.init(subject: subject, title: title, text: text, agreed: agreed)
    }

    var json: JSONValue {
        .object([JSONMember("subject", .string(subject.key)), JSONMember("title", .string(title)),
                 JSONMember("text", .string(text)), JSONMember("agreed", .bool(agreed))])
    }
}

extension AgendaTemplateItem {
    init?(reading value: JSONValue, at path: String, _ ctx: SchemaContext) {
        guard let r = ObjectReader(value, at: path, ctx) else { return nil }
        let title = r.string("title")
        let owner = r.string("owner", default: "")
        let timebox = r.int("timeboxMinutes", in: ModelLimits.timeboxMinutes)
        r.finish()
        guard let title, let owner, let timebox else { return nil }
        self.init(title: title, owner: owner, timeboxMinutes: timebox)
    }

    var json: JSONValue {
        .object([JSONMember("title", .string(title)), JSONMember("owner", .string(owner)), JSONMember("timeboxMinutes", int(timeboxMinutes))])
    }
}
