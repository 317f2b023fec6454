import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, fast, reproducible 64-bit generator.
///
/// Each call: `state += 0x9E3779B97F4A7C15`; `z = state`;
/// `z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9`; `z = (z ^ (z >> 27)) * 0x94D049BB133111EB`;
/// return `z ^ (z >> 31)` (all arithmetic mod 2⁶⁴). The first output therefore uses
/// `state = seed + gamma`, matching the rules of the benchmark's `montecarlo` workload,
/// so memcast's draws can be compared number for number with numpy.
///
/// ```swift
/// var g = SplitMix64(seed: 7)
/// let u = g.nextUniform()        // (z >> 11) · 2⁻⁵³ ∈ [0, 1)
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// Internal state (the seed before the first call).
    @usableFromInline var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The generator seeded `seed` after `outputs` calls, in O(1): the state only ever
    /// adds the constant gamma, so skipping k outputs adds k·gamma. This lets parallel
    /// batches start exactly where a single sequential stream would be
    /// (`SplitMix64(seed: s, skipping: 5·d)` yields output 5d+1 next).
    public init(seed: UInt64, skipping outputs: UInt64) {
        state = seed &+ outputs &* 0x9E37_79B9_7F4A_7C15
    }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1): the top 53 bits, `(z >> 11) · 2⁻⁵³`.
    @inlinable
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Two independent standard normals from two uniforms by Box–Muller:
    /// `r = √(−2 log1p(−u₁))`, `z₁ = r cos 2πu₂`, `z₂ = r sin 2πu₂`.
    /// (`1 − u₁` ∈ (0, 1] so the logarithm is finite.)
    @inlinable
    public mutating func nextNormalPair() -> (Double, Double) {
        let u1 = nextUniform(), u2 = nextUniform()
        return SplitMix64.boxMuller(u1, u2)
    }

    /// The Box–Muller map used by `nextNormalPair`, exposed for the benchmark layout.
    @inlinable
    public static func boxMuller(_ u1: Double, _ u2: Double) -> (Double, Double) {
        let r = (-2 * Foundation.log1p(-u1)).squareRoot()
        let a = 2 * Double.pi * u2
        return (r * Foundation.cos(a), r * Foundation.sin(a))
    }

    /// A standard normal (the first of a Box–Muller pair; the second is discarded).
    @inlinable
    public mutating func nextNormal() -> Double { nextNormalPair().0 }

    /// A uniform double in [low, high].
    @inlinable
    public mutating func nextUniform(in low: Double, _ high: Double) -> Double {
        low + (high - low) * nextUniform()
    }

    /// A generator for stream `index` of a run seeded `seed`: streams are independent and
    /// the result does not depend on how many streams exist (draw d uses stream d).
    public static func stream(seed: UInt64, index: UInt64) -> SplitMix64 {
        // One SplitMix64 step decorrelates consecutive indices before they become seeds.
        var mixer = SplitMix64(seed: seed ^ (index &* 0xD1B5_4A32_D192_ED03))
        return SplitMix64(seed: mixer.next())
    }
}
