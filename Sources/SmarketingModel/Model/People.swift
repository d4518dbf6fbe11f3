/// Which side of the smarketing table a person sits on.
public enum PersonTeam: String, CaseIterable, Sendable {
    case sales
    case marketing
    case other
}

/// One member of the team's roster: the people who own items and attend the meeting.
public struct Person: Equatable, Sendable {
    /// The full name, as owners and attendance name the person. Unique in the roster.
    public var name: String
    public var team: PersonTeam
    /// What narrow columns show, e.g. "Priya"; empty means the rule in `NameStyle` decides.
    public var shortName: String

    public init(name: String, team: PersonTeam = .other, shortName: String = "") {
        self.name = name
        self.team = team
        self.shortName = shortName
    }
}

/// The one rule for showing a person's name in a narrow column, used by every pane, overlay and
/// the header. A name shows whole when it fits. Otherwise it shows the roster's short name if the
/// person has one, else the first name when no one else on the roster or among the other names
/// shares it, else the first name and as much of the last name as tells them apart ("Priya N.",
/// or "Priya Nat." beside "Priya Nair"). Only when even that does not fit is it cut, with "…".
public struct NameStyle: Equatable, Sendable {
    private var shortNames: [String: String] = [:]

    /// The short names for the roster and for `others` (owners not on the roster).
    public init(people: [Person], others: [String] = []) {
        var firstNameUse: [String: Set<String>] = [:]
        let all = people.map(\.name) + others
        for name in all {
            let first = Self.firstName(name)
            firstNameUse[first.lowercased(), default: []].insert(name)
        }
        for name in all {
            let first = Self.firstName(name)
            let sharing = firstNameUse[first.lowercased()] ?? []
            let words = name.split(separator: " ")
            guard sharing.count > 1, words.count > 1, let last = words.last else {
                shortNames[name] = first
                continue
            }
            // The first name and as much of the last name as tells them apart: "Priya N.", "Priya Nat.".
            let others = sharing.filter { $0 != name }.map { $0.split(separator: " ").last.map(String.init) ?? "" }
            var length = 1
            while length < last.count, others.contains(where: { $0.lowercased().hasPrefix(last.prefix(length).lowercased()) }) { length += 1 }
            shortNames[name] = length >= last.count ? name : "\(first) \(last.prefix(length))."
        }
        for person in people where !person.shortName.trimmingSpaces.isEmpty {
            shortNames[person.name] = person.shortName.trimmingSpaces
        }
    }

    public init(_ ws: Workspace) {
        var others: [String] = []
        var known = Set(ws.people.map(\.name))
        for name in Capture.knownNames(in: ws) where known.insert(name).inserted { others.append(name) }
        self.init(people: ws.people, others: others)
    }

    /// The short form of `name`: see the type's rule. A name it does not know keeps its first word.
    public func short(_ name: String) -> String {
        shortNames[name] ?? Self.firstName(name)
    }

    /// `name` whole if it fits in `width` columns, else its short form, cut with "…" when even that
    /// is too wide.
    public func fit(_ name: String, width: Int) -> String {
        if DisplayWidth.of(name) <= width { return name }
        let s = short(name)
        if DisplayWidth.of(s) <= width { return s }
        return DisplayWidth.truncate(s, to: width)
    }

    static func firstName(_ name: String) -> String {
        name.split(separator: " ").first.map(String.init) ?? name
    }
}

extension Workspace {
    /// The roster member called `name`, if any.
    public func person(named name: String) -> Person? { people.first { $0.name == name } }
}
