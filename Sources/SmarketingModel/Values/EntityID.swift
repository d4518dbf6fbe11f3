/// A small, fast, seeded random-number generator (SplitMix64): ids, and every seeded test and
/// benchmark, draw from it so a seed always gives the same sequence.
public struct SeededRandom: RandomNumberGenerator, Equatable, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n (0 when n ≤ 0).
    public mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
}

/// Makes the stable ids that edits, undo and carry-over use to refer to an entity.
///
/// Ids look like `ag-7k2m9q4x`: a kind prefix and eight base-32 characters. The generator takes any
/// random-number generator, so tests and templates can be deterministic.
public struct IDGenerator: Equatable, Sendable {
    private var random: SeededRandom

    /// A generator seeded from the system's random source.
    public init() {
        var rng = SystemRandomNumberGenerator()
        random = SeededRandom(seed: rng.next())
    }

    /// A deterministic generator, for templates and tests.
    public init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    private static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")

    /// A fresh id with the given prefix, e.g. `next("ag")`.
    public mutating func next(_ prefix: String) -> String {
        var z = random.next()
        var suffix = ""
        for _ in 0..<8 {
            suffix.append(IDGenerator.alphabet[Int(z & 31)])
            z >>= 5
        }
        return "\(prefix)-\(suffix)"
    }

    /// A fresh id with the prefix that is not in `taken`.
    public mutating func next(_ prefix: String, avoiding taken: Set<String>) -> String {
        var id = next(prefix)
        while taken.contains(id) { id = next(prefix) }
        return id
    }
}
