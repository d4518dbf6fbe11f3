/// What differs between two versions of a workspace, by entity id: for "view both" when the file
/// changed on disk under unsaved edits.
public enum WorkspaceDiff {
    public struct Line: Equatable, Sendable {
        public var kind: String
        public var title: String
        public var change: String // "only mine", "only theirs", "changed"
    }

    public static func lines(mine: Workspace, theirs: Workspace) -> [Line] {
        var out: [Line] = []
        func compare<T: Equatable & Identifiable>(_ kind: String, _ a: [T], _ b: [T], title: (T) -> String) where T.ID == String {
            let byA = Dictionary(a.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
            let byB = Dictionary(b.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
            for item in a {
                if let other = byB[item.id] {
                    if other != item { out.append(Line(kind: kind, title: title(item), change: "changed")) }
                } else {
                    out.append(Line(kind: kind, title: title(item), change: "only mine"))
                }
            }
            for item in b where byA[item.id] == nil { out.append(Line(kind: kind, title: title(item), change: "only theirs")) }
        }
        if mine.team != theirs.team { out.append(Line(kind: "Team", title: mine.team.name, change: "changed")) }
        if mine.targets != theirs.targets { out.append(Line(kind: "KPI targets", title: "", change: "changed")) }
        compare("KPI week", mine.weeks, theirs.weeks) { $0.weekStart.iso }
        compare("Friction point", mine.frictionPoints, theirs.frictionPoints) { $0.title }
        let a = mine.currentMeeting, b = theirs.meetings.first { $0.id == a?.id }
        if let a, let b {
            compare("Agenda item", a.agenda, b.agenda) { $0.title }
            compare("Action item", a.actionItems, b.actionItems) { $0.title }
            compare("Decision", a.decisions, b.decisions) { $0.text }
            if a.notes != b.notes { out.append(Line(kind: "Meeting notes", title: "", change: "changed")) }
            if a.chair != b.chair || a.attendees != b.attendees || a.date != b.date {
                out.append(Line(kind: "Meeting", title: a.date.iso, change: "changed"))
            }
        }
        if mine.currentMeetingID != theirs.currentMeetingID { out.append(Line(kind: "Current meeting", title: "", change: "changed")) }
        return out
    }
}
