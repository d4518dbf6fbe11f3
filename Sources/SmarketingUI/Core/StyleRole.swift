/// What a cell is, for colouring. Themes give each role a colour and attributes; widgets only ever
/// name roles.
public enum StyleRole: UInt8, CaseIterable, Sendable, Codable {
    case text
    case dim
    case header
    case headerAccent
    case border
    case borderFocused
    case title
    case titleFocused
    case selection
    case selectionUnfocused
    case active
    case good
    case warn
    case bad
    case accent
    case stage
    case statusBar
    case statusKey
    case statusError
    case banner
    case bannerError
    case overlay
    case overlayBorder
    case formLabel
    case formField
    case formFieldFocused
    case formError
    case sparkline
    case target
    /// A KPI's value in big digits, by status. Status shows as colour plus the tile's mark, never
    /// as underline (on three-row digits an underline reads as a strike-through). A theme file that
    /// leaves these out gets its `good`/`warn`/`bad` style without the underline.
    case digitsGood
    case digitsWarn
    case digitsBad

    /// The JSON key of the role in a theme file.
    public var key: String {
        switch self {
        case .text: return "text"
        case .dim: return "dim"
        case .header: return "header"
        case .headerAccent: return "headerAccent"
        case .border: return "border"
        case .borderFocused: return "borderFocused"
        case .title: return "title"
        case .titleFocused: return "titleFocused"
        case .selection: return "selection"
        case .selectionUnfocused: return "selectionUnfocused"
        case .active: return "active"
        case .good: return "good"
        case .warn: return "warn"
        case .bad: return "bad"
        case .accent: return "accent"
        case .stage: return "stage"
        case .statusBar: return "statusBar"
        case .statusKey: return "statusKey"
        case .statusError: return "statusError"
        case .banner: return "banner"
        case .bannerError: return "bannerError"
        case .overlay: return "overlay"
        case .overlayBorder: return "overlayBorder"
        case .formLabel: return "formLabel"
        case .formField: return "formField"
        case .formFieldFocused: return "formFieldFocused"
        case .formError: return "formError"
        case .sparkline: return "sparkline"
        case .target: return "target"
        case .digitsGood: return "digitsGood"
        case .digitsWarn: return "digitsWarn"
        case .digitsBad: return "digitsBad"
        }
    }

    /// One letter per role, for the style sidecar of golden screens.
    public var letter: Character {
        Array("tdhHbBiIsSagwxAkqQEnNoOlfFerTGWX")[Int(rawValue)]
    }
}
