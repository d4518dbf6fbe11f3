import SmarketingModel

/// Under a zoomed list: everything about the selected item, a field a line ("Mitigation: …"),
/// long values wrapped under their start. It takes the lines it needs, leaving the list four.
struct ItemDetail: Equatable {
    struct Field: Equatable {
        var label: String
        var text: String
    }

    var heading: String
    var fields: [Field]

    /// The panel's lines in `width` columns: each field's label (on its first line) and text.
    func lines(width: Int) -> [(label: String, text: String)] {
        let labelWidth = (fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2
        var out: [(label: String, text: String)] = []
        for field in fields {
            let wrapped = ListPane.titleLines(field.text, width: max(1, width - labelWidth - 2), wrap: true, maxLines: Int.max)
            for (i, line) in wrapped.enumerated() { out.append((i == 0 ? field.label + ":" : "", line)) }
        }
        return out
    }

    /// The rows the panel takes in a list area: a rule and its lines, leaving the list four.
    func height(in area: Rect) -> Int {
        guard area.height >= 8 else { return 0 }
        return min(lines(width: area.width).count + 1, area.height - 4)
    }

    /// Splits a list area into the list and, when there is a detail, the panel under it.
    static func split(_ detail: ItemDetail?, _ area: Rect) -> (list: Rect, detail: Rect?) {
        guard let detail else { return (area, nil) }
        let h = detail.height(in: area)
        guard h > 0 else { return (area, nil) }
        return (Rect(x: area.x, y: area.y, width: area.width, height: area.height - h),
                Rect(x: area.x, y: area.maxY - h, width: area.width, height: h))
    }

    func draw(into grid: inout Grid, _ rect: Rect) {
        guard !rect.isEmpty else { return }
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: .border, character: "─")
        grid.text(" " + heading + " ", x: rect.x + 1, y: rect.y, role: .stage, maxWidth: rect.width - 2)
        let labelWidth = (fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2
        let all = lines(width: rect.width)
        for (i, line) in all.prefix(rect.height - 1).enumerated() {
            let y = rect.y + 1 + i
            grid.text(" " + line.label, x: rect.x, y: y, role: .dim, maxWidth: labelWidth + 1)
            let last = i == rect.height - 2 && all.count > rect.height - 1
            grid.text(last ? line.text + " …" : line.text, x: rect.x + labelWidth + 1, y: y, role: .text, maxWidth: rect.width - labelWidth - 2)
        }
    }
}
