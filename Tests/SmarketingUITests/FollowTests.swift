import Foundation
import Testing
@testable import SmarketingModel
@testable import SmarketingUI

/// A presenter following the chair: the chair's view as a value, its encoding, and a presenter
/// applying it (issue 13 §1).
@Suite("Following the chair's view")
struct FollowTests {
    static let chairID = ViewState.Chair(pid: 4242, host: "meeting-host", start: "5eed")
    static let later = Timestamp(iso: "2026-11-23T09:41:07Z")!

    func chair() throws -> AppState { try UIFixture.state(size: Size(width: 100, height: 30)) }

    func presenter(size: Size = Size(width: 80, height: 24)) throws -> AppState {
        var s = try UIFixture.state(size: size)
        s.readOnly = true
        s.following = .noChair(reason: nil)
        return s
    }

    func follow(_ chair: AppState, _ presenter: inout AppState) {
        _ = Reducer.reduce(&presenter, .followView(ViewState(chair, chair: Self.chairID), at: Self.later))
    }

    func statusLine(_ s: AppState) -> String { Renderer.render(s).grid.textLines.last ?? "" }

    // MARK: the view as a value

    @Test func theChairsViewReadsBackFromItsCanonicalBytes() throws {
        var c = try chair()
        c.press(.char("3"), .char("j"), .char("z"))
        let zoomed = ViewState(c, chair: Self.chairID)
        #expect(zoomed.focus == .friction && zoomed.zoomed && zoomed.overlay == nil)
        #expect(zoomed.selection[.friction]?.item == c.selectedItem(in: .friction))
        #expect(try ViewState(bytes: zoomed.bytes) == zoomed)
        c.press(.char("z"), .char("2"), .char("a"))
        c.type("Budget owner for SQLs 渡辺")
        let form = ViewState(c, chair: Self.chairID)
        guard case .form(let title, let fields, let focus)? = form.overlay else {
            Issue.record("no form in \(form)")
            return
        }
        #expect(title == "New agenda item" && focus == 0)
        #expect(fields[0].value == .text("Budget owner for SQLs 渡辺", cursor: 24))
        let bytes = form.bytes
        #expect(try ViewState(bytes: bytes) == form)
        #expect(try ViewState(bytes: bytes).bytes == bytes)
    }

    @Test func aViewFileThatIsNotOneIsRefusedWithAReason() throws {
        let good = ViewState(try chair(), chair: Self.chairID)
        #expect(throws: ViewState.DecodingError.self) { try ViewState(bytes: Array("{\"version\": 1".utf8)) }
        #expect(throws: ViewState.DecodingError.self) { try ViewState(bytes: Array("[]".utf8)) }
        var other = String(decoding: good.bytes, as: UTF8.self).replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2")
        #expect(throws: ViewState.DecodingError("the view file has version 2; this smarketing reads version 1")) { try ViewState(bytes: Array(other.utf8)) }
        other = String(decoding: good.bytes, as: UTF8.self).replacingOccurrences(of: "\"focus\": \"agenda\"", with: "\"focus\": \"sideways\"")
        #expect(throws: ViewState.DecodingError("unknown pane \"sideways\"")) { try ViewState(bytes: Array(other.utf8)) }
        other = String(decoding: good.bytes, as: UTF8.self).replacingOccurrences(of: "\"index\": 0", with: "\"index\": -3")
        #expect(throws: ViewState.DecodingError.self) { try ViewState(bytes: Array(other.utf8)) }
        let huge = [UInt8](repeating: 0x20, count: ViewState.maximumBytes + 1)
        #expect(throws: ViewState.DecodingError("the view file is larger than 256 KiB")) { try ViewState(bytes: huge) }
    }

    // MARK: a presenter applying it

    @Test func thePresenterShowsTheChairsZoomedFrictionPaneOnTheSameItem() throws {
        var c = try chair()
        c.press(.char("3"), .char("j"), .char("j"), .char("z"))
        var p = try presenter()
        #expect(statusLine(p).hasPrefix(" northwind.json · no chair connected (showing the file)"))
        follow(c, &p)
        #expect(p.focus == .friction && p.zoomed)
        #expect(p.selectedItem(in: .friction) == c.selectedItem(in: .friction))
        #expect(p.following == .following(updated: Self.later))
        let status = statusLine(p)
        #expect(status.hasPrefix(" following northwind.json · updated 09:41:07  FOLLOW"))
        #expect(!status.contains("saved"))
        let screen = Renderer.render(p).grid.textLines.joined(separator: "\n")
        #expect(screen.contains("3 Friction points") && !screen.contains("2 Agenda"))
    }

    @Test func aFormTheChairFillsIsShownAsItIsTyped() throws {
        var c = try chair()
        c.press(.char("2"), .char("a"))
        c.type("Room sees th")
        var p = try presenter()
        follow(c, &p)
        c.type("is")
        follow(c, &p)
        guard case .form(let form) = p.mode else {
            Issue.record("the presenter shows no form: \(p.mode)")
            return
        }
        #expect(form.title == "New agenda item" && form.fields[0].value == "Room sees this")
        #expect(Renderer.render(p).grid.textLines.contains { $0.contains("Title Room sees this") })
        c.press(.escape, .char("y"))
        follow(c, &p)
        #expect(p.mode == .normal)
    }

    @Test func theCaptureLineHelpAndOverlaysAreFollowed() throws {
        var c = try chair()
        var p = try presenter()
        c.press(.char("c"))
        c.type("a: Dana: call back")
        follow(c, &p)
        #expect(p.mode == .capture(LineEditor("a: Dana: call back"), completions: []))
        c.press(.escape, .char("y"), .char("?"))
        follow(c, &p)
        #expect(p.mode == .help(scroll: 0))
        c.press(.escape, .char("O"))
        follow(c, &p)
        #expect(p.mode == .owed(selected: 0))
        c.press(.escape, .char("I"), .char("j"))
        follow(c, &p)
        guard case .definitions(let view) = c.mode else {
            Issue.record("the chair has no definitions open: \(c.mode)")
            return
        }
        #expect(view.selected == 1 && p.mode == .definitions(view))
    }

    @Test func anItemThePresenterDoesNotHaveYetKeepsTheChairsRowNeverCrashes() throws {
        var p = try presenter()
        var view = ViewState(try chair(), chair: Self.chairID)
        view.selection[.agenda] = ViewState.PaneSelection(index: 3, item: .agenda("not-in-this-copy"))
        view.selection[.actions] = ViewState.PaneSelection(index: 999, item: .decision("gone"))
        view.selection[.friction] = ViewState.PaneSelection(index: 0, item: .suggestion(.opportunityToWon))
        _ = Reducer.reduce(&p, .followView(view, at: Self.later))
        #expect(p.selected(.agenda) == 3)
        #expect(p.selected(.actions) == PaneRows.itemCount(.actions, p) - 1)
        _ = Renderer.render(p)
        // Once the file catches up, the same view lands on the item by id.
        var c = try chair()
        c.press(.char("2"), .char("G"))
        follow(c, &p)
        #expect(p.selectedItem(in: .agenda) == c.selectedItem(in: .agenda))
    }

    @Test func aFollowingPresentersKeysOnlyQuitRedrawAndChangeItsOwnTheme() throws {
        var c = try chair()
        c.press(.char("2"), .char("a"))
        c.type("half typed")
        var p = try presenter()
        follow(c, &p)
        let before = p
        for key in [Key.char("j"), .char("3"), .tab, .char("z"), .enter, .escape, .char("x")] {
            #expect(Reducer.reduce(&p, .key(key)).isEmpty)
        }
        #expect(p.mode == before.mode && p.focus == before.focus && p.selection == before.selection && p.workspace == before.workspace)
        #expect(p.banner?.text == "Following the chair; --independent browses.")
        #expect(Reducer.reduce(&p, .paste("pasted")).isEmpty && p.mode == before.mode)
        p.press(.char("t"))
        #expect(p.themeIndex == 1)
        #expect(Reducer.reduce(&p, .key(.ctrl("l"))) == [.redraw])
        #expect(Reducer.reduce(&p, .interrupt) == [.stop])
        #expect(Reducer.reduce(&p, .key(.char("q"))) == [.quit])
    }

    @Test func withoutAChairThePresenterSaysSoClosesTheChairsFormAndBrowses() throws {
        var c = try chair()
        c.press(.char("2"), .char("a"))
        var p = try presenter()
        follow(c, &p)
        _ = Reducer.reduce(&p, .noChair(reason: nil))
        #expect(p.mode == .normal && p.following == .noChair(reason: nil))
        #expect(statusLine(p).hasPrefix(" northwind.json · no chair connected (showing the file)  PRESENT"))
        p.press(.char("3"))
        #expect(p.focus == .friction)
        _ = Reducer.reduce(&p, .noChair(reason: "the view file is not JSON (line 1: x)"))
        #expect(statusLine(p).contains("no chair connected (the view file is not JSON"))
    }

    @Test func anIndependentPresenterAndTheChairIgnoreViews() throws {
        let view = ViewState(try chair(), chair: Self.chairID)
        var p = try presenter()
        p.following = .independent
        p.press(.char("3"))
        _ = Reducer.reduce(&p, .followView(view, at: Self.later))
        #expect(p.focus == .friction && p.following == .independent)
        #expect(statusLine(p).hasPrefix(" northwind.json · --independent  PRESENT"))
        var c = try chair()
        c.press(.char("4"))
        _ = Reducer.reduce(&c, .followView(view, at: Self.later))
        #expect(c.focus == .actions && c.following == nil)
    }

    @Test func theChairIsToldOnceWhenItsViewCannotBePublished() throws {
        var c = try chair()
        _ = Reducer.reduce(&c, .viewNotPublished("cannot write the view file (Read-only file system)"))
        #expect(c.banner?.text == "Not followed: cannot write the view file (Read-only file system).")
        #expect(c.banner?.expires != nil)
    }

    // MARK: the invalid-file banner

    @Test func theInvalidFileBannerGoesTheMomentAValidVersionLoads() throws {
        var p = try presenter()
        let notValid = Action.externalInvalid("line 3, column 1: unexpected end of the file")
        // The same version as before comes back (the runner recognises its bytes unparsed).
        _ = Reducer.reduce(&p, notValid)
        #expect(p.banner?.text.hasPrefix("The file on disk is not valid right now") == true)
        _ = Reducer.reduce(&p, .externalUnchanged)
        #expect(p.banner == nil)
        // A version equal to the one on screen.
        _ = Reducer.reduce(&p, notValid)
        _ = Reducer.reduce(&p, .externalChange(p.workspace))
        #expect(p.banner == nil)
        // A new version, on the presenter and on the chair.
        var theirs = p.workspace
        theirs.team.name = "Renamed"
        _ = Reducer.reduce(&p, notValid)
        _ = Reducer.reduce(&p, .externalChange(theirs))
        #expect(p.banner == nil && p.workspace.team.name == "Renamed")
        var c = try chair()
        _ = Reducer.reduce(&c, notValid)
        _ = Reducer.reduce(&c, .externalChange(theirs))
        #expect(c.banner?.text == "The file changed on disk; reloaded.")
        // Ctrl-L clears it too (and the runner reads the file again).
        _ = Reducer.reduce(&p, notValid)
        #expect(Reducer.reduce(&p, .key(.ctrl("l"))) == [.redraw])
        #expect(p.banner == nil)
        // Another banner is left alone.
        p.banner = Banner("Theme: light", expires: p.now.adding(seconds: 3))
        _ = Reducer.reduce(&p, .externalUnchanged)
        #expect(p.banner?.text == "Theme: light")
    }
}
