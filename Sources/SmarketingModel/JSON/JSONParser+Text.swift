extension JSONParser {
    mutating func parseString() throws(JSONSyntaxError) -> String {
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

    mutating func parseEscape(into out: inout [UInt8]) throws(JSONSyntaxError) {
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

    mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
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

    func decodeUTF8(_ start: Int, _ end: Int) throws(JSONSyntaxError) -> String {
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

    func decodeUTF8Scratch(_ scratch: [UInt8], at start: Int) throws(JSONSyntaxError) -> String {
        if let s = String(validating: scratch, as: UTF8.self) { return s }
        throw invalidUTF8(from: start, to: pos)
    }

    func invalidUTF8(from start: Int, to end: Int) -> JSONSyntaxError {
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

    func utf8SequenceLength(at i: Int, end: Int) -> Int {
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

    func describeHere() -> String {
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

    func describeByte(_ b: UInt8) -> String {
        if b < 0x20 || b == 0x7F { return "the control character U+\(hex4(UInt32(b)))" }
        return "'\(Character(Unicode.Scalar(b)))'"
    }
}

