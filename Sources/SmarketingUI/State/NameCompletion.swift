import SmarketingModel

/// Tab in an owner field: what was typed, completed from the names the workspace knows (the
/// roster first). Case does not matter, and a later word matches too: "ort" finds Luis Ortega.
enum NameCompletion {
    struct Result: Equatable {
        /// The field's new text: the one name that matches, or the matching names' common
        /// beginning (what was typed when they have none longer).
        var text: String
        /// The names that match when there are several (empty when one does).
        var candidates: [String]
    }

    /// Nil when there is nothing to complete: nothing typed, a full name already, or no match.
    static func complete(_ typed: String, names: [String]) -> Result? {
        let t = typed.trimmingSpaces
        let lower = t.lowercased()
        guard !t.isEmpty, !names.contains(t) else { return nil }
        func wordMatch(_ name: String) -> Bool {
            name.split(separator: " ").dropFirst().contains { $0.lowercased().hasPrefix(lower) }
        }
        let matches = names.filter { $0.lowercased().hasPrefix(lower) || wordMatch($0) }
        guard let first = matches.first else { return nil }
        if matches.count == 1 { return Result(text: first, candidates: []) }
        // Several: extend to what they all begin with, when each begins with what was typed.
        guard matches.allSatisfy({ $0.lowercased().hasPrefix(lower) }) else { return Result(text: typed, candidates: matches) }
        var common = first.count
        for name in matches.dropFirst() {
            common = min(common, zip(first, name).prefix { $0.lowercased() == $1.lowercased() }.count)
        }
        let prefix = String(first.prefix(common))
        return Result(text: prefix.count > t.count ? prefix : typed, candidates: matches)
    }

    /// The candidates as a field hint: "Priya Natarajan · Priya Nair", the first few of many.
    static func listing(_ candidates: [String]) -> String {
        let shown = candidates.prefix(4).joined(separator: " · ")
        return candidates.count > 4 ? shown + " · +\(candidates.count - 4) more" : shown
    }
}
