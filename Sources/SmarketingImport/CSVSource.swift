import CSV
import Foundation
import SmarketingModel
#if canImport(Glibc)
import Glibc
#endif

/// One export file, read safely: refused without hanging when it is not a CSV (a directory, a
/// FIFO, a device, binary or empty), decoded as UTF-8 (a byte-order mark is dropped), its
/// delimiter found from the header line, and its records handed out one at a time (RFC 4180
/// quoting, CRLF and quoted line breaks, by CSV.swift) so a large export never sits in memory as
/// a table.
public struct CSVSource: Sendable {
    /// The path as given, and its last component for messages and provenance.
    public let path: String
    public let name: String
    /// SHA-256 of the file's bytes.
    public let sha256: String
    /// `,`, `;` or a tab.
    public let delimiter: Character
    /// The header's cells as written (trimmed).
    public let header: [String]
    /// The UTF-8 bytes after the byte-order mark, for finding record boundaries.
    private let body: [UInt8]

    /// The largest export read: far beyond any weekly export, small enough to never exhaust memory.
    public static let maximumSize = 256 << 20
    /// A CRM export with every property has a few hundred columns.
    public static let maximumColumns = 5_000

    public init(path: String) throws(ImportProblem) {
        self.path = path
        name = URL(fileURLWithPath: path).lastPathComponent
        let bytes = try Self.readBytes(path)
        sha256 = SHA256.hex(bytes)
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw ImportProblem(file: name, message: "the file is empty; export it again with its header row")
        }
        if body.prefix(65_536).contains(0) {
            throw ImportProblem(file: name, message: "this is not a CSV file: it holds binary data (export the report as CSV)")
        }
        guard let decoded = String(validating: body, as: UTF8.self) else {
            let offset = Self.firstInvalidUTF8(body)
            let line = body.prefix(offset).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw ImportProblem(file: name, row: line, message: "the file is not UTF-8 text (line \(line)); export it as \"CSV UTF-8\"")
        }
        self.body = Array(body)
        delimiter = Self.delimiter(ofHeaderIn: decoded)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: decoded, hasHeaderRow: true, delimiter: delimiter.unicodeScalars.first!)
        } catch {
            throw ImportProblem(file: name, message: "the header row cannot be read: \(error)")
        }
        header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        if header.allSatisfy(\.isEmpty) {
            throw ImportProblem(file: name, row: 1, message: "the first row is blank; it must name the columns")
        }
        if header.count > Self.maximumColumns {
            throw ImportProblem(file: name, row: 1, message: "the header has \(header.count) columns, over the \(Self.maximumColumns) an export can have; is this the right file?")
        }
    }

    /// Reads the data records in runs, one per core for a large file, each run with its own
    /// reader over its own stretch of the text, split where a record ends (a line break outside
    /// quotes). `body` gets each record with its row number (the header is row 1) and the run's
    /// result; the results come back in file order. Blank records are skipped; a report's footer
    /// ends the rows; short records read as blank cells.
    public func forEachRecordInParallel<R: Sendable>(_ initial: R, _ body: @escaping @Sendable (inout R, Int, [String]) -> Void) throws(ImportProblem) -> [R] {
        let boundaries = Self.recordStarts(self.body, delimiter: UInt8(truncatingIfNeeded: delimiter.unicodeScalars.first!.value))
        guard let first = boundaries.first else {
            throw ImportProblem(file: name, message: "no data rows, only the header; export a date range that holds some")
        }
        // Runs of about 1 MiB at least, as many as there are cores.
        let cores = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        let count = max(1, min(cores, (self.body.count - first.offset) / (1 << 20)))
        var cuts: [(offset: Int, row: Int)] = [first]
        if count > 1 {
            let share = (self.body.count - first.offset) / count
            var k = 0
            for part in 1..<count {
                let target = first.offset + part * share
                while k < boundaries.count && boundaries[k].offset < target { k += 1 }
                if k < boundaries.count, boundaries[k].offset > cuts.last!.offset { cuts.append(boundaries[k]) }
            }
        }
        let runs = cuts.enumerated().map { i, cut in (cut, i + 1 < cuts.count ? cuts[i + 1].offset : self.body.count) }
        let results = RunResults<R>(count: runs.count, initial: initial)
        let bytes = self.body, separator = delimiter.unicodeScalars.first!, name = name
        DispatchQueue.concurrentPerform(iterations: runs.count) { i in
            let ((offset, row), end) = runs[i]
            var result = initial
            var rows = 0, footer = false, failure: ImportProblem?
            let slice = String(decoding: bytes[offset..<end], as: UTF8.self)
            do {
                let reader = try CSVReader(string: slice, hasHeaderRow: false, delimiter: separator)
                var number = row - 1
                while let cells = reader.next() {
                    number += 1
                    if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
                    // Salesforce ends a report with a footer: "Total", a copyright, "Generated By".
                    if Self.isReportFooter(cells) {
                        footer = true
                        break
                    }
                    rows += 1
                    body(&result, number, cells)
                }
                if let error = reader.error {
                    failure = ImportProblem(file: name, row: number, message: "the file cannot be read past this row: \(error)")
                }
            } catch {
                failure = ImportProblem(file: name, row: row, message: "the file cannot be read as CSV: \(error)")
            }
            results.set(i, result, rows: rows, footer: footer, failure: failure)
        }
        var out: [R] = []
        var rows = 0
        for i in 0..<runs.count {
            let run = results.get(i)
            if let failure = run.failure { throw failure }
            out.append(run.result)
            rows += run.rows
            if run.footer { break }
        }
        if rows == 0 {
            throw ImportProblem(file: name, message: "no data rows, only the header; export a date range that holds some")
        }
        return out
    }

    /// Where each data record starts (its byte offset and row number), by a scan that follows
    /// RFC 4180 quoting as the reader does: a quote opens a quoted field only at a field's start.
    static func recordStarts(_ bytes: [UInt8], delimiter: UInt8) -> [(offset: Int, row: Int)] {
        enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
        var state = State.fieldStart
        var starts: [(offset: Int, row: Int)] = []
        var row = 1
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n")
        for (i, b) in bytes.enumerated() {
            switch state {
            case .fieldStart:
                state = b == quote ? .quoted : (b == delimiter || b == newline) ? .fieldStart : .unquoted
            case .unquoted:
                if b == delimiter || b == newline { state = .fieldStart }
            case .quoted:
                if b == quote { state = .quoteInQuoted }
            case .quoteInQuoted:
                state = b == quote ? .quoted : (b == delimiter || b == newline) ? .fieldStart : .unquoted
            }
            if b == newline && state == .fieldStart {
                row += 1
                // Every record start but the header's; a file's last line break starts nothing.
                if i + 1 < bytes.count { starts.append((i + 1, row)) }
            }
        }
        return starts
    }

    /// A row with only its first cell filled, reading like a report's footer.
    static func isReportFooter(_ cells: [String]) -> Bool {
        guard let first = cells.first?.trimmingCharacters(in: .whitespaces).lowercased(), !first.isEmpty,
              cells.dropFirst().allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return false }
        return ["total", "grand total", "copyright", "confidential information", "generated by", "\"total\""].contains { first.hasPrefix($0) }
    }

    /// `;` or a tab when the header has more of them than commas, outside quotes.
    static func delimiter(ofHeaderIn text: String) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for c in text.unicodeScalars {
            if c == "\"" { quoted.toggle() }
            if !quoted && (c == "\n" || c == "\r") { break }
            if !quoted, let n = counts[Character(c)] { counts[Character(c)] = n + 1 }
        }
        let best = [";", "\t"].max { counts[$0]! < counts[$1]! }!
        return counts[best]! > counts[","]! ? best : ","
    }

    /// Where the first byte that is not UTF-8 is (for the line number in the message).
    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            guard length > 0, i + length <= bytes.endIndex,
                  bytes[(i + 1)..<(i + length)].allSatisfy({ $0 >> 6 == 0b10 }) else { return i - bytes.startIndex }
            i += length
        }
        return bytes.count
    }

    /// The file's bytes; what is not a regular file is refused without being opened for long.
    private static func readBytes(_ path: String) throws(ImportProblem) -> [UInt8] {
        let name = URL(fileURLWithPath: path).lastPathComponent
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            throw ImportProblem(file: name, message: code == ENOENT ? "no such file (\(TextSanitizer.visible(path)))" : "cannot read it: \(String(cString: strerror(code)))")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw ImportProblem(file: name, message: "this is a folder, not a CSV file")
        case S_IFIFO: throw ImportProblem(file: name, message: "this is a pipe (FIFO), not a CSV file; save the export to a file first")
        default: throw ImportProblem(file: name, message: "this is a device or socket, not a CSV file")
        }
        if Int(info.st_size) > maximumSize {
            throw ImportProblem(file: name, message: "the file is \(Int(info.st_size) >> 20) MiB, over the \(maximumSize >> 20) MiB an import reads; export a shorter date range")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw ImportProblem(file: name, message: "cannot read it: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var opened = stat()
        guard fstat(fd, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG else {
            throw ImportProblem(file: name, message: "this is not a regular file")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(opened.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ImportProblem(file: name, message: "cannot read it: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            bytes += chunk[0..<n]
            if bytes.count > maximumSize {
                throw ImportProblem(file: name, message: "the file grew past the \(maximumSize >> 20) MiB an import reads")
            }
        }
        return bytes
    }
}

/// Per-run results, written by the threads of `forEachRecordInParallel`.
private final class RunResults<R: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [(result: R, rows: Int, footer: Bool, failure: ImportProblem?)]

    init(count: Int, initial: R) { runs = Array(repeating: (initial, 0, false, nil), count: count) }

    func set(_ i: Int, _ result: R, rows: Int, footer: Bool, failure: ImportProblem?) {
        lock.withLock { runs[i] = (result, rows, footer, failure) }
    }

    func get(_ i: Int) -> (result: R, rows: Int, footer: Bool, failure: ImportProblem?) { lock.withLock { runs[i] } }
}
