// A test helper for the crash-safety suite: loads a workspace and saves two alternating versions
// of it as fast as it can, printing "saved N" after each, until it is killed. Not installed.
import Foundation
import SmarketingModel

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: smarketing-save-torture FILE\n".utf8))
    exit(2)
}
let store = MeetingStore(path: CommandLine.arguments[1])
var workspace: Workspace
do {
    workspace = try store.load()
} catch {
    FileHandle.standardError.write(Data((error.lines.joined(separator: "\n") + "\n").utf8))
    exit(1)
}
let names = ["Version A", "Version B"]
var n = 0
// Continue from whichever version is on disk, so every save changes the file.
if workspace.team.name == names[0] { n = 1 }
while true {
    workspace.team.name = names[n % 2]
    do {
        try store.save(workspace)
    } catch {
        FileHandle.standardError.write(Data((error.lines.joined(separator: "\n") + "\n").utf8))
        exit(1)
    }
    let line = Array("saved \(n)\n".utf8)
    _ = line.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    n += 1
}
