import SmarketingModel

/// Shown when quitting with edits the file does not have (a failed save): quitting writes them
/// to a recovery copy beside the file.
struct QuitPrompt: OverlayWidget {
    var unsavedEdits: Int

    func placement(on screen: Size) -> Rect { Panel.centered(width: 64, height: 6, in: screen) }

    func draw(into grid: inout Grid, _ rect: Rect) {
        Panel.draw(rect, title: "Quit?", &grid)
        let n = unsavedEdits
        grid.text("\(n) edit\(n == 1 ? " is" : "s are") not saved to the file.", x: rect.x + 2, y: rect.y + 2, role: .bad, maxWidth: rect.width - 4)
        grid.text("y quit, keeping \(n == 1 ? "it" : "them") in a copy beside the file · n stay", x: rect.x + 2, y: rect.y + 3, role: .overlay, maxWidth: rect.width - 4)
    }
}

/// Asks before closing this week's meeting and opening the next.
struct NewWeekPrompt: OverlayWidget {
    var meetingDate: CalendarDate
    var openActionItems: Int
    /// The agenda item still running, if any: closing the week stops its clock.
    var runningItem: String? = nil
    /// Agenda items never taken up.
    var pendingItems = 0
    /// Of those, the ones not on the standing agenda: they are carried to next week's.
    var carriedItems = 0
    /// Items in the team's standing agenda, which the new meeting starts from.
    var standingItems = 5

    /// What the chair should know before closing: an item still running, items never taken up.
    var warnings: [String] {
        var out: [String] = []
        if let runningItem {
            out.append("⚠ Still running (closing stops its clock): \(TextSanitizer.visible(runningItem))")
        }
        if pendingItems > 0 {
            let items = "\(pendingItems) agenda item\(pendingItems == 1 ? "" : "s") never taken up"
            if carriedItems >= pendingItems {
                out.append("⚠ \(items): carried to next week's agenda.")
            } else if carriedItems == 0 {
                out.append("⚠ \(items): \(pendingItems == 1 ? "it is" : "all are") on the standing agenda.")
            } else {
                out.append("⚠ \(pendingItems) items never taken up: \(carriedItems) carried to next week, \(pendingItems - carriedItems) on the standing agenda.")
            }
        }
        return out
    }

    func placement(on screen: Size) -> Rect { Panel.centered(width: 80, height: 8 + warnings.count, in: screen) }

    func draw(into grid: inout Grid, _ rect: Rect) {
        Panel.draw(rect, title: "Start next week's meeting?", &grid)
        let open = openActionItems
        let warnings = warnings
        let lines: [(String, StyleRole)] = warnings.map { ($0, .bad) } + [
            ("Closes the meeting of \(meetingDate.iso) (it stays in the history and the", .overlay),
            ("minutes), and opens \(meetingDate.adding(days: 7).iso) with the standing agenda (\(standingItems) item\(standingItems == 1 ? "" : "s")),", .overlay),
            ("\(open) open action item\(open == 1 ? "" : "s") carried over and the KPI week moved on.", .overlay),
            ("y start next week · n not now", .titleFocused),
        ]
        for (i, (line, role)) in lines.enumerated() {
            grid.text(line, x: rect.x + 2, y: rect.y + 2 + i, role: role, maxWidth: rect.width - 4)
        }
    }
}

/// "Discard what you typed?": Esc or Ctrl-C in a form whose fields were changed, or on a capture
/// line with text.
struct DiscardPrompt: OverlayWidget {
    /// Where the text is: "in this form", "on the capture line".
    var place: String

    func placement(on screen: Size) -> Rect { Panel.centered(width: 64, height: 6, in: screen) }

    func draw(into grid: inout Grid, _ rect: Rect) {
        Panel.draw(rect, title: "Discard?", &grid)
        grid.text("What you typed \(place) would be lost.", x: rect.x + 2, y: rect.y + 2, role: .bad, maxWidth: rect.width - 4)
        grid.text("y discard it · n keep editing", x: rect.x + 2, y: rect.y + 3, role: .overlay, maxWidth: rect.width - 4)
    }
}

/// What a screen below the minimum size shows instead of the dashboard, centred: the size it
/// needs, or the quit question when one is open (it must stay answerable).
struct TooSmallNotice: Widget {
    var size: Size
    var minimum: Size
    /// Set while the quit prompt is open.
    var unsavedEditsIfQuitting: Int?

    func draw(into grid: inout Grid, _ rect: Rect) {
        let lines: [String]
        if let n = unsavedEditsIfQuitting {
            lines = ["Quit and lose \(n) unsaved edit\(n == 1 ? "" : "s")?", "y quits, n stays"]
        } else {
            lines = ["Terminal too small: \(size.width)x\(size.height)", "need \(minimum.width)x\(minimum.height)",
                     "Enlarge the window, or press q to quit."]
        }
        let top = rect.y + max(0, (rect.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < rect.maxY {
            let w = min(DisplayWidth.of(line), rect.width)
            grid.text(line, x: rect.x + max(0, (rect.width - w) / 2), y: top + i, role: i == 0 ? .warn : .text, maxWidth: rect.width)
        }
    }
}
