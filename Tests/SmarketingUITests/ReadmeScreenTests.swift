import Foundation
import Testing
@testable import SmarketingModel
@testable import SmarketingUI

/// The README's picture of the dashboard is the golden screen `readme-100x30`: the sample at
/// 100x30 on the morning of its meeting. The test fails when the two differ, so the README never
/// shows a dashboard that is no longer there; SMARKETING_UPDATE_GOLDENS=1 rewrites both.
@Suite("The README's screen")
struct ReadmeScreenTests {
    static let marker = "<!-- screen: readme-100x30"
    static let readme = UIFixture.repository.appendingPathComponent("README.md")

    @Test func theReadmeShowsTheGoldenScreen() throws {
        let state = try UIFixture.state(size: Size(width: 100, height: 30))
        let frame = Renderer.render(state)
        try UIFixture.assertScreen(frame, "readme-100x30")
        let screen = frame.grid.textLines.map { String($0.reversed().drop { $0 == " " }.reversed()) }

        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        var lines = text.lines
        let start = try #require(lines.firstIndex { $0.hasPrefix(Self.marker) }, "the README has no \(Self.marker) marker")
        try #require(lines.indices.contains(start + 1) && lines[start + 1] == "```", "the marker must be followed by a ``` block")
        let end = try #require(lines[(start + 2)...].firstIndex(of: "```"), "the README's screen block is not closed")
        if ProcessInfo.processInfo.environment["SMARKETING_UPDATE_GOLDENS"] == "1" {
            lines.replaceSubrange((start + 2)..<end, with: screen)
            try lines.joined(separator: "\n").write(to: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        Golden.expectLines(Array(lines[(start + 2)..<end]), screen,
                           "the README's screen is not the dashboard's; SMARKETING_UPDATE_GOLDENS=1 swift test --filter ReadmeScreen rewrites it")
    }
}
