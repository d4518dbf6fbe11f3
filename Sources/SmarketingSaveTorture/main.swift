// A test helper for the fault suites. Not installed.
//
//   smarketing-save-torture FILE
//     Saves two alternating versions of FILE as fast as it can, printing "saved N" after each,
//     until it is killed (the crash-safety suite SIGKILLs it).
//
//   smarketing-save-torture --race FILE NAME SECONDS SEED
//     Behaves like a chair's dashboard at the store: every few milliseconds it adds a token
//     "NAME-i" to the meeting notes and saves. When the file changed on disk it either keeps its
//     version (as `k` does: the other one is copied aside) or reloads (dropping the unsaved
//     token), at random. Prints "ack TOKEN" for every version it was told was saved and "aside
//     PATH" for every conflict copy, for the concurrent-writers suite to account for.
import Foundation
import SmarketingModel

func fail(_ lines: [String]) -> Never {
    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    exit(1)
}

func say(_ text: String) {
    let line = Array((text + "\n").utf8)
    _ = line.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
}

func load(_ store: MeetingStore) -> Workspace {
    do {
        return try store.load()
    } catch {
        fail(error.lines)
    }
}

func torture(_ path: String) -> Never {
    let store = MeetingStore(path: path)
    var workspace = load(store)
    let names = ["Version A", "Version B"]
    var n = 0
    // Continue from whichever version is on disk, so every save changes the file.
    if workspace.team.name == names[0] { n = 1 }
    while true {
        workspace.team.name = names[n % 2]
        do {
            try store.save(workspace)
        } catch {
            fail(error.lines)
        }
        say("saved \(n)")
        n += 1
    }
}

func race(_ path: String, name: String, seconds: Double, seed: UInt64) -> Never {
    let store = MeetingStore(path: path)
    var workspace = load(store)
    var random = SeededRandom(seed: seed)
    let deadline = Date().addingTimeInterval(seconds)
    var i = 0
    while Date() < deadline {
        i += 1
        let token = "\(name)-\(i)"
        var mine = workspace
        guard let m = mine.currentMeetingIndex else { fail(["\(path): no current meeting"]) }
        mine.meetings[m].notes += " \(token)"
        do {
            for copy in try store.save(mine).keptAside { say("aside \(copy)") }
            say("ack \(token)")
            workspace = mine
        } catch .changedOnDisk {
            if random.next() % 4 != 0 {
                do {
                    for copy in try store.keepMine(mine, stamp: Timestamp.current.fileStamp) { say("aside \(copy)") }
                } catch {
                    fail(error.lines)
                }
                say("ack \(token)")
                workspace = mine
            } else {
                workspace = load(store)
            }
        } catch {
            fail(error.lines)
        }
        usleep(useconds_t(random.next() % 8_000))
    }
    exit(0)
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.count == 1 {
    torture(arguments[0])
} else if arguments.count == 5, arguments[0] == "--race", let seconds = Double(arguments[3]), let seed = UInt64(arguments[4]) {
    race(arguments[1], name: arguments[2], seconds: seconds, seed: seed)
} else {
    fail(["usage: smarketing-save-torture FILE", "       smarketing-save-torture --race FILE NAME SECONDS SEED"])
}
