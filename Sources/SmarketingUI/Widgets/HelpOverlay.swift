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

    /// The lines of the list: a blank line between sections, each titled.
    var lines: [(text: String, role: StyleRole)] {
        var lines: [(text: String, role: StyleRole)] = []
        for section in sections where !section.entries.isEmpty {
            if !lines.isEmpty { lines.append(("", .overlay)) }
            lines.append((section.title, .stage))
            for entry in section.entries {
                lines.append(("  " + DisplayWidth.pad(entry.keys, to: 18) + " " + entry.help, .overlay))
            }
        }
        return lines
    }

    func placement(on screen: Size) -> Rect {
        Panel.centered(width: 100, height: lines.count + 4, in: screen)
    }

    func draw(into grid: inout Grid, _ rect: Rect) {
        let lines = lines
        Panel.draw(rect, title: HelpOverlay.title, &grid)
        let inner = rect.inset(1)
        let visible = max(1, inner.height - 1)
        let top = max(0, min(scroll, lines.count - visible))
        for row in 0..<visible {
            let i = top + row
            guard lines.indices.contains(i) else { break }
            grid.text(lines[i].text, x: inner.x + 1, y: inner.y + row, role: lines[i].role, maxWidth: inner.width - 2)
        }
        if top + visible < lines.count {
            grid.text("▼ more", x: inner.maxX - 8, y: inner.maxY - 1, role: .dim, maxWidth: 6)
        }
    }
}
