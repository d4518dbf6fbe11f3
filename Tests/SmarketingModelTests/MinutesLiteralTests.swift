import Foundation
import Testing
import Yams
@testable import SmarketingModel

/// Text that renderers like to turn into something else (emoji, links, run-together lines) stays
/// the text the chair typed, in cmark-gfm (safe by default, as GitHub is), pandoc's GFM reader and
/// pandoc's own Markdown with emoji; and the front matter reads back exactly.
@Suite("Minutes stay literal")
struct MinutesLiteralTests {
    static let pandocInstalled = FileManager.default.isExecutableFile(atPath: "/usr/bin/pandoc")

    /// cmark-gfm as GitHub runs it: raw HTML is not rendered, extensions on.
    static func safeHTML(_ markdown: String) throws -> String {
        try render(through: ["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist"], markdown)
    }

    static func minutes(_ strings: [String]) -> String {
        let ws = MarkdownEscapingTests().hostileWorkspace(strings)
        return MinutesExporter(workspace: ws).markdown(for: ws.meetings[0])
    }

    static let shortcodes = ["a:b:c :+1:", ":smile: and :heart:", "meet at 10:30:45", ":-1: from ops", "x::y:z:", "tada:tada:", ":100:%"]

    @Test(.enabled(if: pandocInstalled, "pandoc is not installed"), arguments: ["markdown+emoji", "gfm"])
    func emojiShortcodesAreNotTurnedIntoEmoji(reader: String) throws {
        let markdown = Self.minutes(Self.shortcodes)
        let html = try render(through: ["pandoc", "-f", reader, "-t", "html"], markdown)
        #expect(!html.contains("class=\"emoji\""), "pandoc -f \(reader) made emoji")
        let plain = try render(through: ["pandoc", "-f", reader, "-t", "plain", "--wrap=none"], markdown)
        for s in Self.shortcodes {
            // In the agenda table, the decisions, the action items and the friction points.
            #expect(plain.components(separatedBy: s).count - 1 >= 4, "pandoc -f \(reader) did not give back \(s.debugDescription) everywhere")
        }
    }

    static let addresses = ["evil@example.com", "mailto:evil@example.com", "xmpp:evil@example.com/chat", "write to a.b+c_d@sub-x.example.org.",
                            "(dana@example.com)", "MAILTO:X@Y.EXAMPLE"]

    @Test func bareEmailAndMailtoAndXMPPAddressesAreNotLinkedByCmarkGFM() throws {
        let markdown = Self.minutes(Self.addresses)
        for (mode, html) in [("safe", try Self.safeHTML(markdown)), ("unsafe", try CMark.html(markdown))] {
            #expect(!html.contains("<a "), "cmark-gfm (\(mode)) made a link: \(html)")
            let cells = CMark.contents(of: "td", in: html).map(CMark.text)
            let items = CMark.contents(of: "li", in: html).map(CMark.text)
            for s in Self.addresses {
                let literal = CMark.escaped(s)
                #expect(cells.contains(literal), "\(mode): \(s) is not a table cell as typed")
                #expect(items.contains { $0 == literal || $0.hasPrefix(literal + " — ") }, "\(mode): \(s) is not a list item as typed")
            }
        }
    }

    @Test(.enabled(if: pandocInstalled, "pandoc is not installed"))
    func bareAddressesAreNotLinkedByPandoc() throws {
        let markdown = Self.minutes(Self.addresses)
        let html = try render(through: ["pandoc", "-f", "gfm", "-t", "html"], markdown)
        #expect(!html.contains("<a "), "pandoc made a link")
        let plain = try render(through: ["pandoc", "-f", "gfm", "-t", "plain", "--wrap=none"], markdown)
        for s in Self.addresses {
            #expect(plain.components(separatedBy: s).count - 1 >= 4, "pandoc did not give back \(s) everywhere")
        }
    }

    @Test func aTwoLineOutcomeKeepsItsLineBreakWhereRawHTMLIsNotRendered() throws {
        var ws = MarkdownEscapingTests().hostileWorkspace(["KPI review"])
        ws.meetings[0].agenda[0].notes = "Budget approved\nNext step: hire"
        ws.meetings[0].agenda[0].title = "Line one\nline two"
        let markdown = MinutesExporter(workspace: ws).markdown(for: ws.meetings[0])
        let html = try Self.safeHTML(markdown)
        #expect(!html.contains("Budget approvedNext"), "the lines ran together")
        #expect(!html.contains("raw HTML omitted"), "the minutes rely on raw HTML")
        let items = CMark.contents(of: "li", in: html)
        #expect(items.contains("Item 1, Line one␊line two<br />\nBudget approved<br />\nNext step: hire"), "\(items)")
        // A table cell cannot hold a line break without HTML, so the cell points below; a title or
        // owner keeps one line, its breaks shown as ␊ as everywhere else on one line.
        let cells = CMark.contents(of: "td", in: html)
        #expect(cells.contains("Line one␊line two") && cells.contains("see below"), "\(cells)")
        if Self.pandocInstalled {
            let plain = try render(through: ["pandoc", "-f", "gfm", "-t", "plain", "--wrap=none"], markdown)
            #expect(plain.range(of: #"Budget approved\n *Next step: hire"#, options: .regularExpression) != nil, "\(plain)")
        }
    }

    @Test func aOneLineOutcomeStaysInTheTable() throws {
        var ws = MarkdownEscapingTests().hostileWorkspace(["KPI review"])
        ws.meetings[0].agenda[0].notes = "\nBudget approved\n\n"
        let markdown = MinutesExporter(workspace: ws).markdown(for: ws.meetings[0])
        #expect(markdown.contains("| KPI review | KPI review | 5 min | – | pending | Budget approved |\n"))
        #expect(!markdown.contains("see below"))
    }

    static let yamlValues = [
        "Key: value", "# not a comment", "\"quoted\" and 'single'", "- dash", "? question", ": colon", "null", "Null", "~", "yes", "NO", "on",
        "true", "0x1F", "007", "1e3", ".inf", "-.NaN", "2026-11-23", "12:30:00", "---", "...", "[list]", "{flow: map}", "&anchor *alias !tag",
        "%TAG ! x", "@at `tick` |pipe >fold", "  padded  ", "back\\slash \\n not a newline", "line\nbreak", "two\n\nparagraphs\n", "tab\there",
        "CR\r\nLF", "\u{2028}line separator\u{2029}", "Zoë 渡辺 🚀 cafe\u{301} ﷽", "zero\u{FEFF}width", "",
    ]

    @Test func theFrontMatterReadsBackExactlyWithYams() throws {
        var ws = try Fixture.loadSample("edge-cases.json")
        ws.team.name = "Budget: \"yes\" # of\nthings"
        ws.meetings[0].chair = "null"
        ws.meetings[0].attendees = Self.yamlValues
        ws.meetings[0].absent = Self.yamlValues.map { "absent " + $0 }
        let md = MinutesExporter(workspace: ws).markdown(for: ws.meetings[0])
        let parts = md.components(separatedBy: "---\n")
        #expect(parts[0] == "")
        let yaml = try #require(try Yams.load(yaml: parts[1]) as? [String: Any])
        #expect(Set(yaml.keys) == ["pagetitle", "team", "date", "chair", "attendees", "absent", "kpiWeek"])
        #expect(yaml["pagetitle"] as? String == "Smarketing minutes: Budget: \"yes\" # of\nthings, 2026-11-24")
        #expect(yaml["team"] as? String == ws.team.name)
        #expect(yaml["date"] as? String == "2026-11-24")
        #expect(yaml["chair"] as? String == "null")
        #expect(yaml["kpiWeek"] as? String == ws.meetings[0].kpiWeek.iso)
        let attendees = try #require(yaml["attendees"] as? [String])
        #expect(attendees.count == Self.yamlValues.count)
        for (read, written) in zip(attendees, Self.yamlValues) {
            // Compared scalar by scalar: Swift's == would let a normalised string pass.
            #expect(Array(read.unicodeScalars) == Array(written.unicodeScalars), "\(written.debugDescription) came back as \(read.debugDescription)")
        }
        let absent = try #require(yaml["absent"] as? [String])
        #expect(absent.map { Array($0.unicodeScalars) } == Self.yamlValues.map { Array(("absent " + $0).unicodeScalars) })
        // Still no raw control character in the file itself.
        #expect(!parts[1].unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(parts[1].split(separator: "\n").count == 7 + 2 * Self.yamlValues.count, "a value spilled onto a line of its own")
    }

    @Test func controlCharactersOtherThanLineBreaksAndTabsStayPlaceholdersInTheFrontMatter() throws {
        var ws = try Fixture.loadSample("edge-cases.json")
        ws.meetings[0].attendees = ["bell\u{07}", "esc\u{1B}]2;t\u{07}", "nel\u{85}", "rlo\u{202E}"]
        let md = MinutesExporter(workspace: ws).markdown(for: ws.meetings[0])
        let yaml = try #require(try Yams.load(yaml: md.components(separatedBy: "---\n")[1]) as? [String: Any])
        #expect(yaml["attendees"] as? [String] == ["bell␇", "esc␛]2;t␇", "nel\u{FFFD}", "rlo\u{FFFD}"])
    }
}
