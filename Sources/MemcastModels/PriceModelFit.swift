/// A fitted supply–demand price equation with the uncertainty of its coefficients and of its residual SD.
///
/// One Monte Carlo draw is the noninformative-prior (p(b, σ²) ∝ 1/σ²) predictive of a linear regression, with
/// σ² estimated rather than known and measured out of sample where the sample allows:
///
///     σ² = σ̂²·ν/χ²_ν,    b = b̂ + (σ/σ̂)·F·z,    z ~ N(0, I₄)
///
/// - `σ̂ = shockSDPct`, log points per quarter: σ_oos, the RMS of the equation's recursive (one-step-ahead,
///   expanding-window) residuals (`predictive`, `PriceEquationEstimator.recursiveResiduals`) when there are at
///   least 8 of them; else s = `residualSDPct` of `model`, the in-sample residual SD, s² = SSR/(n − k);
/// - `ν = varianceDegreesOfFreedom`: the recursive residuals' count m with σ_oos, else n − k (dimensionless);
/// - `χ²_ν`: one chi-square draw with ν degrees of freedom (dimensionless, `SplitMix64.nextChiSquare`), so
///   σ²/σ̂² = ν/χ²_ν has mean ν/(ν − 2) for ν > 2;
/// - `F·Fᵀ = s²(XᵀX)⁻¹`, the least-squares covariance of the estimated coefficients (F from the numeric core's
///   Cholesky); coefficients held at a bound or dropped have zero rows. Scaling F·z by σ/σ̂ gives
///   `Cov(b | σ) = (σ/σ̂)²·s²(XᵀX)⁻¹`: the excess of σ_oos over s is not put into the coefficients, because
///   one-step-ahead errors already contain each window's coefficient error;
/// - the drawn σ (log points per quarter) scales that draw's residual shocks σ·zₜ.
///
/// Why σ_oos: the in-sample s is the scatter around a line fitted to the same quarters; on the pre-2025 DDR4
/// backtest the 90% intervals drawn with s held 73% of 82 realized changes, with σ_oos 80% (`memcast backtest
/// --stage ddr4_contract --to 2024Q3 --as-of 2024-12-31 --min-pairs 1`). Regime changes reach the recursive
/// residuals; Student-t shocks with the variance kept were tried and did not help (see README, Uncertainty).
///
/// Example: ν = 10 and a draw χ² = 5 give σ/σ̂ = √2: the coefficient deviation F·z and σ are both √2 times
/// what they are at σ = σ̂. The sign bounds of the estimator are imposed after the scaling (`draw`).
/// Without ν or `predictive` (a hand-built equation) σ is taken as known: σ = s and b = b̂ + F·z.
public struct PriceModelFit: Sendable, Equatable {
    /// Coefficient order of `samplingFactor`.
    public static let coefficientNames = ["intercept", "previous_change_pct", "past_year_log_points", "gap_pp"]

    public var kind: MemoryKind
    /// Central coefficients.
    public var model: SupplyDemandPriceModel
    /// F, 4×4 row-major, with F·Fᵀ = Cov(α, β, δ, γ).
    public var samplingFactor: [[Double]]
    /// Rows used by the regression, n.
    public var observations: Int
    /// n − k, the in-sample residual degrees of freedom: rows used minus the coefficients estimated freely (those
    /// not held at a bound or dropped), the divisor of s² = SSR/(n − k); the draws' ν when there is no
    /// `predictive`. nil for an equation whose σ is taken as known (draws then keep σ = s).
    public var degreesOfFreedom: Int?
    public var rSquared: Double
    /// What the fit used and any caveat, for the assumptions table.
    public var note: String
    /// The regressors' span over the rows used (log points): a projection is held inside it
    /// (`SupplyDemandPriceModel.projectionSpan`, which stores it) and a note tells when it starts outside.
    public var span: RegressorSpan? { model.projectionSpan }
    /// The out-of-sample residual scale draws use in place of s (with its count m in place of ν); nil = s and ν.
    public var predictive: PredictiveScale?
    /// Shock factors by quarters ahead (`HorizonScale`); nil = the same σ at every step.
    public var horizon: HorizonScale?

    /// Smallest and largest previous-quarter change ℓₜ₋₁ and past-year change Rₜ₋₁ in the sample.
    public struct RegressorSpan: Sendable, Equatable {
        public var previousLP: ClosedRange<Double>
        public var pastYearLP: ClosedRange<Double>

        /// nil when both lie inside the span, else what lies outside, e.g.
        /// `previous change 64.2 lp outside −35.7…38.9; past year 112 lp outside −102…50`.
        public func outside(previousLP p: Double, pastYearLP r: Double) -> String? {
            func f(_ v: Double) -> String { String(format: "%.1f", v) }
            var parts: [String] = []
            if !previousLP.contains(p) {
                parts.append("previous change \(f(p)) lp outside \(f(previousLP.lowerBound))…\(f(previousLP.upperBound))")
            }
            if !pastYearLP.contains(r) {
                parts.append("past year \(f(r)) lp outside \(f(pastYearLP.lowerBound))…\(f(pastYearLP.upperBound))")
            }
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        }
    }

    public init(kind: MemoryKind, model: SupplyDemandPriceModel, samplingFactor: [[Double]], observations: Int,
                degreesOfFreedom: Int? = nil, rSquared: Double, note: String, span: RegressorSpan? = nil) {
        precondition(samplingFactor.count == 4 && samplingFactor.allSatisfy { $0.count == 4 })
        precondition(degreesOfFreedom.map { $0 >= 1 } ?? true, "ν = n − k must be at least 1")
        self.kind = kind; self.model = model; self.samplingFactor = samplingFactor
        self.observations = observations; self.degreesOfFreedom = degreesOfFreedom
        self.rSquared = rSquared; self.note = note
        if let span { self.model.projectionSpan = span }
    }

    /// True when `other` is the same fitted equation (coefficients, their uncertainty and sample), whatever
    /// family it is filed under: the pooled DRAM/NAND equation is one equation.
    public func isSameEquation(as other: PriceModelFit) -> Bool {
        var a = self
        a.kind = other.kind
        return a == other
    }

    /// The residual SD a draw scales, log points per quarter: σ_oos of `predictive` when there is one, else s.
    public var shockSDPct: Double { predictive?.sdPct ?? model.residualSDPct }

    /// The χ² degrees of freedom of a draw's σ²: m of `predictive` when there is one, else ν (nil: σ known).
    public var varianceDegreesOfFreedom: Int? { predictive?.count ?? degreesOfFreedom }

    /// One draw's χ² from `rng` (the run's `SplitMix64.varianceStream`) on `varianceDegreesOfFreedom`, nil when
    /// σ is taken as known.
    public func drawChiSquare(_ rng: inout SplitMix64) -> Double? {
        varianceDegreesOfFreedom.map { rng.nextChiSquare(degreesOfFreedom: $0) }
    }

    /// σ/σ̂ = √(ν/χ²) for a draw `chiSquare` of χ²_ν (> 0, ν = `varianceDegreesOfFreedom`); 1 when `chiSquare`
    /// or ν is nil (σ known). Example: ν = 10, χ² = 5 → √2.
    public func sigmaScale(chiSquare: Double?) -> Double {
        guard let c = chiSquare, let nu = varianceDegreesOfFreedom else { return 1 }
        precondition(c > 0, "a χ² draw must be positive, got \(c)")
        return (Double(nu) / c).squareRoot()
    }

    /// The equation of one draw from four standard normals `z` and a χ²_ν draw `chiSquare`:
    /// with `c = σ/σ̂ = √(ν/χ²)` (`sigmaScale`), coefficients `b̂ + c·F·z` kept inside the sign bounds
    /// the estimator imposes (β ∈ [0, 0.95], δ ≤ 0, γ ≥ 0), and residual SD `c·σ̂` (σ̂ = `shockSDPct`, log points
    /// per quarter).
    /// `chiSquare` nil (the default) is σ known: c = 1.
    public func draw(_ z: [Double], chiSquare: Double? = nil) -> SupplyDemandPriceModel {
        precondition(z.count == 4)
        let c = sigmaScale(chiSquare: chiSquare)
        func d(_ i: Int) -> Double { c * (0..<4).reduce(0) { $0 + samplingFactor[i][$1] * z[$1] } }
        var m = model
        m.residualSDPct = c * shockSDPct
        m.interceptPct += d(0)
        m.momentum = Swift.min(Swift.max(m.momentum + d(1), 0), PriceEquationEstimator.maximumMomentum)
        m.reversion = Swift.min(m.reversion + d(2), 0)
        m.gapCoefficient = Swift.max(m.gapCoefficient + d(3), 0)
        return m
    }
}
