import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices changes to one file: inotify on its folder (so atomic renames, in-place writes and a file
/// deleted and created again are all seen), or, where inotify is unavailable, a cheap stat poll.
final class FileWatcher {
    /// The descriptor to poll, when inotify is in use.
    private(set) var descriptor: Int32?
    private let directory: String
    private let name: String
    private var lastSignature: Signature?

    /// How often the fallback polls, in milliseconds.
    static let pollInterval: Int32 = 250

    struct Signature: Equatable {
        var inode: UInt64
        var size: Int64
        var modified: Int64
    }

    init(path: String) {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        directory = resolved.deletingLastPathComponent().path
        name = resolved.lastPathComponent
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        if fd >= 0 {
            let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB)
            if inotify_add_watch(fd, directory, mask) >= 0 {
                descriptor = fd
            } else {
                close(fd)
            }
        }
        lastSignature = signature()
    }

    deinit {
        if let descriptor { close(descriptor) }
    }

    var usesPolling: Bool { descriptor == nil }

    /// Reads pending inotify events; true if any concerned the watched file.
    func drain() -> Bool {
        guard let fd = descriptor else { return false }
        var relevant = false
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= n {
                let (length, eventName) = buffer.withUnsafeBytes { raw -> (Int, String) in
                    let event = raw.load(fromByteOffset: offset, as: inotify_event.self)
                    let len = Int(event.len)
                    let start = offset + MemoryLayout<inotify_event>.size
                    let bytes = raw[start..<min(start + len, n)].prefix { $0 != 0 }
                    return (len, String(decoding: bytes, as: UTF8.self))
                }
                if eventName == name { relevant = true }
                offset += MemoryLayout<inotify_event>.size + length
            }
        }
        return relevant
    }

    /// The fallback: true when the file's inode, size or modification time changed since last asked.
    func pollChanged() -> Bool {
        let now = signature()
        defer { lastSignature = now }
        return now != lastSignature
    }

    private func signature() -> Signature? {
        var info = stat()
        guard stat("\(directory)/\(name)", &info) == 0 else { return nil }
        return Signature(inode: UInt64(info.st_ino), size: Int64(info.st_size),
                         modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }
}
