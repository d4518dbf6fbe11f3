import Foundation
import SmarketingTestSupport
import Testing
@testable import SmarketingModel

/// The weekly routine with the dashboard open: the import is an external write like any other,
/// so the chair's screen reloads it and the KPI pane says where the numbers came from.
@Suite("Import while the dashboard is open, end to end", .serialized)
struct ImportE2ETests {
    @Test func anOpenDashboardReloadsTheImportAndNamesItsSources() throws {
        let copy = try WorkspaceCopy("northwind.json")
        let chair = try TmuxSession(width: 120, height: 30, shellCommand: "\(TmuxSession.binary) \(copy.path); echo __EXIT=$?")
        try chair.waitFor("1 KPIs")
        #expect(!(try chair.screen()).contains("imported"))
        let imports = TmuxSession.repository.appendingPathComponent("sample-data/imports").path
        let out = try Spawn.run([TmuxSession.binary, "import", copy.path, "--contacts", "\(imports)/hubspot-contacts.csv",
                                 "--deals", "\(imports)/hubspot-deals.csv", "--spend", "\(imports)/google-ads.csv",
                                 "--from", "2026-11-16", "--to", "2026-11-22"], captureOutput: true)
        #expect(out.contains("Saved "), "\(out)")
        let screen = try chair.waitFor(" from hubspot-contacts.csv +2 ")
        #expect(screen.contains("─ imported "))
        #expect(screen.contains("reloaded"))
        #expect(screen.contains("119 leads"))
        try chair.keys("q")
        try chair.waitFor("__EXIT=0")
    }
}
