import Foundation
import Testing
@testable import SmarketingModel

/// Writes a workspace to disk in one of the ways other programs do.
enum ExternalWrite {
    static func atomicRename(_ ws: Workspace, to path: String) throws {
        let temp = path + ".tmp-external"
        try Data(MeetingStore.encode(ws)).write(to: URL(fileURLWithPath: temp))
        guard rename(temp, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    static func inPlace(_ bytes: Data, to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: bytes)
        try handle.close()
    }
}

@Suite("Following the file, end to end", .serialized)
struct FollowE2ETests {
    func retitled(_ path: String, _ title: String) throws -> Workspace {
        var ws = try MeetingStore(path: path).load()
        ws.meetings[ws.currentMeetingIndex!].agenda[0].title = title
        return ws
    }

    @Test func thePresenterFollowsTheChair() throws {
        let copy = try WorkspaceCopy("northwind.json")
        let before = try Data(contentsOf: URL(fileURLWithPath: copy.path))
        let chair = try TmuxSession(width: 100, height: 30, shellCommand: "\(TmuxSession.binary) \(copy.path); echo __EXIT=$?")
        let presenter = try TmuxSession(width: 100, height: 30, shellCommand: "\(TmuxSession.binary) present \(copy.path); echo __EXIT=$?")
        try chair.waitFor("1 KPIs")
        try presenter.waitFor("read-only")
        try chair.keys("s")
        let started = Date()
        try presenter.waitFor("▶ Review last week")
        let latency = Date().timeIntervalSince(started)
        print("follow latency (chair key to presenter screen, including tmux polling): \(Int(latency * 1000)) ms")
        try chair.keys("c")
        try chair.type("d: Webinar leads go to nurture first")
        try chair.keys("Enter")
        try presenter.waitFor("◆ Webinar leads go to nurture first")
        // The presenter's keys never edit and never write.
        let stamp = try Data(contentsOf: URL(fileURLWithPath: copy.path))
        try presenter.keys("a", "d", "Space", "u", "W", "y")
        try presenter.waitFor("Following the chair; --independent browses")
        try presenter.keys("q")
        try presenter.waitFor("__EXIT=0")
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy.path)) == stamp)
        #expect(stamp != before)
        try chair.keys("q")
        try chair.waitFor("__EXIT=0")
    }

    @Test func thePresenterSurvivesEveryKindOfWrite() throws {
        let copy = try WorkspaceCopy("northwind.json")
        let presenter = try TmuxSession(width: 100, height: 30, shellCommand: "\(TmuxSession.binary) present \(copy.path); echo __EXIT=$?")
        try presenter.waitFor("read-only")
        // An atomic save (write a temporary file, rename it over).
        try ExternalWrite.atomicRename(try retitled(copy.path, "Renamed into place"), to: copy.path)
        try presenter.waitFor("Renamed into place")
        // An in-place write, as some editors do.
        try ExternalWrite.inPlace(Data(MeetingStore.encode(try retitled(copy.path, "Written in place"))), to: copy.path)
        try presenter.waitFor("Written in place")
        // Deleted, then created again.
        let next = try retitled(copy.path, "Created again")
        try FileManager.default.removeItem(atPath: copy.path)
        try presenter.waitFor("the file was removed")
        try Data(MeetingStore.encode(next)).write(to: URL(fileURLWithPath: copy.path))
        try presenter.waitFor("Created again")
        // Half-written: the last good state stays, with a banner, until the file is valid again.
        let good = try Data(contentsOf: URL(fileURLWithPath: copy.path))
        try ExternalWrite.inPlace(good.prefix(good.count / 2), to: copy.path)
        let screen = try presenter.waitFor("not valid right now")
        #expect(screen.contains("Created again"))
        // The very version it showed comes back: the banner goes at once (it stayed, once).
        try ExternalWrite.inPlace(good, to: copy.path)
        try presenter.waitUntilGone("not valid right now", timeout: 3)
        try ExternalWrite.inPlace(good.prefix(good.count / 2), to: copy.path)
        try presenter.waitFor("not valid right now")
        var valid = try MeetingStore.decode(Array(good), path: copy.path)
        valid.meetings[valid.currentMeetingIndex!].agenda[0].title = "Valid once more"
        try ExternalWrite.inPlace(Data(MeetingStore.encode(valid)), to: copy.path)
        #expect(!(try presenter.waitFor("Valid once more")).contains("not valid right now"))
        try presenter.keys("q")
        try presenter.waitFor("__EXIT=0")
    }

    @Test func whenBothSidesChangedTheChairChoosesAndNothingIsLost() throws {
        let copy = try WorkspaceCopy("northwind.json")
        let dir = copy.directory.path
        let chair = try TmuxSession(width: 100, height: 30, shellCommand: "\(try copy.wrapperRecordingPID()); echo __EXIT=$?")
        try chair.waitFor("1 KPIs")
        let pid = try copy.recordedPID()
        // Freeze the chair, change the file elsewhere, queue a key: the chair edits before it
        // can have read the other change, so its save finds the file changed.
        kill(pid, SIGSTOP)
        try ExternalWrite.atomicRename(try retitled(copy.path, "Their edit"), to: copy.path)
        try chair.keys("Space")
        // tmux writes the key to the terminal in its own time: wait until it is there, or the
        // chair could read the other change first and take it quietly.
        copy.waitForPendingInput(of: pid)
        kill(pid, SIGCONT)
        try chair.waitFor("The file changed on disk while you had unsaved edits")
        #expect(try MeetingStore(path: copy.path).load().currentMeeting?.agenda[0].title == "Their edit")
        try chair.keys("v")
        try chair.waitFor("changed     Agenda item")
        try chair.keys("k")
        try chair.waitFor("Kept your version")
        let saved = try MeetingStore(path: copy.path).load()
        #expect(saved.currentMeeting?.agenda[0].status == .active)
        #expect(saved.currentMeeting?.agenda[0].title != "Their edit")
        let aside = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".conflict-") }
        #expect(aside.count == 1)
        #expect(try MeetingStore(path: "\(dir)/\(aside[0])").load().currentMeeting?.agenda[0].title == "Their edit")
        try chair.keys("q")
        try chair.waitFor("__EXIT=0")
    }

    @Test func notesOpenInTheEditorAndAreSaved() throws {
        let copy = try WorkspaceCopy("northwind.json")
        let editor = "\(copy.directory.path)/fake-editor.sh"
        // The editor shows that it has the terminal, waits for Enter, then writes the notes.
        try "#!/bin/sh\nprintf 'EDITOR HAS THE TERMINAL'\nread answer\nprintf 'Notes written in the editor\\nsecond line 渡辺\\n' > \"$1\"\n".write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        let chair = try TmuxSession(width: 100, height: 30, shellCommand: "EDITOR=\(editor) \(TmuxSession.binary) \(copy.path); echo __EXIT=$?")
        try chair.waitFor("1 KPIs")
        try chair.keys("N")
        try chair.waitFor("EDITOR HAS THE TERMINAL") // the dashboard is gone while the editor runs
        #expect(!(try chair.screen()).contains("1 KPIs"))
        try chair.keys("Enter")
        try chair.waitFor("1 KPIs") // back from the editor, redrawn
        var saved = try MeetingStore(path: copy.path).load()
        for _ in 0..<100 where saved.currentMeeting?.agenda[0].notes.isEmpty ?? true {
            Thread.sleep(forTimeInterval: 0.05)
            saved = try MeetingStore(path: copy.path).load()
        }
        #expect(saved.currentMeeting?.agenda[0].notes == "Notes written in the editor\nsecond line 渡辺")
        try chair.keys("q")
        try chair.waitFor("__EXIT=0")
    }
}
