import Foundation
import SmarketingTestSupport
import Testing
@testable import SmarketingTerminal

/// Every glyph the dashboard draws is in DejaVu Sans Mono (a common projector-laptop font, and
/// what xterm -fa uses here): a missing one shows as an empty box (⏱ did, in the header). The
/// glyphs are every character above ASCII in a string literal of the sources that draw:
/// SmarketingUI, SmarketingTerminal and the model's formatting of what the UI shows (KPIs,
/// names, truncation). The font's character map is pinned in `Fixtures/DejaVuSansMono.charset`
/// (`fc-query --format '%{charset}\n' DejaVuSansMono.ttf`), so the check runs without the font;
/// where fc-query and the font exist, a second test checks the pin is current.
@Suite("Glyphs")
struct GlyphTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let pinned = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/DejaVuSansMono.charset")
    static let font = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"

    static let drawingSources = ["Sources/SmarketingUI", "Sources/SmarketingTerminal", "Sources/SmarketingModel/KPI",
                                 "Sources/SmarketingModel/Model/People.swift", "Sources/SmarketingModel/Text/DisplayWidth.swift"]

    /// fc-query's charset: space-separated hex code points and ranges (`20-7e a0-17f …`).
    static func parseCharset(_ text: String) -> [ClosedRange<UInt32>] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { part in
            let bounds = part.split(separator: "-").compactMap { UInt32($0, radix: 16) }
            guard let first = bounds.first else { return nil }
            return first...(bounds.count > 1 ? bounds[1] : first)
        }
    }

    /// Every scalar above ASCII in a string literal of a Swift file (comments skipped), with where.
    static func literalGlyphs(in source: String, file: String) -> [(Unicode.Scalar, String)] {
        var out: [(Unicode.Scalar, String)] = []
        var inMultiline = false
        for (number, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var inString = inMultiline
            var escaped = false
            let scalars = Array(line.unicodeScalars)
            var i = 0
            while i < scalars.count {
                let c = scalars[i]
                if !inString, c == "/", i + 1 < scalars.count, scalars[i + 1] == "/" { break } // a comment
                if c == "\"" && !escaped {
                    if i + 2 < scalars.count, scalars[i + 1] == "\"", scalars[i + 2] == "\"" {
                        inMultiline.toggle()
                        inString = inMultiline
                        i += 3
                        continue
                    }
                    if !inMultiline { inString.toggle() }
                } else if inString, c == "u", escaped, i + 1 < scalars.count, scalars[i + 1] == "{" {
                    // \u{…}: the character it names.
                    let hex = String(String.UnicodeScalarView(scalars[(i + 2)...].prefix { $0 != "}" }))
                    if let v = UInt32(hex, radix: 16), v > 0x9F, let s = Unicode.Scalar(v) { out.append((s, "\(file):\(number + 1)")) }
                } else if inString, c.value > 0x7E {
                    out.append((c, "\(file):\(number + 1)"))
                }
                escaped = inString && c == "\\" && !escaped
                i += 1
            }
        }
        return out
    }

    static func drawnGlyphs() throws -> [Unicode.Scalar: String] {
        var glyphs: [Unicode.Scalar: String] = [:]
        for entry in drawingSources {
            let url = repository.appendingPathComponent(entry)
            var files: [URL] = []
            if entry.hasSuffix(".swift") {
                files = [url]
            } else if let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) {
                files = walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
            }
            for file in files {
                let text = try String(contentsOf: file, encoding: .utf8)
                for (scalar, place) in literalGlyphs(in: text, file: file.lastPathComponent) where glyphs[scalar] == nil {
                    glyphs[scalar] = place
                }
            }
        }
        return glyphs
    }

    static func name(_ s: Unicode.Scalar) -> String {
        "U+\(String(s.value, radix: 16, uppercase: true)) \(s) \(s.properties.name ?? "")"
    }

    @Test func theScanFindsTheDashboardsOwnMarks() throws {
        let glyphs = try Self.drawnGlyphs()
        for mark in ["●", "◐", "○", "▀", "█", "┌", "…", "≤", "▲", "◷", "⚑"] {
            #expect(glyphs[mark.unicodeScalars.first!] != nil, "\(mark) not found: the scan is broken")
        }
        #expect(Self.literalGlyphs(in: #"let a = "x" // ⏱ in a comment"#, file: "f").isEmpty)
        #expect(Self.literalGlyphs(in: #"let a = "\u{23F1} and é""#, file: "f").map(\.0) == ["\u{23F1}", "é"])
    }

    @Test func everyGlyphTheDashboardDrawsIsInTheFont() throws {
        let font = Self.parseCharset(try String(contentsOf: Self.pinned, encoding: .utf8))
        #expect(font.count > 100)
        #expect(!font.contains { $0.contains(0x23F1) }, "the pinned map should not have ⏱: the check would prove nothing")
        for (scalar, place) in try Self.drawnGlyphs().sorted(by: { $0.key.value < $1.key.value }) {
            #expect(font.contains { $0.contains(scalar.value) }, "\(Self.name(scalar)) (\(place)) is not in DejaVu Sans Mono")
        }
    }

    /// On a terminal that cannot show Unicode each glyph has an ASCII stand-in of its own, so
    /// no mark becomes a bare `?`. Currency signs and ∞ have no ASCII likeness and stay `?`.
    @Test func everyGlyphHasAnASCIIStandIn() throws {
        let noLikeness: Set<Unicode.Scalar> = ["€", "£", "¥", "₹", "∞", "é"]
        for (scalar, place) in try Self.drawnGlyphs() where !noLikeness.contains(scalar) {
            #expect(TerminalScreen.asciiFallback(scalar) != "?", "\(Self.name(scalar)) (\(place)) has no ASCII stand-in")
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: GlyphTests.font) && FileManager.default.isExecutableFile(atPath: "/usr/bin/fc-query")))
    func thePinnedCharacterMapIsTheFontsOwn() throws {
        let current = try Spawn.run(["/usr/bin/fc-query", "--format", "%{charset}\n", Self.font], captureOutput: true)
        let pinned = try String(contentsOf: Self.pinned, encoding: .utf8)
        #expect(Self.parseCharset(current) == Self.parseCharset(pinned),
                "the installed DejaVu Sans Mono differs from the pinned map; update Fixtures/DejaVuSansMono.charset with fc-query")
    }
}
