import SmarketingModel

/// One terminal cell: a grapheme cluster and the role that colours it. A wide character occupies
/// its cell and marks the next one as a continuation.
public struct Cell: Equatable, Sendable {
    public var character: Character
    public var role: StyleRole
    /// True for the right half of a wide character: the backend skips it.
    public var isContinuation: Bool

    public init(_ character: Character = " ", role: StyleRole = .text, isContinuation: Bool = false) {
        self.character = character
        self.role = role
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// The frame widgets draw into. `render` fills one of these; the backend turns it into ncurses calls.
/// Every write is clipped to the grid, so no widget can draw out of bounds.
public struct Grid: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        cells = Array(repeating: fill, count: size.width * size.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    /// Fills a rectangle (clipped) with spaces of `role`.
    public mutating func fill(_ rect: Rect, role: StyleRole, character: Character = " ") {
        let x0 = max(0, rect.x), x1 = min(size.width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(size.height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 { cells[y * size.width + x] = Cell(character, role: role) }
        }
    }

    /// Writes `text` from (x, y), sanitised, in at most `maxWidth` columns (default: to the grid's
    /// edge), truncating with `…`. Returns the number of columns written.
    @discardableResult
    public mutating func text(_ text: String, x: Int, y: Int, role: StyleRole, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = min(maxWidth ?? (size.width - x), size.width - x)
        guard limit > 0 else { return 0 }
        let safe = TextSanitizer.visible(text)
        let shown = DisplayWidth.of(safe) <= limit ? safe : DisplayWidth.truncate(safe, to: limit)
        var cx = x
        for character in shown {
            let w = DisplayWidth.of(character)
            if w == 0 {
                continue // a lone combining mark or format character has no cell of its own
            }
            if cx + w > x + limit { break }
            if cx >= 0 {
                cells[y * size.width + cx] = Cell(character, role: role)
                if w == 2, cx + 1 < size.width {
                    cells[y * size.width + cx + 1] = Cell(" ", role: role, isContinuation: true)
                }
            }
            cx += w
        }
        return cx - x
    }

    /// Writes text right-aligned so that it ends at `maxX` (exclusive). Returns its start column.
    @discardableResult
    public mutating func textRight(_ text: String, maxX: Int, y: Int, role: StyleRole, maxWidth: Int) -> Int {
        let shown = DisplayWidth.truncate(TextSanitizer.visible(text), to: maxWidth)
        let start = maxX - DisplayWidth.of(shown)
        self.text(shown, x: start, y: y, role: role, maxWidth: maxWidth)
        return start
    }

    /// Draws a single-line box around `rect` with an optional title in its top edge.
    public mutating func box(_ rect: Rect, role: StyleRole, title: String? = nil, titleRole: StyleRole? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let x1 = rect.maxX - 1, y1 = rect.maxY - 1
        for x in rect.x...x1 {
            put("─", x: x, y: rect.y, role: role)
            put("─", x: x, y: y1, role: role)
        }
        for y in rect.y...y1 {
            put("│", x: rect.x, y: y, role: role)
            put("│", x: x1, y: y, role: role)
        }
        put("┌", x: rect.x, y: rect.y, role: role)
        put("┐", x: x1, y: rect.y, role: role)
        put("└", x: rect.x, y: y1, role: role)
        put("┘", x: x1, y: y1, role: role)
        if let title, rect.width > 4 {
            text(" \(title) ", x: rect.x + 1, y: rect.y, role: titleRole ?? role, maxWidth: rect.width - 2)
        }
    }

    /// Puts one single-width character, clipped.
    public mutating func put(_ character: Character, x: Int, y: Int, role: StyleRole) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        cells[y * size.width + x] = Cell(character, role: role)
    }

    /// The rows as plain text, wide characters once, trailing spaces kept: for golden screens.
    public var textLines: [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width where !self[x, y].isContinuation { line.append(self[x, y].character) }
            return line
        }
    }

    /// One role letter per cell (continuations repeat their character's role): the style sidecar.
    public var styleLines: [String] {
        (0..<size.height).map { y in String((0..<size.width).map { self[$0, y].role.letter }) }
    }
}
