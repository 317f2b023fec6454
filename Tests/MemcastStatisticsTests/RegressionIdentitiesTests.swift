import Foundation
import Testing
import MemcastNumerics
@testable import MemcastStatistics

/// Identities every least-squares fit must satisfy, on seeded random data.
@Suite struct RegressionIdentitiesTests {
    /// SplitMix64 → uniform (0, 1) → normal by Box–Muller; deterministic across platforms.
    struct Generator {
        var state: UInt64
        mutating func uniform() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return (Double((z ^ (z >> 31)) >> 11) + 0.5) / 9_007_199_254_740_992
        }
        mutating func normal() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * .pi * uniform()) }
    }

    static func data(n: Int = 120, seed: UInt64 = 7) -> DataFrame {
        var g = Generator(state: seed)
        let x1 = (0..<n).map { _ in g.normal() }
        let x2 = (0..<n).map { _ in 3 + 2 * g.normal() }
        let seg = (0..<n).map { _ in ["entry", "mid", "premium"][Int(g.uniform() * 3)] }
        let y = (0..<n).map { i in 1 + 2 * x1[i] - 0.5 * x2[i] + (seg[i] == "mid" ? 0.8 : 0) + (1 + abs(x1[i])) * g.normal() }
        let w = (0..<n).map { _ in 0.5 + g.uniform() }
        var df = DataFrame()
        try! df.append("y", .numeric(y))
        try! df.append("x1", .numeric(x1))
        try! df.append("x2", .numeric(x2))
        try! df.append("seg", .categorical(CategoricalColumn(seg)))
        try! df.append("w", .numeric(w))
        try! df.append("x1copy", .numeric(x1.map { 2 * $0 + 1 }))
        return df
    }

    static func close(_ a: Double, _ b: Double, _ tol: Double = 1e-10) -> Bool { abs(a - b) <= tol * max(1, abs(b)) }

    /// A weights or cluster column missing from the data is named with its role, not pointed at in the formula.
    @Test func missingWeightsOrClusterColumnIsNamed() throws {
        #expect(throws: DesignError.missingColumn("wt", role: "weights", available: Self.data().names)) {
            _ = try WLS.fit("y ~ x1", data: Self.data(), weights: "wt")
        }
        #expect(throws: DesignError.missingColumn("firm", role: "cluster ids", available: Self.data().names)) {
            _ = try OLS.fit("y ~ x1", data: Self.data(), options: FitOptions(covariance: .cluster(column: "firm")))
        }
        #expect(DesignError.missingColumn("wt", role: "weights", available: ["y", "x"]).description
                == "no column 'wt' (weights); available: y, x")
    }

    /// Xβ̂ + e = y, and with a constant ESS + SSR = TSS (so R² = ESS/TSS).
    @Test func fittedPlusResidualIsResponseAndSumsOfSquaresAdd() throws {
        let r = try OLS.fit("y ~ x1 + x2 + C(seg)", data: Self.data())
        for i in 0..<r.nobs { #expect(Self.close(r.fitted[i] + r.residuals[i], r.response[i], 1e-13)) }
        #expect(Self.close(r.ess + r.ssr, r.centeredTSS, 1e-12))
        #expect(Self.close(r.rsquared, r.ess / r.centeredTSS, 1e-12))
        // Residuals are orthogonal to every column: Xᵀe = 0.
        let xte = try r.designMatrix.times(r.residuals, .transpose)
        for v in xte { #expect(abs(v) < 1e-9) }
    }

    /// The QR and SVD solves give the same fit.
    @Test func qrAndSVDAgree() throws {
        let qr = try OLS.fit("y ~ x1 + x2 + C(seg)", data: Self.data())
        let svd = try OLS.fit("y ~ x1 + x2 + C(seg)", data: Self.data(), options: FitOptions(method: .svd))
        for (a, b) in zip(qr.params, svd.params) { #expect(Self.close(a, b, 1e-11)) }
        for (a, b) in zip(qr.bse, svd.bse) { #expect(Self.close(a, b, 1e-10)) }
    }

    /// A column that is an affine function of another is aliased: rank < k, NaN coefficient,
    /// listed in `aliased`, a numbered note, and the fit equals the fit without it.
    @Test func collinearColumnIsAliasedAndNoted() throws {
        let r = try OLS.fit("y ~ x1 + x2 + x1copy", data: Self.data())
        #expect(r.rank == 3 && r.terms.count == 4)
        #expect(r.aliased == ["x1copy"])
        #expect(r.params[3].isNaN && r.bse[3].isNaN)
        #expect(r.notes.contains { $0.contains("Aliased") && $0.contains("x1copy") })
        #expect(r.summary().contains("(aliased)"))
        let reduced = try OLS.fit("y ~ x1 + x2", data: Self.data())
        for j in 0..<3 { #expect(Self.close(r.params[j], reduced.params[j], 1e-10)) }
        #expect(Self.close(r.rsquared, reduced.rsquared, 1e-12))
        #expect(r.json().contains("\"aliased\": [\"x1copy\"]"))
    }

    /// WLS with unit weights is OLS; WLS equals OLS on √w-scaled data.
    @Test func unitWeightsGiveOLS() throws {
        var df = Self.data()
        try df.set("w", .numeric([Double](repeating: 1, count: df.rowCount)))
        let w = try WLS.fit("y ~ x1 + x2", data: df, weights: "w")
        let o = try OLS.fit("y ~ x1 + x2", data: df)
        for (a, b) in zip(w.params + w.bse + [w.rsquared, w.llf, w.fvalue!], o.params + o.bse + [o.rsquared, o.llf, o.fvalue!]) {
            #expect(Self.close(a, b, 1e-12))
        }
    }

    /// Ridge with λ = 0 is OLS (edf = k); larger λ shrinks the penalized coefficients and the edf,
    /// never the intercept's freedom (edf > 1).
    @Test func ridgeLimits() throws {
        let o = try OLS.fit("y ~ x1 + x2", data: Self.data())
        let r0 = try Ridge.fit("y ~ x1 + x2", data: Self.data(), lambda: 0)
        #expect(Self.close(r0.effectiveDF!, 3, 1e-12))
        for (a, b) in zip(r0.params, o.params) { #expect(Self.close(a, b, 1e-10)) }
        var previous = (edf: 3.0, norm: o.params[1] * o.params[1] + o.params[2] * o.params[2])
        for lambda in [1.0, 10, 100, 1e4, 1e8] {
            let r = try Ridge.fit("y ~ x1 + x2", data: Self.data(), lambda: lambda)
            let norm = r.params[1] * r.params[1] + r.params[2] * r.params[2]
            #expect(r.effectiveDF! < previous.edf && norm < previous.norm)
            #expect(r.effectiveDF! > 1)
            previous = (r.effectiveDF!, norm)
        }
        #expect(throws: FitError.self) { try Ridge.fit("y ~ x1", data: Self.data(), lambda: -1) }
        #expect(throws: FitError.self) { try Ridge.fit("y ~ x1", data: Self.data(), lambda: 1, options: FitOptions(covariance: .hc1)) }
    }

    /// HAC with 0 lags and no correction is HC0; HC1 = HC0·n/(n − k).
    @Test func covarianceSpecialCases() throws {
        let df = Self.data()
        let hc0 = try OLS.fit("y ~ x1 + x2", data: df, options: FitOptions(covariance: .hc0))
        let hac0 = try OLS.fit("y ~ x1 + x2", data: df, options: FitOptions(covariance: .hac(lags: 0, smallSampleCorrection: false)))
        let hc1 = try OLS.fit("y ~ x1 + x2", data: df, options: FitOptions(covariance: .hc1))
        let f = Double(hc0.nobs) / hc0.dfResid
        for j in 0..<3 {
            #expect(Self.close(hc0.bse[j], hac0.bse[j], 1e-12))
            #expect(Self.close(hc1.bse[j] * hc1.bse[j], f * hc0.bse[j] * hc0.bse[j], 1e-12))
        }
        // Newey–West's automatic lags: ⌊4·(n/100)^(2/9)⌋ = 4 for n = 120.
        let auto = try OLS.fit("y ~ x1", data: df, options: FitOptions(covariance: .hac(lags: nil, smallSampleCorrection: true)))
        #expect(auto.hacLags == 4)
    }

    /// HAC lags must be fewer than the rows; more than n/4 fits with a warning naming the rule of thumb.
    @Test func hacLagsBoundedByRows() throws {
        let df = Self.data(n: 40)
        #expect(throws: FitError.tooManyHACLags(lags: 40, rows: 40)) {
            try OLS.fit("y ~ x1", data: df, options: FitOptions(covariance: .hac(lags: 40, smallSampleCorrection: true)))
        }
        let many = try OLS.fit("y ~ x1", data: df, options: FitOptions(covariance: .hac(lags: 11, smallSampleCorrection: true)))
        #expect(many.warnings.contains { $0.contains("11 lags on 40 rows") && $0.contains("= 3 lags for n = 40") })
        let few = try OLS.fit("y ~ x1", data: df, options: FitOptions(covariance: .hac(lags: 10, smallSampleCorrection: true)))
        #expect(few.warnings.isEmpty)
    }

    /// Prediction at the fitted rows reproduces the fitted values; the observation interval
    /// contains the mean interval.
    @Test func predictionAtSampleRowsIsFitted() throws {
        let df = Self.data()
        let r = try OLS.fit("y ~ x1 + x2 + C(seg)", data: df)
        let p = try r.predict(df)
        #expect(p.predictions.count == r.nobs)
        for (pred, fit) in zip(p.predictions, r.fitted) {
            #expect(Self.close(pred.mean, fit, 1e-12))
            #expect(pred.obsCILower < pred.meanCILower && pred.meanCIUpper < pred.obsCIUpper)
        }
    }

    /// Without an intercept R² is uncentred and the summary says so; a full set of dummies
    /// implies a constant (statsmodels' rule), so R² is centred again.
    @Test func constantDetection() throws {
        let noConst = try OLS.fit("y ~ x1 + x2 - 1", data: Self.data())
        #expect(noConst.kConstant == 0)
        #expect(Self.close(noConst.rsquared, 1 - noConst.ssr / noConst.uncenteredTSS, 1e-13))
        #expect(noConst.notes.first?.contains("uncentred") == true)
        let implied = try OLS.fit("y ~ C(seg) + x1 - 1", data: Self.data())
        #expect(implied.kConstant == 1)
        let withIntercept = try OLS.fit("y ~ C(seg) + x1", data: Self.data())
        #expect(Self.close(implied.rsquared, withIntercept.rsquared, 1e-12))
        // With only an implied constant statsmodels gives no robust F.
        let robust = try OLS.fit("y ~ C(seg) + x1 - 1", data: Self.data(), options: FitOptions(covariance: .hc1))
        #expect(robust.fvalue == nil)
    }

    @Test func badSettingsAndWeights() throws {
        var df = Self.data()
        #expect(throws: FitError.invalidAlpha(1.5)) { try OLS.fit("y ~ x1", data: df, options: FitOptions(alpha: 1.5)) }
        var w = df["w"]!.numericValues!
        w[3] = -1
        try df.set("w", .numeric(w))
        #expect(throws: DesignError.badWeight(column: "w", value: -1, origin: "row 4")) { try WLS.fit("y ~ x1", data: df, weights: "w") }
        var one = DataFrame()
        try one.append("y", .numeric([1, 2, 3, 4]))
        try one.append("x", .numeric([1, 3, 2, 5]))
        try one.append("g", .numeric([1, 1, 1, 1]))
        #expect(throws: FitError.tooFewClusters(column: "g", groups: 1)) {
            try OLS.fit("y ~ x", data: one, options: FitOptions(covariance: .cluster(column: "g")))
        }
    }

    /// An exact fit (Wampler1-like y = 1 + x + x²) still returns: zero residuals and SEs,
    /// infinite t (null in JSON), and a note saying the tests are undefined.
    @Test func exactFitIsReportedNotHidden() throws {
        var df = DataFrame()
        try df.append("x", .numeric([0, 1, 2, 3, 4, 5]))
        try df.append("y", .numeric([1, 3, 7, 13, 21, 31]))
        let r = try OLS.fit("y ~ x + I(x^2)", data: df)
        #expect(r.ssr == 0 && r.bse.allSatisfy { $0 == 0 })
        #expect(r.params.allSatisfy { Self.close($0, 1, 1e-14) })
        #expect(r.notes.contains { $0.contains("exact") })
        #expect(r.json().contains("\"tvalues\": {\n    \"Intercept\": null"))
        _ = r.summary()
    }
}
