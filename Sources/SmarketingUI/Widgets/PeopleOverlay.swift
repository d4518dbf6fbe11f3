import SmarketingModel

/// "People & attendance" over the dashboard: one row per roster member with this meeting's
/// attendance, their side and the short name narrow columns show; or, with an empty roster, how
/// to start one.
struct PeopleOverlay: OverlayWidget {
    struct Row: Equatable {
        var name: String
        var side: String
        /// What narrow columns show (the `NameStyle` rule).
        var shortName: String
        /// This meeting's attendance: true present, false absent, nil not marked.
        var present: Bool?
    }

    var rows: [Row]
    var selected = 0
    /// False when there is no current meeting: attendance is not shown.
    var hasMeeting = true
    /// Names in use that are not on the roster (`i` adds them).
    var namesOffRoster = 0
    /// This meeting's attendees who are not on the roster: shown under the rows, so the
    /// attendance the minutes print is all on screen.
    var presentOffRoster: [String] = []

    var title: String {
        guard hasMeeting, !rows.isEmpty else { return "People · \(rows.count) on the roster" }
        let present = rows.filter { $0.present == true }.count
        let absent = rows.filter { $0.present == false }.count
        let unmarked = rows.count - present - absent
        return "People · \(present) present, \(absent) absent" + (unmarked > 0 ? ", \(unmarked) not marked" : "")
    }

    static let footer = "Space present/absent · A all present · a add · e edit · d remove · Esc close"
    static let shortFooter = "Space here/away · A all · a add · e edit · d del · Esc"

    func placement(on screen: Size) -> Rect {
        Panel.centered(width: 80, height: max(9, rows.count + 5 + (offRosterLine == nil ? 0 : 2)), in: screen)
    }

    /// "Also present, not on the roster: Hannah Kim, Sam Patel (i adds them)".
    var offRosterLine: String? {
        guard hasMeeting, !rows.isEmpty, !presentOffRoster.isEmpty else { return nil }
        return "Also present, not on the roster: \(presentOffRoster.joined(separator: ", ")) (i adds them)"
    }

    static func attendance(_ present: Bool?) -> (mark: String, role: StyleRole) {
        switch present {
        case true?: return ("✓ present", .good)
        case false?: return ("✗ absent", .bad)
        case nil: return ("· not marked", .dim)
        }
    }

    func draw(into grid: inout Grid, _ rect: Rect) {
        Panel.draw(rect, title: title, &grid)
        let inner = rect.inset(1)
        guard !inner.isEmpty else { return }
        let footer = rows.isEmpty ? "a add" + (namesOffRoster > 0 ? " · i import the names in use" : "") + " · Esc close"
            : (DisplayWidth.of(Self.footer) <= inner.width - 2 ? Self.footer : Self.shortFooter)
        grid.text(footer, x: inner.x + 1, y: inner.maxY - 1, role: .dim, maxWidth: inner.width - 2)
        if rows.isEmpty {
            var lines = ["No one on the roster yet.", "a adds a person."]
            if namesOffRoster > 0 {
                lines.append("i adds the \(namesOffRoster) name\(namesOffRoster == 1 ? "" : "s") this workspace already uses (owners, chairs,")
                lines.append("  attendees), as side other; then e sets each one's side.")
            }
            for (i, line) in lines.enumerated() where inner.y + 1 + i < inner.maxY - 1 {
                grid.text(" " + line, x: inner.x, y: inner.y + 1 + i, role: i == 0 ? .text : .dim, maxWidth: inner.width)
            }
            return
        }
        let markWidth = hasMeeting ? 13 : 0
        let sideWidth = 10, shortWidth = 14
        func columns(_ side: String, _ short: String, role: StyleRole) -> [ListPane.Column] {
            [ListPane.Column(text: side, width: sideWidth, role: role), ListPane.Column(text: short, width: shortWidth, role: role)]
        }
        let headerArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: 1)
        ListPane.drawRow(&grid, headerArea, y: inner.y, role: .dim, prefix: " " + (hasMeeting ? pad("Attendance", markWidth) : ""),
                         title: "Name", columns: columns("Side", "Short name", role: .dim))
        let note = offRosterLine
        if let note {
            grid.text(" " + TextSanitizer.visible(note), x: inner.x, y: inner.maxY - 2, role: .dim, maxWidth: inner.width)
        }
        let visible = max(1, inner.height - 3 - (note == nil ? 0 : 2))
        let top = max(0, min(selected - visible + 1, rows.count - visible))
        for line in 0..<visible {
            let r = top + line
            guard rows.indices.contains(r) else { break }
            let row = rows[r]
            let y = inner.y + 1 + line
            let isSelected = r == selected
            let role = ListPane.rowRole(selected: isSelected, focused: true, base: .overlay)
            let (mark, markRole) = Self.attendance(row.present)
            let area = Rect(x: inner.x, y: y, width: inner.width, height: 1)
            ListPane.drawRow(&grid, area, y: y, role: role, prefix: " " + (hasMeeting ? pad(mark, markWidth) : ""),
                             prefixRole: isSelected ? role : markRole, title: row.name,
                             columns: columns(row.side, row.shortName, role: isSelected ? role : .dim))
        }
        if rows.count > visible {
            grid.textRight(" \(top + 1)–\(min(rows.count, top + visible)) of \(rows.count) ", maxX: rect.maxX - 1, y: rect.maxY - 1,
                           role: .overlayBorder, maxWidth: max(0, rect.width - 2))
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }
}
