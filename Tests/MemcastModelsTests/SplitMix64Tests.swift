import Testing
import Foundation
@testable import MemcastModels

/// SplitMix64 must reproduce peer.py's generator bit for bit, so the benchmark's
/// `montecarlo` workload can be compared number for number.
@Suite struct SplitMix64Tests {
    @Test func firstOutputsMatchNumpyReference() throws {
        let f = try Fixture.json("montecarlo_reference")
        for (seed, key) in [(UInt64(0), "splitmix64_seed0_first5"), (7, "splitmix64_seed7_first5")] {
            var g = SplitMix64(seed: seed)
            let want = (f[key] as! [String]).map { UInt64($0)! }
            #expect((0..<5).map { _ in g.next() } == want)
        }
        // Well-known first output for seed 0.
        var z = SplitMix64(seed: 0)
        #expect(z.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test func uniformsAreTop53BitsScaled() throws {
        let f = try Fixture.json("montecarlo_reference")
        var g = SplitMix64(seed: 7)
        // Stored as repr strings: Foundation's JSON number reader on Linux is not correctly rounded.
        let want = (f["uniforms_seed7_first5"] as! [String]).map { Double($0)! }
        #expect((0..<5).map { _ in g.nextUniform() } == want)
    }

    /// Box–Muller pairs are standard normal: mean ≈ 0, variance ≈ 1 over 200,000 draws
    /// (standard errors 0.0022 and 0.0032; the bounds are ~4.5 standard errors).
    @Test func boxMullerMomentsAreStandardNormal() {
        var g = SplitMix64(seed: 42)
        var s = 0.0, s2 = 0.0
        let n = 100_000
        for _ in 0..<n {
            let (a, b) = g.nextNormalPair()
            s += a + b; s2 += a * a + b * b
        }
        let mean = s / Double(2 * n), variance = s2 / Double(2 * n) - mean * mean
        #expect(abs(mean) < 0.01)
        #expect(abs(variance - 1) < 0.015)
    }

    /// χ²_ν has mean ν and variance 2ν. Over 100,000 draws the standard error of the mean is √(2ν/N)
    /// and of the variance √((μ₄ − 4ν²)/N) with μ₄ = 12ν(ν + 4): ν = 1: 0.0045 and 0.034; ν = 5:
    /// 0.010 and 0.066; ν = 30: 0.024 and 0.29. The bounds are about 5 standard errors; counting
    /// one normal too many or too few (ν ± 1) misses the mean by 1.
    @Test(arguments: [(1, 0.025, 0.2), (5, 0.05, 0.35), (30, 0.12, 1.5)])
    func chiSquareMomentsAreNuAndTwoNu(nu: Int, meanBound: Double, varianceBound: Double) {
        var g = SplitMix64(seed: 99)
        let n = 100_000
        var s = 0.0, s2 = 0.0
        for _ in 0..<n {
            let x = g.nextChiSquare(degreesOfFreedom: nu)
            #expect(x >= 0)
            s += x; s2 += x * x
        }
        let mean = s / Double(n), variance = s2 / Double(n) - mean * mean
        #expect(abs(mean - Double(nu)) < meanBound, "ν = \(nu): mean \(mean)")
        #expect(abs(variance - 2 * Double(nu)) < varianceBound, "ν = \(nu): variance \(variance)")
    }

    /// χ²₃ is z₁² + z₂² + z₃² of the first two Box–Muller pairs (the last pair's second normal unused).
    @Test func chiSquareIsTheSumOfSquaredNormals() {
        var g = SplitMix64(seed: 4), h = SplitMix64(seed: 4)
        let (a, b) = h.nextNormalPair(), (c, _) = h.nextNormalPair()
        #expect(g.nextChiSquare(degreesOfFreedom: 3) == a * a + b * b + c * c)
        #expect(g.next() == h.next())
    }

    /// The variance stream is reproducible and is not any draw's main stream.
    @Test func varianceStreamIsReproducibleAndSeparate() {
        var a = SplitMix64.varianceStream(seed: 2026, index: 7), b = SplitMix64.varianceStream(seed: 2026, index: 7)
        let x = a.next()
        #expect(x == b.next())
        for i in UInt64(0)..<1000 {
            var m = SplitMix64.stream(seed: 2026, index: i)
            #expect(m.next() != x)
        }
        var other = SplitMix64.varianceStream(seed: 2027, index: 7)
        #expect(other.next() != x)
    }

    @Test func streamsAreReproducibleAndDistinct() {
        var a = SplitMix64.stream(seed: 1, index: 5), b = SplitMix64.stream(seed: 1, index: 5)
        var c = SplitMix64.stream(seed: 1, index: 6)
        let x = a.next()
        #expect(x == b.next())
        #expect(x != c.next())
    }

    /// The benchmark `montecarlo` workload (shared/bench/README.md) expressed with memcast's
    /// primitives reproduces numpy's quantiles for 20,000 draws to 1e-9 percent points.
    @Test func benchmarkMonteCarloWorkloadMatchesNumpy() throws {
        let f = try Fixture.json("montecarlo_reference")
        let ref = f["montecarlo_20000"] as! [String: Any]
        let draws = ref["draws"] as! Int
        let memShare = [0.16, 0.15, 0.13, 0.11, 0.09], dramShare = [0.62, 0.62, 0.64, 0.66, 0.66]
        let elast = [(-1.6, 0.15), (-1.3, 0.12), (-1.0, 0.10), (-0.8, 0.08), (-0.5, 0.06)]
        let vol = [0.22, 0.28, 0.24, 0.14, 0.12]
        var g = SplitMix64(seed: 7)
        var dasp = Array(repeating: [Double](repeating: 0, count: draws), count: 5)
        var dship = dasp
        var global = [Double](repeating: 0, count: draws)
        for d in 0..<draws {
            let u = (0..<5).map { _ in g.nextUniform() }
            let dram = 0.90 + 0.05 * u[0], nand = 0.55 + 0.05 * u[1]
            let (z1, z2) = SplitMix64.boxMuller(u[2], u[3])
            let theta = 0.80 + 0.10 * z1
            for s in 0..<5 {
                let dBOM = memShare[s] * (dramShare[s] * dram + (1 - dramShare[s]) * nand)
                let a = theta * dBOM
                let e = elast[s].0 + elast[s].1 * z2
                let q = exp(e * log1p(a)) - 1
                dasp[s][d] = 100 * a; dship[s][d] = 100 * q
                global[d] += vol[s] * q
            }
        }
        let segs = ref["segments"] as! [String: Any]
        for (s, name) in ["entry", "low_mid", "mid", "high", "premium"].enumerated() {
            let r = segs[name] as! [String: [Double]]
            let a = Quantiles.of(dasp[s], [0.05, 0.5, 0.95]), q = Quantiles.of(dship[s], [0.05, 0.5, 0.95])
            for k in 0..<3 {
                #expect(abs(a[k] - r["asp_pct"]![k]) < 1e-9, "\(name) asp q\(k)")
                #expect(abs(q[k] - r["shipments_pct"]![k]) < 1e-9, "\(name) shipments q\(k)")
            }
        }
        let gq = Quantiles.of(global.map { 100 * $0 }, [0.05, 0.5, 0.95])
        let gr = segs["global_shipments_pct"] as! [Double]
        for k in 0..<3 { #expect(abs(gq[k] - gr[k]) < 1e-9) }
    }

    /// The bootstrap's row draws reduce generator outputs mod n by Barrett reduction:
    /// it must equal `%` exactly — on generator outputs, around multiples of n and at
    /// the ends of the 64-bit range, for small, odd, even and huge n.
    @Test(arguments: [UInt64(1), 2, 3, 7, 19_937, 20_000, 1 << 32 + 1, UInt64.max / 3, UInt64.max])
    func barrettReductionIsExact(n: UInt64) {
        let modulus = Modulus(n)
        var g = SplitMix64(seed: n)
        var values: [UInt64] = (0..<20_000).map { _ in g.next() }
        values += [0, 1, UInt64.max, UInt64.max - 1, n - 1, n, n &+ 1]
        let k = UInt64.max / n
        for q in [k, k - 1, k / 2, 1] { values += [q &* n, q &* n &- 1, q &* n &+ 1] }
        for z in values { #expect(modulus.reduce(z) == z % n, "z = \(z)") }
    }
}
