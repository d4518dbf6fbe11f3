import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

extension CommandLine {
    /// Parses the arguments, runs the command and returns the process exit code:
    /// 0 on success, 1 when the input is bad, 2 when the command line itself is wrong.
    static func run() -> Int32 {
        do {
            var command = try Smarketing.parseAsRoot()
            try command.run()
            return 0
        } catch let failure as CLIFailure {
            failure.lines.forEach(Console.error)
            return failure.exitCode
        } catch let error as WriteFailure {
            if error.code != EPIPE { Console.error("smarketing: cannot write the output: \(String(cString: strerror(error.code)))") }
            return 1
        } catch {
            // ArgumentParser quotes the arguments it did not understand; they may be file names
            // holding escape sequences, so its messages pass the same gate as ours.
            let code = Smarketing.exitCode(for: error)
            let message = Console.visible(Smarketing.fullMessage(for: error))
            if code == .success {
                if !message.isEmpty { try? Console.write(message + "\n") }
                return 0
            }
            Console.error(message)
            return code == .validationFailure ? 2 : code.rawValue
        }
    }
}
