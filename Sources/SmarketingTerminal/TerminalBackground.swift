import Foundation
import SmarketingUI

/// Whether the terminal's background is light or dark, so that with no `--theme` the dashboard
/// starts in a theme made for it: the default theme assumes a dark background, and on a white
/// one its pale yellow and dark greys are unreadable.
///
/// Asked in this order: `COLORFGBG` (set by rxvt, Konsole and others: `fg;bg`, the last field
/// the background's colour number), then the terminal itself with an OSC 11 query
/// (`ESC ] 11 ; ? BEL`, answered `ESC ] 11 ; rgb:RRRR/GGGG/BBBB` and BEL or `ESC \`). Parsing
/// and deciding are pure; only `query` touches the terminal.
public enum TerminalBackground: Equatable, Sendable {
    case light
    case dark

    /// The shipped theme for this background when the chair named none.
    public var themeName: String { self == .light ? "light" : "default" }

    /// Light when dark text reads better on it than light text (WCAG luminance above ~0.18).
    public init(_ color: RGB) {
        self = RGB.contrast(color, RGB(0, 0, 0)) > RGB.contrast(color, RGB(255, 255, 255)) ? .light : .dark
    }

    /// From `COLORFGBG` (`15;0`, `0;15`, `15;default;0`): the last field is the background's colour
    /// number in the 16-colour palette. As Vim reads it: 0–6 and 8 (grey) are dark, 7 and 9–15
    /// light. Nil when unset, `default` or not a number.
    public static func fromCOLORFGBG(_ value: String?) -> TerminalBackground? {
        guard let value, let last = value.split(separator: ";", omittingEmptySubsequences: false).last,
              let index = Int(last.trimmingCharacters(in: .whitespaces)), (0..<16).contains(index) else { return nil }
        return index < 7 || index == 8 ? .dark : .light
    }

    /// From a terminal's answer to `ESC ] 11 ; ?`, found anywhere in `bytes` (other answers may
    /// come with it): `ESC ] 11 ; rgb:R/G/B` with 1–4 hex digits a component, ended by BEL or
    /// `ESC \`. Nil when there is no such answer.
    public static func fromOSC11Reply(_ bytes: [UInt8]) -> TerminalBackground? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let start = text.range(of: "\u{1B}]11;") else { return nil }
        let body = text[start.upperBound...].prefix { $0 != "\u{07}" && $0 != "\u{1B}" && $0 != "\u{9C}" }
        guard body.endIndex < text.endIndex else { return nil } // not ended: cut short
        let spec = body.lowercased()
        let components: [Substring]
        if spec.hasPrefix("rgb:") {
            components = spec.dropFirst(4).split(separator: "/", omittingEmptySubsequences: false)
        } else if spec.hasPrefix("rgba:") {
            components = Array(spec.dropFirst(5).split(separator: "/", omittingEmptySubsequences: false).prefix(3))
        } else {
            return nil
        }
        guard components.count == 3 else { return nil }
        var channels: [Int] = []
        for component in components {
            guard (1...4).contains(component.count), let value = Int(component, radix: 16) else { return nil }
            let maximum = (1 << (4 * component.count)) - 1
            channels.append(value * 255 / maximum)
        }
        return TerminalBackground(RGB(channels[0], channels[1], channels[2]))
    }

    /// The background as `COLORFGBG` says, else as the terminal answers `query` (nil: no answer).
    public static func detect(environment: [String: String], query: () -> [UInt8]?) -> TerminalBackground? {
        if let fromVariable = fromCOLORFGBG(environment["COLORFGBG"]) { return fromVariable }
        return query().flatMap(fromOSC11Reply)
    }

    /// The query and its answer, sent before ncurses takes the terminal. A Device Attributes
    /// request (`ESC [ c`) follows the OSC 11 one: every terminal answers it, and after the colour
    /// if it knows that query, so a terminal that does not is not waited for. Waits at most
    /// `timeoutMilliseconds`. Whatever arrives later is swallowed by `InputDecoder`, never run
    /// as keys; keys typed in these milliseconds come back in `split`'s `typed`.
    public static func query(timeoutMilliseconds: Int = 150) -> [UInt8]? {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else { return nil }
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        guard tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0 else { return nil }
        defer { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        let request = Array("\u{1B}]11;?\u{07}\u{1B}[c".utf8)
        guard request.withUnsafeBytes({ write(STDOUT_FILENO, $0.baseAddress, $0.count) }) == request.count else { return nil }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeoutMilliseconds) * 1_000_000
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        while reply.count < 4096, !endsWithDeviceAttributes(reply) {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { break }
            var pfd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, Int32((deadline - now) / 1_000_000) + 1)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { break }
            let n = read(STDIN_FILENO, &buffer, buffer.count)
            guard n > 0 else { break }
            reply += buffer[0..<n]
        }
        return reply
    }

    /// What came in while the query waited, split into the terminal's answers (the OSC 11 reply
    /// and the Device Attributes one) and everything else: keys the chair typed meanwhile, which
    /// the dashboard then reads as if they came after it started.
    public static func split(_ bytes: [UInt8]) -> (answers: [UInt8], typed: [UInt8]) {
        var answers: [UInt8] = [], typed: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if let end = answerEnd(bytes, at: i) {
                answers += bytes[i..<end]
                i = end
            } else {
                typed.append(bytes[i])
                i += 1
            }
        }
        return (answers, typed)
    }

    /// The end of a terminal answer starting at `i`: `ESC ] … BEL` or `ESC ] … ESC \`, or
    /// `ESC [ ?` digits and `;` then `c`; nil when none starts there (or it is cut off).
    static func answerEnd(_ b: [UInt8], at i: Int) -> Int? {
        guard i + 2 < b.count, b[i] == 0x1B else { return nil }
        if b[i + 1] == UInt8(ascii: "]") {
            var j = i + 2
            while j < b.count {
                if b[j] == 0x07 { return j + 1 }
                if b[j] == 0x1B { return j + 1 < b.count && b[j + 1] == UInt8(ascii: "\\") ? j + 2 : nil }
                j += 1
            }
            return nil
        }
        guard b[i + 1] == UInt8(ascii: "["), b[i + 2] == UInt8(ascii: "?") else { return nil }
        var j = i + 3
        while j < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[j]) || b[j] == UInt8(ascii: ";") { j += 1 }
        return j < b.count && b[j] == UInt8(ascii: "c") ? j + 1 : nil
    }

    /// True once `bytes` hold a Device Attributes answer: `ESC [ ?` digits and `;` then `c`.
    static func endsWithDeviceAttributes(_ bytes: [UInt8]) -> Bool {
        guard let c = bytes.lastIndex(of: UInt8(ascii: "c")) else { return false }
        var i = c - 1
        while i >= 0, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) || bytes[i] == UInt8(ascii: ";") { i -= 1 }
        return i >= 2 && bytes[i] == UInt8(ascii: "?") && bytes[i - 1] == UInt8(ascii: "[") && bytes[i - 2] == 0x1B
    }
}
