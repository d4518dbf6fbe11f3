import CPseudoTerminal
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real binary on a pseudo-terminal this test plays the terminal of: it asks for the
/// background colour (OSC 11) only when nothing else decides the theme, starts in the light theme
/// when the answer is light, does not wait for a terminal that never answers, and never takes a
/// late answer for keys. `t` shows which theme it started in: the next one is named.
@Suite("Terminal background on a real pseudo-terminal", .serialized)
struct TerminalBackgroundE2ETests {
    static let query = Array("\u{1B}]11;?\u{07}".utf8)

    /// A dashboard on a fresh copy of the sample, its output recorded.
    final class Run {
        let pid: pid_t
        var master: Int32 = -1
        var output: [UInt8] = []
        let directory: URL

        init(arguments: [String] = [], environment: [String: String] = [:]) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("smk-bg-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let file = directory.appendingPathComponent("team.json").path
            try FileManager.default.copyItem(atPath: TmuxSession.repository.appendingPathComponent("sample-data/northwind.json").path, toPath: file)
            let env = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": directory.path, "PATH": "/usr/bin:/bin"]
                .merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
            let argv = [TmuxSession.binary, file] + arguments
            let cArgv = argv.map { strdup($0) } + [nil], cEnv = env.map { strdup($0) } + [nil]
            defer { (cArgv + cEnv).forEach { free($0) } }
            pid = smk_spawn_in_pty(argv[0], cArgv, cEnv, 30, 100, &master)
            try #require(pid > 0)
        }

        deinit {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            close(master)
            try? FileManager.default.removeItem(at: directory)
        }

        /// Reads output until `bytes` has appeared after `from`, for at most `seconds`.
        @discardableResult
        func waitFor(_ bytes: [UInt8], from: Int = 0, seconds: Double = 10) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if Self.find(bytes, in: output, from: from) { return true }
                var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                guard poll(&pfd, 1, 50) > 0 else { continue }
                var buffer = [UInt8](repeating: 0, count: 65536)
                let n = read(master, &buffer, buffer.count)
                if n > 0 { output += buffer[0..<n] }
            }
            return Self.find(bytes, in: output, from: from)
        }

        func waitFor(_ text: String, from: Int = 0, seconds: Double = 10) -> Bool { waitFor(Array(text.utf8), from: from, seconds: seconds) }

        func send(_ text: String) { _ = text.withCString { write(master, $0, strlen($0)) } }

        /// Presses `t` and says whether the banner then names `theme`.
        func nextThemeIs(_ theme: String) -> Bool {
            let mark = output.count
            send("t")
            return waitFor("Theme: \(theme)", from: mark, seconds: 5)
        }

        static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Bool {
            guard needle.count <= haystack.count - from else { return false }
            return (from...(haystack.count - needle.count)).contains { i in haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle }
        }
    }

    @Test func aWhiteAnswerStartsTheLightTheme() throws {
        let run = try Run()
        #expect(run.waitFor(Self.query), "the background was not asked for")
        run.send("\u{1B}]11;rgb:ffff/ffff/ffff\u{07}\u{1B}[?64;1;2c")
        #expect(run.waitFor("Agenda"))
        #expect(run.nextThemeIs("projector"), "did not start in the light theme")
    }

    @Test func aBlackAnswerStartsTheDefaultTheme() throws {
        let run = try Run()
        #expect(run.waitFor(Self.query))
        run.send("\u{1B}]11;rgb:0000/0000/0000\u{1B}\\\u{1B}[?64;1;2c")
        #expect(run.waitFor("Agenda"))
        #expect(run.nextThemeIs("light"), "did not start in the default theme")
    }

    /// A terminal that answers neither query: the dashboard starts anyway, and an answer that
    /// comes after it gave up is swallowed, not run as keys (`1`, `r`, `g`, `b` are all bound).
    @Test func noAnswerIsNotWaitedForAndALateOneIsNotTakenForKeys() throws {
        let run = try Run()
        #expect(run.waitFor(Self.query))
        let asked = Date()
        #expect(run.waitFor("Agenda"))
        #expect(Date().timeIntervalSince(asked) < 3)
        run.waitFor("never shown", seconds: 0.5) // settled
        let before = run.output.count
        run.send("\u{1B}]11;rgb:ffff/ffff/ffff\u{07}")
        run.waitFor("never shown", from: before, seconds: 0.8)
        #expect(run.output.count == before, "the late answer changed the screen: it ran as keys")
        #expect(run.nextThemeIs("light"), "the late answer changed the theme")
        let mark = run.output.count
        run.send("q")
        _ = run.waitFor("never shown", from: mark, seconds: 1)
        var status: Int32 = 0
        #expect(waitpid(run.pid, &status, WNOHANG) == run.pid, "q did not quit: the late answer left the dashboard in another mode")
    }

    /// A key typed before the terminal answered is not lost: it runs once the dashboard is up.
    @Test func aKeyTypedBeforeTheAnswerRunsAfterTheStart() throws {
        let run = try Run()
        #expect(run.waitFor(Self.query))
        run.send("t") // next theme, typed before the terminal answers
        run.send("\u{1B}]11;rgb:ffff/ffff/ffff\u{07}\u{1B}[?64;1;2c")
        #expect(run.waitFor("Theme: projector"), "the key typed during the query was dropped")
    }

    @Test(arguments: [("0;15", "projector"), ("15;0", "light")])
    func colorfgbgDecidesWithoutAsking(colorfgbg: String, afterT: String) throws {
        let run = try Run(environment: ["COLORFGBG": colorfgbg])
        #expect(run.waitFor("Agenda"))
        #expect(run.nextThemeIs(afterT))
        #expect(!Run.find(Self.query, in: run.output, from: 0), "asked the terminal although COLORFGBG said")
    }

    @Test func aNamedThemeIsNeverSecondGuessed() throws {
        let run = try Run(arguments: ["--theme", "colorblind"])
        #expect(run.waitFor("Agenda"))
        #expect(run.nextThemeIs("mono"))
        #expect(!Run.find(Self.query, in: run.output, from: 0))
    }
}
