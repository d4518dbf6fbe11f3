import Foundation
import Testing
@testable import SmarketingModel

/// Where the repository and the built binary are.
enum Paths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sample = repository.appendingPathComponent("sample-data/northwind.json").path
    static let binary: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("smarketing").path
    }()

    static func scratch() -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smk-fault-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// Runs `smarketing` with a deadline, so a hang fails the test instead of stalling it.
func runCLI(_ arguments: [String], timeout: TimeInterval = 20) throws -> (status: Int32, stdout: String, stderr: String, timedOut: Bool) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Paths.binary)
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let watchdog = Watchdog()
    let pid = process.processIdentifier
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { watchdog.fire(pid) }
    let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let timedOut = watchdog.finish()
    return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self), timedOut)
}

/// Kills a process that outlives its deadline, unless it finished first.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var finished = false
    private var fired = false

    func fire(_ pid: pid_t) {
        lock.withLock {
            guard !finished else { return }
            fired = true
            kill(pid, SIGKILL)
        }
    }

    /// Marks the process as finished; returns whether the watchdog had to kill it.
    func finish() -> Bool {
        lock.withLock {
            finished = true
            return fired
        }
    }
}

/// What every rejected file must get: exit 1, every line naming the file, nothing raw, no crash.
func expectCleanRejection(_ r: (status: Int32, stdout: String, stderr: String, timedOut: Bool), path: String, _ label: String,
                          sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!r.timedOut, "\(label): hung", sourceLocation: sourceLocation)
    #expect(r.status == 1, "\(label): exit \(r.status), stderr \(r.stderr)", sourceLocation: sourceLocation)
    let lines = r.stderr.split(separator: "\n")
    #expect(!lines.isEmpty, "\(label): no message", sourceLocation: sourceLocation)
    for line in lines {
        #expect(line.hasPrefix(TextSanitizer.visible(path)), "\(label): a line does not name the file: \(line)", sourceLocation: sourceLocation)
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(label): raw control characters", sourceLocation: sourceLocation)
    }
    for marker in ["Fatal error", "Stack dump", "Segmentation fault", "Illegal instruction", "💣"] {
        #expect(!r.stderr.contains(marker), "\(label): crashed", sourceLocation: sourceLocation)
    }
}

@Suite("Bad input: a corpus of broken workspaces")
struct BadInputTests {
    static let sampleBytes = try! Array(Data(contentsOf: URL(fileURLWithPath: Paths.sample)))

    @Test func truncatedAtEveryKilobyteThroughTheRealCLI() throws {
        let dir = Paths.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var cases = 0
        for cut in stride(from: 0, to: Self.sampleBytes.count, by: 1024) {
            let path = dir.appendingPathComponent("cut-\(cut).json").path
            try Data(Self.sampleBytes.prefix(cut)).write(to: URL(fileURLWithPath: path))
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            for command in ["validate", "kpis", "export"] {
                expectCleanRejection(try runCLI([command, path]), path: path, "\(command) cut at \(cut)")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before) // never touched
            cases += 1
        }
        #expect(cases == (Self.sampleBytes.count + 1023) / 1024)
    }

    @Test func specialFilesAndEndlessInputNeverHang() throws {
        let dir = Paths.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("fifo.json").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let empty = dir.appendingPathComponent("empty.json").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        for path in [fifo, empty, dir.path, "/dev/zero", "/dev/null", "/dev/urandom"] {
            for command in ["validate", "open", "present", "new-week"] {
                expectCleanRejection(try runCLI([command, path], timeout: 10), path: path, "\(command) \(path)")
            }
        }
    }

    @Test func encodingsAndLineEndings() throws {
        let dir = Paths.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Invalid UTF-8 inside a string is named with its line and column.
        var bad = Self.sampleBytes
        let at = bad.firstIndex(of: UInt8(ascii: "N"))! // inside "Northwind…"
        bad[at] = 0xFF
        let badPath = dir.appendingPathComponent("utf8.json").path
        try Data(bad).write(to: URL(fileURLWithPath: badPath))
        let r = try runCLI(["validate", badPath])
        expectCleanRejection(r, path: badPath, "invalid UTF-8")
        #expect(r.stderr.contains("invalid UTF-8 byte 0xFF"))
        // A byte-order mark and CRLF line endings are valid JSON: accepted, and read the same.
        let bom = dir.appendingPathComponent("bom.json").path
        try Data([0xEF, 0xBB, 0xBF] + Self.sampleBytes).write(to: URL(fileURLWithPath: bom))
        let crlf = dir.appendingPathComponent("crlf.json").path
        try Data(String(decoding: Self.sampleBytes, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: URL(fileURLWithPath: crlf))
        let reference = try MeetingStore(path: Paths.sample).load()
        #expect(try MeetingStore(path: bom).load() == reference)
        #expect(try MeetingStore(path: crlf).load() == reference)
        // UTF-16 is not accepted, with a clear message rather than garbage.
        let utf16 = dir.appendingPathComponent("utf16.json").path
        try String(decoding: Self.sampleBytes, as: UTF8.self).data(using: .utf16)!.write(to: URL(fileURLWithPath: utf16))
        expectCleanRejection(try runCLI(["validate", utf16]), path: utf16, "UTF-16")
    }

    /// Every field of every kind of object, given a value of the wrong type: the error names that field.
    @Test func wrongTypesForEveryField() throws {
        let root = try JSONParser.parse(Self.sampleBytes)
        var checked = 0
        for (path, replacement) in Mutations.wrongTypes(root) {
            let mutated = Mutations.replacing(root, at: path, with: replacement)
            let bytes = JSONWriter.canonicalBytes(mutated)
            do {
                _ = try MeetingStore.decode(bytes, path: "w.json")
                Issue.record("\(Mutations.describe(path)) = \(replacement.briefDescription) was accepted")
            } catch {
                let text = error.lines.joined(separator: "\n")
                #expect(text.contains(Mutations.describe(path)), "the error for \(Mutations.describe(path)) does not name it: \(text)")
            }
            checked += 1
        }
        #expect(checked > 60)
    }

    /// Every field removed in turn: either it is optional and the file loads, or the error names it.
    @Test func missingFields() throws {
        let root = try JSONParser.parse(Self.sampleBytes)
        var required = 0
        for path in Mutations.fieldPaths(root) {
            let bytes = JSONWriter.canonicalBytes(Mutations.removing(root, at: path))
            do {
                _ = try MeetingStore.decode(bytes, path: "w.json")
            } catch {
                let text = error.lines.joined(separator: "\n")
                #expect(text.contains(Mutations.describe(path)) || text.contains("currentMeetingId") || text.contains("id"),
                        "removing \(Mutations.describe(path)) gave: \(text)")
                required += 1
            }
        }
        #expect(required > 30)
    }

    static func workspaceJSON(weeks: [String] = [], notes: String = "", current: String = "m") -> String {
        """
        {"schemaVersion": 1, "team": {"name": "T", "salesReps": 1},
         "targets": {"costPerLead": 1, "leadToCustomerRatio": 0.1, "closeRate": 0.1, "salesCycleDays": 1},
         "weeks": [\(weeks.joined(separator: ","))], "frictionPoints": [],
         "meetings": [{"id": "m", "date": "2026-11-23", "kpiWeek": "2026-11-16", "chair": "C", "notes": "\(notes)", "agenda": []}],
         "currentMeetingId": "\(current)"}
        """
    }

    static func week(id: String = "wk-1", start: String = "2026-11-16", spend: String = "1", leads: String = "1") -> String {
        #"{"id": "\#(id)", "weekStart": "\#(start)", "marketingSpend": \#(spend), "leads": \#(leads), "mqls": 1, "sqls": 1, "opportunities": 1, "won": 1, "lost": 0, "newCustomers": 1}"#
    }

    @Test(arguments: [
        ("duplicate id", workspaceJSON(weeks: [week(), week(start: "2026-11-23")]), "is already used at weeks[0].id"),
        ("dangling current meeting", workspaceJSON(current: "nope"), "no meeting has the id \"nope\""),
        ("impossible date", workspaceJSON(weeks: [week(start: "2026-02-30")]), "is not a real date"),
        ("count too large", workspaceJSON(weeks: [week(leads: "10000000000000")]), "expected a whole number from 0 to 1000000000"),
        ("negative spend", workspaceJSON(weeks: [week(spend: "-1")]), "expected a number from 0 to"),
        ("huge exponent", workspaceJSON(weeks: [week(spend: "1e400")]), "out of range"),
        ("ten-megabyte string", workspaceJSON(notes: String(repeating: "x", count: 10 << 20)), "text is too long"),
    ])
    func valuesOutOfRange(name: String, json: String, message: String) throws {
        do {
            _ = try MeetingStore.decode(Array(json.utf8), path: "w.json")
            Issue.record("\(name) was accepted")
        } catch {
            #expect(error.lines.joined().contains(message), "\(name): \(error.lines)")
        }
    }

    @Test func tenThousandLevelsOfNestingFailFast() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let dir = Paths.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("deep.json").path
        try deep.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try runCLI(["validate", path])
        expectCleanRejection(r, path: path, "deep nesting")
        #expect(r.stderr.contains("nesting is deeper than 200 levels"))
    }
}

/// Walks and mutates parsed JSON trees for the corpus.
enum Mutations {
    enum Step: Hashable { case key(String), index(Int) }

    static func describe(_ path: [Step]) -> String {
        var out = ""
        for step in path {
            switch step {
            case .key(let k): out += out.isEmpty ? k : ".\(k)"
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }

    /// One path per distinct field (the first element of every array stands for the rest).
    static func fieldPaths(_ value: JSONValue, _ prefix: [Step] = []) -> [[Step]] {
        switch value {
        case .object(let members):
            return members.flatMap { [prefix + [.key($0.key)]] + fieldPaths($0.value, prefix + [.key($0.key)]) }
        case .array(let elements):
            return elements.first.map { fieldPaths($0, prefix + [.index(0)]) } ?? []
        default:
            return []
        }
    }

    static func wrongTypes(_ root: JSONValue) -> [([Step], JSONValue)] {
        fieldPaths(root).compactMap { path in
            switch value(root, at: path) {
            case .string?: return (path, .integer(7))
            case .integer?, .double?: return (path, .string("seven"))
            case .bool?: return (path, .string("yes"))
            case .array?: return (path, .object([]))
            case .object?: return (path, .array([]))
            case .null?: return (path, .object([]))
            case nil: return nil
            }
        }
    }

    static func value(_ root: JSONValue, at path: [Step]) -> JSONValue? {
        var current = root
        for step in path {
            switch (step, current) {
            case (.key(let k), .object(let members)): guard let m = members.first(where: { $0.key == k }) else { return nil }; current = m.value
            case (.index(let i), .array(let a)): guard a.indices.contains(i) else { return nil }; current = a[i]
            default: return nil
            }
        }
        return current
    }

    static func replacing(_ root: JSONValue, at path: [Step], with new: JSONValue?) -> JSONValue {
        guard let step = path.first else { return new ?? .null }
        let rest = Array(path.dropFirst())
        switch (step, root) {
        case (.key(let k), .object(var members)):
            guard let i = members.firstIndex(where: { $0.key == k }) else { return root }
            if rest.isEmpty, new == nil {
                members.remove(at: i)
            } else {
                members[i].value = replacing(members[i].value, at: rest, with: new)
            }
            return .object(members)
        case (.index(let i), .array(var a)):
            a[i] = replacing(a[i], at: rest, with: new)
            return .array(a)
        default:
            return root
        }
    }

    static func removing(_ root: JSONValue, at path: [Step]) -> JSONValue { replacing(root, at: path, with: nil) }
}
