import SmarketingModel

/// Quick capture: a line just above the status bar, with the syntax in its frame and, after Tab,
/// the completions offered.
struct CaptureLine: OverlayWidget {
    var editor: LineEditor
    var completions: [String] = []

    static let title = "Quick capture · a: owner: action · d: decision · f: stage: friction · anything else: a note"
    static let prompt = " › "

    func placement(on screen: Size) -> Rect { Rect(x: 0, y: screen.height - 4, width: screen.width, height: 3) }

    private func fieldX(_ rect: Rect) -> Int { rect.x + 1 + min(DisplayWidth.of(CaptureLine.prompt), max(0, rect.width - 1)) }

    func cursor(in rect: Rect) -> (x: Int, y: Int)? {
        var editor = editor
        return (fieldX(rect) + editor.layout(width: rect.maxX - 1 - fieldX(rect)).cursorColumn, rect.y + 1)
    }

    func draw(into grid: inout Grid, _ rect: Rect) {
        Panel.draw(rect, title: CaptureLine.title, &grid)
        grid.text(CaptureLine.prompt, x: rect.x + 1, y: rect.y + 1, role: .titleFocused, maxWidth: rect.width - 1)
        let x = fieldX(rect)
        let fieldWidth = rect.maxX - 1 - x
        grid.fill(Rect(x: x, y: rect.y + 1, width: fieldWidth, height: 1), role: .formFieldFocused)
        var editor = editor
        grid.text(editor.layout(width: fieldWidth).text, x: x, y: rect.y + 1, role: .formFieldFocused, maxWidth: fieldWidth)
        if !completions.isEmpty {
            grid.text(" Tab: " + completions.prefix(8).joined(separator: " · "), x: rect.x + 1, y: rect.maxY - 1, role: .overlayBorder, maxWidth: rect.width - 2)
        }
    }
}
