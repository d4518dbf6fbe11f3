/// Which minutes to write: one meeting's, or every meeting's in one document.
public enum MinutesScope: Equatable, Sendable {
    case meeting(Meeting)
    case allMeetings
}

/// Writes a meeting's minutes as GitHub-flavoured Markdown with YAML front matter: `smarketing export`.
/// The output depends only on the workspace and the meeting, so golden files can pin it.
///
/// A document has exactly one H1, in the body: GitHub and Obsidian show the body and not the
/// front matter, and `pandoc -s` would render a front-matter `title` as a second H1, so the
/// front matter names the page with `pagetitle` (pandoc's `<title>`, no heading) instead.
public struct MinutesExporter: Exporter {
    public let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    public func export(_ scope: MinutesScope) -> String {
        switch scope {
        case .meeting(let meeting): return markdown(for: meeting)
        case .allMeetings: return markdownForAllMeetings()
        }
    }

    private var currency: String { workspace.team.currency }

    /// The minutes of one meeting, ending with a newline.
    public func markdown(for meeting: Meeting) -> String {
        markdown(for: meeting, withFrontMatter: true)
    }

    /// One meeting's minutes. `level` is its heading's: 1 on its own, 2 inside `--all`, where
    /// its sections go one level down with it.
    private func markdown(for meeting: Meeting, withFrontMatter: Bool, withFriction: Bool = true, level: Int = 1) -> String {
        var lines: [String] = []
        if withFrontMatter {
            lines += frontMatter(meeting)
            lines.append("")
        }
        lines.append(heading(level) + " Smarketing meeting, \(meeting.date.iso)")
        lines.append("")
        lines.append(summary(meeting))
        let sub = level + 1
        lines += section("KPIs for the week of \(meeting.kpiWeek.iso)", kpiTable(meeting), level: sub)
        lines += section("Agenda", agenda(meeting), level: sub)
        lines += section("Decisions", decisions(meeting), level: sub)
        if !meeting.definitionChanges.isEmpty {
            lines += section("Definitions changed this week", definitionChanges(meeting, level: sub + 1), level: sub)
        }
        lines += section("Action items", actionItems(meeting), level: sub)
        if withFriction { lines += section("Friction points", frictionPoints(meeting, level: sub + 1), level: sub) }
        lines += section("Notes", notes(meeting), level: sub)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The minutes of every meeting under one H1, newest first, each an H2 separated by
    /// horizontal rules, then the team's friction points once as the last H2 (they belong to the
    /// team, not to one meeting). One front matter, the newest meeting's: a document has one.
    public func markdownForAllMeetings() -> String {
        let newestFirst = workspace.meetings.sorted { $0.date > $1.date }
        guard let latest = newestFirst.first, let oldest = newestFirst.last else { return "" }
        var text = frontMatter(latest, title: "Smarketing minutes: \(workspace.team.name), all meetings").joined(separator: "\n") + "\n\n"
        let span = oldest.date == latest.date ? latest.date.iso : "\(oldest.date.iso) to \(latest.date.iso)"
        text += "# Smarketing meetings, \(span)\n\n"
        text += newestFirst.map { meeting in
            markdown(for: meeting, withFrontMatter: false, withFriction: false, level: 2)
        }.joined(separator: "\n---\n\n")
        text += "\n---\n\n## Friction points as of \(latest.date.iso)\n\n" + frictionPoints(latest, level: 3).joined(separator: "\n") + "\n"
        return text
    }

    private func heading(_ level: Int) -> String { String(repeating: "#", count: level) }

    private func section(_ title: String, _ body: [String], level: Int) -> [String] {
        ["", "\(heading(level)) \(title)", ""] + body
    }

    private func frontMatter(_ meeting: Meeting, title: String? = nil) -> [String] {
        var lines = ["---"]
        // `pagetitle`, not `title`: pandoc -s renders `title` as a heading above the body's H1.
        lines.append("pagetitle: " + YAMLQuoter.quoted(title ?? "Smarketing minutes: \(workspace.team.name), \(meeting.date.iso)"))
        lines.append("team: " + YAMLQuoter.quoted(workspace.team.name))
        lines.append("date: " + YAMLQuoter.quoted(meeting.date.iso))
        lines.append("chair: " + YAMLQuoter.quoted(meeting.chair))
        if meeting.attendees.isEmpty {
            lines.append("attendees: []")
        } else {
            lines.append("attendees:")
            lines += meeting.attendees.map { "  - " + YAMLQuoter.quoted($0) }
        }
        if meeting.absent.isEmpty {
            lines.append("absent: []")
        } else {
            lines.append("absent:")
            lines += meeting.absent.map { "  - " + YAMLQuoter.quoted($0) }
        }
        lines.append("kpiWeek: " + YAMLQuoter.quoted(meeting.kpiWeek.iso))
        lines.append("---")
        return lines
    }

    private func summary(_ meeting: Meeting) -> String {
        let chair = meeting.chair.isEmpty ? "none" : MarkdownEscaper.inline(meeting.chair)
        func names(_ list: [String]) -> String { list.isEmpty ? "none" : list.map(MarkdownEscaper.inline).joined(separator: ", ") }
        return "Team: \(MarkdownEscaper.inline(workspace.team.name))\\\n"
            + "Chair: \(chair)\\\n"
            + "Present (\(meeting.attendees.count)): \(names(meeting.attendees))\\\n"
            + "Absent (\(meeting.absent.count)): \(names(meeting.absent))\\\n"
            + Self.lengthLine(meeting)
    }

    /// "Meeting length: 60 min planned; the agenda's timeboxes add up to 67 min (7 min more)."
    static func lengthLine(_ meeting: Meeting) -> String {
        let planned = meeting.lengthMinutes, agenda = meeting.plannedMinutes
        let difference = agenda == planned ? "" : " (\(abs(agenda - planned)) min \(agenda > planned ? "more" : "less"))"
        return "Meeting length: \(planned) min planned; the agenda's timeboxes add up to \(agenda) min\(difference)"
    }

    private func kpiTable(_ meeting: Meeting) -> [String] {
        let report = KPIReport(workspace: workspace, meeting: meeting)
        var lines: [String] = []
        if !report.hasRecord {
            lines.append("No KPI record for the week of \(meeting.kpiWeek.iso).")
            lines.append("")
        }
        lines.append("| KPI | Value | Target | Status | vs last week | vs 4-week avg |")
        lines.append("| --- | ---: | ---: | --- | ---: | ---: |")
        for result in report.results {
            var value = KPIFormat.value(result.value, result.kind, currency: currency)
            if let median = result.median {
                value += " (median \(KPIFormat.value(median, result.kind, currency: currency)))"
            }
            lines.append("| \(result.kind.title) | \(value) | \(KPIFormat.target(result.target, result.kind, currency: currency)) | \(result.status.rawValue) | \(change(result.changeVsLastWeek, result.kind)) | \(change(result.changeVsFourWeekAverage, result.kind)) |")
        }
        if let provenance = workspace.week(startingOn: meeting.kpiWeek)?.imported {
            lines.append("")
            lines.append(Self.provenanceLine(provenance))
        }
        return lines
    }

    /// "Imported 2026-11-23 09:41 UTC from a.csv (sha256 3fc01883…), b.csv (…)", and whether
    /// the numbers were changed by hand since: so the room knows they were not typed.
    static func provenanceLine(_ p: ImportProvenance) -> String {
        let when = p.importedAt.iso.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: ":00Z", with: " UTC").replacingOccurrences(of: "Z", with: " UTC")
        let files = p.sources.map { "\(MarkdownEscaper.inline($0.file)) (sha256 \($0.sha256.prefix(12))…)" }.joined(separator: ", ")
        return "_Numbers imported \(when) from \(files)" + (p.editedByHand ? "; edited by hand since._" : "._")
    }

    private func change(_ change: KPIChange?, _ kind: KPIKind) -> String {
        guard let change else { return KPIFormat.noValue }
        return "\(KPIFormat.arrow(change)) \(KPIFormat.delta(change, kind, currency: currency)) (\(KPIFormat.verdict(change)))"
    }

    private func agenda(_ meeting: Meeting) -> [String] {
        guard !meeting.agenda.isEmpty else { return ["No agenda items."] }
        var lines = ["| # | Item | Owner | Timebox | Actual | Status | Outcome |",
                     "| ---: | --- | --- | ---: | ---: | --- | --- |"]
        var longOutcomes: [String] = []
        for (i, item) in meeting.agenda.enumerated() {
            // "–" only for items never started; a timed item shows its time, even 0 s. With units,
            // as the timebox beside it has: "0:13" read as 13 minutes.
            let timed = item.actualSeconds > 0 || item.status == .done || item.status == .active
            let actual = timed ? DurationFormat.units(item.actualSeconds) : "–"
            // A table cell cannot keep a line break where raw HTML is not rendered (GitHub,
            // cmark-gfm by default), so an outcome of several lines goes below the table, as a list
            // item whose lines end in backslash breaks.
            let outcome = MarkdownEscaper.block(item.notes, indent: "  ")
            var cell = MarkdownEscaper.tableCell(item.notes)
            if outcome.count > 1 {
                cell = "see below"
                let title = item.title.isEmpty ? "" : ", " + MarkdownEscaper.inline(item.title)
                longOutcomes.append("- Item \(i + 1)\(title)\\")
                longOutcomes.append("  " + outcome[0])
                longOutcomes += outcome.dropFirst()
            }
            lines.append("| \(i + 1) | \(MarkdownEscaper.tableCell(item.title)) | \(MarkdownEscaper.tableCell(item.owner)) | \(item.timeboxMinutes) min | \(actual) | \(item.status.rawValue) | \(cell) |")
        }
        let actualTotal = meeting.agenda.reduce(0) { $0 + $1.actualSeconds }
        lines.append("")
        lines.append("Planned \(meeting.plannedMinutes) min; actual \(actualTotal > 0 ? DurationFormat.units(actualTotal) : "not timed").")
        if !longOutcomes.isEmpty {
            lines += ["", "Outcomes over several lines:", ""] + longOutcomes
        }
        return lines
    }

    private func decisions(_ meeting: Meeting) -> [String] {
        guard !meeting.decisions.isEmpty else { return ["No decisions recorded."] }
        var lines: [String] = []
        for (i, decision) in meeting.decisions.enumerated() {
            let marker = "\(i + 1). "
            let body = MarkdownEscaper.block(decision.text, indent: String(repeating: " ", count: marker.count))
            lines.append(marker + (body.first ?? ""))
            lines += body.dropFirst()
        }
        return lines
    }

    /// Each definition that changed, as it stood after the change: a persona's fields as a list,
    /// any other definition as its text.
    private func definitionChanges(_ meeting: Meeting, level: Int) -> [String] {
        var lines: [String] = []
        for change in meeting.definitionChanges {
            if !lines.isEmpty { lines.append("") }
            lines.append("\(heading(level)) \(MarkdownEscaper.inline(change.title)) (\(change.agreed ? "agreed" : "draft"))")
            lines.append("")
            if case .persona = change.subject {
                // One item per field, a field's later lines joined to it; a field left empty
                // ("Goals:") is left out.
                let labels = Persona.fields.map { "\($0.label):" }
                var items: [String] = []
                for line in change.text.split(separator: "\n").map(String.init) {
                    if labels.contains(where: { line.hasPrefix($0) }) || items.isEmpty {
                        items.append(line)
                    } else if !line.trimmingSpaces.isEmpty {
                        items[items.count - 1] += " " + line.trimmingSpaces
                    }
                }
                lines += items.filter { !labels.contains($0) }.map { "- " + MarkdownEscaper.inline($0) }
            } else if change.text.trimmingSpaces.isEmpty {
                lines.append("*(left empty)*")
            } else {
                lines += MarkdownEscaper.block(change.text)
            }
        }
        return lines
    }

    private func actionItems(_ meeting: Meeting) -> [String] {
        guard !meeting.actionItems.isEmpty else { return ["No action items."] }
        return meeting.actionItems.map { item in
            var line = "- [\(item.done ? "x" : " ")] \(MarkdownEscaper.inline(item.title))"
            var details: [String] = []
            if !item.owner.isEmpty { details.append(MarkdownEscaper.inline(item.owner)) }
            if let due = item.due {
                // Overdue as of the meeting, so the minutes say what the room saw.
                let late = item.daysOverdue(on: meeting.date)
                details.append(late.map { "due \(due.iso), **overdue \($0) day\($0 == 1 ? "" : "s")**" } ?? "due \(due.iso)")
            }
            if !details.isEmpty { line += " — " + details.joined(separator: ", ") }
            if item.weeksCarried > 0 {
                line += " (carried over \(item.weeksCarried) week\(item.weeksCarried == 1 ? "" : "s"))"
            }
            return line
        }
    }

    /// The points that were live around this meeting: opened by its date and not resolved more than
    /// a week before it. Grouped by funnel stage; open first, then by severity.
    private func frictionPoints(_ meeting: Meeting, level: Int) -> [String] {
        let horizon = meeting.date.adding(days: -7)
        let live = workspace.frictionPoints.filter { point in
            point.opened <= meeting.date && (point.resolved.map { $0 >= horizon } ?? true)
        }
        guard !live.isEmpty else { return ["No friction points."] }
        var lines: [String] = []
        for stage in FunnelStage.allCases {
            let points = live.filter { $0.stage == stage }.sorted(by: FrictionPoint.displayOrder)
            guard !points.isEmpty else { continue }
            if !lines.isEmpty { lines.append("") }
            lines.append("\(heading(level)) \(stage.title)")
            lines.append("")
            for point in points {
                var status = point.status.rawValue
                if point.status == .resolved, let resolved = point.resolved { status += " \(resolved.iso)" }
                var facts = [status, "severity \(point.severity)"]
                facts.append("owner \(point.owner.isEmpty ? "unassigned" : MarkdownEscaper.inline(point.owner))")
                facts.append("raised by \(point.raisedBy.rawValue)")
                facts.append("opened \(point.opened.iso)")
                let line = "- \(MarkdownEscaper.inline(point.title)) — \(facts.joined(separator: ", "))"
                // Each long text under the point, after a hard break that keeps the list tight;
                // blank lines inside a text still split paragraphs.
                var body: [String] = []
                for (label, text) in [("Mitigation", point.mitigation), ("Notes", point.notes)] {
                    let block = MarkdownEscaper.block(text, indent: "  ")
                    guard !block.isEmpty else { continue }
                    if !body.isEmpty { body[body.count - 1] += "\\" }
                    body.append("  \(label): " + block[0])
                    body += block.dropFirst()
                }
                lines.append(body.isEmpty ? line : line + "\\")
                lines += body
            }
        }
        return lines
    }

    private func notes(_ meeting: Meeting) -> [String] {
        let body = MarkdownEscaper.block(meeting.notes)
        return body.isEmpty ? ["No notes."] : body
    }
}
