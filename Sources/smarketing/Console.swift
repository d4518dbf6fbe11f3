#if canImport(Glibc)
import Glibc
#endif
import SmarketingModel

/// A failure the user can act on: the lines go to stderr, one per problem.
struct CLIFailure: Error {
    var lines: [String]
    var exitCode: Int32 = 1

    init(_ lines: [String], exitCode: Int32 = 1) {
        self.lines = lines
        self.exitCode = exitCode
    }

    init(_ error: WorkspaceError) {
        self.init(error.lines)
    }
}

struct WriteFailure: Error {
    var code: Int32
}

/// Standard output and error, written unbuffered so nothing is lost on exit and a closed pipe is noticed.
enum Console {
    static func write(_ text: String) throws(WriteFailure) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteFailure(code: errno)
            }
            bytes = bytes.dropFirst(n)
        }
    }

    /// Writes a message to stderr. Whatever it quotes (paths, arguments, the environment), no
    /// control character reaches the terminal raw: each is shown as a placeholder such as `␛`.
    static func error(_ line: String) {
        let bytes = Array((visible(line) + "\n").utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    /// Text with its line breaks kept and every other control character made visible.
    static func visible(_ text: String) -> String {
        TextSanitizer.isSafe(text, allowingNewlines: true) ? text : TextSanitizer.visibleLines(text).joined(separator: "\n")
    }
}
