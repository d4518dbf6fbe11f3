import CustomDump
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
        let hint = "regenerate with SMARKETING_UPDATE_GOLDENS=1 if intended"
        Golden.expectLines(text.lines, expectedText.lines, "screen \(name) differs; \(hint)", sourceLocation: sourceLocation)
        Golden.expectLines(style.lines, expectedStyle.lines, "styles of \(name) differ; \(hint)", sourceLocation: sourceLocation)
    }
}

/// Compares lines and, when they differ, reports which ones and how, instead of two walls of text.
enum Golden {
    static func expectLines(_ actual: [String], _ expected: [String], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard actual != expected else { return }
        // CustomDump prints the changed lines with their indices, "-" expected and "+" actual, and
        // folds runs of equal lines.
        let changes = diff(expected, actual, format: .proportional) ?? ""
        let count = max(actual.count, expected.count)
        let rows = (0..<count).filter { (actual.indices.contains($0) ? actual[$0] : nil) != (expected.indices.contains($0) ? expected[$0] : nil) }
        Issue.record("\(what)\nlines \(rows.map(String.init).joined(separator: ", ")) differ (− expected, + actual):\n\(changes)",
                     sourceLocation: sourceLocation)
    }
}

extension String {
    /// The lines of a golden file (a final newline leaves an empty last line, so it counts too).
    var lines: [String] { split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}

extension AppState {
    mutating func press(_ keys: Key...) {
        for key in keys { _ = Reducer.reduce(&self, .key(key)) }
    }

    mutating func type(_ text: String) {
        for c in text { _ = Reducer.reduce(&self, .key(.char(c))) }
    }
}

/// Single-widget goldens, as ratatui's tests compare a buffer with `Buffer::with_lines`: draw a
/// widget built by hand into a small grid and compare with lines written in the test.
enum WidgetFixture {
    /// Draws `widget` into a grid of exactly `width` x `height`.
    static func draw(_ widget: some Widget, width: Int, height: Int) -> Grid {
        var grid = Grid(size: Size(width: width, height: height))
        widget.render(into: &grid, grid.bounds)
        return grid
    }

    /// Expects the grid's text and, when given, its roles (one letter per cell, as in the
    /// `.style` goldens: `StyleRole.letter`).
    static func expect(_ grid: Grid, _ lines: [String], styles: [String]? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        Golden.expectLines(grid.textLines, lines, "widget text differs", sourceLocation: sourceLocation)
        if let styles { Golden.expectLines(grid.styleLines, styles, "widget styles differ", sourceLocation: sourceLocation) }
    }

    static let sentinel = Cell("░", role: .bannerError)

    /// Draws `widget` into `rect` of a grid of `size` filled with a sentinel, and returns the cells
    /// outside `rect` that it changed (none, for a widget that keeps to its rect).
    static func cellsDrawnOutside(_ widget: some Widget, _ rect: Rect, in size: Size) -> [String] {
        var grid = Grid(size: size, fill: sentinel)
        widget.render(into: &grid, rect)
        var outside: [String] = []
        for y in 0..<size.height {
            for x in 0..<size.width where !(x >= rect.x && x < rect.maxX && y >= rect.y && y < rect.maxY) && grid[x, y] != sentinel {
                outside.append("(\(x),\(y))")
            }
        }
        return outside
    }
}
