import Foundation

/// Stage 1 — memory supply and demand → quarterly contract price changes.
///
/// A quarter's DRAM (or NAND) contract price change comes, in this order, from
/// 1. the scenario, when it pins the quarter (a range, drawn uniformly);
/// 2. the latest vintage published by `--as-of`: its range drawn uniformly, and for a forecast-kind call
///    (not an estimate or actual) plus the tracker's past misses in log points, s·z (`CallMisses`);
/// 3. this model's projection, in log points (100·ln of the price ratio):
///
///     ℓₜ = α + β·ℓₜ₋₁ + δ·Rₜ₋₁ + γ·gap_y(t) + σ·zₜ,   zₜ ~ N(0, 1),   Δpₜ = 100·(e^{ℓₜ/100} − 1)
///
/// - `ℓ = 100·ln(1 + Δp/100)`: the quarter's change in log points (Δp in percent quarter on
///   quarter). Prices are multiplicative: +92.5% and −48% are the same distance (±65.5 log
///   points), so momentum and shocks act on log changes; a percent-linear equation would carry
///   a record rise forward at its percent size and let a fall reach −100%;
/// - `Rₜ₋₁ = Σⱼ₌₁..₄ ℓₜ₋ⱼ`: the past year's cumulative change in log points. δ < 0 is the
///   cycle turning: after a large rise buyers hold inventory and supply responds, so prices
///   revert (the 2017–18, 2021 and 2024 upcycles all ended);
/// - `gap_y` = bit demand growth − bit supply growth of the quarter's year, in
///   percentage points (positive = shortage). Supply is total bits and so already
///   carries the HBM crowd-out; a scenario that moves the HBM wafer share shifts it by
///   `adjustedSupplyGrowthPct` (HBM needs about `k = 3` times the wafer area per bit);
/// - α, β, δ, γ, σ (log points) are estimated by least squares on the datasets' quarterly contract
///   changes and realized contract price levels with the signs economics requires (β in [0, 0.95],
///   δ ≤ 0, γ ≥ 0; see `PriceEquationEstimator`); when too few years carry a gap the model drops γ
///   and says so. `residualSDPct` is the in-sample s; Monte Carlo draws scale the shocks with the RMS of the
///   equation's one-step-ahead (recursive) residuals instead, which also sees regime changes the fitted
///   sample absorbs (`PriceModelFit`).
///
/// A projection holds ℓₜ₋₁ and Rₜ₋₁ inside the span the equation was fitted on (`projectedExpectedLogPoints`); the
/// estimator's residuals, one-step and k-step misses use the unbounded line.
///
/// Assumptions: one equation for DRAM and NAND; no structural break between
/// the 2016–2024 cycles and 2025–27; inventory and momentum enter only through ℓₜ₋₁ and R.
public struct SupplyDemandPriceModel: Sendable, Equatable {
    /// α: drift, log points per quarter.
    public var interceptPct: Double
    /// β: momentum, share of last quarter's change carried into this one.
    public var momentum: Double
    /// γ: log points per quarter per percentage point of (demand − supply) bit growth gap.
    public var gapCoefficient: Double
    /// δ: log points per quarter per log point of the past year's cumulative change (≤ 0).
    public var reversion: Double
    /// σ: residual standard deviation, log points per quarter (in a Monte Carlo draw, the draw's σ; from the
    /// estimator, the in-sample s).
    public var residualSDPct: Double
    /// The regressors' span the equation was fitted on (`PriceModelFit.RegressorSpan`); a projection holds ℓₜ₋₁ and
    /// Rₜ₋₁ inside it (`projectedExpectedLogPoints`). nil (a hand-built equation): no bound.
    public var projectionSpan: PriceModelFit.RegressorSpan?
    /// A quarterly change is never below this (a contract price cannot vanish), percent.
    public static let floorPct = -60.0

    public init(interceptPct: Double, momentum: Double, gapCoefficient: Double, reversion: Double = 0,
                residualSDPct: Double) {
        self.interceptPct = interceptPct
        self.momentum = momentum
        self.gapCoefficient = gapCoefficient
        self.reversion = reversion
        self.residualSDPct = residualSDPct
    }

    /// Projected change in percent: `100·(e^{ℓ/100} − 1)` with `ℓ = w·(α + β·ℓ₋₁ + δ·R + γ·gap) + σ·z`,
    /// floored at −60%.
    ///
    /// - Parameters:
    ///   - lastFourPct: the four previous quarters' changes, most recent last (percent).
    ///   - gapPP: the year's bit demand − supply growth, percentage points.
    ///   - shock: a standard normal draw (0 for the central path).
    ///   - expectedChangeWeight: w, the weight on the expected change (the terms before the shock), 0…1;
    ///     default 1 (the equation). `UnpublishedPrices` sets it for the quarters after the last call:
    ///     w = 0 is a flat price with the equation's shock.
    public func projectedChangePct(lastFourPct: [Double], gapPP: Double, shock: Double = 0,
                                   expectedChangeWeight w: Double = 1) -> Double {
        let l = w * projectedExpectedLogPoints(lastFourPct: lastFourPct, gapPP: gapPP) + residualSDPct * shock
        return Swift.max(SupplyDemandPriceModel.percent(logPoints: l), SupplyDemandPriceModel.floorPct)
    }

    /// The expected change a projection uses, in log points: `expectedLogPoints` with ℓₜ₋₁ and Rₜ₋₁ each held inside
    /// `projectionSpan`, so the line is not extrapolated past the quarters it was fitted on.
    ///
    /// Why: after a record quarter (+90% in 1Q26, ℓ = 64 against a sample maximum of 24) the linear momentum term
    /// would carry a change no fitted quarter ever followed. Chosen by a rule fixed before the comparison (commit
    /// b58b139) on the pre-2025 DDR4 backtest, where the window's span is narrow at early origins and the bound
    /// applied at 7 of them: mean MAE h = 1…4 15.98 → 15.32, mean Winkler 83.6 → 82.5 (coverage 80% → 78%). On the
    /// whole record, with the 2025 squeeze, MAE fell (24.67 → 24.42) but the intervals scored worse (see README).
    /// Example: span −26…23.6 and −94.8…50.2, ℓ₋₁ = 64.2, R = 112.3 → α + β·23.6 + δ·50.2 + γ·gap.
    public func projectedExpectedLogPoints(lastFourPct: [Double], gapPP: Double) -> Double {
        precondition(lastFourPct.count == 4)
        var p = SupplyDemandPriceModel.logPoints(lastFourPct[3]), r = SupplyDemandPriceModel.pastYearLogPoints(lastFourPct)
        if let s = projectionSpan {
            p = Swift.min(Swift.max(p, s.previousLP.lowerBound), s.previousLP.upperBound)
            r = Swift.min(Swift.max(r, s.pastYearLP.lowerBound), s.pastYearLP.upperBound)
        }
        return expectedLogPoints(previousLP: p, pastYearLP: r, gapPP: gapPP)
    }

    /// The expected change before the shock, in log points: `α + β·ℓ₋₁ + δ·R + γ·gap` (what the estimator's
    /// residuals and one-step-ahead errors are measured against).
    /// - Parameters:
    ///   - lastFourPct: the four previous quarters' changes, most recent last (percent).
    ///   - gapPP: the year's bit demand − supply growth, percentage points.
    public func expectedLogPoints(lastFourPct: [Double], gapPP: Double) -> Double {
        precondition(lastFourPct.count == 4)
        return expectedLogPoints(previousLP: SupplyDemandPriceModel.logPoints(lastFourPct[3]),
                                 pastYearLP: SupplyDemandPriceModel.pastYearLogPoints(lastFourPct), gapPP: gapPP)
    }

    /// `α + β·ℓ₋₁ + δ·R + γ·gap` from the regressors in log points.
    func expectedLogPoints(previousLP: Double, pastYearLP: Double, gapPP: Double) -> Double {
        interceptPct + momentum * previousLP + reversion * pastYearLP + gapCoefficient * gapPP
    }

    /// The equation without the reversion term, `ℓ = α + β·ℓ₋₁ + γ·gap + σ·z` as a percent change
    /// floored at −60%: what an equation fitted without R (δ = 0, as the backtest's per-origin fits are) projects.
    /// - Precondition: `reversion == 0` (otherwise the past year's changes are needed).
    public func projectedChangePct(previousPct: Double, gapPP: Double, shock: Double = 0) -> Double {
        precondition(reversion == 0, "an equation with a reversion term needs lastFourPct")
        let l = interceptPct + momentum * SupplyDemandPriceModel.logPoints(previousPct) + gapCoefficient * gapPP
            + residualSDPct * shock
        return Swift.max(SupplyDemandPriceModel.percent(logPoints: l), SupplyDemandPriceModel.floorPct)
    }

    /// A percent change in log points: `100·ln(1 + Δ/100)`. Example: +92.5% → 65.49.
    public static func logPoints(_ changePct: Double) -> Double {
        100 * Foundation.log(1 + changePct / 100)
    }

    /// Log points as a percent change: `100·(e^{ℓ/100} − 1)`. Example: 65.49 → +92.5%.
    public static func percent(logPoints l: Double) -> Double {
        100 * (Foundation.exp(l / 100) - 1)
    }

    /// R = 100·Σ ln(1 + Δ/100) over the given changes (percent): the cumulative change in log points.
    /// Example: +10% then −10% → 100·ln(1.1·0.9) = −1.005.
    public static func pastYearLogPoints(_ changesPct: [Double]) -> Double {
        100 * changesPct.reduce(0) { $0 + Foundation.log(1 + $1 / 100) }
    }

    /// Bits a wafer yields, relative to an all-conventional wafer, when a share `w` of
    /// wafers makes HBM at `k` times the area per bit: `(1 − w) + w/k`.
    public static func bitsPerWafer(hbmWaferShare w: Double, areaPerBitRatio k: Double = 3) -> Double {
        precondition(w >= 0 && w <= 1 && k >= 1)
        return (1 - w) + w / k
    }

    /// HBM's share of bits when it takes a share `w` of wafers: `(w/k) / ((1 − w) + w/k)`.
    /// Example: w = 18%, k = 3 → 6.8% of bits (TrendForce reported ~8% for end-2025).
    public static func hbmBitShare(hbmWaferShare w: Double, areaPerBitRatio k: Double = 3) -> Double {
        (w / k) / bitsPerWafer(hbmWaferShare: w, areaPerBitRatio: k)
    }

    /// Bit supply growth after moving the HBM wafer share from `baselineShare` (the one the
    /// published growth assumed) to `scenarioShare`, in percent:
    /// `(1 + g)·bits(w₁)/bits(w₀) − 1`.
    public static func adjustedSupplyGrowthPct(publishedGrowthPct g: Double, baselineShare w0: Double,
                                               scenarioShare w1: Double, areaPerBitRatio k: Double = 3) -> Double {
        ((1 + g / 100) * bitsPerWafer(hbmWaferShare: w1, areaPerBitRatio: k)
            / bitsPerWafer(hbmWaferShare: w0, areaPerBitRatio: k) - 1) * 100
    }
}

/// Where a quarter's contract price change came from.
public enum PriceChangeOrigin: Sendable, Equatable {
    /// Pinned by a scenario file (its name and line).
    case scenario(String)
    /// The latest vintage published by the as-of date (publisher and publication date).
    case published(publisher: String, date: String)
    /// Carried by the supply–demand model.
    case projected

    /// `TrendForce 2026-02-02`, `scenario pin.toml:3` or `projected`.
    public var label: String {
        switch self {
        case .scenario(let at): return "scenario \(at)"
        case .published(let who, let date): return "\(who) \(date)"
        case .projected: return "projected"
        }
    }
}

/// A quarter's contract price change input: a range in percent QoQ (equal ends = a point).
public struct PriceChangeRange: Sendable, Equatable {
    public var lowPct: Double
    public var highPct: Double
    public var origin: PriceChangeOrigin
    /// For a tracker's forecast-kind call, how far its earlier calls missed (`CallMisses`): a draw adds s·z in log
    /// points to the uniform draw over the range (`drawnChangePct`). Nil for realizations (`estimate`, `actual`),
    /// scenario pins, and calls whose tracker has too few realized calls.
    public var callMiss: CallMissSpread?

    public init(lowPct: Double, highPct: Double, origin: PriceChangeOrigin) {
        precondition(lowPct <= highPct, "range low \(lowPct) above high \(highPct)")
        self.lowPct = lowPct; self.highPct = highPct; self.origin = origin
    }

    /// Range midpoint, percent.
    public var midPct: Double { (lowPct + highPct) / 2 }

    /// The value at uniform quantile `u` ∈ [0, 1]: `low + u·(high − low)`.
    public func value(at u: Double) -> Double { lowPct + u * (highPct - lowPct) }

    /// The range as text, each end written by `format`; a point is written once.
    ///
    /// Example: 23…28 → `text { "\($0)" }` is "23.0–28.0"; `text(separator: "…") { String(format: "%+g%%", $0) }`
    /// is "+23%…+28%".
    public func text(separator: String = "–", _ format: (Double) -> String) -> String {
        lowPct == highPct ? format(lowPct) : format(lowPct) + separator + format(highPct)
    }
}
