import SmarketingModel

/// What a column means to the import, and the names each CRM and ad platform exports it under.
public enum ColumnRole: String, CaseIterable, Sendable {
    // contacts (HubSpot contacts, Salesforce leads)
    case createDate, leadDate, mqlDate, sqlDate, opportunityDate, customerDate
    // deals (HubSpot deals, Salesforce opportunities, Pipedrive deals)
    case dealCreateDate, closeDate, stage, wonFlag, closedFlag, wonTime, lostTime
    // ad spend (Google Ads, LinkedIn, Meta, plain Date,Cost)
    case spendDate, cost

    /// The names it is found under, compared after `ColumnRole.normalized`: HubSpot's labels and
    /// internal names, Salesforce's and Pipedrive's labels, the ad platforms' columns.
    var knownNames: [String] {
        switch self {
        case .createDate: return ["create date", "createdate", "created date", "created"]
        case .leadDate: return ["became a lead date", "hs_lifecyclestage_lead_date"]
        case .mqlDate: return ["became a marketing qualified lead date", "hs_lifecyclestage_marketingqualifiedlead_date"]
        case .sqlDate: return ["became a sales qualified lead date", "hs_lifecyclestage_salesqualifiedlead_date"]
        case .opportunityDate: return ["became an opportunity date", "hs_lifecyclestage_opportunity_date"]
        case .customerDate: return ["became a customer date", "hs_lifecyclestage_customer_date"]
        case .dealCreateDate: return ["create date", "createdate", "created date", "deal - deal created", "deal created"]
        case .closeDate: return ["close date", "closedate", "closed date"]
        case .stage: return ["deal stage", "dealstage", "stage", "deal - status", "status"]
        case .wonFlag: return ["won"]
        case .closedFlag: return ["closed"]
        case .wonTime: return ["deal - won time", "won time"]
        case .lostTime: return ["deal - lost time", "lost time"]
        case .spendDate: return ["day", "date", "start date (in utc)", "reporting starts", "start date"]
        case .cost: return ["cost", "total spent", "amount spent", "spend", "spent", "amount"]
        }
    }

    /// Names that are recognised by their beginning: `Amount spent (EUR)`, `Cost (USD)`.
    var knownPrefixes: [String] {
        switch self {
        case .cost: return ["amount spent (", "cost (", "total spent ("]
        default: return []
        }
    }

    /// The name the README and messages use for it.
    public var label: String { knownNames[0].capitalizedWords }

    /// Lowercase, trimmed, inner runs of spaces as one.
    static func normalized(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }).joined(separator: " ")
    }

    func matches(_ header: String) -> Bool {
        let n = Self.normalized(header)
        return knownNames.contains(n) || knownPrefixes.contains { n.hasPrefix($0) }
    }
}

/// Which column of a file plays which role.
struct ColumnMap: Sendable {
    private(set) var index: [ColumnRole: Int] = [:]
    let header: [String]

    /// Finds each role's column: a column the mapping file names, else the first known name.
    init(header: [String], roles: [ColumnRole], mapped: [ColumnRole: String]) throws(ImportProblem) {
        self.header = header
        let normalized = header.map(ColumnRole.normalized)
        for role in roles {
            if let name = mapped[role] {
                guard let i = normalized.firstIndex(of: ColumnRole.normalized(name)) else { continue }
                index[role] = i
            } else if let i = header.indices.first(where: { role.matches(header[$0]) }) {
                index[role] = i
            }
        }
    }

    subscript(role: ColumnRole) -> Int? { index[role] }

    func name(_ role: ColumnRole) -> String { index[role].map { header[$0] } ?? role.label }

    /// The header cell nearest to one of `role`'s names, for "did you mean".
    func nearest(to role: ColumnRole, mapped: String?) -> String? {
        let wanted = mapped.map { [ColumnRole.normalized($0)] } ?? role.knownNames
        var best: (String, Int)?
        for cell in header where !cell.isEmpty {
            let n = ColumnRole.normalized(cell)
            for name in wanted {
                let d = editDistance(n, name)
                if d <= max(2, name.count / 4), best.map({ d < $0.1 }) ?? true { best = (cell, d) }
            }
        }
        return best?.0
    }
}

extension String {
    /// "became a lead date" → "Became A Lead Date", minus the odd capitals: "Became a Lead Date".
    var capitalizedWords: String {
        let small: Set<String> = ["a", "an", "of", "in", "to"]
        return split(separator: " ").enumerated().map { i, word in
            let w = String(word)
            if i > 0 && small.contains(w) { return w }
            if w.contains("_") || w.contains("(") { return w }
            return w.prefix(1).uppercased() + w.dropFirst()
        }.joined(separator: " ")
    }
}
