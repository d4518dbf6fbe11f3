import Foundation
import SmarketingTestSupport
import Testing
@testable import SmarketingModel

/// A seeded mutation fuzzer over the loader: flipped, inserted, deleted and spliced bytes of the
/// sample. Every mutant must load (and then save and load back equal) or be refused with a clear
/// message; never crash or hang. Bounded in time: 5 s, 20 s in soak mode, or SMARKETING_FUZZ_SECONDS.
@Suite("Fuzzing the loader")
struct FuzzTests {
    static let interesting: [[UInt8]] = ["\"", "{", "}", "[", "]", ",", ":", "null", "-1", "1e999", "\\u0000", "\\ud800", "true", "\u{1B}[2J", "渡辺", "\u{202E}"].map { Array($0.utf8) }

    @Test func mutantsLoadOrAreRefusedClearly() throws {
        let seconds = Soak.seconds("SMARKETING_FUZZ_SECONDS", quick: 5, soak: 20)
        let seed = UInt64(ProcessInfo.processInfo.environment["SMARKETING_FUZZ_SEED"] ?? "") ?? 20261123
        let base = try Array(Data(contentsOf: URL(fileURLWithPath: Paths.sample)))
        var rng = SeededRandom(seed: seed)
        let deadline = Date().addingTimeInterval(seconds)
        var tried = 0, accepted = 0
        while Date() < deadline {
            var bytes = base
            for _ in 0..<(1 + rng.below(4)) {
                let at = rng.below(bytes.count)
                switch rng.below(5) {
                case 0: bytes[at] ^= UInt8(1 << rng.below(8))
                case 1: bytes.insert(contentsOf: Self.interesting[rng.below(Self.interesting.count)], at: at)
                case 2: bytes.removeSubrange(at..<min(bytes.count, at + 1 + rng.below(64)))
                case 3:
                    let from = rng.below(bytes.count), length = rng.below(256)
                    bytes.insert(contentsOf: bytes[from..<min(bytes.count, from + length)], at: at)
                default: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                }
                if bytes.isEmpty { bytes = [0x7B] }
            }
            tried += 1
            do {
                let ws = try MeetingStore.decode(bytes, path: "fuzz.json")
                accepted += 1
                let again = try MeetingStore.decode(MeetingStore.encode(ws), path: "fuzz.json")
                #expect(again == ws, "a mutant that loaded did not survive save and load (seed \(seed), case \(tried))")
            } catch {
                let lines = error.lines
                #expect(!lines.isEmpty && lines.allSatisfy { !$0.isEmpty && !$0.unicodeScalars.contains { $0.value < 0x20 } },
                        "unclear error for case \(tried) of seed \(seed): \(lines)")
            }
        }
        print("fuzz: \(tried) mutants in \(Int(seconds)) s, \(accepted) loaded, \(tried - accepted) refused with a message (seed \(seed))")
        #expect(tried > 100)
    }
}

/// libFuzzer, with AddressSanitizer, on the loader: the model's sources and
/// `Tests/Fuzz/LoaderFuzzer.swift` compiled with `-sanitize=fuzzer,address`, seeded with the
/// sample workspaces, bounded by SMARKETING_LIBFUZZER_SECONDS (default 30). Building the fuzzer
/// takes minutes, so it runs in soak mode only (or when SMARKETING_LIBFUZZER_SECONDS is set).
@Suite("libFuzzer")
struct LibFuzzerTests {
    static let swiftc: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") + ["/opt/swift/usr/bin"] {
            let candidate = "\(dir)/swiftc"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    @Test(.enabled(if: Soak.isOn || Soak.environment["SMARKETING_LIBFUZZER_SECONDS"] != nil, "soak mode only (SMARKETING_SOAK=1)"),
          .enabled(if: swiftc != nil, "no swiftc on PATH to build the fuzzer"))
    func libFuzzerOnTheLoader() throws {
        let dir = Paths.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sources = try FileManager.default.subpathsOfDirectory(atPath: Paths.repository.appendingPathComponent("Sources/SmarketingModel").path)
            .filter { $0.hasSuffix(".swift") }
            .map { Paths.repository.appendingPathComponent("Sources/SmarketingModel/\($0)").path }
        let fuzzer = dir.appendingPathComponent("loader-fuzzer").path
        let build = Process()
        build.executableURL = URL(fileURLWithPath: Self.swiftc!)
        build.arguments = ["-sanitize=fuzzer,address", "-parse-as-library", "-module-name", "SmarketingModel"] + sources
            + [Paths.repository.appendingPathComponent("Tests/Fuzz/LoaderFuzzer.swift").path, "-o", fuzzer]
        build.standardOutput = FileHandle.nullDevice
        let buildErrors = Pipe()
        build.standardError = buildErrors
        try build.run()
        let diagnostics = String(decoding: buildErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        build.waitUntilExit()
        try #require(build.terminationStatus == 0, "the fuzzer did not build: \(diagnostics)")

        let corpus = dir.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for sample in ["northwind.json", "edge-cases.json"] {
            try FileManager.default.copyItem(at: Paths.repository.appendingPathComponent("sample-data/\(sample)"), to: corpus.appendingPathComponent(sample))
        }
        let seconds = ProcessInfo.processInfo.environment["SMARKETING_LIBFUZZER_SECONDS"] ?? "30"
        let run = Process()
        run.executableURL = URL(fileURLWithPath: fuzzer)
        run.arguments = ["-max_total_time=\(seconds)", "-rss_limit_mb=2048", "-seed=1", "-artifact_prefix=\(dir.path)/", corpus.path]
        run.standardOutput = FileHandle.nullDevice
        let log = Pipe()
        run.standardError = log
        try run.run()
        let output = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        run.waitUntilExit()
        #expect(run.terminationStatus == 0, "libFuzzer found a crash:\n\(output.suffix(3000))")
        let done = output.split(separator: "\n").last { $0.hasPrefix("Done ") } ?? "no summary"
        print("libFuzzer (AddressSanitizer) on the loader: \(done)")
    }
}
