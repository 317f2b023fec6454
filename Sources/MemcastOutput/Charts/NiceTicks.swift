import Foundation

/// Round-number axis ticks ("nice numbers", Heckbert 1990, Graphics Gems I).
///
/// The step is 1, 2, 2.5 or 5 × 10ᵏ, chosen so that about `target` intervals
/// cover the data; the axis is then widened outwards to whole steps, so the
/// first and last ticks enclose every value. Example: data 3.2…97.5 with
/// target 5 → step 20, ticks 0, 20, 40, 60, 80, 100.
public struct NiceTicks: Sendable, Equatable {
    /// Tick values, ascending, first ≤ data minimum, last ≥ data maximum.
    public let values: [Double]
    /// Distance between ticks (> 0).
    public let step: Double

    /// - Parameters:
    ///   - lower, upper: data extent (any order; equal values get a unit-wide axis around them).
    ///   - target: wanted number of intervals, ≥ 2 (default 5).
    ///   - includeZero: widen the extent to contain 0 (bars must start at zero).
    public init(lower: Double, upper: Double, target: Int = 5, includeZero: Bool = false) {
        precondition(lower.isFinite && upper.isFinite, "non-finite axis extent")
        precondition(target >= 2)
        var lo = min(lower, upper), hi = max(lower, upper)
        if includeZero { lo = min(lo, 0); hi = max(hi, 0) }
        if lo == hi {
            // A flat series still needs a readable axis around its value.
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad; hi += pad
        }
        let step = NiceTicks.niceStep((hi - lo) / Double(target))
        let first = (lo / step).rounded(.down)
        let last = (hi / step).rounded(.up)
        var values: [Double] = []
        var k = first
        while k <= last + 1e-9 {
            // Multiply rather than accumulate so 0.1-steps do not drift (0.30000000000000004).
            let v = k * step
            values.append(abs(v) < step * 1e-9 ? 0 : v)
            k += 1
        }
        self.values = values
        self.step = step
    }

    /// The smallest of 1, 2, 2.5, 5 × 10ᵏ that is ≥ `raw`.
    static func niceStep(_ raw: Double) -> Double {
        let exponent = floor(log10(raw))
        let base = pow(10, exponent)
        let fraction = raw / base
        let nice: Double
        if fraction <= 1 { nice = 1 } else if fraction <= 2 { nice = 2 } else if fraction <= 2.5 { nice = 2.5 } else if fraction <= 5 { nice = 5 } else { nice = 10 }
        return nice * base
    }

    public var lower: Double { values.first! }
    public var upper: Double { values.last! }

    /// Decimals needed to tell ticks apart (step 0.25 → 2, step 20 → 0).
    public var decimals: Int {
        var d = 0
        while d < 6 {
            let scaled = step * pow(10, Double(d))
            if abs(scaled - scaled.rounded()) < 1e-6 { break }
            d += 1
        }
        return d
    }
}
