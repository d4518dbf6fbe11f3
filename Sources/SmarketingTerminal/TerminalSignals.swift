import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

// Signal handlers may only touch plain global memory, so the state they share lives here.
nonisolated(unsafe) private var pendingStopSignal: sig_atomic_t = 0
nonisolated(unsafe) private var savedTermios = termios()
nonisolated(unsafe) private var haveSavedTermios = false
nonisolated(unsafe) private var restoreBytes: UnsafeMutablePointer<UInt8>?
nonisolated(unsafe) private var restoreCount = 0
/// Written by the stop-signal handler, so the event loop wakes whichever thread took the signal.
nonisolated(unsafe) private var wakePipe: [Int32] = [-1, -1]
nonisolated(unsafe) private var wakeWriteFD: Int32 = -1

/// Signals that ask us to stop are turned into events; crash signals restore the terminal and die.
enum TerminalSignals {
    /// Every signal whose default action ends the process and that leaves time to save: the
    /// edits are saved, the terminal restored, and the exit status is 128 + the signal.
    static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
                                       SIGPWR, SIGXCPU, SIGIO, SIGSTKFLT]
    /// Signals after which nothing can be trusted: the terminal is restored and the signal re-raised.
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGSYS]

    static func install() {
        if tcgetattr(STDIN_FILENO, &savedTermios) == 0 { haveSavedTermios = true }
        // A parent may have started us with signals blocked (a thread pool, a supervisor). Resizes,
        // suspend and the stop signals must get through, or the screen and the saves go wrong.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for sig in stopSignals + crashSignals + [SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&wanted, sig) }
        sigprocmask(SIG_UNBLOCK, &wanted, nil)
        if wakePipe[0] < 0, pipe(&wakePipe) == 0 {
            for fd in wakePipe {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
            wakeWriteFD = wakePipe[1]
        }
        for sig in stopSignals {
            // No SA_RESTART, and a byte down the wake pipe: the loop notices at once, whichever
            // thread the signal landed on.
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                pendingStopSignal = sig
                var byte: UInt8 = 1
                if wakeWriteFD >= 0 { _ = write(wakeWriteFD, &byte, 1) }
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, nil)
        }
        // Over the file size limit a write fails with EFBIG (a save then says NOT SAVED and keeps
        // the edits) rather than killing the process.
        signal(SIGXFSZ, SIG_IGN)
        for sig in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                // Only async-signal-safe calls: put the tty back, leave the alternate screen, re-raise.
                if haveSavedTermios { tcsetattr(STDIN_FILENO, TCSANOW, &savedTermios) }
                if let bytes = restoreBytes { _ = write(STDOUT_FILENO, bytes, restoreCount) }
                signal(sig, SIG_DFL)
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0 // the handler itself resets to the default before re-raising
            sigaction(sig, &action, nil)
        }
    }

    /// Precomputes the bytes that put the screen back (after ncurses has read terminfo); `first`
    /// undoes modes set outside terminfo (bracketed paste).
    static func prepareRestore(first: String = "") {
        var bytes: [UInt8] = Array(first.utf8)
        for cap in ["sgr0", "cnorm", "rmcup"] {
            if let s = smk_tigetstr(cap) { bytes += Array(String(cString: s).utf8) }
        }
        bytes += Array("\r\nsmarketing stopped unexpectedly; the terminal was restored. Every edit up to the last one was saved as it was made.\r\n".utf8)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        restoreBytes = buffer
        restoreCount = bytes.count
    }

    static func uninstall() {
        for sig in stopSignals + crashSignals + [SIGXFSZ] { signal(sig, SIG_DFL) }
    }

    /// The descriptor that becomes readable when a stop signal arrives.
    static var wakeDescriptor: Int32 { wakePipe[0] }

    /// The stop signal that arrived since the last call, if any.
    static func takePending() -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 16)
        if wakePipe[0] >= 0 { while read(wakePipe[0], &buffer, buffer.count) > 0 {} }
        let sig = pendingStopSignal
        guard sig != 0 else { return nil }
        pendingStopSignal = 0
        return sig
    }
}
