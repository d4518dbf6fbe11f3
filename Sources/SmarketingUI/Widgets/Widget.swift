/// Something that draws itself into a rectangle of the grid. A widget's stored properties are its
/// whole input: plain values (strings, numbers, roles, selection, flags) that
/// `Render/WidgetInputs.swift` builds from the state, so a widget never sees `AppState` and can be
/// drawn and tested alone, as ratatui's `Widget::render(area, buf)`. Every widget keeps to its rect.
protocol Widget {
    func draw(into grid: inout Grid, _ rect: Rect)
}

extension Widget {
    /// Draws the widget with every write clipped to `rect`: whatever it computes, nothing lands
    /// outside. Callers draw widgets through this, never `draw` directly.
    func render(into grid: inout Grid, _ rect: Rect) {
        grid.clipped(to: rect) { draw(into: &$0, rect) }
    }
}

/// A box drawn over the dashboard. It chooses its own rectangle on the screen and may place the
/// terminal cursor (in a field being typed into).
protocol OverlayWidget: Widget {
    func placement(on screen: Size) -> Rect
    func cursor(in rect: Rect) -> (x: Int, y: Int)?
}

extension OverlayWidget {
    func cursor(in rect: Rect) -> (x: Int, y: Int)? { nil }
}

/// The framed panel every overlay sits in.
enum Panel {
    /// A rectangle of at most `width` x `height`, centred, leaving a cell of the dashboard around it.
    static func centered(width: Int, height: Int, in size: Size) -> Rect {
        let w = min(width, size.width - 2), h = min(height, size.height - 2)
        return Rect(x: (size.width - w) / 2, y: (size.height - h) / 2, width: w, height: h)
    }

    static func draw(_ rect: Rect, title: String, _ grid: inout Grid) {
        grid.fill(rect, role: .overlay)
        grid.box(rect, role: .overlayBorder, title: title, titleRole: .overlayBorder)
    }
}
