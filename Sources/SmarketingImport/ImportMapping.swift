import Foundation
import SmarketingModel
import TOMLKit

/// `--map FILE`: the column names and stage values of a CRM the importer does not know, in JSON
/// or TOML (the README shows both):
///
///     dateFormat = "dd/MM/yyyy"          # or "MM/dd/yyyy"; ISO dates are always read
///     decimalComma = true                # amounts like 1.234,56 (optional)
///     [contacts]                         # every key optional
///     leadDate = "Signup"  createDate, mqlDate, sqlDate, opportunityDate, customerDate
///     [deals]
///     created = "Opened"   closed = "Closed on"   stage = "Outcome"
///     won = ["Won"]        lost = ["Lost", "Dead"]
///     [spend]
///     date = "Day"         cost = "Spent"
public struct ImportMapping: Sendable {
    public var contacts: [ColumnRole: String] = [:]
    public var deals: [ColumnRole: String] = [:]
    public var spend: [ColumnRole: String] = [:]
    public var dateOrder: DateOrder?
    public var decimalComma: Bool?
    public var stages = Stages()

    /// Stage values (compared lowercase, letters and digits only) that mean won and lost.
    public struct Stages: Sendable {
        var won: Set<String> = ["closedwon", "won"]
        var lost: Set<String> = ["closedlost", "lost"]
        /// The mapping named its own: only those count.
        var custom = false
    }

    public init() {}

    func columns(for kind: FileKind) -> [ColumnRole: String] {
        switch kind {
        case .contacts: return contacts
        case .deals: return deals
        case .spend: return spend
        }
    }

    static let contactKeys: [String: ColumnRole] = ["createDate": .createDate, "leadDate": .leadDate, "mqlDate": .mqlDate, "sqlDate": .sqlDate,
                                                    "opportunityDate": .opportunityDate, "customerDate": .customerDate]
    static let dealKeys: [String: ColumnRole] = ["created": .dealCreateDate, "closed": .closeDate, "stage": .stage]
    static let spendKeys: [String: ColumnRole] = ["date": .spendDate, "cost": .cost]

    /// Reads a mapping file: TOML when it ends in `.toml`, else JSON. Every unknown key and wrong
    /// type is reported with where it is.
    public static func load(_ path: String) throws(ImportFailure) -> ImportMapping {
        let name = URL(fileURLWithPath: path).lastPathComponent
        func fail(_ message: String) -> ImportFailure { ImportFailure(problems: [ImportProblem(file: name, message: message)]) }
        guard let data = FileManager.default.contents(atPath: path), data.count < 1 << 20 else {
            throw fail(FileManager.default.fileExists(atPath: path) ? "cannot read the mapping (is it a regular file under 1 MiB?)" : "no such mapping file (\(TextSanitizer.visible(path)))")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw fail("the mapping is not UTF-8 text") }
        let tree: MappingValue
        if path.lowercased().hasSuffix(".toml") {
            do {
                tree = MappingValue(try TOMLTable(string: text))
            } catch {
                throw fail("not valid TOML: \(TextSanitizer.visible(String(describing: error)))")
            }
        } else {
            do {
                tree = MappingValue(try JSONParser.parse(Array(data)))
            } catch {
                throw fail("not valid JSON: line \(error.line), column \(error.column): \(error.message)")
            }
        }
        var problems: [String] = []
        let mapping = ImportMapping(tree, problems: &problems)
        if !problems.isEmpty { throw ImportFailure(problems: problems.map { ImportProblem(file: name, message: $0) }) }
        return mapping
    }

    init(_ tree: MappingValue, problems: inout [String]) {
        guard case .table(let top) = tree else {
            problems.append("expected a table of settings at the top")
            return
        }
        for (key, value) in top.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "dateFormat":
                switch value.string?.replacingOccurrences(of: "-", with: "/").replacingOccurrences(of: ".", with: "/").lowercased() {
                case "mm/dd/yyyy"?: dateOrder = .monthFirst
                case "dd/mm/yyyy"?: dateOrder = .dayFirst
                default: problems.append("dateFormat: use \"MM/dd/yyyy\" or \"dd/MM/yyyy\"")
                }
            case "decimalComma":
                if case .bool(let b) = value { decimalComma = b } else { problems.append("decimalComma: use true or false") }
            case "contacts": contacts = Self.columns(value, key: key, known: Self.contactKeys, problems: &problems)
            case "spend": spend = Self.columns(value, key: key, known: Self.spendKeys, problems: &problems)
            case "deals":
                guard case .table(var table) = value else {
                    problems.append("deals: expected a table")
                    continue
                }
                for list in ["won", "lost"] {
                    guard let item = table.removeValue(forKey: list) else { continue }
                    guard case .array(let values) = item, !values.isEmpty, values.allSatisfy({ $0.string != nil }) else {
                        problems.append("deals.\(list): expected a list of stage values, like [\"Closed Won\"]")
                        continue
                    }
                    let keys = Set(values.compactMap(\.string).map { $0.lowercased().filter { $0.isLetter || $0.isNumber } })
                    if list == "won" { stages.won = keys } else { stages.lost = keys }
                    stages.custom = true
                }
                deals = Self.columns(.table(table), key: key, known: Self.dealKeys, problems: &problems)
            default:
                problems.append("unknown setting \"\(TextSanitizer.visible(key))\"; known: dateFormat, decimalComma, contacts, deals, spend")
            }
        }
    }

    private static func columns(_ value: MappingValue, key: String, known: [String: ColumnRole], problems: inout [String]) -> [ColumnRole: String] {
        guard case .table(let table) = value else {
            problems.append("\(key): expected a table of column names")
            return [:]
        }
        var out: [ColumnRole: String] = [:]
        for (name, column) in table.sorted(by: { $0.key < $1.key }) {
            guard let role = known[name] else {
                problems.append("\(key).\(TextSanitizer.visible(name)): unknown; known: \(known.keys.sorted().joined(separator: ", "))")
                continue
            }
            guard let text = column.string, !text.isEmpty else {
                problems.append("\(key).\(name): expected a column name")
                continue
            }
            out[role] = text
        }
        return out
    }
}

/// A mapping file's tree, the same whether it came from JSON or TOML.
enum MappingValue {
    case table([String: MappingValue])
    case array([MappingValue])
    case string(String)
    case bool(Bool)
    case other

    var string: String? { if case .string(let s) = self { return s } else { return nil } }

    init(_ json: JSONValue) {
        switch json {
        case .object(let members): self = .table(Dictionary(members.map { ($0.key, MappingValue($0.value)) }, uniquingKeysWith: { a, _ in a }))
        case .array(let items): self = .array(items.map(MappingValue.init))
        case .string(let s): self = .string(s)
        case .bool(let b): self = .bool(b)
        default: self = .other
        }
    }

    init(_ toml: TOMLTable) {
        var out: [String: MappingValue] = [:]
        for (key, value) in toml { out[key] = MappingValue(value) }
        self = .table(out)
    }

    init(_ value: TOMLValueConvertible) {
        if let table = value.table {
            self.init(table)
        } else if let array = value.array {
            self = .array(array.map { MappingValue($0) })
        } else if let s = value.string {
            self = .string(s)
        } else if let b = value.bool {
            self = .bool(b)
        } else {
            self = .other
        }
    }
}
