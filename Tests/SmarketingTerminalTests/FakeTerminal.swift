import Foundation
import SmarketingModel
import SmarketingTerminal
import SmarketingUI
#if canImport(Glibc)
import Glibc
#endif

/// A terminal for the runner's tests, after ratatui's `TestBackend`: it plays a script of input,
/// records every frame, and never touches a real terminal. Nothing here sleeps for a fixed time:
/// a step that waits polls the runner's own descriptors until what it waits for is on screen.
final class FakeTerminal: TerminalBackend {
    enum Step {
        /// Events delivered together, as one read of the keyboard.
        case input([TerminalEvent])
        /// Waits (polling the runner's descriptors) until the newest frame contains the text.
        case until(String)
        /// Runs code between frames: an external writer, a check.
        case perform(() -> Void)
        /// Waits like `until`, for a condition outside the screen (named for the report).
        case untilTrue(String, () -> Bool)
    }

    private(set) var size: Size
    private var steps: [Step]
    private var pending: [TerminalEvent] = []
    /// The newest frame drawn.
    private(set) var lastFrame: Frame?
    /// The text of every frame that differed from the one before it, in order.
    private(set) var screens: [String] = []
    private(set) var suspensions = 0
    private(set) var restored = false
    /// Set when the script ran out before the runner stopped (the runner was then sent SIGHUP).
    private(set) var ranOut = false
    /// Texts a step waited for in vain.
    private(set) var missed: [String] = []
    /// How long an `until` step waits at most before it is recorded as missed.
    var patience: TimeInterval = 5

    init(size: Size = Size(width: 100, height: 30), _ steps: [Step]) {
        self.size = size
        self.steps = steps
    }

    var screen: String { screens.last ?? "" }

    func wait(timeoutMilliseconds: Int32, others: [Int32]) -> (keyboard: Bool, ready: Set<Int32>) {
        while let step = steps.first {
            switch step {
            case .perform(let body):
                steps.removeFirst()
                body()
            case .input(let events):
                steps.removeFirst()
                pending = events
                return (true, poll(others, milliseconds: 0))
            case .until(let text):
                if settled(text, met: screen.contains(text)) { continue }
                // Let the runner react to saves and changes on disk, then look again.
                return (false, poll(others, milliseconds: min(20, max(0, timeoutMilliseconds))))
            case .untilTrue(let name, let condition):
                if settled(name, met: condition()) { continue }
                return (false, poll(others, milliseconds: min(20, max(0, timeoutMilliseconds))))
            }
        }
        ranOut = true
        pending = [.stopSignal(SIGHUP)]
        return (true, [])
    }

    private var waitedSince: Date?

    /// Whether a waiting step is over: what it waits for is met, or patience ran out (then it is
    /// recorded as missed). Either way the step is removed.
    private func settled(_ name: String, met: Bool) -> Bool {
        if !met {
            if waitedSince == nil { waitedSince = Date() }
            guard let since = waitedSince, Date().timeIntervalSince(since) > patience else { return false }
            missed.append(name)
        }
        steps.removeFirst()
        waitedSince = nil
        return true
    }

    private func poll(_ fds: [Int32], milliseconds: Int32) -> Set<Int32> {
        var polled = fds.filter { $0 >= 0 }.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        guard !polled.isEmpty else { return [] }
        _ = Glibc.poll(&polled, nfds_t(polled.count), milliseconds)
        return Set(polled.filter { $0.revents != 0 }.map(\.fd))
    }

    func readPending() -> TerminalEvent {
        guard !pending.isEmpty else { return .timeout }
        let event = pending.removeFirst()
        if case .resize(let new) = event { size = new }
        return event
    }

    func draw(_ frame: Frame) {
        lastFrame = frame
        let text = frame.grid.textLines.joined(separator: "\n")
        if screens.last != text { screens.append(text) }
    }

    func setTheme(_ theme: Theme) {}
    func forceRedraw() {}

    func suspended<T>(_ body: () throws -> T) rethrows -> T {
        suspensions += 1
        return try body()
    }

    func restore() { restored = true }
}

/// A clock the test sets; it never moves by itself.
final class FakeClock: WallClock, @unchecked Sendable {
    var now: Timestamp
    init(_ now: Timestamp) { self.now = now }
    var millisecondsIntoSecond: Int { 0 }
    var utcOffset: Int { 0 }
}

/// A copy of the sample workspace in a fresh folder, removed afterwards.
final class ScratchWorkspace {
    let directory: String
    let path: String

    init(_ sample: String = "northwind.json", fileName: String = "team.json") throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        directory = NSTemporaryDirectory() + "smarketing-runner-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = directory + "/" + fileName
        try FileManager.default.copyItem(atPath: repository.appendingPathComponent("sample-data/\(sample)").path, toPath: path)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func load() throws -> Workspace { try MeetingStore(path: path).load() }

    var files: [String] { (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] }
}

/// True the first time it is asked, false after: for a fault that should strike once.
final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    var first: Bool {
        lock.withLock {
            defer { done = true }
            return !done
        }
    }
}
