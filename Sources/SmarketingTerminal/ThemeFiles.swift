import Foundation
import SmarketingModel
import SmarketingUI

/// Finds and reads theme files: the user's own folder first, then the themes that ship with
/// smarketing. Works whatever folder the program runs from. What a file says is the UI's business
/// (`ThemeCatalog.resolve`); this type only touches the disk.
public struct ThemeFiles: Sendable {
    /// Folders searched, first match wins.
    public var directories: [String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, executable: String = CommandLine.arguments.first ?? "") {
        var dirs: [String] = []
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            dirs.append(xdg + "/smarketing/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            dirs.append(home + "/.config/smarketing/themes")
        }
        if let extra = environment["SMARKETING_THEMES"], !extra.isEmpty { dirs.append(extra) }
        // Installed beside the binary (bin/../share/smarketing/themes), or next to it.
        let exeDir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        dirs.append(exeDir.deletingLastPathComponent().appendingPathComponent("share/smarketing/themes").path)
        dirs.append(exeDir.appendingPathComponent("Themes").path)
        // The package's own Themes/ folder, for builds run from a checkout anywhere.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Themes")
        dirs.append(source.path)
        directories = dirs
    }

    public init(directories: [String]) {
        self.directories = directories
    }

    /// Every theme name available: the shipped ones first, then the user's.
    public func names() -> [String] {
        var names = ThemeCatalog.shippedNames
        for dir in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            for file in files.sorted() where file.hasSuffix(".json") {
                let name = String(file.dropLast(5))
                if !names.contains(name) { names.append(name) }
            }
        }
        return names
    }

    /// The file a theme name or path refers to, if any.
    public func path(for nameOrPath: String) -> String? {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".json") {
            return FileManager.default.fileExists(atPath: nameOrPath) ? nameOrPath : nil
        }
        for dir in directories {
            let candidate = "\(dir)/\(nameOrPath).json"
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Looks a theme name or path up on disk and reads its file.
    public func lookUp(_ nameOrPath: String) -> ThemeLookup {
        guard let path = path(for: nameOrPath) else {
            return .notFound(searched: directories.first, available: names())
        }
        do {
            return .found(path: path, bytes: try Array(Data(contentsOf: URL(fileURLWithPath: path))))
        } catch {
            return .unreadable(path: path, reason: error.localizedDescription)
        }
    }

    /// Loads a theme by name or path. On any problem it returns the built-in default with a
    /// message naming the file and the field.
    public func load(_ nameOrPath: String) -> (theme: Theme, problem: String?) {
        ThemeCatalog.resolve(nameOrPath, lookUp(nameOrPath))
    }
}
