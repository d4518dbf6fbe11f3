import Foundation
import SmarketingModel
import Testing

/// `smarketing import` as a chair runs it: on a copy of the sample, with the sample exports.
@Suite("Command line: import")
struct ImportCLITests {
    static let imports = CLI.repository.appendingPathComponent("sample-data/imports").path
    static let fixtures = CLI.repository.appendingPathComponent("Tests/SmarketingModelTests/Fixtures/imports").path
    static let routine = ["--contacts", "\(imports)/hubspot-contacts.csv", "--deals", "\(imports)/hubspot-deals.csv",
                          "--spend", "\(imports)/google-ads.csv", "--spend", "\(imports)/linkedin-ads.csv", "--spend", "\(imports)/meta-ads.csv"]

    func workspace(_ scratch: Scratch) throws -> String {
        let path = scratch.file("team.json")
        try FileManager.default.copyItem(atPath: CLI.sample("northwind.json"), toPath: path)
        return path
    }

    @Test func aDryRunPrintsEveryChangeAndWritesNothing() throws {
        let scratch = Scratch()
        let path = try workspace(scratch)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let r = try CLI.run(["import", path] + Self.routine + ["--from", "2026-11-23", "--dry-run"])
        expectNoCrash(r)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Read hubspot-contacts.csv (572 rows), hubspot-deals.csv (93 rows), google-ads.csv (112 rows), linkedin-ads.csv (28 rows), meta-ads.csv (28 rows)."))
        #expect(r.stdout.contains("Week of 2026-11-23 (new):\n  marketing spend  – → 0.00\n  leads            – → 3\n"), "\(r.stdout)")
        #expect(r.stdout.hasSuffix("1 week to change.\nDry run: nothing was written.\n"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["team.json"])
    }

    @Test func anImportSavesProvenanceAndRunningItAgainChangesNoByte() throws {
        let scratch = Scratch()
        let path = try workspace(scratch)
        let range = ["--from", "2026-11-09", "--to", "2026-11-22"]
        let first = try CLI.run(["import", path] + Self.routine + range)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Week of 2026-11-16: numbers unchanged; now marked as imported"))
        #expect(first.stdout.hasSuffix("2 weeks to change.\nSaved \(path).\n"))
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        let ws = try MeetingStore(path: path).load()
        let week = try #require(ws.week(startingOn: CalendarDate(iso: "2026-11-16")!))
        #expect(week.imported?.sources.map(\.file) == ["hubspot-contacts.csv", "hubspot-deals.csv", "google-ads.csv", "linkedin-ads.csv", "meta-ads.csv"])
        #expect(week.imported?.sources.first?.sha256.count == 64)
        #expect(ws.week(startingOn: CalendarDate(iso: "2026-11-02")!)?.imported == nil, "a week outside --from/--to was written")

        let again = try CLI.run(["import", path] + Self.routine + range)
        #expect(again.status == 0)
        #expect(again.stdout.hasSuffix("Nothing to change, 2 already up to date.\n"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == written)
        // The minutes say where the numbers came from.
        let minutes = try CLI.run(["export", path])
        #expect(minutes.stdout.contains("_Numbers imported "))
        #expect(minutes.stdout.contains("from hubspot-contacts.csv (sha256 \(week.imported!.sources[0].sha256.prefix(12))…)"))
    }

    @Test func bad_inputExits1NamesFileRowColumnAndValueAndLeavesTheWorkspaceAlone() throws {
        let scratch = Scratch()
        let path = try workspace(scratch)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let r = try CLI.run(["import", path, "--contacts", "\(Self.fixtures)/bad-date.csv", "--deals", "\(Self.fixtures)/bad-missing-column.csv"])
        expectNoCrash(r)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("smarketing import: nothing was written; 3 problems in the input:\n"), "\(r.stderr)")
        #expect(r.stderr.contains("  bad-date.csv, row 4, column \"Became a Lead Date\": \"2026-13-45\": not a real date\n"))
        #expect(r.stderr.contains("  bad-missing-column.csv, row 1: no \"Create Date\" column"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["team.json"])
    }

    @Test func missingAndConflictingOptionsAreRefusedBeforeAnythingIsRead() throws {
        let scratch = Scratch()
        let path = try workspace(scratch)
        let none = try CLI.run(["import", path])
        #expect(none.status != 0)
        #expect(none.stderr.contains("nothing to import: give --contacts, --deals or --spend"))
        let order = try CLI.run(["import", path, "--spend", "\(Self.imports)/plain-spend.csv", "--from", "2026-11-30", "--to", "2026-11-01"])
        #expect(order.stderr.contains("--from 2026-11-30 is after --to 2026-11-01"))
        let badMap = scratch.file("map.toml")
        try "[deals]\ncreated = \n".write(toFile: badMap, atomically: true, encoding: .utf8)
        let map = try CLI.run(["import", path, "--deals", "\(Self.imports)/custom-crm-deals.csv", "--map", badMap])
        #expect(map.status == 1)
        #expect(map.stderr.contains("map.toml: not valid TOML"))
    }

    @Test func aHandEditAfterAnImportIsMarkedAndTheNextImportSaysItReplacesIt() throws {
        let scratch = Scratch()
        let path = try workspace(scratch)
        let range = ["--from", "2026-11-16", "--to", "2026-11-22"]
        #expect(try CLI.run(["import", path] + Self.routine + range).status == 0)
        var ws = try MeetingStore(path: path).load()
        var week = try #require(ws.week(startingOn: CalendarDate(iso: "2026-11-16")!))
        week.leads = 120
        try ws.saveWeek(week)
        #expect(ws.week(startingOn: week.weekStart)?.imported?.editedByHand == true)
        try MeetingStore(path: path).save(ws, overwritingExternalChanges: true)
        let again = try CLI.run(["import", path] + Self.routine + range)
        #expect(again.stdout.contains("Week of 2026-11-16 (its hand edits are replaced):\n  leads  120 → 119\n"), "\(again.stdout)")
        #expect(try MeetingStore(path: path).load().week(startingOn: week.weekStart)?.imported?.editedByHand == false)
    }

    /// The README's weekly routine, as written, on the sample exports.
    @Test func theREADMEsWeeklyRoutineRunsAsWritten() throws {
        let readme = try String(contentsOf: CLI.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let block = try #require(readme.components(separatedBy: "<!-- import-routine -->\n```sh\n").dropFirst().first?
            .components(separatedBy: "\n```").first, "README.md has no <!-- import-routine --> block")
        let lines = block.split(separator: "\n").map(String.init)
        #expect(lines.first == "cp sample-data/northwind.json /tmp/northwind.json")
        #expect(lines.last == "swift run smarketing /tmp/northwind.json")
        let importLine = try #require(lines.first { $0.hasPrefix("swift run smarketing import ") })
        let scratch = Scratch()
        let path = try workspace(scratch)
        let arguments = importLine.split(separator: " ").dropFirst(3).map { word -> String in
            if word == "/tmp/northwind.json" { return path }
            return word.hasPrefix("sample-data/") ? CLI.repository.appendingPathComponent(String(word)).path : String(word)
        }
        let r = try CLI.run(arguments)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Week of 2026-11-16: numbers unchanged; now marked as imported\n1 week to change.\nSaved "), "\(r.stdout)")
    }
}
