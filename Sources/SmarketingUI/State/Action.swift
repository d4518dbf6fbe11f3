import SmarketingModel

/// Everything that can happen to the dashboard.
public enum Action: Equatable, Sendable {
    case key(Key)
    case resize(Size)
    /// The clock moved on (at most once a second).
    case tick(Timestamp)
    case saveFinished(SaveOutcome)
}

public enum SaveOutcome: Equatable, Sendable {
    case saved
    case failed(String)
}

/// What the runtime must do after an action. The reducer itself touches no file or terminal.
public enum Effect: Equatable, Sendable {
    /// Write the workspace to disk now.
    case save
    /// Repaint the whole screen (Ctrl-L).
    case redraw
    case quit
}
