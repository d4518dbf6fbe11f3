import Foundation

/// A small timing harness: runs an operation many times and reports the median and p99.
struct Measurement {
    var name: String
    var samples: [Double] // nanoseconds

    var median: Double { percentile(0.5) }
    var p95: Double { percentile(0.95) }
    var p99: Double { percentile(0.99) }

    func percentile(_ p: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded(.up)))]
    }
}

enum Harness {
    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// Runs `body` `iterations` times (after a warm-up) and returns the samples.
    static func measure(_ name: String, iterations: Int, warmup: Int = 3, _ body: () throws -> Void) rethrows -> Measurement {
        for _ in 0..<warmup { try body() }
        var samples: [Double] = []
        samples.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let t0 = now()
            try body()
            samples.append(Double(now() - t0))
        }
        return Measurement(name: name, samples: samples)
    }

    /// `1.23 ms`, `456 µs`.
    static func format(_ ns: Double) -> String {
        if ns >= 1_000_000 { return String(format: "%.2f ms", ns / 1_000_000) }
        if ns >= 1_000 { return String(format: "%.1f µs", ns / 1_000) }
        return String(format: "%.0f ns", ns)
    }
}
