import Foundation
import Testing
@testable import SmarketingModel

@Suite("Loading: every error names the place and says what to do")
struct LoadErrorTests {
    func loadError(_ path: String) -> WorkspaceError? {
        do {
            _ = try MeetingStore(path: path).load()
            return nil
        } catch {
            return error
        }
    }

    func loadError(json: String) throws -> WorkspaceError? {
        let dir = ScratchDirectory()
        return loadError(try dir.write(json, to: "w.json"))
    }

    @Test func theMinimalWorkspaceLoads() throws {
        #expect(try loadError(json: minimalWorkspaceJSON()) == nil)
    }

    @Test func missingFileSuggestsInit() {
        let error = loadError("/nonexistent/team.json")
        #expect(error == .notFound(path: "/nonexistent/team.json"))
        #expect(error?.lines == ["/nonexistent/team.json: no such file. Create a workspace there with `smarketing init /nonexistent/team.json`."])
    }

    @Test func directoryFIFOAndDeviceAreRefusedWithoutHanging() throws {
        let dir = ScratchDirectory()
        #expect(loadError(dir.path) == .notAFile(path: dir.path, kind: "a directory"))
        let fifo = dir.file("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(loadError(fifo) == .notAFile(path: fifo, kind: "a FIFO (named pipe)"))
        #expect(loadError("/dev/zero") == .notAFile(path: "/dev/zero", kind: "a character device"))
    }

    @Test(.disabled(if: getuid() == 0, "root reads through permissions; the CLI suite covers this as nobody"))
    func unreadableFile() throws {
        let dir = ScratchDirectory()
        let path = try dir.write(minimalWorkspaceJSON(), to: "w.json")
        chmod(path, 0)
        #expect(loadError(path) == .unreadable(path: path, reason: "Permission denied"))
    }

    @Test func invalidJSONGivesPathLineColumnAndWhatWasFound() throws {
        let dir = ScratchDirectory()
        let path = try dir.write("{\n  \"schemaVersion\": 1,\n  \"team\": {\"name\": \"x\",}\n}", to: "w.json")
        let error = loadError(path)
        // No save has made a backup yet, so none is suggested (SuggestionCLITests covers the other case).
        #expect(error?.lines == ["\(path):3:24: invalid JSON: expected a quoted member name, found '}'. Fix it in a text editor."])
    }

    @Test func schemaViolationGivesTheJSONPathAndWhatWasExpected() throws {
        let json = minimalWorkspaceJSON(agenda: #"[{"id": "a1", "title": "x", "timeboxMinutes": "ten", "status": "pending"}]"#)
        let error = try loadError(json: json)
        guard case .invalid(_, let issues) = error else { Issue.record("expected a schema error, got \(String(describing: error))"); return }
        #expect(issues.map(\.description) == [#"meetings[0].agenda[0].timeboxMinutes: expected a whole number from 0 to 480, found "ten""#])
    }

    @Test func collectsEveryProblemNotJustTheFirst() throws {
        let json = """
        {
          "schemaVersion": 1,
          "team": {"name": 7, "salesReps": -1, "currency": "dollars"},
          "targets": {"costPerLead": -5, "leadToCustomerRatio": 2, "closeRate": 0.3},
          "weeks": [{"id": "w1", "weekStart": "2026-02-30", "marketingSpend": -10, "leads": -1, "mqls": 1.5, "sqls": 1,
                     "opportunities": 1, "won": 1, "lost": 0, "newCustomers": 1, "cycleDays": [3, -2]}],
          "frictionPoints": [{"id": "f1", "title": "t", "stage": "top", "raisedBy": "ceo", "severity": 4, "status": "open", "opened": "2026-11-01"}],
          "meetings": [{"id": "m1", "date": "2026-11-23", "kpiWeek": "2026-11-16", "chair": "C", "agendaa": []}],
          "currentMeetingId": "m1",
          "extra": true
        }
        """
        guard case .invalid(_, let issues) = try loadError(json: json) else { Issue.record("expected schema errors"); return }
        #expect(issues.map(\.description) == [
            "team.name: expected text, found 7",
            "team.salesReps: expected a whole number from 0 to 100000, found -1",
            #"team.currency: expected a three-letter ISO 4217 code such as "USD" or "EUR", found "dollars""#,
            "targets.costPerLead: expected a number from 0 to 1000000000000, found -5",
            "targets.leadToCustomerRatio: expected a number from 0 to 1, found 2",
            "targets.salesCycleDays: missing required field",
            #"weeks[0].weekStart: "2026-02-30" is not a real date (years 1900–9999)"#,
            "weeks[0].marketingSpend: expected a number from 0 to 1000000000000, found -10",
            "weeks[0].leads: expected a whole number from 0 to 1000000000, found -1",
            "weeks[0].mqls: expected a whole number from 0 to 1000000000, found 1.5",
            "weeks[0].cycleDays[1]: expected a number from 0 to 3650, found -2",
            #"frictionPoints[0].stage: expected one of "iql-mql", "sql", "opportunity", "customer", "retention", found "top""#,
            #"frictionPoints[0].raisedBy: expected one of "sales", "marketing", found "ceo""#,
            "frictionPoints[0].severity: expected a whole number from 1 to 3, found 4",
            #"meetings[0].agendaa: unknown field, not part of schemaVersion 2; did you mean "agenda"?"#,
            "extra: unknown field, not part of schemaVersion 2; remove it (smarketing never drops data silently)",
        ])
    }

    @Test func newerSchemaVersionIsRefused() throws {
        let json = minimalWorkspaceJSON().replacingOccurrences(of: "\"schemaVersion\": 1", with: "\"schemaVersion\": 3")
        let error = try loadError(json: json)
        #expect(error?.lines.first?.hasSuffix("schemaVersion 3 is newer than this smarketing understands (up to 2). Upgrade smarketing to open it.") == true)
    }

    @Test func missingSchemaVersionAndWrongTopLevelType() throws {
        let noVersion = minimalWorkspaceJSON().replacingOccurrences(of: "\"schemaVersion\": 1,", with: "")
        guard case .invalid(_, let issues) = try loadError(json: noVersion) else { Issue.record("expected an error"); return }
        #expect(issues.map(\.description) == ["schemaVersion: missing required field"])
        guard case .invalid(_, let top) = try loadError(json: "[1, 2]") else { Issue.record("expected an error"); return }
        #expect(top.map(\.description) == ["expected an object, found an array"])
    }

    @Test func crossFieldRulesAreChecked() throws {
        let json = """
        {
          "schemaVersion": 1,
          "team": {"name": "T", "salesReps": 3},
          "targets": {"costPerLead": 50, "leadToCustomerRatio": 0.02, "closeRate": 0.25, "salesCycleDays": 45},
          "weeks": [
            {"id": "dup", "weekStart": "2026-11-16", "marketingSpend": 1, "leads": 1, "mqls": 1, "sqls": 1, "opportunities": 1, "won": 1, "lost": 0, "newCustomers": 1, "sqlsFirstAttemptInSLA": 2},
            {"id": "w2", "weekStart": "2026-11-18", "marketingSpend": 1, "leads": 1, "mqls": 1, "sqls": 1, "opportunities": 1, "won": 1, "lost": 0, "newCustomers": 1}
          ],
          "frictionPoints": [{"id": "dup", "title": "t", "stage": "sql", "raisedBy": "sales", "severity": 1, "status": "resolved", "opened": "2026-11-10", "resolved": "2026-11-01"}],
          "meetings": [{"id": "m1", "date": "2026-11-23", "kpiWeek": "2026-11-16", "chair": "C",
                        "agenda": [{"id": "a1", "title": "x", "timeboxMinutes": 5, "status": "active"}, {"id": "a2", "title": "y", "timeboxMinutes": 5, "status": "active"}]}],
          "currentMeetingId": "nope"
        }
        """
        guard case .invalid(_, let issues) = try loadError(json: json) else { Issue.record("expected errors"); return }
        #expect(issues.map(\.description) == [
            "weeks[0].sqlsFirstAttemptInSLA: 2 is more than the week's 1 SQLs",
            "weeks[1].weekStart: 2026-11-18 is a Wednesday, but the team's weeks start on a Monday (team.weekStartsOn); every week must start on that weekday",
            #"frictionPoints[0].id: the id "dup" is already used at weeks[0].id; every id must be unique"#,
            "frictionPoints[0].resolved: 2026-11-01 is before the point was opened on 2026-11-10",
            "meetings[0].agenda[1].status: only one item can be active; meetings[0].agenda[0] is active too",
            #"currentMeetingId: no meeting has the id "nope""#,
        ])
    }

    @Test func hostileTextInErrorMessagesIsNeutralised() throws {
        let json = minimalWorkspaceJSON().replacingOccurrences(of: "\"name\": \"T\"", with: "\"name\": \"T\", \"\\u001b]0;pwned\\u0007\": 1")
        guard case .invalid(_, let issues) = try loadError(json: json) else { Issue.record("expected an error"); return }
        let text = issues.map(\.description).joined()
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 })
        #expect(text.contains("team.␛]0;pwned␇: unknown field"))
    }

    @Test func oversizedTextIsRefused() throws {
        let big = String(repeating: "x", count: 200_000)
        let json = minimalWorkspaceJSON(meetingExtra: ", \"notes\": \"\(big)\"")
        guard case .invalid(_, let issues) = try loadError(json: json) else { Issue.record("expected an error"); return }
        #expect(issues.map(\.description) == ["meetings[0].notes: text is too long (200000 bytes; the limit is 100000)"])
    }

    @Test func defaultsApplyToOptionalFields() throws {
        let ws = try MeetingStore.decode(Array(minimalWorkspaceJSON().utf8), path: "w.json")
        #expect(ws.team.sla == LeadSLA(leadsPerRepPerMonth: 5, firstAttemptBusinessHours: 6, attemptsRequired: 4, attemptWindowDays: 12))
        #expect(ws.team.currency == "USD")
        #expect(ws.meetings[0].lengthMinutes == 45)
        #expect(ws.meetings[0].attendees.isEmpty)
    }
}
