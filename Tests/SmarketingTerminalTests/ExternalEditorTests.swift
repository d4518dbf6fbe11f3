import Foundation
import Testing
@testable import SmarketingTerminal
#if canImport(Glibc)
import Glibc
#endif

/// The real editor hand-off, with shell scripts as editors.
@Suite("External editor", .serialized)
struct ExternalEditorTests {
    /// A script run as `sh SCRIPT` (executing a file just written can fail with ETXTBSY while
    /// other tests spawn processes).
    func editor(_ script: String) throws -> (path: String, cleanup: () -> Void) {
        let dir = NSTemporaryDirectory() + "smarketing-editor-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/editor.sh"
        try ("#!/bin/sh\n" + script).write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return ("/bin/sh " + path, { try? FileManager.default.removeItem(atPath: dir) })
    }

    @Test func theTextEndsWithANewlineSoAnAppendedLineStaysALine() throws {
        let (path, cleanup) = try editor("printf 'Edited by Dana\\n' >> \"$1\"\n")
        defer { cleanup() }
        let result = ExternalEditor.edit("Budget approved.\nNext step: hire", environment: ["EDITOR": path])
        #expect(try result.get() == "Budget approved.\nNext step: hire\nEdited by Dana\n")
    }

    @Test func anEmptyTextStaysEmpty() throws {
        let (path, cleanup) = try editor("cat \"$1\" > \"$1.seen\"; cp \"$1.seen\" \"$(dirname \"$0\")/seen\"\n")
        defer { cleanup() }
        _ = try ExternalEditor.edit("", environment: ["EDITOR": path]).get()
        let seen = try String(contentsOfFile: URL(fileURLWithPath: String(path.dropFirst(8))).deletingLastPathComponent().appendingPathComponent("seen").path, encoding: .utf8)
        #expect(seen == "")
    }

    /// Ctrl-C goes to the whole foreground process group: the editor may handle it (ed does);
    /// the dashboard must not die of it. (Before the fix this test ended the test process.)
    @Test func anInterruptWhileTheEditorRunsIsTheEditorsAlone() throws {
        let (path, cleanup) = try editor("trap 'echo interrupted > \"$1\"' INT\nkill -INT $PPID\nkill -INT $$\n")
        defer { cleanup() }
        func handler() -> [UInt8] {
            var action = sigaction()
            sigaction(SIGINT, nil, &action)
            return withUnsafeBytes(of: action.__sigaction_handler) { Array($0) }
        }
        let before = handler()
        let result = ExternalEditor.edit("old", environment: ["EDITOR": path])
        #expect(try result.get() == "interrupted\n")
        // Still here, and SIGINT is handled as before once the editor is done.
        #expect(handler() == before)
    }
}
