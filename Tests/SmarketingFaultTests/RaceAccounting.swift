import Foundation
import Testing
@testable import SmarketingModel

/// A writer that ignores smarketing's lock: it reads the file, adds its token to the current
/// meeting's notes, and replaces the file atomically, every 20 to 200 ms until the deadline.
/// It swaps its file in (RENAME_EXCHANGE) only so that a test can see what it displaced;
/// smarketing gets no help from that.
struct Outsider {
    let path: String
    /// Where the versions the outsider displaced are kept, one file per write.
    let audit: URL
    private(set) var tokens: [String] = []

    init(path: String, scratch: URL) throws {
        self.path = path
        audit = scratch.appendingPathComponent("displaced-by-the-outsider")
        try FileManager.default.createDirectory(at: audit, withIntermediateDirectories: true)
    }

    mutating func run(until deadline: Date, seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let folder = audit.deletingLastPathComponent()
        var n = 0
        while Date() < deadline {
            usleep(useconds_t(20_000 + random.next() % 180_000))
            guard var ws = try? MeetingStore(path: path).load(), let m = ws.currentMeetingIndex else { continue }
            n += 1
            ws.meetings[m].notes += " X-\(n)"
            let temp = folder.appendingPathComponent(".outsider-\(n)").path
            try Data(MeetingStore.encode(ws)).write(to: URL(fileURLWithPath: temp))
            try #require(FileIO.exchange(temp, path), "this file system cannot swap files; the test needs it")
            try FileManager.default.moveItem(atPath: temp, toPath: audit.appendingPathComponent("\(n).json").path)
            tokens.append("X-\(n)")
        }
    }
}

/// Which acknowledged versions survived: every token any party was told was saved must be in
/// the file or in a conflict copy. A chair's version that the outsider itself overwrote is the
/// outsider's doing, not smarketing's, and is not counted against it.
struct RaceAccounting {
    var kept: Set<String> = []
    var displacedByOutsider: Set<String> = []
    var conflictCopies: [String] = []

    /// Every word of every meeting's notes.
    static func tokens(_ file: String) throws -> Set<String> {
        let ws = try MeetingStore(path: file).load()
        return Set(ws.meetings.flatMap { $0.notes.split(whereSeparator: \.isWhitespace).map(String.init) })
    }

    init(file: String, outsider: Outsider) throws {
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        conflictCopies = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.contains(".conflict-") }.map { folder.appendingPathComponent($0).path }
        kept = try Self.tokens(file)
        for copy in conflictCopies { kept.formUnion(try Self.tokens(copy)) }
        for name in try FileManager.default.contentsOfDirectory(atPath: outsider.audit.path) {
            displacedByOutsider.formUnion(try Self.tokens(outsider.audit.appendingPathComponent(name).path))
        }
    }

    /// The chairs' acknowledged tokens that are nowhere, and not excused by the outsider.
    func lostByUs(_ acknowledged: some Sequence<String>) -> [String] {
        acknowledged.filter { token in
            !kept.contains(token) && (token.hasPrefix("X-") || !displacedByOutsider.contains(token))
        }
    }

    /// The outsider's versions: nobody may overwrite them unseen.
    func lost(_ outsiderTokens: [String]) -> [String] { outsiderTokens.filter { !kept.contains($0) } }
}
