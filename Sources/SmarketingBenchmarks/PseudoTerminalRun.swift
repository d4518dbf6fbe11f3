import CPseudoTerminal
import Foundation

/// A program run in a real pseudo-terminal: time to its first frame, bytes it writes for a
/// keystroke, and its peak resident memory.
struct PseudoTerminalRun {
    struct Result {
        var firstFrame: Double? // nanoseconds from spawn until the marker appeared
        var keyBytes: Int?
        var peakRSSKiB: Int
        var exitStatus: Int32
    }

    /// Starts `argv`, waits for `marker` in its output, then (if `key` is given) sends it and
    /// counts the bytes that come back, then sends `quit` keys and waits for the exit.
    static func run(_ argv: [String], environment: [String: String], rows: Int, cols: Int, marker: String,
                    key: String? = nil, quit: [String], timeout: Double = 10) -> Result {
        let env = environment.map { "\($0.key)=\($0.value)" }
        let cArgv = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup($0) } + [nil]
        defer { (cArgv + cEnv).forEach { free($0) } }
        var master: Int32 = -1
        let t0 = Harness.now()
        let pid = smk_spawn_in_pty(argv[0], cArgv, cEnv, Int32(rows), Int32(cols), &master)
        guard pid > 0 else { return Result(firstFrame: nil, keyBytes: nil, peakRSSKiB: 0, exitStatus: -1) }
        defer { close(master) }
        var seen = [UInt8]()
        let markerBytes = Array(marker.utf8)
        var firstFrame: Double?
        let deadline = Date().addingTimeInterval(timeout)
        var answered = false
        while firstFrame == nil, Date() < deadline {
            let chunk = readAvailable(master, waitMilliseconds: 50)
            seen += chunk
            answerDeviceAttributes(seen, master, &answered)
            if contains(seen, markerBytes) { firstFrame = Double(Harness.now() - t0) }
        }
        // Let the screen settle, then measure one keystroke's output.
        _ = drainQuietly(master, quietMilliseconds: 300)
        var keyBytes: Int?
        if let key, firstFrame != nil {
            _ = key.withCString { write(master, $0, strlen($0)) }
            keyBytes = drainQuietly(master, quietMilliseconds: 300)
        }
        // Peak resident memory since exec (VmHWM), read before quitting: the rusage of a forked
        // child would also count the memory it shared with this process before exec.
        let peak = peakRSS(pid)
        for q in quit {
            _ = q.withCString { write(master, $0, strlen($0)) }
            _ = drainQuietly(master, quietMilliseconds: 100)
        }
        var status: Int32 = 0
        var usage = rusage()
        let quitDeadline = Date().addingTimeInterval(5)
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            if Date() > quitDeadline { kill(pid, SIGKILL) }
            _ = drainQuietly(master, quietMilliseconds: 20)
        }
        return Result(firstFrame: firstFrame, keyBytes: keyBytes, peakRSSKiB: peak, exitStatus: status)
    }

    /// Starts `argv`, waits for `marker`, types `open` and waits for `ready`, then writes
    /// `payload` (reading the output meanwhile, as a terminal does) and returns the nanoseconds
    /// from its first byte until `done` appears in the output; nil if it never does.
    static func timeInput(_ argv: [String], environment: [String: String], rows: Int, cols: Int, marker: String,
                          open: String, ready: String, payload: [UInt8], done: String, timeout: Double = 60) -> Double? {
        let env = environment.map { "\($0.key)=\($0.value)" }
        let cArgv = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup($0) } + [nil]
        defer { (cArgv + cEnv).forEach { free($0) } }
        var master: Int32 = -1
        let pid = smk_spawn_in_pty(argv[0], cArgv, cEnv, Int32(rows), Int32(cols), &master)
        guard pid > 0 else { return nil }
        defer {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            close(master)
        }
        var answered = false
        func waitFor(_ text: String, seconds: Double) -> Bool { Self.waitFor(text, on: master, seconds: seconds, answered: &answered) }
        guard waitFor(marker, seconds: 10) else { return nil }
        _ = drainQuietly(master, quietMilliseconds: 200)
        _ = open.withCString { write(master, $0, strlen($0)) }
        guard waitFor(ready, seconds: 10) else { return nil }
        _ = drainQuietly(master, quietMilliseconds: 200)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        let doneBytes = Array(done.utf8)
        var window = [UInt8]()
        var offset = 0
        let t0 = Harness.now()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if offset < payload.count {
                let n = payload[offset...].withUnsafeBytes { write(master, $0.baseAddress, min($0.count, 4096)) }
                if n > 0 { offset += n }
            }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let n = read(master, &buffer, buffer.count)
            if n > 0 {
                // Only the newest output can hold the marker: keep a window, not everything.
                window = Array((window + buffer[0..<n]).suffix(doneBytes.count + n))
                if contains(window, doneBytes) { return Double(Harness.now() - t0) }
            } else if offset >= payload.count {
                var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                _ = poll(&pfd, 1, 5)
            }
        }
        return nil
    }

    /// A chair and a presenter on one file, each in its own pseudo-terminal. Once both are up and
    /// the presenter follows, sends `keys` to the chair one at a time, each when both screens
    /// are quiet, and returns the nanoseconds from the key written to the chair until the
    /// presenter's screen starts changing (the presenter writes nothing else while idle).
    static func followLatency(chair: [String], presenter: [String], environment: [String: String], rows: Int, cols: Int,
                              keys: [String], timeout: Double = 2) -> [Double] {
        let env = environment.map { "\($0.key)=\($0.value)" }
        let cEnv = env.map { strdup($0) } + [nil]
        defer { cEnv.forEach { free($0) } }
        func spawn(_ argv: [String]) -> (pid: pid_t, master: Int32)? {
            let cArgv = argv.map { strdup($0) } + [nil]
            defer { cArgv.forEach { free($0) } }
            var master: Int32 = -1
            let pid = smk_spawn_in_pty(argv[0], cArgv, cEnv, Int32(rows), Int32(cols), &master)
            return pid > 0 ? (pid, master) : nil
        }
        func waitFor(_ text: String, _ master: Int32, seconds: Double) -> Bool {
            var answered = false
            return Self.waitFor(text, on: master, seconds: seconds, answered: &answered)
        }
        guard let c = spawn(chair) else { return [] }
        defer { kill(c.pid, SIGKILL); var s: Int32 = 0; waitpid(c.pid, &s, 0); close(c.master) }
        guard waitFor("NORMAL", c.master, seconds: 10), let p = spawn(presenter) else { return [] }
        defer { kill(p.pid, SIGKILL); var s: Int32 = 0; waitpid(p.pid, &s, 0); close(p.master) }
        guard waitFor("following", p.master, seconds: 10) else { return [] }
        var samples: [Double] = []
        for key in keys {
            _ = drainQuietly(c.master, quietMilliseconds: 60)
            _ = drainQuietly(p.master, quietMilliseconds: 60)
            let t0 = Harness.now()
            _ = key.withCString { write(c.master, $0, strlen($0)) }
            if !readAvailable(p.master, waitMilliseconds: Int32(timeout * 1000)).isEmpty { samples.append(Double(Harness.now() - t0)) }
        }
        return samples
    }

    /// Reads `master` until `text` appears (true) or `seconds` pass, answering the terminal
    /// queries it sees on the way (`answered` remembers the one answer across calls).
    static func waitFor(_ text: String, on master: Int32, seconds: Double, answered: inout Bool) -> Bool {
        var seen = [UInt8]()
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            seen += readAvailable(master, waitMilliseconds: 20)
            answerDeviceAttributes(seen, master, &answered)
            if contains(seen, Array(text.utf8)) { return true }
        }
        return false
    }

    /// Plays a terminal that does not know the background-colour query (as tmux 3.3): answers
    /// the Device Attributes request that follows it, so start-up is measured with the round
    /// trip a real terminal costs, not the query's timeout.
    static func answerDeviceAttributes(_ seen: [UInt8], _ master: Int32, _ answered: inout Bool) {
        guard !answered, contains(seen, Array("\u{1B}[c".utf8)) else { return }
        answered = true
        _ = "\u{1B}[?1;2c".withCString { write(master, $0, strlen($0)) }
    }

    static func peakRSS(_ pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty } ?? "0") ?? 0
    }

    static func readAvailable(_ fd: Int32, waitMilliseconds: Int32) -> [UInt8] {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, waitMilliseconds) > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = read(fd, &buffer, buffer.count)
        return n > 0 ? Array(buffer[0..<n]) : []
    }

    /// Reads until nothing arrives for `quietMilliseconds`; returns the byte count.
    static func drainQuietly(_ fd: Int32, quietMilliseconds: Int32) -> Int {
        var total = 0
        while true {
            let chunk = readAvailable(fd, waitMilliseconds: quietMilliseconds)
            if chunk.isEmpty { return total }
            total += chunk.count
        }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<(i + needle.count)]) == needle { return true }
        }
        return false
    }
}
