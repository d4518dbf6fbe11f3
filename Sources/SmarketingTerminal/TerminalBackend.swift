import Foundation
import SmarketingModel
import SmarketingUI

/// What the runner needs of a terminal: its size, input, drawing, and handing it to another
/// program. `TerminalScreen` is the ncurses implementation; tests drive the runner with a fake
/// (as ratatui's `TestBackend` does), so the event loop is tested without a terminal.
public protocol TerminalBackend: AnyObject {
    var size: Size { get }
    /// Waits up to `timeoutMilliseconds` until the keyboard or one of `others` has something, or a
    /// signal arrives. Returns which are ready.
    func wait(timeoutMilliseconds: Int32, others: [Int32]) -> (keyboard: Bool, ready: Set<Int32>)
    /// The next key, resize or stop signal if one is waiting; `.timeout` when there is none.
    func readPending() -> TerminalEvent
    /// Shows a frame.
    func draw(_ frame: Frame)
    func setTheme(_ theme: Theme)
    /// The next draw repaints everything.
    func forceRedraw()
    /// Gives the terminal to `body` (an editor) and takes it back.
    func suspended<T>(_ body: () throws -> T) rethrows -> T
    /// Gives the terminal back as it was found.
    func restore()
}

extension TerminalScreen: TerminalBackend {}

/// The wall clock, as the runner reads it. Tests inject one they control.
public protocol WallClock {
    var now: Timestamp { get }
    /// How far the current second has run, for waking on the next one.
    var millisecondsIntoSecond: Int { get }
    /// Seconds east of UTC for showing local times.
    var utcOffset: Int { get }
}

extension WallClock {
    /// `20261123T150405Z`, for file names.
    var stamp: String { now.fileStamp }
}

/// The system's clock.
public struct SystemClock: WallClock {
    public init() {}
    public var now: Timestamp { .current }
    public var millisecondsIntoSecond: Int {
        let t = Date().timeIntervalSince1970
        return Int((t - t.rounded(.down)) * 1000)
    }
    public var utcOffset: Int { TimeZone.current.secondsFromGMT() }
}
