import Testing
@testable import SmarketingTerminal
import SmarketingUI

/// Telling a light terminal from a dark one, without a terminal: COLORFGBG and the answer to an
/// OSC 11 query. (The query on a real pseudo-terminal: TerminalBackgroundE2ETests.)
@Suite("Terminal background")
struct TerminalBackgroundTests {
    /// Keys typed while the terminal was asked are kept apart from its answers, in order.
    @Test func typedKeysAreSplitFromTheAnswers() {
        let osc = Array("\u{1B}]11;rgb:ffff/ffff/ffff\u{07}".utf8), st = Array("\u{1B}]11;rgb:0/0/0\u{1B}\\".utf8)
        let da = Array("\u{1B}[?64;1;2c".utf8)
        let arrow = Array("\u{1B}[A".utf8)
        let (answers, typed) = TerminalBackground.split(Array("2".utf8) + osc + Array("jé".utf8) + arrow + da + Array("q".utf8))
        #expect(answers == osc + da)
        #expect(typed == Array("2jé".utf8) + arrow + Array("q".utf8))
        #expect(TerminalBackground.split(st + da).typed.isEmpty)
        // A cut-off answer is not an answer: nothing is lost, it is handed on as it came.
        #expect(TerminalBackground.split(Array("\u{1B}]11;rgb:ff".utf8)).typed == Array("\u{1B}]11;rgb:ff".utf8))
        #expect(TerminalBackground.split([]) == ([], []))
    }

    @Test func colorfgbgsLastFieldIsTheBackground() {
        #expect(TerminalBackground.fromCOLORFGBG("0;15") == .light)
        #expect(TerminalBackground.fromCOLORFGBG("15;0") == .dark)
        #expect(TerminalBackground.fromCOLORFGBG("0;7") == .light)
        #expect(TerminalBackground.fromCOLORFGBG("7;8") == .dark)
        #expect(TerminalBackground.fromCOLORFGBG("12;default;0") == .dark)
        #expect(TerminalBackground.fromCOLORFGBG("0;default;15") == .light)
        for unknown in [nil, "", "15;default", "white", "0;99", "15;"] as [String?] {
            #expect(TerminalBackground.fromCOLORFGBG(unknown) == nil, "\(String(describing: unknown))")
        }
    }

    @Test func anOSC11AnswerGivesTheColour() {
        func reply(_ s: String) -> [UInt8] { Array(s.utf8) }
        #expect(TerminalBackground.fromOSC11Reply(reply("\u{1B}]11;rgb:ffff/ffff/ffff\u{07}")) == .light)
        #expect(TerminalBackground.fromOSC11Reply(reply("\u{1B}]11;rgb:0000/0000/0000\u{1B}\\")) == .dark)
        #expect(TerminalBackground.fromOSC11Reply(reply("\u{1B}]11;rgb:fd/f6/e3\u{07}")) == .light)     // Solarized light
        #expect(TerminalBackground.fromOSC11Reply(reply("\u{1B}]11;rgb:00/2b/36\u{07}")) == .dark)      // Solarized dark
        #expect(TerminalBackground.fromOSC11Reply(reply("\u{1B}]11;rgba:ffff/ffff/ffff/ffff\u{07}")) == .light)
        // With the Device Attributes answer that follows it, and keys typed before it.
        #expect(TerminalBackground.fromOSC11Reply(reply("j\u{1B}]11;rgb:1e1e/1e1e/1e1e\u{07}\u{1B}[?64;1;2c")) == .dark)
        for broken in ["", "\u{1B}[?1;2c", "\u{1B}]11;rgb:ffff/ffff", "\u{1B}]11;rgb:ffff/ffff\u{07}", "\u{1B}]11;#ffffff\u{07}", "\u{1B}]11;rgb:fffff/0/0\u{07}"] {
            #expect(TerminalBackground.fromOSC11Reply(reply(broken)) == nil, "\(broken.debugDescription)")
        }
    }

    @Test func colorfgbgComesFirstAndTheQueryOnlyWhenItSaysNothing() {
        var asked = 0
        let white: () -> [UInt8]? = { asked += 1; return Array("\u{1B}]11;rgb:ffff/ffff/ffff\u{07}\u{1B}[?1;2c".utf8) }
        #expect(TerminalBackground.detect(environment: ["COLORFGBG": "15;0"], query: white) == .dark)
        #expect(asked == 0)
        #expect(TerminalBackground.detect(environment: [:], query: white) == .light)
        #expect(TerminalBackground.detect(environment: ["COLORFGBG": "15;default"], query: white) == .light)
        #expect(asked == 2)
        #expect(TerminalBackground.detect(environment: [:], query: { nil }) == nil)
        #expect(TerminalBackground.detect(environment: [:], query: { Array("\u{1B}[?1;2c".utf8) }) == nil)
    }

    @Test func theQueryStopsAtTheDeviceAttributesAnswer() {
        #expect(TerminalBackground.endsWithDeviceAttributes(Array("\u{1B}]11;rgb:0/0/0\u{07}\u{1B}[?64;1;2c".utf8)))
        #expect(TerminalBackground.endsWithDeviceAttributes(Array("\u{1B}[?1;2c".utf8)))
        #expect(!TerminalBackground.endsWithDeviceAttributes(Array("\u{1B}]11;rgb:0/0/0\u{07}".utf8)))
        #expect(!TerminalBackground.endsWithDeviceAttributes(Array("abc".utf8)))
    }

    @Test func theThemeForEachBackground() {
        #expect(TerminalBackground.light.themeName == "light")
        #expect(TerminalBackground.dark.themeName == "default")
    }
}
