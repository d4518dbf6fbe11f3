import SmarketingModel

/// The key list over the dashboard, a section per context, scrolled with j/k.
struct HelpOverlay: OverlayWidget {
    struct Section: Equatable {
        var title: String
        var entries: [Entry]
    }

    struct Entry: Equatable {
        var keys: String
        var help: String
    }

    var sections: [Section]
    var scroll = 0

    static let title = "Keys · j/k scroll · Esc closes"

    /// Width of the keys column inside a column.
    static let keysWidth = 14
    /// The narrowest and widest a column of keys and help gets.
    static let minimumColumn = 46, maximumColumn = 72

    /// How many columns fit in a `width`-wide box (borders and margins included), and how wide
    /// each is: one on an 80-column screen, two at 120, four at 200.
    static func layout(for width: Int) -> (count: Int, columnWidth: Int) {
        let room = max(10, width - 4)
        let count = max(1, min(4, (room + 2) / (minimumColumn + 2)))
        return (count, min(maximumColumn, (room - (count - 1) * 2) / count))
    }

    /// The lines of one section: its title, then each key with its help, wrapped within `width`.
    private func lines(of section: Section, width: Int) -> [(text: String, role: StyleRole)] {
        var out: [(text: String, role: StyleRole)] = [(section.title, .stage)]
        let helpWidth = max(10, width - Self.keysWidth - 3)
        for entry in section.entries {
            var rows = Self.wrap(entry.help, width: helpWidth)
            if rows.isEmpty { rows = [""] }
            for (i, row) in rows.enumerated() {
                let keys = i == 0 ? DisplayWidth.pad(entry.keys, to: Self.keysWidth) : String(repeating: " ", count: Self.keysWidth)
                out.append(("  " + keys + " " + row, .overlay))
            }
        }
        return out
    }

    /// Words filled into lines of at most `width` columns (a word longer than that stands alone).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if DisplayWidth.of(candidate) > width && !current.isEmpty {
                lines.append(current)
                current = String(word)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The sections flowed into `count` columns, whole sections per column, balanced by lines.
    func columns(_ count: Int, width: Int) -> [[(text: String, role: StyleRole)]] {
        let blocks = sections.filter { !$0.entries.isEmpty }.map { lines(of: $0, width: width) }
        let total = blocks.reduce(0) { $0 + $1.count + 1 }
        let target = (total + count - 1) / count
        var columns: [[(text: String, role: StyleRole)]] = [[]]
        for block in blocks {
            if !columns[columns.count - 1].isEmpty, columns[columns.count - 1].count + block.count > target, columns.count < count {
                columns.append([])
            }
            if !columns[columns.count - 1].isEmpty { columns[columns.count - 1].append(("", .overlay)) }
            columns[columns.count - 1] += block
        }
        return columns
    }

    /// The lines of the list in one column, as on an 80-column screen.
    var lines: [(text: String, role: StyleRole)] { columns(1, width: Self.maximumColumn).first ?? [] }

    func placement(on screen: Size) -> Rect {
        let (count, columnWidth) = Self.layout(for: screen.width)
        let columns = columns(count, width: columnWidth)
        return Panel.centered(width: count * columnWidth + (count - 1) * 2 + 4, height: (columns.map(\.count).max() ?? 0) + 4, in: screen)
    }

    func draw(into grid: inout Grid, _ rect: Rect) {
        Panel.draw(rect, title: HelpOverlay.title, &grid)
        let inner = rect.inset(1)
        let (count, columnWidth) = Self.layout(for: rect.width)
        let columns = columns(count, width: columnWidth)
        let longest = columns.map(\.count).max() ?? 0
        let visible = max(1, inner.height - 1)
        let top = max(0, min(scroll, longest - visible))
        for (c, lines) in columns.enumerated() {
            let x = inner.x + 1 + c * (columnWidth + 2)
            for row in 0..<visible {
                let i = top + row
                guard lines.indices.contains(i) else { break }
                grid.text(lines[i].text, x: x, y: inner.y + row, role: lines[i].role, maxWidth: max(0, min(columnWidth, inner.maxX - x - 1)))
            }
        }
        if top + visible < longest {
            grid.text("▼ more", x: inner.maxX - 8, y: inner.maxY - 1, role: .dim, maxWidth: 6)
        }
    }
}
