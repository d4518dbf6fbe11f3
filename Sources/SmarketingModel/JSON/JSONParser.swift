/// A JSON syntax error with its 1-based line and column (columns count Unicode scalars).
public struct JSONSyntaxError: Error, Equatable, Sendable {
    public var line: Int
    public var column: Int
    public var message: String
    /// True when the JSON is well formed but past a size limit (`ModelLimits.maximumArrayLength`):
    /// the message then says what to do itself.
    public var isLimit = false
}

/// A strict RFC 8259 parser that reports where a document breaks.
///
/// Written by hand rather than using `JSONSerialization` so that errors carry a line and column,
/// duplicate keys are caught, nesting depth is bounded and invalid UTF-8 is named precisely.
/// Arrays and objects are bounded too (`ModelLimits.maximumArrayLength`): a file of 31 million
/// zeros is refused after 100,000 of them, with the JSON path and line, instead of filling memory.
public struct JSONParser {
    /// Documents nested deeper than this are refused rather than risking the stack.
    public static let maximumDepth = 200

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        return try parser.parseDocument()
    }

    let bytes: [UInt8]
    var pos = 0
    var line = 1
    var lineStart = 0
    var depth = 0
    /// Where the parser is, as keys and indices: only read to name the place of a limit error.
    var path: [PathStep] = []

    enum PathStep {
        case key(String)
        case index(Int)
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        // A UTF-8 byte-order mark is tolerated: some editors write one.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            pos = 3
            lineStart = 3
        }
        skipWhitespace()
        if pos >= bytes.count {
            throw error("the file is empty; expected a JSON object")
        }
        let value = try parseValue()
        skipWhitespace()
        if pos < bytes.count {
            throw error("expected the end of the document after the top-level value, found \(describeHere())")
        }
        return value
    }

    // MARK: values

    mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard pos < bytes.count else { throw error("unexpected end of file; expected a value") }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("expected a value, found \(describeHere())")
        }
    }

    mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONParser.maximumDepth {
            throw error("nesting is deeper than \(JSONParser.maximumDepth) levels")
        }
    }

    mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        pos += 1
        var members: [JSONMember] = []
        var seen: Set<String> = []
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
            pos += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard pos < bytes.count else { throw error("unexpected end of file inside an object") }
            guard bytes[pos] == UInt8(ascii: "\"") else {
                throw error("expected a quoted member name, found \(describeHere())")
            }
            let keyStart = pos
            let key = try parseString()
            if members.count == ModelLimits.maximumArrayLength {
                throw limitError("members", at: .key(key))
            }
            if !seen.insert(key).inserted {
                // A key holds no line break, so the column is found on the current line.
                throw JSONSyntaxError(line: line, column: column(at: keyStart),
                                      message: "duplicate member \"\(TextSanitizer.visible(key))\" in the same object")
            }
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else {
                throw error("expected ':' after member name \"\(TextSanitizer.visible(key))\", found \(describeHere())")
            }
            pos += 1
            skipWhitespace()
            path.append(.key(key))
            let value = try parseValue()
            path.removeLast()
            members.append(JSONMember(key, value))
            skipWhitespace()
            guard pos < bytes.count else { throw error("unexpected end of file inside an object; expected ',' or '}'") }
            if bytes[pos] == UInt8(ascii: ",") {
                pos += 1
                continue
            }
            if bytes[pos] == UInt8(ascii: "}") {
                pos += 1
                depth -= 1
                return .object(members)
            }
            throw error("expected ',' or '}' after an object member, found \(describeHere())")
        }
    }

    mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        pos += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
            pos += 1
            depth -= 1
            return .array(elements)
        }
        path.append(.index(0))
        while true {
            skipWhitespace()
            if elements.count == ModelLimits.maximumArrayLength {
                throw limitError("elements", at: .index(elements.count))
            }
            path[path.count - 1] = .index(elements.count)
            elements.append(try parseValue())
            skipWhitespace()
            guard pos < bytes.count else { throw error("unexpected end of file inside an array; expected ',' or ']'") }
            if bytes[pos] == UInt8(ascii: ",") {
                pos += 1
                continue
            }
            if bytes[pos] == UInt8(ascii: "]") {
                pos += 1
                depth -= 1
                path.removeLast()
                return .array(elements)
            }
            throw error("expected ',' or ']' after an array element, found \(describeHere())")
        }
    }

    mutating func expectLiteral(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { lit -> Bool in
            guard pos + count <= bytes.count else { return false }
            for i in 0..<count where bytes[pos + i] != lit[i] { return false }
            return true
        }
        guard matches else { throw error("expected a value, found \(describeHere())") }
        pos += count
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = pos
        var isInteger = true
        if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        guard pos < bytes.count, isDigit(bytes[pos]) else {
            throw error("expected a digit in the number, found \(describeHere())")
        }
        if bytes[pos] == UInt8(ascii: "0") {
            pos += 1
            if pos < bytes.count, isDigit(bytes[pos]) {
                throw error("numbers may not have leading zeros")
            }
        } else {
            while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            isInteger = false
            pos += 1
            guard pos < bytes.count, isDigit(bytes[pos]) else {
                throw error("expected a digit after the decimal point, found \(describeHere())")
            }
            while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            isInteger = false
            pos += 1
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            guard pos < bytes.count, isDigit(bytes[pos]) else {
                throw error("expected a digit in the exponent, found \(describeHere())")
            }
            while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
        }
        // Most numbers are small integers: read them without making a string.
        let negative = bytes[start] == UInt8(ascii: "-")
        let digits = negative ? start + 1 : start
        if isInteger, pos - digits <= 18 {
            var value: Int64 = 0
            for i in digits..<pos { value = value &* 10 &+ Int64(bytes[i] &- 0x30) }
            return .integer(negative ? -value : value)
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        if isInteger, let value = Int64(text) {
            return .integer(value)
        }
        guard let value = Double(text), value.isFinite else {
            pos = start
            throw error("the number \(text.prefix(40)) is out of range")
        }
        return .double(value)
    }

    // MARK: whitespace and positions

    mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09, 0x0D:
                pos += 1
            case 0x0A:
                pos += 1
                line += 1
                lineStart = pos
            default:
                return
            }
        }
    }

    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    func column(at offset: Int) -> Int {
        var col = 1
        var i = lineStart
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { col += 1 }
            i += 1
        }
        return col
    }

    func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(line: line, column: column(at: pos), message: message)
    }

    /// The error for an array or object with more than `ModelLimits.maximumArrayLength` entries;
    /// `step` is the first entry past the bound.
    func limitError(_ noun: String, at step: PathStep) -> JSONSyntaxError {
        var parent = path
        if case .index = step, !parent.isEmpty { parent.removeLast() }
        let container = JSONParser.describe(parent)
        let whole = JSONParser.describe(parent + [step])
        let limit = ModelLimits.maximumArrayLength
        let what = container.isEmpty ? "the top-level value" : container
        var e = error("\(what) has more than \(limit) \(noun) (\(whole) is here); no workspace holds that many, so this file is damaged or is not a workspace. Check that it is the right file")
        e.isLimit = true
        return e
    }

    /// A path such as `meetings[3].agenda[120]`, for messages.
    static func describe(_ steps: [PathStep]) -> String {
        var out = ""
        for step in steps {
            switch step {
            case .index(let i): out += "[\(i)]"
            case .key(let k):
                let shown = k.unicodeScalars.count > 64 ? String(String.UnicodeScalarView(k.unicodeScalars.prefix(64))) + "…" : k
                out += (out.isEmpty ? "" : ".") + TextSanitizer.visible(shown)
            }
        }
        return out
    }

}

func hex4(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
}
