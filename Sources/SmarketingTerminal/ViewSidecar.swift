import Foundation
import SmarketingModel
import SmarketingUI
#if canImport(Glibc)
import Glibc
#endif

/// The chair's view, published beside the workspace for presenters to follow, without touching
/// the workspace file: `.NAME.json.view` (the `ViewState` as JSON, replaced atomically) and
/// `.NAME.json.view.lock`, which the chair holds locked (flock) for as long as it runs, so a
/// presenter can tell a live chair from a view file a crashed one left behind, across users.
/// Both are hidden; `.gitignore` covers them with `.*.view*`.
public struct ViewSidecar: Sendable {
    public let viewPath: String
    public let lockPath: String

    /// Beside the file the path leads to, so a chair and presenters that name it differently
    /// (through a symbolic link) meet at the same sidecar.
    public init(workspacePath: String) {
        let resolved = URL(fileURLWithPath: workspacePath).resolvingSymlinksInPath()
        let folder = resolved.deletingLastPathComponent().path
        viewPath = folder + "/." + resolved.lastPathComponent + ".view"
        lockPath = viewPath + ".lock"
    }

    /// Whether a chair holds the lock now: a shared lock that cannot be had means an exclusive
    /// one is held. A missing lock file means no chair.
    public func chairIsRunning() -> Bool {
        let fd = open(lockPath, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return false
        }
        return errno == EWOULDBLOCK
    }

    /// What a presenter makes of the sidecar now: the chair's view, or why there is none to follow.
    public func read(now: Timestamp) -> Action {
        guard chairIsRunning() else { return .noChair(reason: nil) }
        let fd = open(viewPath, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else {
            // The chair has started but not written its view yet; its first frame will.
            return errno == ENOENT ? .noChair(reason: nil) : .noChair(reason: "cannot read the view file: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .noChair(reason: "the view file is not a regular file") }
        guard Int(info.st_size) <= ViewState.maximumBytes else { return .noChair(reason: "the view file is too large") }
        var bytes = [UInt8](repeating: 0, count: ViewState.maximumBytes + 1)
        var count = 0
        while count < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            count += n
        }
        do {
            return .followView(try ViewState(bytes: Array(bytes[..<count])), at: now)
        } catch {
            return .noChair(reason: TextSanitizer.visible(error.message))
        }
    }
}

/// The chair's side: holds the lock and writes the view whenever it changes.
final class ViewPublisher {
    let sidecar: ViewSidecar
    private let mode: mode_t
    private var lockDescriptor: Int32 = -1
    private var published: ViewState?
    /// Set once publishing failed; nothing more is tried, and the chair was told once.
    private(set) var problem: String?
    let chair: ViewState.Chair

    init(workspacePath: String, mode: mode_t?) {
        sidecar = ViewSidecar(workspacePath: workspacePath)
        // Whoever can read the workspace can read the view; nobody else.
        self.mode = (mode ?? 0o600) & 0o444 | 0o200
        var host = [UInt8](repeating: 0, count: 256)
        gethostname(&host, host.count - 1)
        var random = SystemRandomNumberGenerator()
        chair = ViewState.Chair(pid: Int64(getpid()), host: String(decoding: host.prefix { $0 != 0 }, as: UTF8.self),
                                start: String(random.next(), radix: 16))
        problem = lock()
    }

    /// Takes the lock for the chair's lifetime. A presenter checking it holds a shared lock for
    /// an instant, so a busy lock is tried a few times before it counts as another chair's.
    private func lock() -> String? {
        let fd = open(sidecar.lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else { return "cannot write the view file beside it (\(String(cString: strerror(errno))))" }
        _ = fchmod(fd, mode)
        for _ in 0..<20 {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                lockDescriptor = fd
                return nil
            }
            usleep(10_000)
        }
        close(fd)
        return "another smarketing is already showing its view of this file to presenters"
    }

    /// Writes the view if it changed since the last write: a temporary file in the same folder,
    /// renamed over the view, so a presenter reads either the old view or the new one. No fsync:
    /// a view lost in a power cut is worth nothing. Returns the problem, the first time only.
    func publish(_ view: ViewState) -> String? {
        guard problem == nil, view != published else { return nil }
        let temp = sidecar.viewPath + ".tmp-\(getpid())"
        let bytes = view.bytes
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode)
        var failure: String?
        if fd < 0 {
            failure = String(cString: strerror(errno))
        } else {
            _ = fchmod(fd, mode)
            var written = 0
            while written < bytes.count {
                let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
                if n < 0, errno == EINTR { continue }
                if n <= 0 {
                    failure = String(cString: strerror(errno))
                    break
                }
                written += n
            }
            close(fd)
            if failure == nil, rename(temp, sidecar.viewPath) != 0 { failure = String(cString: strerror(errno)) }
            if failure != nil { unlink(temp) }
        }
        if let failure {
            problem = "cannot write the view file (\(failure))"
            return problem
        }
        published = view
        return nil
    }

    /// The chair is leaving: the view goes first, then the lock, so a presenter that sees the
    /// view gone finds no chair.
    func remove() {
        guard lockDescriptor >= 0 else { return }
        unlink(sidecar.viewPath)
        unlink(sidecar.lockPath)
        close(lockDescriptor)
        lockDescriptor = -1
    }

    deinit { remove() }
}

/// The presenter's side: notices the chair's view changing (inotify on the folder, through
/// `FileWatcher`) and the chair going away (a thread blocked on the chair's lock, which the
/// kernel releases however the chair ends), both with no work while nothing happens.
final class ViewFollower {
    let sidecar: ViewSidecar
    let watcher: FileWatcher
    /// Posts when a chair the follower was waiting on let go of its lock.
    let released = Mailbox<Int>()
    private var waiting = false

    init(workspacePath: String) {
        sidecar = ViewSidecar(workspacePath: workspacePath)
        watcher = FileWatcher(path: sidecar.viewPath)
    }

    var descriptors: [Int32] { [watcher.descriptor, released.descriptor].compactMap { $0 } }

    /// Reads the view now; while a chair runs, waits (on a thread) for it to stop.
    func read(now: Timestamp) -> Action {
        let action = sidecar.read(now: now)
        if case .followView = action { waitForChairToLeave() }
        return action
    }

    private func waitForChairToLeave() {
        guard !waiting else { return }
        let fd = open(sidecar.lockPath, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return }
        waiting = true
        let mailbox = released
        Thread.detachNewThread {
            // Blocks until the chair's lock is released (quit, crash, kill -9), then lets go at once.
            while flock(fd, LOCK_SH) != 0 && errno == EINTR {}
            flock(fd, LOCK_UN)
            close(fd)
            mailbox.post(1)
        }
    }

    /// Whether something happened to the view since the last call (a change, or the chair left).
    func takeEvents(ready: Set<Int32>) -> Bool {
        var changed = false
        if let fd = watcher.descriptor, ready.contains(fd), watcher.drain() { changed = true }
        if watcher.usesPolling, watcher.pollChanged() { changed = true }
        if ready.contains(released.descriptor), !released.take().isEmpty {
            waiting = false
            changed = true
        }
        return changed
    }
}
