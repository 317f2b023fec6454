import Foundation
import MemcastData
import MemcastStatistics

/// π from the launch-price pairs known by the run's as-of date (Datasets/launch_prices.csv).
///
/// Each pair i is costed on the run's central contract path as its configuration cell carrying the
/// pair's memory (replacement cost: launch prices follow this quarter's contract prices, no inventory
/// lag), which gives
///
///     xᵢ = (B/A)ᵢ · ln(B₁/B₀)ᵢ,    yᵢ = ln(P₁/P₀)ᵢ − (n/4)·ln(1 + g/100),    yᵢ = π·xᵢ + eᵢ
///
/// with B/A the cell's BOM-to-ASP ratio at the anchor prices, n the quarters between the two
/// launches and g the run's central ASP trend (`baseline_asp_growth_pct`, % a year). The engine
/// grows every price by that trend besides the pass-through (`ASP = A·trend·exp(y)`), so the part
/// of a launch-price step the trend explains is not memory's: left in, it would be counted twice
/// (`PassThrough.impliedDollarPassThrough` is yᵢ/xᵢ). Then:
/// - one pair: π = y/x. One pair has no residual to measure its noise by, but one error is known:
///   the successor is priced a whole number of steps (`price_step`, e.g. CNY 100) from its
///   predecessor, so y is known only to within half a step, `y ∈ [y⁻, y⁺]`
///   (`LaunchPricePair.logPriceChangeRange` less the trend). π is drawn uniformly over
///   [y⁻/x, y⁺/x] cut to the pair's admissible 0…A/B; when the two do not meet the pair says nothing
///   usable (a BOM that barely moved, or fell) and π spans the whole admissible range;
/// - two or more: least squares through the origin, π̂ = Σxy/Σx² with its standard error on n − 1
///   degrees of freedom, drawn from Student's t around π̂ (few pairs: heavy tails), clamped to
///   0…the largest admissible A/B of the pairs. Their residuals carry the rounding error among the
///   rest, so it is not added again.
///
/// Pairs published after `--as-of` are left out; when none is known by then, the earliest-published
/// ones are used and a note says so (as for the configurations: no earlier evidence exists).
///
/// Example: pairs with (x, y) = (0.10, 0.10) and (0.10, 0.00) give π̂ = 0.5, residuals ±0.05,
/// SE = √(0.005/1 / 0.02) = 0.5 on 1 df. One pair at x = 0.0331 whose y, trend netted, lies in
/// −0.0070…0.0315 (the Redmi K90: CNY 2,499 → 2,599 ± 50) gives π in −0.21…0.95, drawn U(0, 0.95).
public struct PassThroughCalibration: Sendable {
    /// One pair on the run's price path.
    public struct Point: Sendable, Equatable {
        public var pair: LaunchPricePair
        /// (B/A)·ln(B₁/B₀): the price change, in log units, that π = 1 would give.
        public var x: Double
        /// ln(P₁/P₀) less the ASP trend over the pair's quarters: the price change left for memory to explain.
        public var y: Double
        /// The y values whose new price rounds to the listed one (± half a price step), trend netted.
        public var yRange: ClosedRange<Double>
        /// 0…A/B of the pair's cell with its memory.
        public var admissible: ClosedRange<Double>
        /// y/x, nil when the BOM did not move.
        public var impliedPi: Double? { abs(x) > 1e-12 ? y / x : nil }
        /// The π values the price step leaves open, `yRange / x` (ordered), nil when the BOM did not move.
        public var impliedPiRange: ClosedRange<Double>? {
            guard abs(x) > 1e-12 else { return nil }
            let a = yRange.lowerBound / x, b = yRange.upperBound / x
            return Swift.min(a, b)...Swift.max(a, b)
        }
    }

    public var points: [Point]
    /// The central π (before the distribution's cut); the admissible range's centre when the one pair's memory cost
    /// did not move on the run's path.
    public var pi: Double
    /// Standard error of π̂ (nil for one pair).
    public var standardError: Double?
    public var distribution: ParameterDistribution
    /// What the run's notes say about π.
    public var notes: [String]

    /// One line: `π 0.374 (Redmi K90)` or `π 0.322, SE 0.481 on 2 df (Redmi K90, Galaxy S26+, Galaxy S26 Ultra)`.
    public var summary: String {
        String(format: "π %.3f", pi) + (standardError.map { String(format: ", SE %.3f on %d df", $0, points.count - 1) } ?? "")
            + " (" + points.map(\.pair.model).joined(separator: ", ") + ")"
    }

    /// Calibrates π for `inputs` (its cells, anchors, price path) on the pairs known by `asOf`.
    /// One pair whose memory cost does not move on the run's central path (x = 0) gives π over the whole
    /// admissible range, with a note.
    /// - Throws: `ForecastError.invalidInputs` when there are no pairs, a pair's cell is not among the
    ///   configurations, its quarters fall outside the run's path, or the fit fails.
    public static func calibrate(_ inputs: ForecastInputs, pairs all: [LaunchPricePair],
                                 asOf: CalendarDate?) throws -> PassThroughCalibration {
        guard !all.isEmpty else {
            throw ForecastError.invalidInputs("launch_prices.csv: no launch-price pairs to calibrate pass_through on")
        }
        var notes: [String] = []
        var pairs = all
        if let asOf {
            let known = all.filter { $0.published.isKnown(asOf: asOf) }
            let late = all.filter { !$0.published.isKnown(asOf: asOf) }
            if known.isEmpty {
                let first = all.map(\.published.latest).min()!
                pairs = all.filter { $0.published.latest == first }
                notes.append("pass_through: no launch-price pair was published by --as-of \(asOf); the earliest ("
                             + pairs.map(\.model).joined(separator: ", ") + ", published \(first)) is used as it is")
            } else {
                pairs = known
                if !late.isEmpty {
                    notes.append("pass_through: \(late.count) launch-price pair\(late.count == 1 ? "" : "s") published after --as-of \(asOf) "
                                 + "left out (" + late.map(\.model).joined(separator: ", ") + ")")
                }
            }
        }
        let path = try ForecastInputs.centralContractPath(inputs)
        let points = try pairs.map { try point($0, inputs: inputs, path: path) }
        if points.count == 1 {
            let p = points[0]
            // A flat carry (`unpublished = "flat"`, or "model_then_flat" from an early --as-of) can hold the whole
            // pair window flat on the central path: the pair then says nothing about π, which is not a data error.
            guard let pi = p.impliedPi, let range = p.impliedPiRange else {
                let dist = ParameterDistribution.uniform(p.admissible.lowerBound, p.admissible.upperBound)
                notes.append("pass_through: the \(p.pair.model) pair's memory cost does not move between \(p.pair.oldQuarter) and "
                             + "\(p.pair.newQuarter) on this run's central price path, so it says nothing about π, which spans "
                             + "the admissible range (full absorption to constant percentage markup): \(dist.text)")
                return PassThroughCalibration(points: points, pi: dist.center, standardError: nil, distribution: dist, notes: notes)
            }
            let (dist, clipped) = singlePairDistribution(piRange: range, admissible: p.admissible)
            notes.append(String(format: "pass_through: π = %.3f from the %@ launch price (%@); its price step (%@ %@) leaves "
                                + "%.3g…%.3g", pi, p.pair.model, p.pair.figureIDs.joined(separator: ", "),
                                p.pair.currency.uppercased(), Plausibility.fmt(p.pair.priceStep), range.lowerBound, range.upperBound))
            if clipped {
                let meets = range.lowerBound < p.admissible.upperBound && range.upperBound > p.admissible.lowerBound
                notes.append(String(format: "pass_through: the launch-price range %.3g…%.3g %@ the admissible %.3g…%.3g "
                    + "(full absorption to constant percentage markup)%@: %@", range.lowerBound, range.upperBound,
                    meets ? "leaves" : "misses", p.admissible.lowerBound, p.admissible.upperBound,
                    meets ? " and is cut to it" : "; the pair says nothing usable on this date, so π spans the whole range",
                    dist.text))
            }
            return PassThroughCalibration(points: points, pi: pi, standardError: nil, distribution: dist, notes: notes)
        }
        let (pi, se) = try throughOrigin(points)
        let upper = points.map(\.admissible.upperBound).max()!
        let df = Double(points.count - 1)
        let dist = ParameterDistribution.studentT(center: pi, scale: se, df: df, lower: 0, upper: upper)
        let each = points.map { p in
            "\(p.pair.model) " + (p.impliedPi.map { String(format: "%.2f", $0) } ?? "–")
        }
        notes.append(String(format: "pass_through: π = %.3f (SE %.3f, %d df) by least squares through the origin on %d launch-price "
                            + "pairs (%@; each pair's own π: %@), drawn %@ clamped to 0…%.3g",
                            pi, se, points.count - 1, points.count,
                            Array(NSOrderedSet(array: points.flatMap(\.pair.figureIDs))).map { "\($0)" }.joined(separator: ", "), each.joined(separator: ", "),
                            dist.text, upper))
        return PassThroughCalibration(points: points, pi: pi, standardError: se, distribution: dist, notes: notes)
    }

    /// The pair's (x, y) on the run's central contract path (`path`, computed from `inp` when nil).
    static func point(_ pair: LaunchPricePair, inputs inp: ForecastInputs,
                      path given: ((MemoryType, Period) -> Double)? = nil) throws -> Point {
        guard let cell = inp.cells.first(where: { $0.region == pair.region && $0.segment == pair.segment }) else {
            throw ForecastError.invalidInputs("\(pair.origin): no \(pair.region.rawValue)/\(pair.segment.rawValue) configuration "
                                              + "in handset_configs.csv to cost \(pair.model) on")
        }
        let first = inp.start.advanced(by: -1)
        guard pair.oldQuarter >= first, pair.newQuarter <= inp.horizon else {
            throw ForecastError.invalidInputs("\(pair.origin): \(pair.model)'s quarters \(pair.oldQuarter)…\(pair.newQuarter) "
                                              + "fall outside the run's price path \(first)…\(inp.horizon)")
        }
        var phone = cell
        phone.memory = pair.memory
        let path = try given ?? ForecastInputs.centralContractPath(inp)
        func bom(_ q: Period) -> Double { MemoryCost.evaluate(phone, usdPerGB: { path($0, q) }).bomUSD }
        let bomToASP = bom(inp.anchorQuarter) / phone.aspUSD
        let trendLog = Double(pair.oldQuarter.distance(to: pair.newQuarter)) / 4 * log(1 + inp.baselineASPGrowthPct.center / 100)
        let rounded = pair.logPriceChangeRange
        return Point(pair: pair, x: bomToASP * log(bom(pair.newQuarter) / bom(pair.oldQuarter)), y: pair.logPriceChange - trendLog,
                     yRange: (rounded.lowerBound - trendLog)...(rounded.upperBound - trendLog),
                     admissible: PassThrough.admissibleRange(bomToASP: bomToASP))
    }

    /// π̂ and its standard error by OLS through the origin (`y ~ 0 + x`), two or more points.
    static func throughOrigin(_ points: [Point]) throws -> (pi: Double, se: Double) {
        precondition(points.count >= 2)
        var f = DataFrame(source: "launch_prices")
        try f.append("y", .numeric(points.map(\.y)))
        try f.append("x", .numeric(points.map(\.x)))
        let r = try OLS.fit("y ~ 0 + x", data: f)
        return (r.params[0], r.bse[0])
    }

    /// A single pair's π distribution: uniform over `piRange` (what the price step leaves open)
    /// intersected with the admissible range; when they do not meet, the whole admissible range.
    /// `clipped` says the range was changed.
    static func singlePairDistribution(piRange: ClosedRange<Double>, admissible: ClosedRange<Double>)
        -> (distribution: ParameterDistribution, clipped: Bool) {
        let a = piRange.lowerBound, b = piRange.upperBound
        let lo = Swift.max(a, admissible.lowerBound), hi = Swift.min(b, admissible.upperBound)
        guard lo < hi else { return (.uniform(admissible.lowerBound, admissible.upperBound), true) }
        return (.uniform(lo, hi), lo != a || hi != b)
    }
}
