/// A fitted supply–demand price equation with the uncertainty of its coefficients.
///
/// Coefficients (α, β, δ, γ) are drawn multivariate normal: `b = b̂ + F·z`, `z ~ N(0, I₄)`,
/// with `F·Fᵀ` the least-squares covariance of the estimated coefficients (F from the
/// numeric core's Cholesky); coefficients held at a bound or dropped have zero rows.
public struct PriceModelFit: Sendable, Equatable {
    /// Coefficient order of `samplingFactor`.
    public static let coefficientNames = ["intercept", "previous_change_pct", "past_year_log_points", "gap_pp"]

    public var kind: MemoryKind
    /// Central coefficients.
    public var model: SupplyDemandPriceModel
    /// F, 4×4 row-major, with F·Fᵀ = Cov(α, β, δ, γ).
    public var samplingFactor: [[Double]]
    /// Rows used by the regression.
    public var observations: Int
    public var rSquared: Double
    /// What the fit used and any caveat, for the assumptions table.
    public var note: String
    /// The regressors' span over the rows used (log points), to tell a projection that extrapolates.
    public var span: RegressorSpan?

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
                rSquared: Double, note: String, span: RegressorSpan? = nil) {
        precondition(samplingFactor.count == 4 && samplingFactor.allSatisfy { $0.count == 4 })
        self.kind = kind; self.model = model; self.samplingFactor = samplingFactor
        self.observations = observations; self.rSquared = rSquared; self.note = note; self.span = span
    }

    /// True when `other` is the same fitted equation (coefficients, their uncertainty and sample), whatever
    /// family it is filed under: the pooled DRAM/NAND equation is one equation.
    public func isSameEquation(as other: PriceModelFit) -> Bool {
        var a = self
        a.kind = other.kind
        return a == other
    }

    /// The coefficients of one draw from four standard normals, kept inside the sign bounds
    /// the estimator imposes (β ∈ [0, 0.95], δ ≤ 0, γ ≥ 0).
    public func draw(_ z: [Double]) -> SupplyDemandPriceModel {
        precondition(z.count == 4)
        func d(_ i: Int) -> Double { (0..<4).reduce(0) { $0 + samplingFactor[i][$1] * z[$1] } }
        var m = model
        m.interceptPct += d(0)
        m.momentum = Swift.min(Swift.max(m.momentum + d(1), 0), PriceEquationEstimator.maximumMomentum)
        m.reversion = Swift.min(m.reversion + d(2), 0)
        m.gapCoefficient = Swift.max(m.gapCoefficient + d(3), 0)
        return m
    }
}
