import Foundation
import SmarketingModel

/// Exports the size of a busy year: a HubSpot contacts export, a deals export and three ad-spend
/// reports of a year each (Google Ads, LinkedIn, Meta style), seeded so every run reads the same
/// bytes. Rows carry the mess of real exports: quoted commas, a BOM, CRLF, blank cells.
struct ImportExports {
    var contacts: String
    var deals: String
    var spend: [String]
    var bytes: Int

    static func write(in folder: URL, contacts: Int, deals: Int, seed: UInt64) throws -> ImportExports {
        var random = SeededRandom(seed: seed)
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        let start = CalendarDate(iso: "2025-11-24")!
        func day(_ offset: Int) -> String { start.adding(days: offset).iso }
        func stamp(_ offset: Int) -> String { "\(day(offset)) \(String(format: "%02d:%02d", 8 + pick(10), pick(60)))" }

        var c = "\u{FEFF}Record ID,First Name,Last Name,Email,Company Name,Create Date,Lifecycle Stage,Became a Lead Date,"
        c += "Became a Marketing Qualified Lead Date,Became a Sales Qualified Lead Date,Became an Opportunity Date,Became a Customer Date,Original Source\r\n"
        let names = ["Zoë", "Łukasz", "渡辺", "José", "Dana", "Priya", "Marcus"]
        for i in 0..<contacts {
            let created = pick(364)
            let lead = pick(12) == 0 ? "" : stamp(created)
            let mql = pick(3) == 0 ? stamp(min(364, created + pick(10))) : ""
            let sql = !mql.isEmpty && pick(5) == 0 ? stamp(min(364, created + 10 + pick(10))) : ""
            let customer = !sql.isEmpty && pick(4) == 0 ? stamp(min(364, created + 30 + pick(40))) : ""
            c += "\(100_000 + i),\(names[pick(names.count)]),\"Smith, Jr.\",p\(i)@example.com,\"Acme \"\"Big\"\" Co\",\(stamp(created)),lead,\(lead),\(mql),\(sql),,\(customer),Organic Search\r\n"
        }
        var d = "Record ID,Deal Name,Deal Stage,Create Date,Close Date,Amount,Pipeline\n"
        let stages = ["Closed Won", "Closed Lost", "Closed Lost", "Appointment Scheduled", "Contract Sent"]
        for i in 0..<deals {
            let created = pick(330)
            d += "\(500_000 + i),\"Deal \(i), renewal\",\(stages[pick(stages.count)]),\(day(created)),\(day(min(364, created + pick(90)))),\"$\(pick(90) + 10),000.00\",Sales\n"
        }
        var google = "Day,Campaign,Clicks,Impr.,Cost\r\n"
        var linkedin = "Start Date (in UTC),Campaign Name,Total Spent\n"
        var meta = "Reporting starts,Reporting ends,Campaign name,Amount spent (USD)\n"
        for offset in 0..<365 {
            for campaign in ["Brand", "Generic", "Competitor", "Retargeting"] {
                google += "\(day(offset)),\"\(campaign), EN\",\(pick(400)),\(pick(20_000)),\"\(pick(2) + 1),\(100 + pick(899)).\(10 + pick(89))\"\r\n"
            }
            let d0 = start.adding(days: offset)
            linkedin += "\(d0.month)/\(d0.day)/\(d0.year),ABM,\(pick(300)).\(10 + pick(89))\n"
            meta += "\(day(offset)),\(day(offset)),Prospecting,\(pick(250)).\(10 + pick(89))\n"
        }
        let files = [("contacts.csv", c), ("deals.csv", d), ("google-ads.csv", google), ("linkedin-ads.csv", linkedin), ("meta-ads.csv", meta)]
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        let paths = files.map { folder.appendingPathComponent($0.0).path }
        return ImportExports(contacts: paths[0], deals: paths[1], spend: Array(paths[2...]), bytes: files.reduce(0) { $0 + $1.1.utf8.count })
    }
}

/// Runs a program to its end; its wall time and peak resident memory (from wait4's rusage).
func runMeasured(_ argv: [String]) -> (seconds: Double, peakRSSKiB: Int, status: Int32) {
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let cArgs = argv.map { strdup($0) } + [nil]
    defer { cArgs.forEach { free($0) } }
    let t0 = Harness.now()
    guard posix_spawn(&pid, argv[0], &actions, nil, cArgs, environ) == 0 else { return (0, 0, -1) }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let seconds = Double(Harness.now() - t0) / 1e9
    return (seconds, Int(usage.ru_maxrss), (status >> 8) & 0xff)
}
