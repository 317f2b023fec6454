/// When a figure was published, known to the day (`2026-02-02`), the month
/// (`2025-10`) or only the year (`2019`).
///
/// For `--as-of` filtering a coarse date counts conservatively as published at
/// the END of what is known: `2025-10` is taken as 2025-10-31 and `2019` as
/// 2019-12-31. So a row is never used before it could have been read, at the
/// price of hiding some rows for a few weeks (`--as-of 2026-01-05` does not see
/// a row dated only `2026-01`).
public struct PublicationDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Precision: Int, Sendable, Comparable {
        case year, month, day
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    public let precision: Precision
    /// The first day the publication could have appeared.
    public let earliest: CalendarDate
    /// The last day by which it had certainly appeared: what `--as-of` compares.
    public let latest: CalendarDate

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public init?(_ text: String) {
        let u = Array(text.utf8)
        switch u.count {
        case 4:
            guard let y = decimal(u[0..<4]), y >= 1 else { return nil }
            precision = .year
            earliest = CalendarDate(year: y, month: 1, day: 1)!
            latest = CalendarDate(year: y, month: 12, day: 31)!
        case 7:
            guard u[4] == UInt8(ascii: "-"), let y = decimal(u[0..<4]), y >= 1,
                  let m = decimal(u[5..<7]), (1...12).contains(m) else { return nil }
            precision = .month
            earliest = CalendarDate(year: y, month: m, day: 1)!
            latest = CalendarDate.endOfMonth(year: y, month: m)
        case 10:
            guard let d = CalendarDate(text) else { return nil }
            precision = .day
            earliest = d; latest = d
        default:
            return nil
        }
    }

    public init(day: CalendarDate) { precision = .day; earliest = day; latest = day }

    /// Whether the publication was certainly out on `date` (its latest possible day ≤ date).
    public func isKnown(asOf date: CalendarDate) -> Bool { latest <= date }

    /// Orders by the conservative (latest) day, then finer precision first.
    public static func < (a: PublicationDate, b: PublicationDate) -> Bool {
        a.latest != b.latest ? a.latest < b.latest : a.precision > b.precision
    }

    public var description: String {
        switch precision {
        case .year: return pad(earliest.year, 4)
        case .month: return "\(pad(earliest.year, 4))-\(pad(earliest.month, 2))"
        case .day: return earliest.description
        }
    }
}
