import Foundation
@testable import SmarketingImport
@testable import SmarketingModel
import Testing

/// The import definitions pinned on hand-countable fixtures. `Fixtures/imports/expected.json`
/// was computed by an independent oracle (`oracle.py`, Python's csv module) and checked by hand
/// (see that folder's README).
@Suite("Import: the definitions on every supported export")
struct ImportTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/imports")
    static let sampleFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sample-data/imports")
    static var expected: [String: Any] {
        let data = (try? Data(contentsOf: folder.appendingPathComponent("expected.json"))) ?? Data()
        return (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }
    static var cases: [[String: Any]] { expected["cases"] as? [[String: Any]] ?? [] }
    static var caseNames: [String] { cases.compactMap { $0["name"] as? String } }

    static func request(_ c: [String: Any], in folder: URL) throws -> ImportRequest {
        var r = ImportRequest()
        func paths(_ key: String) -> [String] { (c[key] as? [String] ?? []).map { folder.appendingPathComponent($0).path } }
        r.contacts = paths("contacts")
        r.deals = paths("deals")
        r.spend = paths("spend")
        if let map = c["map"] as? String { r.mapping = try ImportMapping.load(folder.appendingPathComponent(map).path) }
        return r
    }

    /// Compares what the importer read with the oracle's weeks, field by field.
    static func check(_ reading: ImportReading, against c: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) {
        let weeks = c["weeks"] as? [String: [String: Any]] ?? [:]
        let fields = Set((c["fields"] as? [String] ?? []).compactMap(ImportField.init(rawValue:)))
        #expect(Set(reading.weeks.map(\.weekStart.iso)) == Set(weeks.keys), "the weeks written", sourceLocation: sourceLocation)
        for week in reading.weeks {
            guard let want = weeks[week.weekStart.iso] else { continue }
            #expect(Set(week.fields) == fields, "fields of \(week.weekStart.iso)", sourceLocation: sourceLocation)
            for field in fields {
                switch field {
                case .marketingSpend:
                    let got = week.spend ?? -1, wanted = (want["marketingSpend"] as? NSNumber)?.doubleValue ?? -2
                    #expect(abs(got - wanted) < 0.005, "\(week.weekStart.iso) spend: \(got) vs \(wanted)", sourceLocation: sourceLocation)
                case .cycleDays:
                    let wanted = (want["cycleDays"] as? [NSNumber] ?? []).map(\.doubleValue).sorted()
                    #expect((week.cycleDays ?? []).sorted() == wanted, "\(week.weekStart.iso) cycle days", sourceLocation: sourceLocation)
                default:
                    #expect(week.counts[field] == (want[field.rawValue] as? NSNumber)?.intValue,
                            "\(week.weekStart.iso) \(field.rawValue)", sourceLocation: sourceLocation)
                }
            }
        }
    }

    @Test(arguments: caseNames)
    func eachFormatCountsAsTheDefinitionsSay(name: String) throws {
        let c = try #require(Self.cases.first { $0["name"] as? String == name })
        let reading = try Importer.read(try Self.request(c, in: Self.folder), weekStartWeekday: 1)
        Self.check(reading, against: c)
    }

    @Test func theREADMERoutineOnTheSampleExportsGivesTheSampleWeeks() throws {
        let c = try #require((Self.expected["sampleData"] as? [String: Any])?["routine"] as? [String: Any])
        var request = try Self.request(c, in: Self.sampleFolder)
        let reading = try Importer.read(request, weekStartWeekday: 1)
        Self.check(reading, against: c)
        // Restricted to the four weeks of the sample, the numbers are the sample's own.
        request.from = CalendarDate(iso: "2026-10-26")
        request.to = CalendarDate(iso: "2026-11-22")
        let ranged = try Importer.read(request, weekStartWeekday: 1)
        #expect(ranged.weeks.map(\.weekStart.iso) == ["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"])
        let sample = try MeetingStore(path: Self.sampleFolder.deletingLastPathComponent().appendingPathComponent("northwind.json").path).load()
        let plan = ImportPlan(ranged, for: sample, now: Timestamp(iso: "2026-11-23T09:00:00Z")!)
        let differing = plan.changed.filter { !$0.provenanceOnly }
        #expect(differing.isEmpty, "the sample's numbers differ from its exports: \(differing)")
    }

    // MARK: bad input

    static func failure(_ file: String, as kind: String) throws -> ImportFailure? {
        var r = ImportRequest()
        let path = folder.appendingPathComponent(file).path
        switch kind {
        case "deals": r.deals = [path]
        case "spend": r.spend = [path]
        default: r.contacts = [path]
        }
        do {
            _ = try Importer.read(r, weekStartWeekday: 1)
            return nil
        } catch {
            return error
        }
    }

    @Test func aMissingColumnListsTheColumnsFoundAndTheNearestName() throws {
        let failure = try #require(try Self.failure("bad-missing-column.csv", as: "deals"))
        let line = try #require(failure.lines.first)
        #expect(line.hasPrefix("bad-missing-column.csv, row 1: no \"Create Date\" column"))
        #expect(line.contains("did you mean \"Create Dat\"?"), "\(line)")
        #expect(line.contains("Columns found: "))
    }

    @Test func anUnreadableDateIsReportedWithItsRowColumnAndValueAndEveryOneIsListed() throws {
        let failure = try #require(try Self.failure("bad-date.csv", as: "contacts"))
        #expect(failure.lines.first == "bad-date.csv, row 4, column \"Became a Lead Date\": \"2026-13-45\": not a real date")
        #expect(failure.lines.contains { $0.hasPrefix("bad-date.csv, row 6, column \"Became a Marketing Qualified Lead Date\": \"next Tuesday\": not a date") })
    }

    @Test func badRowsCanBeSkippedAndAreCounted() throws {
        var r = ImportRequest()
        r.contacts = [Self.folder.appendingPathComponent("bad-date.csv").path]
        r.skipBadRows = true
        let reading = try Importer.read(r, weekStartWeekday: 1)
        #expect(reading.skippedRows == 2)
        #expect(reading.skipped.first?.row == 4)
        #expect(!reading.weeks.isEmpty)
    }

    @Test func slashedDatesThatFitBothOrdersAreRefusedUnlessTheOrderIsGiven() throws {
        let failure = try #require(try Self.failure("bad-ambiguous-us-dates.csv", as: "deals"))
        #expect(failure.lines.first?.contains("could be month/day or day/month") == true)
        #expect(failure.lines.first?.contains("--date-order MDY") == true)
        var r = ImportRequest()
        r.deals = [Self.folder.appendingPathComponent("bad-ambiguous-us-dates.csv").path]
        r.dateOrder = .monthFirst
        #expect(try !Importer.read(r, weekStartWeekday: 1).weeks.isEmpty)
    }

    @Test(arguments: [("bad-binary.csv", "binary data"), ("bad-empty.csv", "the file is empty"), ("bad-header-only.csv", "no data rows")])
    func whatIsNotACSVIsRefused(file: String, says: String) throws {
        let failure = try #require(try Self.failure(file, as: "contacts"))
        #expect(failure.lines.first?.hasPrefix("\(file): ") == true)
        #expect(failure.lines.first?.contains(says) == true, "\(failure.lines)")
    }

    @Test func aFolderAndAFIFOAreRefusedWithoutHanging() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smk-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        var r = ImportRequest()
        r.contacts = [dir.path, fifo]
        do {
            _ = try Importer.read(r, weekStartWeekday: 1)
            Issue.record("a folder and a FIFO were read")
        } catch {
            #expect(error.lines.count == 2)
            #expect(error.lines[0].contains("a folder, not a CSV file"))
            #expect(error.lines[1].contains("a pipe (FIFO)"))
        }
    }

    /// A large export is read in runs on every core, split where records end: quoted line breaks
    /// and quotes never split a record, and row numbers stay those of the file.
    @Test func aLargeExportReadInParallelCountsEveryRowOnceAndNumbersRowsAsTheFileDoes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smk-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = "Create Date,Notes,Became a Marketing Qualified Lead Date\r\n"
        var leads: [String: Int] = [:], mqls = 0
        let start = CalendarDate(iso: "2026-01-05")!
        let rows = 60_000
        for i in 0..<rows {
            let day = start.adding(days: i % 140)
            let week = day.adding(days: -(day.weekday - 1)).iso
            leads[week, default: 0] += 1
            // Every third row has a quoted note with line breaks, commas and quotes in it.
            let note = i % 3 == 0 ? "\"line one,\r\nline \"\"two\"\"\nline, three\"" : "plain note \(i)"
            let mql = i % 5 == 0 ? day.iso : ""
            if !mql.isEmpty { mqls += 1 }
            text += "\(day.iso) 09:15,\(note),\(mql)\r\n"
        }
        let path = dir.appendingPathComponent("big.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(text.utf8.count > 2 << 20, "the file must be large enough to be read in runs")
        var r = ImportRequest()
        r.contacts = [path]
        let reading = try Importer.read(r, weekStartWeekday: 1)
        #expect(reading.rowCounts == [rows])
        #expect(Dictionary(uniqueKeysWithValues: reading.weeks.map { ($0.weekStart.iso, $0.counts[.leads] ?? 0) }) == leads)
        #expect(reading.weeks.reduce(0) { $0 + ($1.counts[.mqls] ?? 0) } == mqls)

        // A bad date deep in the file is reported at its row: the header is row 1, and a record
        // with quoted line breaks is still one row.
        let bad = text.replacingOccurrences(of: "2026-03-16 09:15,plain note 59990,", with: "2026-02-31 09:15,plain note 59990,")
        #expect(bad != text)
        try bad.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try Importer.read(r, weekStartWeekday: 1)
            Issue.record("a date that does not exist was read")
        } catch {
            #expect(error.lines.first == "big.csv, row 59992, column \"Create Date\": \"2026-02-31 09:15\": not a real date")
        }
    }

    @Test func aHeaderOfThousandsOfColumnsIsRefusedAtOnce() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smk-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("wide.csv").path
        try ((0..<200_000).map { "col\($0)" }.joined(separator: ",") + "\n" + String(repeating: "x,", count: 199_999) + "x\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        var r = ImportRequest()
        r.contacts = [path]
        do {
            _ = try Importer.read(r, weekStartWeekday: 1)
            Issue.record("a 200,000-column file was read")
        } catch {
            #expect(error.lines == ["wide.csv, row 1: the header has 200000 columns, over the 5000 an export can have; is this the right file?"])
        }
    }

    @Test func onlyTheFirst20ProblemsAreListedAndTheRestCounted() {
        let failure = ImportFailure(problems: (1...45).map { ImportProblem(file: "x.csv", row: $0 + 1, column: "Day", value: "?", message: "not a date") })
        #expect(failure.lines.count == 21)
        #expect(failure.lines.last == "… and 25 more problems.")
    }

    @Test func aValueWithControlCharactersIsShownInert() {
        let line = ImportProblem(file: "a\u{1B}]2;x\u{07}.csv", row: 3, column: "Cost\u{1B}[31m", value: "1\u{1B}[2J", message: "not an amount").line
        #expect(!line.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }
}

@Suite("Import: provenance in the file")
struct ImportProvenanceTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sample-data/northwind.json").path

    @Test func provenanceRoundTripsAndAHandEditMarksIt() throws {
        var ws = try MeetingStore(path: Self.sample).load()
        let start = try #require(ws.weeks.last?.weekStart)
        var week = try #require(ws.week(startingOn: start))
        week.imported = ImportProvenance(importedAt: Timestamp(iso: "2026-11-23T09:41:00Z")!,
                                         sources: [.init(file: "hubspot-contacts.csv", sha256: String(repeating: "ab", count: 32))])
        try ws.storeImportedWeeks([week])
        let bytes = MeetingStore.encode(ws)
        let back = try MeetingStore.decode(bytes, path: "x.json")
        #expect(back == ws)
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"imported\": {"))
        // The same numbers saved from the form: still imported, not edited.
        try ws.saveWeek(week)
        #expect(ws.week(startingOn: start)?.imported?.editedByHand == false)
        week.sqls += 1
        try ws.saveWeek(week)
        #expect(ws.week(startingOn: start)?.imported?.editedByHand == true)
        // A week never imported carries no provenance, and its JSON has no "imported" key.
        let plain = try MeetingStore(path: Self.sample).load()
        #expect(!String(decoding: MeetingStore.encode(plain), as: UTF8.self).contains("imported"))
    }

    @Test func theSLACountsAreKeptButNeverAboveTheImportedSQLs() throws {
        var ws = try MeetingStore(path: Self.sample).load()
        let start = try #require(ws.weeks.last?.weekStart)
        let week = try #require(ws.week(startingOn: start))
        #expect((week.sqlsFirstAttemptInSLA ?? 0) > 2)
        var imported = ImportedWeek(weekStart: start)
        imported.counts[.sqls] = 2
        let reading = ImportReading(weeks: [imported], skippedRows: 0, skipped: [], files: [], rowCounts: [])
        let plan = ImportPlan(reading, for: ws, now: Timestamp(iso: "2026-11-23T09:00:00Z")!)
        let record = try #require(plan.records.first)
        #expect(record.sqls == 2 && record.sqlsFirstAttemptInSLA == 2 && record.sqlsFullyAttempted == min(2, week.sqlsFullyAttempted ?? 0))
        #expect(plan.changed.first?.notes.first?.hasPrefix("SQLs with a first attempt in the SLA: \(week.sqlsFirstAttemptInSLA!) → 2") == true)
        try ws.storeImportedWeeks(plan.records) // the loader's rules hold
    }

    @Test func aBrokenProvenanceIsNamedByItsPath() throws {
        var text = try String(contentsOfFile: Self.sample, encoding: .utf8)
        let anchor = "\"weekStart\": \"2026-11-16\","
        #expect(text.contains(anchor))
        text = text.replacingOccurrences(of: anchor, with: anchor + " \"imported\": {\"at\": \"2026-11-23T09:41:00Z\", \"sources\": [{\"file\": \"a.csv\", \"sha256\": \"xyz\"}]},")
        #expect(throws: WorkspaceError.self) { try MeetingStore.decode(Array(text.utf8), path: "x.json") }
        do {
            _ = try MeetingStore.decode(Array(text.utf8), path: "x.json")
        } catch {
            #expect(error.lines.contains { $0.contains("imported.sources[0].sha256") && $0.contains("64 lowercase hex digits") }, "\(error.lines)")
        }
    }
}

@Suite("Import: cells")
struct ImportCellTests {
    @Test(arguments: [
        ("2026-11-16", "2026-11-16"), ("2026-11-16 09:15", "2026-11-16"), ("2026-11-16T09:15:00Z", "2026-11-16"),
        ("2026-11-16T23:30:00-05:00", "2026-11-16"), ("2026-11-22T23:59:59.517Z", "2026-11-22"), ("16.11.2026", "2026-11-16"),
        ("16.11.2026 09:15", "2026-11-16"), ("2026/11/16", "2026-11-16"), (" 2026-11-16 ", "2026-11-16"),
    ])
    func datesAreReadAsWrittenNeverConverted(text: String, iso: String) throws {
        #expect(try DateCell.parse(text)?.resolved(.monthFirst)?.iso == iso)
    }

    @Test func slashedDatesWaitForTheFileToSayWhichOrder() throws {
        let cells = try ["11/16/2026", "3/4/2026", "11/22/2026 11:59 PM"].compactMap { try DateCell.parse($0) }
        #expect(DateOrder.implied(by: cells).order == .monthFirst)
        #expect(cells[1].resolved(.monthFirst)?.iso == "2026-03-04")
        #expect(cells[1].resolved(.dayFirst)?.iso == "2026-04-03")
        #expect(DateOrder.implied(by: try ["16/11/2026"].compactMap { try DateCell.parse($0) }).order == .dayFirst)
        #expect(DateOrder.implied(by: try ["11/16/2026", "16/11/2026"].compactMap { try DateCell.parse($0) }).conflicting)
        #expect(DateOrder.implied(by: try ["3/4/2026"].compactMap { try DateCell.parse($0) }).order == nil)
    }

    @Test(arguments: ["2026-13-45", "next Tuesday", "2026-02-30", "16.11.26", "2026-11-16 lunch", "45/45/2026"])
    func whatIsNotADateSaysSo(text: String) {
        #expect(throws: CellError.self) { try DateCell.parse(text) }
    }

    @Test func aBlankDateIsNoDate() throws {
        #expect(try DateCell.parse("") == nil)
        #expect(try DateCell.parse("   ") == nil)
    }

    @Test(arguments: [
        ("1,234.56", false, 1234.56), ("1.234,56", true, 1234.56), ("$1,200.00", false, 1200), ("USD 450", false, 450),
        ("1 234,56 €", true, 1234.56), ("€ 1.234,56", true, 1234.56), ("(120.00)", false, -120), ("12.5", true, 12.5),
        ("1.234", true, 1234), ("1,234", false, 1234), ("0,75", false, 0.75), ("1'234.50", false, 1234.5), ("88", false, 88),
        ("2.000 €", true, 2000), ("EUR 1.234.567,89", true, 1_234_567.89),
    ])
    func amountsAreReadAsSpreadsheetsWriteThem(text: String, decimalComma: Bool, value: Double) throws {
        #expect(try AmountCell.parse(text, decimalComma: decimalComma) == value)
    }

    @Test(arguments: ["12 apples and 3", "1/2", "#N/A"])
    func whatIsNotAnAmountSaysSo(text: String) {
        #expect(throws: CellError.self) { try AmountCell.parse(text, decimalComma: false) }
    }

    @Test func sha256MatchesTheStandardsVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
