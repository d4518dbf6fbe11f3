import Foundation
import SmarketingModel
import SmarketingUI

/// Runs the dashboard: the event loop that feeds keys, resizes, clock ticks and changes on disk to
/// the reducer, carries out its effects (saves, redraws, the editor, quitting) and draws each state.
public final class DashboardRunner {
    public struct Options {
        public var theme: String?
        /// The presenter's screen: read-only, follows the file, never writes it.
        public var readOnly: Bool
        public var environment: [String: String]

        public init(theme: String? = nil, readOnly: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment) {
            self.theme = theme
            self.readOnly = readOnly
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
    private let catalog: ThemeFiles
    /// The fingerprint of the last version read from disk by the watcher.
    private var lastDisk: Fingerprint?
    /// When a change on disk was noticed, the moment to read it (changes settle first).
    private var reloadDue: Date?
    /// A change is read this long after the last event, so a burst of writes is read once.
    static let debounce: TimeInterval = 0.08

    public init(store: MeetingStore, options: Options) {
        self.store = store
        self.options = options
        catalog = ThemeFiles(environment: options.environment)
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

        let debugTrap: Int32? = ["segv": SIGSEGV, "bus": SIGBUS, "ill": SIGILL, "trap": SIGTRAP, "abrt": SIGABRT][options.environment["SMARKETING_DEBUG_TRAP"] ?? ""]
        let watcher = FileWatcher(path: store.path)
        let saves = SaveResults()
        let saver = CoalescingSaver(store: store) { generation, outcome in saves.post(generation, outcome) }
        let screen = try TerminalScreen(theme: initialTheme)
        var state = AppState(workspace: workspace, fileLabel: URL(fileURLWithPath: store.path).lastPathComponent,
                             size: screen.size, now: Clock.now, utcOffset: Clock.utcOffset,
                             themeNames: names, themeIndex: startIndex)
        state.readOnly = options.readOnly
        state.asciiOnly = !Clock.localeIsUTF8
        if let problem = problems.first { state.banner = Banner(problem, isError: true, expires: state.now.adding(seconds: 10)) }
        var loadedTheme = state.themeName
        screen.draw(Renderer.render(state))

        var outcome = Outcome(exitCode: 0, messages: [])
        loop: while true {
            let ready = screen.wait(timeoutMilliseconds: nextWake(state, watcher: watcher),
                                    others: [watcher.descriptor, saves.descriptor].compactMap { $0 })
            var actions: [Action] = []
            if let fd = watcher.descriptor, ready.ready.contains(fd), watcher.drain() { reloadDue = Date().addingTimeInterval(Self.debounce) }
            if ready.ready.contains(saves.descriptor) { actions += saveActions(saves.take(), latest: saver.latestGeneration) }
            if watcher.usesPolling, watcher.pollChanged() { reloadDue = Date() }
            if ready.keyboard {
                // Drain every key ncurses has, so a paste or auto-repeat is handled in one go.
                while true {
                    let event = screen.readPending()
                    switch event {
                    case .key(.function(12)) where debugTrap != nil:
                        // Test hook: SMARKETING_DEBUG_TRAP=segv|bus|ill|trap|abrt makes F12 crash, to
                        // prove the terminal is restored on crashes.
                        raise(debugTrap!)
                    case .key(let key): actions.append(.key(key))
                    case .resize(let size): actions.append(.resize(size))
                    case .timeout: break
                    case .stopSignal(let sig):
                        saver.flush()
                        for action in saveActions(saves.take(), latest: saver.latestGeneration) { _ = Reducer.reduce(&state, action) }
                        outcome = stop(on: sig, state: state)
                        break loop
                    }
                    if event == .timeout { break }
                }
            }
            if let due = reloadDue, due <= Date() {
                reloadDue = nil
                if let change = readExternalChange() { actions.append(change) }
            }
            state.now = Clock.now
            actions.append(.tick(state.now))
            var quit = false
            while let action = actions.first {
                actions.removeFirst()
                for effect in Reducer.reduce(&state, action) {
                    switch effect {
                    case .save:
                        // Off the input path: the saver writes in the background and reports back.
                        if !options.readOnly { saver.schedule(state.workspace) }
                    case .redraw: screen.forceRedraw()
                    case .quit:
                        saver.flush()
                        quit = true
                    case .quitAfterSaving:
                        // Let saves under way finish; if the last one failed, the reducer asks.
                        saver.flush()
                        let results = saveActions(saves.take(), latest: saver.latestGeneration)
                        if results.isEmpty || results.allSatisfy({ $0 == .saveFinished(.saved) }) {
                            quit = true
                        } else {
                            actions += results + [.key(.char("q"))]
                        }
                    case .adoptDiskVersion: if let lastDisk { store.adopt(lastDisk) }
                    case .keepMine:
                        saver.flush()
                        _ = saves.take()
                        actions.append(.saveFinished(keepMine(state.workspace)))
                    case .editNotes(let target, let text):
                        let result = screen.suspended { ExternalEditor.edit(text, environment: options.environment) }
                        actions.append(.notesEdited(target, result))
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

    /// Turns the saver's reports into actions. Only the newest generation speaks for the file: an
    /// older save that failed is already superseded by a newer one in the queue.
    private func saveActions(_ results: [(Int, CoalescingSaver.Outcome)], latest: Int) -> [Action] {
        results.filter { $0.0 == latest }.map { _, outcome in
            switch outcome {
            case .saved: return .saveFinished(.saved)
            case .failed(let error): return .saveFinished(.failed(TextSanitizer.visible(error.reason)))
            case .changedOnDisk:
                let disk = store.readDisk()
                lastDisk = disk.fingerprint
                return .saveFinished(.conflict(theirs: try? disk.workspace.get()))
            }
        }
    }

    /// Reads the file after a change on disk. Our own saves are recognised by their fingerprint.
    private func readExternalChange() -> Action? {
        let disk = store.readDisk()
        if let fingerprint = disk.fingerprint, store.isOwnVersion(fingerprint) { return nil }
        switch disk.workspace {
        case .success(let theirs):
            lastDisk = disk.fingerprint
            return .externalChange(theirs)
        case .failure(.notFound):
            return .externalInvalid("the file was removed; \(options.readOnly ? "waiting for it to come back" : "your next edit writes it again")")
        case .failure(let error):
            return .externalInvalid(error.lines.first.map { TextSanitizer.visible($0) } ?? "unreadable")
        }
    }

    /// Writes the workspace; the store refuses to clobber a file that changed on disk.
    private func save(_ workspace: Workspace) -> SaveOutcome {
        do {
            try store.save(workspace)
            return .saved
        } catch .changedOnDisk {
            let disk = store.readDisk()
            lastDisk = disk.fingerprint
            return .conflict(theirs: try? disk.workspace.get())
        } catch {
            return .failed(error.lines.joined(separator: " "))
        }
    }

    private func keepMine(_ workspace: Workspace) -> SaveOutcome {
        do {
            let aside = try store.keepMine(workspace, stamp: Clock.stamp)
            return .keptMine(aside: aside)
        } catch {
            return .failed(error.lines.joined(separator: " "))
        }
    }

    /// A stop signal: make sure nothing is lost, then leave.
    private func stop(on signal: Int32, state: AppState) -> Outcome {
        var messages: [String] = []
        if state.unsavedEdits > 0 && !options.readOnly {
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
        let candidates = ["\(store.path).unsaved-\(Clock.stamp)", NSTemporaryDirectory() + "smarketing-unsaved-\(Clock.stamp).json"]
        for path in candidates {
            if (try? MeetingStore.create(workspace, at: path)) != nil {
                return "Could not save \(store.path); your edits are in \(path)."
            }
        }
        return "Could not save \(store.path) or a recovery copy; your last edits are lost."
    }

    /// Milliseconds to wait for input: soon when a change on disk is settling; once a second while
    /// something on screen counts seconds (a running meeting, a banner, a failed save); else until
    /// the clock's next minute. The polling fallback wakes every quarter second.
    private func nextWake(_ state: AppState, watcher: FileWatcher) -> Int32 {
        let ms = Clock.millisecondsIntoSecond
        var wake: Int32
        let meeting = state.workspace.currentMeeting
        let running = meeting?.agenda.contains { $0.status == .active } ?? false
        let timing = meeting.map { $0.startedAt != nil && $0.endedAt == nil } ?? false
        if running || timing || state.banner?.expires != nil || state.saveState != .saved {
            wake = Int32(1000 - ms)
        } else {
            let seconds = Int(state.now.adding(seconds: Int64(state.utcOffset)).secondsSinceEpoch % 60)
            wake = Int32((60 - seconds) * 1000 - ms)
        }
        if let due = reloadDue { wake = min(wake, max(0, Int32(due.timeIntervalSinceNow * 1000))) }
        if watcher.usesPolling { wake = min(wake, FileWatcher.pollInterval) }
        return max(0, wake)
    }
}

/// Save reports from the background saver, and a pipe that wakes the event loop when one arrives.
final class SaveResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [(Int, CoalescingSaver.Outcome)] = []
    private var fds: [Int32] = [-1, -1]

    init() {
        if pipe(&fds) == 0 {
            for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        }
    }

    deinit { fds.forEach { if $0 >= 0 { close($0) } } }

    var descriptor: Int32 { fds[0] }

    func post(_ generation: Int, _ outcome: CoalescingSaver.Outcome) {
        lock.withLock { results.append((generation, outcome)) }
        var byte: UInt8 = 1
        _ = write(fds[1], &byte, 1)
    }

    func take() -> [(Int, CoalescingSaver.Outcome)] {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(fds[0], &buffer, buffer.count) > 0 {}
        return lock.withLock {
            defer { results.removeAll() }
            return results
        }
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
    /// `20261123T150405Z`, for file names.
    static var stamp: String { now.iso.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "") }
    /// Whether the terminal's locale is UTF-8 (else big digits and charts use ASCII).
    static var localeIsUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return true }
        return String(cString: codeset).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
    }
}
