import Foundation
import SmarketingModel

/// The themes smarketing ships, and how a theme name or path becomes a theme.
///
/// Terminal-free and disk-free: finding and reading theme files is the edge's job
/// (`ThemeFiles` in SmarketingTerminal), which hands over what it found as a `ThemeLookup`.
public enum ThemeCatalog {
    /// The shipped themes, in the order `t` cycles through them.
    public static let shippedNames = ["default", "light", "projector", "colorblind", "mono"]

    /// The theme a lookup found, or the built-in default with a message naming the file and the
    /// field. `default` and `mono` work without their files: they are built in.
    ///
    /// Everything the message quotes comes from outside (the name asked for, folders from
    /// $XDG_CONFIG_HOME or $HOME, file names in them, the system's reason), so all of it is
    /// sanitised: the message is shown on screen and printed to stderr.
    public static func resolve(_ nameOrPath: String, _ lookup: ThemeLookup) -> (theme: Theme, problem: String?) {
        switch lookup {
        case .notFound(let searched, let available):
            if nameOrPath == "mono" { return (.mono, nil) }
            if nameOrPath == "default" { return (.builtinDefault, nil) }
            let known = available.map(TextSanitizer.visible).joined(separator: ", ")
            let folder = TextSanitizer.visible(searched ?? "~/.config/smarketing/themes")
            return (.builtinDefault, "theme \(TextSanitizer.visible(nameOrPath)): not found (looked in \(folder) and the shipped themes: \(known)); using the default theme")
        case .unreadable(let path, let reason):
            return (.builtinDefault, "\(TextSanitizer.visible(path)): cannot read the theme (\(TextSanitizer.visible(reason))); using the default theme")
        case .found(let path, let bytes):
            do {
                return (try Theme.parse(bytes, path: path), nil)
            } catch {
                return (.builtinDefault, "\(error.description); using the default theme")
            }
        }
    }

    /// The theme's name when its file does not give one: the file name without `.json`.
    static func baseName(_ path: String) -> String {
        let file = URL(fileURLWithPath: path).lastPathComponent
        return file.hasSuffix(".json") ? String(file.dropLast(5)) : file
    }
}

/// What a search for a theme file found.
public enum ThemeLookup: Equatable, Sendable {
    /// The file and its bytes.
    case found(path: String, bytes: [UInt8])
    /// The file exists but could not be read, and why.
    case unreadable(path: String, reason: String)
    /// No file: the first folder searched (the user's own, if any) and every theme name available.
    case notFound(searched: String?, available: [String])
}
