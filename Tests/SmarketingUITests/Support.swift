import Foundation
import Testing
@testable import SmarketingModel
@testable import SmarketingUI

enum UIFixture {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()

    static func workspace(_ name: String) throws -> Workspace {
        try MeetingStore(path: repository.appendingPathComponent("sample-data/\(name)").path).load()
    }

    /// 2026-11-23 09:41:00 UTC: the morning of the sample meeting.
    static let morning = Timestamp(iso: "2026-11-23T09:41:00Z")!

    static func state(_ name: String = "northwind.json", size: Size = Size(width: 80, height: 24)) throws -> AppState {
        AppState(workspace: try workspace(name), fileLabel: name, size: size, now: morning,
                 themeNames: ["default", "light", "projector", "colorblind", "mono"], ids: IDGenerator(seed: 42))
    }

    /// Compares a frame with `Fixtures/screens/NAME.txt` (text) and `NAME.style` (one role letter
    /// per cell), or rewrites them when SMARKETING_UPDATE_GOLDENS=1.
    static func assertScreen(_ frame: Frame, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dir = testsDirectory.appendingPathComponent("Fixtures/screens")
        let text = frame.grid.textLines.joined(separator: "\n") + "\n"
        let legend = "# one letter per cell: " + StyleRole.allCases.map { "\($0.letter)=\($0.key)" }.joined(separator: " ") + "\n"
        let style = legend + frame.grid.styleLines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["SMARKETING_UPDATE_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try text.write(to: dir.appendingPathComponent("\(name).txt"), atomically: true, encoding: .utf8)
            try style.write(to: dir.appendingPathComponent("\(name).style"), atomically: true, encoding: .utf8)
            return
        }
        let expectedText = try String(contentsOf: dir.appendingPathComponent("\(name).txt"), encoding: .utf8)
        let expectedStyle = try String(contentsOf: dir.appendingPathComponent("\(name).style"), encoding: .utf8)
        #expect(text == expectedText, "screen \(name) differs; regenerate with SMARKETING_UPDATE_GOLDENS=1 if intended", sourceLocation: sourceLocation)
        #expect(style == expectedStyle, "styles of \(name) differ; regenerate with SMARKETING_UPDATE_GOLDENS=1 if intended", sourceLocation: sourceLocation)
    }
}

extension AppState {
    mutating func press(_ keys: Key...) {
        for key in keys { _ = Reducer.reduce(&self, .key(key)) }
    }

    mutating func type(_ text: String) {
        for c in text { _ = Reducer.reduce(&self, .key(.char(c))) }
    }
}
