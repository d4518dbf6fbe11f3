/// The one gate user text passes before it reaches a terminal, a Markdown file or an error message.
///
/// Control characters, C1 controls and bidirectional overrides become visible placeholders, so a
/// workspace someone else wrote cannot move the cursor, retitle the window, write the clipboard,
/// ring the bell or reorder what the reader sees. Prepended concatenation marks become placeholders
/// too, so they cannot hide the character after them.
public enum TextSanitizer {
    /// Replaces every unsafe scalar with a visible placeholder. Line breaks become `␊` too: use
    /// `visibleLines(_:)` for text that may span lines.
    public static func visible(_ text: String) -> String {
        if isSafe(text, allowingNewlines: false) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let replacement = placeholder(for: scalar) {
                out.append(replacement)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Splits multi-line text at `\n` (a `\r\n` pair counts as one break) and sanitises each line.
    public static func visibleLines(_ text: String) -> [String] {
        let normalized = text.contains("\r\n") ? text.replacingCRLF() : text
        return normalized.split(separator: "\n", omittingEmptySubsequences: false).map { visible(String($0)) }
    }

    /// True when `visible` would leave the text unchanged.
    public static func isSafe(_ text: String, allowingNewlines: Bool) -> Bool {
        for scalar in text.unicodeScalars {
            if allowingNewlines && scalar == "\n" { continue }
            if placeholder(for: scalar) != nil { return false }
        }
        return true
    }

    /// The visible stand-in for an unsafe scalar, or nil when the scalar is safe to show.
    public static func placeholder(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        switch v {
        case 0x20...0x7E:
            return nil
        case 0x00...0x1F:
            return Unicode.Scalar(0x2400 + v) // ␀ … ␟, e.g. ESC shows as ␛
        case 0x7F:
            return "\u{2421}" // ␡
        case 0x80...0x9F:
            return "\u{FFFD}" // C1 controls, including the 8-bit CSI and OSC
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return "\u{FFFD}" // bidirectional marks and overrides
        case 0x2028, 0x2029:
            return "\u{2424}" // ␤ line and paragraph separators
        case 0xFFF9...0xFFFB:
            return "\u{FFFD}" // interlinear annotation controls
        case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x110BD, 0x110CD:
            // Prepended concatenation marks (the Arabic number sign and its kin) join the next
            // character into their cluster, which a terminal cell would show as the mark alone.
            return "\u{FFFD}"
        default:
            return nil
        }
    }
}

extension String {
    func replacingCRLF() -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var previousCR = false
        for scalar in unicodeScalars {
            if previousCR && scalar != "\n" { out.unicodeScalars.append("\r") }
            previousCR = scalar == "\r"
            if !previousCR { out.unicodeScalars.append(scalar) }
        }
        if previousCR { out.unicodeScalars.append("\r") }
        return out
    }
}
