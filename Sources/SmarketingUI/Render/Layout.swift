/// Where each part of the screen goes for a terminal size. Pure: same size (and same list
/// lengths), same layout.
///
/// Below the projector size the KPIs are on top, the agenda over the actions & decisions on the
/// left and the friction points on the right; the left column is shared between its two panes by
/// the lines their lists need. From about 160x45 (the projector layout) the three lists stand
/// side by side under the KPIs.
public struct Layout: Equatable, Sendable {
    public var header: Rect
    public var status: Rect
    public var panes: [PaneID: Rect]
    /// The projector layout, from about 160x45.
    public var isWide: Bool

    public static let wideSize = Size(width: 160, height: 45)
    /// From this size list rows wrap their titles onto more lines instead of cutting them, and
    /// owners get room for their whole names.
    public static let wrapSize = Size(width: 120, height: 40)
    /// From this many rows the KPI values are drawn in five-row digits.
    public static let tallDigitsHeight = 50

    public static func wrapsTitles(_ size: Size) -> Bool { size.width >= wrapSize.width && size.height >= wrapSize.height }
    public static func tallDigits(_ size: Size) -> Bool { size.height >= tallDigitsHeight }

    /// The KPI pane's height: a title, the value, the two changes and the trend in each tile.
    static func kpiHeight(_ size: Size, wide: Bool) -> Int {
        if wide { return tallDigits(size) ? 13 : 11 }
        return size.height >= 40 ? 10 : (size.height >= 30 ? 7 : 6)
    }

    /// `lines(pane, width)`: the lines a list pane's rows take in a list area `width` wide. The
    /// panes that share a column get heights by it; without it they get equal shares.
    public static func compute(size: Size, zoomed: PaneID? = nil, lines: ((PaneID, Int) -> Int)? = nil) -> Layout {
        let full = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let (header, afterHeader) = full.splitTop(1)
        let body = Rect(x: afterHeader.x, y: afterHeader.y, width: afterHeader.width, height: afterHeader.height - 1)
        let status = Rect(x: 0, y: size.height - 1, width: size.width, height: size.height > 0 ? 1 : 0)
        let wide = size.width >= wideSize.width && size.height >= wideSize.height
        if let zoomed {
            return Layout(header: header, status: status, panes: [zoomed: body], isWide: wide)
        }
        var panes: [PaneID: Rect] = [:]
        let (kpis, rest) = body.splitTop(kpiHeight(size, wide: wide))
        if wide {
            let columns = rest.columns(3)
            panes = [.kpis: kpis, .agenda: columns[0], .friction: columns[1], .actions: columns[2]]
        } else {
            let (left, right) = rest.splitLeft(rest.width / 2)
            let need = { (pane: PaneID) in lines.map { $0(pane, left.width - 2) + 2 } ?? left.height / 2 }
            let agendaHeight = share(left.height, first: need(.agenda), second: need(.actions))
            let (agenda, actions) = left.splitTop(agendaHeight)
            panes = [.kpis: kpis, .agenda: agenda, .friction: right, .actions: actions]
        }
        return Layout(header: header, status: status, panes: panes, isWide: wide)
    }

    /// The first pane's part of `height` shared with a second by what each needs: the first gets
    /// its need when both fit (the second gets the rest), else a share in proportion to the needs,
    /// and neither gets less than a third of the column (or its need, when that is less).
    static func share(_ height: Int, first: Int, second: Int) -> Int {
        guard height > 0 else { return 0 }
        if first + second <= height { return first }
        let least = max(3, height / 3)
        let lower = min(first, least), upper = height - min(second, least)
        let proportional = first + second > 0 ? height * first / (first + second) : height / 2
        return min(max(proportional, lower), max(lower, upper))
    }

    /// The rows a pane's list can show (inside its border).
    public func visibleRows(_ pane: PaneID) -> Int { max(1, (panes[pane]?.height ?? 3) - 2) }
}
