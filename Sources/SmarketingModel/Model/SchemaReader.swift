/// One problem found in a workspace file, located by its JSON path.
public struct SchemaIssue: Equatable, Sendable, CustomStringConvertible {
    /// Where the problem is, e.g. `meetings[2].agenda[0].timeboxMinutes`.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

extension SchemaIssue {
    /// The first `ModelLimits.reportedProblems` of `total` issues, then one line saying how many
    /// more there are: a file with millions of errors gets a message a person can read.
    static func capped(_ issues: [SchemaIssue], total: Int? = nil) -> [SchemaIssue] {
        let total = total ?? issues.count
        let limit = ModelLimits.reportedProblems
        guard total > limit else { return issues }
        return Array(issues.prefix(limit)) + [SchemaIssue(path: "", message: "and \(total - limit) more problems, not listed; fix the ones above and run `smarketing validate` again to see the rest")]
    }
}

/// Collects schema issues while a JSON tree is mapped onto model values, so that the problems of a
/// file are reported at once rather than only the first. Past `ModelLimits.reportedProblems` they
/// are only counted: their path and message are never built.
final class SchemaContext {
    private var listed: [SchemaIssue] = []
    private var total = 0

    /// The issues found, capped, with the count of the rest as a last line.
    var issues: [SchemaIssue] { SchemaIssue.capped(listed, total: total) }

    func report(_ path: @autoclosure () -> String, _ message: @autoclosure () -> String) {
        total += 1
        guard listed.count < ModelLimits.reportedProblems else { return }
        listed.append(SchemaIssue(path: path(), message: message()))
    }
}

/// Reads one JSON object's fields by name, reporting type errors, missing fields and unknown fields.
final class ObjectReader {
    let path: String
    private let ctx: SchemaContext
    private let members: [String: JSONValue]
    private var known: [String] = []

    init?(_ value: JSONValue, at path: String, _ ctx: SchemaContext) {
        guard case .object(let pairs) = value else {
            ctx.report(path, "expected an object, found \(value.briefDescription)")
            return nil
        }
        self.path = path
        self.ctx = ctx
        var members: [String: JSONValue] = [:]
        members.reserveCapacity(pairs.count)
        for pair in pairs { members[pair.key] = pair.value }
        self.members = members
    }

    func pathOf(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Whether the object has the member at all.
    func has(_ key: String) -> Bool { members[key] != nil }

    /// For readers of nested objects.
    var context: SchemaContext { ctx }

    private func fetch(_ key: String, required: Bool) -> JSONValue? {
        known.append(key)
        guard let value = members[key] else {
            if required { ctx.report(pathOf(key), "missing required field") }
            return nil
        }
        return value
    }

    func report(_ key: String, _ message: @autoclosure () -> String) { ctx.report(pathOf(key), message()) }

    // MARK: typed fields

    /// A required string, or the default when one is given and the field is absent.
    func string(_ key: String, default fallback: String? = nil, limit: Int = ModelLimits.shortText) -> String? {
        guard let value = fetch(key, required: fallback == nil) else { return fallback }
        guard case .string(let s) = value else {
            report(key, "expected text, found \(value.briefDescription)")
            return nil
        }
        if let problem = ModelLimits.textProblem(s, limit: limit) {
            report(key, problem)
            return nil
        }
        return s
    }

    func int(_ key: String, in range: ClosedRange<Int>, default fallback: Int? = nil) -> Int? {
        guard let value = fetch(key, required: fallback == nil) else { return fallback }
        return wholeNumber(value, in: range, at: pathOf(key))
    }

    func optionalInt(_ key: String, in range: ClosedRange<Int>) -> Int?? {
        guard let value = fetch(key, required: false), value != .null else { return .some(nil) }
        guard let n = wholeNumber(value, in: range, at: pathOf(key)) else { return nil }
        return .some(n)
    }

    func wholeNumber(_ value: JSONValue, in range: ClosedRange<Int>, at path: @autoclosure () -> String) -> Int? {
        let n: Int?
        switch value {
        case .integer(let i): n = Int(exactly: i)
        case .double(let d) where d == d.rounded() && abs(d) < 1e15: n = Int(d)
        default: n = nil
        }
        guard let n, range.contains(n) else {
            ctx.report(path(), "expected a whole number \(ObjectReader.describe(range)), found \(value.briefDescription)")
            return nil
        }
        return n
    }

    func double(_ key: String, in range: ClosedRange<Double>, default fallback: Double? = nil) -> Double? {
        guard let value = fetch(key, required: fallback == nil) else { return fallback }
        return number(value, in: range, at: pathOf(key))
    }

    func number(_ value: JSONValue, in range: ClosedRange<Double>, at path: @autoclosure () -> String) -> Double? {
        let d: Double?
        switch value {
        case .integer(let i): d = Double(i)
        case .double(let x): d = x
        default: d = nil
        }
        guard let d, range.contains(d) else {
            ctx.report(path(), "expected a number \(ObjectReader.describe(range)), found \(value.briefDescription)")
            return nil
        }
        return d
    }

    func bool(_ key: String, default fallback: Bool? = nil) -> Bool? {
        guard let value = fetch(key, required: fallback == nil) else { return fallback }
        guard case .bool(let b) = value else {
            report(key, "expected true or false, found \(value.briefDescription)")
            return nil
        }
        return b
    }

    func date(_ key: String) -> CalendarDate? {
        guard let value = fetch(key, required: true) else { return nil }
        return parseDate(value, key)
    }

    /// An optional date: absent or null gives `.some(nil)`; a bad value gives nil (and an issue).
    func optionalDate(_ key: String) -> CalendarDate?? {
        guard let value = fetch(key, required: false), value != .null else { return .some(nil) }
        guard let d = parseDate(value, key) else { return nil }
        return .some(d)
    }

    private func parseDate(_ value: JSONValue, _ key: String) -> CalendarDate? {
        guard case .string(let s) = value else {
            report(key, "expected a date as YYYY-MM-DD, found \(value.briefDescription)")
            return nil
        }
        guard let d = CalendarDate(iso: s) else {
            let shaped = s.utf8.count == 10 && s.utf8.enumerated().allSatisfy { i, b in
                (i == 4 || i == 7) ? b == UInt8(ascii: "-") : (b >= 0x30 && b <= 0x39)
            }
            report(key, shaped ? "\(value.briefDescription) is not a real date (years 1900–9999)"
                               : "expected a date as YYYY-MM-DD, found \(value.briefDescription)")
            return nil
        }
        return d
    }

    func optionalTimestamp(_ key: String) -> Timestamp?? {
        guard let value = fetch(key, required: false), value != .null else { return .some(nil) }
        guard case .string(let s) = value, let t = Timestamp(iso: s) else {
            report(key, "expected a UTC timestamp like 2026-11-23T09:00:00Z, found \(value.briefDescription)")
            return nil
        }
        return .some(t)
    }

    func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E? where E.RawValue == String {
        guard let value = fetch(key, required: true) else { return nil }
        if case .string(let s) = value, let e = E(rawValue: s) { return e }
        let options = E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        report(key, "expected one of \(options), found \(value.briefDescription)")
        return nil
    }

    /// The elements of an array field with their paths. Absent gives the default (or an issue).
    func array(_ key: String, required: Bool = true) -> [(value: JSONValue, path: String)]? {
        guard let value = fetch(key, required: required) else { return required ? nil : [] }
        guard case .array(let elements) = value else {
            report(key, "expected an array, found \(value.briefDescription)")
            return nil
        }
        let base = pathOf(key)
        return elements.enumerated().map { (value: $1, path: "\(base)[\($0)]") }
    }

    func stringArray(_ key: String, required: Bool = true) -> [String]? {
        guard let elements = array(key, required: required) else { return nil }
        var out: [String] = []
        var ok = true
        for element in elements {
            guard case .string(let s) = element.value, s.utf8.count <= ModelLimits.shortText else {
                ctx.report(element.path, "expected text of at most \(ModelLimits.shortText) bytes, found \(element.value.briefDescription)")
                ok = false
                continue
            }
            out.append(s)
        }
        return ok ? out : nil
    }

    func object(_ key: String) -> ObjectReader? {
        guard let value = fetch(key, required: true) else { return nil }
        return ObjectReader(value, at: pathOf(key), ctx)
    }

    /// An optional object: absent or null gives `.some(nil)`; a non-object gives nil (and an issue).
    func optionalObject(_ key: String) -> ObjectReader?? {
        guard let value = fetch(key, required: false), value != .null else { return .some(nil) }
        guard let reader = ObjectReader(value, at: pathOf(key), ctx) else { return nil }
        return .some(reader)
    }

    /// Reports every member that no reader asked for. Call after reading all known fields.
    func finish() {
        let knownSet = Set(known)
        for key in members.keys.sorted() where !knownSet.contains(key) {
            // Built only for issues that are listed: the guess costs an edit distance per field.
            ctx.report(pathOf(TextSanitizer.visible(key.unicodeScalars.count > 64 ? String(String.UnicodeScalarView(key.unicodeScalars.prefix(64))) + "…" : key)),
                       unknownFieldMessage(key))
        }
    }

    private func unknownFieldMessage(_ key: String) -> String {
        let message = "unknown field, not part of schemaVersion \(Workspace.currentSchemaVersion)"
        if key.utf8.count <= 64, let guess = known.min(by: { editDistance($0, key) < editDistance($1, key) }),
           editDistance(guess, key) <= 2 {
            return message + "; did you mean \"\(guess)\"?"
        }
        return message + "; remove it (smarketing never drops data silently)"
    }

    static func describe(_ range: ClosedRange<Int>) -> String {
        if range.upperBound >= Int.max / 2 { return "≥ \(range.lowerBound)" }
        return "from \(range.lowerBound) to \(range.upperBound)"
    }

    static func describe(_ range: ClosedRange<Double>) -> String {
        if range.upperBound >= 1e15 { return "≥ \(JSONWriter.format(range.lowerBound))" }
        return "from \(JSONWriter.format(range.lowerBound)) to \(JSONWriter.format(range.upperBound))"
    }
}

/// Levenshtein distance over Unicode scalars, for "did you mean" hints on misspelt field and
/// column names.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
