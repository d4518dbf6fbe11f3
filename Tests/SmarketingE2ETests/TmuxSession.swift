import Foundation
import Testing
import SmarketingTestSupport

/// The real `smarketing` binary running in a real pseudo-terminal, inside a private tmux server.
final class TmuxSession {
    static let binary: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("smarketing").path
    }()
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let socket = "smk-e2e-\(UUID().uuidString.prefix(8))"

    /// Starts `shellCommand` in a new session of the given size. The command runs under bash with
    /// TERM=xterm-256color and a UTF-8 locale.
    init(width: Int, height: Int, shellCommand: String) throws {
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)",
                  "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 bash --norc --noprofile -c '\(shellCommand)'; sleep 600"])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Runs a tmux command with posix_spawn and waitpid. Output is captured only when asked for:
    /// the server that `new-session` starts inherits the client's descriptors and would hold a
    /// pipe open forever.
    @discardableResult
    func tmux(_ arguments: [String], captureOutput: Bool = false) throws -> String {
        try Spawn.run(["tmux", "-L", socket] + arguments, captureOutput: captureOutput)
    }

    /// Sends tmux key names (`Enter`, `Tab`, `C-u`, `j`).
    func keys(_ names: String...) throws { try tmux(["send-keys", "-t", "main"] + names) }

    /// Types text literally, character by character as a terminal would deliver it.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "main", "-l", text]) }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "main"], captureOutput: true) }

    /// The screen once it stops changing (the same for 150 ms), so a frame still arriving is not
    /// taken for the result.
    func settledScreen(timeout: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = try screen(), since = Date()
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.03)
            let now = try screen()
            if now != last {
                last = now
                since = Date()
            } else if Date().timeIntervalSince(since) >= 0.15 {
                return now
            }
        }
        return last
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the screen contains `text`; returns the screen. Polls, never sleeps blindly.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(text.debugDescription); the screen was:\n\(last)", sourceLocation: sourceLocation)
        return last
    }
}

extension TmuxSession {
    /// Waits until the screen no longer contains `text` (an overlay closed); returns the screen.
    @discardableResult
    func waitUntilGone(_ text: String, timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if !last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(text.debugDescription) to go; the screen was:\n\(last)", sourceLocation: sourceLocation)
        return last
    }
}

/// A copy of a sample workspace in a fresh folder.
final class WorkspaceCopy {
    let directory: URL
    let path: String

    init(_ sample: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("smk-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent(sample).path
        try FileManager.default.copyItem(atPath: TmuxSession.repository.appendingPathComponent("sample-data/\(sample)").path, toPath: path)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// A script that records its pid in `pid` and then becomes smarketing on this file, so a test
    /// can signal the real process while it stays in the foreground of its terminal.
    func wrapperRecordingPID() throws -> String {
        let wrapper = directory.appendingPathComponent("run.sh").path
        try "#!/bin/bash\necho $$ > \(directory.path)/pid\nexec \(TmuxSession.binary) \(path)\n".write(toFile: wrapper, atomically: true, encoding: .utf8)
        // Run by bash, not executed: a process forked by a test running alongside can still hold
        // the new file open for writing, and executing it would then fail with "Text file busy".
        return "bash \(wrapper)"
    }

    /// The pid the wrapper recorded.
    func recordedPID() throws -> pid_t {
        pid_t(try String(contentsOfFile: directory.appendingPathComponent("pid").path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))!
    }

    /// Waits until the terminal of a (stopped) process holds typed input it has not read yet, so
    /// a test knows the key is there before the process runs again.
    func waitForPendingInput(of pid: pid_t, timeout: Double = 5, sourceLocation: SourceLocation = #_sourceLocation) {
        let tty = open("/proc/\(pid)/fd/0", O_RDONLY | O_NOCTTY | O_NONBLOCK)
        guard tty >= 0 else {
            Issue.record("cannot open the terminal of \(pid)", sourceLocation: sourceLocation)
            return
        }
        defer { close(tty) }
        let deadline = Date().addingTimeInterval(timeout)
        var pending: Int32 = 0
        while Date() < deadline {
            if ioctl(tty, UInt(FIONREAD), &pending) == 0, pending > 0 { return }
            Thread.sleep(forTimeInterval: 0.01)
        }
        Issue.record("the key never reached the terminal of \(pid)", sourceLocation: sourceLocation)
    }

    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }
}
