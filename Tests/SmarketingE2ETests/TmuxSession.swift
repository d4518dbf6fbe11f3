import Foundation
import Testing

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
        chmod(wrapper, 0o755)
        return wrapper
    }

    /// The pid the wrapper recorded.
    func recordedPID() throws -> pid_t {
        pid_t(try String(contentsOfFile: directory.appendingPathComponent("pid").path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))!
    }

    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }
}

/// Runs a program and waits for it, without Foundation's Process.
enum Spawn {
    struct Failure: Error { var message: String }

    static func run(_ arguments: [String], captureOutput: Bool) throws -> String {
        var fds: [Int32] = [-1, -1]
        if captureOutput { guard pipe(&fds) == 0 else { throw Failure(message: "pipe failed") } }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        if captureOutput {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[0])
            posix_spawn_file_actions_addclose(&actions, fds[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // Test threads may block signals; the child must start with none blocked and default handlers.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
        guard rc == 0 else { throw Failure(message: "cannot run \(arguments[0]): \(String(cString: strerror(rc)))") }
        var output = Data()
        if captureOutput {
            close(fds[1])
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fds[0], &buffer, buffer.count)
                if n <= 0 { break }
                output.append(contentsOf: buffer[0..<n])
            }
            close(fds[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return String(decoding: output, as: UTF8.self)
    }
}
