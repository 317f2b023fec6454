import MemcastStatistics

extension Period {
    /// The period's position on its own calendar for formula lags (`lag`, `diff`, `pct`):
    /// consecutive quarters (months, days…) differ by 1, so a missing period is a gap.
    /// The unit is the granularity, so a column mixing quarters and months is rejected.
    public var periodKey: PeriodKey {
        let anchor: Period
        switch granularity {
        case .year: anchor = Period(year: 2000)
        case .half: anchor = Period(year: 2000, half: 1)
        case .quarter: anchor = Period(year: 2000, quarter: 1)
        case .month: anchor = Period(year: 2000, month: 1)
        case .day: anchor = Period(day: CalendarDate(year: 2000, month: 1, day: 1)!)
        }
        return PeriodKey(unit: "\(granularity)", ordinal: anchor.distance(to: self))
    }

    /// Reads a period label (`2026`, `2026H1`, `2026Q1`, `2026-03`, `2026-03-31`) as a
    /// `PeriodKey`; for `PanelOptions.periodKey`.
    public static let keyFromText: @Sendable (String) -> PeriodKey? = { Period($0)?.periodKey }
}
