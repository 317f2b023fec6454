/// What was known on a date: the `--as-of` rule.
///
/// 1. Keep rows published on or before the date. A coarse publication date
///    counts at the end of what is known (`2026-01` → 2026-01-31; see
///    `PublicationDate`); rows without a publication date are dropped.
/// 2. Group by what the figure is about — dataset, series (or topic), market,
///    product, entity, region, period and metric — and keep, per group, the
///    latest vintage: the latest publication day wins; on the same day a more
///    final kind wins (actual > estimate > revised forecast > forecast). A
///    coarse date is a span (`2026-02` is any day of February): a row wins on
///    date only when it is certainly later, so when a coarse span contains the
///    other row's date the more precisely dated row wins (a month-only repost
///    cannot displace the release it repeats, `2026-02-02`).
/// 3. Rows the source flags as doubtful (`reliability = low`) are used only
///    when nothing else is known for their group.
/// 4. Remaining ties (same day, same kind: trackers or reposts side by side)
///    keep the row that comes first in the dataset, so the choice is stable.
///
/// Without a date (`asOf: nil`) step 1 keeps every dated row and the rest is
/// the same: the latest vintage of everything. With `perPublisher: true` the
/// publisher joins the group key, so each tracker keeps its own latest call
/// (e.g. Counterpoint's and IDC's 2026 shipment forecasts side by side).
public enum VintageSelection {
    /// The key of a group of vintages of one figure.
    public struct Key: Hashable, Sendable {
        public var dataset, series, market, product, entity, region, period, metric: String
        /// Empty unless vintages are kept per publisher.
        public var publisher: String
    }

    public static func key(_ o: Observation, perPublisher: Bool = false) -> Key {
        Key(dataset: o.dataset, series: o.series, market: o.market, product: o.product, entity: o.entity,
            region: o.region, period: o.periodText, metric: o.metric, publisher: perPublisher ? o.publisher : "")
    }

    /// Rows published on or before `date` (all dated rows when `date` is nil), order kept.
    public static func known(_ rows: [Observation], asOf date: CalendarDate?) -> [Observation] {
        rows.filter { o in
            guard let p = o.published else { return false }
            return date.map { p.isKnown(asOf: $0) } ?? true
        }
    }

    /// The date a run stands at: `asOf`, or without one the latest publication among `rows` (the
    /// data's own date). A quarter that has not ended by then is still under way: a figure for it is
    /// a call, not a measurement (the price equation's rows and the backtest's realized values), and
    /// a chart of vintages ends there.
    public static func dataDate(_ rows: [Observation], asOf date: CalendarDate?) -> CalendarDate? {
        date ?? rows.compactMap { $0.published?.latest }.max()
    }

    /// A note for an `asOf` past the data. After every publication in `dated` (date, where it is
    /// written) nothing is left out: the run is the one without `--as-of`. After `today` but not
    /// after a figure dated only by its month or year (counted at the period's end), that figure is
    /// still left out. Said, not refused: a typo (2036 for 2026) should not pass unseen. nil otherwise.
    ///
    /// Example: "--as-of 2030-01-01 is after the newest publication in the data (2026-02-27,
    /// memory_prices.csv:857): it uses every published figure, as without --as-of".
    public static func asOfNote(asOf: CalendarDate?, dated: [(date: PublicationDate, origin: String)],
                                today: CalendarDate? = nil) -> String? {
        guard let asOf, let newest = dated.max(by: { $0.date.latest < $1.date.latest }) else { return nil }
        let counted = newest.date.precision == .day ? "" : ", which counts from \(newest.date.latest)"
        let what = "the newest publication in the data (\(newest.date), \(newest.origin)\(counted))"
        if newest.date.latest < asOf { return "--as-of \(asOf) is after \(what): it uses every published figure, as without --as-of" }
        if let today, today < asOf, asOf < newest.date.latest { return "--as-of \(asOf) is after today (\(today)); \(what) is still left out" }
        return nil
    }

    /// The latest vintage per key known on `date`, in dataset order of the chosen rows.
    public static func latest(_ rows: [Observation], asOf date: CalendarDate?, perPublisher: Bool = false) -> [Observation] {
        var best: [Key: Int] = [:]
        let candidates = known(rows, asOf: date)
        for (i, o) in candidates.enumerated() {
            let k = key(o, perPublisher: perPublisher)
            guard let j = best[k] else { best[k] = i; continue }
            if supersedes(o, candidates[j]) { best[k] = i }
        }
        return best.values.sorted().map { candidates[$0] }
    }

    /// The latest vintage of one figure known on `date`, or nil.
    public static func latest(_ rows: [Observation], series: String, period: String, metric: String,
                              market: String = "contract", product: String = "", entity: String = "industry",
                              asOf date: CalendarDate?) -> Observation? {
        let matching = rows.filter {
            $0.series == series && $0.periodText == period && $0.metric == metric && $0.market == market
                && $0.product == product && $0.entity == entity
        }
        return latest(matching, asOf: date).first
    }

    /// Whether `a` replaces `b` as the vintage to use (rules 2–4; `b` came first in the dataset).
    public static func supersedes(_ a: Observation, _ b: Observation) -> Bool {
        if a.isLowReliability != b.isLowReliability { return b.isLowReliability }
        let pa = a.published!, pb = b.published!
        let overlap = pa.earliest <= pb.latest && pb.earliest <= pa.latest
        if overlap && pa.precision != pb.precision { return pa.precision > pb.precision }
        if pa.latest != pb.latest { return pa.latest > pb.latest }
        if a.kind != b.kind { return a.kind > b.kind }
        return false
    }
}
