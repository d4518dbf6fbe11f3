#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What identifies a file's content: its size and a 64-bit FNV-1a hash. Used to notice that a file
/// changed on disk; it guards against accidents, not attackers.
public struct Fingerprint: Equatable, Hashable, Sendable {
    public let size: Int
    public let hash: UInt64

    /// Stands for "no file at all": no bytes have this fingerprint.
    static let nothing = Fingerprint(size: -1, hash: 0)

    private init(size: Int, hash: UInt64) {
        self.size = size
        self.hash = hash
    }

    public init(_ bytes: [UInt8]) {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01B3
        }
        size = bytes.count
        hash = h
    }
}

/// Fault injection for tests of interrupted saves and slow reads. Never set outside tests.
public struct WriteFaults: Sendable {
    /// Fail with "no space left on device" after writing this many bytes of the temporary file.
    public var failAfterBytes: Int?
    /// Fail just before the rename that publishes the new file.
    public var failBeforeRename = false
    /// Runs just before the rename, after the check that the file is unchanged: where another
    /// program's write would race with the save.
    public var beforeRename: (@Sendable () -> Void)?
    /// Runs before another program's version is parsed (`readExternalChange`): a test can hold
    /// it there, as a huge file would.
    public var beforeParsingTheirs: (@Sendable () -> Void)?

    public init(failAfterBytes: Int? = nil, failBeforeRename: Bool = false, beforeRename: (@Sendable () -> Void)? = nil,
                beforeParsingTheirs: (@Sendable () -> Void)? = nil) {
        self.failAfterBytes = failAfterBytes
        self.failBeforeRename = failBeforeRename
        self.beforeRename = beforeRename
        self.beforeParsingTheirs = beforeParsingTheirs
    }

    public static let none = WriteFaults()
}

/// The low-level file operations of the store, on POSIX calls so every failure has an errno.
enum FileIO {
    /// Workspaces larger than this are refused rather than read, so `/dev/zero`-like input cannot hang or exhaust memory.
    static let maximumSize = 64 << 20

    static func errnoText(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Reads a whole regular file, refusing directories, FIFOs, devices and oversized files.
    static func read(_ path: String) throws(WorkspaceError) -> [UInt8] {
        var info = stat()
        if stat(path, &info) != 0 {
            let code = errno
            if code == ENOENT { throw .notFound(path: path) }
            if code == ENOTDIR { throw .notFound(path: path) }
            throw .unreadable(path: path, reason: errnoText(code))
        }
        if let kind = nonRegularKind(info.st_mode) { throw .notAFile(path: path, kind: kind) }
        // O_NONBLOCK: if the path was swapped for a FIFO since stat, opening must not wait for a writer.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 { throw .unreadable(path: path, reason: errnoText(errno)) }
        defer { close(fd) }
        var opened = stat()
        guard fstat(fd, &opened) == 0 else { throw .unreadable(path: path, reason: errnoText(errno)) }
        if let kind = nonRegularKind(opened.st_mode) { throw .notAFile(path: path, kind: kind) }
        if Int(opened.st_size) > maximumSize { throw .tooLarge(path: path, limit: maximumSize) }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(opened.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: errnoText(errno))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > maximumSize { throw .tooLarge(path: path, limit: maximumSize) }
        }
        return bytes
    }

    static func nonRegularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    /// The path with symbolic links resolved, so saving replaces the link's target, not the link.
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The permission bits of an existing file.
    static func mode(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let dir = String(path[..<slash])
        return dir.isEmpty ? "/" : dir
    }

    /// The longest file name most file systems take (NAME_MAX).
    static let nameLimit = 255

    /// A file beside `path` named `prefix + NAME + suffix`, with NAME shortened (at a character
    /// boundary) when the whole would be longer than a file name may be: a workspace with a
    /// 250-character name can still be saved, backed up and copied aside.
    static func sibling(of path: String, prefix: String = "", suffix: String) -> String {
        var name = fileName(of: path)
        let room = nameLimit - prefix.utf8.count - suffix.utf8.count
        while name.utf8.count > room, !name.isEmpty { name.removeLast() }
        return "\(directory(of: path))/\(prefix)\(name)\(suffix)"
    }

    static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Writes `bytes` to a new temporary file beside `path`, flushed to disk. Returns its path.
    static func writeTemporary(_ bytes: [UInt8], beside path: String, mode: mode_t, faults: WriteFaults) throws(WorkspaceError) -> String {
        var random = SystemRandomNumberGenerator()
        let temp = sibling(of: path, prefix: ".", suffix: ".tmp-\(getpid())-\(String(random.next() as UInt32, radix: 36))")
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 { throw .writeFailed(path: path, reason: "\(errnoText(errno)): cannot create a temporary file in \(directory(of: path))") }
        var ok = false
        defer {
            close(fd)
            if !ok { unlink(temp) }
        }
        var written = 0
        while written < bytes.count {
            var count = bytes.count - written
            if let limit = faults.failAfterBytes {
                if written >= limit { throw .writeFailed(path: path, reason: errnoText(ENOSPC)) }
                count = min(count, limit - written)
            }
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: path, reason: errnoText(errno))
            }
            written += n
        }
        if fchmod(fd, mode) != 0 { throw .writeFailed(path: path, reason: "cannot set permissions: \(errnoText(errno))") }
        if fsync(fd) != 0 { throw .writeFailed(path: path, reason: "cannot flush to disk: \(errnoText(errno))") }
        ok = true
        return temp
    }

    /// Replaces `path` with `bytes` atomically: a reader sees either the old file or the new one,
    /// never a mix. The old version is kept as `path.bak` (itself replaced atomically).
    ///
    /// `expected` is the version the caller believes it is replacing. Where the system can swap
    /// two names atomically (renameat2 with RENAME_EXCHANGE), the version actually displaced is
    /// looked at after the swap; if another program wrote the file between the caller's check
    /// and the swap, that version is not dropped but kept as `path.conflict-STAMP`, whose path is
    /// returned. Elsewhere the backup is compared instead, which leaves a window of a few
    /// microseconds.
    ///
    /// `loads` says whether a displaced version would open: one that would not (a file another
    /// program truncated in place, say) never becomes `path.bak`, which keeps the previous backup.
    /// Such a version is kept as a conflict copy instead, unless it is `alreadyKept` (the version
    /// "keep mine" copied aside just before).
    @discardableResult
    static func replace(_ path: String, with bytes: [UInt8], keepBackup: Bool, expected: Fingerprint? = nil,
                        loads: (([UInt8]) -> Bool)? = nil, alreadyKept: Fingerprint? = nil,
                        faults: WriteFaults) throws(WorkspaceError) -> String? {
        // A file made read-only is respected, even where the folder would let us replace it.
        if let current = self.mode(of: path) {
            if current & 0o222 == 0 { throw .readOnly(path: path) }
            if access(path, W_OK) != 0, errno == EACCES || errno == EROFS {
                throw .writeFailed(path: path, reason: "\(errnoText(errno)): you may not write this file")
            }
        }
        let mode = self.mode(of: path) ?? defaultMode()
        let temp = try writeTemporary(bytes, beside: path, mode: mode, faults: faults)
        if faults.failBeforeRename {
            unlink(temp)
            throw .writeFailed(path: path, reason: "injected failure before rename")
        }
        faults.beforeRename?()
        if exists(path), exchange(temp, path) {
            // `temp` now holds exactly the version this write displaced.
            let displaced = try? read(temp)
            let unexpected = expected.map { expected in displaced.map { Fingerprint($0) != expected } ?? false } ?? false
            let opens = !keepBackup || loads == nil || displaced.map { loads?($0) ?? true } == true
            let kept = displaced.map { Fingerprint($0) == alreadyKept } ?? false
            if unexpected || (!opens && !kept) {
                let copy = conflictCopyPath(for: path, stamp: Timestamp.current.fileStamp)
                let aside = rename(temp, copy) == 0 ? copy : temp
                syncDirectory(of: path)
                return aside
            }
            if !keepBackup || !opens || rename(temp, backupPath(of: path)) != 0 { unlink(temp) }
            syncDirectory(of: path)
            return nil
        }
        var aside: String?
        if keepBackup && exists(path) {
            let current = try? read(path)
            if let loads, let current, !loads(current) {
                // Not a version that opens: it must not become the backup. Keep it aside unless
                // it already is.
                if Fingerprint(current) != alreadyKept {
                    let copy = conflictCopyPath(for: path, stamp: Timestamp.current.fileStamp)
                    if (try? create(copy, with: current, mode: self.mode(of: path) ?? 0o600)) != nil { aside = copy }
                }
            } else {
                do {
                    try backUp(path)
                } catch {
                    unlink(temp)
                    throw error
                }
                // The backup is what is about to be displaced: if it is not what the caller expected,
                // another program wrote the file meanwhile; keep that version too.
                if let expected, let backup = try? read(backupPath(of: path)), Fingerprint(backup) != expected {
                    let copy = conflictCopyPath(for: path, stamp: Timestamp.current.fileStamp)
                    if (try? create(copy, with: backup, mode: self.mode(of: path) ?? 0o600)) != nil { aside = copy }
                }
            }
        }
        if rename(temp, path) != 0 {
            let code = errno
            unlink(temp)
            throw .writeFailed(path: path, reason: errnoText(code))
        }
        syncDirectory(of: path)
        return aside
    }

    /// A name for a conflict copy of `path` that nothing has yet: `path.conflict-STAMP`, then
    /// `-2`, `-3`…
    static func conflictCopyPath(for path: String, stamp: String) -> String {
        var candidate = sibling(of: path, suffix: ".conflict-\(stamp)")
        var n = 1
        while exists(candidate) {
            n += 1
            candidate = sibling(of: path, suffix: ".conflict-\(stamp)-\(n)")
        }
        return candidate
    }

    /// Where the previous version of `path` is kept.
    static func backupPath(of path: String) -> String { sibling(of: path, suffix: ".bak") }

    /// Temporary files a killed save left beside `path` (`.NAME.tmp-PID-…`, `.NAME.bak-PID`)
    /// whose process is gone, removed. Returns their paths.
    static func removeStaleTemporaries(beside path: String) -> [String] {
        let folder = directory(of: path)
        let base = "." + fileName(of: path)
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var removed: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            let marker: String
            if name.hasPrefix(base + ".tmp-") { marker = base + ".tmp-" } else if name.hasPrefix(base + ".bak-") { marker = base + ".bak-" } else { continue }
            let pidText = name.dropFirst(marker.count).prefix { $0.isNumber }
            guard let pid = pid_t(pidText), pid > 0, pid != getpid() else { continue }
            // Alive (or not ours to signal): leave it.
            if kill(pid, 0) == 0 || errno == EPERM { continue }
            if unlink("\(folder)/\(name)") == 0 { removed.append("\(folder)/\(name)") }
        }
        return removed
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    /// glibc's renameat2, looked up at run time (Swift's Glibc module does not declare it).
    private static let renameat2: RenameAt2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }
    private static let renameExchange: UInt32 = 1 << 1

    /// Swaps the files at two paths in one step. False where the system or the file system
    /// cannot; nothing has changed then.
    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let renameat2 else { return false }
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }

    /// How long a save waits for another smarketing process's save in the same folder.
    static let lockPatience: Double = 10

    /// Runs `body` holding an advisory lock (flock) on the folder that holds `path`, so that
    /// smarketing processes saving there take turns: checking that the file is unchanged, writing
    /// and renaming happen as one step for each. Programs that do not take the lock are caught
    /// by `replace` instead. Where the folder cannot be opened or locked, `body` runs unlocked.
    static func withSaveLock<T>(_ path: String, _ body: () throws(WorkspaceError) -> T) throws(WorkspaceError) -> T {
        let folder = directory(of: path)
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return try body() }
        defer { close(fd) } // closing the descriptor releases the lock
        var waited = 0.0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else { return try body() }
            if waited >= lockPatience {
                throw .writeFailed(path: path, reason: "another smarketing process has been saving in \(folder) for \(Int(lockPatience)) s")
            }
            usleep(2_000)
            waited += 0.002
        }
        return try body()
    }

    /// Creates `path` with `bytes`, failing if anything already exists there.
    static func create(_ path: String, with bytes: [UInt8], mode: mode_t? = nil) throws(WorkspaceError) {
        if exists(path) { throw .alreadyExists(path: path) }
        let temp = try writeTemporary(bytes, beside: path, mode: mode ?? defaultMode(), faults: .none)
        defer { unlink(temp) }
        // link() refuses to replace an existing file, so a file created meanwhile is never clobbered.
        if link(temp, path) != 0 {
            let code = errno
            if code == EEXIST { throw .alreadyExists(path: path) }
            throw .writeFailed(path: path, reason: errnoText(code))
        }
        syncDirectory(of: path)
    }

    /// Points `path.bak` at the current content of `path` without a moment where the backup is missing.
    private static func backUp(_ path: String) throws(WorkspaceError) {
        let backup = backupPath(of: path)
        let staging = sibling(of: path, prefix: ".", suffix: ".bak-\(getpid())")
        unlink(staging)
        if link(path, staging) == 0 {
            if rename(staging, backup) == 0 { return }
            unlink(staging)
        }
        // Hard links unsupported here: copy instead, atomically.
        var bytes: [UInt8]
        do { bytes = try read(path) } catch { return }
        let temp = try writeTemporary(bytes, beside: backup, mode: mode(of: path) ?? defaultMode(), faults: .none)
        if rename(temp, backup) != 0 {
            let code = errno
            unlink(temp)
            throw .writeFailed(path: path, reason: "cannot write the backup \(backup): \(errnoText(code))")
        }
    }

    private static func syncDirectory(of path: String) {
        let fd = open(directory(of: path), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// 0666 less the process umask, as a newly created file would get.
    static func defaultMode() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return 0o666 & ~mask
    }
}
