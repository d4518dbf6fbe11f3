/// The size cap on saving. The loader refuses a file over `FileIO.maximumSize`, so the store refuses
/// to write one: a workspace that grew past it (long notes over many meetings, one more week) is
/// kept in memory and reported, and the file on disk stays the last version that opens.
extension MeetingStore {
    /// The largest workspace file, in bytes, that can be opened and therefore saved.
    public static var maximumSize: Int { FileIO.maximumSize }

    /// Throws `tooLargeToSave` for `bytes` the loader would refuse as too large. Called before
    /// anything is compared or written.
    static func checkSize(_ bytes: [UInt8], path: String) throws(WorkspaceError) {
        if bytes.count > FileIO.maximumSize { throw .tooLargeToSave(path: path, size: bytes.count, limit: FileIO.maximumSize) }
    }
}

extension MeetingStore {
    /// "Keep mine" promises to put the version on disk aside before saving over it: the version
    /// on disk, or nil when there is none. Refuses, with nothing written, when theirs cannot be
    /// read to be copied (a file over the size cap, one this user may not read): overwriting it
    /// would lose it.
    static func versionToPutAside(_ target: String, path: String) throws(WorkspaceError) -> [UInt8]? {
        do {
            return try FileIO.read(target)
        } catch .notFound {
            return nil
        } catch {
            throw .writeFailed(path: path, reason: "the version on disk cannot be put aside first, \(error.reason); move it elsewhere, then keep yours again")
        }
    }
}
