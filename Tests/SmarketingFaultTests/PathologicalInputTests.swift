import Foundation
import SmarketingTestSupport
import Testing
@testable import SmarketingModel

/// Files built to be slow or huge: millions of array elements, millions of schema errors, and a
/// valid workspace near the 64 MiB cap. Each must be accepted or refused with a clear message and
/// exit 1, never by hanging or exhausting memory. Timings are not asserted here (they live in
/// BENCHMARKS.md); the full-size files run under SMARKETING_SOAK=1, scaled-down ones by default.
enum PathologicalFiles {
    static let sample = try! String(decoding: Data(contentsOf: URL(fileURLWithPath: Paths.sample)), as: UTF8.self)

    /// The sample workspace with `count` elements of `element` (each followed by a comma) put at
    /// the start of the array `key`.
    static func sample(prepending element: String, count: Int, to key: String) -> Data {
        let marker = "\"\(key)\": ["
        let range = sample.range(of: marker)!
        var out = Data()
        out.reserveCapacity(sample.utf8.count + count * (element.utf8.count + 1))
        out.append(contentsOf: Array(sample[..<range.upperBound].utf8))
        let unit = Array((element + ",").utf8)
        var chunk: [UInt8] = []
        chunk.reserveCapacity(unit.count * 4096)
        for _ in 0..<4096 { chunk.append(contentsOf: unit) }
        var left = count
        while left > 0 {
            let n = min(left, 4096)
            out.append(contentsOf: chunk[0..<(n * unit.count)])
            left -= n
        }
        out.append(contentsOf: Array(sample[range.upperBound...].utf8))
        return out
    }

    /// `weeks` holding `count` zeros before its records: 31 M zeros make the 59 MiB file of issue 10.
    static func zeroWeeks(count: Int) -> Data { sample(prepending: "0", count: count, to: "weeks") }

    /// `weeks` holding `count` records with two wrong fields and eight missing ones: ten schema
    /// errors in 20 bytes, so 500 k records make about 10 MB with about 5 M errors.
    static func brokenWeeks(count: Int) -> Data { sample(prepending: "{\"id\":0,\"leads\":\"x\"}", count: count, to: "weeks") }

    /// A valid workspace of about `megabytes` MiB: friction points whose mitigation is a long note
    /// just under the text limit.
    static func longNotes(megabytes: Int) -> Data {
        let line = "Call every webinar lead within a day; Müller & Søn asked twice — budget is confirmed. "
        let note = String(repeating: line, count: (ModelLimits.longText - 1_000) / line.utf8.count)
        let count = megabytes * (1 << 20) / note.utf8.count
        var points: [String] = []
        for i in 0..<count {
            points.append("{\"id\":\"fp-bulk-\(i)\",\"mitigation\":\"\(note)\",\"opened\":\"2026-10-05\",\"owner\":\"Tom Becker\","
                + "\"raisedBy\":\"sales\",\"resolved\":null,\"severity\":1,\"stage\":\"sql\",\"status\":\"open\",\"title\":\"Bulk point \(i)\"}")
        }
        let marker = "\"frictionPoints\": ["
        let range = sample.range(of: marker)!
        return Data((String(sample[..<range.upperBound]) + points.joined(separator: ",") + "," + String(sample[range.upperBound...])).utf8)
    }
}

@Suite("Pathological input: refused fast, with a bounded message")
struct PathologicalInputTests {
    /// With SMARKETING_PATHO_DIR set, writes the three full-size files there and keeps them, for
    /// timing the release binary by hand (see BENCHMARKS.md).
    @Test func writeFullSizeFilesForBenchmarks() throws {
        guard let dir = Soak.environment["SMARKETING_PATHO_DIR"], !dir.isEmpty else { return }
        try PathologicalFiles.zeroWeeks(count: 31_000_000).write(to: URL(fileURLWithPath: dir + "/zero-weeks.json"))
        try PathologicalFiles.brokenWeeks(count: 500_000).write(to: URL(fileURLWithPath: dir + "/broken-weeks.json"))
        try PathologicalFiles.longNotes(megabytes: 60).write(to: URL(fileURLWithPath: dir + "/long-notes.json"))
    }

    @Test func millionsOfZerosInWeeksAreRefusedAtTheBound() throws {
        let dir = Paths.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // 31 M zeros (59 MiB) under soak; 2.6 M (5 MiB) by default.
        let count = Soak.isOn ? 31_000_000 : 2_600_000
        let path = dir.appendingPathComponent("zeros.json").path
        try PathologicalFiles.zeroWeeks(count: count).write(to: URL(fileURLWithPath: path))
        for command in ["validate", "kpis"] {
            let r = try runCLI([command, path], timeout: 60)
            expectCleanRejection(r, path: path, "\(command) zeros")
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(command): \(lines.count) lines")
            #expect(r.stderr.contains("more than \(ModelLimits.maximumArrayLength) elements"), "\(r.stderr.prefix(300))")
            #expect(r.stderr.contains("weeks[\(ModelLimits.maximumArrayLength)]"), "\(r.stderr.prefix(300))")
        }
    }

    @Test func millionsOfSchemaErrorsAreRefusedWithABoundedMessage() throws {
        let dir = Paths.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // 500 k broken records (10 MB, 5 M errors) under soak; 250 k (5 MB) by default.
        let count = Soak.isOn ? 500_000 : 250_000
        let path = dir.appendingPathComponent("broken.json").path
        try PathologicalFiles.brokenWeeks(count: count).write(to: URL(fileURLWithPath: path))
        let r = try runCLI(["validate", path], timeout: 60)
        expectCleanRejection(r, path: path, "broken weeks")
        #expect(r.stderr.split(separator: "\n").count <= ModelLimits.reportedProblems + 1)
    }

    /// Under the array bound, every record is read and every error counted, but only the first
    /// ones are listed, followed by how many more there are.
    @Test func schemaErrorsAreCappedWithACount() throws {
        let dir = Paths.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("broken.json").path
        try PathologicalFiles.brokenWeeks(count: 2_000).write(to: URL(fileURLWithPath: path))
        let r = try runCLI(["validate", path])
        expectCleanRejection(r, path: path, "2,000 broken weeks")
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == ModelLimits.reportedProblems + 1, "\(lines.count) lines")
        #expect(lines.first?.contains("weeks[0].id: expected text, found 0") == true, "\(lines.first ?? "")")
        // 2,000 records × 10 errors, 50 of them listed.
        #expect(lines.last?.contains("and 19950 more problems") == true, "\(lines.last ?? "")")
    }

    /// A valid workspace near the cap is read whole.
    @Test func aHugeValidWorkspaceIsAccepted() throws {
        let dir = Paths.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let megabytes = Soak.isOn ? 60 : 5
        let path = dir.appendingPathComponent("notes.json").path
        try PathologicalFiles.longNotes(megabytes: megabytes).write(to: URL(fileURLWithPath: path))
        let r = try runCLI(["validate", path], timeout: 60)
        #expect(!r.timedOut)
        #expect(r.status == 0, "\(r.stderr.prefix(500))")
    }

    /// The parser counts elements without building them past the bound, in objects too.
    @Test func theParserRefusesAnArrayOrObjectPastTheBound() throws {
        let n = ModelLimits.maximumArrayLength
        let array = "{\"a\": [\n" + String(repeating: "1,", count: n) + "1]}"
        #expect {
            try JSONParser.parse(Array(array.utf8))
        } throws: { error in
            guard let e = error as? JSONSyntaxError else { return false }
            return e.line == 2 && e.message.contains("a[\(n)]") && e.message.contains("more than \(n) elements")
        }
        let members = (0...n).map { "\"k\($0)\":0" }.joined(separator: ",")
        #expect {
            try JSONParser.parse(Array("{\"o\":{\(members)}}".utf8))
        } throws: { error in
            (error as? JSONSyntaxError)?.message.contains("more than \(n) members") == true
        }
        // Exactly at the bound is fine.
        let atBound = "[" + String(repeating: "1,", count: n - 1) + "1]"
        #expect(throws: Never.self) { try JSONParser.parse(Array(atBound.utf8)) }
    }
}
