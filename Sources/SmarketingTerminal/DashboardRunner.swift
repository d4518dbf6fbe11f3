import Foundation
import SmarketingModel
import SmarketingUI

/// Runs the dashboard: the event loop that turns keys, resizes, the clock, finished saves and
/// changes on disk into actions for the reducer, carries out the effects it returns (saves,
/// redraws, the editor, quitting) and draws each state. It makes no decisions of its own: what
/// the screen shows, when to wake and when to quit are the reducer's.
public final class DashboardRunner {
    public struct Options {
        public var theme: String?
        /// The presenter's screen: read-only, follows the file, never writes it.
        public var readOnly: Bool
        /// A presenter that browses on its own instead of following the chair's view
        /// (`present --independent`).
        public var independent: Bool
        public var environment: [String: String]
        public var clock: any WallClock
        /// Edits text in $EDITOR (tests pass their own).
        public var editor: (String) -> Result<String, NotesEditFailure>

        public init(theme: String? = nil, readOnly: Bool = false, independent: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment,
                    clock: any WallClock = SystemClock(), editor: ((String) -> Result<String, NotesEditFailure>)? = nil) {
            self.theme = theme
            self.readOnly = readOnly
            self.independent = independent
            self.environment = environment
            self.clock = clock
            self.editor = editor ?? { ExternalEditor.edit($0, environment: environment) }
        }
    }

    /// How the dashboard ended, for the exit code and the message after the terminal is restored.
    public struct Outcome {
        public var exitCode: Int32
        public var messages: [String]
    }

    /// The file edits go to (a saved copy replaces it).
    private var store: MeetingStore
    private let options: Options
    private let catalog: ThemeFiles
    private var clock: any WallClock { options.clock }
    /// The fingerprint of the last version read from disk by the watcher.
    private var lastDisk: Fingerprint?
    /// When a change on disk was noticed, the moment to read it (changes settle first).
    private var reloadDue: Date?
    /// A read of the file is under way in the background.
    private var readingDisk = false
    /// Counts the saves and keep-mine writes this dashboard has seen finish, so a read of the
    /// file that overlapped one of them is not taken for someone else's change.
    private var ownWrites = 0
    /// A change is read this long after the last event, so a burst of writes is read once.
    static let debounce: TimeInterval = 0.08

    public init(store: MeetingStore, options: Options) {
        self.store = store
        self.options = options
        catalog = ThemeFiles(environment: options.environment)
    }

    /// Takes over the real terminal and runs until the chair quits or a signal stops it.
    public func run(workspace: Workspace) throws(TerminalUnavailable) -> Outcome {
        try TerminalScreen.checkUsable(environment: options.environment)
        // Asked only when it decides something: no theme named and colour in use. Keys typed
        // while the terminal was asked are read once the dashboard is up.
        var typedAhead: [UInt8] = []
        let themes = startingThemes(background: options.theme == nil && !noColor
            ? TerminalBackground.detect(environment: options.environment, query: {
                guard let reply = TerminalBackground.query() else { return nil }
                let (answers, typed) = TerminalBackground.split(reply)
                typedAhead = typed
                return answers
            })
            : nil)
        let screen = try TerminalScreen(theme: themes.theme, environment: options.environment)
        screen.pushBack(typedAhead)
        return run(workspace: workspace, on: screen, themes: themes)
    }

    /// Runs on any backend (a fake one in tests).
    public func run(workspace: Workspace, on backend: some TerminalBackend) -> Outcome {
        run(workspace: workspace, on: backend, themes: startingThemes(background: TerminalBackground.detect(environment: options.environment, query: { nil })))
    }

    private struct StartingThemes {
        var names: [String]
        var index: Int
        var theme: Theme
        var problem: String?
    }

    private var noColor: Bool { !(options.environment["NO_COLOR"] ?? "").isEmpty }

    /// The theme named with `--theme`, else the one made for the terminal's background (the
    /// light theme on a light one), else the default. `t` cycles on from there.
    private func startingThemes(background: TerminalBackground?) -> StartingThemes {
        var names = catalog.names()
        var index = 0
        if let requested = options.theme {
            if let i = names.firstIndex(of: requested) {
                index = i
            } else {
                names.insert(requested, at: 0) // a path, or a name that may fail to load (reported below)
            }
        } else if let background, let i = names.firstIndex(of: background.themeName) {
            // Chosen for the chair, not by them: a light theme that cannot be loaded (not
            // installed, or broken) quietly leaves the default, with no message they never asked for.
            let (theme, problem) = noColor ? (Theme.mono, nil) : catalog.load(names[i])
            if problem == nil { return StartingThemes(names: names, index: i, theme: theme, problem: nil) }
        }
        let (theme, problem) = noColor ? (Theme.mono, nil) : catalog.load(names[index])
        return StartingThemes(names: names, index: index, theme: theme, problem: problem)
    }

    private func run(workspace: Workspace, on screen: some TerminalBackend, themes: StartingThemes) -> Outcome {
        let debugTrap: Int32? = ["segv": SIGSEGV, "bus": SIGBUS, "ill": SIGILL, "trap": SIGTRAP, "abrt": SIGABRT, "sys": SIGSYS][options.environment["SMARKETING_DEBUG_TRAP"] ?? ""]
        var watcher = FileWatcher(path: store.path)
        let saves = Mailbox<SaveReport>()
        func makeSaver(for store: MeetingStore) -> CoalescingSaver {
            CoalescingSaver(store: store) { generation, outcome in saves.post(SaveReport(generation: generation, outcome: outcome)) }
        }
        var saver = makeSaver(for: store)
        // Changes on disk are read and parsed off the event loop, so a huge or broken file never
        // holds up a redraw or quitting.
        let diskReads = Mailbox<DiskRead>()
        let reader = DispatchQueue(label: "smarketing.read")
        var state = AppState(workspace: workspace, fileLabel: URL(fileURLWithPath: store.path).lastPathComponent,
                             size: screen.size, now: clock.now, utcOffset: clock.utcOffset,
                             themeNames: themes.names, themeIndex: themes.index)
        state.readOnly = options.readOnly
        state.asciiOnly = !TerminalLocale.isUTF8
        // The chair publishes its view beside the file; a presenter follows it (see ViewSidecar).
        var publisher = options.readOnly ? nil : ViewPublisher(workspacePath: store.path, mode: store.fileMode.map { mode_t($0) })
        let follower = options.readOnly && !options.independent ? ViewFollower(workspacePath: store.path) : nil
        if options.readOnly { state.following = options.independent ? .independent : .noChair(reason: nil) }
        var problems = themes.problem.map { [$0] } ?? []
        var actions: [Action] = [.themeLoaded(problem: themes.problem)]
        if let problem = publisher?.problem { actions.append(.viewNotPublished(problem)) }
        if let follower { actions.append(follower.read(now: clock.now)) }
        var loadedTheme = state.themeName
        var trace = SaveTrace(environment: options.environment)

        if !options.readOnly { store.removeStaleTemporaries() }
        var outcome = Outcome(exitCode: 0, messages: [])
        loop: while true {
            var quit = false
            var stopping = false
            // By index, not removeFirst: a burst of thousands of keys must cost linear time.
            var nextAction = 0
            while nextAction < actions.count {
                let action = actions[nextAction]
                nextAction += 1
                let effects = Reducer.reduce(&state, action)
                trace?.observe(action, state, storePath: store.path)
                for effect in effects {
                    switch effect {
                    case .save:
                        // Off the input path: the saver writes in the background and reports back.
                        if !options.readOnly { saver.schedule(state.workspace) }
                    case .redraw:
                        screen.forceRedraw()
                        // And read the file again: what the screen says about it is fresh too.
                        if !readingDisk { reloadDue = Date() }
                    case .quit:
                        saver.flush()
                        // Quitting past a failed save: the edits go to a copy, never nowhere.
                        if state.unsavedEdits > 0 && !options.readOnly {
                            _ = saves.take()
                            outcome.messages.append(writeRecoveryCopy(state.workspace))
                        }
                        quit = true
                    case .finishSaves:
                        // The reducer is waiting for the saves under way; report how they ended.
                        saver.flush()
                        let results = saveActions(saves.take(), latest: saver.latestGeneration)
                        actions += results.isEmpty ? [.saveFinished(.failed("no save was under way to finish"))] : results
                    case .adoptDiskVersion:
                        if let lastDisk { store.adopt(lastDisk) }
                    case .keepMine:
                        saver.flush()
                        _ = saves.take()
                        actions.append(.saveFinished(keepMine(state.workspace)))
                    case .editNotes(let target, let text):
                        let result = screen.suspended { options.editor(text) }
                        actions.append(.notesEdited(target, result))
                    case .stop:
                        stopping = true
                    case .saveCopy(let path):
                        // Saves to the old file are over (a read-only file refuses them anyway).
                        saver.flush()
                        _ = saves.take()
                        let problem = saveCopy(state.workspace, as: path)
                        if problem == nil {
                            // The view goes beside the copy now: presenters of the copy follow it.
                            publisher?.remove()
                            publisher = ViewPublisher(workspacePath: store.path, mode: store.fileMode.map { mode_t($0) })
                            if let problem = publisher?.problem { actions.append(.viewNotPublished(problem)) }
                            watcher = FileWatcher(path: store.path)
                            saver = makeSaver(for: store)
                            lastDisk = nil
                            reloadDue = nil
                        }
                        actions.insert(.copySaved(path: path, problem: problem), at: nextAction)
                    }
                }
                if state.themeName != loadedTheme {
                    loadedTheme = state.themeName
                    let (theme, problem) = noColor ? (Theme.mono, nil) : catalog.load(loadedTheme)
                    screen.setTheme(theme)
                    if let problem { problems.append(problem) }
                    actions.append(.themeLoaded(problem: problem))
                }
                if stopping { break }
            }
            actions.removeAll(keepingCapacity: true)
            if stopping {
                // Ctrl-C with nothing to ask about: leave as for any stop signal.
                saver.flush()
                for action in saveActions(saves.take(), latest: saver.latestGeneration) { _ = Reducer.reduce(&state, action) }
                outcome = stop(on: SIGINT, state: state)
                break loop
            }
            if quit { break }
            // At most one write per frame, and only when the view changed.
            if let publisher, let problem = publisher.publish(ViewState(state, chair: publisher.chair)) {
                actions.append(.viewNotPublished(problem))
                continue
            }
            screen.draw(Renderer.render(state))

            let ready = screen.wait(timeoutMilliseconds: wakeDelay(state, watcher: watcher),
                                    others: [watcher.descriptor, saves.descriptor, diskReads.descriptor].compactMap { $0 } + (follower?.descriptors ?? []))
            // The chair's view first: the presenter shows each change the moment it is written.
            if let follower, follower.takeEvents(ready: ready.ready) { actions.append(follower.read(now: clock.now)) }
            if let fd = watcher.descriptor, ready.ready.contains(fd), watcher.drain() { reloadDue = Date().addingTimeInterval(Self.debounce) }
            if ready.ready.contains(saves.descriptor) { actions += saveActions(saves.take(), latest: saver.latestGeneration) }
            if watcher.usesPolling, watcher.pollChanged() { reloadDue = Date() }
            // What was on disk comes before the keys read with it: the chair typed them looking at
            // the screen as it was.
            if ready.ready.contains(diskReads.descriptor) {
                for read in diskReads.take() {
                    readingDisk = false
                    if read.ownWritesBefore != ownWrites {
                        // We wrote the file while it was being read: what it saw may be a version
                        // already kept aside or replaced. Read again.
                        reloadDue = Date()
                    } else if let disk = read.version, let change = externalChange(disk) {
                        actions.append(change)
                    } else if read.version == nil {
                        // A version we already have: valid, whatever was said about the file before.
                        actions.append(.externalUnchanged)
                    }
                }
            }
            if ready.keyboard {
                // Drain every key the terminal has, so a paste or auto-repeat is handled in one go.
                drain: while true {
                    let event = screen.readPending()
                    switch event {
                    case .key(.function(12)) where debugTrap != nil:
                        // Test hook: SMARKETING_DEBUG_TRAP=segv|bus|ill|trap|abrt|sys makes F12 crash, to
                        // prove the terminal is restored on crashes.
                        raise(debugTrap ?? SIGABRT)
                    case .key(let key): actions.append(.key(key))
                    case .paste(let text): actions.append(.paste(text))
                    case .resize(let size): actions.append(.resize(size))
                    case .timeout: break drain
                    case .stopSignal(SIGINT):
                        // Ctrl-C: the reducer decides (a form with typed text asks first).
                        actions.append(.interrupt)
                        break drain
                    case .stopSignal(let sig):
                        // Keys read before the signal still count, then nothing is lost on the way out.
                        for action in actions { if Reducer.reduce(&state, action).contains(.save), !options.readOnly { saver.schedule(state.workspace) } }
                        saver.flush()
                        for action in saveActions(saves.take(), latest: saver.latestGeneration) { _ = Reducer.reduce(&state, action) }
                        outcome = stop(on: sig, state: state)
                        break loop
                    }
                }
            }
            if let due = reloadDue, due <= Date(), !readingDisk {
                reloadDue = nil
                readingDisk = true
                let writes = ownWrites, reading = store
                reader.async { diskReads.post(DiskRead(version: reading.readExternalChange(), ownWritesBefore: writes)) }
            }
            actions.append(.tick(clock.now))
        }
        publisher?.remove()
        screen.restore()
        // Theme problems were shown in a banner; repeat them where they cannot scroll away.
        outcome.messages = problems.map { "smarketing: \($0)" } + outcome.messages
        return outcome
    }

    /// Turns the saver's reports into actions. Only the newest generation speaks for the file: an
    /// older save that failed is already superseded by a newer one in the queue.
    /// Versions another program wrote at the moment of a save are reported whatever the generation.
    private func saveActions(_ results: [SaveReport], latest: Int) -> [Action] {
        ownWrites += results.count
        let keptAside = results.flatMap { report -> [String] in
            if case .saved(let copies) = report.outcome { return copies }
            return []
        }
        // After the save's own report, so its "Saved." does not replace the notice.
        return results.filter { $0.generation == latest }.map { report in
            switch report.outcome {
            case .saved: return .saveFinished(.saved)
            case .failed(let error): return .saveFinished(.failed(TextSanitizer.visible(error.reason)))
            case .changedOnDisk: return .saveFinished(conflict())
            }
        } + (keptAside.isEmpty ? [] : [.otherVersionsKeptAside(keptAside)])
    }

    /// The file changed on disk under a save: what is there now, for the chair to choose.
    private func conflict() -> SaveOutcome {
        let disk = store.readDisk()
        lastDisk = disk.fingerprint
        return .conflict(theirs: try? disk.workspace.get())
    }

    /// Reads the file after a change on disk. Our own saves are recognised before parsing.
    private func externalChange(_ disk: MeetingStore.DiskVersion) -> Action? {
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
    private func save(_ workspace: Workspace) -> (outcome: SaveOutcome, keptAside: [String]) {
        do {
            return (.saved, try store.save(workspace).keptAside)
        } catch .changedOnDisk {
            return (conflict(), [])
        } catch {
            return (.failed(error.lines.joined(separator: " ")), [])
        }
    }

    private func keepMine(_ workspace: Workspace) -> SaveOutcome {
        ownWrites += 1
        do {
            let aside = try store.keepMine(workspace, stamp: clock.stamp)
            return .keptMine(aside: aside.isEmpty ? nil : aside.joined(separator: ", "))
        } catch .changedOnDisk {
            return conflict()
        } catch {
            return .failed(error.lines.joined(separator: " "))
        }
    }

    /// A stop signal: make sure nothing is lost, then leave. The messages are printed after the
    /// terminal is restored, so the paths in them are sanitised like everything else shown.
    private func stop(on signal: Int32, state: AppState) -> Outcome {
        var messages: [String] = []
        if state.unsavedEdits > 0 && !options.readOnly {
            let saved = save(state.workspace)
            if case .saved = saved.outcome {
                messages.append("Saved your edits to \(TextSanitizer.visible(store.path)).")
                for copy in saved.keptAside {
                    messages.append("Another program saved the file at the same moment; its version is kept as \(TextSanitizer.visible(copy)).")
                }
            } else {
                messages.append(writeRecoveryCopy(state.workspace))
            }
        }
        return Outcome(exitCode: 128 + signal, messages: messages)
    }

    /// Writes a new file with the workspace and makes it the file edits go to. A bare name or
    /// relative path is taken beside the current file. Returns what went wrong, or nil.
    private func saveCopy(_ workspace: Workspace, as typed: String) -> String? {
        let expanded = typed.hasPrefix("~/") ? (options.environment["HOME"] ?? NSHomeDirectory()) + typed.dropFirst(1) : typed
        let folder = URL(fileURLWithPath: store.path).deletingLastPathComponent()
        let path = expanded.hasPrefix("/") ? expanded : folder.appendingPathComponent(expanded).path
        ownWrites += 1
        // The copy can be written again, whatever the original's mode; nobody else gains access.
        let mode = (store.fileMode ?? 0o600) | 0o200
        do {
            try MeetingStore.create(workspace, at: path, mode: mode)
        } catch .alreadyExists {
            return "\(TextSanitizer.visible(typed)) already exists; choose another name"
        } catch {
            return TextSanitizer.visible(error.reason)
        }
        let copy = MeetingStore(path: path)
        guard (try? copy.load()) != nil else { return "the copy at \(TextSanitizer.visible(path)) cannot be read back" }
        store = copy
        return nil
    }

    /// When the real file cannot be written, the edits go beside it (or to the temp folder).
    private func writeRecoveryCopy(_ workspace: Workspace) -> String {
        // Copies keep the workspace's permissions; the one in the shared temporary folder is
        // never readable by others.
        let mode = store.fileMode ?? 0o600
        let candidates = [("\(store.path).unsaved-\(clock.stamp)", mode), (NSTemporaryDirectory() + "smarketing-unsaved-\(clock.stamp).json", mode & 0o600)]
        let file = TextSanitizer.visible(store.path)
        for (path, mode) in candidates {
            if (try? MeetingStore.create(workspace, at: path, mode: mode)) != nil {
                return "Could not save \(file); your edits are in \(TextSanitizer.visible(path))."
            }
        }
        return "Could not save \(file) or a recovery copy; your last edits are lost."
    }

    /// Milliseconds to wait for input: when the screen next changes by itself (the reducer's
    /// call), sooner while a change on disk settles, and every poll interval without inotify.
    private func wakeDelay(_ state: AppState, watcher: FileWatcher) -> Int32 {
        var wake = Int32(clamping: state.wakeDelay(millisecondsIntoSecond: clock.millisecondsIntoSecond))
        // While a read is under way its result wakes the loop; a change noticed meanwhile waits for it.
        if let due = reloadDue, !readingDisk { wake = min(wake, max(0, Int32(due.timeIntervalSinceNow * 1000))) }
        if watcher.usesPolling { wake = min(wake, FileWatcher.pollInterval) }
        return max(0, wake)
    }
}

/// The saver's report on one generation of the workspace.
struct SaveReport: Sendable {
    var generation: Int
    var outcome: CoalescingSaver.Outcome
}

/// A background read of the file: nil when it held one of our own versions.
struct DiskRead: Sendable {
    var version: MeetingStore.DiskVersion?
    /// `ownWrites` when the read started.
    var ownWritesBefore: Int
}
