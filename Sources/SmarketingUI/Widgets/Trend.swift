import SmarketingModel

/// A KPI's recent weeks, oldest first, as the sparkline and the bar chart draw them: the values
/// (nil for a week with no record), the role of each week and the target line.
struct Trend: Equatable {
    var values: [Double?]
    /// One role per value; a week with no value is drawn dim whatever its role.
    var roles: [StyleRole]
    var target: Double
    /// The target as the chart labels its line ("$50.00"); empty: the line says only "tgt".
    var targetLabel = ""

    init(values: [Double?], roles: [StyleRole], target: Double, targetLabel: String = "") {
        self.values = values
        self.roles = roles
        self.target = target
        self.targetLabel = targetLabel
    }

    /// Marks the target in the trend: a week that missed it is drawn in the bad colour, and this
    /// week (the last) in the colour of its status.
    init(values: [Double?], target: Double, direction: KPIDirection, latest: KPIStatus, targetLabel: String = "") {
        let roles = values.enumerated().map { i, value -> StyleRole in
            guard let value else { return .dim }
            if i == values.count - 1 { return KPITile.statusRole(latest) }
            return KPIStatus.of(value, target: target, direction: direction) == .offTarget ? .bad : .sparkline
        }
        self.init(values: values, roles: roles, target: target, targetLabel: targetLabel)
    }

    func role(_ i: Int) -> StyleRole { roles.indices.contains(i) ? roles[i] : .sparkline }

    /// The newest `count` weeks (all of them when they fit).
    func suffix(_ count: Int) -> Trend {
        let n = max(0, min(count, values.count))
        let start = values.count - n
        return Trend(values: Array(values[start...]), roles: (start..<values.count).map(role), target: target, targetLabel: targetLabel)
    }
}
