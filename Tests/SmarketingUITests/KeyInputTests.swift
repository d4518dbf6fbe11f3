import SmarketingModel
import Testing
@testable import SmarketingUI

/// Keys as terminals send them (Alt, Esc, Ctrl-C) and pastes, through the reducer.
@Suite("Keys and pastes")
struct KeyInputTests {
    /// The sample at 100x30, with selections settled (as after the first frame).
    func state() throws -> AppState {
        var s = try UIFixture.state(size: Size(width: 100, height: 30))
        _ = Reducer.reduce(&s, .resize(s.size))
        return s
    }

    func title(_ s: AppState) -> String? {
        guard case .form(let form) = s.mode else { return nil }
        return form.value("title")
    }

    @Test func anAltKeyIsBoundNowhereAndNeverActsAsThePlainKey() {
        for context in KeyContext.allCases {
            for c in "abcdefghijklmnopqrstuvwxyzADGJKNWX?1234 " {
                for pane in PaneID.allCases {
                    #expect(KeyMap.command(for: .alt(c), in: context, pane: pane) == nil, "Alt-\(c) does something in \(context)")
                }
            }
        }
    }

    @Test func altDInAFormKeepsTheFormAndDeletesNothing() throws {
        var s = try state()
        let agenda = s.workspace.currentMeeting!.agenda
        s.press(.char("a"))
        s.type("Budget review")
        s.press(.alt("d"))
        #expect(title(s) == "Budget review")
        s.press(.enter)
        #expect(s.mode == .normal)
        let titles = s.workspace.currentMeeting!.agenda.map(\.title)
        #expect(titles.count == agenda.count + 1)
        #expect(agenda.allSatisfy { titles.contains($0.title) })
    }

    @Test func altKeysOnTheDashboardAndInCaptureDoNothing() throws {
        var s = try state()
        let before = s
        for c in "dqaAXWsnuc " { s.press(.alt(c)) }
        #expect(s.workspace == before.workspace && s.mode == .normal && s.focus == before.focus && s.selection == before.selection)
        s.press(.char("c"))
        s.type("a: Zoë: call")
        s.press(.alt("x"), .alt("b"))
        guard case .capture(let editor, _) = s.mode else { Issue.record("capture closed"); return }
        #expect(editor.text == "a: Zoë: call")
    }

    @Test func escInAFormWithTypedTextAsksAndNoKeepsTheText() throws {
        var s = try state()
        s.press(.char("a"))
        s.type("Budget review")
        s.press(.escape)
        #expect(s.mode != .normal, "Esc threw the typed text away without asking")
        #expect(s.keyContext == .confirm)
        s.press(.char("n"))
        #expect(title(s) == "Budget review")
        s.press(.escape, .escape) // Esc on the prompt is "no" too
        #expect(title(s) == "Budget review")
        let before = s.workspace
        s.press(.escape, .char("y"))
        #expect(s.mode == .normal)
        #expect(s.workspace == before)
        #expect(s.banner?.text.contains("Discarded") == true)
    }

    @Test func escInAnUntouchedFormClosesItAtOnce() throws {
        var s = try state()
        s.press(.char("a"), .escape)
        #expect(s.mode == .normal)
        s.press(.char("a"))
        s.type("x")
        s.press(.backspace, .escape) // typed and taken back: nothing to lose
        #expect(s.mode == .normal)
    }

    @Test func ctrlCInAFormWithTypedTextAsksInsteadOfQuitting() throws {
        var s = try state()
        s.press(.char("a"))
        s.type("Budget review")
        #expect(Reducer.reduce(&s, .interrupt) == [])
        #expect(s.keyContext == .confirm)
        s.press(.char("n"))
        #expect(title(s) == "Budget review")
        // Ctrl-C again on the prompt: the chair insists, the dashboard stops (saving what is saved).
        #expect(Reducer.reduce(&s, .interrupt) == [])
        #expect(Reducer.reduce(&s, .interrupt) == [.stop])
    }

    @Test func escOrCtrlCOnACaptureLineWithTextAsksAndNoKeepsTheLine() throws {
        var s = try state()
        s.press(.char("c"))
        s.type("d: Webinar leads go to nurture")
        s.press(.escape)
        #expect(s.keyContext == .confirm, "Esc threw the capture line away without asking")
        s.press(.char("n"))
        guard case .capture(let editor, _) = s.mode else { Issue.record("the capture line closed"); return }
        #expect(editor.text == "d: Webinar leads go to nurture")
        #expect(Reducer.reduce(&s, .interrupt) == [], "Ctrl-C stopped the dashboard with a capture line typed")
        #expect(s.keyContext == .confirm)
        s.press(.escape) // Esc on the prompt is "no"
        guard case .capture(let kept, _) = s.mode else { Issue.record("the capture line closed"); return }
        #expect(kept.text == "d: Webinar leads go to nurture")
        let before = s.workspace
        s.press(.escape, .char("y"))
        #expect(s.mode == .normal)
        #expect(s.workspace == before)
        #expect(s.banner?.text == "Discarded the capture line; nothing changed.")
    }

    @Test func escOrCtrlCOnAnEmptyCaptureLineClosesIt() throws {
        var s = try state()
        s.press(.char("c"), .escape)
        #expect(s.mode == .normal)
        s.press(.char("c"))
        #expect(Reducer.reduce(&s, .interrupt) == [])
        #expect(s.mode == .normal)
    }

    @Test func ctrlCInAnUntouchedFormOrOnTheDashboardStops() throws {
        var s = try state()
        s.press(.char("a"))
        #expect(Reducer.reduce(&s, .interrupt) == [.stop])
        s.press(.escape)
        #expect(s.mode == .normal)
        #expect(Reducer.reduce(&s, .interrupt) == [.stop])
    }

    @Test func aPasteIsOneEditAndItsLineBreaksBecomeSpaces() throws {
        var s = try state()
        s.press(.char("a"))
        s.type("Q4: ")
        _ = Reducer.reduce(&s, .paste("pipeline\nreview\r\nwith\tsales\r"))
        #expect(title(s) == "Q4: pipeline review with sales ")
        s.press(.char("!"))
        #expect(title(s) == "Q4: pipeline review with sales !")
        _ = Reducer.reduce(&s, .key(.enter))
        #expect(s.workspace.currentMeeting!.agenda.contains { $0.title == "Q4: pipeline review with sales !" })
    }

    @Test func aPasteInCaptureIsInsertedOnce() throws {
        var s = try state()
        s.press(.char("c"))
        _ = Reducer.reduce(&s, .paste("a: Zoë: call\nthe lead"))
        guard case .capture(let editor, _) = s.mode else { Issue.record("capture closed"); return }
        #expect(editor.text == "a: Zoë: call the lead")
    }

    @Test func aPasteOnTheDashboardRunsNoCommands() throws {
        var s = try state()
        let before = s
        _ = Reducer.reduce(&s, .paste("dddqWAXs  u"))
        #expect(s.workspace == before.workspace && s.mode == .normal && s.selection == before.selection)
        #expect(s.banner?.text.contains("Paste ignored") == true)
    }

    @Test func aHundredKilobytePastedTitleIsOneEditAndIsRefusedWithItsLimit() throws {
        var s = try state()
        let before = s.workspace
        s.press(.char("a"))
        let text = String(repeating: String(repeating: "x", count: 99) + "\n", count: 1_000) // 100,000 bytes
        #expect(Reducer.reduce(&s, .paste(text)) == [])
        guard case .form(let form) = s.mode, case .text(let editor) = form.fields[0].kind else { Issue.record("the form closed"); return }
        #expect(editor.characters.count == LineEditor.maximumLength)
        #expect(!editor.text.contains("\n"))
        #expect(form.fields[0].error == "at most \(ModelLimits.shortText) bytes")
        #expect(s.banner?.text.contains("at most \(ModelLimits.shortText) bytes") == true)
        s.press(.enter)
        #expect(s.workspace == before)
        #expect(s.banner?.text.contains("title: at most \(ModelLimits.shortText) bytes") == true)
    }
}
