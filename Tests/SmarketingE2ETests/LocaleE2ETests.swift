import Foundation
import Testing
@testable import SmarketingModel

/// Locales without UTF-8 and terminals without colour, in a real terminal.
@Suite("Locales and plain terminals, end to end")
struct LocaleE2ETests {
    /// LANG unset or C: the dashboard switches to UTF-8 (as btop does), so names show and typed
    /// accents reach the file.
    @Test(arguments: ["LANG=C", "LANG=POSIX", "-u LANG"])
    func withoutALocaleNamesShowAndTypedAccentsAreKept(locale: String) throws {
        let copy = try WorkspaceCopy("northwind.json")
        let tmux = try TmuxSession(width: 100, height: 30, shellCommand:
            "env -u LC_ALL -u LC_CTYPE \(locale) \(TmuxSession.binary) \(copy.path); echo __EXIT=$?")
        try tmux.waitFor("1 KPIs")
        #expect(try tmux.screen().contains("│ Cost per lead"))
        try tmux.keys("c")
        try tmux.type("d: abc é xyz 渡辺")
        try tmux.keys("Enter")
        try tmux.waitFor("abc é xyz 渡辺")
        try tmux.keys("q")
        try tmux.waitFor("__EXIT=0")
        #expect(try MeetingStore(path: copy.path).load().currentMeeting?.decisions.last?.text == "abc é xyz 渡辺")
    }

    /// A VT100 in the C locale: every mark has an ASCII stand-in, user text that cannot be shown
    /// is `?` (never blank), and the selected row is in reverse video, not colour.
    @Test func aVT100GetsASCIIAndReverseVideo() throws {
        let copy = try WorkspaceCopy("northwind.json")
        var ws = try MeetingStore(path: copy.path).load()
        ws.team.name = "Café Nörd"
        try MeetingStore(path: copy.path).save(ws, overwritingExternalChanges: true)
        let tmux = try TmuxSession(width: 100, height: 30, shellCommand:
            "env -u LC_ALL -u LC_CTYPE LANG=C TERM=vt100 \(TmuxSession.binary) \(copy.path); echo __EXIT=$?")
        let screen = try tmux.waitFor("1 KPIs")
        #expect(screen.contains("Caf? N?rd"))
        #expect(screen.contains("+ 1 KPIs . week of 2026-11-16 ---"))
        #expect(screen.contains("$50.08 / < $50.00"))
        #expect(screen.contains("| o Review last week's action items"))
        #expect(!screen.unicodeScalars.contains { $0.value > 0x7E })
        // The selected row: reverse video (SGR 7) right before it.
        let styled = try tmux.tmux(["capture-pane", "-p", "-e", "-t", "main"], captureOutput: true)
        let row = try #require(styled.split(separator: "\n").first { $0.contains("Review last week's action items") })
        let before = row[..<row.range(of: " o Review")!.lowerBound]
        #expect(before.contains("7m") || before.contains(";7"), "no reverse video before the selected row: \(row.debugDescription)")
        try tmux.keys("q")
        try tmux.waitFor("__EXIT=0")
    }

    /// Zooming a pane in and out on an ASCII-only terminal leaves no stale cells: after each
    /// step the screen is exactly what a full repaint (Ctrl-L) draws. Wide and accented user text
    /// (shown as `?`) used to leave cells of the old layout behind.
    @Test func zoomOnAnASCIITerminalLeavesNoStaleCells() throws {
        let copy = try WorkspaceCopy("northwind.json")
        var ws = try MeetingStore(path: copy.path).load()
        ws.team.name = "Café Nörd 渡辺"
        let m = ws.currentMeetingIndex!
        ws.meetings[m].agenda[0].title = "渡辺さん review 🎯 and Zoë's list"
        ws.frictionPoints[0].title = "Leads über 渡辺 stall 📉 in nurture"
        try MeetingStore(path: copy.path).save(ws, overwritingExternalChanges: true)
        let tmux = try TmuxSession(width: 100, height: 30, shellCommand:
            "env -u LC_ALL -u LC_CTYPE LANG=C TERM=vt100 \(TmuxSession.binary) \(copy.path); echo __EXIT=$?")
        try tmux.waitFor("1 KPIs")
        let first = try tmux.settledScreen() // the whole first frame, not its first rows
        #expect(first.contains("| o ???????? review ?? and Zo?'s list"), "wide text is not two ? per cell pair:\n\(first)")

        /// The screen once it has settled, then after a full repaint: they must match.
        func settledThenRepainted(until text: String) throws -> (String, String) {
            try tmux.waitFor(text)
            let settled = try tmux.settledScreen()
            try tmux.keys("C-l")
            return (settled, try tmux.settledScreen())
        }
        for (keys, text) in [(["2", "z"], "2 Agenda"), (["z"], "3 Friction"), (["3", "z"], "3 Friction"), (["z"], "1 KPIs")] {
            try tmux.keys(keys[0])
            if keys.count > 1 { try tmux.keys(keys[1]) }
            // The header's clock may turn a minute between the two captures: it is left out.
            func withoutClock(_ screen: String) -> String {
                screen.replacingOccurrences(of: #"\d\d:\d\d *\n"#, with: "HH:MM\n", options: .regularExpression)
            }
            let (settled, repainted) = try settledThenRepainted(until: text)
            #expect(withoutClock(settled) == withoutClock(repainted), "after \(keys) the screen differs from a full repaint:\n\(settled)\n---\n\(repainted)")
            #expect(!settled.unicodeScalars.contains { $0.value > 0x7E })
        }
        try tmux.keys("q")
        try tmux.waitFor("__EXIT=0")
    }
}
