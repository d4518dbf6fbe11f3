import Foundation
import SmarketingModel
import Testing
@testable import SmarketingUI

@Suite("Key map")
struct KeyMapTests {
    @Test func noKeyIsBoundTwiceInTheSamePlace() {
        for context in KeyContext.allCases {
            for pane in PaneID.allCases {
                var seen: [Key: Command] = [:]
                for b in KeyMap.bindings where b.context == context && (b.panes?.contains(pane) ?? true) {
                    for key in b.keys {
                        if let earlier = seen[key], earlier != b.command {
                            Issue.record("\(key.label) means both \(earlier) and \(b.command) in \(context) / \(pane)")
                        }
                        seen[key] = b.command
                    }
                }
            }
        }
    }

    @Test func everyDashboardCommandTheIssueAsksForIsBound() {
        let required: [(Key, DashboardCommand)] = [
            (.tab, .nextPane), (.backTab, .previousPane), (.char("1"), .focus(.kpis)), (.char("4"), .focus(.actions)),
            (.up, .up), (.char("k"), .up), (.down, .down), (.char("j"), .down), (.char("g"), .top), (.char("G"), .bottom),
            (.pageUp, .pageUp), (.pageDown, .pageDown), (.home, .top), (.end, .bottom), (.char("a"), .add),
            (.enter, .edit), (.char("e"), .edit), (.char("d"), .delete), (.char("J"), .moveDown), (.char("K"), .moveUp),
            (.shiftUp, .moveUp), (.shiftDown, .moveDown), (.char(" "), .cycleStatus), (.char("u"), .undo), (.ctrl("r"), .redo),
            (.char("?"), .help), (.char("q"), .quit), (.char("z"), .zoom),
        ]
        for (key, command) in required {
            #expect(KeyMap.dashboard(key, pane: .agenda) == command, "\(key.label)")
        }
        for (key, command) in [(Key.left, EditorCommand.cursorLeft), (.right, .cursorRight), (.home, .cursorHome), (.end, .cursorEnd),
                               (.ctrl("a"), .cursorHome), (.ctrl("e"), .cursorEnd), (.backspace, .deleteBackward), (.delete, .deleteForward),
                               (.ctrl("u"), .killToStart), (.ctrl("k"), .killToEnd), (.ctrl("w"), .deleteWordBackward)] {
            #expect(KeyMap.editor(key) == command, "\(key.label)")
        }
        #expect(KeyMap.form(.escape) == .cancel)
        #expect(KeyMap.form(.enter) == .submit)
    }

    @Test func statusBarHintsComeFromTheKeyMap() {
        let hints = KeyMap.hints(in: .normal, pane: .agenda).map(\.label)
        #expect(hints.prefix(4) == ["pane", "add", "edit", "del"])
        #expect(!KeyMap.hints(in: .normal, pane: .kpis).map(\.label).contains("del"))
    }

    @Test func theREADMEKeyListIsTheKeyMap() throws {
        let readme = try String(contentsOf: UIFixture.repository.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "<!-- keys:start -->\n"), let end = readme.range(of: "<!-- keys:end -->") else {
            Issue.record("README.md has no <!-- keys:start --> … <!-- keys:end --> block")
            return
        }
        let table = String(readme[start.upperBound..<end.lowerBound])
        #expect(table == KeyMap.markdownTable(), "the README's key list is out of date; paste KeyMap.markdownTable() (run with SMARKETING_UPDATE_GOLDENS=1 to rewrite it)")
        if table != KeyMap.markdownTable(), ProcessInfo.processInfo.environment["SMARKETING_UPDATE_GOLDENS"] == "1" {
            let updated = readme.replacingCharacters(in: start.upperBound..<end.lowerBound, with: KeyMap.markdownTable())
            try updated.write(to: UIFixture.repository.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        }
    }
}
