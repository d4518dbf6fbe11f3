import Foundation

/// An instant, written as ISO 8601 in UTC (`2026-11-23T09:05:00Z`) in the JSON. Whole seconds.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ`, with optional fractional seconds (dropped) or a `±HH:MM` offset.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"),
              let date = CalendarDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 else { return nil }
                n = n * 10 + Int(bytes[i] - 0x30)
            }
            return n
        }
        guard let h = number(11..<13), let m = number(14..<16), let s = number(17..<19),
              h < 24, m < 60, s < 61 else { return nil }
        var i = 19
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
            guard i > start else { return nil }
        }
        var offset = 0
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: "Z") {
            i += 1
        } else if bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
            let sign = bytes[i] == UInt8(ascii: "+") ? 1 : -1
            guard i + 6 == bytes.count, bytes[i + 3] == UInt8(ascii: ":"),
                  let oh = number((i + 1)..<(i + 3)), let om = number((i + 4)..<(i + 6)), oh < 24, om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
            i += 6
        } else {
            return nil
        }
        guard i == bytes.count else { return nil }
        secondsSinceEpoch = Int64(date.dayNumber) * 86_400 + Int64(h * 3600 + m * 60 + min(s, 59)) - Int64(offset)
    }

    /// The UTC calendar day of this instant.
    public var utcDate: CalendarDate {
        let days = secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86_400 : (secondsSinceEpoch - 86_399) / 86_400
        return CalendarDate(dayNumber: Int(days))
    }

    /// The moment as it goes into a file name: `20261123T094100Z`.
    public var fileStamp: String { iso.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "") }

    /// Now, by the system clock.
    public static var current: Timestamp { Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)) }

    public var iso: String {
        let date = utcDate
        let secondsOfDay = Int(secondsSinceEpoch - Int64(date.dayNumber) * 86_400)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date.iso)T\(two(secondsOfDay / 3600)):\(two(secondsOfDay / 60 % 60)):\(two(secondsOfDay % 60))Z"
    }

    public var description: String { iso }

    public func adding(seconds: Int64) -> Timestamp { Timestamp(secondsSinceEpoch: secondsSinceEpoch + seconds) }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }
}
