import Foundation
import Testing
@testable import SmarketingModel

/// A seeded mutation fuzzer over the loader: flipped, inserted, deleted and spliced bytes of the
/// sample. Every mutant must load (and then save and load back equal) or be refused with a clear
/// message; never crash or hang. Bounded in time: SMARKETING_FUZZ_SECONDS (default 20).
@Suite("Fuzzing the loader")
struct FuzzTests {
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    }

    static let interesting: [[UInt8]] = ["\"", "{", "}", "[", "]", ",", ":", "null", "-1", "1e999", "\\u0000", "\\ud800", "true", "\u{1B}[2J", "渡辺", "\u{202E}"].map { Array($0.utf8) }

    @Test func mutantsLoadOrAreRefusedClearly() throws {
        let seconds = Double(ProcessInfo.processInfo.environment["SMARKETING_FUZZ_SECONDS"] ?? "") ?? 20
        let seed = UInt64(ProcessInfo.processInfo.environment["SMARKETING_FUZZ_SEED"] ?? "") ?? 20261123
        let base = try Array(Data(contentsOf: URL(fileURLWithPath: Paths.sample)))
        var rng = Rng(state: seed)
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
