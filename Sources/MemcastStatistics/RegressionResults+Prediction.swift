import Foundation
import MemcastNumerics

/// One predicted row: the fitted mean, its uncertainty, and the interval for a new observation.
public struct Prediction: Sendable, Equatable {
    /// 0-based row in the prediction data.
    public let row: Int
    /// Where the row came from (`new.csv:5` or `row 5`).
    public let origin: String
    /// x₀ᵀβ̂.
    public let mean: Double
    /// √(x₀ᵀ V x₀), V = `covParams` (so it follows the chosen covariance type).
    public let meanSE: Double
    /// mean ∓ q·meanSE.
    public let meanCILower: Double
    public let meanCIUpper: Double
    /// mean ∓ q·√(meanSE² + σ̂²/w₀), w₀ the new row's weight (1 without weights).
    public let obsCILower: Double
    public let obsCIUpper: Double
}

/// Predictions for a table of new rows.
public struct PredictionSet: Sendable {
    /// One per usable row, in reading order.
    public let predictions: [Prediction]
    /// Origins of rows skipped for a missing predictor value (e.g. the first row under `lag(x)`).
    public let skipped: [String]
    /// Significance level of the intervals.
    public let alpha: Double
    /// Caveats (extrapolation through aliased terms).
    public let warnings: [String]

    /// Row labels for tables: bare line numbers under "line" when every row comes from
    /// one file (`new.csv:5` → `5`), else the full origins under "row".
    public var rowLabels: (heading: String, labels: [String]) {
        let origins = predictions.map(\.origin)
        guard let first = origins.first, let colon = first.lastIndex(of: ":") else { return ("row", origins) }
        let prefix = String(first[...colon])
        guard origins.allSatisfy({ $0.hasPrefix(prefix) }) else { return ("row", origins) }
        return ("line", origins.map { String($0.dropFirst(prefix.count)) })
    }
}

extension RegressionResults {
    /// Predicts at the rows of `data`, coded exactly as the fitted data.
    ///
    /// q is the 1 − α/2 quantile of t with `dfResid` df when `useT`, else of the normal
    /// (statsmodels' `get_prediction`). With a weights model, a column of the same name
    /// in `data` gives each new observation's weight w₀ for the observation interval.
    /// - Parameter alpha: interval level (default: the fit's).
    /// - Throws: `DesignError.missingPredictors` (lists the needed columns),
    ///   `DesignError.unknownLevel` (lists the allowed levels), or a data error.
    public func predict(_ data: DataFrame, alpha: Double? = nil) throws -> PredictionSet {
        let a = alpha ?? self.alpha
        guard a > 0 && a < 1 else { throw FitError.invalidAlpha(a) }
        let design = try spec.design(for: data)
        let x = design.x
        let q = useT ? StudentT(df: dfResid).quantile(1 - a / 2) : Normal.quantile(1 - a / 2)
        var newWeights: [Double]? = nil
        if let name = model.weightsColumn, case .numeric(let v)? = data[name] {
            newWeights = try design.rows.map { r in
                guard v[r].isFinite && v[r] > 0 else { throw DesignError.badWeight(column: name, value: v[r], origin: data.origin(ofRow: r)) }
                return v[r]
            }
        }
        var warnings: [String] = []
        let aliasedIdx = terms.indices.filter { !active.contains($0) }
        var out: [Prediction] = []
        for (r, row) in design.rows.enumerated() {
            let x0 = (0..<x.cols).map { x[r, $0] }
            if aliasedIdx.contains(where: { x0[$0] != 0 }), warnings.isEmpty {
                warnings.append("the fit is rank-deficient (aliased: \(aliased.joined(separator: ", "))); predictions that vary along aliased terms are not estimable and treat them as zero")
            }
            var mean = 0.0
            for j in active { mean += x0[j] * params[j] }
            var variance = 0.0
            for i in active { for j in active { variance += x0[i] * covParams[i, j] * x0[j] } }
            let se = variance.squareRoot()
            let w0 = newWeights?[r] ?? 1
            let obs = (variance + mseResid / w0).squareRoot()
            out.append(Prediction(row: row, origin: data.origin(ofRow: row), mean: mean, meanSE: se,
                                  meanCILower: mean - q * se, meanCIUpper: mean + q * se,
                                  obsCILower: mean - q * obs, obsCIUpper: mean + q * obs))
        }
        return PredictionSet(predictions: out, skipped: design.skipped.map { data.origin(ofRow: $0) },
                             alpha: a, warnings: warnings)
    }
}
