import Foundation
import Testing
@testable import SmarketingModel

/// Paths and scratch space shared by the model tests.
enum Fixture {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures")
    static let repository = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let sampleData = repository.appendingPathComponent("sample-data")

    static func sample(_ name: String) -> String { sampleData.appendingPathComponent(name).path }

    static func loadSample(_ name: String) throws -> Workspace {
        try MeetingStore(path: sample(name)).load()
    }

    /// Compares `actual` with the golden file, or rewrites the golden when
    /// `SMARKETING_UPDATE_GOLDENS=1` is set (the one way to regenerate them).
    static func assertGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SMARKETING_UPDATE_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if expected != actual {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            Issue.record("golden \(name) differs at line \(line + 1):\n expected: \(line < e.count ? String(e[line]) : "<end>")\n actual:   \(line < a.count ? String(a[line]) : "<end>")\nRegenerate with SMARKETING_UPDATE_GOLDENS=1 swift test if the change is intended.", sourceLocation: sourceLocation)
        }
    }
}

/// A fresh directory under the system temp folder, removed when the value is released.
final class ScratchDirectory {
    let path: String

    init() {
        var template = Array((FileManager.default.temporaryDirectory.path + "/smarketing-test-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        path = made.map { String(cString: $0) } ?? NSTemporaryDirectory()
    }

    func file(_ name: String) -> String { "\(path)/\(name)" }

    func write(_ text: String, to name: String) throws -> String {
        let p = file(name)
        try text.write(toFile: p, atomically: false, encoding: .utf8)
        return p
    }

    func writeBytes(_ bytes: [UInt8], to name: String) throws -> String {
        let p = file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: p))
        return p
    }

    var entries: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    deinit {
        chmod(path, 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }
}

extension String {
    func read() throws -> String { try String(contentsOfFile: self, encoding: .utf8) }
}

/// A small valid workspace to build test cases from.
func minimalWorkspaceJSON(weeks: String = "[]", meetingExtra: String = "", agenda: String = "[]") -> String {
    """
    {
      "schemaVersion": 1,
      "team": {"name": "T", "salesReps": 3},
      "targets": {"costPerLead": 50, "leadToCustomerRatio": 0.02, "closeRate": 0.25, "salesCycleDays": 45},
      "weeks": \(weeks),
      "frictionPoints": [],
      "meetings": [{"id": "m1", "date": "2026-11-23", "kpiWeek": "2026-11-16", "chair": "C", "agenda": \(agenda)\(meetingExtra)}],
      "currentMeetingId": "m1"
    }
    """
}

func week(_ start: String, spend: Double = 1000, leads: Int = 100, mqls: Int = 40, sqls: Int = 10, opps: Int = 5,
          won: Int = 2, lost: Int = 3, customers: Int = 2, cycle: [Double] = [30, 40]) -> WeekRecord {
    WeekRecord(id: "wk-\(start)", weekStart: CalendarDate(iso: start)!, marketingSpend: spend, leads: leads, mqls: mqls,
               sqls: sqls, opportunities: opps, won: won, lost: lost, newCustomers: customers, cycleDays: cycle)
}

func workspace(weeks: [WeekRecord], targets: KPITargets = KPITargets(costPerLead: 10, leadToCustomerRatio: 0.02, closeRate: 0.4, salesCycleDays: 35)) -> Workspace {
    let meeting = Meeting(id: "m1", date: CalendarDate(iso: "2026-11-23")!, kpiWeek: CalendarDate(iso: "2026-11-16")!, chair: "C")
    return Workspace(team: Team(name: "T", salesReps: 3), targets: targets, weeks: weeks, meetings: [meeting], currentMeetingID: "m1")
}
