import Foundation
import SmarketingTestSupport
import Testing
@testable import SmarketingModel

/// Two chairs' savers and a program that ignores smarketing's lock write one file at once.
/// Every version any of them was told was saved must end up in the file or in a conflict copy.
/// This drives the store as the dashboard's saver uses it, as fast as it can save; the
/// dashboards themselves are raced in ConcurrentDashboardsTests.
@Suite("Concurrent writers", .serialized)
struct ConcurrentWritersTests {
    /// 3 s by default, 20 s in soak mode (or SMARKETING_RACE_SECONDS).
    static let seconds = Soak.seconds("SMARKETING_RACE_SECONDS", quick: 3, soak: 20)

    @Test func everyAcknowledgedVersionIsInTheFileOrAConflictCopy() throws {
        let dir = Paths.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("team.json").path
        try FileManager.default.copyItem(atPath: Paths.sample, toPath: path)

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
        var outsider = try Outsider(path: path, scratch: dir)
        try outsider.run(until: Date().addingTimeInterval(Self.seconds), seed: 7)
        for (process, _) in chairs { process.waitUntilExit() }
        for (process, _) in chairs { #expect(process.terminationStatus == 0) }

        var acknowledged: [String] = []
        var asideNamed: Set<String> = []
        for box in outputs {
            let text = String(decoding: box.wait(), as: UTF8.self)
            for line in text.split(separator: "\n") {
                if line.hasPrefix("ack ") { acknowledged.append(String(line.dropFirst(4))) }
                if line.hasPrefix("aside ") { asideNamed.insert(String(line.dropFirst(6))) }
            }
        }
        let accounting = try RaceAccounting(file: path, outsider: outsider)
        // Every conflict copy was named to its chair (the dashboard shows it in a banner).
        #expect(Set(accounting.conflictCopies) == asideNamed)
        let lostByUs = accounting.lostByUs(acknowledged)
        let lostOutsider = accounting.lost(outsider.tokens)
        print("concurrent writers: \(Int(Self.seconds)) s, \(acknowledged.count) versions saved by two chairs, \(outsider.tokens.count) by a writer that ignores the lock, \(accounting.conflictCopies.count) conflict copies; \(lostByUs.count + lostOutsider.count) lost")
        #expect(acknowledged.count > 20, "the chairs hardly saved")
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
