import Foundation
import SmarketingTestSupport
import Testing
@testable import SmarketingModel

@Suite("Saves survive crashes", .serialized)
struct CrashSafetyTests {
    static let helper = URL(fileURLWithPath: Paths.binary).deletingLastPathComponent().appendingPathComponent("smarketing-save-torture").path

    /// SIGKILL at random moments during saves of a large workspace. After every kill the file
    /// parses and is one of the two versions being written, and FILE.bak is a valid earlier one.
    @Test func killedMidSaveTheFileIsAlwaysWholeAndTheBackupValid() throws {
        let dir = Paths.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("large.json").path
        var large = LargeWorkspace.make()
        large.team.name = "Version A"
        try MeetingStore.create(large, at: path)
        let versions = ["Version A", "Version B"]
        var rng = SeededRandom(seed: 424242)
        var kills = 0, savesSeen = 0
        let target = Soak.count("SMARKETING_KILLS", quick: 20, soak: 200)
        while kills < target {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.helper)
            process.arguments = [path]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Wait for the first save to complete, then kill at a random moment within the next ones.
            let handle = out.fileHandleForReading
            var buffer = Data()
            while !String(decoding: buffer, as: UTF8.self).contains("saved") {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
            }
            usleep(useconds_t(rng.below(40_000)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            buffer.append(handle.readDataToEndOfFile())
            savesSeen += String(decoding: buffer, as: UTF8.self).components(separatedBy: "saved").count - 1
            kills += 1

            let loaded = try MeetingStore(path: path).load()
            #expect(versions.contains(loaded.team.name), "after kill \(kills) the file holds \(loaded.team.name)")
            var expected = large
            expected.team.name = loaded.team.name
            #expect(loaded == expected.canonicalized, "after kill \(kills) the file is not one of the versions written")
            if FileManager.default.fileExists(atPath: path + ".bak") {
                let backup = try MeetingStore(path: path + ".bak").load()
                #expect(versions.contains(backup.team.name), "after kill \(kills) the backup is not a valid earlier version")
            }
            let strays = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".large.json.tmp") }
            for stray in strays { try? FileManager.default.removeItem(atPath: dir.appendingPathComponent(stray).path) }
        }
        print("crash safety: \(kills) SIGKILLs during \(savesSeen)+ saves of a \(try Data(contentsOf: URL(fileURLWithPath: path)).count / 1024) KiB workspace; the file was whole every time")
        #expect(kills >= target)
    }

    /// A full disk: a 256 KiB tmpfs too small for the new version. The save fails with a clear
    /// error, and the original file stays as it was.
    @Test(.enabled(if: getuid() == 0, "needs root to mount a small tmpfs"))
    func aFullDiskLeavesTheFileIntact() throws {
        let mountPoint = Paths.scratch()
        defer { try? FileManager.default.removeItem(at: mountPoint) }
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint.path]
        try mount.run()
        mount.waitUntilExit()
        try #require(mount.terminationStatus == 0, "mount failed")
        defer {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [mountPoint.path]
            try? umount.run()
            umount.waitUntilExit()
        }
        let path = mountPoint.appendingPathComponent("w.json").path
        let small = try MeetingStore(path: Paths.sample).load()
        try MeetingStore.create(small, at: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let store = MeetingStore(path: path)
        var ws = try store.load()
        ws.meetings[ws.currentMeetingIndex!].notes = String(repeating: "Long notes that do not fit. ", count: 3_000)
        do {
            try store.save(ws)
            Issue.record("a save larger than the disk succeeded")
        } catch {
            #expect(error.lines.first?.contains("No space left on device") == true, "\(error.lines)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: mountPoint.path).filter { $0.contains(".tmp") }.isEmpty)
    }
}
