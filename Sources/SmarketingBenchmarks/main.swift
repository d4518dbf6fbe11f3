// smarketing-bench: the benchmark suite behind BENCHMARKS.md.
//
//   swift run -c release smarketing-bench            full run: sample, large and huge workspaces
//   swift run -c release smarketing-bench --quick    fewer iterations, no huge workspace
//   smarketing-bench --smoke                         the smallest pass, run by the tests in CI
//
// It prints a Markdown report on stdout.
import Foundation
import SmarketingModel
import SmarketingUI

let arguments = CommandLine.arguments
// `--measure OUT ARGV…`: run ARGV, write "seconds peak-KiB exit" to OUT. The bench measures a
// program through this fresh process because a child spawned by a process as large as the bench
// inherits its peak RSS in rusage (Linux records the old memory's high-water mark at exec).
if arguments.count > 3, arguments[1] == "--measure" {
    let r = runMeasured(Array(arguments.dropFirst(3)))
    try? "\(r.seconds) \(r.peakRSSKiB) \(r.status)".write(toFile: arguments[2], atomically: true, encoding: .utf8)
    exit(0)
}
let smoke = arguments.contains("--smoke")
let quick = smoke || arguments.contains("--quick")
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let binDir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
let work = FileManager.default.temporaryDirectory.appendingPathComponent("smarketing-bench-\(getpid())")
try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
// SMARKETING_BENCH_KEEP=1 keeps the generated workspaces and exports, to look at or rerun.
defer { if ProcessInfo.processInfo.environment["SMARKETING_BENCH_KEEP"] != "1" { try? FileManager.default.removeItem(at: work) } }

func shell(_ command: String) -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", command]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try? p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

// MARK: workspaces

struct Subject {
    var name: String
    var path: String
    var bytes: Int
}

var subjects = [Subject(name: "sample", path: repository.appendingPathComponent("sample-data/northwind.json").path, bytes: 0)]
var generator = WorkspaceGenerator(seed: 2026)
for (name, shape) in quick ? [("large", WorkspaceGenerator.Shape.large)] : [("large", .large), ("huge", .huge)] {
    let path = work.appendingPathComponent("\(name).json").path
    try MeetingStore.create(generator.make(shape), at: path)
    subjects.append(Subject(name: name, path: path, bytes: 0))
}
for i in subjects.indices {
    subjects[i].bytes = (try? FileManager.default.attributesOfItem(atPath: subjects[i].path)[.size] as? Int) ?? 0
}

var rows: [(String, String, Measurement)] = [] // (subject, operation, measurement)
@MainActor func record(_ subject: String, _ m: Measurement) {
    rows.append((subject, m.name, m))
    FileHandle.standardError.write(Data("  \(subject) · \(m.name): median \(Harness.format(m.median)), p99 \(Harness.format(m.p99))\n".utf8))
}

// MARK: in-process figures

for subject in subjects {
    FileHandle.standardError.write(Data("\(subject.name) (\(subject.bytes) bytes)\n".utf8))
    let scale = subject.name == "huge" ? 0.1 : (subject.name == "large" ? 0.3 : 1.0)
    func n(_ base: Int) -> Int { smoke ? 3 : max(3, Int(Double(quick ? base / 10 : base) * scale)) }

    record(subject.name, try Harness.measure("load + validate", iterations: n(100)) { _ = try MeetingStore(path: subject.path).load() })
    let workspace = try MeetingStore(path: subject.path).load()

    let copy = work.appendingPathComponent("save-\(subject.name).json").path
    try? FileManager.default.removeItem(atPath: copy)
    try MeetingStore.create(workspace, at: copy)
    let store = MeetingStore(path: copy)
    var saved = try store.load()
    var flip = false
    record(subject.name, try Harness.measure("atomic save (fsync, .bak)", iterations: n(60)) {
        flip.toggle()
        saved.team.name = flip ? "Renamed" : "Northwind Analytics: Revenue Team"
        try store.save(saved)
    })

    let exporter = MinutesExporter(workspace: workspace)
    record(subject.name, Harness.measure("export current meeting", iterations: n(200)) { _ = exporter.markdown(for: workspace.currentMeeting!) })
    record(subject.name, Harness.measure("export all meetings", iterations: n(30)) { _ = exporter.markdownForAllMeetings() })

    for size in [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)] {
        let state = AppState(workspace: workspace, fileLabel: "w.json", size: size, now: Timestamp(iso: "2026-11-23T09:41:00Z")!)
        record(subject.name, Harness.measure("full frame \(size)", iterations: n(500)) { _ = Renderer.render(state) })
    }

    let big = Size(width: 200, height: 60)
    var state = AppState(workspace: workspace, fileLabel: "w.json", size: big, now: Timestamp(iso: "2026-11-23T09:41:00Z")!, ids: IDGenerator(seed: 1))
    var down = true
    record(subject.name, Harness.measure("keystroke → frame: navigation, 200x60", iterations: n(2000)) {
        _ = Reducer.reduce(&state, .key(down ? .down : .up))
        down.toggle()
        _ = Renderer.render(state)
    })
    // An edit: the Enter that adds an agenda item, with its save scheduled on the background saver.
    let saver = CoalescingSaver(store: store) { _, _ in }
    let addSamples = (0..<n(300)).map { _ -> Double in
        _ = Reducer.reduce(&state, .key(.char("2")))
        _ = Reducer.reduce(&state, .key(.char("a")))
        for c in "Benchmark item 🚀" { _ = Reducer.reduce(&state, .key(.char(c))) }
        let t0 = Harness.now()
        for effect in Reducer.reduce(&state, .key(.enter)) where effect == .save { saver.schedule(state.workspace) }
        _ = Renderer.render(state)
        return Double(Harness.now() - t0)
    }
    saver.flush()
    record(subject.name, Measurement(name: "keystroke → frame: add agenda item (save scheduled), 200x60", samples: addSamples))
    let undoSamples = (0..<n(300)).map { _ -> Double in
        _ = Reducer.reduce(&state, .key(.char(" "))) // an edit to undo
        let t0 = Harness.now()
        _ = Reducer.reduce(&state, .key(.char("u")))
        _ = Renderer.render(state)
        return Double(Harness.now() - t0)
    }
    record(subject.name, Measurement(name: "keystroke → frame: undo, 200x60", samples: undoSamples))
}

// MARK: pastes

/// A paste of `bytes` bytes in lines of 100 (line breaks included), as a chair pastes notes.
func pasteText(_ bytes: Int) -> String { String(repeating: String(repeating: "x", count: 99) + "\n", count: bytes / 100) }
let pasteSizes = [20_000, 50_000, 100_000]
do {
    let workspace = try MeetingStore(path: subjects[0].path).load()
    for size in pasteSizes {
        let text = pasteText(size)
        var samples: [Double] = []
        for _ in 0..<(smoke ? 3 : 30) {
            var state = AppState(workspace: workspace, fileLabel: "w.json", size: Size(width: 200, height: 60), now: Timestamp(iso: "2026-11-23T09:41:00Z")!)
            _ = Reducer.reduce(&state, .key(.char("a")))
            let t0 = Harness.now()
            _ = Reducer.reduce(&state, .paste(text))
            _ = Renderer.render(state)
            samples.append(Double(Harness.now() - t0))
        }
        record("sample", Measurement(name: "paste \(size / 1000) KB into a title → frame, 200x60", samples: samples))
    }
}

// MARK: the real binaries in a pseudo-terminal
// MARK: the real binaries in a pseudo-terminal

struct PTYFigure {
    var program: String
    var subject: String
    var firstFrames: [Double]
    var keyBytes: Int?
    var peakRSSKiB: Int
}

var ptyFigures: [PTYFigure] = []
let env = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": work.path, "XDG_CONFIG_HOME": work.path, "PATH": "/usr/bin:/bin"]
let runs = smoke ? 1 : (quick ? 3 : 15)

@MainActor func measureProgram(_ program: String, _ subject: String, _ argv: [String], marker: String, key: String?, quit: [String], rows: Int = 60, cols: Int = 200) {
    var frames: [Double] = []
    var rss = 0
    var keyBytes: Int?
    for i in 0..<runs {
        let r = PseudoTerminalRun.run(argv, environment: env, rows: rows, cols: cols, marker: marker, key: i == 0 ? key : nil, quit: quit)
        if let f = r.firstFrame { frames.append(f) }
        rss = max(rss, r.peakRSSKiB)
        if i == 0 { keyBytes = r.keyBytes }
    }
    ptyFigures.append(PTYFigure(program: program, subject: subject, firstFrames: frames, keyBytes: keyBytes, peakRSSKiB: rss))
    let median = Measurement(name: "", samples: frames).median
    FileHandle.standardError.write(Data("  \(program) \(subject): first frame median \(Harness.format(median)), peak RSS \(rss) KiB, key bytes \(keyBytes.map(String.init) ?? "-")\n".utf8))
}

let smarketing = binDir.appendingPathComponent("smarketing").path
for subject in subjects {
    let copy = work.appendingPathComponent("pty-\(subject.name).json").path
    try? FileManager.default.removeItem(atPath: copy)
    try? FileManager.default.copyItem(atPath: subject.path, toPath: copy)
    measureProgram("smarketing", subject.name, [smarketing, copy], marker: "NORMAL", key: "j", quit: ["q"])
}
// A bracketed paste into a title, from its first byte to the refusal on screen.
var pasteFigures: [(Int, Measurement)] = []
for size in pasteSizes {
    let copy = work.appendingPathComponent("pty-paste.json").path
    try? FileManager.default.removeItem(atPath: copy)
    try? FileManager.default.copyItem(atPath: subjects[0].path, toPath: copy)
    let payload = Array(("\u{1B}[200~" + pasteText(size) + "\u{1B}[201~").utf8)
    let samples = (0..<runs).compactMap { _ in
        PseudoTerminalRun.timeInput([smarketing, copy], environment: env, rows: 30, cols: 100, marker: "NORMAL", open: "a",
                                    ready: "New agenda item", payload: payload, done: "at most 1000 bytes")
    }
    pasteFigures.append((size, Measurement(name: "", samples: samples)))
    FileHandle.standardError.write(Data("  paste \(size) bytes: median \(Harness.format(Measurement(name: "", samples: samples).median)) over \(samples.count) runs\n".utf8))
}
// A presenter following the chair: a key in the chair's terminal until the presenter's screen changes.
let followSamples: [Double] = {
    let copy = work.appendingPathComponent("pty-follow.json").path
    try? FileManager.default.removeItem(atPath: copy)
    try? FileManager.default.copyItem(atPath: subjects[0].path, toPath: copy)
    // Through the agenda and back, with a zoom in and out now and then: each key changes the view.
    let keys = (0..<(smoke ? 6 : 200)).map { i in i % 10 == 4 || i % 10 == 5 ? "z" : (i / 10 % 2 == 0 ? "j" : "k") }
    return PseudoTerminalRun.followLatency(chair: [smarketing, copy], presenter: [smarketing, "present", copy], environment: env,
                                           rows: 30, cols: 100, keys: ["2"] + keys)
}()
let follow = Measurement(name: "", samples: followSamples)
FileHandle.standardError.write(Data("  follow: chair key → presenter screen p50 \(Harness.format(follow.median)), p95 \(Harness.format(follow.p95)) over \(followSamples.count) keys\n".utf8))
// `smarketing import`: a busy year's exports, through the real binary (read, count, save).
let importSize = smoke ? (contacts: 2_000, deals: 400) : (contacts: 100_000, deals: 20_000)
let importFolder = work.appendingPathComponent("exports")
try? FileManager.default.createDirectory(at: importFolder, withIntermediateDirectories: true)
let exports = try ImportExports.write(in: importFolder, contacts: importSize.contacts, deals: importSize.deals, seed: 11)
var importRuns: [(seconds: Double, peakRSSKiB: Int, status: Int32)] = []
for _ in 0..<(smoke ? 1 : (quick ? 3 : 5)) {
    let copy = work.appendingPathComponent("import.json").path
    try? FileManager.default.removeItem(atPath: copy)
    try? FileManager.default.removeItem(atPath: copy + ".bak")
    try? FileManager.default.copyItem(atPath: subjects[0].path, toPath: copy)
    let report = work.appendingPathComponent("measure.txt").path
    _ = runMeasured([CommandLine.arguments[0], "--measure", report, smarketing, "import", copy, "--contacts", exports.contacts, "--deals", exports.deals]
                    + exports.spend.flatMap { ["--spend", $0] })
    let fields = ((try? String(contentsOfFile: report, encoding: .utf8)) ?? "").split(separator: " ")
    importRuns.append(fields.count == 3 ? (Double(fields[0]) ?? 0, Int(fields[1]) ?? 0, Int32(fields[2]) ?? -1) : (0, 0, -1))
}
FileHandle.standardError.write(Data("  import \(importSize.contacts) contacts + \(importSize.deals) deals: \(importRuns.map { String(format: "%.2f s", $0.seconds) }), exit \(importRuns.map(\.status))\n".utf8))

let floor = binDir.appendingPathComponent("ncurses-floor").path
if FileManager.default.isExecutableFile(atPath: floor) {
    measureProgram("C ncurses floor", "-", [floor], marker: "FLOOR-READY", key: nil, quit: ["q"])
}
let calcurseDir = work.appendingPathComponent("calcurse")
try? FileManager.default.createDirectory(at: calcurseDir, withIntermediateDirectories: true)
if FileManager.default.isExecutableFile(atPath: "/usr/bin/calcurse") {
    measureProgram("calcurse", "empty calendar", ["/usr/bin/calcurse", "-D", calcurseDir.path], marker: "Appointments", key: nil, quit: ["q", "y"])
}

// MARK: report

let commit = shell("cd '\(repository.path)' && git rev-parse --short HEAD")
let cpu = shell("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").trimmingCharacters(in: .whitespaces)
var out = "## Results\n\n"
out += "- Date: \(shell("date -u +%Y-%m-%dT%H:%MZ")); commit \(commit.isEmpty ? "unknown" : commit)\(quick ? " (quick smoke pass: fewer iterations, no huge workspace)" : "")\n"
out += "- Machine: \(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB; \(shell("uname -sr")); \(shell("swift --version 2>&1 | head -1"))\n"
out += "- Workspaces: " + subjects.map { "\($0.name) \(String(format: "%.2f", Double($0.bytes) / 1_048_576)) MiB" }.joined(separator: ", ") + "\n\n"
out += "### In process (release build)\n\n| operation | " + subjects.map { "\($0.name) median | \($0.name) p99" }.joined(separator: " | ") + " |\n"
out += "| --- |" + String(repeating: " ---: | ---: |", count: subjects.count) + "\n"
let operations = rows.map(\.1).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
for op in operations {
    var line = "| \(op) |"
    for s in subjects {
        if let m = rows.first(where: { $0.0 == s.name && $0.1 == op })?.2 {
            line += " \(Harness.format(m.median)) | \(Harness.format(m.p99)) |"
        } else {
            line += " – | – |"
        }
    }
    out += line + "\n"
}
out += "\n### The real binaries in a pseudo-terminal, 200x60\n\n"
out += "| program | workspace | start → first frame, median | max | peak RSS | bytes for one navigation key |\n| --- | --- | ---: | ---: | ---: | ---: |\n"
for f in ptyFigures {
    let m = Measurement(name: "", samples: f.firstFrames)
    out += "| \(f.program) | \(f.subject) | \(Harness.format(m.median)) | \(Harness.format(m.samples.max() ?? 0)) | \(String(format: "%.1f MiB", Double(f.peakRSSKiB) / 1024)) | \(f.keyBytes.map(String.init) ?? "–") |\n"
}
out += "\n### A bracketed paste into a title, real binary, 100x30\n\n"
out += "From the paste's first byte written to the pseudo-terminal until the title's refusal is on screen.\n\n"
out += "| paste | median | max | runs |\n| --- | ---: | ---: | ---: |\n"
for (size, m) in pasteFigures {
    out += "| paste \(size / 1000) KB | \(Harness.format(m.median)) | \(Harness.format(m.samples.max() ?? 0)) | \(m.samples.count) |\n"
}
out += "\n### A presenter following the chair, real binaries, 100x30\n\n"
out += "Two pseudo-terminals on one file: from a key written to the chair's terminal until the presenter's output starts "
out += "(the chair publishes its view beside the file, the presenter's inotify watch wakes it, it reads and redraws).\n\n"
out += "| figure | p50 | p95 | max | keys |\n| --- | ---: | ---: | ---: | ---: |\n"
out += "| follow: chair key → presenter screen | \(Harness.format(follow.median)) | \(Harness.format(follow.p95)) | \(Harness.format(follow.samples.max() ?? 0)) | \(follow.samples.count) |\n"
out += "\n### Import, real binary\n\n"
out += "`smarketing import` of \(importSize.contacts) contacts, \(importSize.deals) deals and three spend reports of a year each "
out += "(Google Ads, LinkedIn, Meta; \(String(format: "%.1f", Double(exports.bytes) / 1_048_576)) MiB of CSV in all) into a copy of the sample: "
out += "reading, counting 53 weeks and the atomic save, from spawn to exit.\n\n"
out += "| runs | wall time median | max | peak RSS | exit |\n| ---: | ---: | ---: | ---: | --- |\n"
let importTimes = Measurement(name: "", samples: importRuns.map { $0.seconds * 1e9 })
out += "| \(importRuns.count) | \(Harness.format(importTimes.median)) | \(Harness.format(importTimes.samples.max() ?? 0)) | "
out += "\(String(format: "%.1f MiB", Double(importRuns.map(\.peakRSSKiB).max() ?? 0) / 1024)) | \(Set(importRuns.map(\.status)).map(String.init).joined(separator: ", ")) |\n"
if let floorFigure = ptyFigures.first(where: { $0.program == "C ncurses floor" }) {
    out += "\nRatios against the floor (same run):\n\n"
    let floorFrame = Measurement(name: "", samples: floorFigure.firstFrames).median
    for f in ptyFigures where f.program != "C ncurses floor" {
        let frame = Measurement(name: "", samples: f.firstFrames).median
        out += "- \(f.program) (\(f.subject)): start \(String(format: "%.1f", frame / max(floorFrame, 1)))× the floor, RSS \(String(format: "%.1f", Double(f.peakRSSKiB) / Double(max(floorFigure.peakRSSKiB, 1))))×\n"
    }
}
print(out)
