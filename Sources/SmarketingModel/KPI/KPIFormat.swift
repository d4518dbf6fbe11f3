/// Turns KPI numbers into text the same way everywhere: the dashboard, `kpis` and the minutes.
/// Locale-independent on purpose, so output is deterministic.
public enum KPIFormat {
    public static let noValue = "n/a"

    /// `$48.20`, `4.1%`, `34.5 d`, or `n/a`.
    public static func value(_ value: Double?, _ kind: KPIKind, currency: String) -> String {
        guard let value else { return noValue }
        switch kind.unit {
        case .money: return money(value, currency: currency)
        case .ratio: return fixed(value * 100, places: 1) + "%"
        case .days: return fixed(value, places: 1) + " d"
        }
    }

    /// The target with its direction: `≤ $50.00`, `≥ 25.0%`.
    public static func target(_ target: Double, _ kind: KPIKind, currency: String) -> String {
        (kind.direction == .lowerIsBetter ? "≤ " : "≥ ") + value(target, kind, currency: currency)
    }

    /// A change in the KPI's unit with a sign: `+$3.10`, `-1.2 pp`, `+2.0 d`.
    public static func delta(_ change: KPIChange?, _ kind: KPIKind, currency: String) -> String {
        guard let change else { return noValue }
        let sign = change.isFlat ? "" : (change.delta > 0 ? "+" : "-")
        let magnitude = change.isFlat ? 0 : abs(change.delta)
        switch kind.unit {
        case .money: return sign + money(magnitude, currency: currency)
        case .ratio: return sign + fixed(magnitude * 100, places: 1) + " pp"
        case .days: return sign + fixed(magnitude, places: 1) + " d"
        }
    }

    /// The arrow for a change: ▲ up, ▼ down, = flat. Whether that is good depends on the KPI.
    public static func arrow(_ change: KPIChange?) -> String {
        guard let change else { return " " }
        if change.isFlat { return "=" }
        return change.delta > 0 ? "▲" : "▼"
    }

    /// `better`, `worse`, `same`, or `n/a`.
    public static func verdict(_ change: KPIChange?) -> String {
        guard let change else { return noValue }
        switch change.isImprovement {
        case .some(true): return "better"
        case .some(false): return "worse"
        case .none: return "same"
        }
    }

    public static func money(_ amount: Double, currency: String) -> String {
        let symbols = ["USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "AUD": "A$", "CAD": "C$", "INR": "₹"]
        let places = currency == "JPY" ? 0 : 2
        let number = grouped(fixed(amount, places: places))
        if let symbol = symbols[currency] { return symbol + number }
        return number + " " + currency
    }

    /// `value` rounded half away from zero to `places` decimals, without exponent notation.
    public static func fixed(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return noValue }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { return value < 0 ? "-∞" : "∞" }
        let units = UInt64(scaled)
        let whole = units / UInt64(scale)
        let fraction = units % UInt64(scale)
        var text = String(whole)
        if places > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: places - digits.count) + digits
        }
        return (value < 0 && units != 0 ? "-" : "") + text
    }

    /// Inserts thousands separators into the whole part: `12345.60` → `12,345.60`.
    public static func grouped(_ number: String) -> String {
        let negative = number.hasPrefix("-")
        let body = negative ? String(number.dropFirst()) : number
        let parts = body.split(separator: ".", maxSplits: 1)
        let whole = Array(parts[0])
        var out = ""
        for (i, c) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        if parts.count > 1 { out += "." + parts[1] }
        return (negative ? "-" : "") + out
    }
}
