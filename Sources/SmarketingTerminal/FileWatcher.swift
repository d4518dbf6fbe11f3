import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices changes to one file: inotify on its folder (so atomic renames, in-place writes and a file
/// deleted and created again are all seen), or, where inotify is unavailable, a cheap stat poll.
/// A path through a symbolic link is watched at both ends: a change to the target, and the link
/// being pointed elsewhere (then the new target is watched).
final class FileWatcher {
    /// The descriptor to poll, when inotify is in use.
    private(set) var descriptor: Int32?
    private let path: String
    /// The path as given, its folder resolved: where a symbolic link itself lives.
    private let link: (directory: String, name: String)
    /// The file the path leads to now.
    private var target: (directory: String, name: String)
    /// Watched folders by watch descriptor.
    private var folders: [Int32: String] = [:]
    private var lastSignature: Signature?

    /// How often the fallback polls, in milliseconds.
    static let pollInterval: Int32 = 250

    struct Signature: Equatable {
        var inode: UInt64
        var size: Int64
        var modified: Int64
    }

    init(path: String) {
        self.path = path
        let given = URL(fileURLWithPath: path)
        link = (given.deletingLastPathComponent().resolvingSymlinksInPath().path, given.lastPathComponent)
        target = FileWatcher.resolve(path)
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        if fd >= 0 {
            descriptor = fd
            if !watch(link.directory) || !watch(target.directory) {
                close(fd)
                descriptor = nil
            }
        }
        lastSignature = signature()
    }

    private static func resolve(_ path: String) -> (directory: String, name: String) {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        return (resolved.deletingLastPathComponent().path, resolved.lastPathComponent)
    }

    /// Watches a folder (once). False when inotify refuses.
    private func watch(_ directory: String) -> Bool {
        guard let fd = descriptor else { return false }
        if folders.values.contains(directory) { return true }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB)
        let wd = inotify_add_watch(fd, directory, mask)
        guard wd >= 0 else { return false }
        folders[wd] = directory
        return true
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
                let (wd, length, eventName) = buffer.withUnsafeBytes { raw -> (Int32, Int, String) in
                    let event = raw.load(fromByteOffset: offset, as: inotify_event.self)
                    let len = Int(event.len)
                    let start = offset + MemoryLayout<inotify_event>.size
                    let bytes = raw[start..<min(start + len, n)].prefix { $0 != 0 }
                    return (event.wd, len, String(decoding: bytes, as: UTF8.self))
                }
                let folder = folders[wd]
                if folder == link.directory, eventName == link.name {
                    // The link (or the file itself) was replaced: follow it to wherever it leads now.
                    relevant = true
                    let now = FileWatcher.resolve(path)
                    if now != target {
                        target = now
                        _ = watch(now.directory)
                    }
                }
                if folder == target.directory, eventName == target.name { relevant = true }
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
        guard stat(path, &info) == 0 else { return nil } // through the link, to its target now
        return Signature(inode: UInt64(info.st_ino), size: Int64(info.st_size),
                         modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }
}
