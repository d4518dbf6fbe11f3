import SmarketingModel

/// A date as an export writes it. Only the calendar date counts: a time and a zone are read past
/// and never converted (a timestamp without a zone is local to the team; one with a zone is taken
/// as written).
public enum DateCell: Equatable, Sendable {
    case date(CalendarDate)
    /// `A/B/YYYY`: month/day in US exports, day/month elsewhere; the file decides (see `DateOrder`).
    case slashed(first: Int, second: Int, year: Int)

    /// nil for a blank cell; throws a message for anything else that is not a date.
    public static func parse(_ raw: String) throws(CellError) -> DateCell? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        var scanner = DigitScanner(text)
        guard let a = scanner.number(), let sep = scanner.next(), sep == "-" || sep == "/" || sep == "." else {
            throw CellError("not a date; use YYYY-MM-DD (times and zones after it are fine)")
        }
        guard let b = scanner.number(), scanner.next() == sep, let c = scanner.number() else {
            throw CellError("not a date; use YYYY-MM-DD (times and zones after it are fine)")
        }
        // What follows the date: nothing, or a time (after a space or a T) and perhaps a zone.
        if let rest = scanner.rest, !rest.isEmpty {
            guard rest.first == " " || rest.first == "T" || rest.first == "t", Self.looksLikeTime(rest.dropFirst()) else {
                throw CellError("not a date; use YYYY-MM-DD (times and zones after it are fine)")
            }
        }
        let (aDigits, cDigits) = (scanner.digits[0], scanner.digits[2])
        if aDigits == 4 {
            // YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD
            guard let d = CalendarDate(year: a, month: b, day: c) else { throw CellError("not a real date") }
            return .date(d)
        }
        guard cDigits == 4 else { throw CellError("not a date: the year must have four digits") }
        switch sep {
        case ".", "-":
            // 16.11.2026 (and 16-11-2026): day first, as everywhere dots are used.
            guard let d = CalendarDate(year: c, month: b, day: a) else { throw CellError("not a real date (read as day.month.year)") }
            return .date(d)
        default:
            guard (1...31).contains(a), (1...31).contains(b), a <= 12 || b <= 12 else { throw CellError("not a real date") }
            return .slashed(first: a, second: b, year: c)
        }
    }

    private static let timeCharacters = Set("0123456789:.+-ZzAaPpMmUuTtCcGg ")

    /// `HH:MM`, `HH:MM:SS`, fractions, `AM`/`PM`, a zone (`Z`, `+01:00`, `-0500`, ` UTC`).
    private static func looksLikeTime(_ text: Substring) -> Bool {
        guard let first = text.first, first.isNumber, text.contains(":") else { return false }
        return text.allSatisfy { timeCharacters.contains($0) }
    }

    /// The date, with slashed dates read in `order`.
    public func resolved(_ order: DateOrder) -> CalendarDate? {
        switch self {
        case .date(let d): return d
        case .slashed(let a, let b, let y):
            return order == .monthFirst ? CalendarDate(year: y, month: a, day: b) : CalendarDate(year: y, month: b, day: a)
        }
    }
}

/// How `A/B/YYYY` dates are read.
public enum DateOrder: String, Sendable, CaseIterable {
    case monthFirst = "MDY"
    case dayFirst = "DMY"

    /// The order a file's slashed dates imply: a first number over 12 means day first, a second
    /// over 12 month first; nil when no date tells (or both do, which is no order at all).
    public static func implied(by cells: some Sequence<DateCell>) -> (order: DateOrder?, conflicting: Bool) {
        var monthFirst = false, dayFirst = false
        for case .slashed(let a, let b, _) in cells {
            if a > 12 { dayFirst = true }
            if b > 12 { monthFirst = true }
        }
        if monthFirst && dayFirst { return (nil, true) }
        return (monthFirst ? .monthFirst : dayFirst ? .dayFirst : nil, false)
    }
}

/// An amount of money as exports write it: `1,234.56`, `1.234,56`, `$1,200.00`, `USD 450`,
/// `1 234,56 €`, `(120.00)` for a refund.
public enum AmountCell {
    /// nil for a blank cell. `decimalComma`: the file writes decimals with a comma (European
    /// exports, semicolon-delimited); a cell with both marks decides by the last one.
    public static func parse(_ raw: String, decimalComma: Bool) throws(CellError) -> Double? {
        var text = raw.trimmingCharacters(in: .whitespaces)
        if text.isEmpty || text == "-" || text == "--" { return nil }
        var negative = false
        if text.hasPrefix("(") && text.hasSuffix(")") {
            negative = true
            text = String(text.dropFirst().dropLast())
        }
        // A currency symbol or code may stand before or after the number (with a sign); inside
        // it only digits, the two marks and grouping spaces or apostrophes (1'234.50).
        func isAffix(_ s: Unicode.Scalar) -> Bool {
            s.properties.isAlphabetic || s.properties.generalCategory == .currencySymbol || s.properties.isWhitespace || s == "-" || s == "+"
        }
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, isAffix(first) {
            if first == "-" { negative.toggle() }
            scalars = scalars.dropFirst()
        }
        while let last = scalars.last, isAffix(last) {
            if last == "-" { negative.toggle() }
            scalars = scalars.dropLast()
        }
        var kept = ""
        for scalar in scalars {
            switch scalar {
            case "0"..."9", ".", ",": kept.unicodeScalars.append(scalar)
            case " ", "\u{A0}", "\u{202F}", "'", "\u{2019}": continue
            default: throw CellError("not an amount; use a number like 1234.56 (a currency symbol or code is fine)")
            }
        }
        guard kept.contains(where: \.isNumber) else { throw CellError("not an amount; use a number like 1234.56") }
        let lastDot = kept.lastIndex(of: "."), lastComma = kept.lastIndex(of: ",")
        let decimalMark: Character?
        switch (lastDot, lastComma) {
        case let (dot?, comma?): decimalMark = dot > comma ? "." : ","
        case (_?, nil): decimalMark = Self.isThousands(kept, mark: ".", preferred: !decimalComma) ? nil : "."
        case (nil, _?): decimalMark = Self.isThousands(kept, mark: ",", preferred: decimalComma) ? nil : ","
        case (nil, nil): decimalMark = nil
        }
        var normal = ""
        for c in kept {
            if c == decimalMark { normal.append(".") } else if c.isNumber { normal.append(c) }
        }
        guard let value = Double(normal), value.isFinite else { throw CellError("not an amount") }
        return negative ? -value : value
    }

    /// A mark that is not the file's decimal mark is a thousands separator when every group after
    /// it has three digits (`1.234.567` in a US file is odd, but `1,234` there is plainly 1234).
    private static func isThousands(_ text: String, mark: Character, preferred: Bool) -> Bool {
        let groups = text.split(separator: mark, omittingEmptySubsequences: false)
        let threes = groups.count > 1 && groups.dropFirst().allSatisfy { $0.count == 3 } && !(groups.first ?? "").isEmpty
        if groups.count > 2 { return true } // two marks of one kind can only be thousands
        return preferred ? false : threes
    }
}

/// Why a cell could not be read.
public struct CellError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// Reads the leading `number sep number sep number` of a date and remembers the digit counts.
struct DigitScanner {
    private let scalars: [Unicode.Scalar]
    private var i = 0
    private(set) var digits: [Int] = []

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    mutating func number() -> Int? {
        var n = 0, count = 0
        while i < scalars.count, (48...57).contains(scalars[i].value), count < 9 {
            n = n * 10 + Int(scalars[i].value - 48)
            count += 1
            i += 1
        }
        guard count > 0 else { return nil }
        digits.append(count)
        return n
    }

    mutating func next() -> Character? {
        guard i < scalars.count else { return nil }
        defer { i += 1 }
        return Character(scalars[i])
    }

    var rest: Substring? {
        guard i < scalars.count else { return nil }
        var s = ""
        s.unicodeScalars.append(contentsOf: scalars[i...])
        return Substring(s)
    }
}
