import Foundation
import Testing

/// CI runs a short smoke pass of the benchmark so it cannot rot. It checks that every figure is
/// reported; it asserts no timings (those live in BENCHMARKS.md).
@Suite("Benchmark smoke pass")
struct BenchmarkSmokeTests {
    @Test func theQuickPassReportsEveryFigure() throws {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let bench = URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("smarketing-bench").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bench)
        process.arguments = ["--smoke"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let report = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        for row in ["load + validate", "atomic save", "export current meeting", "export all meetings", "full frame 80x24",
                    "full frame 120x40", "full frame 200x60", "keystroke → frame: navigation", "keystroke → frame: add agenda item",
                    "keystroke → frame: undo", "paste 100 KB into a title → frame", "| paste 100 KB |", "| smarketing | sample |", "| smarketing | large |", "C ncurses floor", "follow: chair key → presenter screen"] {
            #expect(report.contains(row), "the benchmark report has no \(row) row:\n\(report)")
        }
        // The import of a year's exports ran to a clean exit, with its time and memory.
        let importRow = report.split(separator: "\n").first { $0.hasPrefix("| 1 |") }.map(String.init) ?? ""
        #expect(report.contains("### Import, real binary"))
        #expect(importRow.hasSuffix("| 0 |") && !importRow.contains("| 0.0 MiB"), "the import did not run cleanly: \(importRow)")
        // Every pseudo-terminal run reached its first frame and reported its memory.
        for line in report.split(separator: "\n") where line.hasPrefix("| smarketing |") || line.hasPrefix("| paste ") {
            #expect(!line.contains("| 0 ns |") && !line.contains("| 0.0 MiB"), "incomplete: \(line)")
        }
    }
}
