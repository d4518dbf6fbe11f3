import Foundation
import SmarketingModel
import SmarketingUI
#if canImport(Glibc)
import Glibc
#endif

/// Runs the user's editor ($VISUAL, $EDITOR, else vi) on a temporary copy of some text.
enum ExternalEditor {
    static func edit(_ text: String, environment: [String: String]) -> Result<String, NotesEditFailure> {
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        var template = Array((FileManager.default.temporaryDirectory.path + "/smarketing-notes-XXXXXX.md").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 3) }
        guard fd >= 0 else { return .failure(NotesEditFailure("cannot create a temporary file: \(String(cString: strerror(errno)))")) }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { unlink(path) }
        // A final newline, as editors expect: a line appended in the editor must not fuse with the last one.
        let bytes = Array((text.isEmpty || text.hasSuffix("\n") ? text : text + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { return .failure(NotesEditFailure("cannot write the temporary file")) }

        // Through the shell, so "code --wait" or "vim -u NONE" work as people set them.
        // `exec`, so the editor is our child itself: a Ctrl-C it survives must not end a shell
        // waiting for it (the dashboard would come back while the editor still runs).
        let argv: [String] = ["/bin/sh", "-c", "exec \(editor) \"$1\"", "sh", path]
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        // Ctrl-C and Ctrl-\\ belong to the editor while it runs (ed, for one, keeps ISIG on): the
        // dashboard ignores them until it has the terminal back; the editor starts with the
        // default handlers and nothing blocked.
        var ignore = sigaction(), oldInt = sigaction(), oldQuit = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigemptyset(&ignore.sa_mask)
        sigaction(SIGINT, &ignore, &oldInt)
        sigaction(SIGQUIT, &ignore, &oldQuit)
        defer {
            sigaction(SIGINT, &oldInt, nil)
            sigaction(SIGQUIT, &oldQuit, nil)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        for sig in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/bin/sh", nil, &attributes, cArgs, environ)
        guard rc == 0 else { return .failure(NotesEditFailure("cannot start the editor \(TextSanitizer.visible(editor)): \(String(cString: strerror(rc)))")) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = (status & 0x7F) == 0
        let code = (status >> 8) & 0xFF
        guard exited, code == 0 else {
            return .failure(NotesEditFailure("the editor \(TextSanitizer.visible(editor)) \(exited ? "exited with status \(code)" : "was stopped by a signal"); nothing changed"))
        }
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(NotesEditFailure("the edited file disappeared")) }
        guard data.count <= ModelLimits.longText, let edited = String(data: data, encoding: .utf8) else {
            return .failure(NotesEditFailure("the edited text is not UTF-8 or is over \(ModelLimits.longText) bytes"))
        }
        return .success(edited)
    }
}
