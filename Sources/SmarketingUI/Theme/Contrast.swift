import Foundation

/// A colour as the screen shows it: red, green and blue, 0–255 each.
public struct RGB: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var r: Int
    public var g: Int
    public var b: Int

    public init(_ r: Int, _ g: Int, _ b: Int) {
        self.r = r
        self.g = g
        self.b = b
    }

    public var description: String {
        func hx(_ v: Int) -> String { let s = String(v, radix: 16); return s.count == 1 ? "0" + s : s }
        return "#" + hx(r) + hx(g) + hx(b)
    }

    /// WCAG 2 relative luminance: 0 for black, 1 for white.
    public var relativeLuminance: Double {
        func channel(_ v: Int) -> Double {
            let c = Double(v) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    /// The WCAG 2 contrast ratio of two colours, from 1 (the same) to 21 (black and white).
    public static func contrast(_ a: RGB, _ b: RGB) -> Double {
        let (la, lb) = (a.relativeLuminance, b.relativeLuminance)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// What the terminal shows for a colour number: xterm's 16 colours, its 6×6×6 cube and its
    /// grey ramp (the palette `ThemeColor.number(forTerminalColors:)` picks from).
    public static func xtermPalette(_ index: Int) -> RGB {
        switch index {
        case 0..<16:
            let c = ThemeColor.ansi[index]
            return RGB(c.0, c.1, c.2)
        case 16..<232:
            let steps = [0, 95, 135, 175, 215, 255]
            let i = index - 16
            return RGB(steps[i / 36], steps[(i / 6) % 6], steps[i % 6])
        default:
            let v = 8 + 10 * (min(255, max(232, index)) - 232)
            return RGB(v, v, v)
        }
    }
}

extension ThemeColor {
    /// The colour a terminal with `colors` colours shows, nil for the terminal's default.
    public func shown(onTerminalColors colors: Int) -> RGB? {
        guard let n = number(forTerminalColors: colors) else { return nil }
        if colors >= 1 << 24, case .rgb = self { return RGB(n >> 16, (n >> 8) & 0xFF, n & 0xFF) }
        return RGB.xtermPalette(n)
    }
}
