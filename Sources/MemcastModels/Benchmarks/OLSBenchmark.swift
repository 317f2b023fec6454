import MemcastStatistics

/// The `ols` workload: `log(asp_usd) ~ log(bom_usd) + memory_share + C(segment) +
/// C(region) + C(quarter)` (treatment coding, first sorted level dropped; 52
/// coefficients on 1,000,000 rows) fitted by the ordinary formula → design → OLS
/// path with HC1 standard errors, exactly what `memcast fit` runs.
public struct OLSBenchmark: Sendable {
    public static let formula = "log(asp_usd) ~ log(bom_usd) + memory_share + C(segment) + C(region) + C(quarter)"

    public var nobs: Int
    public var k: Int
    /// (name, coefficient) in design order; names as the peer prints them (see `peerName`).
    public var params: [(String, Double)]
    /// (name, HC1 standard error).
    public var bseHC1: [(String, Double)]
    public var rsquared: Double
    public var rsquaredAdj: Double
    public var aic: Double
    public var bic: Double
    public var conditionNumber: Double

    public static func run(frame: DataFrame) throws -> OLSBenchmark {
        let fit = try OLS.fit(formula, data: frame, options: FitOptions(covariance: .hc1))
        let names = fit.terms.map(peerName)
        return OLSBenchmark(nobs: fit.nobs, k: fit.params.count, params: Array(zip(names, fit.params)),
                            bseHC1: Array(zip(names, fit.bse)), rsquared: fit.rsquared, rsquaredAdj: fit.rsquaredAdj,
                            aic: fit.aic, bic: fit.bic, conditionNumber: fit.conditionNumber)
    }

    /// The column name pandas/statsmodels give the same design column:
    /// `Intercept` → `const`, `log(bom_usd)` → `log_bom_usd`, `C(segment)[T.mid]` → `segment_mid`.
    static func peerName(_ term: String) -> String {
        if term == "Intercept" { return "const" }
        if term.hasPrefix("C("), let close = term.firstIndex(of: ")"), term.contains("[T.") {
            let variable = term[term.index(term.startIndex, offsetBy: 2)..<close]
            let level = term[term.range(of: "[T.")!.upperBound..<term.index(before: term.endIndex)]
            return "\(variable)_\(level)"
        }
        if term.hasPrefix("log("), term.hasSuffix(")") { return "log_" + term.dropFirst(4).dropLast() }
        return term
    }
}
