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
/// Every write is clipped to `clip` (the whole grid unless a widget is being drawn, then that
/// widget's rect), so no widget can draw out of bounds or over its neighbours.
public struct Grid: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where writes land; everything outside it is left alone.
    public private(set) var clip: Rect

    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        cells = Array(repeating: fill, count: size.width * size.height)
        clip = Rect(x: 0, y: 0, width: size.width, height: size.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    /// Runs `body` with writes clipped to `rect` as well as to the current clip.
    public mutating func clipped(to rect: Rect, _ body: (inout Grid) -> Void) {
        let saved = clip
        let x0 = max(clip.x, rect.x), y0 = max(clip.y, rect.y)
        clip = Rect(x: x0, y: y0, width: max(0, min(clip.maxX, rect.maxX) - x0), height: max(0, min(clip.maxY, rect.maxY) - y0))
        body(&self)
        clip = saved
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    /// Fills a rectangle (clipped) with spaces of `role`.
    public mutating func fill(_ rect: Rect, role: StyleRole, character: Character = " ") {
        let x0 = max(clip.x, rect.x), x1 = min(clip.maxX, rect.maxX)
        let y0 = max(clip.y, rect.y), y1 = min(clip.maxY, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 { cells[y * size.width + x] = Cell(character, role: role) }
        }
    }

    /// Writes `text` from (x, y), sanitised, in at most `maxWidth` columns (default: to the grid's
    /// edge), truncating with `…`. Returns the number of columns written.
    @discardableResult
    public mutating func text(_ text: String, x: Int, y: Int, role: StyleRole, maxWidth: Int? = nil) -> Int {
        guard y >= clip.y, y < clip.maxY, x < clip.maxX else { return 0 }
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
            if cx >= clip.x, cx + w <= clip.maxX {
                cells[y * size.width + cx] = Cell(character, role: role)
                if w == 2 {
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
        guard x >= clip.x, y >= clip.y, x < clip.maxX, y < clip.maxY else { return }
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
