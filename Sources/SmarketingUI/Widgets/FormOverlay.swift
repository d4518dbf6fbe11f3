import SmarketingModel

/// An edit form over the dashboard: a label and a field per row, the focused field's hint or
/// error, and a footer of keys. With room, each field has a line under it for its message;
/// otherwise fields sit on consecutive lines and the focused field's message goes on a line of
/// its own above the footer. Messages never cover what the user typed.
struct FormOverlay: OverlayWidget {
    struct Field: Equatable {
        enum Value: Equatable {
            case text(LineEditor)
            /// The option shown, between ◂ ▸.
            case choice(String)
        }

        var label: String
        var value: Value
        /// Shown when the field is focused and valid.
        var hint = ""
        var error: String?
    }

    var title: String
    var fields: [Field]
    var focus = 0

    static let footer = "Enter save · Esc cancel · Tab/↑↓ field · ←→ choice"

    /// Two rows per field when the screen has room for them.
    func placement(on screen: Size) -> Rect {
        let roomy = fields.count * 2 + 4 <= screen.height - 2
        let bodyRows = roomy ? fields.count * 2 : fields.count + 1
        return Panel.centered(width: 76, height: bodyRows + 4, in: screen)
    }

    /// Where things go inside the panel; shared by drawing and placing the cursor.
    private struct Geometry {
        var inner: Rect
        var roomy: Bool
        var labelWidth: Int
        var fieldX: Int
        var fieldWidth: Int
        var visible: Range<Int>
    }

    private func geometry(_ rect: Rect) -> Geometry {
        let inner = rect.inset(1)
        let roomy = rect.height >= fields.count * 2 + 4
        // Room for the longest label, a space, and the "⚠ " an error puts before it: a label is
        // never cut to make room for the mark.
        let labelWidth = min(28, (fields.map { DisplayWidth.of($0.label) }.max() ?? 10) + 3)
        let fieldRows = roomy ? inner.height - 2 : inner.height - 3
        let visibleFields = max(1, fieldRows / (roomy ? 2 : 1))
        let first = max(0, min(focus - visibleFields + 1, fields.count - visibleFields))
        let fieldX = inner.x + 1 + labelWidth
        return Geometry(inner: inner, roomy: roomy, labelWidth: labelWidth, fieldX: fieldX, fieldWidth: max(4, inner.maxX - fieldX - 1),
                        visible: first..<max(first, min(fields.count, first + visibleFields)))
    }

    private func y(of i: Int, _ g: Geometry) -> Int { g.inner.y + 1 + (i - g.visible.lowerBound) * (g.roomy ? 2 : 1) }

    func cursor(in rect: Rect) -> (x: Int, y: Int)? {
        let g = geometry(rect)
        guard g.visible.contains(focus), case .text(var editor) = fields[focus].value else { return nil }
        return (g.fieldX + editor.layout(width: g.fieldWidth).cursorColumn, y(of: focus, g))
    }

    func draw(into grid: inout Grid, _ rect: Rect) {
        Panel.draw(rect, title: title, &grid)
        let g = geometry(rect)
        for i in g.visible {
            let field = fields[i]
            let y = y(of: i, g)
            let focused = i == focus
            let fieldRole: StyleRole = focused ? .formFieldFocused : .formField
            let labelRole: StyleRole = field.error != nil ? .formError : (focused ? .titleFocused : .formLabel)
            let marked = (field.error != nil ? "⚠ " : "") + field.label + " "
            // A label too long for the column keeps its words and loses the mark (the message line says it).
            let label = DisplayWidth.of(marked) <= g.labelWidth ? marked : field.label + " "
            grid.textRight(label, maxX: g.fieldX, y: y, role: labelRole, maxWidth: g.labelWidth)
            grid.fill(Rect(x: g.fieldX, y: y, width: g.fieldWidth, height: 1), role: fieldRole)
            switch field.value {
            case .text(var editor):
                grid.text(editor.layout(width: g.fieldWidth).text, x: g.fieldX, y: y, role: fieldRole, maxWidth: g.fieldWidth)
            case .choice(let option):
                grid.text("◂ \(option) ▸", x: g.fieldX, y: y, role: fieldRole, maxWidth: g.fieldWidth)
            }
            if g.roomy {
                if let error = field.error {
                    grid.text(error, x: g.fieldX, y: y + 1, role: .formError, maxWidth: g.fieldWidth)
                } else if focused, !field.hint.isEmpty {
                    grid.text(field.hint, x: g.fieldX, y: y + 1, role: .dim, maxWidth: g.fieldWidth)
                }
            }
        }
        let inner = g.inner
        if !g.roomy, fields.indices.contains(focus) {
            let field = fields[focus]
            if let error = field.error {
                grid.text("⚠ \(field.label.lowercased()): \(error)", x: inner.x + 1, y: inner.maxY - 2, role: .formError, maxWidth: inner.width - 2)
            } else if !field.hint.isEmpty {
                grid.text(field.label + ": " + field.hint, x: inner.x + 1, y: inner.maxY - 2, role: .dim, maxWidth: inner.width - 2)
            }
        }
        grid.text(FormOverlay.footer, x: inner.x + 1, y: inner.maxY - 1, role: .dim, maxWidth: inner.width - 2)
    }
}
