import Testing
@testable import SmarketingModel
@testable import SmarketingUI

@Suite("Golden screens")
struct ScreenTests {
    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func sampleDashboard(width: Int, height: Int) throws {
        let state = try UIFixture.state(size: Size(width: width, height: height))
        try UIFixture.assertScreen(Renderer.render(state), "northwind-\(width)x\(height)")
    }

    @Test func tooSmall() throws {
        let state = try UIFixture.state(size: Size(width: 60, height: 20))
        try UIFixture.assertScreen(Renderer.render(state), "too-small-60x20")
    }

    @Test func edgeCases() throws {
        let state = try UIFixture.state("edge-cases.json", size: Size(width: 80, height: 24))
        try UIFixture.assertScreen(Renderer.render(state), "edge-cases-80x24")
    }
}
