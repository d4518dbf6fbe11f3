import Foundation

enum TerminalLocale {
    /// Whether the terminal's locale is UTF-8 (else big digits and charts use ASCII).
    static var isUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return true }
        return String(cString: codeset).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
    }

    /// With no locale chosen (LANG unset, C or POSIX), switches LC_CTYPE to a UTF-8 locale, as
    /// btop does: every terminal emulator, tmux, screen and the Linux console take UTF-8, and
    /// without it names are blank and typed accents are lost. A legacy character set chosen on
    /// purpose (ISO-8859-1…), or a VT100/VT220-class TERM, is kept, and the screen falls back to
    /// ASCII with `?` for what it cannot show.
    static func preferUTF8(environment: [String: String]) {
        guard !isUTF8 else { return }
        let chosen = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        guard ["", "C", "POSIX"].contains(chosen) else { return }
        let term = environment["TERM"] ?? ""
        if term.hasPrefix("vt") && !term.hasPrefix("vte") { return }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            return
        }
    }
}
