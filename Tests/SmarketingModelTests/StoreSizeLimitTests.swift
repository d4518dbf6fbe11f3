import Foundation
import Testing
@testable import SmarketingModel

/// Issue 10, item 1: the store never writes a workspace the loader would refuse as too large, and
/// "keep mine" never overwrites a version on disk it could not put aside first.
@Suite("Store: the size cap")
struct StoreSizeLimitTests {
    let cap = MeetingStore.maximumSize

    /// A file of `size` bytes that takes no room on disk (a sparse file of zeros).
    func sparse(_ size: Int, at path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0 && ftruncate(fd, off_t(size)) == 0)
        close(fd)
    }

    @Test func savingAndLoadingShareOneLimitToTheByte() throws {
        let dir = ScratchDirectory()
        #expect(cap == 64 << 20)
        // Exactly the cap is read (as bytes: zeros are no workspace, but not too large) and saved.
        sparse(cap, at: dir.file("at.json"))
        #expect(try FileIO.read(dir.file("at.json")).count == cap)
        try MeetingStore.checkSize([UInt8](repeating: 0x20, count: cap), path: "at.json")
        // One byte more is refused by both.
        sparse(cap + 1, at: dir.file("over.json"))
        #expect(throws: WorkspaceError.tooLarge(path: dir.file("over.json"), limit: cap)) { try FileIO.read(dir.file("over.json")) }
        #expect(throws: WorkspaceError.tooLargeToSave(path: "over.json", size: cap + 1, limit: cap)) {
            try MeetingStore.checkSize([UInt8](repeating: 0x20, count: cap + 1), path: "over.json")
        }
    }

    @Test func theRefusalSaysWhatWhereAndWhatToDo() {
        let error = WorkspaceError.tooLargeToSave(path: "team.json", size: 67_109_000, limit: cap)
        #expect(error.lines == ["team.json: not saved: the workspace would be 67109000 bytes, over the 64 MiB limit (67108864 bytes); "
            + "make room by exporting the minutes of old meetings and removing those meetings from the file. The file on disk is unchanged."])
        // The banner in the dashboard gives the reason without the path.
        #expect(error.reason.hasPrefix("the workspace would be 67109000 bytes, over the 64 MiB limit"))
    }

    @Test func keepMineRefusesToOverwriteAVersionOnDiskItCannotPutAside() throws {
        let dir = ScratchDirectory()
        let path = try dir.writeBytes(MeetingStore.encode(try Fixture.loadSample("northwind.json")), to: "team.json")
        let store = MeetingStore(path: path)
        var mine = try store.load()
        mine.team.name = "Mine"
        // Another program replaced the file with one over the cap: it cannot be read, so it
        // cannot be copied aside.
        sparse(cap + 1, at: path)
        #expect(throws: WorkspaceError.changedOnDisk(path: path)) { try store.save(mine) }
        #expect(throws: WorkspaceError.writeFailed(path: path, reason: "the version on disk cannot be put aside first, the file is too large; move it elsewhere, then keep yours again")) {
            _ = try store.keepMine(mine, stamp: "20261123-094100")
        }
        // Nothing was written or copied, and the other version is still there.
        #expect(dir.entries == ["team.json"])
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == cap + 1)
        // Moved away, as the message says: keep mine now saves.
        #expect(rename(path, dir.file("other.json")) == 0)
        #expect(try store.keepMine(mine, stamp: "20261123-094100").isEmpty)
        #expect(try MeetingStore(path: path).load().team.name == "Mine")
    }
}
