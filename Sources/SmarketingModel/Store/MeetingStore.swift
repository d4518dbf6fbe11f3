#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Loads and saves one workspace file, and refuses to overwrite changes it did not make.
///
/// The store remembers the fingerprint of the bytes it last read or wrote. `save` refuses, with
/// `WorkspaceError.changedOnDisk`, when the file on disk no longer matches, so an edit made by
/// another program is never clobbered silently.
public final class MeetingStore: @unchecked Sendable {
    /// The path as the user gave it, for messages.
    public let path: String
    private let lock = NSLock()
    private var _fingerprint: Fingerprint?
    /// Fingerprints of the versions this store wrote recently, so a watcher can tell them apart
    /// from other programs' writes even while a save is finishing.
    private var ownWrites: [Fingerprint] = []
    /// The fingerprint of the version `load` last read, which opened.
    private var loaded: Fingerprint?

    /// The fingerprint of the file as last loaded or saved; nil before the first load.
    public private(set) var fingerprint: Fingerprint? {
        get { lock.withLock { _fingerprint } }
        set { lock.withLock { _fingerprint = newValue } }
    }
    var faults: WriteFaults

    public init(path: String, faults: WriteFaults = .none) {
        self.path = path
        self.faults = faults
    }

    /// Where writes go: the target of a symbolic link rather than the link.
    var targetPath: String { FileIO.resolved(path) }

    /// Reads, parses and validates the file.
    public func load() throws(WorkspaceError) -> Workspace {
        let bytes = try FileIO.read(path)
        let workspace = try MeetingStore.decode(bytes, path: path)
        let read = Fingerprint(bytes)
        fingerprint = read
        lock.withLock { loaded = read }
        return workspace
    }

    /// Saves atomically, keeping the previous version as `FILE.bak`.
    ///
    /// smarketing processes saving the same file take turns (an advisory lock on its folder), and
    /// each checks under the lock that the file still holds what it last read or wrote: if not,
    /// nothing is written and `changedOnDisk` is thrown. A program that ignores the lock and
    /// writes between the check and the rename does not lose its version either: it is kept as
    /// a conflict copy, named in the receipt.
    /// - Parameter overwritingExternalChanges: write even if the file changed on disk since it was
    ///   loaded. Only for an explicit "keep mine" after the other version was saved aside.
    @discardableResult
    public func save(_ workspace: Workspace, overwritingExternalChanges: Bool = false) throws(WorkspaceError) -> SaveReceipt {
        let bytes = MeetingStore.encode(workspace)
        try MeetingStore.checkSize(bytes, path: path)
        let target = targetPath
        return try FileIO.withSaveLock(target) { () throws(WorkspaceError) -> SaveReceipt in
            let onDisk = diskFingerprint()
            if !overwritingExternalChanges, case .present(let disk) = onDisk, disk != fingerprint {
                throw .changedOnDisk(path: path)
            }
            if case .unreadable = onDisk, !overwritingExternalChanges { throw .changedOnDisk(path: path) }
            return try write(bytes, to: target, expected: onDisk.expected)
        }
    }

    /// What a save did besides writing the file.
    public struct SaveReceipt: Equatable, Sendable {
        /// Conflict copies holding versions another program wrote at the very moment of this save
        /// (after its check, before its rename). Nothing was lost, but the chair must be told.
        public var keptAside: [String] = []
    }

    /// Writes under the save lock. `expected` is what the caller saw on disk under the lock;
    /// `alreadyKept` a version of it already copied aside. Only a version that opens becomes
    /// `FILE.bak`: one that does not is kept as a conflict copy (unless already kept) and the
    /// previous backup stays.
    private func write(_ bytes: [UInt8], to target: String, expected: Fingerprint, alreadyKept: Fingerprint? = nil) throws(WorkspaceError) -> SaveReceipt {
        let written = Fingerprint(bytes)
        lock.withLock {
            ownWrites.append(written)
            if ownWrites.count > 8 { ownWrites.removeFirst() }
        }
        let path = self.path
        let aside = try FileIO.replace(target, with: bytes, keepBackup: true, expected: expected, loads: { [self] displaced in
            // Versions this store wrote or loaded open; anything else is parsed to find out.
            let fingerprint = Fingerprint(displaced)
            if lock.withLock({ ownWrites.contains(fingerprint) || fingerprint == loaded }) { return true }
            return (try? MeetingStore.decode(displaced, path: path)) != nil
        }, alreadyKept: alreadyKept, faults: faults)
        fingerprint = written
        return SaveReceipt(keptAside: aside.map { [$0] } ?? [])
    }

    private enum DiskFingerprint {
        case present(Fingerprint)
        case missing
        case unreadable

        /// What a write expects to displace: the version seen, or nothing at all.
        var expected: Fingerprint {
            if case .present(let fingerprint) = self { return fingerprint }
            return .nothing
        }
    }

    private func diskFingerprint() -> DiskFingerprint {
        do {
            return .present(Fingerprint(try FileIO.read(path)))
        } catch .notFound {
            return .missing
        } catch {
            return .unreadable
        }
    }

    /// True for a version this store wrote itself (or last loaded).
    public func isOwnVersion(_ fingerprint: Fingerprint) -> Bool {
        lock.withLock { fingerprint == _fingerprint || ownWrites.contains(fingerprint) }
    }

    /// Whether the file on disk still holds what this store last read or wrote.
    /// A file this store never read counts as changed: it is someone else's.
    public func diskState() -> DiskState {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch .notFound {
            return .missing
        } catch {
            return .changed
        }
        return Fingerprint(bytes) == fingerprint ? .unchanged : .changed
    }

    public enum DiskState: Equatable, Sendable {
        case unchanged
        case changed
        case missing
    }

    /// What is on disk right now, without changing what the store remembers.
    public struct DiskVersion: Sendable {
        /// The fingerprint of the bytes read; nil when the file could not be read.
        public let fingerprint: Fingerprint?
        public let workspace: Result<Workspace, WorkspaceError>
    }

    public func readDisk() -> DiskVersion {
        readDisk(skippingOwnVersions: false) ?? DiskVersion(fingerprint: nil, workspace: .failure(.notFound(path: path)))
    }

    /// What is on disk now, or nil when it is a version this store wrote or last read. Our own
    /// versions are recognised by their fingerprint before anything is parsed, so a watcher pays
    /// one read and one hash for each of our own saves, not a parse.
    public func readExternalChange() -> DiskVersion? {
        readDisk(skippingOwnVersions: true)
    }

    private func readDisk(skippingOwnVersions: Bool) -> DiskVersion? {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch {
            return DiskVersion(fingerprint: nil, workspace: .failure(error))
        }
        let fingerprint = Fingerprint(bytes)
        if skippingOwnVersions {
            if isOwnVersion(fingerprint) { return nil }
            faults.beforeParsingTheirs?()
        }
        do {
            return DiskVersion(fingerprint: fingerprint, workspace: .success(try MeetingStore.decode(bytes, path: path)))
        } catch {
            return DiskVersion(fingerprint: fingerprint, workspace: .failure(error))
        }
    }

    /// Takes the given disk version as the one the workspace on screen now matches.
    public func adopt(_ fingerprint: Fingerprint) {
        self.fingerprint = fingerprint
    }

    /// "Keep mine": copies whatever is on disk now to `FILE.conflict-STAMP` (so nothing is lost),
    /// then saves `workspace` over the file, both under the save lock. Returns the paths of the
    /// copies: the one made here first, then any version another program wrote meanwhile.
    public func keepMine(_ workspace: Workspace, stamp: String) throws(WorkspaceError) -> [String] {
        let target = targetPath
        let bytes = MeetingStore.encode(workspace)
        try MeetingStore.checkSize(bytes, path: path)
        return try FileIO.withSaveLock(target) { () throws(WorkspaceError) -> [String] in
            var aside: [String] = []
            var expected = Fingerprint.nothing
            if let theirs = try MeetingStore.versionToPutAside(target, path: path) {
                let copy = FileIO.conflictCopyPath(for: target, stamp: stamp)
                try FileIO.create(copy, with: theirs, mode: FileIO.mode(of: target) ?? 0o600)
                aside.append(copy)
                expected = Fingerprint(theirs)
            }
            return aside + (try write(bytes, to: target, expected: expected, alreadyKept: aside.isEmpty ? nil : expected)).keptAside
        }
    }

    /// Writes a new workspace file, refusing to replace anything already at `path`.
    /// - Parameter mode: the new file's permissions (default: as any new file, by the umask).
    public static func create(_ workspace: Workspace, at path: String, mode: UInt32? = nil) throws(WorkspaceError) {
        try FileIO.create(path, with: encode(workspace), mode: mode.map { mode_t($0) })
    }

    /// The workspace file's permission bits, for copies of it (nil when it cannot be read).
    public var fileMode: UInt32? { FileIO.mode(of: targetPath).map { UInt32($0) } }

    /// Removes temporary files that a killed save left beside the workspace. Returns their paths.
    @discardableResult
    public func removeStaleTemporaries() -> [String] { FileIO.removeStaleTemporaries(beside: targetPath) }

    /// The canonical bytes of a workspace: pretty-printed, keys sorted, weeks and meetings in date order.
    public static func encode(_ workspace: Workspace) -> [UInt8] {
        JSONWriter.canonicalBytes(workspace.canonicalized.json)
    }

    /// Parses and validates workspace bytes; `path` is only used in error messages.
    public static func decode(_ bytes: [UInt8], path: String) throws(WorkspaceError) -> Workspace {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw .syntax(path: path, error)
        }
        switch Workspace.decode(root) {
        case .success(let workspace): return workspace.canonicalized
        case .failure(.newerSchema(let version)): throw .newerSchema(path: path, found: version)
        case .failure(.invalid(let issues)): throw .invalid(path: path, issues: issues)
        }
    }
}

extension Workspace {
    /// The same workspace with weeks and meetings in date order, as it is saved.
    public var canonicalized: Workspace {
        var copy = self
        if !copy.weeks.isSorted(by: { $0.weekStart < $1.weekStart }) {
            copy.weeks.sort { $0.weekStart < $1.weekStart }
        }
        if !copy.meetings.isSorted(by: { $0.date < $1.date }) {
            copy.meetings.sort { $0.date < $1.date }
        }
        return copy
    }
}

extension Array {
    func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
        for i in indices.dropFirst() where areInIncreasingOrder(self[i], self[i - 1]) { return false }
        return true
    }
}

/// Atomic replacement of any output file (exported minutes, for one).
public enum AtomicFile {
    /// Writes `bytes` to `path` so that readers see the old file or the new one, never a part.
    public static func write(_ bytes: [UInt8], to path: String) throws(WorkspaceError) {
        var info = stat()
        if stat(path, &info) == 0, let kind = FileIO.nonRegularKind(info.st_mode) {
            throw .notAFile(path: path, kind: kind)
        }
        try FileIO.replace(FileIO.resolved(path), with: bytes, keepBackup: false, faults: .none)
    }
}
