import Foundation

extension SplitMix64 {
    /// A χ² draw with `ν` degrees of freedom: the sum of `ν` squared standard normals,
    /// `χ²_ν = Σᵢ₌₁..ν zᵢ²`, both normals of each Box–Muller pair used (`⌈ν/2⌉` pairs, the
    /// second of the last pair discarded when ν is odd). Mean ν, variance 2ν.
    ///
    /// Example: `var g = SplitMix64(seed: 1); g.nextChiSquare(degreesOfFreedom: 3)` is z₁² + z₂² + z₃².
    /// - Parameter nu: degrees of freedom ν, an integer ≥ 1 (here n − k of a fitted regression).
    /// - Complexity: O(ν).
    @inlinable
    public mutating func nextChiSquare(degreesOfFreedom nu: Int) -> Double {
        precondition(nu >= 1, "χ² needs at least one degree of freedom, got \(nu)")
        var sum = 0.0
        var left = nu
        while left > 0 {
            let (a, b) = nextNormalPair()
            sum += a * a
            if left > 1 { sum += b * b }
            left -= 2
        }
        return sum
    }

    /// The stream of residual-variance draws for draw `index` of a run seeded `seed`: a SplitMix64
    /// stream of its own, derived from the run seed with a fixed tag, so drawing σ² consumes
    /// nothing from draw `index`'s main stream (`stream(seed:index:)`), whose uniforms and normals
    /// stay exactly as they are without it.
    public static func varianceStream(seed: UInt64, index: UInt64) -> SplitMix64 {
        sideStream(tag: varianceStreamTag, seed: seed, index: index)
    }

    /// Draw `index`'s stream of a side quantity (σ², a call's miss) named by `tag`: the run seed mixed with the tag,
    /// then `stream(seed:index:)`, so each side stream is independent of the main one and of the others.
    static func sideStream(tag: UInt64, seed: UInt64, index: UInt64) -> SplitMix64 {
        var mixed = SplitMix64(seed: seed ^ tag)
        return stream(seed: mixed.next(), index: index)
    }

    /// Tag mixed into the seed of `varianceStream` ("sigma²" in ASCII).
    @usableFromInline static let varianceStreamTag: UInt64 = 0x0073_6967_6D61_B2
}
