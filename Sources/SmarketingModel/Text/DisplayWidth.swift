/// How many terminal columns text takes. Every layout decision goes through here, never `String.count`.
///
/// A scalar takes the columns the C library's `wcwidth` gives it in a UTF-8 locale, because that is
/// what ncurses lays the screen out by: 2 for East Asian wide and full-width characters and emoji
/// with emoji presentation, 0 for combining marks and other zero-width characters, otherwise 1.
/// The table comes from glibc (`DisplayWidthTable.swift`, generated and checked against `wcwidth`
/// over all of Unicode by DisplayWidthTests). Where `wcwidth` has no answer (-1):
/// - control characters count 0: the sanitiser replaces them before anything is drawn;
/// - anything else (code points newer than the C library's Unicode tables, unassigned ones, private
///   and non-characters it rejects) counts 1: ncurses gives a character of unknown width one cell.
///
/// A grapheme cluster takes the width of its base scalar. Modifiers, joiners and variation selectors
/// after the base do not widen it; the terminal backend draws only the base and its zero-width
/// marks, so the screen and this count always agree.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        var width = 0
        for character in text {
            width += of(character)
        }
        return width
    }

    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue {
            return ascii >= 0x20 && ascii < 0x7F ? 1 : 0
        }
        let scalars = character.unicodeScalars
        guard let base = scalars.first else { return 0 }
        return width(of: base)
    }

    /// The width of a single scalar as the start of a cluster.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0xA0 { return 0 } // DEL and the C1 controls
        if v < 0x300 { return 1 } // Latin-1 and the rest before the first combining mark
        // Binary search for the last run that starts at or before v.
        let key = v << 4 | 0xF
        var low = 0, high = runs.count
        while low < high {
            let middle = (low + high) / 2
            if runs[middle] <= key { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? Int(runs[low - 1] & 0xF) : 1
    }

    /// Cuts text to at most `width` columns, ending with `…` when anything was cut. A wide character
    /// that would straddle the edge is dropped rather than split.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// Truncates to `width` and pads with spaces on the right (or left) to exactly `width` columns.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let gap = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? gap + cut : cut + gap
    }
}
