import Foundation
import MemcastNumerics

/// The `montecarlo` benchmark workload (bench/README.md): a memory-price shock pushed
/// through cost share → pass-through → elasticity for five segments, 1,000,000 draws.
///
/// Per draw d the uniforms u₀…u₄ are SplitMix64(seed) outputs 5d+1…5d+5 (`(z >> 11)·2⁻⁵³`):
///
///     dram = 0.90 + 0.05·u₀            nand = 0.55 + 0.05·u₁        (price changes, share)
///     z₁, z₂ = Box–Muller(u₂, u₃)      θ = 0.80 + 0.10·z₁              (pass-through)
///     per segment s:  dBOM = mₛ(wₛ·dram + (1 − wₛ)·nand),  dASP = θ·dBOM
///                     εₛ = meanₛ + sdₛ·z₂,  dShip = (1 + dASP)^εₛ − 1 = exp(εₛ·ln(1 + dASP)) − 1
///     global = Σₛ vₛ·dShipₛ
///
/// and the report is the 5%, 50%, 95% quantiles (numpy linear) of each, in percent.
/// Draws run in batches on `threads` cores; every batch starts its generator at its
/// first draw's offset, so the numbers do not depend on the thread count.
public struct MonteCarloBenchmark: Sendable {
    /// The five segments in report order.
    public static let segmentNames = ["entry", "low_mid", "mid", "high", "premium"]
    /// mₛ: memory share of BOM, 0…1.
    static let memoryShare = [0.16, 0.15, 0.13, 0.11, 0.09]
    /// wₛ: DRAM share of memory cost, 0…1.
    static let dramShare = [0.62, 0.62, 0.64, 0.66, 0.66]
    /// εₛ mean and standard deviation.
    static let elasticity: [(mean: Double, sd: Double)] = [(-1.6, 0.15), (-1.3, 0.12), (-1.0, 0.10), (-0.8, 0.08), (-0.5, 0.06)]
    /// vₛ: volume share, sums to 1.
    static let volumeShare = [0.22, 0.28, 0.24, 0.14, 0.12]

    /// Quantiles of one segment, in percent.
    public struct SegmentResult: Sendable, Equatable {
        /// 5%, 50%, 95% of dASP·100.
        public var aspPct: [Double]
        /// 5%, 50%, 95% of dShip·100.
        public var shipmentsPct: [Double]
    }

    public var draws: Int
    /// Per segment, in `segmentNames` order.
    public var segments: [SegmentResult]
    /// 5%, 50%, 95% of the volume-weighted shipment change, percent.
    public var globalShipmentsPct: [Double]

    /// Number of outputs per draw: dASP and dShip for 5 segments, then global.
    static let metrics = 11
    /// Draws per batch (a batch is the unit of parallel work).
    static let batch = 16_384

    /// Runs the workload.
    /// - Parameters: draws ≥ 1 (default 1,000,000); seed (default 7); threads ≥ 1.
    /// - Complexity: O(draws) time, 11 doubles of memory per draw.
    public static func run(draws: Int = 1_000_000, seed: UInt64 = 7, threads: Int = 1) -> MonteCarloBenchmark {
        precondition(draws > 0)
        // Column-major outputs: metric k of all draws is contiguous (for the quantiles).
        let out = UnsafeMutablePointer<Double>.allocate(capacity: metrics * draws)
        defer { out.deallocate() }
        let shared = SendablePointer(out)
        let batches = (draws + batch - 1) / batch
        ParallelLoop.run(iterations: batches, threads: threads) { b in
            let lo = b * batch, hi = min(draws, lo + batch)
            simulate(draws: lo..<hi, total: draws, seed: seed, into: shared.pointer)
        }
        // Quantiles per output column, columns in parallel (selection reorders in place).
        var q = [[Double]](repeating: [], count: metrics)
        let qs = SendableBox(q)
        ParallelLoop.run(iterations: metrics, threads: threads) { k in
            let column = UnsafeMutableBufferPointer(start: shared.pointer + k * draws, count: draws)
            let v = Quantiles.inPlace(column, [0.05, 0.5, 0.95]).map { 100 * $0 }
            qs.set(k, v)
        }
        q = qs.values
        let segments = (0..<5).map { SegmentResult(aspPct: q[$0], shipmentsPct: q[5 + $0]) }
        return MonteCarloBenchmark(draws: draws, segments: segments, globalShipmentsPct: q[10])
    }

    /// Fills the outputs of `range` (column-major, `total` draws per column).
    static func simulate(draws range: Range<Int>, total: Int, seed: UInt64, into out: UnsafeMutablePointer<Double>) {
        var g = SplitMix64(seed: seed, skipping: UInt64(5 * range.lowerBound))
        // Per-segment constants hoisted (same expressions as the formulas above).
        let m = memoryShare, w = dramShare, v = volumeShare
        let em = elasticity.map(\.mean), es = elasticity.map(\.sd)
        for d in range {
            let u0 = g.nextUniform(), u1 = g.nextUniform(), u2 = g.nextUniform(), u3 = g.nextUniform()
            _ = g.next()  // u₄: drawn so that draw d always starts at output 5d+1
            let dram = 0.90 + 0.05 * u0, nand = 0.55 + 0.05 * u1
            let (z1, z2) = SplitMix64.boxMuller(u2, u3)
            let theta = 0.80 + 0.10 * z1
            var global = 0.0
            for s in 0..<5 {
                let dBOM = m[s] * (w[s] * dram + (1 - w[s]) * nand)
                let dASP = theta * dBOM
                let e = em[s] + es[s] * z2
                let dShip = Foundation.exp(e * Foundation.log1p(dASP)) - 1
                global += v[s] * dShip
                out[s * total + d] = dASP
                out[(5 + s) * total + d] = dShip
            }
            out[10 * total + d] = global
        }
    }
}

/// A pointer handed to parallel workers that write disjoint elements.
struct SendablePointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ p: UnsafeMutablePointer<T>) { pointer = p }
}

/// Slots written by parallel workers (one slot per iteration), read after they finish.
final class SendableBox<T>: @unchecked Sendable {
    private(set) var values: [T]
    private let lock = NSLock()
    init(_ values: [T]) { self.values = values }
    func set(_ i: Int, _ v: T) { lock.lock(); values[i] = v; lock.unlock() }
}
