import Foundation

/// The one-line verdict printed under each stage's table.
///
/// Rules (MAE is the yardstick; every comparison is on the same pairs):
/// - not scored → "not scored: <counts>";
/// - the model against naive: at how many scored horizons its MAE is lower (ties count as
///   not better), and the two MAEs averaged over those horizons;
/// - for price-change stages, the model against no change (a flat price): the horizons where
///   no change is as good or better, and the two mean MAEs;
/// - the model's 90% intervals: the share of realized values inside them, pooled over the scored
///   horizons, called too narrow below `lowCoverage`;
/// - the model against the tracker: over horizons where both have at least the minimum
///   of common pairs, the pooled MAEs on those pairs (the better one's first); otherwise how few
///   calls overlap.
public enum BacktestVerdict {
    public static func line(for s: StageBacktest) -> String {
        if case .insufficient(let why) = s.status { return "not scored: \(why)" }
        let scored = s.horizons.filter(\.isScored)
        var parts: [String] = []
        let withModel = scored.filter { $0.model != nil && $0.baselines[.naive] != nil }
        if withModel.isEmpty {
            parts.append("no model forecasts (\(s.modelUnavailable.keys.sorted().first ?? "model unavailable")); baselines only")
        } else {
            let wins = withModel.filter { $0.model!.mae < $0.baselines[.naive]!.mae }.count
            let mm = withModel.reduce(0) { $0 + $1.model!.mae } / Double(withModel.count)
            let nm = withModel.reduce(0) { $0 + $1.baselines[.naive]!.mae } / Double(withModel.count)
            parts.append("model better than naive at \(wins) of \(withModel.count) scored horizon\(withModel.count == 1 ? "" : "s")"
                         + " (mean MAE \(fmt(mm)) vs \(fmt(nm)) \(s.unit))")
            // A price model must also beat a flat price; say so plainly where it does not.
            let flat = withModel.filter { $0.baselines[.noChange] != nil }
            if !flat.isEmpty {
                let lost = flat.filter { $0.baselines[.noChange]!.mae <= $0.model!.mae }.map(\.horizon)
                let fm = flat.reduce(0) { $0 + $1.baselines[.noChange]!.mae } / Double(flat.count)
                let mf = flat.reduce(0) { $0 + $1.model!.mae } / Double(flat.count)
                parts.append(lost.isEmpty
                    ? "better than no change at every horizon (mean MAE \(fmt(mf)) vs \(fmt(fm)))"
                    : "no change (a flat price) as good or better at h = \(lost.map(String.init).joined(separator: ", ")) "
                        + "(mean MAE \(fmt(mf)) vs \(fmt(fm)) over \(flat.count) horizons)")
            }
            if let c = pooledCoverage(withModel.compactMap(\.model)) {
                parts.append("the model's 90% intervals held \(Int((100 * c.share).rounded()))% of \(c.pairs) realized values"
                             + (c.share < lowCoverage ? " (too narrow)" : ""))
            }
        }
        if let tracker = s.trackerName {
            let comparable = s.horizons.compactMap { h -> (Int, Double, Double)? in
                guard let t = h.tracker, t.pairedCount >= s.minimumPairs,
                      let m = t.pairedModelMAE, let tm = t.pairedTrackerMAE else { return nil }
                return (t.pairedCount, m, tm)
            }
            if comparable.isEmpty {
                let n = s.horizons.map(\.trackerCount).max() ?? 0
                parts.append("too few calls from \(tracker) to compare (at most \(n) per horizon)")
            } else {
                let n = comparable.reduce(0) { $0 + $1.0 }
                let m = comparable.reduce(0) { $0 + Double($1.0) * $1.1 } / Double(n)
                let t = comparable.reduce(0) { $0 + Double($1.0) * $1.2 } / Double(n)
                // The first MAE is the subject's, as in the other parts.
                parts.append(m < t ? "model better than \(tracker) (MAE \(fmt(m)) vs \(fmt(t)) on \(n) common pairs)"
                                   : "\(tracker) better than the model (MAE \(fmt(t)) vs \(fmt(m)) on \(n) common pairs)")
            }
        }
        return parts.joined(separator: "; ")
    }

    static func fmt(_ v: Double) -> String { String(format: "%.2f", v) }

    /// Below this pooled share a 90% interval is called too narrow: with 50 pairs at a true 90%, a share
    /// under 0.80 has probability about 1%.
    static let lowCoverage = 0.80

    /// Coverage of the 90% intervals pooled over horizons: Σ covered / Σ pairs with intervals; nil without any.
    /// Example: 0.5 of 10 and 1.0 of 30 → 35 of 40 = 0.875.
    static func pooledCoverage(_ metrics: [ForecastMetrics]) -> (share: Double, pairs: Int)? {
        let n = metrics.reduce(0) { $0 + ($1.coverage90 == nil ? 0 : $1.intervalCount) }
        guard n > 0 else { return nil }
        let covered = metrics.reduce(0.0) { $0 + ($1.coverage90 ?? 0) * Double($1.intervalCount) }
        return (covered / Double(n), n)
    }
}
