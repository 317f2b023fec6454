/// Stage 5 — segment volumes → SoC vendor shipments and shares.
///
///     Vᵥ(t) = Σₛ Sᵥ,ₛ · Qₛ(t),      shareᵥ(t) = Vᵥ(t) / Σᵥ Vᵥ(t)
///
/// `Sᵥ,ₛ` is the share of segment s's phones that carry vendor v's SoC (columns sum
/// to 1). Vendors differ in where they sell (UNISOC in entry phones, Apple only in
/// iPhones at the top), so uneven segment declines move vendor shares.
///
/// No tracker publishes the vendor × segment matrix. memcast starts from a prior
/// matrix (Datasets/soc_segment_mix.csv, an estimate with its reasoning) and rakes
/// it (iterative proportional fitting) so that the segments' volumes reproduce the
/// vendors' latest published shipment shares: the result is the matrix closest to
/// the prior, in the Kullback–Leibler sense, with those margins.
///
/// Design wins: a published change of which SoC goes into a named phone line after the base
/// year moves a share `w` of one segment's units from one vendor to another from that year on:
///
///     Vₐ(t) −= min(w, Sₐ,ₛ)·Qₛ(t),   V_b(t) += the same,     for year(t) ≥ the win's year
///
/// with `w = units moved / base-year units of the segment` (calibration.csv `soc_design_win.*`,
/// from the published line volume and chip split, e.g. Exynos in the Galaxy S26). The moved units
/// follow the segment's volume, so demand still acts on them.
///
/// Assumptions: the matrix is otherwise held at its base-year value over the horizon (no
/// trend in vendors' within-segment shares); one SoC per phone, so SoC shipments
/// move with phone shipments.
public struct VendorMix: Sendable, Equatable {
    /// A vendor change in one segment from a year on.
    public struct DesignWin: Sendable, Equatable {
        public var from: SoCVendor
        public var to: SoCVendor
        public var segment: Segment
        public var fromYear: Int
        /// w: share of the segment's units moved, 0…1.
        public var segmentShare: Double

        public init(from: SoCVendor, to: SoCVendor, segment: Segment, fromYear: Int, segmentShare: Double) {
            precondition(segmentShare >= 0 && segmentShare <= 1)
            self.from = from; self.to = to; self.segment = segment; self.fromYear = fromYear; self.segmentShare = segmentShare
        }
    }

    /// Sᵥ,ₛ: rows = `SoCVendor.allCases`, columns = `Segment.allCases`; columns sum to 1.
    public var shares: [[Double]]
    public var designWins: [DesignWin]

    public init(shares: [[Double]], designWins: [DesignWin] = []) {
        precondition(shares.count == SoCVendor.allCases.count)
        precondition(shares.allSatisfy { $0.count == Segment.allCases.count })
        self.shares = shares
        self.designWins = designWins
    }

    /// Vendor shipments from segment units: `Vᵥ = Σₛ Sᵥ,ₛ Qₛ`, then the design wins of years up to `year`
    /// (nil = none).
    ///
    /// Example: Qualcomm 40% and Samsung 5% of a segment of 100 units with a win of w = 3% from
    /// Qualcomm to Samsung → 37 and 8 units.
    public func vendorUnits(segmentUnits q: [Double], year: Int? = nil) -> [Double] {
        precondition(q.count == Segment.allCases.count)
        var v = shares.map { row in zip(row, q).reduce(0) { $0 + $1.0 * $1.1 } }
        guard let year else { return v }
        for w in designWins where w.fromYear <= year {
            let moved = Swift.min(w.segmentShare, shares[w.from.index][w.segment.index]) * q[w.segment.index]
            v[w.from.index] -= moved
            v[w.to.index] += moved
        }
        return v
    }

    /// Rakes `prior` (vendors × segments, non-negative) so that each segment column sums to
    /// 1 and the volume-weighted vendor totals equal `vendorShares` (renormalised to sum 1).
    ///
    /// Iterative proportional fitting on the cell volumes `Sᵥ,ₛ·vₛ`: alternately scale rows to
    /// the vendor targets and columns to the segment volumes until both margins agree within
    /// `tolerance`. A vendor with target 0 gets 0 everywhere; a vendor with a positive target
    /// but an all-zero prior row cannot be matched and throws.
    ///
    /// - Complexity: O(iterations · vendors · segments).
    public static func raked(prior: [[Double]], segmentVolumes v: [Double], vendorShares target: [Double],
                             tolerance: Double = 1e-10, maxIterations: Int = 10_000) throws -> VendorMix {
        let nv = SoCVendor.allCases.count, ns = Segment.allCases.count
        precondition(prior.count == nv && target.count == nv && v.count == ns)
        let vSum = v.reduce(0, +), tSum = target.reduce(0, +)
        precondition(vSum > 0 && tSum > 0)
        let vol = v.map { $0 / vSum }, tgt = target.map { $0 / tSum }
        for i in 0..<nv where tgt[i] > 0 && prior[i].allSatisfy({ $0 <= 0 }) {
            throw VendorMixError.unreachableTarget(SoCVendor.allCases[i])
        }
        // Cells: prior column shares times segment volume.
        var cell = (0..<nv).map { i in (0..<ns).map { j in Swift.max(prior[i][j], 0) * vol[j] } }
        for _ in 0..<maxIterations {
            for i in 0..<nv {
                let r = cell[i].reduce(0, +)
                let f = r > 0 ? tgt[i] / r : 0
                for j in 0..<ns { cell[i][j] *= f }
            }
            var worst = 0.0
            for j in 0..<ns {
                let c = (0..<nv).reduce(0) { $0 + cell[$1][j] }
                guard c > 0 else { throw VendorMixError.emptySegment(Segment.allCases[j]) }
                let f = vol[j] / c
                for i in 0..<nv { cell[i][j] *= f }
            }
            for i in 0..<nv { worst = Swift.max(worst, abs(cell[i].reduce(0, +) - tgt[i])) }
            if worst < tolerance {
                let shares = (0..<nv).map { i in (0..<ns).map { j in vol[j] > 0 ? cell[i][j] / vol[j] : 0 } }
                return VendorMix(shares: shares)
            }
        }
        throw VendorMixError.didNotConverge(maxIterations)
    }
}

/// Why a vendor matrix could not be raked to its margins.
public enum VendorMixError: Error, Equatable, CustomStringConvertible {
    case unreachableTarget(SoCVendor)
    case emptySegment(Segment)
    case didNotConverge(Int)

    public var description: String {
        switch self {
        case .unreachableTarget(let v):
            return "SoC vendor \(v.rawValue) has a published share but no segment in the prior matrix"
        case .emptySegment(let s): return "segment \(s.rawValue) has no SoC vendor in the prior matrix"
        case .didNotConverge(let n): return "vendor × segment raking did not converge in \(n) iterations"
        }
    }
}
