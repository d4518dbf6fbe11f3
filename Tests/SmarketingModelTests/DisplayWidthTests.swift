import Foundation
import Glibc
import Testing
@testable import SmarketingModel

/// DisplayWidth must count every character the way the C library's `wcwidth` does, because that
/// is how ncurses lays out the screen: a disagreement shifts the rest of the line.
///
/// `DisplayWidthTable.swift` is generated from `wcwidth` by `theWidthTableIsTheCLibrarys`. After a
/// glibc upgrade, regenerate it with `SMARKETING_UPDATE_GOLDENS=1 swift test --filter DisplayWidthTests`.
@Suite("Display width against the C library")
struct DisplayWidthTests {
    /// Every Unicode scalar value, surrogates excluded.
    static let allScalars: [Unicode.Scalar] = (UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init)

    /// glibc's `wcwidth` in the C.UTF-8 locale. `wcwidth` is looked up at run time because the
    /// Glibc module does not import it; the locale is set for this thread only (`uselocale`), so
    /// tests running alongside keep theirs.
    struct CLibrary {
        typealias WidthFunction = @convention(c) (wchar_t) -> Int32
        let wcwidth: WidthFunction
        let version: String

        static func withUTF8Locale<T>(_ body: (CLibrary) throws -> T) throws -> T {
            let function = try #require(dlsym(nil, "wcwidth"), "the C library has no wcwidth")
            let locale = try #require(newlocale(LC_CTYPE_MASK, "C.UTF-8", nil), "the C library has no C.UTF-8 locale")
            let previous = uselocale(locale)
            defer {
                uselocale(previous)
                freelocale(locale)
            }
            typealias VersionFunction = @convention(c) () -> UnsafePointer<CChar>?
            let version = dlsym(nil, "gnu_get_libc_version").flatMap { unsafeBitCast($0, to: VersionFunction.self)() }
            return try body(CLibrary(wcwidth: unsafeBitCast(function, to: WidthFunction.self),
                                     version: version.map { "glibc " + String(cString: $0) } ?? "the C library"))
        }

        /// The columns DisplayWidth should give `scalar`: `wcwidth`, except where it has no answer (-1).
        /// Controls count 0 (the sanitiser replaces them before anything is drawn); anything else it
        /// does not know (code points newer than its Unicode tables, unassigned ones) counts 1, the
        /// single cell ncurses gives a character of unknown width.
        func expectedWidth(_ scalar: Unicode.Scalar) -> Int {
            let v = scalar.value
            if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
            let width = Int(wcwidth(wchar_t(bitPattern: v)))
            return width < 0 ? 1 : width
        }
    }

    @Test func everyScalarThatReachesTheTerminalHasTheCLibrarysWidth() throws {
        var mismatches: [String] = []
        try CLibrary.withUTF8Locale { c in
            for scalar in Self.allScalars {
                // What the grid holds is the sanitiser's output, never the raw scalar.
                let shown = TextSanitizer.placeholder(for: scalar) ?? scalar
                let libc = c.wcwidth(wchar_t(bitPattern: shown.value))
                let expected = libc < 0 ? 1 : Int(libc)
                let isControl = shown.value < 0x20 || (0x7F..<0xA0).contains(shown.value)
                if isControl || DisplayWidth.width(of: shown) != expected {
                    mismatches.append(String(format: "U+%04X shown as U+%04X: DisplayWidth %d, wcwidth %d",
                                             scalar.value, shown.value, DisplayWidth.width(of: shown), libc))
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) scalars differ, e.g.\n\(mismatches.prefix(20).joined(separator: "\n"))")
    }

    /// Also the generator: with SMARKETING_UPDATE_GOLDENS=1 it rewrites DisplayWidthTable.swift.
    @Test func theWidthTableIsTheCLibrarys() throws {
        let (runs, version) = try CLibrary.withUTF8Locale { c in
            var runs: [UInt32] = []
            var last = -1
            for scalar in Self.allScalars {
                let width = c.expectedWidth(scalar)
                if width != last { runs.append(scalar.value << 4 | UInt32(width)) }
                last = width
            }
            return (runs, c.version)
        }
        let url = Fixture.repository.appendingPathComponent("Sources/SmarketingModel/Text/DisplayWidthTable.swift")
        if ProcessInfo.processInfo.environment["SMARKETING_UPDATE_GOLDENS"] == "1" {
            try Self.tableSource(runs, version: version).write(to: url, atomically: true, encoding: .utf8)
            return
        }
        if DisplayWidth.runs != runs {
            let i = zip(DisplayWidth.runs, runs).prefix { $0 == $1 }.count
            func entry(_ table: [UInt32]) -> String { i < table.count ? "0x" + String(table[i], radix: 16, uppercase: true) : "none" }
            Issue.record("DisplayWidthTable.swift is not \(version)'s wcwidth: entry \(i) is \(entry(DisplayWidth.runs)), expected \(entry(runs)). Regenerate it with SMARKETING_UPDATE_GOLDENS=1 swift test --filter DisplayWidthTests")
        }
    }

    static func tableSource(_ runs: [UInt32], version: String) -> String {
        let entries = runs.map { run -> String in
            let hex = String(run, radix: 16, uppercase: true)
            return "0x" + String(repeating: "0", count: max(0, 7 - hex.count)) + hex
        }
        let rows = stride(from: 0, to: entries.count, by: 8).map { start in
            "        " + entries[start..<min(start + 8, entries.count)].joined(separator: ", ") + ","
        }
        return """
            // Generated from \(version)'s wcwidth in the C.UTF-8 locale by
            // Tests/SmarketingModelTests/DisplayWidthTests.swift. Do not edit by hand; regenerate with
            //   SMARKETING_UPDATE_GOLDENS=1 swift test --filter DisplayWidthTests

            extension DisplayWidth {
                /// Runs of code points of one width, in order, covering U+0000 to U+10FFFF. Each entry is
                /// the run's first code point shifted left by 4, plus its width: 0x004E002 reads as
                /// "from U+4E00, 2 columns". A run lasts until the next one starts.
                static let runs: [UInt32] = [
            \(rows.joined(separator: "\n"))
                ]
            }

            """
    }

    @Test(arguments: [
        ("\u{4DC0}", 2), ("\u{1F260}", 2), ("\u{16FF0}", 2), ("\u{D7B0}", 0), ("\u{1171E}", 0), // were wrong
        ("\u{1FAE8}", 1), ("\u{E000}", 1), ("\u{FFFF}", 1), // unknown to the C library: one cell, as ncurses does
        ("\u{1B}", 0), ("\u{85}", 0), ("\u{AD}", 1), ("\u{1160}", 0), ("\u{200B}", 0),
    ])
    func spotChecks(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    /// A prepended concatenation mark (the Arabic number sign and its kin) joins the character
    /// after it into one cluster, which the terminal would draw as the mark alone. The sanitiser
    /// makes it a visible placeholder, so nothing after it is swallowed.
    @Test(arguments: [0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x110BD, 0x110CD] as [UInt32])
    func prependedConcatenationMarksNeverSwallowTheNextCharacter(mark: UInt32) throws {
        let text = String(try #require(Unicode.Scalar(mark))) + "12"
        #expect(text.count == 2) // the mark and the 1 are one cluster
        let shown = TextSanitizer.visible(text)
        #expect(shown == "\u{FFFD}12")
        #expect(DisplayWidth.of(shown) == 3)
    }
}
