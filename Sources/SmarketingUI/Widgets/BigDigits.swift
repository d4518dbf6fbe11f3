/// Three-row digits for KPI values on a projector, and five-row ones for tall screens (from 50
/// rows): block glyphs, or an ASCII fallback for terminals without Unicode (seven segments in
/// three rows, `#` in five).
public enum BigDigits {
    static let blocks: [Character: [String]] = [
        "0": ["█▀█", "█ █", "▀▀▀"], "1": ["▀█ ", " █ ", "▀▀▀"], "2": ["▀▀█", "█▀▀", "▀▀▀"],
        "3": ["▀▀█", " ▀█", "▀▀▀"], "4": ["█ █", "▀▀█", "  ▀"], "5": ["█▀▀", "▀▀█", "▀▀▀"],
        "6": ["█▀▀", "█▀█", "▀▀▀"], "7": ["▀▀█", "  █", "  ▀"], "8": ["█▀█", "█▀█", "▀▀▀"],
        "9": ["█▀█", "▀▀█", "▀▀▀"], ".": [" ", " ", "▀"], ",": [" ", " ", "▝"], "-": ["   ", "▀▀▀", "   "],
        "+": ["   ", "▄█▄", " ▀ "], " ": [" ", " ", " "],
    ]
    static let ascii: [Character: [String]] = [
        "0": [" _ ", "| |", "|_|"], "1": ["   ", "  |", "  |"], "2": [" _ ", " _|", "|_ "],
        "3": [" _ ", " _|", " _|"], "4": ["   ", "|_|", "  |"], "5": [" _ ", "|_ ", " _|"],
        "6": [" _ ", "|_ ", "|_|"], "7": [" _ ", "  |", "  |"], "8": [" _ ", "|_|", "|_|"],
        "9": [" _ ", "|_|", " _|"], ".": [" ", " ", "."], ",": [" ", " ", ","], "-": ["   ", " _ ", "   "],
        "+": ["   ", "_|_", " | "], " ": [" ", " ", " "],
    ]

    static let tallBlocks: [Character: [String]] = [
        "0": ["█▀▀█", "█  █", "█  █", "█  █", "█▄▄█"], "1": [" ▄█ ", "▀ █ ", "  █ ", "  █ ", "▄▄█▄"],
        "2": ["▀▀▀█", "   █", "█▀▀▀", "█   ", "█▄▄▄"], "3": ["▀▀▀█", "   █", " ▀▀█", "   █", "▄▄▄█"],
        "4": ["█  █", "█  █", "▀▀▀█", "   █", "   █"], "5": ["█▀▀▀", "█   ", "▀▀▀█", "   █", "▄▄▄█"],
        "6": ["█▀▀▀", "█   ", "█▀▀█", "█  █", "█▄▄█"], "7": ["▀▀▀█", "   █", "   █", "   █", "   █"],
        "8": ["█▀▀█", "█  █", "█▀▀█", "█  █", "█▄▄█"], "9": ["█▀▀█", "█  █", "▀▀▀█", "   █", "▄▄▄█"],
        ".": [" ", " ", " ", " ", "▄"], ",": [" ", " ", " ", " ", "▖"], "-": ["    ", "    ", "▀▀▀▀", "    ", "    "],
        "+": ["   ", " ▄ ", "▀█▀", " ▀ ", "   "], " ": [" ", " ", " ", " ", " "],
    ]
    static let tallASCII: [Character: [String]] = [
        "0": ["####", "#  #", "#  #", "#  #", "####"], "1": ["  # ", " ## ", "  # ", "  # ", " ###"],
        "2": ["####", "   #", "####", "#   ", "####"], "3": ["####", "   #", " ###", "   #", "####"],
        "4": ["#  #", "#  #", "####", "   #", "   #"], "5": ["####", "#   ", "####", "   #", "####"],
        "6": ["####", "#   ", "####", "#  #", "####"], "7": ["####", "   #", "   #", "   #", "   #"],
        "8": ["####", "#  #", "####", "#  #", "####"], "9": ["####", "#  #", "####", "   #", "####"],
        ".": [" ", " ", " ", " ", "#"], ",": [" ", " ", " ", " ", ","], "-": ["    ", "    ", "####", "    ", "    "],
        "+": ["   ", " # ", "###", " # ", "   "], " ": [" ", " ", " ", " ", " "],
    ]

    /// The rows for `text` (three, or five when `tall`), or nil when it has a character the font lacks.
    public static func rows(_ text: String, ascii: Bool, tall: Bool = false) -> [String]? {
        let font = tall ? (ascii ? tallASCII : tallBlocks) : (ascii ? Self.ascii : blocks)
        let height = tall ? 5 : 3
        var rows = [String](repeating: "", count: height)
        for (i, c) in text.enumerated() {
            guard let glyph = font[c] else { return nil }
            for r in 0..<height { rows[r] += (i > 0 ? " " : "") + glyph[r] }
        }
        return rows
    }

    /// Splits a formatted KPI value into the part drawn big and the small prefix and suffix:
    /// `$1,234.50` → ("$", "1,234.50", ""), `25.0%` → ("", "25.0", "%"), `n/a` → nil.
    public static func split(_ value: String) -> (prefix: String, number: String, suffix: String)? {
        let chars = Array(value)
        guard let first = chars.firstIndex(where: { $0.isNumber || $0 == "-" }),
              let last = chars.lastIndex(where: { $0.isNumber }) else { return nil }
        return (String(chars[..<first]), String(chars[first...last]), String(chars[(last + 1)...]).trimmed)
    }
}
