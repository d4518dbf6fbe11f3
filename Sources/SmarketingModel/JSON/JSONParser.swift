/// A JSON syntax error with its 1-based line and column (columns count Unicode scalars).
public struct JSONSyntaxError: Error, Equatable, Sendable {
    public var line: Int
    public var column: Int
    public var message: String
}

/// A strict RFC 8259 parser that reports where a document breaks.
///
/// Written by hand rather than using `JSONSerialization` so that errors carry a line and column,
/// duplicate keys are caught, nesting depth is bounded and invalid UTF-8 is named precisely.
public struct JSONParser {
    /// Documents nested deeper than this are refused rather than risking the stack.
    public static let maximumDepth = 200

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        return try parser.parseDocument()
    }

    private let bytes: [UInt8]
    private var pos = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
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

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
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

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONParser.maximumDepth {
            throw error("nesting is deeper than \(JSONParser.maximumDepth) levels")
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
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
            let keyLine = line, keyColumn = column(at: pos)
            let key = try parseString()
            if !seen.insert(key).inserted {
                throw JSONSyntaxError(line: keyLine, column: keyColumn,
                                      message: "duplicate member \"\(TextSanitizer.visible(key))\" in the same object")
            }
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else {
                throw error("expected ':' after member name \"\(TextSanitizer.visible(key))\", found \(describeHere())")
            }
            pos += 1
            skipWhitespace()
            let value = try parseValue()
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

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        pos += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
            pos += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
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
                return .array(elements)
            }
            throw error("expected ',' or ']' after an array element, found \(describeHere())")
        }
    }

    private mutating func expectLiteral(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { lit -> Bool in
            guard pos + count <= bytes.count else { return false }
            for i in 0..<count where bytes[pos + i] != lit[i] { return false }
            return true
        }
        guard matches else { throw error("expected a value, found \(describeHere())") }
        pos += count
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
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

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        pos += 1 // opening quote
        var scratch: [UInt8] = []
        var runStart = pos
        while true {
            guard pos < bytes.count else { throw error("unexpected end of file inside a string") }
            let byte = bytes[pos]
            if byte == UInt8(ascii: "\"") {
                let result: String
                if scratch.isEmpty {
                    result = try decodeUTF8(runStart, pos)
                } else {
                    scratch.append(contentsOf: bytes[runStart..<pos])
                    result = try decodeUTF8Scratch(scratch, at: runStart)
                }
                pos += 1
                return result
            }
            if byte == UInt8(ascii: "\\") {
                scratch.append(contentsOf: bytes[runStart..<pos])
                try parseEscape(into: &scratch)
                runStart = pos
                continue
            }
            if byte < 0x20 {
                let name = byte == 0x0A ? "a line break" : "the control character U+\(hex4(UInt32(byte)))"
                throw error("\(name) inside a string must be escaped (close the string or write \\n)")
            }
            pos += 1
        }
    }

    private mutating func parseEscape(into out: inout [UInt8]) throws(JSONSyntaxError) {
        pos += 1
        guard pos < bytes.count else { throw error("unexpected end of file inside a string escape") }
        let c = bytes[pos]
        pos += 1
        switch c {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
                    throw error("a \\u escape for a high surrogate must be followed by a low surrogate")
                }
                pos += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error("a \\u escape for a high surrogate must be followed by a low surrogate")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw error("a \\u escape holds a lone low surrogate")
            }
            guard let s = Unicode.Scalar(scalar) else { throw error("a \\u escape is not a valid character") }
            out.append(contentsOf: Array(String(Character(s)).utf8))
        default:
            pos -= 1
            throw error("unknown escape \\\(describeByte(c)) in a string")
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard pos + 4 <= bytes.count else { throw error("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[pos]
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("a \\u escape needs four hex digits, found \(describeHere())")
            }
            value = value << 4 | digit
            pos += 1
        }
        return value
    }

    private func decodeUTF8(_ start: Int, _ end: Int) throws(JSONSyntaxError) -> String {
        // Fast path: pure ASCII needs no validation.
        var ascii = true
        for i in start..<end where bytes[i] >= 0x80 {
            ascii = false
            break
        }
        if ascii { return String(decoding: bytes[start..<end], as: UTF8.self) }
        if let s = String(validating: bytes[start..<end], as: UTF8.self) { return s }
        throw invalidUTF8(from: start, to: end)
    }

    private func decodeUTF8Scratch(_ scratch: [UInt8], at start: Int) throws(JSONSyntaxError) -> String {
        if let s = String(validating: scratch, as: UTF8.self) { return s }
        throw invalidUTF8(from: start, to: pos)
    }

    private func invalidUTF8(from start: Int, to end: Int) -> JSONSyntaxError {
        // Find the first byte that does not begin a valid sequence, to point at it.
        var i = start
        while i < end {
            let len = utf8SequenceLength(at: i, end: end)
            if len == 0 {
                return JSONSyntaxError(line: line, column: column(at: i),
                                       message: "invalid UTF-8 byte 0x\(String(bytes[i], radix: 16, uppercase: true)) in a string; save the file as UTF-8")
            }
            i += len
        }
        return JSONSyntaxError(line: line, column: column(at: start), message: "invalid UTF-8 in a string; save the file as UTF-8")
    }

    private func utf8SequenceLength(at i: Int, end: Int) -> Int {
        let b = bytes[i]
        let need: Int
        switch b {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: need = 2
        case 0xE0...0xEF: need = 3
        case 0xF0...0xF4: need = 4
        default: return 0
        }
        guard i + need <= end else { return 0 }
        return String(validating: bytes[i..<(i + need)], as: UTF8.self) == nil ? 0 : need
    }

    // MARK: whitespace and positions

    private mutating func skipWhitespace() {
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

    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private func column(at offset: Int) -> Int {
        var col = 1
        var i = lineStart
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { col += 1 }
            i += 1
        }
        return col
    }

    private func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(line: line, column: column(at: pos), message: message)
    }

    private func describeHere() -> String {
        guard pos < bytes.count else { return "the end of the file" }
        let b = bytes[pos]
        if b >= 0x80 {
            let len = utf8SequenceLength(at: pos, end: bytes.count)
            if len > 0, let s = String(validating: bytes[pos..<(pos + len)], as: UTF8.self) {
                return "'\(TextSanitizer.visible(s))'"
            }
            return "the byte 0x\(String(b, radix: 16, uppercase: true))"
        }
        return describeByte(b)
    }

    private func describeByte(_ b: UInt8) -> String {
        if b < 0x20 || b == 0x7F { return "the control character U+\(hex4(UInt32(b)))" }
        return "'\(Character(Unicode.Scalar(b)))'"
    }
}

func hex4(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
}
