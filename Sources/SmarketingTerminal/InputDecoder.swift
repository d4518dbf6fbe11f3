import SmarketingUI

/// One thing ncurses hands over: a character, a key it decoded itself (nil: one we do not use),
/// or a resize.
enum InputUnit: Equatable {
    case character(UInt32)
    case key(Key?)
    case resize
}

/// What a run of input units means.
enum DecodedInput: Equatable {
    case key(Key)
    case paste(String)
    case resize
}

/// Where the decoder reads from: ncurses (`TerminalScreen`), or bytes in a test.
protocol InputSource {
    /// The next character or key, waiting up to `waitMilliseconds`; nil when none came.
    mutating func unit(waitMilliseconds: Int32) -> InputUnit?
    /// Raw bytes as they are waiting (up to a buffer's worth), after up to `waitMilliseconds`;
    /// for the body of a paste, which needs no key decoding.
    mutating func bytes(waitMilliseconds: Int32) -> [UInt8]?
}

/// Finishes the decoding ncurses leaves undone, with an explicit escape timeout. ncurses decodes
/// the sequences its terminfo knows when they arrive at once; whatever else starts with ESC comes
/// here as characters: Alt plus a key (ESC and the key together), a sequence split by a slow link,
/// one terminfo does not list, and bracketed paste (`ESC [200~ … ESC [201~`). After an ESC the
/// decoder waits `sequenceWait` for more; nothing: Esc. A sequence is consumed whole, decoded or
/// not, so its tail never runs as keys.
///
/// Pure apart from its source, so tests feed it bytes and pauses.
struct InputDecoder {
    /// How long to wait for the rest of a sequence once an ESC has come: longer than a slow link's
    /// pause inside one key, short enough that Esc still feels prompt.
    static let sequenceWait: Int32 = 150
    /// ncurses' own escape delay: it decodes what arrives together; the rest comes here.
    static let ncursesEscapeDelay: Int32 = 10
    /// A paste is read until its end marker, or until the terminal is quiet this long.
    static let pasteWait: Int32 = 1000
    /// At most this many bytes of one paste are kept (the rest is read and dropped).
    static let pasteLimit = 1 << 20

    /// Units read ahead that belong to the next key.
    private var pending: [InputUnit] = []

    /// The next key, paste or resize, or nil when nothing more is waiting. Never waits unless a
    /// sequence has begun.
    mutating func next(_ source: inout some InputSource) -> DecodedInput? {
        while let unit = take(&source, wait: 0) {
            switch unit {
            case .resize: return .resize
            case .key(let key?): return .key(key)
            case .key(nil): continue
            case .character(0x1B):
                if let decoded = escape(&source) { return decoded }
            case .character(let value):
                if let key = KeyDecoder.character(value) { return .key(key) }
            }
        }
        return nil
    }

    private mutating func take(_ source: inout some InputSource, wait: Int32) -> InputUnit? {
        pending.isEmpty ? source.unit(waitMilliseconds: wait) : pending.removeFirst()
    }

    /// What follows an ESC: the escape-timeout state.
    private mutating func escape(_ source: inout some InputSource) -> DecodedInput? {
        guard let next = take(&source, wait: Self.sequenceWait) else { return .key(.escape) }
        switch next {
        case .character(0x5B): return csi(&source) // ESC [
        case .character(0x4F): return ss3(&source) // ESC O
        case .character(0x5D): return osc(&source) // ESC ]
        case .character(0x1B):
            // ESC ESC [ … is Alt plus a key from some terminals: unbound, swallowed whole.
            // Otherwise Esc was pressed twice.
            switch take(&source, wait: 0) {
            case .character(0x5B)?:
                _ = csi(&source)
                return nil
            case .character(0x4F)?:
                _ = ss3(&source)
                return nil
            case let third?:
                pending.insert(contentsOf: [next, third], at: 0)
            case nil:
                pending.insert(next, at: 0)
            }
            return .key(.escape)
        case .resize:
            pending.insert(next, at: 0)
            return .key(.escape)
        case .character(let value) where value >= 0x20 && value != 0x7F:
            return Unicode.Scalar(value).map { .key(.alt(Character($0))) }
        case .character, .key:
            // Alt plus a control or function key: nothing binds those, and they must not run as
            // the plain key.
            return nil
        }
    }

    /// `ESC [ parameters intermediates final`, after the `[`.
    private mutating func csi(_ source: inout some InputSource) -> DecodedInput? {
        var parameters: [UInt8] = []
        while parameters.count < 32 {
            guard let unit = take(&source, wait: Self.sequenceWait) else { return nil } // cut short: dropped
            guard case .character(let value) = unit else {
                pending.insert(unit, at: 0)
                return nil
            }
            switch value {
            case 0x20...0x3F:
                parameters.append(UInt8(value))
            case 0x40...0x7E:
                return csiKey(String(decoding: parameters, as: UTF8.self), final: UInt8(value), &source)
            default:
                // Not part of a sequence (a control character): the sequence is dropped, the key kept.
                pending.insert(unit, at: 0)
                return nil
            }
        }
        return nil
    }

    private mutating func csiKey(_ parameters: String, final: UInt8, _ source: inout some InputSource) -> DecodedInput? {
        let plain = parameters.isEmpty || parameters == "1"
        switch (Character(Unicode.Scalar(final)), plain) {
        case ("A", true): return .key(.up)
        case ("B", true): return .key(.down)
        case ("C", true): return .key(.right)
        case ("D", true): return .key(.left)
        case ("H", true): return .key(.home)
        case ("F", true): return .key(.end)
        case ("Z", true): return .key(.backTab)
        case ("A", false) where parameters == "1;2": return .key(.shiftUp)
        case ("B", false) where parameters == "1;2": return .key(.shiftDown)
        case ("~", _):
            switch parameters {
            case "200": return paste(&source)
            case "1", "7": return .key(.home)
            case "4", "8": return .key(.end)
            case "3": return .key(.delete)
            case "5": return .key(.pageUp)
            case "6": return .key(.pageDown)
            default:
                // F1–F12: 11–15, 17–21, 23–24.
                let functionNumbers = [11: 1, 12: 2, 13: 3, 14: 4, 15: 5, 17: 6, 18: 7, 19: 8, 20: 9, 21: 10, 23: 11, 24: 12]
                return Int(parameters).flatMap { functionNumbers[$0] }.map { .key(.function($0)) }
            }
        default:
            return nil // modifiers, mouse, focus reports, a stray paste end: consumed, not run
        }
    }

    /// `ESC O final`, after the `O`. Nothing after it: the chair typed Alt-O.
    private mutating func ss3(_ source: inout some InputSource) -> DecodedInput? {
        guard let unit = take(&source, wait: Self.sequenceWait) else { return .key(.alt("O")) }
        guard case .character(let value) = unit else {
            pending.insert(unit, at: 0)
            return nil
        }
        switch value {
        case 0x41: return .key(.up)
        case 0x42: return .key(.down)
        case 0x43: return .key(.right)
        case 0x44: return .key(.left)
        case 0x48: return .key(.home)
        case 0x46: return .key(.end)
        case 0x50...0x53: return .key(.function(Int(value) - 0x4F))
        default: return nil
        }
    }

    /// `ESC ] number ; … BEL` (or `ESC \`), after the `]`: a terminal's answer to a query (the
    /// background colour, `TerminalBackground`) that came too late to be read at start-up. Swallowed
    /// whole so it never runs as keys. `ESC ]` and no number is Alt-].
    private mutating func osc(_ source: inout some InputSource) -> DecodedInput? {
        guard let first = take(&source, wait: Self.sequenceWait) else { return .key(.alt("]")) }
        guard case .character(let value) = first, (0x30...0x39).contains(value) else {
            pending.insert(first, at: 0)
            return .key(.alt("]"))
        }
        for _ in 0..<512 {
            guard let unit = take(&source, wait: Self.sequenceWait) else { return nil } // cut short: dropped
            guard case .character(let value) = unit else {
                pending.insert(unit, at: 0)
                return nil
            }
            switch value {
            case 0x07, 0x9C: return nil
            case 0x1B:
                // ESC \ ends it; an ESC starting something else ends it too, and is kept.
                if let next = take(&source, wait: Self.sequenceWait), next != .character(0x5C) {
                    pending.insert(contentsOf: [unit, next], at: 0)
                }
                return nil
            default: continue
            }
        }
        return nil
    }

    /// The pasted text, up to `ESC [201~`. Read as raw bytes a buffer at a time (ncurses would
    /// hand them over one read(2) each), and linear: each byte is looked at once and the end
    /// marker is matched as it arrives (no prefix of it is also a suffix). What came after the
    /// marker in the same read is decoded next, as keys.
    private mutating func paste(_ source: inout some InputSource) -> DecodedInput {
        let end = Array("\u{1B}[201~".utf8)
        var content: [UInt8] = []
        var matched = 0
        var rest: ArraySlice<UInt8> = []
        func feed(_ byte: UInt8) -> Bool {
            if byte == end[matched] {
                matched += 1
                return matched == end.count
            }
            if content.count < Self.pasteLimit { content += end.prefix(matched) }
            matched = byte == end[0] ? 1 : 0
            if matched == 0, content.count < Self.pasteLimit { content.append(byte) }
            return false
        }
        var ended = false
        // Units read ahead before the paste began are its first characters.
        while !pending.isEmpty, !ended {
            if case .character(let value) = pending.removeFirst(), let scalar = Unicode.Scalar(value) {
                for byte in String(Character(scalar)).utf8 where !ended { ended = feed(byte) }
            }
        }
        reading: while !ended, let chunk = source.bytes(waitMilliseconds: Self.pasteWait) {
            for i in chunk.indices where feed(chunk[i]) {
                ended = true
                rest = chunk[(i + 1)...]
                break reading
            }
        }
        for scalar in String(decoding: rest, as: UTF8.self).unicodeScalars { pending.append(.character(scalar.value)) }
        return .paste(String(decoding: content, as: UTF8.self))
    }
}
