/// A calendar date reduced to a day number, for placing as-of dates on an axis.
///
/// Day numbers count from 1970-01-01 (proleptic Gregorian), by Howard Hinnant's
/// `days_from_civil` algorithm, so no calendar or time zone is involved.
struct CivilDate: Sendable, Equatable, Comparable {
    let year: Int, month: Int, day: Int

    /// Parses `YYYY-MM-DD` or `YYYY-MM` (day 1); nil for anything else or an impossible date.
    init?(_ s: String) {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
        var d = 1
        if parts.count == 3 {
            guard parts[2].count == 2, let dd = Int(parts[2]), dd >= 1, dd <= CivilDate.daysIn(year: y, month: m) else { return nil }
            d = dd
        }
        self.init(year: y, month: m, day: d)
    }

    init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01.
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// First day of the month `months` after this date's month.
    func monthStart(adding months: Int) -> CivilDate {
        let total = year * 12 + (month - 1) + months
        return CivilDate(year: total / 12, month: total % 12 + 1, day: 1)
    }

    static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

    /// `YYYY-MM`, how month ticks are labelled.
    var monthLabel: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        return "\(year)-\(m)"
    }
}
