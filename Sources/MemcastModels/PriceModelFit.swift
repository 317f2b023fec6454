/// A fitted supply–demand price equation with the uncertainty of its coefficients.
///
/// Coefficient draws are multivariate normal: `b = b̂ + F·z`, `z ~ N(0, I)`, with `F·Fᵀ` the
/// OLS covariance of (α, β, γ) (F from the numeric core's Cholesky). When γ could not be
/// estimated its row and column are zero and `gapEstimated` is false.
public struct PriceModelFit: Sendable, Equatable {
    public var kind: MemoryKind
    /// Central coefficients.
    public var model: SupplyDemandPriceModel
    /// F, 3×3 row-major, with F·Fᵀ = Cov(α, β, γ).
    public var samplingFactor: [[Double]]
    /// Rows used by the regression.
    public var observations: Int
    public var rSquared: Double
    public var gapEstimated: Bool
    /// What the fit used and any caveat, for the assumptions table.
    public var note: String

    public init(kind: MemoryKind, model: SupplyDemandPriceModel, samplingFactor: [[Double]], observations: Int,
                rSquared: Double, gapEstimated: Bool, note: String) {
        precondition(samplingFactor.count == 3 && samplingFactor.allSatisfy { $0.count == 3 })
        self.kind = kind; self.model = model; self.samplingFactor = samplingFactor
        self.observations = observations; self.rSquared = rSquared
        self.gapEstimated = gapEstimated; self.note = note
    }

    /// The coefficients of one draw from three standard normals.
    public func draw(_ z: (Double, Double, Double)) -> SupplyDemandPriceModel {
        let zs = [z.0, z.1, z.2]
        func d(_ i: Int) -> Double { (0..<3).reduce(0) { $0 + samplingFactor[i][$1] * zs[$1] } }
        var m = model
        m.interceptPct += d(0)
        // Momentum above 0.95 would make a shock permanent; a draw that far out is clipped.
        m.momentum = Swift.min(Swift.max(m.momentum + d(1), -0.5), 0.95)
        m.gapCoefficient += d(2)
        return m
    }
}
