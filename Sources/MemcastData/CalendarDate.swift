/// A day in the proleptic Gregorian calendar (`2026-03-31`), without time zone.
///
/// Used for `--as-of` dates and the ends of periods; comparison is chronological.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1…12
    public let month: Int
    /// 1…`CalendarDate.daysIn(month:year:)`
    public let day: Int

    /// A valid date, or nil (`2026-02-30` is nil).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ text: String) {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
              let y = decimal(u[0..<4]), let m = decimal(u[5..<7]), let d = decimal(u[8..<10]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The last day of `month` in `year`.
    public static func endOfMonth(year: Int, month: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: daysIn(month: month, year: year))!
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var description: String {
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// Non-negative decimal value of ASCII digits, or nil when any byte is not a digit.
@inline(__always)
func decimal<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
    var v = 0
    if bytes.isEmpty { return nil }
    for b in bytes {
        guard b >= 48 && b <= 57 else { return nil }
        v = v * 10 + Int(b - 48)
    }
    return v
}

/// Zero-padded decimal (`pad(3, 2)` is `"03"`).
func pad(_ v: Int, _ width: Int) -> String {
    let s = String(v)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
