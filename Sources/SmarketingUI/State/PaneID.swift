/// The four panes of the dashboard, in Tab order.
public enum PaneID: Int, CaseIterable, Hashable, Sendable {
    case kpis
    case agenda
    case friction
    case actions

    public var title: String {
        switch self {
        case .kpis: return "KPIs"
        case .agenda: return "Agenda"
        case .friction: return "Friction points"
        case .actions: return "Actions & decisions"
        }
    }

    /// The digit that focuses the pane.
    public var number: Int { rawValue + 1 }
}
