import Testing
@testable import SmarketingModel

@Suite("Display width and sanitising")
struct TextTests {
    @Test(arguments: [
        ("abc", 3), ("Zoë", 3), ("Zoe\u{301}", 3), ("渡辺", 4), ("🚀", 2), ("👍🏽", 2), ("👩‍👩‍👧", 2),
        ("❤️", 1), ("🇯🇵", 1), ("✅", 2), ("ｱ", 1), ("Ｗ", 2), ("\u{200B}", 0), ("한국어", 6), ("", 0),
    ])
    func countsColumnsNotCharacters(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test func truncatesByColumnsWithAnEllipsisAndNeverSplitsAWideCharacter() {
        #expect(DisplayWidth.truncate("Hello world", to: 6) == "Hello…")
        #expect(DisplayWidth.truncate("渡辺健太郎", to: 6) == "渡辺…")
        #expect(DisplayWidth.truncate("渡辺健太郎", to: 5) == "渡辺…")
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        #expect(DisplayWidth.truncate("x", to: 0) == "")
        #expect(DisplayWidth.pad("渡辺", to: 6) == "渡辺  ")
        #expect(DisplayWidth.pad("7", to: 3, alignRight: true) == "  7")
    }

    @Test func controlCharactersAndBidiOverridesBecomeVisible() {
        #expect(TextSanitizer.visible("a\u{1B}[2Jb") == "a␛[2Jb")
        #expect(TextSanitizer.visible("\u{1B}]52;c;ZXZpbA==\u{07}") == "␛]52;c;ZXZpbA==␇")
        #expect(TextSanitizer.visible("x\u{9B}31m") == "x\u{FFFD}31m")
        #expect(TextSanitizer.visible("abc\u{202E}fed") == "abc\u{FFFD}fed")
        #expect(TextSanitizer.visible("tab\there\nnext\u{7F}") == "tab␉here␊next␡")
        #expect(TextSanitizer.visible("👩‍👩‍👧 Zoë") == "👩‍👩‍👧 Zoë") // joiners inside emoji stay
        #expect(TextSanitizer.visibleLines("one\r\ntwo\n\u{07}") == ["one", "two", "␇"])
    }

    @Test func calendarDatesDoTheirOwnArithmetic() {
        let d = CalendarDate(iso: "2026-11-23")!
        #expect(d.weekday == 1) // a Monday
        #expect(d.adding(days: 8).iso == "2026-12-01")
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2026-02-29") == nil)
        #expect(CalendarDate(iso: "2026-1-5") == nil)
        #expect(CalendarDate(iso: "2026-11-26")!.startOfISOWeek.iso == "2026-11-23")
        #expect(CalendarDate(dayNumber: 0).iso == "1970-01-01")
    }

    @Test func timestampsAreUTC() {
        #expect(Timestamp(iso: "2026-11-23T09:05:00Z")?.iso == "2026-11-23T09:05:00Z")
        #expect(Timestamp(iso: "2026-11-23T10:05:00.123+01:00")?.iso == "2026-11-23T09:05:00Z")
        #expect(Timestamp(iso: "2026-11-23 09:05:00") == nil)
        #expect(Timestamp(iso: "2026-11-23T25:00:00Z") == nil)
    }

    @Test func durationsReadAsAClock() {
        #expect(DurationFormat.clock(0) == "0:00")
        #expect(DurationFormat.clock(65) == "1:05")
        #expect(DurationFormat.clock(3599) == "59:59")
        #expect(DurationFormat.clock(3723) == "1:02:03")
        // The minutes spell units out: "0:13" beside "10 min" read as 13 minutes.
        let units = [0, 13, 60, 245, 600, 3599, 3600, 3723, 7260].map(DurationFormat.units)
        #expect(units == ["0 s", "13 s", "1 min", "4 min 05 s", "10 min", "59 min 59 s", "1 h", "1 h 02 min", "2 h 01 min"])
    }

    @Test func generatedIDsAreUniqueAndDeterministicForASeed() {
        var a = IDGenerator(seed: 1), b = IDGenerator(seed: 1)
        let first = (0..<1000).map { _ in a.next("ag") }
        #expect(Set(first).count == 1000)
        #expect(first == (0..<1000).map { _ in b.next("ag") })
        #expect(first[0].hasPrefix("ag-") && first[0].count == 11)
    }
}
