import Foundation
import SmarketingModel
import Testing

/// Runs the real `smarketing` binary and captures what a user would see.
struct CLI {
    static let binary: String = {
        // The test bundle sits beside the products it was built with.
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("smarketing").path
    }()
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func sample(_ name: String) -> String { repository.appendingPathComponent("sample-data/\(name)").path }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary, optionally as another user (`asUser` goes through setpriv, for permission tests as root).
    static func run(_ arguments: [String], asNobody: Bool = false, stdoutClosed: Bool = false,
                    environment extra: [String: String] = [:], withTerminal: Bool = false) throws -> Result {
        let process = Process()
        if withTerminal {
            // `script` gives the program a real pseudo-terminal on stdin and stdout.
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            let command = ([binary] + arguments).map { "'\($0)'" }.joined(separator: " ")
            process.arguments = ["-qec", command, "/dev/null"]
        } else if asNobody {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env["TZ"] = "UTC"
        for (k, v) in extra { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        if stdoutClosed { try out.fileHandleForReading.close() }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        let outData = stdoutClosed ? Data() : out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

final class Scratch {
    let path: String
    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("smarketing-cli-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        chmod(path, 0o777)
    }
    func file(_ name: String) -> String { "\(path)/\(name)" }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Nothing the program prints may look like a crash.
func expectNoCrash(_ r: CLI.Result, sourceLocation: SourceLocation = #_sourceLocation) {
    for marker in ["Fatal error", "Stack dump", "Current stack trace", "Illegal instruction", "Segmentation fault", "Swift/"] {
        #expect(!r.stderr.contains(marker), "stderr looks like a crash: \(r.stderr)", sourceLocation: sourceLocation)
    }
}

@Suite("Command line")
struct CLITests {
    @Test func helpListsEverySubcommandWithExamples() throws {
        let r = try CLI.run(["--help"])
        #expect(r.status == 0)
        for sub in ["open", "init", "validate", "kpis", "export"] {
            #expect(r.stdout.contains("  \(sub) "), "--help does not list \(sub)")
        }
        for sub in ["open", "init", "validate", "kpis", "export"] {
            let help = try CLI.run([sub, "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("Examples:"), "\(sub) --help has no examples")
        }
    }

    @Test func versionPrints() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout == "smarketing 0.1.0\n")
    }

    @Test func validateSummarisesAValidFileOnOneLine() throws {
        let r = try CLI.run(["validate", CLI.sample("northwind.json")])
        #expect(r.status == 0)
        #expect(r.stdout == "\(CLI.sample("northwind.json")): valid (schemaVersion 2): Northwind Analytics: Revenue Team, 14 weeks of KPIs, 2 meetings (current 2026-11-23), 9 friction points (8 unresolved).\n")
        #expect(r.stderr.isEmpty)
    }

    @Test func validateWritesEveryProblemToStderrAndExits1() throws {
        let dir = Scratch()
        let path = dir.file("bad.json")
        try #"{"schemaVersion": 1, "team": {"name": 1, "salesReps": "six"}, "targets": {}, "weeks": [], "frictionPoints": [], "meetings": [], "currentMeetingId": "x"}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLI.run(["validate", path])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.allSatisfy { $0.hasPrefix("\(path): ") })
        #expect(lines.contains { $0.hasSuffix(#"team.salesReps: expected a whole number from 0 to 100000, found "six""#) })
        #expect(lines.contains("\(path): targets.costPerLead: missing required field"))
        expectNoCrash(r)
    }

    @Test(arguments: [
        ("missing", "no such file. Create a workspace there with `smarketing init"),
        ("directory", "is a directory, not a workspace file."),
        ("devzero", "is a character device, not a workspace file."),
        ("badjson", ":1:12: invalid JSON: expected a quoted member name, found ','"),
    ])
    func badFilesGiveOneClearLineAndExit1(kind: String, message: String) throws {
        let dir = Scratch()
        let path: String
        switch kind {
        case "missing": path = dir.file("nope.json")
        case "directory": path = dir.path
        case "devzero": path = "/dev/zero"
        default:
            path = dir.file("broken.json")
            try #"{"team": 1,,}"#.write(toFile: path, atomically: true, encoding: .utf8)
        }
        for command in ["validate", "kpis", "export", "open"] {
            let r = try CLI.run([command, path])
            #expect(r.status == 1, "\(command) \(kind)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.split(separator: "\n").count == 1, "\(command) \(kind): \(r.stderr)")
            #expect(r.stderr.contains(message), "\(command) \(kind): \(r.stderr)")
            expectNoCrash(r)
        }
    }

    @Test func anUnreadableFileIsReportedAsSuch() throws {
        let dir = Scratch()
        let path = dir.file("secret.json")
        try FileManager.default.copyItem(atPath: CLI.sample("edge-cases.json"), toPath: path)
        chmod(path, 0o600)
        let r = try CLI.run(["validate", path], asNobody: getuid() == 0)
        #expect(r.status == 1)
        #expect(r.stderr == "\(path): cannot read the file (Permission denied). Check its permissions.\n")
    }

    @Test(arguments: [["--bogus"], ["kpis"], ["export", "x.json", "--meeting", "2026-13-01"], ["kpis", "x.json", "--week", "soon"],
                      ["init", "x.json", "--reps", "-3"], ["kpis", "x.json", "--week", "2026-11-16", "--meeting", "2026-11-23"]])
    func usageErrorsExit2(arguments: [String]) throws {
        let r = try CLI.run(arguments)
        #expect(r.status == 2, "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains("Error:") || r.stderr.contains("error:"))
        expectNoCrash(r)
    }

    @Test func badDateOptionSaysWhatToUse() throws {
        let r = try CLI.run(["export", CLI.sample("northwind.json"), "--meeting", "2026-02-30"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--meeting: expected a date as YYYY-MM-DD (for example 2026-11-23), found '2026-02-30'"))
    }

    @Test func kpisPrintsATableAndJSON() throws {
        let text = try CLI.run(["kpis", CLI.sample("northwind.json")])
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n")
        #expect(lines.first == "Northwind Analytics: Revenue Team: KPIs for the week of 2026-11-16 (meeting 2026-11-23)")
        #expect(lines.contains { $0.hasPrefix("Cost per lead") && $0.contains("$50.08") && $0.contains("≤ $50.00") && $0.contains("within 10%") })
        #expect(lines.contains { $0.hasPrefix("Close rate") && $0.contains("33.3%") && $0.contains("on target") })

        let json = try CLI.run(["kpis", CLI.sample("northwind.json"), "--json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["week"] as? String == "2026-11-16")
        let kpis = try #require(object["kpis"] as? [[String: Any]])
        #expect(kpis.map { $0["kpi"] as? String } == ["costPerLead", "leadToCustomerRatio", "closeRate", "salesCycleLength"])
        #expect((kpis[2]["value"] as? Double).map { abs($0 - 1.0 / 3.0) < 1e-12 } == true)
        #expect((kpis[0]["series"] as? [Any])?.count == 12)
    }

    @Test func kpisOnTheEdgeCasesSaysNA() throws {
        let r = try CLI.run(["kpis", CLI.sample("edge-cases.json"), "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let kpis = try #require(object["kpis"] as? [[String: Any]])
        #expect(kpis.allSatisfy { $0["value"] is NSNull && $0["status"] as? String == "noValue" && $0["display"] as? String == "n/a" })
    }

    @Test func kpisWeekOnADayThatStartsNoWeekNamesTheWeekThatHoldsItAndFails() throws {
        // Issue 12: a Tuesday printed "No KPI record for this week" and exited 0.
        let file = CLI.sample("northwind.json")
        for format in [[], ["--json"]] {
            let r = try CLI.run(["kpis", file, "--week", "2026-11-17"] + format)
            #expect(r.status == 1, "\(format): \(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr == "\(file): weeks in this file start on a Monday, and 2026-11-17 is a Tuesday. The week that holds it starts on 2026-11-16: use --week 2026-11-16.\n")
            expectNoCrash(r)
        }
        let sunday = try CLI.run(["kpis", file, "--week", "2026-11-22"])
        #expect(sunday.status == 1)
        #expect(sunday.stderr.contains("use --week 2026-11-16"))
        let monday = try CLI.run(["kpis", file, "--week", "2026-11-16"])
        #expect(monday.status == 0)
        #expect(monday.stdout.hasPrefix("Northwind Analytics: Revenue Team: KPIs for the week of 2026-11-16"))
        #expect(!monday.stdout.contains("No KPI record"))
    }

    @Test func kpisFormatPicksTheTableOrJSONAndJSONIsShortForFormatJSON() throws {
        let file = CLI.sample("northwind.json")
        let table = try CLI.run(["kpis", file]), text = try CLI.run(["kpis", file, "--format", "text"])
        let json = try CLI.run(["kpis", file, "--format", "json"]), shorthand = try CLI.run(["kpis", file, "--json"])
        #expect(text.status == 0 && text.stdout == table.stdout && text.stdout.hasPrefix("Northwind"))
        #expect(json.status == 0 && json.stdout == shorthand.stdout && json.stdout.hasPrefix("{"))
        for bad in [["--format", "xml"], ["--format", "text", "--json"]] {
            let r = try CLI.run(["kpis", file] + bad)
            #expect(r.status == 2, "\(bad): \(r.stderr)")
            expectNoCrash(r)
        }
    }

    @Test func exportWritesTheGoldenMinutesToStdoutOrAFile() throws {
        let golden = try String(contentsOf: CLI.repository.appendingPathComponent("Tests/SmarketingModelTests/Fixtures/minutes/northwind-2026-11-16.md"), encoding: .utf8)
        let r = try CLI.run(["export", CLI.sample("northwind.json"), "--meeting", "2026-11-16"])
        #expect(r.status == 0)
        #expect(r.stdout == golden)

        let dir = Scratch()
        let out = dir.file("minutes.md")
        let written = try CLI.run(["export", CLI.sample("northwind.json"), "--meeting", "2026-11-16", "--out", out])
        #expect(written.status == 0)
        #expect(written.stdout.isEmpty)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == golden)
    }

    @Test func exportOfAnUnknownMeetingListsTheDatesThereAre() throws {
        let r = try CLI.run(["export", CLI.sample("northwind.json"), "--meeting", "2026-12-25"])
        #expect(r.status == 1)
        #expect(r.stderr == "\(CLI.sample("northwind.json")): no meeting on 2026-12-25. Meetings in this file: 2026-11-16, 2026-11-23.\n")
    }

    @Test func exportRefusesToOverwriteTheWorkspaceItself() throws {
        let dir = Scratch()
        let path = dir.file("w.json")
        try FileManager.default.copyItem(atPath: CLI.sample("edge-cases.json"), toPath: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let r = try CLI.run(["export", path, "--out", path])
        #expect(r.status == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func exportToAClosedPipeEndsQuietly() throws {
        let r = try CLI.run(["export", CLI.sample("northwind.json"), "--all"], stdoutClosed: true)
        #expect(r.stderr.isEmpty)
        #expect(r.status == 1)
    }

    @Test func initCreatesAValidWorkspaceAndNeverOverwrites() throws {
        let dir = Scratch()
        let path = dir.file("team.json")
        let r = try CLI.run(["init", path, "--team", "Acme", "--reps", "6", "--chair", "Dana", "--date", "2026-11-23"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            Created \(path): Acme, 6 reps, 1 person on the roster, first meeting 2026-11-23 (45 min) with 5 agenda items.
            Open it with: smarketing \(path)
            Then: T team & targets · P people & attendance · I definitions (drafts to agree on) · ? every key

            """)
        let valid = try CLI.run(["validate", path])
        #expect(valid.status == 0)
        #expect(valid.stdout.contains("Acme, 0 weeks of KPIs, 1 meeting (current 2026-11-23), 0 friction points"))
        let minutes = try CLI.run(["export", path])
        #expect(minutes.stdout.contains("| 1 | Review last week's action items | Dana | 10 min |"))

        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let again = try CLI.run(["init", path])
        #expect(again.status == 1)
        #expect(again.stderr == "\(path): already exists; refusing to overwrite it. Choose another path or remove the file first.\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    /// The flags set up a real team: the roster with each side, this meeting's attendance, the
    /// weekday, the length and the targets; a name with a space is quoted in the hint.
    @Test func initWithFlagsSetsUpTheTeamAndItsRoster() throws {
        let dir = Scratch()
        let path = dir.file("acme team.json")
        let r = try CLI.run(["init", path, "--team", "Acme", "--reps", "4", "--chair", "Dana Whitfield", "--date", "2026-11-25",
                             "--attendee", "Luis Ortega:sales", "--attendee", "Priya Natarajan:Marketing", "--attendee", "Sam: the intern",
                             "--weekday", "sunday", "--meeting-minutes", "30", "--target", "cost-per-lead=60"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("4 people on the roster, first meeting 2026-11-25 (30 min)"))
        #expect(r.stdout.contains("Open it with: smarketing '\(path)'"))
        let ws = try MeetingStore(path: path).load()
        #expect(ws.people.map(\.name) == ["Dana Whitfield", "Luis Ortega", "Priya Natarajan", "Sam: the intern"])
        #expect(ws.people.map(\.team) == [.other, .sales, .marketing, .other])
        #expect(ws.currentMeeting?.attendees == ws.people.map(\.name))
        #expect(ws.team.weekStartWeekday == 7 && ws.currentMeeting?.kpiWeek.iso == "2026-11-15")
        #expect(ws.currentMeeting?.lengthMinutes == 30 && ws.targets.costPerLead == 60)
        #expect(ws.definitions.subjects.allSatisfy { !ws.definitions.isAgreed($0) }, "starting text is a draft")
        let bad = try CLI.run(["init", dir.file("b.json"), "--attendee", ":sales"])
        #expect(bad.status == 2 && bad.stderr.contains("--attendee: expected a name"), "a usage error, like every bad option")
    }

    @Test func initIntoAMissingFolderExplains() throws {
        let r = try CLI.run(["init", "/nonexistent-dir/team.json"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("/nonexistent-dir/team.json: could not save (No such file or directory: cannot create a temporary file in /nonexistent-dir)"))
    }

    @Test func hostileFileNamesAndTextNeverReachTheTerminalRaw() throws {
        let dir = Scratch()
        let path = dir.file("evil\u{1B}]0;title\u{07}.json")
        let r = try CLI.run(["validate", path])
        #expect(r.status == 1)
        #expect(!r.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(r.stderr.contains("evil␛]0;title␇.json"))
    }

    @Test func theDashboardRefusesWhenStdoutIsNotATerminal() throws {
        let r = try CLI.run([CLI.sample("northwind.json")])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "smarketing: the dashboard needs a terminal, but standard input is not one. In scripts, use `smarketing kpis` or `smarketing export`.\n")
    }

    @Test func theDashboardRefusesADumbTerminal() throws {
        let r = try CLI.run(["open", CLI.sample("northwind.json")], environment: ["TERM": "dumb"], withTerminal: true)
        #expect(r.status == 1)
        // Under `script` the program's stderr is the pseudo-terminal, which script copies to its stdout.
        #expect((r.stdout + r.stderr).contains("TERM is \"dumb\""))
        let unset = try CLI.run(["open", CLI.sample("northwind.json")], environment: ["TERM": ""], withTerminal: true)
        #expect(unset.status == 1)
        #expect((unset.stdout + unset.stderr).contains("TERM is not set"))
    }
}

@Suite("new-week from the command line")
struct NewWeekCLITests {
    @Test func startsNextWeekAndKeepsTheOldMeetingExportable() throws {
        let scratch = Scratch()
        let path = scratch.file("team.json")
        try FileManager.default.copyItem(atPath: CLI.sample("northwind.json"), toPath: path)
        let first = try CLI.run(["new-week", path])
        #expect(first.status == 0 && first.stderr.isEmpty)
        #expect(first.stdout == "Closed the meeting of 2026-11-23. Started 2026-11-30 (KPI week 2026-11-23) with 12 agenda items (5 from the standing agenda, 7 not reached last week) and 4 action items carried over.\n")
        let ws = try MeetingStore(path: path).load()
        #expect(ws.currentMeeting?.date.iso == "2026-11-30")
        #expect(ws.currentMeeting?.actionItems.map(\.weeksCarried) == [2, 2, 1, 1])
        let minutes = try CLI.run(["export", path, "--meeting", "2026-11-23"])
        #expect(minutes.status == 0)
        #expect(minutes.stdout.contains("# Smarketing meeting, 2026-11-23"))
    }

    @Test func aReadOnlyWorkspaceIsNotReplaced() throws {
        let scratch = Scratch()
        let path = scratch.file("team.json")
        try FileManager.default.copyItem(atPath: CLI.sample("northwind.json"), toPath: path)
        chmod(path, 0o444)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let r = try CLI.run(["new-week", path])
        expectNoCrash(r)
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(path): the file is read-only, so it was not saved"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["team.json"])
    }

    @Test func aTakenDateIsRefusedWithExit1AndTheFileUntouched() throws {
        let scratch = Scratch()
        let path = scratch.file("team.json")
        try FileManager.default.copyItem(atPath: CLI.sample("northwind.json"), toPath: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let r = try CLI.run(["new-week", path, "--date", "2026-11-16"])
        expectNoCrash(r)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "\(path): cannot start next week: the new meeting's date 2026-11-16 must be after the current meeting's 2026-11-23.\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}

/// `init` with flags sets a team up without opening the JSON.
@Suite("Command line: init with flags")
struct InitFlagsCLITests {
    @Test func everyFlagLandsInTheNewWorkspace() throws {
        let scratch = Scratch()
        let path = scratch.file("acme.json")
        let r = try CLI.run(["init", path, "--team", "Acme", "--chair", "Dana Whitfield", "--reps", "7", "--currency", "EUR", "--weekday", "sunday",
                             "--meeting-minutes", "50", "--attendee", "Luis Ortega", "--attendee", "Priya Natarajan",
                             "--target", "cost-per-lead=60", "--target", "lead-to-customer=2.5", "--target", "close-rate=32.5",
                             "--target", "sales-cycle=40", "--date", "2026-11-24"])
        #expect(r.status == 0, "\(r.stderr)")
        let ws = try MeetingStore(path: path).load()
        let m = try #require(ws.currentMeeting)
        #expect(ws.team.name == "Acme" && ws.team.salesReps == 7 && ws.team.currency == "EUR")
        #expect(m.attendees == ["Dana Whitfield", "Luis Ortega", "Priya Natarajan"] && m.lengthMinutes == 50)
        #expect(m.kpiWeek == CalendarDate(iso: "2026-11-15")) // the week before, starting on a Sunday
        #expect(ws.targets == KPITargets(costPerLead: 60, leadToCustomerRatio: 0.025, closeRate: 0.325, salesCycleDays: 40))
    }

    @Test(arguments: [
        (["--target", "close=30"], "--target: unknown KPI 'close'; use cost-per-lead, lead-to-customer, close-rate or sales-cycle"),
        (["--target", "close-rate=130"], "--target close-rate: a percentage from 0 to 100, found 130"),
        (["--currency", "euro"], "--currency: expected a three-letter code such as USD or EUR, found 'euro'"),
        (["--weekday", "funday"], "--weekday: expected a day such as monday or sunday, found 'funday'"),
        (["--meeting-minutes", "0"], "--meeting-minutes: expected 1 to 480, found 0"),
    ])
    func aWrongFlagSaysWhatToGiveAndCreatesNothing(flags: [String], message: String) throws {
        let scratch = Scratch()
        let path = scratch.file("acme.json")
        let r = try CLI.run(["init", path] + flags)
        #expect(r.status == 2)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
