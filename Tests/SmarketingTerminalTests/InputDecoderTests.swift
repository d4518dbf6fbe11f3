import Testing
@testable import SmarketingTerminal
import SmarketingUI

/// Bytes as a terminal sends them, with the pauses a slow link puts between them, played to the
/// decoder without a terminal. A pause is waited out only by a read that waits at least as long.
struct ByteSource: InputSource {
    enum Step {
        case bytes([UInt8])
        case pause(milliseconds: Int32)

        static func text(_ s: String) -> Step { .bytes(Array(s.utf8)) }
    }

    var steps: [Step]

    init(_ steps: Step...) { self.steps = steps }

    /// Passes a pause that a read would not wait for (the chair's next key comes later).
    mutating func elapse() {
        if case .pause? = steps.first { steps.removeFirst() }
    }

    private mutating func skipPause(_ wait: Int32) -> Bool {
        guard case .pause(let ms)? = steps.first else { return true }
        guard wait >= ms else { return false }
        steps.removeFirst()
        return true
    }

    /// One UTF-8 character, as ncurses hands over what it does not decode.
    mutating func unit(waitMilliseconds: Int32) -> InputUnit? {
        guard skipPause(waitMilliseconds), case .bytes(var bytes)? = steps.first, !bytes.isEmpty else { return nil }
        let length = bytes[0] < 0x80 ? 1 : bytes[0] < 0xE0 ? 2 : bytes[0] < 0xF0 ? 3 : 4
        let scalar = String(decoding: bytes.prefix(length), as: UTF8.self).unicodeScalars.first!
        bytes.removeFirst(min(length, bytes.count))
        if bytes.isEmpty { steps.removeFirst() } else { steps[0] = .bytes(bytes) }
        return .character(scalar.value)
    }

    mutating func bytes(waitMilliseconds: Int32) -> [UInt8]? {
        guard skipPause(waitMilliseconds), case .bytes(let bytes)? = steps.first else { return nil }
        steps.removeFirst()
        return bytes
    }
}

@Suite("Input decoder: bytes to keys")
struct InputDecoderTests {
    func decode(_ source: ByteSource) -> [DecodedInput] {
        var source = source
        var decoder = InputDecoder()
        var out: [DecodedInput] = []
        while let d = decoder.next(&source) { out.append(d) }
        return out
    }

    @Test func aLoneEscIsEsc() {
        #expect(decode(ByteSource(.text("\u{1B}"))) == [.key(.escape)])
    }

    @Test func escAndACharacterTogetherAreAlt() {
        #expect(decode(ByteSource(.text("\u{1B}dj"))) == [.key(.alt("d")), .key(.char("j"))])
        #expect(decode(ByteSource(.text("\u{1B}é"))) == [.key(.alt("é"))])
    }

    @Test func anArrowSplitBySixtyMillisecondsIsStillAnArrow() {
        #expect(decode(ByteSource(.text("\u{1B}"), .pause(milliseconds: 60), .text("[A"))) == [.key(.up)])
        #expect(decode(ByteSource(.text("\u{1B}["), .pause(milliseconds: 60), .text("A"))) == [.key(.up)])
        #expect(decode(ByteSource(.text("\u{1B}O"), .pause(milliseconds: 60), .text("B"))) == [.key(.down)])
    }

    @Test func escThenAKeyLaterIsEscThenTheKey() {
        var source = ByteSource(.text("\u{1B}"), .pause(milliseconds: 400), .text("d"))
        var decoder = InputDecoder()
        #expect(decoder.next(&source) == .key(.escape))
        #expect(decoder.next(&source) == nil)
        source.elapse()
        #expect(decoder.next(&source) == .key(.char("d")))
    }

    @Test func knownSequencesDecode() {
        let cases: [(String, Key)] = [
            ("\u{1B}[A", .up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left), ("\u{1B}OA", .up),
            ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}[1~", .home), ("\u{1B}[4~", .end), ("\u{1B}[3~", .delete),
            ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[Z", .backTab), ("\u{1B}[1;2A", .shiftUp),
            ("\u{1B}[1;2B", .shiftDown), ("\u{1B}OP", .function(1)), ("\u{1B}[15~", .function(5)), ("\u{1B}[24~", .function(12)),
        ]
        for (bytes, key) in cases {
            #expect(decode(ByteSource(.text(bytes))) == [.key(key)], "\(bytes.debugDescription)")
        }
    }

    @Test func unknownSequencesAreSwallowedWholeAndTheirTailNeverRunsAsKeys() {
        // Ctrl-Up, a focus report, an SGR mouse click, Alt-Up as ESC ESC [ A, Alt-Enter, a stray paste end.
        let bytes = "\u{1B}[1;5A\u{1B}[I\u{1B}[<0;10;5M\u{1B}\u{1B}[A\u{1B}\r\u{1B}[201~j"
        #expect(decode(ByteSource(.text(bytes))) == [.key(.char("j"))])
    }

    /// The answer to the background-colour query, arriving after start-up gave up on it, never
    /// runs as keys; Alt-] alone is still Alt-].
    @Test func aLateColourAnswerIsSwallowedWhole() {
        #expect(decode(ByteSource(.text("\u{1B}]11;rgb:ffff/ffff/ffff\u{07}j"))) == [.key(.char("j"))])
        #expect(decode(ByteSource(.text("\u{1B}]11;rgb:0/0/0\u{1B}\\k"))) == [.key(.char("k"))])
        #expect(decode(ByteSource(.text("\u{1B}]11;rgb:0/0/0\u{1B}[?64;1;2cq"))) == [.key(.char("q"))])
        #expect(decode(ByteSource(.text("\u{1B}]"))) == [.key(.alt("]"))])
        #expect(decode(ByteSource(.text("\u{1B}]x"))) == [.key(.alt("]")), .key(.char("x"))])
    }

    @Test func escPressedTwiceIsTwoEscs() {
        #expect(decode(ByteSource(.text("\u{1B}\u{1B}"))) == [.key(.escape), .key(.escape)])
    }

    @Test func aBracketedPasteIsOnePieceAndWhatFollowsIsKeys() {
        let pasted = "Q4 pipeline\r\nreview \u{1B}[A with 渡辺 🚀"
        #expect(decode(ByteSource(.text("\u{1B}[200~\(pasted)\u{1B}[201~jk"))) == [.paste(pasted), .key(.char("j")), .key(.char("k"))])
    }

    @Test func aPasteSplitAcrossReadsEvenInsideItsEndMarkerIsOnePiece() {
        let source = ByteSource(.text("\u{1B}[200~first "), .pause(milliseconds: 200), .text("second\u{1B}[2"),
                                .pause(milliseconds: 200), .text("01~"), .text("\u{1B}[B"))
        #expect(decode(source) == [.paste("first second"), .key(.down)])
    }

    @Test func aHundredKilobytePasteIsOneEvent() {
        let text = String(repeating: String(repeating: "x", count: 99) + "\n", count: 1_000)
        #expect(decode(ByteSource(.text("\u{1B}[200~" + text + "\u{1B}[201~"))) == [.paste(text)])
    }
}
