import Foundation

/// Everything that can go wrong reading or writing a workspace file. Each case carries what went
/// wrong and where; `lines` gives one line per problem, ready for stderr or a banner.
public enum WorkspaceError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(path: String)
    /// The path names something other than a regular file: `kind` is e.g. "a directory".
    case notAFile(path: String, kind: String)
    case unreadable(path: String, reason: String)
    case tooLarge(path: String, limit: Int)
    case syntax(path: String, JSONSyntaxError)
    case invalid(path: String, issues: [SchemaIssue])
    case newerSchema(path: String, found: Int)
    /// The file changed on disk since it was loaded or last saved; saving would clobber someone's edit.
    case changedOnDisk(path: String)
    case writeFailed(path: String, reason: String)
    /// The file is read-only: it is not replaced, though its folder would allow it.
    case readOnly(path: String)
    /// Saving would write `size` bytes, more than the loader opens: the file on disk is left as it was.
    case tooLargeToSave(path: String, size: Int, limit: Int)
    case alreadyExists(path: String)

    public var lines: [String] {
        switch self {
        case .notFound(let path):
            return ["\(shown(path)): no such file. Create a workspace there with `smarketing init \(shown(path))`."]
        case .notAFile(let path, let kind):
            return ["\(shown(path)): is \(kind), not a workspace file. Give the path of a workspace .json file."]
        case .unreadable(let path, let reason):
            return ["\(shown(path)): cannot read the file (\(reason)). Check its permissions."]
        case .tooLarge(let path, let limit):
            return ["\(shown(path)): the file is larger than \(limit / (1 << 20)) MiB, too large to be a workspace. Check that it is the right file."]
        case .syntax(let path, let error):
            let restore = backup(of: path).map { ", or restore \(shown($0)) (the version before the last save)" } ?? ""
            if error.isLimit {
                // Well-formed JSON past a size limit: the message names the place and what to do.
                return ["\(shown(path)):\(error.line):\(error.column): \(error.message)\(restore)."]
            }
            return ["\(shown(path)):\(error.line):\(error.column): invalid JSON: \(error.message). Fix it in a text editor\(restore)."]
        case .invalid(let path, let issues):
            return issues.map { "\(shown(path)): \($0.description)" }
        case .newerSchema(let path, let found):
            return ["\(shown(path)): schemaVersion \(found) is newer than this smarketing understands (up to \(Workspace.currentSchemaVersion)). Upgrade smarketing to open it."]
        case .changedOnDisk(let path):
            return ["\(shown(path)): the file changed on disk since it was loaded; not overwriting it. Reload it, or keep your version and save the other aside."]
        case .writeFailed(let path, let reason):
            return ["\(shown(path)): could not save (\(reason)). The file on disk is unchanged."]
        case .readOnly(let path):
            return ["\(shown(path)): the file is read-only, so it was not saved. Make it writable (chmod u+w) and try again."]
        case .tooLargeToSave(let path, let size, let limit):
            return ["\(shown(path)): not saved: \(WorkspaceError.tooLargeReason(size: size, limit: limit)). The file on disk is unchanged."]
        case .alreadyExists(let path):
            return ["\(shown(path)): already exists; refusing to overwrite it. Choose another path or remove the file first."]
        }
    }

    public var description: String { lines.joined(separator: "\n") }

    /// Why, in a few words and without the path: for a banner where the file is already named.
    public var reason: String {
        switch self {
        case .writeFailed(_, let reason), .unreadable(_, let reason): return reason
        case .changedOnDisk: return "the file changed on disk"
        case .readOnly: return "the file is read-only (S saves your edits as a copy; or make it writable: chmod u+w)"
        case .notFound: return "the file is missing"
        case .notAFile(_, let kind): return "the path is \(kind)"
        case .alreadyExists: return "the file already exists"
        case .tooLarge: return "the file is too large"
        case .tooLargeToSave(_, let size, let limit): return WorkspaceError.tooLargeReason(size: size, limit: limit)
        case .syntax(_, let e) where e.isLimit: return "too many elements at line \(e.line), column \(e.column)"
        case .syntax(_, let e): return "invalid JSON at line \(e.line), column \(e.column)"
        case .invalid(_, let issues): return issues.first?.description ?? "invalid"
        case .newerSchema(_, let v): return "schemaVersion \(v) is newer than this smarketing"
        }
    }

    private static func tooLargeReason(size: Int, limit: Int) -> String {
        "the workspace would be \(size) bytes, over the \(limit >> 20) MiB limit (\(limit) bytes); "
            + "make room by exporting the minutes of old meetings and removing those meetings from the file"
    }

    private func shown(_ path: String) -> String { TextSanitizer.visible(path) }

    /// The backup a save left beside the file (beside the target of a symbolic link), if there is
    /// one: the message suggests restoring it only then.
    private func backup(of path: String) -> String? {
        [path + ".bak", FileIO.resolved(path) + ".bak"].first { candidate in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }
}
