/// The field limits of a typed workspace, with the JSON path of each problem. The decoder checks
/// the same limits while it reads; this walk lets an edit be checked without writing JSON.
enum FieldLimits {
    static func problems(in ws: Workspace) -> [SchemaIssue] {
        var out = Collector()
        out.text(ws.team.name, "team.name")
        if !(1...7).contains(ws.team.weekStartWeekday) {
            out.report("team.weekStartsOn", "expected a weekday such as \"monday\"")
        }
        for (i, p) in ws.people.enumerated() {
            out.text(p.name, "people[\(i)].name")
            out.text(p.shortName, "people[\(i)].shortName")
        }
        let d = ws.definitions
        for (key, one) in [("idealLead", d.idealLead), ("lead", d.lead), ("mql", d.mql), ("sql", d.sql), ("opportunity", d.opportunity), ("sla", d.sla)] {
            out.text(one.text, "definitions.\(key).text", limit: ModelLimits.longText)
        }
        for (i, p) in d.personas.enumerated() {
            out.text(p.name, "definitions.personas[\(i)].name")
            for field in Persona.fields { out.text(p[keyPath: field.path], "definitions.personas[\(i)].\(field.key)", limit: ModelLimits.longText) }
        }
        for (i, t) in ws.agendaTemplate.enumerated() {
            out.text(t.title, "agendaTemplate[\(i)].title")
            out.text(t.owner, "agendaTemplate[\(i)].owner")
            out.whole(t.timeboxMinutes, ModelLimits.timeboxMinutes, "agendaTemplate[\(i)].timeboxMinutes")
        }
        out.whole(ws.team.salesReps, ModelLimits.salesReps, "team.salesReps")
        if !(ws.team.currency.utf8.count == 3 && ws.team.currency.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A })) {
            out.report("team.currency", "expected a three-letter ISO 4217 code such as \"USD\" or \"EUR\", found \(JSONValue.string(ws.team.currency).briefDescription)")
        }
        let sla = ws.team.sla
        out.whole(sla.leadsPerRepPerMonth, ModelLimits.leadsPerRepPerMonth, "team.sla.leadsPerRepPerMonth")
        out.whole(sla.firstAttemptBusinessHours, ModelLimits.firstAttemptBusinessHours, "team.sla.firstAttemptBusinessHours")
        out.whole(sla.attemptsRequired, ModelLimits.attemptsRequired, "team.sla.attemptsRequired")
        out.whole(sla.attemptWindowDays, ModelLimits.attemptWindowDays, "team.sla.attemptWindowDays")
        out.number(ws.targets.costPerLead, ModelLimits.money, "targets.costPerLead")
        out.number(ws.targets.leadToCustomerRatio, ModelLimits.ratio, "targets.leadToCustomerRatio")
        out.number(ws.targets.closeRate, ModelLimits.ratio, "targets.closeRate")
        out.number(ws.targets.salesCycleDays, ModelLimits.cycleDays, "targets.salesCycleDays")

        for (i, w) in ws.weeks.enumerated() {
            let p = "weeks[\(i)]"
            out.number(w.marketingSpend, ModelLimits.money, "\(p).marketingSpend")
            for (key, n) in [("leads", w.leads), ("mqls", w.mqls), ("sqls", w.sqls), ("opportunities", w.opportunities),
                             ("won", w.won), ("lost", w.lost), ("newCustomers", w.newCustomers)] {
                out.whole(n, ModelLimits.count, "\(p).\(key)")
            }
            for (k, d) in w.cycleDays.enumerated() { out.number(d, ModelLimits.cycleDays, "\(p).cycleDays[\(k)]") }
            if let n = w.sqlsFirstAttemptInSLA { out.whole(n, ModelLimits.count, "\(p).sqlsFirstAttemptInSLA") }
            if let n = w.sqlsFullyAttempted { out.whole(n, ModelLimits.count, "\(p).sqlsFullyAttempted") }
        }
        for (i, f) in ws.frictionPoints.enumerated() {
            let p = "frictionPoints[\(i)]"
            out.text(f.title, "\(p).title")
            out.text(f.owner, "\(p).owner")
            out.text(f.mitigation, "\(p).mitigation", limit: ModelLimits.longText)
            out.text(f.notes, "\(p).notes", limit: ModelLimits.longText)
            out.whole(f.severity, ModelLimits.severity, "\(p).severity")
        }
        for (i, m) in ws.meetings.enumerated() {
            let p = "meetings[\(i)]"
            out.text(m.chair, "\(p).chair")
            for (k, a) in m.attendees.enumerated() { out.text(a, "\(p).attendees[\(k)]") }
            for (k, a) in m.absent.enumerated() { out.text(a, "\(p).absent[\(k)]") }
            for (k, c) in m.definitionChanges.enumerated() {
                out.text(c.title, "\(p).definitionChanges[\(k)].title")
                out.text(c.text, "\(p).definitionChanges[\(k)].text", limit: ModelLimits.longText)
            }
            out.whole(m.lengthMinutes, ModelLimits.meetingMinutes, "\(p).lengthMinutes")
            out.text(m.notes, "\(p).notes", limit: ModelLimits.longText)
            for (k, a) in m.agenda.enumerated() {
                let q = "\(p).agenda[\(k)]"
                out.text(a.title, "\(q).title")
                out.text(a.owner, "\(q).owner")
                out.whole(a.timeboxMinutes, ModelLimits.timeboxMinutes, "\(q).timeboxMinutes")
                out.text(a.notes, "\(q).notes", limit: ModelLimits.longText)
                out.whole(a.actualSeconds, ModelLimits.actualSeconds, "\(q).actualSeconds")
            }
            for (k, d) in m.decisions.enumerated() { out.text(d.text, "\(p).decisions[\(k)].text", limit: ModelLimits.longText) }
            for (k, a) in m.actionItems.enumerated() {
                let q = "\(p).actionItems[\(k)]"
                out.text(a.title, "\(q).title")
                out.text(a.owner, "\(q).owner")
                out.whole(a.weeksCarried, ModelLimits.weeksCarried, "\(q).weeksCarried")
            }
        }
        out.text(ws.currentMeetingID, "currentMeetingId")
        return out.issues
    }

    private struct Collector {
        var issues: [SchemaIssue] = []

        mutating func report(_ path: String, _ message: String) { issues.append(SchemaIssue(path: path, message: message)) }

        mutating func text(_ s: String, _ path: String, limit: Int = ModelLimits.shortText) {
            if let problem = ModelLimits.textProblem(s, limit: limit) { report(path, problem) }
        }

        mutating func whole(_ n: Int, _ range: ClosedRange<Int>, _ path: String) {
            if !range.contains(n) { report(path, "expected a whole number \(ObjectReader.describe(range)), found \(n)") }
        }

        mutating func number(_ d: Double, _ range: ClosedRange<Double>, _ path: String) {
            if !range.contains(d) { report(path, "expected a number \(ObjectReader.describe(range)), found \(JSONWriter.format(d))") }
        }
    }
}
