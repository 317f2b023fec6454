import Foundation
import MemcastStatistics

/// The uncertainty of one model parameter: what a Monte Carlo draw takes it from.
public enum ParameterDistribution: Sendable, Equatable {
    /// Always this value.
    case fixed(Double)
    /// Uniform on [low, high].
    case uniform(Double, Double)
    /// Normal(mean, sd), truncated to [lower, upper] by clamping.
    case normal(mean: Double, sd: Double, lower: Double, upper: Double)
    /// center + scale·T with T Student's t on `df` degrees of freedom, truncated to [lower, upper] by
    /// clamping: an estimate from few observations (scale = its standard error).
    case studentT(center: Double, scale: Double, df: Double, lower: Double, upper: Double)

    /// The central value (fixed value, range midpoint, mean).
    public var center: Double {
        switch self {
        case .fixed(let x): return x
        case .uniform(let a, let b): return (a + b) / 2
        case .normal(let m, _, let lo, let hi), .studentT(let m, _, _, let lo, let hi): return Swift.min(Swift.max(m, lo), hi)
        }
    }

    /// The value with probability `p` ∈ (0, 1) below it (clamping puts the mass beyond a bound on it).
    /// Example: `.uniform(4, 10).quantile(0.05)` = 4.3; `.normal(mean: -1.1, sd: 0.3, …).quantile(0.95)` ≈ −0.607.
    public func quantile(_ p: Double) -> Double {
        switch self {
        case .fixed(let x): return x
        case .uniform(let a, let b): return a + p * (b - a)
        case .normal(let m, let s, let lo, let hi): return Swift.min(Swift.max(m + s * Normal.quantile(p), lo), hi)
        case .studentT(let m, let s, let df, let lo, let hi):
            return Swift.min(Swift.max(m + s * StudentT(df: df).quantile(p), lo), hi)
        }
    }

    /// A value from one uniform `u` ∈ [0, 1) and one standard normal `z` (both always
    /// consumed by the caller, so adding a parameter never shifts other draws).
    public func value(u: Double, z: Double) -> Double {
        switch self {
        case .fixed(let x): return x
        case .uniform(let a, let b): return a + u * (b - a)
        case .normal(let m, let s, let lo, let hi): return Swift.min(Swift.max(m + s * z, lo), hi)
        case .studentT: return quantile(u)
        }
    }

    /// A scenario override: a point becomes `.fixed`, a range `.uniform`.
    public init(_ r: ValueRange) {
        self = r.low == r.high ? .fixed(r.low) : .uniform(r.low, r.high)
    }

    /// Short text for tables: `1.1`, `U(4, 10)`, `N(-1.1, 0.3)`, `t2(0.75, 0.4)`.
    public var text: String {
        func f(_ x: Double) -> String { String(format: "%g", x) }
        switch self {
        case .fixed(let x): return f(x)
        case .uniform(let a, let b): return "U(\(f(a)), \(f(b)))"
        case .normal(let m, let s, _, _): return "N(\(f(m)), \(f(s)))"
        case .studentT(let m, let s, let df, _, _): return "t\(f(df))(\(f(m)), \(f(s)))"
        }
    }
}
