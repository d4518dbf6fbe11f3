import Foundation
@testable import SmarketingModel
import Testing

/// Issue 10, item 1, on the command line: `new-week` on files at the model's limits either writes a
/// file that opens again or refuses with exit 1 and leaves the file byte for byte as it was.
@Suite("new-week at the limits")
struct NewWeekLimitTests {
    /// The sample workspace written to a scratch file after `change`.
    func sampleFile(_ scratch: Scratch, _ change: (inout Workspace) throws -> Void) throws -> String {
        var ws = try MeetingStore(path: CLI.sample("northwind.json")).load()
        try change(&ws)
        let path = scratch.file("team.json")
        try MeetingStore.create(ws, at: path)
        return path
    }

    var realNow: Timestamp { Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)) }

    @Test func anAgendaItemStarted117DaysAgoIsClosedWithItsClockSaturated() throws {
        let scratch = Scratch()
        let now = realNow
        let path = try sampleFile(scratch) { ws in
            // The meeting was started (its first item running) 117 days ago, by the real clock
            // new-week reads: 10,108,800 seconds, past the 10,000,000 the file allows.
            try ws.startMeeting(now: now.adding(seconds: -117 * 86_400))
        }
        let r = try CLI.run(["new-week", path])
        expectNoCrash(r)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stderr.isEmpty)
        let ws = try MeetingStore(path: path).load()
        let closed = ws.meetings.first { $0.date.iso == "2026-11-23" }
        #expect(closed?.agenda[0].status == .done)
        #expect(closed?.agenda[0].actualSeconds == 10_000_000)
        #expect(ws.currentMeeting?.date.iso == "2026-11-30")
    }

    @Test func anActionItemCarried1000WeeksStaysAt1000() throws {
        let scratch = Scratch()
        let path = try sampleFile(scratch) { ws in
            let mi = ws.currentMeetingIndex!
            ws.meetings[mi].actionItems[0].weeksCarried = 1000
            ws.meetings[mi].actionItems[0].done = false
        }
        let title = try MeetingStore(path: path).load().currentMeeting!.actionItems[0].title
        let r = try CLI.run(["new-week", path])
        expectNoCrash(r)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let ws = try MeetingStore(path: path).load()
        #expect(ws.currentMeeting?.date.iso == "2026-11-30")
        #expect(ws.currentMeeting?.actionItems.first { $0.title == title }?.weeksCarried == 1000)
    }

    @Test func aFileSoLargeThatTheNewWeekWouldPassTheCapIsRefusedAndLeftAsItWas() throws {
        let scratch = Scratch()
        let path = scratch.file("team.json")
        let cap = MeetingStore.maximumSize
        let size = try HugeWorkspace.write(to: path, bytesBelowCap: 200)
        #expect(size == cap - 200)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // What a new week adds to the file (ids, dates and timestamps have a fixed width), measured
        // on the sample: it does not fit in the 200 bytes left.
        var small = try MeetingStore(path: CLI.sample("northwind.json")).load()
        let smallSize = MeetingStore.encode(small).count
        var ids = IDGenerator(seed: 1)
        _ = try small.startNextWeek(now: realNow, ids: &ids)
        let wouldBe = size + MeetingStore.encode(small).count - smallSize
        #expect(wouldBe > cap)

        let r = try CLI.run(["new-week", path])
        expectNoCrash(r)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "\(path): not saved: the workspace would be \(wouldBe) bytes, over the 64 MiB limit (\(cap) bytes); "
            + "make room by exporting the minutes of old meetings and removing those meetings from the file. The file on disk is unchanged.\n")
        // Nothing was written: not the file, not a backup, not a temporary file.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["team.json"])
    }
}

/// A workspace file just under the size cap: the sample plus many old meetings with long notes.
enum HugeWorkspace {
    /// Writes the file, `bytesBelowCap` bytes under `MeetingStore.maximumSize`; returns its size.
    /// Encoding 64 MiB is slow in a debug build, so the workspace is encoded with a short marker
    /// for each old meeting's notes and the markers are then replaced by the notes: plain ASCII
    /// is written as it is, so the result is exactly what `MeetingStore.encode` would give.
    static func write(to path: String, bytesBelowCap: Int) throws -> Int {
        let sample = try MeetingStore(path: CLI.sample("northwind.json")).load()
        let target = MeetingStore.maximumSize - bytesBelowCap
        let marker = "#NOTES#"
        let first = CalendarDate(iso: "2000-01-03")!
        func withOldMeetings(_ count: Int) -> [UInt8] {
            var ws = sample
            for i in 0..<count {
                let date = first.adding(days: 7 * i)
                ws.meetings.append(Meeting(id: "mtg-old-\(i)", date: date, kpiWeek: date.adding(days: -7), chair: "C", notes: marker))
            }
            return MeetingStore.encode(ws)
        }
        // As many meetings as the notes need, at most `longText` bytes each.
        var count = target / ModelLimits.longText
        var skeleton = withOldMeetings(count)
        while target - (skeleton.count - marker.utf8.count * count) > count * ModelLimits.longText {
            count += 1
            skeleton = withOldMeetings(count)
        }
        var notesBytes = target - (skeleton.count - marker.utf8.count * count)
        let parts = String(decoding: skeleton, as: UTF8.self).components(separatedBy: marker)
        precondition(parts.count == count + 1 && notesBytes >= count, "the marker must appear once per old meeting")
        var text = parts[0]
        text.reserveCapacity(target)
        for (i, part) in parts.dropFirst().enumerated() {
            let length = min(ModelLimits.longText, notesBytes - (count - 1 - i))
            notesBytes -= length
            text += String(repeating: "x", count: length) + part
        }
        let bytes = Array(text.utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return bytes.count
    }
}
