/// Checks every rule a loaded workspace keeps: the field limits (which the decoder also checks while
/// reading, with the same `ModelLimits`) and the rules that span fields: unique ids, references that
/// resolve, consistent dates. The loader runs it on every file and the edit API on every edit.
public enum WorkspaceValidator {
    public static func problems(in ws: Workspace) -> [SchemaIssue] {
        var issues = FieldLimits.problems(in: ws)
        func report(_ path: String, _ message: String) { issues.append(SchemaIssue(path: path, message: message)) }

        // Swift compares strings by canonical equivalence, so "é" written as one code point (NFC)
        // and as "e" plus a combining accent (NFD) are one key here, as they are to the app.
        var firstUse: [String: (path: String, id: String)] = [:]
        func checkID(_ id: String, at path: String) {
            let idPath = "\(path).id"
            if id.isEmpty || id.utf8.count > ModelLimits.idBytes || id.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) {
                report(idPath, "expected an id of 1 to \(ModelLimits.idBytes) characters with no spaces or control characters, found \(JSONValue.string(id).briefDescription)")
                return
            }
            guard let earlier = firstUse[id] else {
                firstUse[id] = (idPath, id)
                return
            }
            if earlier.id.unicodeScalars.elementsEqual(id.unicodeScalars) {
                report(idPath, "the id \(JSONValue.string(id).briefDescription) is already used at \(earlier.path); every id must be unique")
            } else {
                // They look the same but are spelled differently: show both spellings.
                report(idPath, "the id \(JSONValue.string(id).briefDescription) (spelled \(Self.spelling(id))) differs from the id \(JSONValue.string(earlier.id).briefDescription) at \(earlier.path) (spelled \(Self.spelling(earlier.id))) only in Unicode normalisation, so the two count as the same id; rename this one")
            }
        }

        var weekByDate: [CalendarDate: Int] = [:]
        for (i, week) in ws.weeks.enumerated() {
            let path = "weeks[\(i)]"
            checkID(week.id, at: path)
            if let j = weekByDate[week.weekStart] {
                report("\(path).weekStart", "\(week.weekStart) already has a record at weeks[\(j)]")
            } else {
                weekByDate[week.weekStart] = i
            }
            if week.weekStart.weekday != ws.team.weekStartWeekday, (1...7).contains(ws.team.weekStartWeekday) {
                let teamDay = CalendarDate.weekdayNames[ws.team.weekStartWeekday - 1]
                report("\(path).weekStart", "\(week.weekStart) is a \(week.weekStart.weekdayName), but the team's weeks start on a \(teamDay) (team.weekStartsOn); every week must start on that weekday")
            }
            if let n = week.sqlsFirstAttemptInSLA, n > week.sqls {
                report("\(path).sqlsFirstAttemptInSLA", "\(n) is more than the week's \(week.sqls) SQLs")
            }
            if let n = week.sqlsFullyAttempted, n > week.sqls {
                report("\(path).sqlsFullyAttempted", "\(n) is more than the week's \(week.sqls) SQLs")
            }
        }

        for (i, point) in ws.frictionPoints.enumerated() {
            let path = "frictionPoints[\(i)]"
            checkID(point.id, at: path)
            if let resolved = point.resolved, resolved < point.opened {
                report("\(path).resolved", "\(resolved) is before the point was opened on \(point.opened)")
            }
        }

        var personByName: [String: Int] = [:]
        for (i, person) in ws.people.enumerated() {
            if person.name.trimmingSpaces.isEmpty {
                report("people[\(i)].name", "a person needs a name")
            } else if let j = personByName[person.name] {
                report("people[\(i)].name", "\(JSONValue.string(person.name).briefDescription) is already on the roster at people[\(j)]; names must be unique")
            } else {
                personByName[person.name] = i
            }
        }
        for (i, persona) in ws.definitions.personas.enumerated() {
            checkID(persona.id, at: "definitions.personas[\(i)]")
            if persona.name.trimmingSpaces.isEmpty { report("definitions.personas[\(i)].name", "a persona needs a name") }
        }

        var meetingByDate: [CalendarDate: Int] = [:]
        for (i, meeting) in ws.meetings.enumerated() {
            let path = "meetings[\(i)]"
            checkID(meeting.id, at: path)
            if let j = meetingByDate[meeting.date] {
                report("\(path).date", "\(meeting.date) already has a meeting at meetings[\(j)]; one meeting per day")
            } else {
                meetingByDate[meeting.date] = i
            }
            var active: Int?
            for (k, item) in meeting.agenda.enumerated() {
                checkID(item.id, at: "\(path).agenda[\(k)]")
                if item.status == .active {
                    if let a = active {
                        report("\(path).agenda[\(k)].status", "only one item can be active; \(path).agenda[\(a)] is active too")
                    }
                    active = k
                }
            }
            let present = Set(meeting.attendees)
            for (k, name) in meeting.absent.enumerated() where present.contains(name) {
                report("\(path).absent[\(k)]", "\(JSONValue.string(name).briefDescription) is listed as both present (attendees) and absent")
            }
            for (k, decision) in meeting.decisions.enumerated() { checkID(decision.id, at: "\(path).decisions[\(k)]") }
            for (k, action) in meeting.actionItems.enumerated() { checkID(action.id, at: "\(path).actionItems[\(k)]") }
            if let start = meeting.startedAt, let end = meeting.endedAt, end < start {
                report("\(path).endedAt", "\(end) is before the meeting started at \(start)")
            }
        }

        if ws.meetings.isEmpty {
            report("meetings", "a workspace needs at least one meeting")
        } else if !ws.meetings.contains(where: { $0.id == ws.currentMeetingID }) {
            report("currentMeetingId", "no meeting has the id \(JSONValue.string(ws.currentMeetingID).briefDescription)")
        }
        return issues
    }

    /// An id as its code points: printable ASCII as is, anything else as `\u{HEX}`.
    static func spelling(_ id: String) -> String {
        id.unicodeScalars.map { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F ? String($0) : "\\u{\(String($0.value, radix: 16, uppercase: true))}" }.joined()
    }
}
