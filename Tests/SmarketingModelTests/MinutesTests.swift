import Foundation
import Testing
import Yams
@testable import SmarketingModel

@Suite("Markdown minutes")
struct MinutesTests {
    @Test func currentMeetingGolden() throws {
        let ws = try Fixture.loadSample("northwind.json")
        try Fixture.assertGolden(MinutesExporter(workspace: ws).markdown(for: ws.currentMeeting!), "minutes/northwind-current.md")
    }

    @Test func archivedMeetingGolden() throws {
        let ws = try Fixture.loadSample("northwind.json")
        let archived = ws.meeting(on: CalendarDate(iso: "2026-11-16")!)!
        try Fixture.assertGolden(MinutesExporter(workspace: ws).markdown(for: archived), "minutes/northwind-2026-11-16.md")
    }

    @Test func edgeCasesGolden() throws {
        let ws = try Fixture.loadSample("edge-cases.json")
        try Fixture.assertGolden(MinutesExporter(workspace: ws).markdown(for: ws.currentMeeting!), "minutes/edge-cases.md")
    }

    @Test func allMeetingsGoldenHasOneFrontMatterAndNewestFirst() throws {
        let ws = try Fixture.loadSample("northwind.json")
        let all = MinutesExporter(workspace: ws).markdownForAllMeetings()
        try Fixture.assertGolden(all, "minutes/northwind-all.md")
        #expect(all.components(separatedBy: "\nchair: ").count == 2)
        // One H1; each meeting an H2 with its sections under it; the team's friction points the last H2.
        let lines = all.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("# ") } == ["# Smarketing meetings, 2026-11-16 to 2026-11-23"])
        #expect(lines.filter { $0.hasPrefix("## ") } == ["## Smarketing meeting, 2026-11-23", "## Smarketing meeting, 2026-11-16", "## Friction points as of 2026-11-23"])
        #expect(lines.filter { $0.hasPrefix("### ") }.prefix(4) == ["### KPIs for the week of 2026-11-16", "### Agenda", "### Decisions", "### Action items"])
        #expect(all.components(separatedBy: "Unqualified SQLs: a third fail").count == 2) // listed once, not per meeting
    }

    /// Issue 12: pandoc -s rendered the front matter's `title` and the body's H1, two titles.
    /// One H1 in pandoc -s, and in the body as GitHub and Obsidian show it (front matter hidden),
    /// for one meeting and for `--all`.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pandoc"), "pandoc is not installed"))
    func theMinutesHaveExactlyOneH1InPandocAndOnGitHub() throws {
        let ws = try Fixture.loadSample("northwind.json")
        let exporter = MinutesExporter(workspace: ws)
        let documents = ["current": exporter.export(.meeting(ws.currentMeeting!)), "all": exporter.export(.allMeetings)]
        for (name, markdown) in documents {
            let standalone = try render(through: ["pandoc", "-s", "-f", "markdown", "-t", "html"], markdown)
            #expect(standalone.components(separatedBy: "<h1").count - 1 == 1, "\(name): pandoc -s made \(standalone.components(separatedBy: "<h1").count - 1) H1s")
            #expect(standalone.contains("<title>Smarketing minutes: Northwind Analytics"), "\(name): no page title")
            let parts = markdown.components(separatedBy: "---\n")
            #expect(parts[0] == "")
            let body = parts.dropFirst(2).joined(separator: "---\n")
            let github = try CMark.html(body)
            #expect(github.components(separatedBy: "<h1").count - 1 == 1, "\(name): the body has \(github.components(separatedBy: "<h1").count - 1) H1s")
        }
    }

    @Test func exportIsDeterministic() throws {
        let ws = try Fixture.loadSample("northwind.json")
        let a = MinutesExporter(workspace: ws).markdown(for: ws.currentMeeting!)
        let b = MinutesExporter(workspace: try Fixture.loadSample("northwind.json")).markdown(for: ws.currentMeeting!)
        #expect(a == b)
    }

    @Test func actionItemsAreAGFMTaskListWithCarryOverMarked() throws {
        var ws = try Fixture.loadSample("edge-cases.json")
        ws.meetings[0].actionItems = [
            ActionItem(id: "a1", title: "Open one", owner: "Zoë", due: CalendarDate(iso: "2026-12-01"), done: false, weeksCarried: 0),
            ActionItem(id: "a2", title: "Done one", owner: "渡辺", due: nil, done: true, weeksCarried: 2),
        ]
        let md = MinutesExporter(workspace: ws).markdown(for: ws.meetings[0])
        #expect(md.contains("- [ ] Open one — Zoë, due 2026-12-01\n"))
        #expect(md.contains("- [x] Done one — 渡辺 (carried over 2 weeks)\n"))
    }

    @Test func frontMatterIsValidYAMLWhateverTheNamesContain() throws {
        var ws = try Fixture.loadSample("edge-cases.json")
        let nasty = ["Key: value", "# not a comment", "\"quoted\" and 'single'", "line\nbreak", "- dash", "{flow: map}",
                     "[list]", "&anchor *alias !tag", "@at `tick` %percent", "yes", "null", "~", "0x1F", "  padded  ", "back\\slash", "tab\there", "\u{2028}sep"]
        ws.team.name = nasty[0]
        ws.meetings[0].chair = nasty[1]
        ws.meetings[0].attendees = nasty
        let md = MinutesExporter(workspace: ws).markdown(for: ws.meetings[0])
        let parts = md.components(separatedBy: "---\n")
        #expect(parts[0] == "")
        let yaml = try #require(try Yams.load(yaml: parts[1]) as? [String: Any])
        // Exactly as written, line breaks and tabs included (MinutesLiteralTests goes further).
        #expect(yaml["team"] as? String == nasty[0])
        #expect(yaml["chair"] as? String == nasty[1])
        #expect(yaml["date"] as? String == "2026-11-24")
        #expect((yaml["attendees"] as? [String]) == nasty)
    }
}

/// Renders Markdown with Debian's cmark-gfm, the reference GFM implementation.
/// Runs a renderer with `input` on stdin and returns its stdout.
func render(through arguments: [String], _ input: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let stdin = Pipe(), stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let data = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(arguments[0]) failed; install it with apt-get install \(arguments[0])"])
    }
    return String(decoding: data, as: UTF8.self)
}

enum CMark {
    static func html(_ markdown: String) throws -> String {
        // --unsafe lets our own <br> in table cells through; user text never carries raw HTML.
        try render(through: ["cmark-gfm", "--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist"], markdown)
    }

    /// How cmark-gfm writes literal text into HTML.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Inner HTML with tags removed (e-mail autolinks keep their text), entities as cmark wrote them.
    static func text(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
    }

    /// The inner HTML of every element `tag` (non-nested), in order.
    static func contents(of tag: String, in html: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: "<\(tag)(?: [^>]*)?>(.*?)</\(tag)>", options: [.dotMatchesLineSeparators])
        let range = NSRange(html.startIndex..., in: html)
        return regex.matches(in: html, range: range).map { String(html[Range($0.range(at: 1), in: html)!]) }
    }
}

@Suite("Markdown escaping, checked with cmark-gfm")
struct MarkdownEscapingTests {
    static let hostile = [
        "# not a heading", "## also not", "- not a list", "+ plus", "* star", "> not a quote", "1. not ordered", "2) nor this",
        "10. ten", "_under_ and *star*", "**bold** __bold__", "`code` and ``double``", "```fence", "~~~tilde", "~~strike~~",
        "<b>bold</b>", "<script>alert(1)</script>", "<!-- comment -->", "[link](http://evil.example)", "![img](x.png)",
        "[ref]: http://evil.example", "[x] task", "[^1] footnote", "<http://auto.example>", "http://bare.example and www.example.com",
        "a | pipe | row", "|leading pipe", "trailing pipe|", "back\\slash \\*not escaped\\*", "&amp; &#65; &copy;",
        "***", "---", "===", "    four spaces", "\ttab first", "trailing spaces  ", "1\\. already", "$math$ and $$display$$",
        "{curly} (round) \"double\" 'single'", "Zoë 渡辺 🚀 👩‍👩‍👧", "a\u{1B}[31mred\u{1B}[0m", "-", "#", "|", "\\", "!",
        "mail me: foo@bar.example", "ftp://files.example/x", "WWW.SHOUT.EXAMPLE", "xwww.not.example",
    ]

    @Test func everyHostileStringComesBackVerbatimInEveryTextPosition() throws {
        let html = try CMark.html(MinutesExporter(workspace: hostileWorkspace(Self.hostile)).markdown(for: hostileWorkspace(Self.hostile).meetings[0]))
        // No markup was smuggled in.
        for tag in ["<em>", "<strong>", "<code>", "<a href=\"http", "<a href=\"ftp", "<img", "<del>", "<blockquote>", "<pre>", "<script", "<b>", "<h4", "<!--"] {
            #expect(!html.contains(tag), "\(tag) appeared in the rendered minutes")
        }
        // The only checkboxes are the action items' own.
        #expect(html.components(separatedBy: "<input").count - 1 == Self.hostile.count)
        // Every string appears, as literal text, in the agenda table, the decisions list, the action items and the friction list.
        let cells = CMark.contents(of: "td", in: html).map(CMark.text)
        let items = CMark.contents(of: "li", in: html).map(CMark.text)
        for s in Self.hostile {
            let literal = CMark.escaped(TextSanitizer.visible(s))
            #expect(cells.contains(literal), "agenda title \(s.debugDescription) did not render as \(literal.debugDescription)")
            #expect(items.contains { $0 == literal || $0.hasPrefix(literal + " — ") }, "\(s.debugDescription) did not come back verbatim in a list item")
        }
    }

    /// The same check with pandoc's GFM reader, a second implementation.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pandoc"), "pandoc is not installed"))
    func pandocReadsTheSameLiteralText() throws {
        let ws = hostileWorkspace(Self.hostile)
        let markdown = MinutesExporter(workspace: ws).markdown(for: ws.meetings[0])
        let plain = try render(through: ["pandoc", "-f", "gfm", "-t", "plain", "--wrap=none"], markdown)
        for s in Self.hostile {
            // Leading and trailing white space is not significant in pandoc's plain output.
            let literal = TextSanitizer.visible(s).trimmingCharacters(in: .whitespaces)
            #expect(plain.contains(literal), "pandoc did not give back \(literal.debugDescription)")
        }
        // YAML front matter parses in pandoc too: the title comes through as metadata, not text.
        #expect(!plain.contains("title:"))
    }

    @Test func tablesKeepTheirColumns() throws {
        let ws = hostileWorkspace(Self.hostile)
        let html = try CMark.html(MinutesExporter(workspace: ws).markdown(for: ws.meetings[0]))
        let tables = CMark.contents(of: "table", in: html)
        #expect(tables.count == 2)
        let agendaRows = CMark.contents(of: "tr", in: tables[1])
        #expect(agendaRows.count == Self.hostile.count + 1)
        for row in agendaRows.dropFirst() {
            #expect(CMark.contents(of: "td", in: row).count == 7, "a row lost or gained a column: \(row)")
        }
    }

    @Test func lineBreaksInOutcomesAndBlocksSurvive() throws {
        var ws = hostileWorkspace(["x"])
        ws.meetings[0].agenda[0].notes = "first | line\n# second\n\n- third"
        ws.meetings[0].notes = "para one\n> still one\n\n1. para two"
        let html = try CMark.html(MinutesExporter(workspace: ws).markdown(for: ws.meetings[0]))
        // A cell cannot hold line breaks without raw HTML: the outcome is listed below the table.
        #expect(CMark.contents(of: "td", in: html).contains("see below"))
        #expect(html.contains("<li>\n<p>Item 1, x<br />\nfirst | line<br />\n# second</p>\n<p>- third</p>\n</li>"), "\(html)")
        #expect(html.contains("<p>para one<br />\n&gt; still one</p>\n<p>1. para two</p>"))
    }

    func hostileWorkspace(_ strings: [String]) -> Workspace {
        let date = CalendarDate(iso: "2026-11-23")!
        var meeting = Meeting(id: "m", date: date, kpiWeek: date.adding(days: -7), chair: "Chair", attendees: ["A"])
        meeting.agenda = strings.enumerated().map { AgendaItem(id: "ag\($0)", title: $1, owner: $1, timeboxMinutes: 5, notes: $1) }
        meeting.decisions = strings.enumerated().map { Decision(id: "d\($0)", text: $1) }
        meeting.actionItems = strings.enumerated().map { ActionItem(id: "a\($0)", title: $1) }
        let points = strings.enumerated().map {
            FrictionPoint(id: "f\($0)", title: $1, stage: .sql, raisedBy: .sales, owner: "O", opened: date)
        }
        return Workspace(team: Team(name: "T", salesReps: 1), targets: KPITargets(costPerLead: 1, leadToCustomerRatio: 0.1, closeRate: 0.1, salesCycleDays: 1),
                         frictionPoints: points, meetings: [meeting], currentMeetingID: "m")
    }
}
