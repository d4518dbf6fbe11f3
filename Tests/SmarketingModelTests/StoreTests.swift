import Foundation
import Testing
@testable import SmarketingModel

@Suite("Store: atomic saves, backups and no clobbering")
struct StoreTests {
    @Test(arguments: ["northwind.json", "edge-cases.json"])
    func loadingThenSavingACanonicalFileIsByteIdentical(sample: String) throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: Fixture.sample(sample)))
        let ws = try Fixture.loadSample(sample)
        if ProcessInfo.processInfo.environment["SMARKETING_UPDATE_GOLDENS"] == "1" {
            try Data(MeetingStore.encode(ws)).write(to: URL(fileURLWithPath: Fixture.sample(sample)))
            return
        }
        #expect(Data(MeetingStore.encode(ws)) == original)
    }

    @Test func saveThenLoadGivesAnEqualWorkspace() throws {
        let dir = ScratchDirectory()
        let ws = try Fixture.loadSample("northwind.json")
        let path = dir.file("w.json")
        try MeetingStore.create(ws, at: path)
        #expect(try MeetingStore(path: path).load() == ws)
    }

    @Test func saveKeepsThePreviousVersionAsBakAndThePermissions() throws {
        let dir = ScratchDirectory()
        let path = try dir.write(minimalWorkspaceJSON(), to: "w.json")
        chmod(path, 0o640)
        let before = try path.read()
        let store = MeetingStore(path: path)
        var ws = try store.load()
        ws.team.name = "Renamed"
        try store.save(ws)
        #expect(try (path + ".bak").read() == before)
        #expect(try MeetingStore(path: path).load().team.name == "Renamed")
        #expect(FileIO.mode(of: path) == 0o640)
        #expect(dir.entries == ["w.json", "w.json.bak"]) // no temporary files left behind
        ws.team.name = "Again"
        try store.save(ws)
        #expect(try MeetingStore(path: path + ".bak").load().team.name == "Renamed")
    }

    @Test func anInterruptedWriteLeavesTheOriginalIntactAndParseable() throws {
        let dir = ScratchDirectory()
        let path = try dir.write(minimalWorkspaceJSON(), to: "w.json")
        let before = try path.read()
        for cut in [0, 1, 100, 500] {
            let store = MeetingStore(path: path, faults: WriteFaults(failAfterBytes: cut))
            var ws = try store.load()
            ws.team.name = "Never written"
            #expect(throws: WorkspaceError.writeFailed(path: path, reason: "No space left on device")) { try store.save(ws) }
            #expect(try path.read() == before)
            #expect(try MeetingStore(path: path).load().team.name == "T")
            #expect(dir.entries == ["w.json"])
        }
        let store = MeetingStore(path: path, faults: WriteFaults(failBeforeRename: true))
        var ws = try store.load()
        ws.team.name = "Never written"
        #expect(throws: WorkspaceError.self) { try store.save(ws) }
        #expect(try path.read() == before)
    }

    @Test func refusesToSaveOverAFileThatChangedOnDisk() throws {
        let dir = ScratchDirectory()
        let path = try dir.write(minimalWorkspaceJSON(), to: "w.json")
        let store = MeetingStore(path: path)
        var ws = try store.load()
        #expect(store.diskState() == .unchanged)
        let external = minimalWorkspaceJSON().replacingOccurrences(of: "\"name\": \"T\"", with: "\"name\": \"Edited elsewhere\"")
        try external.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(store.diskState() == .changed)
        ws.team.name = "Mine"
        #expect(throws: WorkspaceError.changedOnDisk(path: path)) { try store.save(ws) }
        #expect(try path.read() == external)
        // An explicit "keep mine" may overwrite.
        try store.save(ws, overwritingExternalChanges: true)
        #expect(try MeetingStore(path: path).load().team.name == "Mine")
        #expect(store.diskState() == .unchanged)
    }

    /// Another program writes after the check and before the rename: its version is not lost
    /// but kept as a conflict copy, and the receipt names it.
    @Test func aWriteThatRacesTheSaveIsKeptAsAConflictCopy() throws {
        let dir = ScratchDirectory()
        let path = try dir.write(minimalWorkspaceJSON(), to: "w.json")
        let external = minimalWorkspaceJSON().replacingOccurrences(of: "\"name\": \"T\"", with: "\"name\": \"Raced\"")
        let store = MeetingStore(path: path, faults: WriteFaults(beforeRename: {
            try? external.write(toFile: path, atomically: true, encoding: .utf8)
        }))
        var ws = try store.load()
        ws.team.name = "Mine"
        let receipt = try store.save(ws)
        #expect(try MeetingStore(path: path).load().team.name == "Mine")
        #expect(receipt.keptAside.count == 1)
        let copy = try #require(receipt.keptAside.first)
        #expect(copy.hasPrefix(path + ".conflict-"))
        #expect(try copy.read() == external)
    }

    @Test func anUnracedSaveKeepsNothingAside() throws {
        let dir = ScratchDirectory()
        let path = try dir.write(minimalWorkspaceJSON(), to: "w.json")
        let store = MeetingStore(path: path)
        var ws = try store.load()
        ws.team.name = "Mine"
        #expect(try store.save(ws).keptAside.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["w.json", "w.json.bak"])
    }

    @Test func savesOfTwoStoresTakeTurnsAndTheSecondSeesTheFirst() throws {
        let dir = ScratchDirectory()
        let path = try dir.write(minimalWorkspaceJSON(), to: "w.json")
        // The second store's save starts while the first holds the lock inside its own save.
        let started = DispatchSemaphore(value: 0), finished = DispatchSemaphore(value: 0)
        let first = MeetingStore(path: path, faults: WriteFaults(beforeRename: {
            started.signal()
            usleep(100_000)
        }))
        let second = MeetingStore(path: path)
        var a = try first.load(), b = try second.load()
        a.team.name = "First"
        b.team.name = "Second"
        let secondVersion = b
        let outcome = OutcomeBox()
        Thread.detachNewThread {
            started.wait()
            do { try second.save(secondVersion); outcome.set("saved") } catch { outcome.set("\(error)") }
            finished.signal()
        }
        #expect(try first.save(a).keptAside.isEmpty)
        finished.wait()
        // The second waited for the first, then saw its version and did not overwrite it.
        #expect(outcome.value == "\(WorkspaceError.changedOnDisk(path: path))")
        #expect(try MeetingStore(path: path).load().team.name == "First")
    }

    @Test func aReadOnlyFileIsNotReplacedEvenWhereItsFolderAllowsIt() throws {
        let dir = ScratchDirectory()
        let path = try dir.write(minimalWorkspaceJSON(), to: "w.json")
        let store = MeetingStore(path: path)
        var ws = try store.load()
        chmod(path, 0o444)
        ws.team.name = "Mine"
        #expect(throws: WorkspaceError.readOnly(path: path)) { try store.save(ws) }
        #expect(try path.read() == minimalWorkspaceJSON())
        #expect(WorkspaceError.readOnly(path: path).lines[0].contains("read-only"))
    }

    /// Issue 12: after a conflict `FILE.bak` held a file another program had truncated in place.
    /// The backup only ever holds a version that opens; the truncated one is kept as a conflict
    /// copy, never lost.
    @Test func aTruncatedVersionIsKeptAsAConflictCopyAndNeverBecomesTheBackup() throws {
        let dir = ScratchDirectory()
        let original = try Data(contentsOf: URL(fileURLWithPath: Fixture.sample("northwind.json")))
        let path = try dir.writeBytes(Array(original), to: "w.json")
        let store = MeetingStore(path: path)
        var ws = try store.load()
        ws.team.name = "First"
        try store.save(ws)
        let backup = try Data(contentsOf: URL(fileURLWithPath: path + ".bak"))
        #expect(backup == original)

        // Another program truncates the file in place to 5,000 bytes.
        #expect(truncate(path, 5_000) == 0)
        let truncated = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(truncated.count == 5_000)
        #expect(throws: WorkspaceError.self) { try MeetingStore(path: path).load() }
        ws.team.name = "Mine"
        #expect(throws: WorkspaceError.changedOnDisk(path: path)) { try store.save(ws) }

        let copies = try store.keepMine(ws, stamp: "20261123T094100Z")
        #expect(try MeetingStore(path: path).load().team.name == "Mine")
        #expect(copies.count == 1)
        #expect(try copies.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == [truncated])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + ".bak")) == backup)
        #expect(try MeetingStore(path: path + ".bak").load().team.name == "Northwind Analytics: Revenue Team")

        // A save told to overwrite keeps the truncated version aside itself, and the backup.
        #expect(truncate(path, 5_000) == 0)
        let again = try Data(contentsOf: URL(fileURLWithPath: path))
        ws.team.name = "Overwritten"
        let receipt = try store.save(ws, overwritingExternalChanges: true)
        #expect(receipt.keptAside.count == 1)
        #expect(try receipt.keptAside.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == [again])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + ".bak")) == backup)

        // Truncated between the check and the swap: a conflict copy, and the backup is kept.
        let racing = MeetingStore(path: path, faults: WriteFaults(beforeRename: { _ = truncate(path, 5_000) }))
        var raced = try racing.load()
        raced.team.name = "Raced"
        let racedReceipt = try racing.save(raced)
        #expect(racedReceipt.keptAside.count == 1)
        #expect(try racedReceipt.keptAside.map { try Data(contentsOf: URL(fileURLWithPath: $0)).count } == [5_000])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + ".bak")) == backup)
        #expect(try MeetingStore(path: path).load().team.name == "Raced")
        // A valid version displaced by an ordinary save still becomes the backup.
        let plain = MeetingStore(path: path)
        var later = try plain.load()
        later.team.name = "Later"
        #expect(try plain.save(later).keptAside.isEmpty)
        #expect(try MeetingStore(path: path + ".bak").load().team.name == "Raced")
    }

    @Test func copiesTakeTheWorkspacesMode() throws {
        let dir = ScratchDirectory()
        let path = try dir.write(minimalWorkspaceJSON(), to: "w.json")
        chmod(path, 0o600)
        let store = MeetingStore(path: path)
        var ws = try store.load()
        try minimalWorkspaceJSON().replacingOccurrences(of: "\"name\": \"T\"", with: "\"name\": \"Theirs\"").write(toFile: path, atomically: false, encoding: .utf8)
        ws.team.name = "Mine"
        let copies = try store.keepMine(ws, stamp: "20261123T094100Z")
        #expect(copies.count == 1)
        var info = stat()
        for file in copies + [path, path + ".bak"] {
            stat(file, &info)
            #expect(info.st_mode & 0o777 == 0o600, "\(file) has mode \(String(info.st_mode & 0o777, radix: 8))")
        }
        #expect(store.fileMode == 0o600)
    }

    @Test func aFileNameOfTwoHundredAndFiftyCharactersCanBeSavedBackedUpAndCopiedAside() throws {
        let dir = ScratchDirectory()
        let name = String(repeating: "ä", count: 100) + String(repeating: "n", count: 45) + ".json" // 250 bytes
        let path = try dir.write(minimalWorkspaceJSON(), to: name)
        let store = MeetingStore(path: path)
        var ws = try store.load()
        ws.team.name = "Mine"
        try store.save(ws)
        #expect(try MeetingStore(path: path).load().team.name == "Mine")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(files.count == 2)
        #expect(files.contains { $0.hasSuffix(".bak") && $0.utf8.count <= 255 })
        // A conflict copy too.
        try minimalWorkspaceJSON().write(toFile: path, atomically: false, encoding: .utf8)
        let copies = try store.keepMine(ws, stamp: "20261123T094100Z")
        #expect(copies.count == 1 && FileManager.default.fileExists(atPath: copies[0]))
    }

    @Test func temporariesLeftByAKilledSaveAreRemovedAndLiveOnesKept() throws {
        let dir = ScratchDirectory()
        let path = try dir.write(minimalWorkspaceJSON(), to: "w.json")
        // A PID that is not running (beyond pid_max), and ours (a save under way).
        let stale = try dir.write("{", to: ".w.json.tmp-4194999-abc")
        let staleBak = try dir.write("{", to: ".w.json.bak-4194999")
        let live = try dir.write("{", to: ".w.json.tmp-\(getpid())-xyz")
        let other = try dir.write("{", to: ".other.json.tmp-4194999-abc")
        let removed = MeetingStore(path: path).removeStaleTemporaries()
        #expect(Set(removed) == [stale, staleBak])
        #expect(FileManager.default.fileExists(atPath: live) && FileManager.default.fileExists(atPath: other))
    }

    @Test func aStoreThatNeverLoadedTheFileDoesNotOverwriteIt() throws {
        let dir = ScratchDirectory()
        let path = try dir.write(minimalWorkspaceJSON(), to: "w.json")
        let ws = try MeetingStore(path: path).load()
        #expect(throws: WorkspaceError.changedOnDisk(path: path)) { try MeetingStore(path: path).save(ws) }
    }

    @Test func savingThroughASymlinkReplacesItsTargetAndKeepsTheLink() throws {
        let dir = ScratchDirectory()
        let target = try dir.write(minimalWorkspaceJSON(), to: "real.json")
        let link = dir.file("link.json")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let store = MeetingStore(path: link)
        var ws = try store.load()
        ws.team.name = "Via link"
        try store.save(ws)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try MeetingStore(path: target).load().team.name == "Via link")
    }

    @Test(.disabled(if: getuid() == 0, "root writes through permissions; the CLI suite covers this as nobody"))
    func aReadOnlyFolderGivesAClearErrorAndKeepsTheFile() throws {
        let dir = ScratchDirectory()
        let path = try dir.write(minimalWorkspaceJSON(), to: "w.json")
        let store = MeetingStore(path: path)
        var ws = try store.load()
        chmod(dir.path, 0o555)
        ws.team.name = "X"
        #expect(throws: WorkspaceError.self) { try store.save(ws) }
        chmod(dir.path, 0o755)
        #expect(try MeetingStore(path: path).load().team.name == "T")
    }

    @Test func createNeverOverwrites() throws {
        let dir = ScratchDirectory()
        let path = try dir.write("precious", to: "w.json")
        let ws = try Fixture.loadSample("edge-cases.json")
        #expect(throws: WorkspaceError.alreadyExists(path: path)) { try MeetingStore.create(ws, at: path) }
        #expect(try path.read() == "precious")
        #expect(dir.entries == ["w.json"])
    }

    @Test func weeksAndMeetingsAreSavedInDateOrder() throws {
        var ws = workspace(weeks: [week("2026-11-16"), week("2026-11-02"), week("2026-11-09")])
        ws.meetings.insert(Meeting(id: "m0", date: CalendarDate(iso: "2026-12-01")!, kpiWeek: CalendarDate(iso: "2026-11-23")!, chair: "C"), at: 0)
        let loaded = try MeetingStore.decode(MeetingStore.encode(ws), path: "w.json")
        #expect(loaded.weeks.map(\.weekStart.iso) == ["2026-11-02", "2026-11-09", "2026-11-16"])
        #expect(loaded.meetings.map(\.id) == ["m1", "m0"])
    }

    @Test func writeErrorsSayTheFileOnDiskIsUnchanged() {
        let error = WorkspaceError.writeFailed(path: "w.json", reason: "No space left on device")
        #expect(error.lines == ["w.json: could not save (No space left on device). The file on disk is unchanged."])
    }
}

final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var _value = ""
    var value: String { lock.withLock { _value } }
    func set(_ value: String) { lock.withLock { _value = value } }
}
