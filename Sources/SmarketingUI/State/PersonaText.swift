import SmarketingModel

/// A persona as the text `$EDITOR` edits: "Name: …" and then `Persona.text`'s "Label: value"
/// lines, read back field by field. A line that does not start with a label continues the field
/// above it; a line with a label that is not a persona field is refused, as is a missing name,
/// so nothing typed is dropped without a word.
enum PersonaText {
    static let nameLabel = "Name"

    static func text(of persona: Persona) -> String {
        "\(nameLabel): \(persona.name)\n" + persona.text
    }

    static var labels: [String] { [nameLabel] + Persona.fields.map(\.label) }

    /// The persona with the fields the text gives (fields it leaves out come back empty; `agreed`
    /// and the id stay as they were), or a message that says which line is wrong and how.
    static func parse(_ text: String, into persona: Persona) -> Result<Persona, NotesEditFailure> {
        var values: [String: [String]] = [:]
        var current: String?
        let known = Dictionary(uniqueKeysWithValues: labels.map { ($0.lowercased(), $0) })
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if let (label, value) = labelled(line) {
                guard let field = known[label.lowercased()] else {
                    return .failure(NotesEditFailure("line \(number + 1): \"\(label)\" is not a field; use \(labels.joined(separator: ", "))"))
                }
                guard values[field] == nil else {
                    return .failure(NotesEditFailure("line \(number + 1): \"\(field)\" appears twice"))
                }
                values[field] = [value]
                current = field
            } else if let field = current {
                values[field, default: []].append(line.trimmingSpaces)
            } else if !line.trimmingSpaces.isEmpty {
                return .failure(NotesEditFailure("line \(number + 1): start with \"\(nameLabel): …\""))
            }
        }
        func value(_ field: String) -> String {
            var lines = values[field] ?? []
            while lines.last?.isEmpty == true { lines.removeLast() }
            return lines.joined(separator: "\n").trimmingSpaces
        }
        let name = value(nameLabel)
        guard !name.isEmpty else { return .failure(NotesEditFailure("the persona needs a name: a line \"\(nameLabel): …\"")) }
        var result = persona
        result.name = name
        for field in Persona.fields { result[keyPath: field.path] = value(field.label) }
        return .success(result)
    }

    /// "Goals: grow" → ("Goals", "grow"): a line that starts with a short label of letters and
    /// spaces and a colon. Anything else is text.
    static func labelled(_ line: String) -> (label: String, value: String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let label = String(line[..<colon]).trimmingSpaces
        guard !label.isEmpty, label.count <= 30, line.first?.isWhitespace == false,
              label.allSatisfy({ $0.isLetter || $0 == " " }) else { return nil }
        return (label, String(line[line.index(after: colon)...]).trimmingSpaces)
    }
}
