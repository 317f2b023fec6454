/// A reporting period: a year (`2026`), half (`2026H1`), quarter (`2026Q1`),
/// month (`2026-03`) or day (`2026-03-31`).
///
/// Periods order by their first day, and a coarser period before a finer one
/// that starts the same day (`2026 < 2026H1 < 2026Q1 < 2026-01 < 2026-01-01`),
/// which is the order the datasets are sorted in.
///
/// ```swift
/// let q = Period("2026Q1")!          // quarter
/// q.advanced(by: 1).description      // "2026Q2"
/// Period("2026-02")!.quarter         // 2026Q1
/// ```
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible, LosslessStringConvertible {
    /// How long the period is; raw values order coarse before fine.
    public enum Granularity: Int, Sendable, Comparable, CaseIterable {
        case year, half, quarter, month, day
        public static func < (a: Granularity, b: Granularity) -> Bool { a.rawValue < b.rawValue }
    }

    public let granularity: Granularity
    /// First day of the period.
    public let start: CalendarDate

    /// Parses `YYYY`, `YYYYHn`, `YYYYQn`, `YYYY-MM` or `YYYY-MM-DD`; nil otherwise.
    public init?(_ text: String) {
        let u = Array(text.utf8)
        guard u.count >= 4, let y = decimal(u[0..<4]), y >= 1 else { return nil }
        switch u.count {
        case 4:
            self.init(year: y)
        case 6 where u[4] == UInt8(ascii: "Q"):
            guard let q = decimal(u[5..<6]), (1...4).contains(q) else { return nil }
            self.init(year: y, quarter: q)
        case 6 where u[4] == UInt8(ascii: "H"):
            guard let h = decimal(u[5..<6]), (1...2).contains(h) else { return nil }
            self.init(year: y, half: h)
        case 7 where u[4] == UInt8(ascii: "-"):
            guard let m = decimal(u[5..<7]), (1...12).contains(m) else { return nil }
            self.init(year: y, month: m)
        case 10:
            guard let d = CalendarDate(text) else { return nil }
            self.init(day: d)
        default:
            return nil
        }
    }

    public init(year: Int) { granularity = .year; start = CalendarDate(year: year, month: 1, day: 1)! }

    /// - Precondition: `half` in 1…2.
    public init(year: Int, half: Int) {
        precondition((1...2).contains(half), "half \(half) outside 1…2")
        granularity = .half; start = CalendarDate(year: year, month: 6 * half - 5, day: 1)!
    }

    /// - Precondition: `quarter` in 1…4.
    public init(year: Int, quarter: Int) {
        precondition((1...4).contains(quarter), "quarter \(quarter) outside 1…4")
        granularity = .quarter; start = CalendarDate(year: year, month: 3 * quarter - 2, day: 1)!
    }

    /// - Precondition: `month` in 1…12.
    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month \(month) outside 1…12")
        granularity = .month; start = CalendarDate(year: year, month: month, day: 1)!
    }

    public init(day: CalendarDate) { granularity = .day; start = day }

    public var year: Int { start.year }

    /// Quarter number 1…4 of the period's first day.
    public var quarterNumber: Int { (start.month - 1) / 3 + 1 }

    /// The quarter containing this period, or nil for a year or half (they span several).
    public var quarter: Period? {
        switch granularity {
        case .year, .half: return nil
        case .quarter: return self
        case .month, .day: return Period(year: start.year, quarter: quarterNumber)
        }
    }

    /// Last day of the period.
    public var end: CalendarDate {
        switch granularity {
        case .year: return CalendarDate(year: start.year, month: 12, day: 31)!
        case .half: return CalendarDate.endOfMonth(year: start.year, month: start.month + 5)
        case .quarter: return CalendarDate.endOfMonth(year: start.year, month: start.month + 2)
        case .month: return CalendarDate.endOfMonth(year: start.year, month: start.month)
        case .day: return start
        }
    }

    /// Whether `date` falls in the period.
    public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }

    /// The period `n` steps later (earlier when negative), in this period's own unit.
    public func advanced(by n: Int) -> Period {
        switch granularity {
        case .year: return Period(year: start.year + n)
        case .half:
            let h = start.year * 2 + (start.month - 1) / 6 + n
            return Period(year: h / 2, half: h % 2 + 1)
        case .quarter:
            let q = start.year * 4 + (quarterNumber - 1) + n
            return Period(year: q / 4, quarter: q % 4 + 1)
        case .month:
            let m = start.year * 12 + (start.month - 1) + n
            return Period(year: m / 12, month: m % 12 + 1)
        case .day:
            return Period(day: CalendarDate(julianDay: start.julianDay + n))
        }
    }

    /// Number of steps from `self` to `other` in this granularity (both must share it).
    /// - Precondition: same granularity.
    public func distance(to other: Period) -> Int {
        precondition(granularity == other.granularity, "distance between \(self) and \(other)")
        switch granularity {
        case .year: return other.start.year - start.year
        case .half: return (other.start.year - start.year) * 2 + (other.start.month - start.month) / 6
        case .quarter: return (other.start.year - start.year) * 4 + (other.quarterNumber - quarterNumber)
        case .month: return (other.start.year - start.year) * 12 + (other.start.month - start.month)
        case .day: return other.start.julianDay - start.julianDay
        }
    }

    public static func < (a: Period, b: Period) -> Bool {
        a.start != b.start ? a.start < b.start : a.granularity < b.granularity
    }

    public var description: String {
        switch granularity {
        case .year: return pad(start.year, 4)
        case .half: return "\(pad(start.year, 4))H\((start.month - 1) / 6 + 1)"
        case .quarter: return "\(pad(start.year, 4))Q\(quarterNumber)"
        case .month: return "\(pad(start.year, 4))-\(pad(start.month, 2))"
        case .day: return start.description
        }
    }
}

extension CalendarDate {
    /// Days since a fixed epoch (Julian day number), for day arithmetic.
    var julianDay: Int {
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }

    init(julianDay jd: Int) {
        let a = jd + 32044
        let b = (4 * a + 3) / 146097
        let c = a - 146097 * b / 4
        let d = (4 * c + 3) / 1461
        let e = c - 1461 * d / 4
        let m = (5 * e + 2) / 153
        self.init(year: 100 * b + d - 4800 + m / 10, month: m + 3 - 12 * (m / 10),
                  day: e - (153 * m + 2) / 5 + 1)!
    }
}
