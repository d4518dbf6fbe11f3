/// The one escaper user text passes before it enters Markdown. Escaped text renders as the same
/// literal text in CommonMark and GFM: no emphasis, links, HTML, headings, lists, code or tables
/// can be smuggled in. Control characters are neutralised first by `TextSanitizer`.
///
/// Two things renderers find in plain text after escapes are resolved: e-mail addresses (with or
/// without `mailto:` or `xmpp:`), which cmark-gfm and GitHub link, and emoji shortcodes such as
/// `:+1:`, which pandoc and GitHub turn into pictures. A backslash does not stop either, so the
/// escaper splits the text there with an empty `<wbr>` element: a word-break hint that shows
/// nothing, and that renderers which drop raw HTML replace with nothing visible.
public enum MarkdownEscaper {
    /// Splits a text node without showing anything.
    static let split = "<wbr>"

    /// Characters that can start or end inline syntax anywhere on a line.
    private static let alwaysEscaped: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "~", "!", "$"]
    /// Characters that only mean something at the start of a line (headings, lists, setext underlines, quotes).
    private static let escapedAtLineStart: Set<Unicode.Scalar> = ["#", "-", "+", "=", ":"]

    /// One line of inline text. Line breaks are shown as `␊`; use `block` or `tableCell` to keep them.
    public static func inline(_ text: String) -> String {
        escapeLine(TextSanitizer.visible(text))
    }

    /// Text for a GFM table cell, on one line: `|` is escaped, blank lines at either end are
    /// dropped and the line breaks left show as `␊`, as in `inline`. A cell cannot hold a line
    /// break that survives renderers which drop raw HTML (GitHub, cmark-gfm by default), so text
    /// that needs its lines goes in a `block` outside the table.
    public static func tableCell(_ text: String) -> String {
        var lines = TextSanitizer.visibleLines(text)
        while let first = lines.first, isBlank(first) { lines.removeFirst() }
        while let last = lines.last, isBlank(last) { lines.removeLast() }
        let joined = escapeLine(lines.joined(separator: "\u{240A}"))
        return joined.isEmpty ? " " : joined
    }

    private static func isBlank(_ line: String) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// Multi-line text as Markdown lines: a blank line separates paragraphs and a single line break
    /// is kept as a hard break. Continuation lines are prefixed with `indent` (for list items).
    public static func block(_ text: String, indent: String = "") -> [String] {
        let lines = TextSanitizer.visibleLines(text)
        var out: [String] = []
        var paragraph: [String] = []
        func flush() {
            for (i, line) in paragraph.enumerated() {
                let isLast = i == paragraph.count - 1
                out.append(line + (isLast ? "" : "\\"))
            }
            paragraph.removeAll()
        }
        for raw in lines {
            if isBlank(raw) {
                if !paragraph.isEmpty {
                    flush()
                    out.append("")
                }
                continue
            }
            paragraph.append(escapeLine(raw))
        }
        flush()
        while out.last == "" { out.removeLast() }
        return out.enumerated().map { i, line in i == 0 || line.isEmpty ? line : indent + line }
    }

    /// GFM's autolink extension links `scheme://…` and `www.…` in the raw source, where a later
    /// backslash escape would show. Escaping the `:` or the `.` stops the link from forming.
    private static func startsAutolink(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        if s[i] == ":" {
            return i + 2 < s.count && s[i + 1] == "/" && s[i + 2] == "/"
        }
        if s[i] == ".", i >= 3 {
            let www = s[(i - 3)..<i].allSatisfy { $0 == "w" || $0 == "W" }
            let boundary = i == 3 || !(s[i - 4].properties.isAlphabetic || s[i - 4].properties.numericType != nil)
            return www && boundary
        }
        return false
    }

    /// An emoji shortcode starts here: `:`, then letters, digits, `_`, `+` or `-`, then `:`
    /// (pandoc and GitHub only know some names, but the list changes; any such run is split).
    private static func startsShortcode(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard s[i] == ":" else { return false }
        var j = i + 1
        while j < s.count, isShortcodeName(s[j]) { j += 1 }
        return j > i + 1 && j < s.count && s[j] == ":"
    }

    private static func isShortcodeName(_ c: Unicode.Scalar) -> Bool {
        (c.isASCII && c.properties.isAlphabetic) || ("0"..."9").contains(c) || c == "_" || c == "+" || c == "-"
    }

    /// An e-mail address runs through this `@`: a local-part character before it and a domain
    /// character after it, as cmark-gfm's autolink extension and pandoc look for.
    private static func joinsAddress(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard s[i] == "@", i > 0, i + 1 < s.count else { return false }
        func isDomain(_ c: Unicode.Scalar) -> Bool {
            (c.isASCII && c.properties.isAlphabetic) || ("0"..."9").contains(c) || c == "." || c == "-" || c == "_"
        }
        return (isDomain(s[i - 1]) || s[i - 1] == "+") && isDomain(s[i + 1])
    }

    /// True when a line needs no escaping at all: letters, digits, spaces inside and a few safe
    /// marks, not starting with a digit, ending without a space. Most text is like this.
    private static func isPlain(_ line: String) -> Bool {
        var first = true
        var last: UInt8 = 0
        for b in line.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), 0x80...0xFF:
                break
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "."),
                 UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "?"), UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"),
                 UInt8(ascii: "%"), UInt8(ascii: "/"):
                if first { return false }
            case UInt8(ascii: "-"), UInt8(ascii: ":"):
                if first { return false }
            default:
                return false
            }
            first = false
            last = b
        }
        // Two colons may hold an emoji shortcode between them.
        return last != UInt8(ascii: " ") && !line.contains("://") && !line.lowercased().contains("www.")
            && line.utf8.lazy.filter { $0 == UInt8(ascii: ":") }.count < 2
    }

    private static func escapeLine(_ line: String) -> String {
        if isPlain(line) { return line }
        let scalars = Array(line.unicodeScalars)
        var out = String.UnicodeScalarView()
        var leading = true
        // Digits at the start of a line followed by `.` or `)` would begin an ordered list.
        var digitRun = 0
        let lastNonSpace = scalars.lastIndex { $0 != " " && $0 != "\t" } ?? -1
        for (i, scalar) in scalars.enumerated() {
            if scalar == " " || scalar == "\t" {
                if leading || i > lastNonSpace {
                    // Leading and trailing white space would be trimmed or start a code block.
                    out.append(contentsOf: (scalar == " " ? "&#32;" : "&#9;").unicodeScalars)
                } else {
                    out.append(scalar)
                }
                continue
            }
            let atStart = leading
            leading = false
            if atStart && scalar.properties.numericType == .decimal && scalar.isASCII {
                digitRun = 1
                out.append(scalar)
                continue
            }
            if digitRun > 0 {
                if scalar.isASCII && scalar.properties.numericType == .decimal {
                    digitRun += 1
                    out.append(scalar)
                    continue
                }
                digitRun = 0
                if scalar == "." || scalar == ")" {
                    out.append("\\")
                    out.append(scalar)
                    continue
                }
            }
            if alwaysEscaped.contains(scalar) || (atStart && escapedAtLineStart.contains(scalar))
                || startsAutolink(scalars, at: i) {
                out.append("\\")
            }
            out.append(scalar)
            if startsShortcode(scalars, at: i) || joinsAddress(scalars, at: i) {
                out.append(contentsOf: split.unicodeScalars)
            }
        }
        return String(out)
    }
}

/// Quotes text as a YAML double-quoted scalar, on one line, that any YAML 1.1 or 1.2 parser reads
/// back exactly, whatever it contains (`: `, `#`, quotes, `null`, `yes`, numbers, line breaks,
/// tabs). Only the control characters `TextSanitizer` guards against (escape sequences, C1
/// controls, bidirectional overrides) come back as its visible placeholders.
public enum YAMLQuoter {
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFE}", "\u{FFFF}":
                // Line breaks to YAML 1.1, a byte-order mark and non-characters: escaped, not raw.
                out += "\\u" + hex4(scalar.value)
            default:
                out.unicodeScalars.append(TextSanitizer.placeholder(for: scalar) ?? scalar)
            }
        }
        return out + "\""
    }
}
