import Foundation
import MemcastData

/// Stage 6 — uncertainty: runs `ForecastEngine` for many draws and reports p05/p50/p95.
///
/// Scenario ranges become uniform distributions (a tracker's forecast-kind call adds its past misses, `CallMisses`),
/// parameter uncertainty comes from each
/// parameter's distribution and from the price regressions' covariance (multivariate
/// normal through a Cholesky factor), and the price equation's residual adds quarter-to-
/// quarter noise: σ·z with σ² = σ̂²·ν/χ²_ν per draw, σ̂ the RMS of the equation's recursive
/// (one-step-ahead) residuals and ν their count (`PriceModelFit`), so the fan is as wide as the
/// equation's out-of-sample misses, not its in-sample scatter. Every output of every draw is kept, then summarised with numpy's linear
/// quantiles. Draw d always uses random stream d of the seed, so results do not depend on
/// the number of threads and `--seed` reproduces a run exactly.
public enum MonteCarlo {
    /// Default number of draws.
    public static let defaultDraws = 10_000
    /// Default seed (any fixed value; 2026 for the year of the shock).
    public static let defaultSeed: UInt64 = 2026

    /// Refuses a run whose draws would take more than half the machine's memory, before allocating,
    /// and says how many draws fit (the outputs per draw grow with the horizon).
    /// - Throws: `ForecastError.invalidInputs` starting "--draws" (a usage error for the CLI).
    public static func checkMemory(_ engine: ForecastEngine, draws: Int,
                                   physicalMemoryBytes: UInt64 = ProcessInfo.processInfo.physicalMemory) throws {
        let perDraw = engine.metricsPerDraw * 8
        let budget = Double(physicalMemoryBytes) / 2
        guard Double(perDraw) * Double(draws) > budget else { return }
        func gb(_ b: Double) -> String { String(format: "%.1f GB", b / 1e9) }
        let fit = Int(budget / Double(perDraw)) / 1000 * 1000
        throw ForecastError.invalidInputs(
            "--draws \(draws) would keep \(gb(Double(perDraw) * Double(draws))) of draws (\(perDraw / 1000) kB each up to "
            + "\(engine.inputs.horizon)), more than half of this machine's \(gb(Double(physicalMemoryBytes))) of memory; "
            + "use --draws \(Swift.max(fit, 1)) or fewer, or an earlier --horizon")
    }

    /// Runs `draws` draws of `engine` with `seed`, in parallel chunks.
    ///
    /// - Parameter progress: called now and then with the number of draws done (from any thread).
    /// - Complexity: O(draws · quarters · cells) time, O(draws · outputs) memory.
    public static func run(_ engine: ForecastEngine, draws: Int = defaultDraws, seed: UInt64 = defaultSeed,
                           progress: (@Sendable (Int) -> Void)? = nil) -> ForecastResult {
        precondition(draws > 0)
        let m = engine.metricsPerDraw
        // Column-major: values of metric k for all draws are contiguous (for quantiles).
        var columns = [Double](repeating: .nan, count: m * draws)
        let chunk = 250
        let chunks = (draws + chunk - 1) / chunk
        let done = Counter()
        columns.withUnsafeMutableBufferPointer { out in
            let outBase = out.baseAddress!
            let shared = UnsafeSendable(outBase)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let row = UnsafeMutableBufferPointer<Double>.allocate(capacity: m)
                defer { row.deallocate() }
                let lo = c * chunk, hi = Swift.min(draws, lo + chunk)
                for d in lo..<hi {
                    engine.simulate(draw: d, seed: seed, into: row)
                    for k in 0..<m { shared.pointer[k * draws + d] = row[k] }
                }
                let n = done.add(hi - lo)
                progress?(n)
            }
        }
        return summarise(engine, columns: columns, draws: draws, seed: seed)
    }

    static func summarise(_ engine: ForecastEngine, columns: [Double], draws: Int, seed: UInt64) -> ForecastResult {
        let layout = engine.layout
        func q(_ k: Int) -> QuantileSummary {
            QuantileSummary(draws: Array(columns[(k * draws)..<((k + 1) * draws)]))
        }
        func qOpt(_ k: Int) -> QuantileSummary? {
            let s = q(k)
            return s.p50.isNaN ? nil : s
        }
        func scope(_ p: Int, _ s: Int) -> ScopeFigures {
            let b = layout.scope(period: p, scope: s)
            return ScopeFigures(memoryBOMSharePct: q(b), bomUSD: q(b + 1), aspUSD: q(b + 2), aspYoYPct: qOpt(b + 3),
                                shipmentsM: q(b + 4), shipmentsYoYPct: qOpt(b + 5), memoryCostUSD: q(b + 6),
                                grossMarginPct: q(b + 7))
        }
        func period(_ p: Int, label: String, isQuarter: Bool) -> PeriodFigures {
            var segs: [Segment: ScopeFigures] = [:], regs: [Region: ScopeFigures] = [:]
            var vendors: [SoCVendor: VendorFigures] = [:]
            for s in Segment.allCases { segs[s] = scope(p, 1 + s.index) }
            for r in Region.allCases { regs[r] = scope(p, 1 + Segment.allCases.count + r.index) }
            for v in SoCVendor.allCases {
                let b = layout.vendor(period: p, vendor: v.index)
                vendors[v] = VendorFigures(shipmentsYoYPct: qOpt(b), sharePct: q(b + 1), shipmentsM: q(b + 2))
            }
            return PeriodFigures(label: label, global: scope(p, 0), segments: segs, regions: regs, socVendors: vendors,
                                 dramContractQoQPct: isQuarter ? q(layout.price(period: p, kind: 0)) : nil,
                                 nandContractQoQPct: isQuarter ? q(layout.price(period: p, kind: 1)) : nil)
        }
        let quarters = engine.reportedQuarters
        let quarterly = quarters.enumerated().map { period($0.offset, label: $0.element.description, isQuarter: true) }
        let annual = engine.reportedYears.enumerated().map {
            period(quarters.count + $0.offset, label: String($0.element), isQuarter: false)
        }
        var derived: [String: QuantileSummary] = [:]
        for m in DerivedMetric.allCases {
            let s = q(layout.derived(m))
            if !s.p50.isNaN { derived[m.rawValue] = s }
        }
        let inp = engine.inputs
        var priceRows: [PriceInputRow] = []
        for t in engine.quarters where t >= Period(year: inp.baseYear - 1, quarter: 1) {
            for k in MemoryKind.allCases {
                let text: String
                if let r = inp.priceInputs[k]?[t] {
                    text = "\(r.text(fmt)) (\(r.origin.label))"
                        // A call's miss spread (`CallMisses`): s in log points over n earlier misses.
                        + (r.callMiss.map { String(format: " + miss s=%.1f lp (n=%d)", $0.sdLP(lowPct: r.lowPct, highPct: r.highPct), $0.count) } ?? "")
                } else if inp.expectedChangeWeight(k, t) == 0 {
                    text = "flat with the supply–demand model's shocks (unpublished = \"\(inp.unpublishedPrices.rawValue)\")"
                } else {
                    text = "projected (supply–demand model)"
                }
                priceRows.append(PriceInputRow(quarter: t, kind: k, source: text))
            }
        }
        func from(_ name: String) -> String { inp.scenarioParameters.contains(name) ? "scenario \(inp.scenarioName)" : "calibration" }
        var params: [(String, String, String)] = [
            ("pass_through (π)", inp.passThrough.text, inp.passThroughCalibration.map {
                "launch_prices.csv, \($0.points.count) pair\($0.points.count == 1 ? "" : "s")"
            } ?? "scenario lever"),
            ("adjustment_speed (κ)", inp.adjustmentSpeed.text, from("adjustment_speed")),
            ("inventory_cover_weeks", inp.inventoryCoverWeeks.text, from("inventory_cover_weeks")),
            ("elasticity (aggregate)", inp.elasticity.text, from("elasticity")),
            ("baseline_growth_pct", inp.baselineGrowthPct.text, from("baseline_growth_pct")),
            ("baseline_asp_growth_pct", inp.baselineASPGrowthPct.text, from("baseline_asp_growth_pct")),
        ]
        for k in MemoryKind.allCases.prefix(inp.priceFits[.dram] == inp.priceFits[.nand].map({ var f = $0; f.kind = .dram; return f }) ? 1 : 2) {
            let f = inp.priceFits[k]!
            params.append(("price equation" + (inp.priceFits[.dram]!.observations == inp.priceFits[.nand]!.observations ? " (DRAM and NAND pooled)" : " \(k.rawValue)"),
                           String(format: "log points: α=%.2f β=%.2f δ=%.3f γ=%.2f σ=%.1f", f.model.interceptPct, f.model.momentum,
                                  f.model.reversion, f.model.gapCoefficient, f.model.residualSDPct)
                               // The shocks' scale: the RMS of m recursive (one-step-ahead) residuals, when there is one.
                               + (f.predictive.map { String(format: " σ_oos=%.1f (m=%d)", $0.sdPct, $0.count) } ?? ""),
                           "OLS, n=\(f.observations), R²=\(String(format: "%.2f", f.rSquared))" + (f.note.isEmpty ? "" : "; \(f.note)")))
            // How the equation's misses grew with quarters ahead, and whether this run's shocks follow them.
            if let h = f.horizon {
                params.append(("  k-step misses (k=1…\(h.counts.count))",
                               "RMS " + h.missRMSLP.map { String(format: "%.1f", $0) }.joined(separator: "/") + " lp (n="
                                   + h.counts.map(String.init).joined(separator: "/") + ")",
                               inp.priceShocks == .byHorizon ? "shocks ×\(h.text) from k=2 (shocks = \"by_horizon\")"
                                   : "not applied (shocks = \"one_step\")"))
            }
        }
        if inp.levers.trimDRAMPct > 0 { params.append(("trim_dram_pct", fmt(inp.levers.trimDRAMPct), "scenario lever")) }
        if inp.levers.shipLessPct > 0 { params.append(("ship_less_pct", fmt(inp.levers.shipLessPct), "scenario lever")) }
        return ForecastResult(asOf: inp.asOfLabel, scenario: inp.scenarioName, draws: draws, seed: seed,
                              quarterly: quarterly, annual: annual, derived: derived, priceInputs: priceRows,
                              parameters: params.map { (name: $0.0, value: $0.1, source: $0.2) }, notes: inp.notes,
                              extrapolationNotes: inp.extrapolationNotes, partCalls: inp.partCalls,
                              passThroughCalibration: inp.passThroughCalibration)
    }

    static func fmt(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(format: "%g", x) }
}

/// A pointer that may cross threads (each thread writes disjoint elements).
struct UnsafeSendable: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Double>
    init(_ p: UnsafeMutablePointer<Double>) { pointer = p }
}

/// A thread-safe running count.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func add(_ n: Int) -> Int { lock.lock(); defer { lock.unlock() }; value += n; return value }
}
