import Foundation
import SmarketingModel
import SmarketingUI

/// Runs the dashboard: the event loop that feeds keys, resizes and clock ticks to the reducer,
/// carries out its effects (saves, redraws, quitting) and draws each new state.
public final class DashboardRunner {
    public struct Options {
        public var theme: String?
        public var environment: [String: String]

        public init(theme: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
            self.theme = theme
            self.environment = environment
        }
    }

    /// How the dashboard ended, for the exit code and the message after the terminal is restored.
    public struct Outcome {
        public var exitCode: Int32
        public var messages: [String]
    }

    private let store: MeetingStore
    private let options: Options
    private let catalog: ThemeCatalog

    public init(store: MeetingStore, options: Options) {
        self.store = store
        self.options = options
        catalog = ThemeCatalog(environment: options.environment)
    }

    public func run(workspace: Workspace) throws(TerminalUnavailable) -> Outcome {
        try TerminalScreen.checkUsable(environment: options.environment)
        let noColor = !(options.environment["NO_COLOR"] ?? "").isEmpty
        var names = catalog.names()
        var startIndex = 0
        var problems: [String] = []
        if let requested = options.theme {
            if let i = names.firstIndex(of: requested) {
                startIndex = i
            } else {
                names.insert(requested, at: 0) // a path, or a name that may fail to load (reported below)
            }
        }
        let (initialTheme, problem) = noColor ? (Theme.mono, nil) : catalog.load(names[startIndex])
        if let problem { problems.append(problem) }

        let screen = try TerminalScreen(theme: initialTheme)
        var state = AppState(workspace: workspace, fileLabel: URL(fileURLWithPath: store.path).lastPathComponent,
                             size: screen.size, now: Clock.now, utcOffset: Clock.utcOffset,
                             themeNames: names, themeIndex: startIndex)
        if let problem = problems.first { state.banner = Banner(problem, isError: true, expires: state.now.adding(seconds: 10)) }
        var loadedTheme = state.themeName
        screen.draw(Renderer.render(state))

        var outcome = Outcome(exitCode: 0, messages: [])
        loop: while true {
            let event = screen.read(timeoutMilliseconds: nextWake(state))
            var actions: [Action] = []
            switch event {
            case .key(let key): actions.append(.key(key))
            case .resize(let size): actions.append(.resize(size))
            case .timeout: actions.append(.tick(Clock.now))
            case .stopSignal(let sig):
                outcome = stop(on: sig, state: state)
                break loop
            }
            // Keep the clock current for every action, so timers and dates are right.
            if case .tick = actions[0] {} else { state.now = Clock.now }
            var quit = false
            while let action = actions.first {
                actions.removeFirst()
                for effect in Reducer.reduce(&state, action) {
                    switch effect {
                    case .save: actions.append(.saveFinished(save(state.workspace)))
                    case .redraw: screen.forceRedraw()
                    case .quit: quit = true
                    }
                }
            }
            if quit { break }
            if state.themeName != loadedTheme {
                loadedTheme = state.themeName
                let (theme, problem) = noColor ? (Theme.mono, nil) : catalog.load(loadedTheme)
                screen.setTheme(theme)
                if let problem {
                    state.banner = Banner(problem, isError: true, expires: state.now.adding(seconds: 10))
                    problems.append(problem)
                }
            }
            screen.draw(Renderer.render(state))
        }
        screen.restore()
        // Theme problems were shown in a banner; repeat them where they cannot scroll away.
        outcome.messages = problems.map { "smarketing: \($0)" } + outcome.messages
        return outcome
    }

    /// Writes the workspace; the store refuses to clobber a file that changed on disk.
    private func save(_ workspace: Workspace) -> SaveOutcome {
        do {
            try store.save(workspace)
            return .saved
        } catch {
            return .failed(error.lines.joined(separator: " "))
        }
    }

    /// A stop signal: make sure nothing is lost, then leave.
    private func stop(on signal: Int32, state: AppState) -> Outcome {
        var messages: [String] = []
        if state.unsavedEdits > 0 {
            if case .saved = save(state.workspace) {
                messages.append("Saved your edits to \(store.path).")
            } else {
                messages.append(writeRecoveryCopy(state.workspace))
            }
        }
        return Outcome(exitCode: 128 + signal, messages: messages)
    }

    /// When the real file cannot be written, the edits go beside it (or to the temp folder).
    private func writeRecoveryCopy(_ workspace: Workspace) -> String {
        let stamp = Clock.now.iso.replacingOccurrences(of: ":", with: "")
        let candidates = ["\(store.path).unsaved-\(stamp)", NSTemporaryDirectory() + "smarketing-unsaved-\(stamp).json"]
        for path in candidates {
            if (try? MeetingStore.create(workspace, at: path)) != nil {
                return "Could not save \(store.path); your edits are in \(path)."
            }
        }
        return "Could not save \(store.path) or a recovery copy; your last edits are lost."
    }

    /// Milliseconds to wait for input: once a second while something on screen counts seconds
    /// (a running agenda item, a banner, a failed save), else until the clock's next minute.
    private func nextWake(_ state: AppState) -> Int32 {
        let ms = Clock.millisecondsIntoSecond
        let running = state.workspace.currentMeeting?.agenda.contains { $0.status == .active } ?? false
        if running || state.banner?.expires != nil || state.saveState != .saved {
            return Int32(1000 - ms)
        }
        let seconds = Int(state.now.adding(seconds: Int64(state.utcOffset)).secondsSinceEpoch % 60)
        return Int32((60 - seconds) * 1000 - ms)
    }
}

/// The wall clock. Only the runner reads it; the core gets time through actions.
enum Clock {
    static var now: Timestamp { Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)) }
    static var utcOffset: Int { TimeZone.current.secondsFromGMT() }
    static var millisecondsIntoSecond: Int {
        let t = Date().timeIntervalSince1970
        return Int((t - t.rounded(.down)) * 1000)
    }
}
