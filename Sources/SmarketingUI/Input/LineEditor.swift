import SmarketingModel

/// A one-line text editor that works in grapheme clusters and lays out by display width, so CJK
/// and emoji move, delete and scroll as whole characters.
public struct LineEditor: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// The cursor position, as an index into `characters` (0 … count).
    public private(set) var cursor: Int
    /// The first character shown when the text is wider than the field.
    public private(set) var scroll = 0

    /// Upper bound on what a field accepts, so a runaway paste cannot grow without limit.
    public static let maximumLength = 2_000

    public init(_ text: String = "") {
        characters = Array(text.prefix(LineEditor.maximumLength))
        cursor = characters.count
    }

    /// The text with the cursor at a position (clamped): a field as another screen had it.
    public init(_ text: String, cursor: Int) {
        self.init(text)
        self.cursor = min(max(0, cursor), characters.count)
    }

    public var text: String { String(characters) }

    /// Inserts typed or pasted text at the cursor, as one edit. Line breaks and tabs become
    /// spaces; other control characters are dropped. Linear in what is accepted: a paste longer
    /// than the room left is read only as far as the room, and the text is moved once.
    /// Returns whether all of `input` fitted (false: it was cut at `maximumLength`).
    @discardableResult
    public mutating func insert(_ input: String) -> Bool {
        let room = LineEditor.maximumLength - characters.count
        var incoming: [Character] = []
        var cut = false
        for c in input {
            guard incoming.count < room else {
                cut = true
                break
            }
            if c == "\n" || c == "\r" || c == "\r\n" || c == "\t" {
                incoming.append(" ")
            } else if let scalar = c.unicodeScalars.first, TextSanitizer.placeholder(for: scalar) != nil {
                continue
            } else {
                incoming.append(c)
            }
        }
        guard !incoming.isEmpty else { return !cut }
        characters.insert(contentsOf: incoming, at: cursor)
        cursor += incoming.count
        return !cut
    }

    /// Applies a line-editor command.
    public mutating func apply(_ command: EditorCommand) {
        switch command {
        case .cursorLeft: cursor = max(0, cursor - 1)
        case .cursorRight: cursor = min(characters.count, cursor + 1)
        case .cursorHome: cursor = 0
        case .cursorEnd: cursor = characters.count
        case .deleteBackward:
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .deleteForward:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .killToStart:
            characters.removeFirst(cursor)
            cursor = 0
        case .killToEnd:
            characters.removeLast(characters.count - cursor)
        case .deleteWordBackward:
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        }
    }

    /// What to show in a field `width` columns wide: the visible text and the cursor's column.
    /// Scrolls so the cursor stays visible, and never splits a wide character.
    public mutating func layout(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        if cursor < scroll { scroll = cursor }
        // The leftmost start that still shows the cursor (plus one cell for it): walk back from
        // the cursor at most a field's width, so a frame costs the field, not the text.
        var start = cursor
        var before = 0
        while start > scroll {
            let w = LineEditor.cellWidth(characters[start - 1])
            if before + w >= width { break }
            before += w
            start -= 1
        }
        scroll = start
        var shown = ""
        var used = 0
        var cursorColumn = 0
        var i = scroll
        while i < characters.count {
            if i == cursor { cursorColumn = used }
            let c = TextSanitizer.visible(String(characters[i]))
            let w = max(1, DisplayWidth.of(c))
            if used + w > width { break }
            shown += c
            used += w
            i += 1
        }
        if cursor >= i { cursorColumn = used }
        return (shown, min(cursorColumn, width - 1))
    }

    /// The columns a character takes in the field (at least one, as it is drawn).
    static func cellWidth(_ c: Character) -> Int { max(1, DisplayWidth.of(TextSanitizer.visible(String(c)))) }
}
