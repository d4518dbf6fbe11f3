/// Where each part of the screen goes for a terminal size. Pure: same size, same layout.
public struct Layout: Equatable, Sendable {
    public var header: Rect
    public var status: Rect
    public var panes: [PaneID: Rect]
    /// The projector layout, from about 160x45.
    public var isWide: Bool

    public static let wideSize = Size(width: 160, height: 45)

    public static func compute(size: Size, zoomed: PaneID? = nil) -> Layout {
        let full = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let (header, afterHeader) = full.splitTop(1)
        let body = Rect(x: afterHeader.x, y: afterHeader.y, width: afterHeader.width, height: afterHeader.height - 1)
        let status = Rect(x: 0, y: size.height - 1, width: size.width, height: size.height > 0 ? 1 : 0)
        let wide = size.width >= wideSize.width && size.height >= wideSize.height
        if let zoomed {
            return Layout(header: header, status: status, panes: [zoomed: body], isWide: wide)
        }
        var panes: [PaneID: Rect] = [:]
        if wide {
            let (kpis, rest) = body.splitTop(11)
            let columns = rest.columns(3)
            panes = [.kpis: kpis, .agenda: columns[0], .friction: columns[1], .actions: columns[2]]
        } else {
            let kpiHeight = size.height >= 40 ? 8 : (size.height >= 30 ? 7 : 6)
            let (kpis, rest) = body.splitTop(kpiHeight)
            let (left, right) = rest.splitLeft(rest.width / 2)
            let stacked = right.rows(2)
            panes = [.kpis: kpis, .agenda: left, .friction: stacked[0], .actions: stacked[1]]
        }
        return Layout(header: header, status: status, panes: panes, isWide: wide)
    }

    /// The rows a pane's list can show (inside its border).
    public func visibleRows(_ pane: PaneID) -> Int { max(1, (panes[pane]?.height ?? 3) - 2) }
}
