import SmarketingModel

/// The bottom row: the file, whether it is saved, the mode, then a banner, the presenter's note
/// or as many key hints as fit.
struct StatusBar: Widget {
    enum SaveIndicator: Equatable {
        case saved
        case saving
        case notSaved
        /// A presenter never saves: it says what it shows instead (`fileLabel` holds that).
        case presenter
    }

    enum Message: Equatable {
        case banner(String, isError: Bool)
        /// The presenter's screen has no key hints: only what it is showing.
        case readOnlyNote
        case hints([Hint])
    }

    struct Hint: Equatable {
        var keys: String
        var label: String
    }

    var fileLabel: String
    var save: SaveIndicator
    /// The mode in capitals: NORMAL, EDIT, HELP…
    var mode: String
    var message: Message

    func draw(into grid: inout Grid, _ rect: Rect) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, role: .statusBar)
        var x = rect.x
        // A banner too long for the space after the file name and mode gets the whole line but
        // the save state: what it says matters more than what the bar already showed.
        var compact = false
        if case .banner(let text, _) = message {
            let prefix = min(DisplayWidth.of(" \(fileLabel) "), min(max(10, rect.width / 4), rect.width)) + DisplayWidth.of(" \(mode) ") + 1 + 13
            compact = DisplayWidth.of(" \(text) ") > rect.width - prefix
        }
        if save == .presenter {
            // "following FILE · updated 08:15:03" is the point of a presenter's bar: room for it,
            // but a banner's news comes first.
            let room: Int
            if case .banner = message { room = max(10, rect.width / 3) } else { room = rect.width - 12 }
            x += grid.text(" \(fileLabel) ", x: x, y: rect.y, role: .statusBar, maxWidth: room)
        } else if !compact {
            x += grid.text(" \(fileLabel) ", x: x, y: rect.y, role: .statusBar, maxWidth: min(max(10, rect.width / 4), rect.width))
        }
        let (saveText, saveRole): (String, StyleRole) = {
            switch save {
            case .saved: return (" ✓ saved ", .statusBar)
            case .saving: return (" … saving ", .statusBar)
            case .notSaved: return (" ✗ NOT SAVED ", .statusError)
            case .presenter: return ("", .statusBar)
            }
        }()
        x += grid.text(saveText, x: x, y: rect.y, role: saveRole, maxWidth: rect.maxX - x)
        if !compact {
            x += grid.text(" \(mode) ", x: x, y: rect.y, role: .statusKey, maxWidth: rect.maxX - x)
        }
        x += 1
        switch message {
        case .banner(let text, let isError):
            grid.text(" " + text + " ", x: x, y: rect.y, role: isError ? .bannerError : .banner, maxWidth: rect.maxX - x)
        case .readOnlyNote:
            grid.text(" read-only · q quits", x: x, y: rect.y, role: .statusBar, maxWidth: rect.maxX - x)
        case .hints(let hints):
            for hint in hints {
                let needed = DisplayWidth.of(hint.keys) + DisplayWidth.of(hint.label) + 3
                guard x + needed <= rect.maxX else { break }
                x += grid.text(" " + hint.keys, x: x, y: rect.y, role: .statusKey)
                x += grid.text(" " + hint.label + " ", x: x, y: rect.y, role: .statusBar)
            }
        }
    }
}
