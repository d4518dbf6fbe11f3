import SmarketingModel

/// Whether the workspace on disk matches the one on screen.
public enum SaveState: Equatable, Sendable {
    case saved
    case saving
    /// The last save failed; the message says why. Edits are kept in memory and saves are retried.
    case failed(String)
    /// The file changed on disk since it was read: nothing is overwritten until the chair decides.
    case conflict
}

/// A one-line message over the status bar.
public struct Banner: Equatable, Sendable {
    public var text: String
    public var isError: Bool
    /// When the banner goes away by itself (nil: stays until replaced).
    public var expires: Timestamp?
    /// It says the file on disk is not valid: it goes as soon as a valid version is read.
    public var isInvalidFile = false

    public init(_ text: String, isError: Bool = false, expires: Timestamp? = nil) {
        self.text = text
        self.isError = isError
        self.expires = expires
    }

    /// The file on disk cannot be read or is invalid right now; the message says why.
    public static func invalidFile(_ message: String) -> Banner {
        var banner = Banner("The file on disk is not valid right now (\(message)). Showing the last good version until it is.", isError: true)
        banner.isInvalidFile = true
        return banner
    }
}

/// A presenter's link to the chair's view (`smarketing present`).
public enum Following: Equatable, Sendable {
    /// `present --independent`: browses on its own, follows only the file.
    case independent
    /// No chair publishes a view (none is running, or it quit or crashed); `reason` says more
    /// when the view file is there but cannot be used.
    case noChair(reason: String?)
    /// Showing the chair's view, last changed at `updated`.
    case following(updated: Timestamp)
}

/// What the keyboard is talking to.
public enum Mode: Equatable, Sendable {
    case normal
    case form(FormState)
    case help(scroll: Int)
    case confirmQuit
    case confirmNewWeek
    /// Esc or Ctrl-C in a form or on the capture line with typed text: throw it away? What was
    /// typed is kept for "no".
    case confirmDiscard(TypedText)
    /// The chair quit while a save was under way: waiting for it to finish before leaving.
    case quitting
    /// Quick capture: the line being typed and, after Tab, the completions offered.
    case capture(LineEditor, completions: [String])
    /// The file changed on disk while there were unsaved edits here: the chair decides. `theirs`
    /// is nil when the file on disk cannot be read or is invalid (only "keep mine" is possible).
    case conflict(theirs: Workspace?, viewing: Bool)
    /// "Who owes what": the open action items by owner; `selected` counts items, not headings.
    case owed(selected: Int)
    /// "People & attendance": the roster, with this meeting's attendance; `selected` indexes
    /// `workspace.people`.
    case people(selected: Int)
    /// The team's definitions (`I`): which subject is selected, the scroll, and editor text that
    /// could not be saved.
    case definitions(DefinitionsView)
}

/// Text the chair typed and has not committed: a changed form, or the quick-capture line.
public enum TypedText: Equatable, Sendable {
    case form(FormState)
    case capture(LineEditor)

    /// The mode to go back to when the chair keeps it.
    var mode: Mode {
        switch self {
        case .form(let form): return .form(form)
        case .capture(let editor): return .capture(editor, completions: [])
        }
    }
}

/// A point to return to on undo or redo.
public struct UndoEntry: Equatable, Sendable {
    public var workspace: Workspace
    public var focus: PaneID
    public var selection: [PaneID: Int]
    public var label: String
}

/// Everything the dashboard shows, as one value. Only `reduce` changes it; `render` reads it.
public struct AppState: Equatable, Sendable {
    public var workspace: Workspace {
        didSet { refreshReports() }
    }
    /// The KPIs of the current meeting's week, recomputed only when the workspace changes.
    public private(set) var report: KPIReport?
    /// The funnel and the lead SLA for the same week.
    public private(set) var funnel: FunnelReport?
    public private(set) var sla: SLAReport?
    /// Derived once per change, so a frame costs the same however long the history is.
    public private(set) var meetingIndex: Int?
    public private(set) var frictionRows: [FrictionRow] = []
    /// The friction-point indices in display order (the selectable rows), and each one's row.
    public private(set) var frictionItems: [Int] = []
    public private(set) var frictionRowOfItem: [Int] = []
    public private(set) var unresolvedFriction = 0
    /// The one rule for people's names in narrow columns, for the roster and every name in use.
    public private(set) var names = NameStyle(people: [])
    /// Fresh ids for new items; knows every id the workspace has used.
    public var ids: IDPool
    /// Read-only: the presenter's screen, which follows the file and never writes it.
    public var readOnly = false
    /// On a presenter: whether it follows the chair's view, and how that stands (nil on the chair's screen).
    public var following: Following?
    /// Draw big digits and charts with ASCII only (the terminal has no UTF-8).
    public var asciiOnly = false
    /// A change on disk that arrived while a form was open; it is dealt with when the form closes.
    public var pendingConflict: Workspace?
    /// Editor text for a definition that could not be saved; `E` on that subject opens it again.
    public var unsavedDefinitionText: UnsavedDefinitionText?
    /// A capture line whose owner nobody has been called yet, after the chair was told so: Enter
    /// again adds it as written.
    public var captureNewOwnerWarned: String?
    /// The file name as shown in the status bar.
    public var fileLabel: String
    public var size: Size
    public var focus: PaneID = .agenda
    public var selection: [PaneID: Int] = [:]
    public var scroll: [PaneID: Int] = [:]
    public var zoomed = false
    public var showResolved = true {
        didSet { refreshFriction() }
    }
    public var mode: Mode = .normal
    public var undoStack: [UndoEntry] = []
    public var redoStack: [UndoEntry] = []
    public var saveState: SaveState = .saved
    /// Edits not yet on disk (a save failed or is under way).
    public var unsavedEdits = 0
    public var banner: Banner?
    /// The clock, set by ticks; injected so tests never sleep.
    public var now: Timestamp
    /// Seconds east of UTC for showing local times.
    public var utcOffset: Int
    public var themeNames: [String]
    public var themeIndex = 0

    public static let undoLimit = 200

    public init(workspace: Workspace, fileLabel: String, size: Size, now: Timestamp, utcOffset: Int = 0,
                themeNames: [String] = ["default"], themeIndex: Int = 0, ids: IDGenerator = IDGenerator()) {
        self.workspace = workspace
        self.fileLabel = fileLabel
        self.size = size
        self.now = now
        self.utcOffset = utcOffset
        self.themeNames = themeNames
        self.themeIndex = themeIndex
        self.ids = IDPool(generator: ids, taken: workspace.allIDs)
        refreshReports()
    }

    /// A fresh id with the prefix, recorded as taken.
    public mutating func newID(_ prefix: String) -> String { ids.fresh(prefix) }

    private mutating func refreshReports() {
        meetingIndex = workspace.currentMeetingIndex
        if let meeting {
            report = KPIReport(workspace: workspace, meeting: meeting)
            funnel = FunnelReport(workspace: workspace, week: meeting.kpiWeek)
            sla = SLAReport(workspace: workspace, week: meeting.kpiWeek)
        } else {
            (report, funnel, sla) = (nil, nil, nil)
        }
        unresolvedFriction = workspace.frictionPoints.reduce(0) { $0 + ($1.status == .resolved ? 0 : 1) }
        names = NameStyle(workspace)
        refreshFriction()
    }

    private mutating func refreshFriction() {
        suggestions = funnel?.suggestions(dismissed: workspace.currentMeeting?.dismissedSuggestions ?? []) ?? []
        frictionRows = PaneRows.friction(workspace, showResolved: showResolved, suggestions: suggestions)
        frictionItems = []
        frictionRowOfItem = []
        // Selectable rows: the suggestions first (each can be accepted or dismissed), then the points.
        for (row, entry) in frictionRows.enumerated() {
            switch entry {
            case .suggestion: frictionRowOfItem.append(row)
            case .point(let index):
                frictionItems.append(index)
                frictionRowOfItem.append(row)
            case .stage: break
            }
        }
    }

    /// The current meeting, found once per change.
    public var meeting: Meeting? { meetingIndex.map { workspace.meetings[$0] } }

    /// How many suggestion rows come before the points among the friction pane's selectable rows.
    public var frictionSuggestionCount: Int { frictionRowOfItem.count - frictionItems.count }

    /// Suggested friction points for this week that were not dismissed, found once per change
    /// (selection resolves through them on every key).
    public private(set) var suggestions: [FrictionSuggestion] = []

    public var themeName: String { themeNames.isEmpty ? "default" : themeNames[themeIndex % themeNames.count] }

    /// The selected index in a pane, clamped to its items.
    public func selected(_ pane: PaneID) -> Int {
        let count = PaneRows.itemCount(pane, self)
        return count == 0 ? 0 : min(max(0, selection[pane] ?? 0), count - 1)
    }

    /// Today in the chair's time zone.
    public var today: CalendarDate { now.adding(seconds: Int64(utcOffset)).utcDate }

    /// The smallest size the full layout works at.
    public static let minimumSize = Size(width: 80, height: 24)

    public var isTooSmall: Bool { size.width < AppState.minimumSize.width || size.height < AppState.minimumSize.height }
}
