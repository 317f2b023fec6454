import Foundation
import MemcastData

/// How far a tracker's contract price calls have missed, as known on an as-of date: the spread a quarter drawn
/// from one of its forecast-kind calls carries on top of the call's range (a range is the call, not a forecast
/// interval: calls miss).
///
/// Misses, as of `asOf`:
/// - calls: the tracker's (`PublisherOrigin`) forecast-kind rows (`forecast`, `revised_forecast`) of a quarterly
///   contract change (`memory_prices`: market `contract`, no product, entity `industry`, metric `qoq_pct`) of the
///   series in `callSeries` (those the forecast's price inputs and the DDR4 backtest's calls come from), published
///   by `asOf` and by the end of the called quarter, not `reliability = low`; a call repeated with the same range
///   for the same series and quarter (reposts) counts once;
/// - realized: the latest `estimate`/`actual` row of the same series and quarter known on `asOf`; for a `pc_dram`
///   call without one, the DDR4 8Gb contract change from DRAMeXchange's monthly levels known on `asOf` (the
///   pairing the DDR4 backtest scores; the price equation pools those levels as realized DRAM prices). Only
///   quarters ended by `asOf` (without one, by the data's date);
/// - miss = ℓ(realized) − ℓ(call midpoint) in log points, ℓ = 100·ln(1 + Δ/100).
///
/// With fewer than `minimumMisses` misses there is no spread: the call is drawn uniformly over its range and the
/// run's notes say so. The draw itself is `PriceChangeRange.drawnChangePct`.
///
/// Example: misses +3 and −4 lp give MS = 12.5 (n = 2, below the minimum: no spread); six misses of ±10 lp give
/// MS = 100, and a call 5 lp wide then draws ℓ = ℓ(uniform) + s·z with s = √(100 − 25/12) = 9.90.
public struct CallMissSpread: Sendable, Equatable {
    /// The tracker (`PublisherOrigin`), e.g. `TrendForce`.
    public var tracker: String
    /// The misses, log points, in publication order of their calls.
    public var missesLP: [Double]

    public init(tracker: String, missesLP: [Double]) {
        self.tracker = tracker
        self.missesLP = missesLP
    }

    /// n, the number of misses.
    public var count: Int { missesLP.count }
    /// MS = mean(miss²), log points squared.
    public var meanSquareLP: Double { missesLP.isEmpty ? 0 : missesLP.reduce(0) { $0 + $1 * $1 } / Double(missesLP.count) }
    /// √MS: the root mean square miss, log points.
    public var rmsLP: Double { meanSquareLP.squareRoot() }

    /// s for a call `low…high` (percent): `√max(0, MS − w²/12)`, w = ℓ(high) − ℓ(low), so the uniform draw over
    /// the range and the miss together have the misses' mean square (the range's spread is not counted twice).
    public func sdLP(lowPct: Double, highPct: Double) -> Double {
        let w = SupplyDemandPriceModel.logPoints(highPct) - SupplyDemandPriceModel.logPoints(lowPct)
        return Swift.max(0, meanSquareLP - w * w / 12).squareRoot()
    }
}

/// Estimates `CallMissSpread` from the `memory_prices` rows (see there for the rule).
public enum CallMisses {
    /// Fewer misses than this: no spread (uniform over the call's range).
    public static let minimumMisses = 6
    /// The series whose calls and realizations count.
    public static let callSeries: Set<String> = ["conventional_dram", "dram", "mobile_dram", "pc_dram", "nand", "mobile_nand"]

    /// The kinds that are calls (the rest, `estimate` and `actual`, are realizations).
    public static func isCall(_ o: Observation) -> Bool { o.kind == .forecast || o.kind == .revisedForecast }

    /// The misses of `tracker`'s calls realized by `asOf` (nil = all the rows, cut at their data date), or nil when
    /// there are fewer than `minimumMisses`.
    public static func spread(prices: [Observation], tracker: String, asOf: CalendarDate?) -> CallMissSpread? {
        usable(misses(prices: prices, tracker: tracker, asOf: asOf))
    }

    /// `misses` when there are at least `minimumMisses` of them, else nil (the call stays uniform).
    public static func usable(_ misses: CallMissSpread) -> CallMissSpread? {
        misses.count >= minimumMisses ? misses : nil
    }

    /// All misses of `tracker`'s calls realized by `asOf`, however few.
    public static func misses(prices: [Observation], tracker: String, asOf: CalendarDate?) -> CallMissSpread {
        let known = VintageSelection.known(prices.filter { !$0.isLowReliability }, asOf: asOf)
        guard let cut = VintageSelection.dataDate(known, asOf: asOf) else { return CallMissSpread(tracker: tracker, missesLP: []) }
        let changes = known.filter {
            callSeries.contains($0.series) && $0.market == "contract" && $0.product.isEmpty && $0.entity == "industry"
                && $0.metric == "qoq_pct" && $0.period?.granularity == .quarter && $0.value != nil
        }
        var realized: [String: [Period: Double]] = [:]
        for o in VintageSelection.latest(changes.filter { !isCall($0) }, asOf: asOf) where o.period!.end <= cut {
            realized[o.series, default: [:]][o.period!] = o.value!
        }
        let ddr4 = ContractPriceStage.quarterlyChanges(levels: known, series: "pc_dram", product: "ddr4_8gb_chip", asOf: asOf)
        struct Key: Hashable { var series: String; var quarter: Period; var low: Double; var high: Double }
        var seen: Set<Key> = []
        var out: [(date: CalendarDate, miss: Double)] = []
        let calls = changes.filter { isCall($0) && PublisherOrigin.of($0.publisher) == tracker }
            .compactMap { o -> (Observation, CalendarDate)? in o.published.map { (o, $0.latest) } }
            .sorted { $0.1 < $1.1 }
        for (o, date) in calls {
            let q = o.period!
            guard date <= q.end, let r = ForecastInputs.range(of: o) else { continue }
            let truth = realized[o.series]?[q] ?? (o.series == "pc_dram" && q.end <= cut ? ddr4[q]?.change : nil)
            guard let truth, seen.insert(Key(series: o.series, quarter: q, low: r.lowPct, high: r.highPct)).inserted else { continue }
            out.append((date, SupplyDemandPriceModel.logPoints(truth) - SupplyDemandPriceModel.logPoints(r.midPct)))
        }
        return CallMissSpread(tracker: tracker, missesLP: out.map(\.miss))
    }

    /// The forecast's or backtest's note on a tracker's spread: `TrendForce calls carry a miss spread: RMS 8.4 lp
    /// over 18 misses …`, or the fallback.
    public static func note(tracker: String, spread: CallMissSpread?, found: Int, quarters: [String]) -> String {
        let which = quarters.joined(separator: ", ")
        guard let spread else {
            return "prices: \(tracker)'s calls (\(which)) are drawn uniformly over their ranges: only \(found) of its earlier "
                + "calls were realized by the as-of date, fewer than the \(minimumMisses) a miss spread needs"
        }
        return "prices: \(tracker)'s calls (\(which)) carry its past misses: ℓ = ℓ(uniform over the range) + s·z, "
            + String(format: "s² = %.1f² − w²/12 (RMS of %d misses of its earlier calls realized by the as-of date, log points; ",
                     spread.rmsLP, spread.count)
            + "w the range's width)"
    }
}

extension PriceChangeRange {
    /// One draw of this quarter's change, percent: uniform over the range at quantile `u`, plus, for a call with a
    /// miss spread (`callMiss`), s·z in log points (s = `CallMissSpread.sdLP`), floored at −60% like the equation.
    /// Without a spread: `value(at: u)`, and `z` is unused.
    ///
    /// Example: 90…95 with six misses of ±10 lp, u = 0.5, z = 1: ℓ(92.5) + 9.97 = 75.46 lp, +112.7%.
    public func drawnChangePct(u: Double, z: Double) -> Double {
        let c = value(at: u)
        guard let m = callMiss else { return c }
        let s = m.sdLP(lowPct: lowPct, highPct: highPct)
        guard s > 0 else { return c }
        return Swift.max(SupplyDemandPriceModel.percent(logPoints: SupplyDemandPriceModel.logPoints(c) + s * z),
                         SupplyDemandPriceModel.floorPct)
    }
}

/// The per-draw random numbers of the quarters that carry a call's miss spread: one normal per such quarter, in
/// the order the caller visits them, from their own stream (`SplitMix64.callMissStream`). Quarters without a
/// spread draw nothing, so a run without spreads draws exactly what it did before, and the draw's other streams
/// are untouched either way. The forecast's engine and the backtest's `calls_then_*` variants both draw calls here.
///
/// (Chosen on the pre-2025 DDR4 backtest over scaling MS by n/χ²_n per draw, as the equation's σ is: both gave
/// h = 1 90% coverage 0.95, and a fixed MS the lower Winkler score, 49.9 against 50.7.)
struct CallMissDraws {
    private var rng: SplitMix64

    init(seed: UInt64, draw: Int) {
        rng = SplitMix64.callMissStream(seed: seed, index: UInt64(draw))
    }

    /// `range` drawn at uniform quantile `u` (the caller's main stream), with a miss when it carries a spread.
    mutating func changePct(_ range: PriceChangeRange, u: Double) -> Double {
        range.callMiss == nil ? range.value(at: u) : range.drawnChangePct(u: u, z: rng.nextNormal())
    }
}

extension SplitMix64 {
    /// The stream of call-miss draws for draw `index` of a run seeded `seed` (`CallMissDraws`), derived like
    /// `varianceStream` with its own tag, so it consumes nothing from the draw's other streams.
    public static func callMissStream(seed: UInt64, index: UInt64) -> SplitMix64 {
        sideStream(tag: callMissStreamTag, seed: seed, index: index)
    }

    /// Tag mixed into the seed of `callMissStream` ("callmiss" in ASCII).
    static let callMissStreamTag: UInt64 = 0x6361_6C6C_6D69_7373
}
