import SmarketingModel

/// What the room sees of the chair's screen, as one value: the focused pane, the item selected in
/// each pane (by id, so a presenter whose copy of the file is a moment behind still lands on the
/// same item), zoom, and the overlay open (help, a form being filled with what is typed so far,
/// the capture line, who owes what, people, definitions). The chair derives it from its state
/// (`init(_:chair:)`) and publishes it; a presenter applies it with `Action.followView`.
///
/// List scroll is not part of it: each presenter scrolls its lists to keep the chair's selection
/// on screen at its own size. The encoding is canonical JSON (`json`/`init(json:)`), versioned.
public struct ViewState: Equatable, Sendable {
    /// The version of the encoding; a presenter refuses a view state of another version.
    public static let formatVersion: Int64 = 1
    /// A view state larger than this is refused unread (a form holds at most a few fields of
    /// `LineEditor.maximumLength` characters each).
    public static let maximumBytes = 256 * 1024

    /// Which chair published it: a presenter can tell a restarted chair from the same one.
    public struct Chair: Equatable, Sendable {
        public var pid: Int64
        public var host: String
        /// Random, chosen when the chair started.
        public var start: String

        public init(pid: Int64, host: String, start: String) {
            self.pid = pid
            self.host = host
            self.start = start
        }
    }

    /// The selection in one pane: the item (nil in the KPI pane or an empty pane) and its row
    /// among the pane's selectable rows, used when the presenter does not have the item (yet).
    public struct PaneSelection: Equatable, Sendable {
        public var index: Int
        public var item: ItemRef?

        public init(index: Int, item: ItemRef?) {
            self.index = index
            self.item = item
        }
    }

    /// One field of a form as the room sees it.
    public struct Field: Equatable, Sendable {
        public enum Value: Equatable, Sendable {
            case text(String, cursor: Int)
            case choice(options: [String], index: Int)
        }

        public var label: String
        public var value: Value
        public var hint: String
        public var error: String?

        public init(label: String, value: Value, hint: String = "", error: String? = nil) {
            self.label = label
            self.value = value
            self.hint = hint
            self.error = error
        }
    }

    /// The overlay that matters to the room. Prompts and the conflict screen are the chair's own
    /// business: the presenter shows the dashboard under them.
    public enum Overlay: Equatable, Sendable {
        case help(scroll: Int)
        case form(title: String, fields: [Field], focus: Int)
        case capture(text: String, cursor: Int)
        case owed(selected: Int)
        case people(selected: Int)
        case definitions(selected: Int, top: Int)
    }

    public var chair: Chair
    public var focus: PaneID
    public var zoomed: Bool
    public var showResolved: Bool
    public var selection: [PaneID: PaneSelection]
    public var overlay: Overlay?

    public init(chair: Chair, focus: PaneID, zoomed: Bool, showResolved: Bool,
                selection: [PaneID: PaneSelection], overlay: Overlay?) {
        self.chair = chair
        self.focus = focus
        self.zoomed = zoomed
        self.showResolved = showResolved
        self.selection = selection
        self.overlay = overlay
    }

    /// The chair's view, derived from its state in one place.
    public init(_ state: AppState, chair: Chair) {
        self.chair = chair
        focus = state.focus
        zoomed = state.zoomed
        showResolved = state.showResolved
        var selection: [PaneID: PaneSelection] = [:]
        for pane in PaneID.allCases {
            selection[pane] = PaneSelection(index: state.selected(pane), item: state.selectedItem(in: pane))
        }
        self.selection = selection
        overlay = ViewState.overlay(state.mode)
    }

    private static func overlay(_ mode: Mode) -> Overlay? {
        switch mode {
        case .help(let scroll): return .help(scroll: scroll)
        case .form(let form): return .form(title: form.title, fields: form.fields.map(Field.init), focus: form.focus)
        case .capture(let editor, _): return .capture(text: editor.text, cursor: editor.cursor)
        case .owed(let selected): return .owed(selected: selected)
        case .people(let selected): return .people(selected: selected)
        case .definitions(let view): return .definitions(selected: view.selected, top: view.top)
        case .normal, .quitting, .confirmQuit, .confirmNewWeek, .confirmDiscard, .conflict: return nil
        }
    }
}

extension ViewState.Field {
    init(_ field: FormField) {
        switch field.kind {
        case .text(let editor): value = .text(editor.text, cursor: editor.cursor)
        case .choice(let options, let index): value = .choice(options: options, index: index)
        }
        label = field.label
        hint = field.hint
        error = field.error
    }

    /// The form field a presenter shows (it is never submitted there).
    var formField: FormField {
        var field: FormField
        switch value {
        case .text(let text, let cursor):
            field = FormField(label, label, text: "", hint: hint)
            field.kind = .text(LineEditor(text, cursor: cursor))
        case .choice(let options, let index):
            field = options.isEmpty ? FormField(label, label, text: "", hint: hint) : FormField(label, label, options: options, selected: index, hint: hint)
        }
        field.error = error
        return field
    }
}

// MARK: the encoding

extension ViewState {
    /// Why bytes are not a view state.
    public struct DecodingError: Error, Equatable, Sendable {
        public var message: String
        public init(_ message: String) { self.message = message }
    }

    /// The canonical JSON bytes of the view state.
    public var bytes: [UInt8] { JSONWriter.canonicalBytes(json) }

    public var json: JSONValue {
        var members = [
            JSONMember("version", .integer(ViewState.formatVersion)),
            JSONMember("chair", .object([
                JSONMember("pid", .integer(chair.pid)), JSONMember("host", .string(chair.host)), JSONMember("start", .string(chair.start)),
            ])),
            JSONMember("focus", .string(ViewState.paneNames[focus.rawValue])),
            JSONMember("zoomed", .bool(zoomed)),
            JSONMember("showResolved", .bool(showResolved)),
            JSONMember("selection", .object(PaneID.allCases.compactMap { pane in
                selection[pane].map { JSONMember(ViewState.paneNames[pane.rawValue], $0.json) }
            })),
        ]
        if let overlay { members.append(JSONMember("overlay", overlay.json)) }
        return .object(members)
    }

    /// Reads view-state bytes: bounded in size, our own parser, and every field checked.
    public init(bytes: [UInt8]) throws(DecodingError) {
        guard bytes.count <= ViewState.maximumBytes else { throw DecodingError("the view file is larger than \(ViewState.maximumBytes / 1024) KiB") }
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw DecodingError("the view file is not JSON (line \(error.line): \(error.message))")
        }
        try self.init(json: root)
    }

    public init(json: JSONValue) throws(DecodingError) {
        let root = try Reading(json, "view")
        let version = try root.integer("version")
        guard version == ViewState.formatVersion else { throw DecodingError("the view file has version \(version); this smarketing reads version \(ViewState.formatVersion)") }
        let chairValue = try root.object("chair")
        chair = Chair(pid: try chairValue.integer("pid"), host: try chairValue.string("host"), start: try chairValue.string("start"))
        focus = try ViewState.pane(try root.string("focus"))
        zoomed = try root.bool("zoomed")
        showResolved = try root.bool("showResolved")
        selection = [:]
        for member in try root.object("selection").members {
            selection[try ViewState.pane(member.key)] = try PaneSelection(json: try Reading(member.value, member.key))
        }
        overlay = try root.optional("overlay").map { value throws(DecodingError) in try Overlay(json: try Reading(value, "overlay")) }
    }

    static let paneNames = ["kpis", "agenda", "friction", "actions"]

    static func pane(_ name: String) throws(DecodingError) -> PaneID {
        guard let index = paneNames.firstIndex(of: name), let pane = PaneID(rawValue: index) else { throw DecodingError("unknown pane \"\(TextSanitizer.visible(name))\"") }
        return pane
    }
}

extension ViewState.PaneSelection {
    var json: JSONValue {
        var members = [JSONMember("index", .integer(Int64(index)))]
        switch item {
        case .agenda(let id)?: members.append(JSONMember("agenda", .string(id)))
        case .friction(let id)?: members.append(JSONMember("friction", .string(id)))
        case .action(let id)?: members.append(JSONMember("action", .string(id)))
        case .decision(let id)?: members.append(JSONMember("decision", .string(id)))
        case .suggestion(let conversion)?: members.append(JSONMember("suggestion", .string(conversion.rawValue)))
        case nil: break
        }
        return .object(members)
    }

    init(json: ViewState.Reading) throws(ViewState.DecodingError) {
        index = try json.int("index")
        item = nil
        let kinds: [(String, (String) -> ItemRef?)] = [("agenda", ItemRef.agenda), ("friction", ItemRef.friction), ("action", ItemRef.action),
                                                        ("decision", ItemRef.decision), ("suggestion", { FunnelConversion(rawValue: $0).map(ItemRef.suggestion) })]
        for (key, make) in kinds {
            if let value = try json.optionalString(key) { item = make(value) }
        }
    }
}

extension ViewState.Overlay {
    var json: JSONValue {
        switch self {
        case .help(let scroll):
            return .object([JSONMember("kind", .string("help")), JSONMember("scroll", .integer(Int64(scroll)))])
        case .form(let title, let fields, let focus):
            return .object([JSONMember("kind", .string("form")), JSONMember("title", .string(title)),
                            JSONMember("focus", .integer(Int64(focus))), JSONMember("fields", .array(fields.map(\.json)))])
        case .capture(let text, let cursor):
            return .object([JSONMember("kind", .string("capture")), JSONMember("text", .string(text)), JSONMember("cursor", .integer(Int64(cursor)))])
        case .owed(let selected):
            return .object([JSONMember("kind", .string("owed")), JSONMember("selected", .integer(Int64(selected)))])
        case .people(let selected):
            return .object([JSONMember("kind", .string("people")), JSONMember("selected", .integer(Int64(selected)))])
        case .definitions(let selected, let top):
            return .object([JSONMember("kind", .string("definitions")), JSONMember("selected", .integer(Int64(selected))), JSONMember("top", .integer(Int64(top)))])
        }
    }

    init(json: ViewState.Reading) throws(ViewState.DecodingError) {
        switch try json.string("kind") {
        case "help": self = .help(scroll: try json.int("scroll"))
        case "form":
            var fields: [ViewState.Field] = []
            for (i, value) in try json.array("fields").enumerated() { fields.append(try ViewState.Field(json: try ViewState.Reading(value, "fields[\(i)]"))) }
            self = .form(title: try json.string("title"), fields: fields, focus: try json.int("focus"))
        case "capture": self = .capture(text: try json.string("text"), cursor: try json.int("cursor"))
        case "owed": self = .owed(selected: try json.int("selected"))
        case "people": self = .people(selected: try json.int("selected"))
        case "definitions": self = .definitions(selected: try json.int("selected"), top: try json.int("top"))
        case let other: throw ViewState.DecodingError("unknown overlay \"\(TextSanitizer.visible(other))\"")
        }
    }
}

extension ViewState.Field {
    var json: JSONValue {
        var members = [JSONMember("label", .string(label)), JSONMember("hint", .string(hint))]
        if let error { members.append(JSONMember("error", .string(error))) }
        switch value {
        case .text(let text, let cursor):
            members += [JSONMember("text", .string(text)), JSONMember("cursor", .integer(Int64(cursor)))]
        case .choice(let options, let index):
            members += [JSONMember("options", .array(options.map { .string($0) })), JSONMember("index", .integer(Int64(index)))]
        }
        return .object(members)
    }

    init(json: ViewState.Reading) throws(ViewState.DecodingError) {
        label = try json.string("label")
        hint = try json.string("hint")
        error = try json.optionalString("error")
        if let text = try json.optionalString("text") {
            value = .text(text, cursor: try json.int("cursor"))
        } else {
            var options: [String] = []
            for option in try json.array("options") {
                guard case .string(let s) = option else { throw ViewState.DecodingError("\(json.path).options holds a non-string") }
                options.append(s)
            }
            value = .choice(options: options, index: try json.int("index"))
        }
    }
}

extension ViewState {
    /// An object being read, with its path for messages.
    struct Reading {
        var members: [JSONMember]
        var path: String

        init(_ value: JSONValue, _ path: String) throws(DecodingError) {
            guard case .object(let members) = value else { throw DecodingError("\(path) is not an object") }
            self.members = members
            self.path = path
        }

        func optional(_ key: String) -> JSONValue? { members.first { $0.key == key }?.value }

        func value(_ key: String) throws(DecodingError) -> JSONValue {
            guard let value = optional(key) else { throw DecodingError("\(path).\(key) is missing") }
            return value
        }

        func integer(_ key: String) throws(DecodingError) -> Int64 {
            guard case .integer(let i) = try value(key) else { throw DecodingError("\(path).\(key) is not a whole number") }
            return i
        }

        /// A small non-negative whole number (an index, a scroll).
        func int(_ key: String) throws(DecodingError) -> Int {
            let i = try integer(key)
            guard i >= 0, i <= 1_000_000 else { throw DecodingError("\(path).\(key) is out of range") }
            return Int(i)
        }

        func bool(_ key: String) throws(DecodingError) -> Bool {
            guard case .bool(let b) = try value(key) else { throw DecodingError("\(path).\(key) is not true or false") }
            return b
        }

        func string(_ key: String) throws(DecodingError) -> String {
            guard case .string(let s) = try value(key) else { throw DecodingError("\(path).\(key) is not a string") }
            return s
        }

        func optionalString(_ key: String) throws(DecodingError) -> String? {
            guard optional(key) != nil else { return nil }
            return try string(key)
        }

        func object(_ key: String) throws(DecodingError) -> Reading { try Reading(try value(key), "\(path).\(key)") }

        func array(_ key: String) throws(DecodingError) -> [JSONValue] {
            guard case .array(let a) = try value(key) else { throw DecodingError("\(path).\(key) is not an array") }
            return a
        }
    }
}
