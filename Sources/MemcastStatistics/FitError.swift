/// Fit settings that do not make sense together (a usage error, not a data error).
public enum FitError: Error, Equatable, CustomStringConvertible {
    /// α outside (0, 1).
    case invalidAlpha(Double)
    /// A negative or non-finite ridge penalty.
    case invalidLambda(Double)
    /// A negative HAC lag count.
    case invalidHACLags(Int)
    /// At least as many HAC lags as rows used: no autocovariance exists that far back.
    case tooManyHACLags(lags: Int, rows: Int)
    /// A covariance type the estimator does not support.
    case unsupportedCovariance(model: String, covariance: String)
    /// A cluster column with fewer than two groups in the rows used.
    case tooFewClusters(column: String, groups: Int)

    public var description: String {
        switch self {
        case let .invalidAlpha(a): return "alpha must be in (0, 1); got \(a)"
        case let .invalidLambda(l): return "the ridge penalty must be a finite number ≥ 0; got \(l)"
        case let .invalidHACLags(l): return "HAC lags must be 0 or more; got \(l)"
        case let .tooManyHACLags(l, n):
            return "HAC lags must be fewer than the \(n) rows used; got \(l). \(FitError.usualHACLags(rows: n))"
        case let .unsupportedCovariance(m, c):
            return "\(m) supports only the nonrobust covariance (its coefficients are biased, so robust sandwiches around them are not standard); got \(c)"
        case let .tooFewClusters(c, g): return "cluster column '\(c)' has \(g) group\(g == 1 ? "" : "s") in the rows used; clustering needs at least 2"
        }
    }

    /// The rule of thumb both the error and the many-lags warning point to.
    static func usualHACLags(rows n: Int) -> String {
        "The usual choice is ⌊4·(n/100)^(2/9)⌋ = \(CovarianceType.defaultHACLags(nobs: n)) lags for n = \(n) (the default)."
    }
}
