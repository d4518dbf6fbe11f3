import Foundation
import SmarketingModel
import SmarketingUI

/// Test hook: with SMARKETING_DEBUG_ACK_DIR set, the dashboard records what it tells the chair
/// about saving, so a stress test can account for every acknowledged version:
/// - each time the status bar turns to "saved" with nothing unsaved, the version on screen is
///   written to `DIR/ack-N.json`;
/// - each conflict copy the screen names is appended to `DIR/named` (one path per line).
/// Nothing is recorded without the variable; the hook never touches the workspace file.
struct SaveTrace {
    private let directory: String
    private var count = 0

    init?(environment: [String: String]) {
        guard let directory = environment["SMARKETING_DEBUG_ACK_DIR"], !directory.isEmpty else { return nil }
        self.directory = directory
    }

    /// Called after each action is reduced, with the state it left.
    mutating func observe(_ action: Action, _ state: AppState, storePath: String) {
        switch action {
        case .saveFinished(.saved), .saveFinished(.keptMine):
            guard state.saveState == .saved, state.unsavedEdits == 0 else { break }
            count += 1
            try? Data(MeetingStore.encode(state.workspace)).write(to: URL(fileURLWithPath: "\(directory)/ack-\(count).json"))
        default:
            break
        }
        var named: [String] = []
        if case .saveFinished(.keptMine(let aside?)) = action {
            // The banner names the copies by path, joined with ", ".
            named = aside.components(separatedBy: ", ")
        }
        if case .otherVersionsKeptAside(let copies) = action { named = copies }
        guard !named.isEmpty else { return }
        let folder = URL(fileURLWithPath: storePath).deletingLastPathComponent().path
        let lines = named.map { $0.hasPrefix("/") ? $0 : "\(folder)/\($0)" }.joined(separator: "\n") + "\n"
        if let handle = FileHandle(forWritingAtPath: "\(directory)/named") ?? {
            FileManager.default.createFile(atPath: "\(directory)/named", contents: nil)
            return FileHandle(forWritingAtPath: "\(directory)/named")
        }() {
            handle.seekToEndOfFile()
            handle.write(Data(lines.utf8))
            try? handle.close()
        }
    }
}
