import Foundation
import SmarketingTestSupport
import Testing
@testable import SmarketingModel
@testable import SmarketingUI

/// A seeded monkey drives the reducer with random keys (Alt keys and Ctrl-C among them), pastes
/// and resizes (1x1, 0x0, 500x200 among them) and checks the invariants after every step.
@Suite("The UI under abuse")
struct MonkeyTests {
    static let keys: [Key] = {
        var keys: [Key] = [.enter, .escape, .tab, .backTab, .backspace, .delete, .up, .down, .left, .right, .home, .end,
                           .pageUp, .pageDown, .shiftUp, .shiftDown, .function(5)]
        keys += "aeduJKrzt?qsncNAXWyvkj g G 1234渡🚀:,.-".map { Key.char($0) }
        keys += "rlauekw".map { Key.ctrl($0) }
        keys += "dqa".map { Key.alt($0) }
        return keys
    }()
    static let sizes = [Size(width: 80, height: 24), Size(width: 1, height: 1), Size(width: 0, height: 0), Size(width: 500, height: 200),
                        Size(width: 200, height: 60), Size(width: 79, height: 23), Size(width: 120, height: 40)]

    func run(_ workspace: Workspace, steps: Int, roundTripEvery: Int, seed: UInt64) throws -> (steps: Int, edits: Int, roundTrips: Int) {
        var rng = SeededRandom(seed: seed)
        var state = AppState(workspace: workspace, fileLabel: "w.json", size: Size(width: 80, height: 24),
                             now: Timestamp(iso: "2026-11-23T09:00:00Z")!, ids: IDGenerator(seed: seed))
        var edits = 0, roundTrips = 0
        var now = state.now
        for step in 0..<steps {
            let before = state.workspace
            // Giant and degenerate sizes are visited often but left quickly: a 500x200 frame is
            // what makes a debug-build step expensive.
            let odd = state.size.width * state.size.height > 20_000 || state.size.width < 2
            switch odd && rng.below(2) == 0 ? 0 : rng.below(100) {
            case 0..<3: _ = Reducer.reduce(&state, .resize(Self.sizes[rng.below(Self.sizes.count)]))
            case 3..<6:
                now = now.adding(seconds: Int64(rng.below(120)))
                _ = Reducer.reduce(&state, .tick(now))
            case 6:
                _ = Reducer.reduce(&state, .saveFinished(rng.below(2) == 0 ? .saved : .failed("injected")))
            case 7:
                // A paste into whatever has focus: a burst of characters (a terminal without
                // bracketed paste), or one bracketed paste with line breaks.
                let text = String(repeating: "渡辺 lead 🚀\n", count: 1 + rng.below(40))
                if rng.below(2) == 0 {
                    for c in text { _ = Reducer.reduce(&state, .key(.char(c))) }
                } else {
                    _ = Reducer.reduce(&state, .paste(text))
                }
            case 8:
                _ = Reducer.reduce(&state, .interrupt) // Ctrl-C; stopping is the runner's business
            default:
                _ = Reducer.reduce(&state, .key(Self.keys[rng.below(Self.keys.count)]))
            }
            // Quitting is the runner's business; the monkey carries on.
            if case .confirmQuit = state.mode, rng.below(2) == 0 { _ = Reducer.reduce(&state, .key(.char("n"))) }
            if case .confirmDiscard = state.mode, rng.below(2) == 0 { _ = Reducer.reduce(&state, .key(.char(rng.below(2) == 0 ? "y" : "n"))) }

            for pane in PaneID.allCases {
                let count = PaneRows.itemCount(pane, state)
                let s = state.selected(pane)
                #expect(count == 0 ? s == 0 : (0..<count).contains(s), "step \(step): selection out of range in \(pane)")
            }
            let frame = Renderer.render(state)
            #expect(frame.grid.cells.count == state.size.width * state.size.height, "step \(step): frame does not fit its grid")
            if let cursor = frame.cursor {
                #expect(cursor.x >= 0 && cursor.y >= 0 && cursor.x < state.size.width && cursor.y < state.size.height, "step \(step): cursor off screen")
            }
            if state.workspace != before {
                edits += 1
                #expect(WorkspaceValidator.problems(in: state.workspace).isEmpty, "step \(step): the model became invalid")
                if edits % roundTripEvery == 0 {
                    let reloaded = try MeetingStore.decode(MeetingStore.encode(state.workspace), path: "w.json")
                    #expect(reloaded == state.workspace.canonicalized, "step \(step): save then load changed the model")
                    roundTrips += 1
                }
            }
        }
        // And once at the end, so every run checks the round trip of what it built.
        let reloaded = try MeetingStore.decode(MeetingStore.encode(state.workspace), path: "w.json")
        #expect(reloaded == state.workspace.canonicalized, "at the end: save then load changed the model")
        roundTrips += 1
        return (steps, edits, roundTrips)
    }

    /// 10,000 events per workspace by default, 100,000 in soak mode (or SMARKETING_MONKEY_EVENTS).
    static let events = Soak.count("SMARKETING_MONKEY_EVENTS", quick: 10_000, soak: 100_000)

    @Test func randomEventsOnTheSample() throws {
        let ws = try MeetingStore(path: Paths.sample).load()
        let r = try run(ws, steps: Self.events, roundTripEvery: 1, seed: 11)
        print("monkey (sample): \(r.steps) events, \(r.edits) edits, \(r.roundTrips) save-and-load round trips, all invariants held")
        #expect(r.edits > Self.events / 100)
    }

    @Test func randomEventsOnALargeWorkspace() throws {
        // 3 years of weeks, 150 meetings, 1,000 friction points. A save-and-load round trip of it
        // costs about half a second in a debug build, so it runs every 500 edits and at the end.
        let ws = LargeWorkspace.make()
        let r = try run(ws, steps: Self.events, roundTripEvery: 500, seed: 12)
        print("monkey (large): \(r.steps) events, \(r.edits) edits, \(r.roundTrips) save-and-load round trips, all invariants held")
        #expect(r.roundTrips == r.edits / 500 + 1)
    }
}

/// A large workspace built in the tests (the benchmark has its own generator).
enum LargeWorkspace {
    static func make() -> Workspace {
        var ws = try! MeetingStore(path: Paths.sample).load()
        var ids = IDGenerator(seed: 99)
        let last = ws.weeks.last!.weekStart
        ws.weeks = (0..<156).map { i in
            var w = ws.weeks[i % ws.weeks.count]
            w.id = ids.next("wk")
            w.weekStart = last.adding(days: -7 * (155 - i))
            return w
        }
        let current = ws.currentMeeting!
        var meetings: [Meeting] = []
        for i in 0..<150 {
            var m = current
            m.id = ids.next("mtg")
            m.date = current.date.adding(days: -7 * (150 - i))
            m.kpiWeek = m.date.adding(days: -7)
            m.agenda = (0..<10).map { k in AgendaItem(id: ids.next("ag"), title: "Item \(k) of meeting \(i): 渡辺さんのリード 🚀", owner: "Zoë", timeboxMinutes: 5, status: .done, actualSeconds: 300) }
            m.actionItems = (0..<8).map { k in ActionItem(id: ids.next("act"), title: "Action \(k)", owner: "Sam", done: true) }
            m.decisions = (0..<3).map { k in Decision(id: ids.next("dec"), text: "Decision \(k) of meeting \(i)") }
            meetings.append(m)
        }
        ws.meetings = meetings + [current]
        let template = ws.frictionPoints
        ws.frictionPoints = (0..<1_000).map { i in
            var p = template[i % template.count]
            p.id = ids.next("fp")
            p.title += " #\(i)"
            return p
        }
        return ws
    }
}
