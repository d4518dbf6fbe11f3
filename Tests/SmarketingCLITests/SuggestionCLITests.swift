import Foundation
import SmarketingModel
import Testing

/// Messages that suggest a fix suggest one that applies.
@Suite("Messages that suggest a fix")
struct SuggestionCLITests {
    /// A workspace saved once (so a `.bak` of the first version sits beside it), then broken.
    static func brokenAfterASave(in dir: Scratch) throws -> String {
        let path = dir.file("team.json")
        try FileManager.default.copyItem(atPath: CLI.sample("northwind.json"), toPath: path)
        let saved = try CLI.run(["new-week", path])
        try #require(saved.status == 0, "\(saved.stderr)")
        try #"{"team": 1,,}"#.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    @Test func brokenJSONSuggestsTheBackupOnlyWhenThereIsOne() throws {
        let dir = Scratch()
        let lonely = dir.file("lonely.json")
        try #"{"team": 1,,}"#.write(toFile: lonely, atomically: true, encoding: .utf8)
        let r = try CLI.run(["validate", lonely])
        #expect(r.status == 1)
        #expect(r.stderr == "\(lonely):1:12: invalid JSON: expected a quoted member name, found ','. Fix it in a text editor.\n")

        let path = try Self.brokenAfterASave(in: dir)
        let withBackup = try CLI.run(["validate", path])
        #expect(withBackup.status == 1)
        #expect(withBackup.stderr == "\(path):1:12: invalid JSON: expected a quoted member name, found ','. Fix it in a text editor, or restore \(path).bak (the version before the last save).\n")
        let restored = try CLI.run(["validate", path + ".bak"])
        #expect(restored.status == 0, "the suggested backup is not a valid workspace: \(restored.stderr)")
    }

    @Test func throughASymbolicLinkTheBackupBesideTheTargetIsSuggested() throws {
        let dir = Scratch()
        let target = try Self.brokenAfterASave(in: dir)
        let link = dir.file("link.json")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let r = try CLI.run(["validate", link])
        #expect(r.status == 1)
        let real = URL(fileURLWithPath: target).resolvingSymlinksInPath().path
        #expect(r.stderr.hasSuffix("Fix it in a text editor, or restore \(real).bak (the version before the last save).\n"), "\(r.stderr)")
    }

    @Test func idsThatDifferOnlyInUnicodeNormalisationAreExplained() throws {
        let dir = Scratch()
        let path = dir.file("team.json")
        var ws = try MeetingStore(path: CLI.sample("northwind.json")).load()
        ws.frictionPoints[0].id = "caf\u{E9}"   // é as one code point (NFC)
        ws.frictionPoints[1].id = "cafe\u{301}" // e and a combining acute accent (NFD)
        try AtomicFile.write(MeetingStore.encode(ws), to: path)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        try #require(written.unicodeScalars.contains("\u{301}"), "the file does not hold the NFD spelling")

        let r = try CLI.run(["validate", path])
        #expect(r.status == 1)
        #expect(r.stderr == "\(path): frictionPoints[1].id: the id \"café\" (spelled cafe\\u{301}) differs from the id \"café\" at frictionPoints[0].id (spelled caf\\u{E9}) only in Unicode normalisation, so the two count as the same id; rename this one\n")
    }
}
