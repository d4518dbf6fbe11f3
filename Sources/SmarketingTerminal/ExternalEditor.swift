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
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { return .failure(NotesEditFailure("cannot write the temporary file")) }

        // Through the shell, so "code --wait" or "vim -u NONE" work as people set them.
        let argv: [String] = ["/bin/sh", "-c", "\(editor) \"$1\"", "sh", path]
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/bin/sh", nil, nil, cArgs, environ)
        guard rc == 0 else { return .failure(NotesEditFailure("cannot start the editor \(TextSanitizer.visible(editor)): \(String(cString: strerror(rc)))")) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = (status & 0x7F) == 0
        let code = (status >> 8) & 0xFF
        guard exited, code == 0 else {
            return .failure(NotesEditFailure("the editor \(TextSanitizer.visible(editor)) \(exited ? "exited with status \(code)" : "was stopped by a signal"); nothing changed"))
        }
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(NotesEditFailure("the edited file disappeared")) }
        guard data.count <= 100_000, let edited = String(data: data, encoding: .utf8) else {
            return .failure(NotesEditFailure("the edited text is not UTF-8 or is over 100000 bytes"))
        }
        return .success(edited)
    }
}
