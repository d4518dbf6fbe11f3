import SmarketingModel

/// A row of the friction-point pane: a funnel-stage heading or a point.
public enum FrictionRow: Equatable, Sendable {
    /// A friction point the numbers suggest, shown above the list until accepted or dismissed.
    case suggestion(FrictionSuggestion)
    case stage(FunnelStage, count: Int)
    case point(index: Int) // index into workspace.frictionPoints
}

/// A row of the actions & decisions pane.
public enum ActionsRow: Equatable, Sendable {
    case heading(String)
    case action(index: Int)
    case decision(index: Int)
}

/// The rows each list pane shows, derived from the workspace. Selection counts selectable rows only.
public enum PaneRows {
    /// Friction points grouped by funnel stage in funnel order; within a stage, in file order.
    public static func friction(_ ws: Workspace, showResolved: Bool, suggestions: [FrictionSuggestion] = []) -> [FrictionRow] {
        var rows: [FrictionRow] = suggestions.map { .suggestion($0) }
        // One pass buckets the points by stage, keeping file order within a stage.
        var buckets = [[Int]](repeating: [], count: FunnelStage.allCases.count)
        let stageIndex = Dictionary(uniqueKeysWithValues: FunnelStage.allCases.enumerated().map { ($1, $0) })
        for (i, point) in ws.frictionPoints.enumerated() where showResolved || point.status != .resolved {
            buckets[stageIndex[point.stage]!].append(i)
        }
        for (k, stage) in FunnelStage.allCases.enumerated() where !buckets[k].isEmpty {
            rows.append(.stage(stage, count: buckets[k].count))
            rows += buckets[k].map { .point(index: $0) }
        }
        return rows
    }

    /// The friction-point indices in display order (the selectable rows).
    public static func frictionItems(_ ws: Workspace, showResolved: Bool) -> [Int] {
        friction(ws, showResolved: showResolved).compactMap { if case .point(let i) = $0 { return i } else { return nil } }
    }

    public static func actions(_ meeting: Meeting) -> [ActionsRow] {
        var rows: [ActionsRow] = [.heading("Action items (\(meeting.actionItems.filter { !$0.done }.count) open of \(meeting.actionItems.count))")]
        rows += meeting.actionItems.indices.map { .action(index: $0) }
        rows.append(.heading("Decisions (\(meeting.decisions.count))"))
        rows += meeting.decisions.indices.map { .decision(index: $0) }
        return rows
    }

    /// Number of selectable items in a pane.
    public static func itemCount(_ pane: PaneID, _ state: AppState) -> Int {
        guard let meeting = state.meeting else { return 0 }
        switch pane {
        case .kpis: return KPIKind.allCases.count
        case .agenda: return meeting.agenda.count
        case .friction: return state.frictionRowOfItem.count
        case .actions: return meeting.actionItems.count + meeting.decisions.count
        }
    }

    /// The selected item's row in its pane's list, counting headings, and the number of rows.
    public static func selectedRow(_ pane: PaneID, _ state: AppState) -> (row: Int, total: Int) {
        let s = state.selected(pane)
        switch pane {
        case .kpis: return (0, 1)
        case .agenda: return (s, state.meeting?.agenda.count ?? 0)
        case .friction:
            let rows = state.frictionRows.count
            return (state.frictionRowOfItem.indices.contains(s) ? state.frictionRowOfItem[s] : 0, rows)
        case .actions:
            guard let meeting = state.meeting else { return (0, 0) }
            let rows = actions(meeting)
            let row = s < meeting.actionItems.count ? s + 1 : s + 2
            return (min(row, rows.count - 1), rows.count)
        }
    }
}

extension Reducer {
    /// The selected item's row in its pane's list (see `PaneRows.selectedRow`).
    public static func selectedRow(_ pane: PaneID, _ state: AppState) -> (row: Int, total: Int) {
        PaneRows.selectedRow(pane, state)
    }
}
