import CPseudoTerminal
import Foundation
import Testing
@testable import SmarketingModel

/// Text from the file must never reach the terminal raw. Every text field of this workspace holds
/// escape sequences and control characters; the real binary runs in a pseudo-terminal and the
/// bytes it writes are checked.
@Suite("Terminal injection")
struct InjectionTests {
    static let hostile = "X\u{1B}[2J\u{1B}[H\u{1B}]0;pwned\u{07}\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}]8;;http://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\\u{1B}P1$r\u{1B}\\\u{07}\u{08}\u{00}\u{9B}31m\u{202E}rev\u{200D}Y"

    static func hostileWorkspace() throws -> Workspace {
        var ws = try MeetingStore(path: Paths.sample).load()
        let h = hostile
        ws.team.name = h
        ws.definitions.sql.text = h
        ws.definitions.personas = [Persona(id: "per-h", name: h, role: h, goals: h, pains: h, objections: h, whereTheyLook: h)]
        ws.people = [Person(name: h, team: .sales, shortName: h)]
        for i in ws.frictionPoints.indices { ws.frictionPoints[i].title = h; ws.frictionPoints[i].owner = h; ws.frictionPoints[i].mitigation = h }
        for m in ws.meetings.indices {
            ws.meetings[m].chair = h
            ws.meetings[m].attendees = [h, h]
            ws.meetings[m].absent = [h + "2"]
            ws.meetings[m].definitionChanges = [DefinitionChange(subject: .sql, title: h, text: h, agreed: false)]
            ws.meetings[m].notes = h
            for i in ws.meetings[m].agenda.indices { ws.meetings[m].agenda[i].title = h; ws.meetings[m].agenda[i].owner = h; ws.meetings[m].agenda[i].notes = h }
            for i in ws.meetings[m].actionItems.indices { ws.meetings[m].actionItems[i].title = h; ws.meetings[m].actionItems[i].owner = h }
            for i in ws.meetings[m].decisions.indices { ws.meetings[m].decisions[i].text = h }
        }
        return ws
    }

    /// The sequences a hostile file could use; none may appear in what smarketing writes.
    static let forbidden: [(String, [UInt8])] = [
        ("OSC (title, clipboard, links)", [0x1B, UInt8(ascii: "]")]), ("DCS", [0x1B, UInt8(ascii: "P")]),
        ("BEL", [0x07]), ("NUL", [0x00]), ("C1 CSI", [0xC2, 0x9B]), ("bidi override", [0xE2, 0x80, 0xAE]),
        ("the clipboard payload after an escape", Array("\u{1B}]52".utf8)),
    ]

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle {
            return true
        }
        return false
    }

    @Test func theDashboardShowsEveryFieldInert() throws {
        let dir = Paths.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("hostile.json").path
        try MeetingStore.create(try Self.hostileWorkspace(), at: path)
        let argv = [Paths.binary, path]
        let env = ["TERM=xterm-256color", "LANG=C.UTF-8", "HOME=\(dir.path)"]
        let run = try PtyRun(argv, env, rows: 60, columns: 200)
        run.pump(1500)
        // Look at every pane, zoomed, with a form and help open.
        for keys in ["2", "z", "z", "3", "z", "z", "4", "j", "e", "\u{1B}", "?", "\u{1B}", "1", "\t", "q"] {
            run.send(keys)
            run.pump(200)
        }
        let written = run.finish()
        // The one OSC the dashboard writes is its own question about the background colour
        // (TerminalBackground), first, before anything from the file is drawn.
        let query = Array("\u{1B}]11;?\u{07}\u{1B}[c".utf8)
        #expect(written.starts(with: query), "the background query was not first")
        let recording = written.starts(with: query) ? Array(written.dropFirst(query.count)) : written
        #expect(Self.contains(recording, Array("␛]0;pwned␇".utf8)), "the title sequence was not shown as placeholders")
        for (name, bytes) in Self.forbidden {
            #expect(!Self.contains(recording, bytes), "\(name) reached the terminal")
        }
        print("injection: \(recording.count) bytes written by the dashboard over \(15) keys, none of \(Self.forbidden.count) forbidden sequences among them")
    }

    @Test func kpisExportAndErrorsNeutraliseToo() throws {
        let dir = Paths.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("hostile.json").path
        try MeetingStore.create(try Self.hostileWorkspace(), at: path)
        for command in [["kpis", path], ["kpis", path, "--json"], ["export", path], ["export", path, "--all"], ["validate", path]] {
            let r = try runCLI(command)
            let bytes = Array((r.stdout + r.stderr).utf8)
            #expect(r.status == 0, "\(command)")
            #expect(!bytes.contains(0x1B) || command.contains("--json"), "\(command) wrote an escape character")
            for (name, seq) in Self.forbidden where !(command.contains("--json") && seq.first == 0x1B) {
                #expect(!Self.contains(bytes, seq), "\(command): \(name)")
            }
        }
        // JSON output escapes control characters instead of writing them.
        let json = try runCLI(["kpis", path, "--json"]).stdout
        #expect(!json.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        // An error message about a hostile file name.
        let bad = dir.appendingPathComponent("x\u{1B}]0;t\u{07}.json").path
        try "{".write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try runCLI(["validate", bad])
        #expect(!Array(r.stderr.utf8).contains(0x1B) && !Array(r.stderr.utf8).contains(0x07))
    }

    /// The messages the dashboard leaves on the way out name the file, the theme folder (from
    /// $XDG_CONFIG_HOME) and the theme files in it: every one of them is hostile here. The file
    /// cannot be saved (its folder is read-only), so SIGTERM ends with "Could not save" and a
    /// recovery copy in $TMPDIR.
    @Test func namesInTheMessagesOnTheWayOutAreInert() throws {
        let retitle = "\u{1B}]2;pwned\u{07}"
        let root = Paths.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("ro").path, temp = root.appendingPathComponent("tmp").path
        let config = root.appendingPathComponent("conf\(retitle)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: temp, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: config + "/smarketing/themes", withIntermediateDirectories: true)
        try "{}".write(toFile: "\(config)/smarketing/themes/evil\(retitle).json", atomically: true, encoding: .utf8)
        let path = "\(folder)/team\(retitle).json"
        try FileManager.default.copyItem(atPath: Paths.sample, toPath: path)
        chmod(root.path, 0o755)
        chmod(temp, 0o777)
        chmod(path, 0o644)
        chmod(folder, 0o555) // root ignores this, so as root the dashboard runs as nobody
        defer { chmod(folder, 0o755) } // before the folder is removed, for a test run without root
        let asNobody = getuid() == 0
        let argv = (asNobody ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []) + [Paths.binary, path, "--theme", "nosuch"]
        let env = ["TERM=xterm-256color", "LANG=C.UTF-8", "HOME=\(root.path)", "XDG_CONFIG_HOME=\(config)", "TMPDIR=\(temp)"]
        let run = try PtyRun(argv, env, rows: 40, columns: 120)
        run.pump(1500)
        run.send(" ") // start the first agenda item: an edit that cannot be saved
        run.pump(1000)
        kill(run.pid, SIGTERM)
        run.pump(2000)
        let recording = run.finish()
        let text = String(decoding: recording, as: UTF8.self)
        #expect(text.contains("smarketing: theme nosuch: not found (looked in \(root.path)/conf␛]2;pwned␇/smarketing/themes"), "no theme message")
        #expect(text.contains("evil␛]2;pwned␇); using the default theme"), "the hostile theme name was not listed as placeholders")
        #expect(text.contains("Could not save \(folder)/team␛]2;pwned␇.json; your edits are in \(temp)/smarketing-unsaved-"), "no recovery message")
        for (name, bytes) in Self.forbidden {
            #expect(!Self.contains(recording, bytes), "\(name) reached the terminal")
        }
        let copies = (try? FileManager.default.contentsOfDirectory(atPath: temp)) ?? []
        #expect(copies.contains { $0.hasPrefix("smarketing-unsaved-") }, "no recovery copy in \(copies)")
    }
}

/// The dashboard in a pseudo-terminal, with everything it writes recorded.
final class PtyRun {
    let pid: pid_t
    private var master: Int32 = -1
    private(set) var recording: [UInt8] = []

    init(_ argv: [String], _ env: [String], rows: Int32, columns: Int32) throws {
        let cArgv = argv.map { strdup($0) } + [nil], cEnv = env.map { strdup($0) } + [nil]
        defer { (cArgv + cEnv).forEach { free($0) } }
        pid = smk_spawn_in_pty(argv[0], cArgv, cEnv, rows, columns, &master)
        try #require(pid > 0)
    }

    /// Records output until none arrives for `ms` milliseconds.
    func pump(_ ms: Int32) {
        var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while poll(&pfd, 1, ms) > 0 {
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }
            recording += buffer[0..<n]
        }
    }

    func send(_ keys: String) { _ = keys.withCString { write(master, $0, strlen($0)) } }

    /// Waits for the program to end and returns all it wrote.
    func finish() -> [UInt8] {
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
        return recording
    }
}
