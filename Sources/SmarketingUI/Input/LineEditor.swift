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

    public var text: String { String(characters) }

    /// Inserts typed or pasted text at the cursor. Line breaks and tabs become spaces; other
    /// control characters are dropped.
    public mutating func insert(_ input: String) {
        var incoming: [Character] = []
        for c in input {
            if c == "\n" || c == "\r" || c == "\r\n" || c == "\t" {
                incoming.append(" ")
            } else if let scalar = c.unicodeScalars.first, TextSanitizer.placeholder(for: scalar) != nil {
                continue
            } else {
                incoming.append(c)
            }
        }
        let room = LineEditor.maximumLength - characters.count
        guard room > 0 else { return }
        let accepted = incoming.prefix(room)
        characters.insert(contentsOf: accepted, at: cursor)
        cursor += accepted.count
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
        // Move the window right until the cursor (plus one cell for it) fits.
        while true {
            let before = characters[scroll..<cursor].reduce(0) { $0 + max(1, DisplayWidth.of(TextSanitizer.visible(String($1)))) }
            if before < width || scroll >= cursor { break }
            scroll += 1
        }
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
}
