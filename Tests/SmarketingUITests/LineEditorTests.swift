import SmarketingModel
import Testing
@testable import SmarketingUI

@Suite("Line editor")
struct LineEditorTests {
    @Test func movesAndDeletesWholeCharactersWhateverTheirWidth() {
        var e = LineEditor("渡辺🚀é")
        #expect(e.cursor == 4)
        e.apply(.deleteBackward)
        #expect(e.text == "渡辺🚀")
        e.apply(.cursorLeft)
        e.apply(.deleteBackward)
        #expect(e.text == "渡🚀")
        e.apply(.cursorHome)
        e.apply(.deleteForward)
        #expect(e.text == "🚀")
        e.insert("Zoë ")
        #expect(e.text == "Zoë 🚀")
        #expect(e.cursor == 4)
    }

    @Test func emacsKeys() {
        var e = LineEditor("review the lead definition")
        e.apply(.deleteWordBackward)
        #expect(e.text == "review the lead ")
        e.apply(.deleteWordBackward)
        #expect(e.text == "review the ")
        e.apply(.cursorHome)
        e.apply(.cursorRight)
        e.apply(.killToEnd)
        #expect(e.text == "r")
        e.apply(.cursorEnd)
        e.insert("ead")
        e.apply(.cursorLeft)
        e.apply(.killToStart)
        #expect(e.text == "d")
        #expect(e.cursor == 0)
    }

    @Test func pastedControlCharactersAreDroppedAndLineBreaksBecomeSpaces() {
        var e = LineEditor()
        e.insert("a\u{1B}[2Jb\nc\td\u{7}")
        #expect(e.text == "a[2Jb c d")
    }

    @Test func aHugePasteIsCapped() {
        var e = LineEditor()
        e.insert(String(repeating: "x", count: 10_000))
        #expect(e.characters.count == LineEditor.maximumLength)
        e.insert("more")
        #expect(e.characters.count == LineEditor.maximumLength)
    }

    @Test func layoutScrollsToKeepTheCursorVisibleAndNeverSplitsAWideCharacter() {
        var e = LineEditor("渡辺さんのリード")
        let end = e.layout(width: 8)
        #expect(DisplayWidth.of(end.text) <= 8)
        #expect(end.cursorColumn <= 7)
        #expect(end.text.hasSuffix("リード") || end.text.hasSuffix("ード"))
        e.apply(.cursorHome)
        let start = e.layout(width: 8)
        #expect(start.cursorColumn == 0)
        #expect(start.text.hasPrefix("渡辺"))
        #expect(!start.text.contains("…"))
    }
}
