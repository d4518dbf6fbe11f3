import Foundation

/// Results posted by a background thread (the saver's reports, files read from disk) for the
/// event loop, with a pipe that wakes the loop when one arrives.
final class Mailbox<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Element] = []
    private var fds: [Int32] = [-1, -1]

    init() {
        if pipe(&fds) == 0 {
            for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        }
    }

    deinit { fds.forEach { if $0 >= 0 { close($0) } } }

    var descriptor: Int32 { fds[0] }

    func post(_ item: Element) {
        lock.withLock { items.append(item) }
        var byte: UInt8 = 1
        _ = write(fds[1], &byte, 1)
    }

    func take() -> [Element] {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(fds[0], &buffer, buffer.count) > 0 {}
        return lock.withLock {
            defer { items.removeAll() }
            return items
        }
    }
}
