/// The words sales and marketing have agreed on: who the ideal lead is, who buys, what counts as a
/// lead at each stage, and the SLA. They belong to the team, not to a meeting, so they carry over
/// every week; a meeting records which of them changed in it (`Meeting.definitionChanges`).
public struct Definitions: Equatable, Sendable {
    public var idealLead: Definition
    public var personas: [Persona]
    public var lead: Definition
    public var mql: Definition
    public var sql: Definition
    public var opportunity: Definition
    /// The SLA in words; the numbers live in `Team.sla`.
    public var sla: Definition

    public init(idealLead: Definition = Definition(), personas: [Persona] = [], lead: Definition = Definition(),
                mql: Definition = Definition(), sql: Definition = Definition(), opportunity: Definition = Definition(),
                sla: Definition = Definition()) {
        self.idealLead = idealLead
        self.personas = personas
        self.lead = lead
        self.mql = mql
        self.sql = sql
        self.opportunity = opportunity
        self.sla = sla
    }

    /// The one-text definition `subject` names (nil for a persona, which has fields of its own).
    public subscript(subject: DefinitionSubject) -> Definition? {
        get {
            switch subject {
            case .idealLead: return idealLead
            case .lead: return lead
            case .mql: return mql
            case .sql: return sql
            case .opportunity: return opportunity
            case .sla: return sla
            case .persona: return nil
            }
        }
        set {
            guard let newValue else { return }
            switch subject {
            case .idealLead: idealLead = newValue
            case .lead: lead = newValue
            case .mql: mql = newValue
            case .sql: sql = newValue
            case .opportunity: opportunity = newValue
            case .sla: sla = newValue
            case .persona: break
            }
        }
    }

    /// Every subject in the order the definitions view and the minutes show them.
    public var subjects: [DefinitionSubject] {
        [.idealLead] + personas.map { .persona(id: $0.id) } + [.lead, .mql, .sql, .opportunity, .sla]
    }

    /// The subject's heading, e.g. "What counts as an MQL" or "Persona: Ops manager Olivia".
    public func title(of subject: DefinitionSubject) -> String {
        switch subject {
        case .persona(let id):
            let name = personas.first { $0.id == id }?.name ?? id
            return "Persona: \(name)"
        default:
            return subject.fixedTitle
        }
    }

    /// The subject's whole text as it is written in the minutes and opened in an editor.
    public func text(of subject: DefinitionSubject) -> String {
        if case .persona(let id) = subject {
            return personas.first { $0.id == id }?.text ?? ""
        }
        return self[subject]?.text ?? ""
    }

    /// Whether the subject has been agreed (false: a draft still to agree on).
    public func isAgreed(_ subject: DefinitionSubject) -> Bool {
        if case .persona(let id) = subject { return personas.first { $0.id == id }?.agreed ?? false }
        return self[subject]?.agreed ?? false
    }
}

/// One definition: its text, and whether both teams have agreed to it.
public struct Definition: Equatable, Sendable {
    public var text: String
    /// False while it is a draft to agree on.
    public var agreed: Bool

    public init(_ text: String = "", agreed: Bool = false) {
        self.text = text
        self.agreed = agreed
    }
}

/// A buyer persona: who buys, what they want, what hurts, what holds them back, where they look.
public struct Persona: Equatable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var role: String
    public var goals: String
    public var pains: String
    public var objections: String
    /// Where they look for information: sites, communities, events, people.
    public var whereTheyLook: String
    public var agreed: Bool

    public init(id: String, name: String, role: String = "", goals: String = "", pains: String = "",
                objections: String = "", whereTheyLook: String = "", agreed: Bool = false) {
        self.id = id
        self.name = name
        self.role = role
        self.goals = goals
        self.pains = pains
        self.objections = objections
        self.whereTheyLook = whereTheyLook
        self.agreed = agreed
    }

    /// The persona's fields in order, with their labels, as forms, editors and the minutes show them.
    public static var fields: [(key: String, label: String, path: WritableKeyPath<Persona, String>)] {
        [
            ("role", "Role", \.role),
            ("goals", "Goals", \.goals),
            ("pains", "Pains", \.pains),
            ("objections", "Objections", \.objections),
            ("whereTheyLook", "Where they look", \.whereTheyLook),
        ]
    }

    /// The persona as one text, a "Label: value" line per field ("Label:" when it is empty).
    public var text: String {
        Self.fields.map { field in
            let value = self[keyPath: field.path]
            return value.isEmpty ? "\(field.label):" : "\(field.label): \(value)"
        }.joined(separator: "\n")
    }
}

/// Which definition: one of the fixed ones, or a persona by id.
public enum DefinitionSubject: Hashable, Sendable {
    case idealLead
    case persona(id: String)
    case lead
    case mql
    case sql
    case opportunity
    case sla

    /// The name stored in the file: "idealLead", "lead", … or "persona:ID".
    public var key: String {
        switch self {
        case .idealLead: return "idealLead"
        case .persona(let id): return "persona:\(id)"
        case .lead: return "lead"
        case .mql: return "mql"
        case .sql: return "sql"
        case .opportunity: return "opportunity"
        case .sla: return "sla"
        }
    }

    public init?(key: String) {
        switch key {
        case "idealLead": self = .idealLead
        case "lead": self = .lead
        case "mql": self = .mql
        case "sql": self = .sql
        case "opportunity": self = .opportunity
        case "sla": self = .sla
        default:
            guard key.hasPrefix("persona:"), key.utf8.count > 8 else { return nil }
            self = .persona(id: String(key.dropFirst(8)))
        }
    }

    var fixedTitle: String {
        switch self {
        case .idealLead: return "The ideal lead"
        case .lead: return "What counts as a lead"
        case .mql: return "What counts as an MQL"
        case .sql: return "What counts as an SQL"
        case .opportunity: return "What counts as an opportunity"
        case .sla: return "The SLA in words"
        case .persona: return "Persona"
        }
    }
}

/// A definition as it stood after it changed in a meeting: the minutes show it under
/// "Definitions changed this week". One per subject per meeting; a later change replaces it.
public struct DefinitionChange: Equatable, Sendable {
    public var subject: DefinitionSubject
    /// The heading when it changed, e.g. "What counts as an SQL".
    public var title: String
    public var text: String
    public var agreed: Bool

    public init(subject: DefinitionSubject, title: String, text: String, agreed: Bool) {
        self.subject = subject
        self.title = title
        self.text = text
        self.agreed = agreed
    }
}
