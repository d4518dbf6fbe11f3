import SmarketingModel

/// The file changed on disk while there were unsaved edits: what happened, the choices, and
/// (on v) what differs between the two versions.
struct ConflictOverlay: OverlayWidget {
    var fileLabel: String
    var unsavedEdits: Int
    /// What differs between mine and theirs; nil when the file on disk cannot be read or is
    /// invalid, and only "keep mine" is possible.
    var differences: [WorkspaceDiff.Line]?
    var viewing = false

    static let title = "The file changed on disk while you had unsaved edits"

    func placement(on screen: Size) -> Rect {
        let height = viewing ? min(screen.height - 2, (differences?.count ?? 0) + 9) : 9
        return Panel.centered(width: 90, height: height, in: screen)
    }

    static func role(_ line: WorkspaceDiff.Line) -> StyleRole {
        line.change == "only mine" ? .good : (line.change == "only theirs" ? .accent : .warn)
    }

    func draw(into grid: inout Grid, _ rect: Rect) {
        Panel.draw(rect, title: ConflictOverlay.title, &grid)
        var y = rect.y + 2
        let n = unsavedEdits
        let intro = differences == nil
            ? "\(fileLabel) changed on disk and is not valid now. Nothing has been overwritten."
            : "Another program or window saved \(fileLabel). Nothing has been overwritten. \(n) edit\(n == 1 ? " is" : "s are") only here."
        grid.text(intro, x: rect.x + 2, y: y, role: .overlay, maxWidth: rect.width - 4)
        y += 2
        let choices = differences == nil
            ? [("k", "keep mine; the file on disk is saved as \(fileLabel).conflict-TIME")]
            : [("r", "reload theirs, dropping my edits"), ("k", "keep mine; theirs is saved as \(fileLabel).conflict-TIME"),
               ("v", viewing ? "hide the differences" : "view both: what differs")]
        for (key, text) in choices {
            let w = grid.text(" \(key) ", x: rect.x + 2, y: y, role: .statusKey, maxWidth: rect.width - 4)
            grid.text(" " + text, x: rect.x + 2 + w, y: y, role: .overlay, maxWidth: rect.width - 6 - w)
            y += 1
        }
        guard viewing else { return }
        y += 1
        let diff = differences ?? []
        if diff.isEmpty {
            grid.text("The two versions hold the same items.", x: rect.x + 2, y: y, role: .dim, maxWidth: rect.width - 4)
        }
        for line in diff where y < rect.maxY - 1 {
            let w = grid.text(DisplayWidth.pad(line.change, to: 12), x: rect.x + 2, y: y, role: ConflictOverlay.role(line), maxWidth: rect.width - 4)
            grid.text("\(line.kind)\(line.title.isEmpty ? "" : ": " + line.title)", x: rect.x + 2 + w, y: y, role: .overlay, maxWidth: rect.width - 4 - w)
            y += 1
        }
    }
}
