/// One thing in the workspace a command can act on, by its stable id: "the item the chair is on".
/// The UI resolves its selection to an `ItemRef` once; every edit takes one.
public enum ItemRef: Hashable, Sendable {
    case agenda(String)
    case friction(String)
    case action(String)
    case decision(String)
    /// A friction point the numbers suggest for the current week, not yet accepted or dismissed.
    case suggestion(FunnelConversion)

    /// The id, for entities that have one.
    public var id: String? {
        switch self {
        case .agenda(let id), .friction(let id), .action(let id), .decision(let id): return id
        case .suggestion: return nil
        }
    }

    /// What the item is, in words: "agenda item", "decision".
    public var noun: String {
        switch self {
        case .agenda: return "agenda item"
        case .friction: return "friction point"
        case .action: return "action item"
        case .decision: return "decision"
        case .suggestion: return "suggestion"
        }
    }
}

/// Why an edit was refused. The workspace is left as it was.
public struct EditError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// The field the problem is in, when one is (a form can put the cursor there).
    public var field: String?

    public init(_ message: String, field: String? = nil) {
        self.message = message
        self.field = field
    }

    public var description: String { message }
}

/// Fresh ids for new entities: a seeded generator and every id the workspace has used, so a new
/// id is checked without walking the workspace. Ids of deleted items stay taken, which only makes
/// it more careful.
public struct IDPool: Equatable, Sendable {
    public var generator: IDGenerator
    public private(set) var taken: Set<String>

    public init(generator: IDGenerator = IDGenerator(), taken: Set<String> = []) {
        self.generator = generator
        self.taken = taken
    }

    /// A fresh id with the prefix (`ag`, `fp`, `act`, `dec`, `wk`, `mtg`), recorded as taken.
    public mutating func fresh(_ prefix: String) -> String {
        let id = generator.next(prefix, avoiding: taken)
        taken.insert(id)
        return id
    }

    /// Records ids that appeared from elsewhere (a reload from disk).
    public mutating func reserve(_ ids: Set<String>) { taken.formUnion(ids) }
}
