import SmarketingModel

/// What is wrong with an input, and where: the file, the row (the header is row 1), the column
/// and the value, as far as they are known.
public struct ImportProblem: Error, Equatable, Sendable {
    public var file: String
    public var row: Int?
    public var column: String?
    public var value: String?
    public var message: String

    public init(file: String, row: Int? = nil, column: String? = nil, value: String? = nil, message: String) {
        self.file = file
        self.row = row
        self.column = column
        self.value = value
        self.message = message
    }

    /// One line: `file.csv, row 12, column "Close Date": "2026-13-45" is not a date …`. Every
    /// part that came from the file is made visible (no control characters reach the terminal).
    public var line: String {
        var place = TextSanitizer.visible(file)
        if let row { place += ", row \(row)" }
        if let column { place += ", column \"\(TextSanitizer.visible(column))\"" }
        let shown = value.map { value -> String in
            let clipped = value.count > 60 ? String(value.prefix(60)) + "…" : value
            return "\"\(TextSanitizer.visible(clipped))\": "
        } ?? ""
        return "\(place): \(shown)\(message)"
    }
}

/// Every problem found in one run, in the order found.
public struct ImportFailure: Error, Sendable {
    public var problems: [ImportProblem]
    /// How many are listed; the rest are counted.
    public static let listed = 20

    public var lines: [String] {
        var out = problems.prefix(Self.listed).map(\.line)
        if problems.count > Self.listed {
            let more = problems.count - Self.listed
            out.append("… and \(more) more problem\(more == 1 ? "" : "s").")
        }
        return out
    }
}
