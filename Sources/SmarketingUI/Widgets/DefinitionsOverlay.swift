import SmarketingModel

/// The team's definitions over the dashboard, nearly full screen so a room can read them: each
/// subject's title with its DRAFT or agreed mark, then its text wrapped to the width.
struct DefinitionsOverlay: OverlayWidget {
    /// One subject as the view shows it.
    struct Entry: Equatable {
        var title: String
        var agreed: Bool
        var changedThisMeeting: Bool
        /// Paragraphs: a fixed definition's text split at line breaks, or a persona's "Label: value" fields.
        var paragraphs: [String]
        /// A persona's fields read as "Label: value" with the value's further lines indented.
        var hangingIndent = false
    }

    /// One line of the laid-out page.
    struct Line: Equatable {
        enum Kind: Equatable { case title, body, empty, gap }
        var kind: Kind
        var text: String
        /// Which entry the line belongs to (a gap belongs to the one before it).
        var entry: Int
    }

    /// Every subject of `definitions` in display order; `changed` are those this meeting changed.
    static func entries(_ definitions: Definitions, changed: Set<DefinitionSubject>) -> [Entry] {
        definitions.subjects.map { subject in
            let paragraphs: [String]
            if case .persona(let id) = subject, let persona = definitions.personas.first(where: { $0.id == id }) {
                // A field's further lines are indented under its label.
                paragraphs = Persona.fields.flatMap { field in
                    "\(field.label): \(persona[keyPath: field.path])".split(separator: "\n").enumerated()
                        .map { $0.offset == 0 ? String($0.element) : "  " + String($0.element).trimmingSpaces }
                }
            } else {
                paragraphs = definitions.text(of: subject).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
            return Entry(title: definitions.title(of: subject), agreed: definitions.isAgreed(subject),
                         changedThisMeeting: changed.contains(subject), paragraphs: paragraphs, hangingIndent: subject.isPersona)
        }
    }

    var entries: [Entry]
    var selected: Int
    /// The first line of the page shown.
    var top: Int

    var title: String {
        let agreed = entries.filter(\.agreed).count, drafts = entries.count - agreed
        return "Definitions · \(agreed) agreed, \(drafts) draft\(drafts == 1 ? "" : "s")"
    }

    // MARK: geometry, shared with the reducer so it can keep the selection in view

    /// Everything between the header and the status bar, like a zoomed pane: read on a projector.
    static func panel(on screen: Size) -> Rect { Rect(x: 0, y: 1, width: screen.width, height: max(3, screen.height - 2)) }

    /// The column the text is set in: the panel's width inside its borders and margins, at most
    /// `maximumColumn` wide (longer lines are hard to read), centred.
    static func column(in panel: Rect) -> (x: Int, width: Int) {
        let width = max(1, min(panel.width - 4, maximumColumn))
        return (panel.x + (panel.width - width) / 2, width)
    }

    static let maximumColumn = 110

    /// Rows of text between the title and the key line.
    static func pageRows(on screen: Size) -> Int { max(1, panel(on: screen).height - 3) }

    /// Columns a body line may take (after its indent).
    static func textWidth(on screen: Size) -> Int { textWidth(panel: panel(on: screen)) }

    /// The selection bar and the indent come off the column's width.
    static func textWidth(panel: Rect) -> Int { max(10, column(in: panel).width - 1 - bodyIndent.count) }

    static let bodyIndent = "    "
    static let keyLine = "j/k move · e edit · E editor · Space agreed/draft · a/d add/delete persona · u undo · Esc close"
    static let shortKeyLine = "j/k move · e edit · E editor · Space agreed · a/d persona · Esc close"

    /// The entries laid out as lines `width` columns wide, and each entry's range of lines.
    static func page(_ entries: [Entry], width: Int) -> (lines: [Line], ranges: [Range<Int>]) {
        var lines: [Line] = []
        var ranges: [Range<Int>] = []
        for (i, entry) in entries.enumerated() {
            let start = lines.count
            lines.append(Line(kind: .title, text: entry.title, entry: i))
            let paragraphs = entry.paragraphs.filter { !$0.trimmingSpaces.isEmpty }
            if paragraphs.isEmpty {
                lines.append(Line(kind: .empty, text: "(nothing written yet: e writes it)", entry: i))
            }
            for paragraph in paragraphs {
                // Leading spaces indent the whole paragraph (a persona field's further lines).
                let lead = String(paragraph.prefix { $0 == " " })
                let rows = wrap(TextSanitizer.visible(String(paragraph.dropFirst(lead.count))), width: max(1, width - lead.count),
                                hanging: entry.hangingIndent ? "  " : "")
                for row in rows { lines.append(Line(kind: .body, text: lead + row, entry: i)) }
            }
            ranges.append(start..<lines.count)
            if i < entries.count - 1 { lines.append(Line(kind: .gap, text: "", entry: i)) }
        }
        return (lines, ranges)
    }

    /// Words filled into lines of at most `width` columns; continuation lines start with `hanging`
    /// (so a persona's "Goals: …" reads as one field). A word wider than the line is cut.
    static func wrap(_ text: String, width: Int, hanging: String = "") -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let indent = lines.isEmpty ? "" : hanging
            let candidate = current.isEmpty ? indent + word : current + " " + word
            if DisplayWidth.of(candidate) > width && !current.isEmpty {
                lines.append(current)
                current = DisplayWidth.truncate(hanging + word, to: width)
            } else {
                current = DisplayWidth.of(candidate) > width ? DisplayWidth.truncate(candidate, to: width) : candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The first line to show so that `top` stays on the page.
    static func clampedTop(_ top: Int, lineCount: Int, rows: Int) -> Int { max(0, min(top, lineCount - rows)) }

    // MARK: drawing

    func placement(on screen: Size) -> Rect { Self.panel(on: screen) }

    func draw(into grid: inout Grid, _ rect: Rect) {
        Panel.draw(rect, title: title, &grid)
        let inner = rect.inset(1)
        guard !inner.isEmpty else { return }
        let rows = max(1, inner.height - 1)
        let (lines, _) = Self.page(entries, width: Self.textWidth(panel: rect))
        let first = Self.clampedTop(top, lineCount: lines.count, rows: rows)
        let (x, width) = Self.column(in: rect)
        if entries.isEmpty {
            grid.text("No definitions.", x: x, y: inner.y, role: .dim, maxWidth: width)
        }
        for row in 0..<rows {
            let index = first + row
            guard lines.indices.contains(index) else { break }
            let line = lines[index], y = inner.y + row
            let isSelected = line.entry == selected && line.kind != .gap
            switch line.kind {
            case .title:
                drawTitle(entries[line.entry], selected: isSelected, &grid, x: x, y: y, width: width)
            case .body, .empty:
                if isSelected { grid.text("▌", x: x, y: y, role: .accent, maxWidth: 1) }
                grid.text(Self.bodyIndent + line.text, x: x + 1, y: y, role: line.kind == .empty ? .dim : .overlay, maxWidth: width - 1)
            case .gap:
                break
            }
        }
        // More above or below: said on the border instead of cutting silently.
        if first > 0 { grid.textRight(" ▲ more ", maxX: rect.maxX - 2, y: rect.y, role: .overlayBorder, maxWidth: 8) }
        if first + rows < lines.count { grid.textRight(" ▼ more ", maxX: rect.maxX - 2, y: rect.maxY - 1, role: .overlayBorder, maxWidth: 8) }
        let keys = DisplayWidth.of(Self.keyLine) <= width ? Self.keyLine : Self.shortKeyLine
        grid.text(keys, x: x, y: inner.maxY - 1, role: .dim, maxWidth: width)
    }

    private func drawTitle(_ entry: Entry, selected: Bool, _ grid: inout Grid, x: Int, y: Int, width: Int) {
        let base: StyleRole = selected ? .selection : .stage
        if selected { grid.fill(Rect(x: x, y: y, width: width, height: 1), role: .selection) }
        let mark = entry.agreed ? "✓ agreed" : "! DRAFT"
        let changed = entry.changedThisMeeting ? "* changed this meeting   " : ""
        let marks = changed + mark
        let marksWidth = DisplayWidth.of(marks)
        let titleWidth = max(1, width - marksWidth - 3)
        _ = grid.text((selected ? "▸ " : "  ") + TextSanitizer.visible(entry.title), x: x, y: y, role: base, maxWidth: titleWidth)
        guard width > marksWidth + 4 else { return }
        let markX = x + width - 1 - DisplayWidth.of(mark)
        _ = grid.text(mark, x: markX, y: y, role: selected ? .selection : (entry.agreed ? .good : .warn), maxWidth: DisplayWidth.of(mark))
        if !changed.isEmpty {
            _ = grid.text(changed, x: markX - DisplayWidth.of(changed), y: y, role: selected ? .selection : .accent, maxWidth: DisplayWidth.of(changed))
        }
    }
}
