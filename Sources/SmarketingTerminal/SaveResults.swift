import Foundation
import SmarketingModel

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
