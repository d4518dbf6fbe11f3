/// One line of quick capture, as the chair types it during the meeting.
public enum Capture: Equatable, Sendable {
    /// `a: owner: text`, optionally with `due:fri`, `due:tomorrow` or `due:2026-11-30` in the text.
    case actionItem(owner: String, title: String, due: DueDate? = nil)
    /// `d: text`
    case decision(String)
    /// `f: stage: text`
    case frictionPoint(stage: FunnelStage, title: String)
    /// Anything else goes into the meeting's notes.
    case note(String)

    /// Stage names and the aliases people type.
    public static let stageNames: [String: FunnelStage] = [
        "iql-mql": .iqlMql, "iql": .iqlMql, "mql": .iqlMql, "iql/mql": .iqlMql, "lead": .iqlMql, "leads": .iqlMql,
        "sql": .sql, "sqls": .sql,
        "opportunity": .opportunity, "opp": .opportunity, "opps": .opportunity,
        "customer": .customer, "customers": .customer, "onboarding": .customer,
        "retention": .retention, "churn": .retention,
    ]

    /// Parses a capture line. Malformed prefixed lines (`a:` with no owner, `f:` with an unknown
    /// stage) are reported, not silently turned into notes.
    public static func parse(_ line: String) -> Result<Capture, CaptureError> {
        let text = line.trimmingSpaces
        guard !text.isEmpty else { return .failure(.empty) }
        let fields = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        switch fields[0].lowercased() {
        case "a" where fields.count >= 2:
            guard fields.count == 3, !fields[2].isEmpty else { return .failure(.actionNeedsOwnerAndText) }
            // A `due:` word anywhere in the text is the due date, not part of the title.
            var words = fields[2].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            var due: DueDate?
            if let i = words.lastIndex(where: { $0.lowercased().hasPrefix("due:") }) {
                let value = String(words[i].dropFirst(4))
                guard let parsed = DueDate(value) else { return .failure(.badDueDate(value)) }
                due = parsed
                words.remove(at: i)
            }
            let title = words.joined(separator: " ").trimmingSpaces
            guard !title.isEmpty else { return .failure(.actionNeedsOwnerAndText) }
            return .success(.actionItem(owner: fields[1], title: title, due: due))
        case "d" where fields.count >= 2:
            let rest = fields.dropFirst().joined(separator: ": ").trimmingSpaces
            return rest.isEmpty ? .failure(.decisionNeedsText) : .success(.decision(rest))
        case "f" where fields.count >= 2:
            guard fields.count == 3, !fields[2].isEmpty else { return .failure(.frictionNeedsStageAndText) }
            guard let stage = stageNames[fields[1].lowercased()] else { return .failure(.unknownStage(fields[1])) }
            return .success(.frictionPoint(stage: stage, title: fields[2]))
        default:
            return .success(.note(text))
        }
    }

    /// Completions for the token being typed: owners after `a:`, stages after `f:`.
    public static func completions(for line: String, owners: [String]) -> [String] {
        let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { return [] }
        let prefix = parts[1].trimmingSpaces.lowercased()
        switch parts[0].trimmingSpaces.lowercased() {
        case "a":
            return owners.filter { $0.lowercased().hasPrefix(prefix) && $0.lowercased() != prefix }
        case "f":
            return FunnelStage.allCases.map(\.rawValue).filter { $0.hasPrefix(prefix) && $0 != prefix }
        default:
            return []
        }
    }

    /// Every name the workspace knows: the roster first, then attendees, chairs and owners, most
    /// recent meeting first.
    public static func knownNames(in ws: Workspace) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        func add(_ n: String) {
            let t = n.trimmingSpaces
            if !t.isEmpty, seen.insert(t).inserted { names.append(t) }
        }
        ws.people.forEach { add($0.name) }
        for m in ws.meetings.reversed() {
            add(m.chair)
            m.attendees.forEach(add)
            m.agenda.forEach { add($0.owner) }
            m.actionItems.forEach { add($0.owner) }
        }
        ws.frictionPoints.forEach { add($0.owner) }
        return names
    }
}

/// A due date as typed on the capture line: a date, a weekday (the next one after today), today
/// or tomorrow. It becomes a calendar date when the line is added.
public enum DueDate: Equatable, Sendable {
    case date(CalendarDate)
    case today
    case tomorrow
    /// ISO weekday, 1 = Monday.
    case weekday(Int)

    private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    public init?(_ text: String) {
        let t = text.lowercased()
        if let d = CalendarDate(iso: t) {
            self = .date(d)
        } else if t == "today" {
            self = .today
        } else if t == "tomorrow" || t == "tmr" {
            self = .tomorrow
        } else if t.count >= 3, let i = Self.weekdays.firstIndex(where: { t.hasPrefix($0) }),
                  ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][i].hasPrefix(t) {
            self = .weekday(i + 1)
        } else {
            return nil
        }
    }

    /// The calendar date, counted from `today`: a weekday is the next one after today.
    public func date(from today: CalendarDate) -> CalendarDate {
        switch self {
        case .date(let d): return d
        case .today: return today
        case .tomorrow: return today.adding(days: 1)
        case .weekday(let w):
            let ahead = (w - today.weekday + 7) % 7
            return today.adding(days: ahead == 0 ? 7 : ahead)
        }
    }
}

public enum CaptureError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case actionNeedsOwnerAndText
    case decisionNeedsText
    case frictionNeedsStageAndText
    case unknownStage(String)
    case badDueDate(String)

    public var description: String {
        switch self {
        case .empty: return "type something to capture"
        case .actionNeedsOwnerAndText: return "an action item is a: owner: what to do"
        case .decisionNeedsText: return "a decision is d: what was decided"
        case .frictionNeedsStageAndText: return "a friction point is f: stage: what leaks"
        case .unknownStage(let s): return "unknown stage \"\(TextSanitizer.visible(s))\"; use iql-mql, sql, opportunity, customer or retention"
        case .badDueDate(let s): return "due:\(TextSanitizer.visible(s)) is not a date; use due:2026-11-30, due:fri or due:tomorrow"
        }
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    public var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
