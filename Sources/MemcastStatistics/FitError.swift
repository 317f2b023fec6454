/// Fit settings that do not make sense together (a usage error, not a data error).
public enum FitError: Error, Equatable, CustomStringConvertible {
    /// α outside (0, 1).
    case invalidAlpha(Double)
    /// A negative or non-finite ridge penalty.
    case invalidLambda(Double)
    /// A negative HAC lag count.
    case invalidHACLags(Int)
    /// A covariance type the estimator does not support.
    case unsupportedCovariance(model: String, covariance: String)
    /// A cluster column with fewer than two groups in the rows used.
    case tooFewClusters(column: String, groups: Int)

    public var description: String {
        switch self {
        case let .invalidAlpha(a): return "alpha must be in (0, 1); got \(a)"
        case let .invalidLambda(l): return "the ridge penalty must be a finite number ≥ 0; got \(l)"
        case let .invalidHACLags(l): return "HAC lags must be 0 or more; got \(l)"
        case let .unsupportedCovariance(m, c):
            return "\(m) supports only the nonrobust covariance (its coefficients are biased, so robust sandwiches around them are not standard); got \(c)"
        case let .tooFewClusters(c, g): return "cluster column '\(c)' has \(g) group\(g == 1 ? "" : "s") in the rows used; clustering needs at least 2"
        }
    }
}
