import MemcastData

/// The origins of a rolling-origin backtest and what each may see.
///
/// Origin O is a quarter. A forecast made "at O" sees only rows published on or
/// before the last day of O (the `--as-of` rule, `VintageSelection`) and forecasts
/// the quarters O+1 … O+H. Every origin from `first` to `last` is used (expanding
/// window: later origins see everything earlier ones saw, and more).
///
/// Example: first 2018Q1, last 2018Q2, H = 2 → (2018Q1 as of 2018-03-31: 2018Q2,
/// 2018Q3), (2018Q2 as of 2018-06-30: 2018Q3, 2018Q4).
public struct RollingOrigin: Sendable, Equatable {
    public let first: Period
    public let last: Period
    /// H: quarters ahead, 1…H.
    public let maxHorizon: Int

    /// Largest horizon accepted (two years).
    public static let horizonLimit = 8

    /// - Throws: `BacktestError.usage` when a bound is not a quarter, `first > last`, or H ∉ 1…8.
    public init(first: Period, last: Period, maxHorizon: Int) throws {
        guard first.granularity == .quarter else { throw BacktestError.usage("--from \(first) is not a quarter (use e.g. 2018Q1)") }
        guard last.granularity == .quarter else { throw BacktestError.usage("--to \(last) is not a quarter (use e.g. 2025Q4)") }
        guard first <= last else { throw BacktestError.usage("--from \(first) is after --to \(last)") }
        guard (1...RollingOrigin.horizonLimit).contains(maxHorizon) else {
            throw BacktestError.usage("--horizon \(maxHorizon) is outside 1…\(RollingOrigin.horizonLimit) quarters")
        }
        self.first = first
        self.last = last
        self.maxHorizon = maxHorizon
    }

    /// Every origin, oldest first.
    public var origins: [Period] { first.quarters(through: last) }

    public var horizons: ClosedRange<Int> { 1...maxHorizon }

    /// The last day of the origin quarter: what a forecast made at `origin` may know.
    public static func asOfDate(origin: Period) -> CalendarDate { origin.end }

    /// The quarters a forecast at `origin` targets, h = 1…H.
    public func targets(of origin: Period) -> [Period] { horizons.map { origin.advanced(by: $0) } }

    /// The quarters any origin targets: first+1 … last+H.
    public var targetRange: ClosedRange<Period> { first.advanced(by: 1)...last.advanced(by: maxHorizon) }
}

/// Why a backtest cannot run; `isUsage` errors are the user's options (exit 64),
/// the others the data's (exit 65).
public enum BacktestError: Error, Equatable, CustomStringConvertible {
    /// An option out of range or inconsistent.
    case usage(String)
    /// The data cannot support the request (too little history, no realized values, origin after the data).
    case data(String)

    public var isUsage: Bool { if case .usage = self { return true } else { return false } }

    public var description: String {
        switch self {
        case .usage(let m), .data(let m): return m
        }
    }
}
