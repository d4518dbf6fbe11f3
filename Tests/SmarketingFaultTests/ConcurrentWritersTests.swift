import Foundation
import Testing
@testable import SmarketingModel

/// Two chairs' dashboards and a program that ignores smarketing's lock write one file at once.
/// Every version any of them was told was saved must end up in the file or in a conflict copy.
@Suite("Concurrent writers", .serialized)
struct ConcurrentWritersTests {
    /// 3 s by default, 20 s in soak mode (or SMARKETING_RACE_SECONDS).
    static let seconds = Soak.seconds("SMARKETING_RACE_SECONDS", quick: 3, soak: 20)

    @Test func everyAcknowledgedVersionIsInTheFileOrAConflictCopy() throws {
        let dir = Paths.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("team.json").path
        try FileManager.default.copyItem(atPath: Paths.sample, toPath: path)
        let audit = dir.appendingPathComponent("displaced-by-the-outsider")
        try FileManager.default.createDirectory(at: audit, withIntermediateDirectories: true)

        // Two dashboards (at the store, as the dashboard's saver uses it).
        let chairs = try ["A", "B"].enumerated().map { i, name in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CrashSafetyTests.helper)
            process.arguments = ["--race", path, name, String(Self.seconds), String(100 + i)]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.standardError
            try process.run()
            return (process, out)
        }
        // Reading the pipes in the background keeps the chairs from blocking on a full pipe.
        let outputs = chairs.map { _, out in
            let box = OutputBox()
            Thread.detachNewThread { box.set(out.fileHandleForReading.readDataToEndOfFile()) }
            return box
        }

        // The outsider: reads the file, adds its token, and replaces the file atomically without
        // the lock, every 20 to 200 ms. It swaps its file in (RENAME_EXCHANGE) only so that this
        // test can see what it displaced; smarketing gets no help from that.
        var outsider: [String] = []
        var random = SeededRandom(seed: 7)
        let deadline = Date().addingTimeInterval(Self.seconds)
        var n = 0
        while Date() < deadline {
            usleep(useconds_t(20_000 + random.next() % 180_000))
            guard var ws = try? MeetingStore(path: path).load(), let m = ws.currentMeetingIndex else { continue }
            n += 1
            ws.meetings[m].notes += " X-\(n)"
            let temp = dir.appendingPathComponent(".outsider-\(n)").path
            try Data(MeetingStore.encode(ws)).write(to: URL(fileURLWithPath: temp))
            try #require(FileIO.exchange(temp, path), "this file system cannot swap files; the test needs it")
            try FileManager.default.moveItem(atPath: temp, toPath: audit.appendingPathComponent("\(n).json").path)
            outsider.append("X-\(n)")
        }
        for (process, _) in chairs { process.waitUntilExit() }
        for (process, _) in chairs { #expect(process.terminationStatus == 0) }

        var acknowledged = outsider
        var asideNamed: Set<String> = []
        for box in outputs {
            let text = String(decoding: box.wait(), as: UTF8.self)
            for line in text.split(separator: "\n") {
                if line.hasPrefix("ack ") { acknowledged.append(String(line.dropFirst(4))) }
                if line.hasPrefix("aside ") { asideNamed.insert(String(line.dropFirst(6))) }
            }
        }
        let copies = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".conflict-") }
            .map { dir.appendingPathComponent($0).path }
        // Every conflict copy was named to its chair (the dashboard shows it in a banner).
        #expect(Set(copies) == asideNamed)

        func tokens(_ file: String) throws -> Set<String> {
            let ws = try MeetingStore(path: file).load()
            return Set(ws.meetings.flatMap { $0.notes.split(separator: " ").map(String.init) })
        }
        var kept = try tokens(path)
        for copy in copies { kept.formUnion(try tokens(copy)) }
        // Versions the outsider overwrote are its own doing, not smarketing's; the test counts them
        // only for the chairs' tokens.
        var displaced: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: audit.path) {
            displaced.formUnion(try tokens(audit.appendingPathComponent(file).path))
        }
        let lostByUs = acknowledged.filter { token in
            !kept.contains(token) && !(!token.hasPrefix("X-") && displaced.contains(token))
        }
        let lostOutsider = outsider.filter { !kept.contains($0) }
        print("concurrent writers: \(Int(Self.seconds)) s, \(acknowledged.count - outsider.count) versions saved by two chairs, \(outsider.count) by a writer that ignores the lock, \(copies.count) conflict copies; \(lostByUs.count) lost")
        #expect(acknowledged.count > outsider.count + 20, "the chairs hardly saved")
        #expect(lostOutsider.isEmpty, "the outsider's versions in neither the file nor a conflict copy: \(lostOutsider.prefix(10))")
        #expect(lostByUs.isEmpty, "acknowledged versions lost: \(lostByUs.prefix(10))")
    }
}

/// Bytes handed from a reader thread to the test.
final class OutputBox: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()
    func set(_ data: Data) {
        self.data = data
        done.signal()
    }
    func wait() -> Data {
        done.wait()
        return data
    }
}
