import Testing
@testable import SmarketingModel

@Suite("JSON parser")
struct JSONParserTests {
    func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    func failure(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func parsesEveryKindOfValue() throws {
        let value = try parse(#"{"a": [1, -2.5, true, false, null, "x\n\u00e9\ud83d\ude80"], "b": {}}"#)
        #expect(value == .object([
            JSONMember("a", .array([.integer(1), .double(-2.5), .bool(true), .bool(false), .null, .string("x\né🚀")])),
            JSONMember("b", .object([])),
        ]))
    }

    @Test func acceptsCRLFLineEndingsAndAByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\r\n  \"a\": 1\r\n}\r\n".utf8)
        #expect(try JSONParser.parse(bytes) == .object([JSONMember("a", .integer(1))]))
    }

    @Test(arguments: [
        ("{\n  \"a\": 1,\n}", 3, 1, "expected a quoted member name, found '}'"),
        ("{\n  \"a\" 1\n}", 2, 7, "expected ':' after member name \"a\", found '1'"),
        ("{\"a\": [1, 2", 1, 12, "unexpected end of file inside an array; expected ',' or ']'"),
        ("{\"a\": \"unterminated", 1, 20, "unexpected end of file inside a string"),
        ("{\"a\": tru}", 1, 7, "expected a value, found 't'"),
        ("{\"a\": 01}", 1, 8, "numbers may not have leading zeros"),
        ("{\"a\": 1}}", 1, 9, "expected the end of the document after the top-level value, found '}'"),
        ("", 1, 1, "the file is empty; expected a JSON object"),
        ("  \n ", 2, 2, "the file is empty; expected a JSON object"),
        ("{\"a\": 1, \"a\": 2}", 1, 10, "duplicate member \"a\" in the same object"),
        ("{\"a\": \"x\\q\"}", 1, 10, "unknown escape \\'q' in a string"),
        ("{\"é\": x}", 1, 7, "expected a value, found 'x'"),
        ("{\"a\": 1e999}", 1, 7, "the number 1e999 is out of range"),
        ("{\"a\": \"\\ud800\"}", 1, 14, "a \\u escape for a high surrogate must be followed by a low surrogate"),
    ])
    func reportsLineColumnAndWhatWasFound(text: String, line: Int, column: Int, message: String) {
        let error = failure(text)
        #expect(error == JSONSyntaxError(line: line, column: column, message: message))
    }

    @Test func rejectsRawControlCharactersInStrings() {
        let error = failure("{\"a\": \"x\u{1B}y\"}")
        #expect(error?.message == "the control character U+001B inside a string must be escaped (close the string or write \\n)")
        #expect(failure("{\"a\": \"x\ny\"}")?.message.hasPrefix("a line break inside a string") == true)
    }

    @Test func namesInvalidUTF8ByteAndPosition() {
        let bytes: [UInt8] = Array("{\n \"k\": \"ab".utf8) + [0xFF] + Array("\"}".utf8)
        do {
            _ = try JSONParser.parse(bytes)
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 10)
            #expect(error.message.hasPrefix("invalid UTF-8 byte 0xFF"))
        }
    }

    @Test func refusesDeepNestingWithoutExhaustingTheStack() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = failure(deep)
        #expect(error?.message == "nesting is deeper than \(JSONParser.maximumDepth) levels")
        #expect(error?.column == JSONParser.maximumDepth + 1)
        // Exactly at the limit is fine.
        let ok = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(failure(ok) == nil)
    }

    @Test func keepsIntegersExactAndDistinguishesThemFromDoubles() throws {
        #expect(try parse("9007199254740993") == .integer(9_007_199_254_740_993))
        #expect(try parse("12.50") == .double(12.5))
        #expect(try parse("1E2") == .double(100))
        #expect(try parse("-0") == .integer(0))
    }
}

@Suite("JSON writer")
struct JSONWriterTests {
    @Test func writesSortedKeysTwoSpaceIndentAndTrailingNewline() {
        let value = JSONValue.object([
            JSONMember("b", .array([.integer(1), .object([])])),
            JSONMember("a", .string("x")),
            JSONMember("c", .array([])),
        ])
        let text = String(decoding: JSONWriter.canonicalBytes(value), as: UTF8.self)
        #expect(text == "{\n  \"a\": \"x\",\n  \"b\": [\n    1,\n    {}\n  ],\n  \"c\": []\n}\n")
    }

    @Test func escapesQuotesBackslashesAndEveryControlCharacterIncludingC1() {
        let text = String(decoding: JSONWriter.canonicalBytes(.string("q\"b\\n\n\t\u{1B}[2J\u{7F}\u{9B}é")), as: UTF8.self)
        #expect(text == "\"q\\\"b\\\\n\\n\\t\\u001B[2J\\u007F\\u009Bé\"\n")
        #expect(try! JSONParser.parse(Array(text.utf8)) == .string("q\"b\\n\n\t\u{1B}[2J\u{7F}\u{9B}é"))
    }

    @Test func escapesBidiOverridesAndLineSeparatorsSoFilesAreSafeToPrint() throws {
        let text = String(decoding: JSONWriter.canonicalBytes(.string("a\u{202E}b\u{2028}c\u{200D}d")), as: UTF8.self)
        #expect(text == "\"a\\u202Eb\\u2028c\u{200D}d\"\n") // the joiner inside emoji stays
        #expect(try JSONParser.parse(Array(text.utf8)) == .string("a\u{202E}b\u{2028}c\u{200D}d"))
    }

    @Test func writesWholeDoublesWithoutAFraction() {
        #expect(JSONWriter.format(6000) == "6000")
        #expect(JSONWriter.format(0.1) == "0.1")
        #expect(JSONWriter.format(1e20) == "1e+20")
    }

    @Test func roundTripsArbitraryStringsExactly() throws {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<500 {
            let scalars = (0..<Int(rng.next() % 20)).compactMap { _ -> Unicode.Scalar? in
                let pick = rng.next() % 4
                let v: UInt64 = pick == 0 ? rng.next() % 0x80 : pick == 1 ? rng.next() % 0x800 : pick == 2 ? 0x4E00 + rng.next() % 0x100 : 0x1F600 + rng.next() % 0x40
                return Unicode.Scalar(UInt32(v))
            }
            var s = ""
            s.unicodeScalars.append(contentsOf: scalars)
            let bytes = JSONWriter.canonicalBytes(.string(s))
            #expect(try JSONParser.parse(bytes) == .string(s))
        }
    }
}
