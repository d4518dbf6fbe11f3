/// A rendered screen: the cells, and where the terminal cursor should sit (nil: hidden).
public struct Frame: Equatable, Sendable {
    public var grid: Grid
    public var cursor: (x: Int, y: Int)?

    public static func == (a: Frame, b: Frame) -> Bool {
        a.grid == b.grid && a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y
    }
}

/// Draws the whole dashboard. A pure function of the state: same state, same frame.
public enum Renderer {
    public static func render(_ state: AppState) -> Frame {
        DashboardScreen(state).render()
    }
}

/// The screen as widgets with their rectangles, drawn in order (header, panes, status bar),
/// then the overlay on top. `WidgetInputs.swift` builds it from the state.
struct DashboardScreen {
    struct Placed {
        var rect: Rect
        var widget: any Widget
    }

    var size: Size
    var layers: [Placed]
    var overlay: (any OverlayWidget)?

    func render() -> Frame {
        var grid = Grid(size: size)
        guard size.width > 0, size.height > 0 else { return Frame(grid: grid, cursor: nil) }
        for layer in layers { layer.widget.render(into: &grid, layer.rect) }
        guard let overlay else { return Frame(grid: grid, cursor: nil) }
        let rect = overlay.placement(on: size)
        overlay.render(into: &grid, rect)
        return Frame(grid: grid, cursor: overlay.cursor(in: rect))
    }
}
