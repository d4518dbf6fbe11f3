import Foundation
import SmarketingTestSupport
import Testing
@testable import SmarketingModel

/// Two real dashboards in two real terminals (tmux) edit one file while a program that ignores
/// smarketing's lock rewrites it. Each chair types quick-capture notes as fast as the screen
/// takes them and answers every conflict with "keep mine". Each dashboard records what it told
/// its chair (SMARKETING_DEBUG_ACK_DIR): every version the status bar called saved, and every
/// conflict copy a banner named. At the end every acknowledged note must be in the file or in a
/// named conflict copy.
@Suite("Concurrent dashboards", .serialized)
struct ConcurrentDashboardsTests {
    /// 3 s by default, 20 s in soak mode (or SMARKETING_RACE_SECONDS).
    static let seconds = Soak.seconds("SMARKETING_RACE_SECONDS", quick: 3, soak: 20)
    static let conflictTitle = "The file changed on disk while you had unsaved edits"

    @Test func twoDashboardsAndAWriterLoseNoAcknowledgedVersion() throws {
        let dir = Paths.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("team.json").path
        try FileManager.default.copyItem(atPath: Paths.sample, toPath: path)
        let tmux = PrivateTmux()
        defer { tmux.stop() }

        let chairs = ["A", "B"]
        for name in chairs {
            let acks = dir.appendingPathComponent("acks-\(name)")
            try FileManager.default.createDirectory(at: acks, withIntermediateDirectories: true)
            let command = "SMARKETING_DEBUG_ACK_DIR='\(acks.path)' '\(Paths.binary)' '\(path)'; echo $? > '\(dir.path)/exit-\(name)'; sleep 600"
            try tmux.start(session: name, width: 120, height: 40, command: command)
        }
        for name in chairs { try tmux.waitFor("team.json", in: name) }

        // The outsider writes from its own thread while the chairs type.
        let deadline = Date().addingTimeInterval(Self.seconds)
        let outsiderBox = OutsiderBox()
        let outsiderThread = Thread {
            outsiderBox.finish(Result { var o = try Outsider(path: path, scratch: dir); try o.run(until: deadline, seed: 11); return o })
        }
        outsiderThread.start()

        var typed = [String: Int]()
        var conflictsAnswered = 0
        while Date() < deadline {
            for name in chairs {
                if try tmux.screen(name).contains(Self.conflictTitle) {
                    try tmux.send(name, keys: ["k"])
                    conflictsAnswered += 1
                    continue
                }
                let n = typed[name, default: 0] + 1
                typed[name] = n
                try tmux.send(name, keys: ["c"], literal: "\(name)-\(n)", then: ["Enter"])
            }
        }
        let outsider = try outsiderBox.wait().get()

        // Quit both: answer any last conflict, then q, until the dashboard has exited.
        for name in chairs {
            let exitFile = dir.appendingPathComponent("exit-\(name)").path
            let quitBy = Date().addingTimeInterval(20)
            while !FileManager.default.fileExists(atPath: exitFile), Date() < quitBy {
                let screen = try tmux.screen(name)
                try tmux.send(name, keys: [screen.contains(Self.conflictTitle) ? "k" : "q"])
                Thread.sleep(forTimeInterval: 0.2)
            }
            let status = (try? String(contentsOfFile: exitFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            let last = try tmux.screen(name)
            #expect(status == "0", "chair \(name) did not quit cleanly; the screen was:\n\(last)")
        }

        var acknowledged: Set<String> = []
        var named: Set<String> = []
        var acks = 0
        for name in chairs {
            let acksDir = dir.appendingPathComponent("acks-\(name)")
            for file in try FileManager.default.contentsOfDirectory(atPath: acksDir.path) where file.hasPrefix("ack-") {
                acks += 1
                acknowledged.formUnion(try RaceAccounting.tokens(acksDir.appendingPathComponent(file).path)
                    .filter { $0.hasPrefix("A-") || $0.hasPrefix("B-") })
            }
            if let text = try? String(contentsOfFile: acksDir.appendingPathComponent("named").path, encoding: .utf8) {
                named.formUnion(text.split(separator: "\n").map(String.init))
            }
        }
        let accounting = try RaceAccounting(file: path, outsider: outsider)
        let lostByUs = accounting.lostByUs(acknowledged)
        let lostOutsider = accounting.lost(outsider.tokens)
        print("concurrent dashboards: \(Int(Self.seconds)) s, \(typed.values.reduce(0, +)) notes typed, \(acks) saves acknowledged holding \(acknowledged.count) of them, \(outsider.tokens.count) writes by a program that ignores the lock, \(conflictsAnswered) conflicts answered with keep mine, \(accounting.conflictCopies.count) conflict copies; \(lostByUs.count + lostOutsider.count) lost")
        // Every conflict copy on disk was named on a chair's screen.
        #expect(Set(accounting.conflictCopies).subtracting(named).isEmpty, "conflict copies no screen named: \(Set(accounting.conflictCopies).subtracting(named))")
        #expect(acknowledged.count >= 10, "the chairs hardly saved")
        #expect(lostOutsider.isEmpty, "the outsider's versions in neither the file nor a conflict copy: \(lostOutsider.prefix(10))")
        #expect(lostByUs.isEmpty, "acknowledged notes lost: \(lostByUs.sorted().prefix(10))")
    }
}

/// The outsider's result, handed from its thread to the test.
final class OutsiderBox: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Outsider, any Error>?
    func finish(_ result: Result<Outsider, any Error>) {
        self.result = result
        done.signal()
    }
    func wait() -> Result<Outsider, any Error> {
        done.wait()
        return result!
    }
}

/// A tmux server of the test's own, with one session per terminal.
final class PrivateTmux {
    let socket = "smk-fault-\(UUID().uuidString.prefix(8))"

    func start(session: String, width: Int, height: Int, command: String) throws {
        let shell = "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 bash --norc --noprofile -c \(Self.quoted(command))"
        _ = try run(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", shell])
    }

    func screen(_ session: String) throws -> String {
        try run(["capture-pane", "-p", "-t", session], capture: true)
    }

    /// Key names, then literal text, then more key names, in one tmux call.
    func send(_ session: String, keys: [String], literal: String? = nil, then more: [String] = []) throws {
        var arguments = ["send-keys", "-t", session] + keys
        if let literal { arguments += [";", "send-keys", "-t", session, "-l", literal] }
        if !more.isEmpty { arguments += [";", "send-keys", "-t", session] + more }
        _ = try run(arguments)
    }

    func waitFor(_ text: String, in session: String, timeout: Double = 15) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try screen(session).contains(text) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let last = try screen(session)
        Issue.record("timed out waiting for \(text.debugDescription) in \(session):\n\(last)")
    }

    func stop() { _ = try? run(["kill-server"]) }

    static func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    private func run(_ arguments: [String], capture: Bool = false) throws -> String {
        try Spawn.run(["tmux", "-L", socket, "-f", "/dev/null"] + arguments, captureOutput: capture)
    }
}
