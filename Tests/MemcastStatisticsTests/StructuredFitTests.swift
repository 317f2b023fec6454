import Foundation
import Testing
import MemcastNumerics
@testable import MemcastStatistics

/// Fits of designs with categorical terms go through the structured path (Gram from
/// the level codes, no n×k matrix); they must report what the dense path reports.
/// The dense reference is the same fit with `method: .svd`, which always
/// materialises the design and factors it by SVD.
@Suite struct StructuredFitTests {
    typealias Generator = RegressionIdentitiesTests.Generator

    /// n rows: two numeric columns, three factors (5, 7 and 12 levels; level "c0" of
    /// `big` never occurs, so its sorted levels start at "c1"), heteroskedastic noise,
    /// positive weights.
    static func frame(n: Int = 6_000, seed: UInt64 = 21) -> DataFrame {
        var g = Generator(state: seed)
        let x1 = (0..<n).map { _ in 50 + 10 * g.normal() }
        let x2 = (0..<n).map { _ in g.uniform() }
        let seg = (0..<n).map { _ in ["entry", "low", "mid", "high", "top"][Int(g.uniform() * 5)] }
        let reg = (0..<n).map { _ in "r\(Int(g.uniform() * 7))" }
        let big = (0..<n).map { _ in "c\(1 + Int(g.uniform() * 12))" }
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let segmentEffect: Double = seg[i] == "mid" ? 0.4 : 0
            let regionEffect: Double = reg[i] == "r3" ? -0.2 : 0
            let bigEffect = 0.01 * Double(big[i].count)
            let noise = (0.2 + x2[i]) * g.normal()
            y[i] = 2 + 0.03 * x1[i] - 1.5 * x2[i] + segmentEffect + regionEffect + bigEffect + noise
        }
        let w = (0..<n).map { _ in 0.5 + g.uniform() }
        var df = DataFrame()
        try! df.append("y", .numeric(y))
        try! df.append("x1", .numeric(x1))
        try! df.append("x2", .numeric(x2))
        try! df.append("seg", .categorical(CategoricalColumn(seg)))
        try! df.append("reg", .categorical(CategoricalColumn(reg)))
        try! df.append("big", .categorical(CategoricalColumn(big)))
        try! df.append("w", .numeric(w))
        return df
    }

    static let formula = "y ~ x1 + x2 + C(seg) + C(reg) + C(big)"

    static func isStructured(_ r: RegressionResults) -> Bool {
        if case .structured = r.exog { return true }
        return false
    }

    /// Relative difference scaled by the larger magnitude (and at least `floor`).
    static func rel(_ a: Double, _ b: Double, floor: Double = 0) -> Double {
        abs(a - b) / max(abs(a), abs(b), floor)
    }

    /// Structured and dense fits agree for OLS and WLS under every covariance the
    /// structured path computes itself (nonrobust, HC0–HC3): coefficients to 1e-12
    /// (relative to |β| + se), standard errors, R², log-likelihood, AIC, BIC to 1e-11,
    /// condition number to 1e-9 (Gram eigenvalues versus SVD: error ≈ κₛ²·ε).
    @Test(arguments: [CovarianceType.nonrobust, .hc0, .hc1, .hc2, .hc3], [false, true])
    func matchesTheDensePath(covariance: CovarianceType, weighted: Bool) throws {
        let df = Self.frame()
        func fit(_ method: LeastSquaresMethod) throws -> RegressionResults {
            let options = FitOptions(method: method, covariance: covariance)
            return weighted ? try WLS.fit(Self.formula, data: df, weights: "w", options: options)
                            : try OLS.fit(Self.formula, data: df, options: options)
        }
        let s = try fit(.qr), d = try fit(.svd)
        #expect(Self.isStructured(s))
        #expect(!Self.isStructured(d))
        #expect(s.terms == d.terms && s.terms.count == 3 + 4 + 6 + 11)
        #expect(s.aliased.isEmpty && s.warnings == d.warnings)
        for j in s.terms.indices {
            #expect(abs(s.params[j] - d.params[j]) <= 1e-12 * (abs(d.params[j]) + d.bse[j]), "\(s.terms[j])")
            #expect(Self.rel(s.bse[j], d.bse[j]) <= 1e-11, "se \(s.terms[j])")
        }
        for (a, b) in [(s.rsquared, d.rsquared), (s.rsquaredAdj, d.rsquaredAdj), (s.llf, d.llf), (s.aic, d.aic),
                       (s.bic, d.bic), (s.ssr, d.ssr), (s.fvalue ?? .nan, d.fvalue ?? .nan)] {
            #expect(Self.rel(a, b) <= 1e-11, "\(a) vs \(b)")
        }
        #expect(Self.rel(s.conditionNumber, d.conditionNumber) <= 1e-9)
        #expect(Self.rel(s.smallestEigenvalue, d.smallestEigenvalue) <= 1e-9)
        for i in stride(from: 0, to: s.nobs, by: 97) {
            #expect(abs(s.fitted[i] - d.fitted[i]) <= 1e-12 * max(1, abs(d.fitted[i])))
        }
        // Diagnostics that need X itself materialise it and agree too.
        let vs = s.vif, vd = d.vif
        for j in s.terms.indices { #expect(Self.rel(vs[j] ?? 0, vd[j] ?? 0, floor: 1) <= 1e-9) }
        #expect(Self.rel(s.breuschPagan!.lm, d.breuschPagan!.lm) <= 1e-9)
    }

    /// Columns that are neither the intercept, a numeric term nor a lone categorical
    /// term (here an interaction x1:C(seg)) stay dense inside the structured design;
    /// HAC and cluster covariances (which need X̃ row by row) materialise it. Both agree
    /// with the dense path.
    @Test(arguments: [CovarianceType.hc1, .hac(lags: 3, smallSampleCorrection: true), .cluster(column: "reg")])
    func interactionsAndRowwiseCovariances(covariance: CovarianceType) throws {
        let df = Self.frame(n: 3_000, seed: 8)
        let formula = "y ~ x1 + x1:C(seg) + C(reg) + C(big)"
        let s = try OLS.fit(formula, data: df, options: FitOptions(covariance: covariance))
        let d = try OLS.fit(formula, data: df, options: FitOptions(method: .svd, covariance: covariance))
        #expect(Self.isStructured(s))
        for j in s.terms.indices {
            #expect(abs(s.params[j] - d.params[j]) <= 1e-12 * (abs(d.params[j]) + d.bse[j]), "\(s.terms[j])")
            #expect(Self.rel(s.bse[j], d.bse[j]) <= 1e-11, "se \(s.terms[j])")
        }
    }

    /// A factor nested in another (every `reg` level inside one `zone`) makes the
    /// indicator blocks collinear: the structured path declines, the dense path aliases
    /// the later columns, and the result is exactly the dense fit's.
    @Test func aliasedLevelsFallBackToTheDensePath() throws {
        var df = Self.frame(n: 2_000, seed: 3)
        let reg = df["reg"]!.categoricalValues!
        let zone = (0..<df.rowCount).map { i -> String in
            let r = Int(reg.levels[Int(reg.codes[i])].dropFirst())!
            return r < 3 ? "north" : "south"
        }
        try df.append("zone", .categorical(CategoricalColumn(zone)))
        let formula = "y ~ x1 + C(zone) + C(reg)"
        let s = try OLS.fit(formula, data: df, options: FitOptions(covariance: .hc1))
        #expect(!Self.isStructured(s))
        #expect(s.aliased.count == 1)
        let design = try DesignMatrix(formula: Formula(parsing: formula), data: df)
        let qr = try LeastSquares.solve(design.x, design.y, columnNames: design.spec.columnNames)
        #expect(s.aliased == qr.aliasedNames)
        #expect(s.rank == qr.rank)
    }

    /// Without an intercept, a factor coded with every level has the constant in its
    /// column space: centred R², as the dense rank test finds.
    @Test func fullCodingImpliesAConstant() throws {
        let df = Self.frame(n: 1_500, seed: 5)
        let s = try OLS.fit("y ~ C(seg) + x1 - 1", data: df)
        let d = try OLS.fit("y ~ C(seg) + x1 - 1", data: df, options: FitOptions(method: .svd))
        #expect(Self.isStructured(s))
        #expect(s.kConstant == 1 && d.kConstant == 1)
        #expect(Self.rel(s.rsquared, d.rsquared) <= 1e-11)
    }

    /// Bootstrap replications from the codes give the dense replications' estimates, on
    /// the same draws; a resample missing a level falls back to the dense solve (that
    /// level's coefficient NaN in both).
    @Test func bootstrapMatchesTheDenseReplications() throws {
        let df = Self.frame(n: 1_200, seed: 13)
        let design = try DesignMatrix(formula: Formula(parsing: "y ~ x1 + C(seg) + C(reg)"), data: df)
        let n = design.y.count
        let segment = design.structure.factors[0].codes
        let other = (0..<n).first { segment[$0] != 2 }!
        let draw: @Sendable (Int, UnsafeMutableBufferPointer<Int>) -> Void = { b, idx in
            var s = UInt64(b + 1) &* 0x9E37_79B9_7F4A_7C15
            for i in 0..<n { s = s &* 6364136223846793005 &+ 1; idx[i] = Int((s >> 33) % UInt64(n)) }
            if b == 3 {  // no row at segment level 2
                for i in 0..<n where segment[idx[i]] == 2 { idx[i] = other }
            }
        }
        let s1 = try PairsBootstrap.coefficients(design: design.structure, y: design.y, replications: 12, threads: 1, resample: draw)
        let s2 = try PairsBootstrap.coefficients(design: design.structure, y: design.y, replications: 12, threads: 2, resample: draw)
        let d = try PairsBootstrap.coefficients(x: design.x, y: design.y, replications: 12, threads: 1, resample: draw)
        #expect(s1.storage.elementsEqual(s2.storage) { $0 == $1 || ($0.isNaN && $1.isNaN) })
        var nan = 0
        for b in 0..<12 {
            for j in 0..<design.structure.cols {
                let a = s1[b, j], c = d[b, j]
                if c.isNaN { #expect(a.isNaN); nan += 1; continue }
                #expect(abs(a - c) <= 1e-11 * max(1, abs(c)), "replication \(b), column \(j)")
            }
        }
        #expect(nan == 1)
    }
}
