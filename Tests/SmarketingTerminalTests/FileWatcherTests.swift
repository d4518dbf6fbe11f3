import Foundation
import Testing
@testable import SmarketingTerminal
#if canImport(Glibc)
import Glibc
#endif

/// The watcher behind `present` and the chair's reloads, on real folders.
@Suite("File watcher")
struct FileWatcherTests {
    let root = NSTemporaryDirectory() + "smarketing-watch-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"

    func write(_ text: String, _ path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Waits (briefly) for inotify to report a change to the watched file.
    func sees(_ watcher: FileWatcher) -> Bool {
        for _ in 0..<50 {
            if watcher.drain() { return true }
            usleep(10_000)
        }
        return false
    }

    @Test func aLinkPointedElsewhereIsFollowedToItsNewTarget() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        for folder in ["a", "b", "links"] {
            try FileManager.default.createDirectory(atPath: "\(root)/\(folder)", withIntermediateDirectories: true)
        }
        try write("A", "\(root)/a/team.json")
        try write("B", "\(root)/b/team.json")
        let link = "\(root)/links/current.json"
        #expect(symlink("\(root)/a/team.json", link) == 0)
        let watcher = FileWatcher(path: link)
        #expect(!watcher.usesPolling)

        try write("A2", "\(root)/a/team.json")
        #expect(sees(watcher), "a change to the first target")

        // Re-point the link atomically, as `ln -sfn` does.
        #expect(symlink("\(root)/b/team.json", "\(root)/links/.new") == 0)
        #expect(rename("\(root)/links/.new", link) == 0)
        #expect(sees(watcher), "the link was pointed elsewhere")

        try write("B2", "\(root)/b/team.json")
        #expect(sees(watcher), "a change to the new target")
        // The old target is not the file any more.
        _ = watcher.drain()
        try write("A3", "\(root)/a/team.json")
        #expect(!sees(watcher))
    }

    @Test func withoutInotifyAPollThroughTheLinkNoticesANewTarget() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try write("A", "\(root)/a.json")
        try write("B, longer", "\(root)/b.json")
        #expect(symlink("\(root)/a.json", "\(root)/current.json") == 0)
        let watcher = FileWatcher(path: "\(root)/current.json")
        #expect(!watcher.pollChanged())
        unlink("\(root)/current.json")
        #expect(symlink("\(root)/b.json", "\(root)/current.json") == 0)
        #expect(watcher.pollChanged())
    }
}
