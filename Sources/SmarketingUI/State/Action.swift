import SmarketingModel

/// Everything that can happen to the dashboard.
public enum Action: Equatable, Sendable {
    case key(Key)
    case resize(Size)
    /// The clock moved on (at most once a second).
    case tick(Timestamp)
    case saveFinished(SaveOutcome)
    /// The file changed on disk (another program, or another smarketing) and parses.
    case externalChange(Workspace)
    /// The file on disk is unreadable or invalid right now; the message says why.
    case externalInvalid(String)
    /// $EDITOR closed: the new text, or nil when it failed (with a message).
    case notesEdited(NotesTarget, Result<String, NotesEditFailure>)
}

/// Which text $EDITOR is editing.
public enum NotesTarget: Equatable, Sendable {
    case agendaNotes(id: String)
    case mitigation(id: String)
    case decision(id: String)
    case meetingNotes

    public var label: String {
        switch self {
        case .agendaNotes: return "agenda item notes"
        case .mitigation: return "mitigation"
        case .decision: return "decision"
        case .meetingNotes: return "meeting notes"
        }
    }
}

public struct NotesEditFailure: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

public enum SaveOutcome: Equatable, Sendable {
    case saved
    case failed(String)
    /// The file changed on disk since we last read it; `theirs` is what is there now, if it parses.
    case conflict(theirs: Workspace?)
    /// Saved after "keep mine"; the disk's other version was put aside at this path (if there was one).
    case keptMine(aside: String?)
}

/// What the runtime must do after an action. The reducer itself touches no file or terminal.
public enum Effect: Equatable, Sendable {
    /// Write the workspace to disk now.
    case save
    /// Repaint the whole screen (Ctrl-L).
    case redraw
    /// Quit now: nothing is unsaved, or the chair said to drop what is.
    case quit
    /// Quit once the save under way has finished; if it fails, the chair is asked.
    case quitAfterSaving
    /// The workspace on screen now matches the file on disk: future saves compare against it.
    case adoptDiskVersion
    /// Keep mine: put the disk's version aside as FILE.conflict-TIME, then save over it.
    case keepMine
    /// Open `text` in $EDITOR and report back with `.notesEdited`.
    case editNotes(NotesTarget, String)
}
