import SmarketingModel

/// Everything that can happen to the dashboard.
public enum Action: Equatable, Sendable {
    case key(Key)
    /// Text the terminal pasted (bracketed paste): one edit, never a run of keys.
    case paste(String)
    /// Ctrl-C (SIGINT). It stops the dashboard unless a form holds typed text to ask about.
    case interrupt
    case resize(Size)
    /// The clock moved on (at most once a second).
    case tick(Timestamp)
    case saveFinished(SaveOutcome)
    /// The file changed on disk (another program, or another smarketing) and parses.
    case externalChange(Workspace)
    /// The file on disk is unreadable or invalid right now; the message says why.
    case externalInvalid(String)
    /// The file on disk was read after a change and holds a version this screen already has
    /// (its own save, or the version last read): it is valid again, if it was not.
    case externalUnchanged
    /// A presenter read the chair's view (at `at`, by the presenter's clock).
    case followView(ViewState, at: Timestamp)
    /// A presenter found no chair publishing a view; `reason` says more when the view file is
    /// there but cannot be used.
    case noChair(reason: String?)
    /// The chair's view could not be published (presenters will not follow); said once.
    case viewNotPublished(String)
    /// $EDITOR closed: the new text, or nil when it failed (with a message).
    case notesEdited(NotesTarget, Result<String, NotesEditFailure>)
    /// Another program wrote the file at the very moment of a save; its versions were kept as
    /// these conflict copies (paths beside the workspace). Reported for every save, even one
    /// superseded by a newer save.
    case otherVersionsKeptAside([String])
    /// The runner loaded the theme the state names; `problem` says what went wrong, if anything.
    case themeLoaded(problem: String?)
    /// A copy was saved at `path` (as typed) and is now the file edits go to; or, with a
    /// `problem`, nothing was written and the form comes back.
    case copySaved(path: String, problem: String?)
}

/// Which text $EDITOR is editing.
public enum NotesTarget: Equatable, Sendable {
    case agendaNotes(id: String)
    case mitigation(id: String)
    case decision(id: String)
    case meetingNotes
    /// One of the team's definitions, or a persona as "Label: value" lines (`PersonaText`).
    case definition(DefinitionSubject)

    /// The text `$EDITOR` edits for the item: its notes, mitigation or text (nil: the meeting's notes).
    public init?(_ item: ItemRef?) {
        switch item {
        case nil: self = .meetingNotes
        case .agenda(let id)?: self = .agendaNotes(id: id)
        case .friction(let id)?: self = .mitigation(id: id)
        case .decision(let id)?: self = .decision(id: id)
        case .action?, .suggestion?: return nil
        }
    }

    /// The item whose text this is (nil: the meeting's notes, or a definition, which is no
    /// meeting item: check `definition` first).
    public var item: ItemRef? {
        switch self {
        case .agendaNotes(let id): return .agenda(id)
        case .mitigation(let id): return .friction(id)
        case .decision(let id): return .decision(id)
        case .meetingNotes, .definition: return nil
        }
    }

    public var label: String {
        switch self {
        case .agendaNotes: return "agenda item notes"
        case .mitigation: return "mitigation"
        case .decision: return "decision"
        case .meetingNotes: return "meeting notes"
        case .definition(.persona): return "persona"
        case .definition: return "definition"
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
    /// Wait for the saves under way and report each with `.saveFinished` (the chair is quitting).
    case finishSaves
    /// The workspace on screen now matches the file on disk: future saves compare against it.
    case adoptDiskVersion
    /// Keep mine: put the disk's version aside as FILE.conflict-TIME, then save over it.
    case keepMine
    /// Open `text` in $EDITOR and report back with `.notesEdited`.
    case editNotes(NotesTarget, String)
    /// Ctrl-C with nothing to ask about: stop as for any stop signal (save, restore, exit 130).
    case stop
    /// Write the workspace to a new file at `path` (a bare name goes beside the workspace) and
    /// make it the file edits go to; report with `.copySaved`.
    case saveCopy(path: String)
}
