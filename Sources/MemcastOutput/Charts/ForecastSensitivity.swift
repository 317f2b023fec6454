import Foundation
import MemcastData
import MemcastModels

/// One-at-a-time sensitivity for the tornado chart.
///
/// For each uncertain input, the run is repeated with that input fixed at its
/// p05 and then at its p95, every other input keeping its distribution; the
/// output reported is the p50 of those runs, beside the p50 of the unchanged
/// run (baseline). Same seed everywhere, so differences come from the input
/// alone. Inputs: the model parameters with a spread (`ParameterDistribution`
/// other than `.fixed`) and the contract price ranges of the first forecast
/// year. Quantiles: uniform(a, b) → a + p·(b − a); normal(m, s) truncated →
/// m + z_p·s clamped (z₀.₉₅ = 1.6448536).
public enum ForecastSensitivity {
    public struct Outputs: Sendable, Equatable {
        public var baseline: [Double]
        /// Per input: name, outputs at its p05, outputs at its p95 (same order as the measures).
        public var rows: [(name: String, low: [Double], high: [Double])]
        public static func == (a: Outputs, b: Outputs) -> Bool {
            a.baseline == b.baseline && a.rows.map(\.name) == b.rows.map(\.name)
                && a.rows.map(\.low) == b.rows.map(\.low) && a.rows.map(\.high) == b.rows.map(\.high)
        }
    }

    /// Runs the baseline and two runs per input; `measures` read each run's outputs.
    /// - Complexity: (1 + 2·inputs) Monte Carlo runs of `draws` draws.
    public static func run(inputs: ForecastInputs, draws: Int, seed: UInt64,
                           measures: [(ForecastResult) -> Double?]) throws -> Outputs {
        func outputs(_ i: ForecastInputs) throws -> [Double] {
            let r = MonteCarlo.run(try ForecastEngine(inputs: i), draws: draws, seed: seed)
            return measures.map { $0(r) ?? .nan }
        }
        typealias Setter = (inout ForecastInputs, Double) -> Void
        var candidates: [(String, ParameterDistribution, Setter)] = [
            ("pass_through", inputs.passThrough, { $0.passThrough = .fixed($1) }),
            ("adjustment_speed", inputs.adjustmentSpeed, { $0.adjustmentSpeed = .fixed($1) }),
            ("inventory_cover_weeks", inputs.inventoryCoverWeeks, { $0.inventoryCoverWeeks = .fixed($1) }),
            ("elasticity", inputs.elasticity, { $0.elasticity = .fixed($1) }),
            ("baseline_growth_pct", inputs.baselineGrowthPct, { $0.baselineGrowthPct = .fixed($1) }),
            ("baseline_asp_growth_pct", inputs.baselineASPGrowthPct, { $0.baselineASPGrowthPct = .fixed($1) }),
        ]
        let year = inputs.baseYear + 1
        for kind in MemoryKind.allCases {
            for (q, r) in (inputs.priceInputs[kind] ?? [:]).sorted(by: { $0.key < $1.key })
            where q.year == year && r.highPct > r.lowPct {
                candidates.append(("\(kind.rawValue)_\(q)_qoq_pct", .uniform(r.lowPct, r.highPct), { i, v in
                    i.priceInputs[kind]?[q] = PriceChangeRange(lowPct: v, highPct: v, origin: r.origin)
                }))
            }
        }
        let baseline = try outputs(inputs)
        var rows: [(String, [Double], [Double])] = []
        for (name, d, set) in candidates {
            if case .fixed = d { continue }
            var lo = inputs, hi = inputs
            set(&lo, d.quantile(0.05)); set(&hi, d.quantile(0.95))
            rows.append((name, try outputs(lo), try outputs(hi)))
        }
        return Outputs(baseline: baseline, rows: rows)
    }
}
