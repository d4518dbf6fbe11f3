import SmarketingModel

/// What a form edits. A nil id means "new".
public enum FormTarget: Equatable, Sendable {
    case agendaItem(id: String?, insertAt: Int)
    case frictionPoint(id: String?, stage: FunnelStage)
    case actionItem(id: String?, insertAt: Int)
    case decision(id: String?, insertAt: Int)
    case kpiWeek(start: CalendarDate)
    /// Save the workspace under another name; later edits go to the copy.
    case saveCopy
    /// The team, its targets, the SLA and the meeting's planned length.
    case team
    /// A member of the roster, by the name they had when the form opened (nil: a new person).
    case person(name: String?)
    /// One of the team's fixed definitions (the ideal lead, lead, MQL, SQL, opportunity, the SLA).
    case definition(DefinitionSubject)
    /// A buyer persona; nil adds one.
    case persona(id: String?)

    /// Whether the form edits one of the team's definitions (it closes back to the definitions view).
    public var isDefinition: Bool {
        switch self {
        case .definition, .persona: return true
        default: return false
        }
    }
}

/// One field of a form.
public struct FormField: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case text(LineEditor)
        case choice(options: [String], index: Int)
    }

    public var key: String
    public var label: String
    public var kind: Kind
    /// A hint shown when the field is focused and valid, e.g. "YYYY-MM-DD, or empty".
    public var hint: String
    /// The validation message shown under the field, if any.
    public var error: String?
    /// The whole text, when it is longer than the field's editor holds: the field shows its
    /// beginning (and says so), and the whole text is kept unless the field is changed.
    public var fullText: String?

    /// `editorKey` is the key that opens the whole of a long text in $EDITOR where this form is used.
    public init(_ key: String, _ label: String, text: String, hint: String = "", editorKey: String = "N") {
        self.key = key
        self.label = label
        kind = .text(LineEditor(text))
        self.hint = hint
        let characters = text.count
        if characters > LineEditor.maximumLength {
            fullText = text
            self.hint = "shows the first \(LineEditor.maximumLength) of \(characters) characters; Esc, then \(editorKey) edits them all"
        }
    }

    public init(_ key: String, _ label: String, options: [String], selected: Int, hint: String = "") {
        self.key = key
        self.label = label
        kind = .choice(options: options, index: max(0, min(selected, options.count - 1)))
        self.hint = hint
    }

    /// The field's current value as text.
    public var value: String {
        switch kind {
        case .text(let editor): return editor.text
        case .choice(let options, let index): return options[index]
        }
    }

    /// What the form saves: the whole text when only its beginning was shown and it was left as it was.
    public var submittedValue: String {
        if let fullText, value == String(fullText.prefix(LineEditor.maximumLength)) { return fullText }
        return value
    }

    /// A text shown only in part and then changed: saving it would drop the part not shown.
    public var changedInPart: Bool { fullText != nil && submittedValue != fullText }
}

/// An open form: a title, fields, which one has focus.
public struct FormState: Equatable, Sendable {
    public var target: FormTarget
    public var title: String
    public var fields: [FormField]
    public var focus = 0
    /// A due date in the past the chair has been warned about; Enter again keeps it.
    public var acknowledgedPastDue: CalendarDate?
    /// Each field's value when the form opened, to tell whether anything was typed.
    public let openingValues: [String]

    public init(target: FormTarget, title: String, fields: [FormField]) {
        self.target = target
        self.title = title
        self.fields = fields
        openingValues = fields.map(\.value)
    }

    /// Whether the chair changed any field since the form opened (closing it would lose that).
    public var isChanged: Bool { fields.map(\.value) != openingValues }

    public func value(_ key: String) -> String { fields.first { $0.key == key }?.value ?? "" }

    /// What the form saves for a long text: see `FormField.submittedValue`.
    public func submittedValue(_ key: String) -> String { fields.first { $0.key == key }?.submittedValue ?? "" }

    public var hasErrors: Bool { fields.contains { $0.error != nil } }
}
