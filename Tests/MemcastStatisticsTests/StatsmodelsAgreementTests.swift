import Foundation
import Testing
@testable import MemcastStatistics

/// memcast's OLS/WLS/ridge against statsmodels 0.15 (ridge: numpy from the normal
/// equations), every reported quantity to 1e-8 relative. The reference values come
/// from Fixtures/statsmodels/make_fixtures.py, run once; the data are in the fixtures.
@Suite struct StatsmodelsAgreementTests {
    static let tolerance = 1e-8

    private func covariance(_ key: String) -> CovarianceType {
        switch key {
        case "HC0": return .hc0
        case "HC1": return .hc1
        case "HC2": return .hc2
        case "HC3": return .hc3
        case "HAC4": return .hac(lags: 4, smallSampleCorrection: true)
        case "HAC4_nocorrection": return .hac(lags: 4, smallSampleCorrection: false)
        case "cluster": return .cluster(column: "g")
        default: return .nonrobust
        }
    }

    private func fit(_ f: StatsmodelsFixture, _ key: String, alpha: Double = 0.05) throws -> RegressionResults {
        var options = FitOptions(covariance: covariance(key), alpha: alpha)
        if let e = f.json["entity"] as? String {
            options.panel = PanelOptions(entity: e, period: f.json["period"] as? String, periodKey: StatsmodelsFixture.quarters)
        }
        if let lambda = f.json["lambda"] as? Double {
            return try Ridge.fit(f.formula, data: f.data, lambda: lambda, options: options)
        }
        if let w = f.json["weights"] as? String {
            return try WLS.fit(f.formula, data: f.data, weights: w, options: options)
        }
        return try OLS.fit(f.formula, data: f.data, options: options)
    }

    private func compareInference(_ r: RegressionResults, _ expected: [String: Any], _ a: inout Agreement, _ label: String) {
        a.checkMap("\(label) params", r.terms, r.params, expected["params"])
        a.checkMap("\(label) bse", r.terms, r.bse, expected["bse"])
        a.checkMap("\(label) tvalues", r.terms, r.tvalues, expected["tvalues"])
        a.checkMap("\(label) pvalues", r.terms, r.pvalues, expected["pvalues"])
        let ci = expected["conf_int"] as! [String: [Double]]
        for (t, c) in zip(r.terms, r.confInt) {
            a.check("\(label) conf_int[\(t)].lower", c.lower, ci[t]?[0])
            a.check("\(label) conf_int[\(t)].upper", c.upper, ci[t]?[1])
        }
        if expected["fvalue"] != nil {
            a.check("\(label) fvalue", r.fvalue, expected["fvalue"])
            a.check("\(label) f_pvalue", r.fPValue, expected["f_pvalue"])
        }
        if let useT = expected["use_t"] as? Bool { #expect(r.useT == useT, "\(label) use_t") }
    }

    private func comparePredictions(_ p: PredictionSet, _ expected: Any?, _ a: inout Agreement, _ label: String) {
        let rows = expected as! [[String: Double]]
        #expect(p.predictions.count == rows.count, "\(label): \(p.predictions.count) predictions, statsmodels \(rows.count)")
        for (i, (got, want)) in zip(p.predictions, rows).enumerated() {
            a.check("\(label)[\(i)].mean", got.mean, want["mean"])
            a.check("\(label)[\(i)].mean_se", got.meanSE, want["mean_se"])
            a.check("\(label)[\(i)].mean_ci_lower", got.meanCILower, want["mean_ci_lower"])
            a.check("\(label)[\(i)].mean_ci_upper", got.meanCIUpper, want["mean_ci_upper"])
            a.check("\(label)[\(i)].obs_ci_lower", got.obsCILower, want["obs_ci_lower"])
            a.check("\(label)[\(i)].obs_ci_upper", got.obsCIUpper, want["obs_ci_upper"])
        }
    }

    private func compareSummary(_ r: RegressionResults, _ s: [String: Any], _ a: inout Agreement) {
        #expect(Set(r.terms) == Set(s["terms"] as! [String]))
        a.check("nobs", Double(r.nobs), s["nobs"])
        a.check("df_model", r.dfModel, s["df_model"])
        a.check("df_resid", r.dfResid, s["df_resid"])
        a.check("rsquared", r.rsquared, s["rsquared"])
        a.check("rsquared_adj", r.rsquaredAdj, s["rsquared_adj"])
        a.check("llf", r.llf, s["llf"])
        a.check("aic", r.aic, s["aic"])
        a.check("bic", r.bic, s["bic"])
        a.check("ssr", r.ssr, s["ssr"])
        a.check("mse_resid", r.mseResid, s["mse_resid"])
        if s["effective_df"] != nil {  // ridge
            a.check("effective_df", r.effectiveDF, s["effective_df"])
            return
        }
        a.check("ess", r.ess, s["ess"])
        a.check("mse_model", r.mseModel, s["mse_model"])
        a.check("condition_number", r.conditionNumber, s["condition_number"])
        a.check("durbin_watson", r.durbinWatson, s["durbin_watson"])
        a.check("omnibus", r.omnibus.statistic, s["omnibus"])
        a.check("omnibus_pvalue", r.omnibus.pvalue, s["omnibus_pvalue"])
        a.check("jarque_bera", r.jarqueBera.statistic, s["jarque_bera"])
        a.check("jarque_bera_pvalue", r.jarqueBera.pvalue, s["jarque_bera_pvalue"])
        a.check("skew", r.skew, s["skew"])
        a.check("kurtosis", r.kurtosis, s["kurtosis"])
        let vif = s["vif"] as! [String: Any]
        for (t, v) in zip(r.terms, r.vif) where vif[t] != nil { a.check("vif[\(t)]", v, vif[t]) }
        let bp = s["breusch_pagan"] as! [String: Any]
        a.check("breusch_pagan.lm", r.breuschPagan?.lm, bp["lm"])
        a.check("breusch_pagan.lm_pvalue", r.breuschPagan?.lmPValue, bp["lm_pvalue"])
        a.check("breusch_pagan.fvalue", r.breuschPagan?.fvalue, bp["fvalue"])
        a.check("breusch_pagan.f_pvalue", r.breuschPagan?.fPValue, bp["f_pvalue"])
        for (i, q) in r.residualQuantiles.enumerated() { a.check("residual_quantiles[\(i)]", q, (s["residual_quantiles"] as! [Any])[i]) }
        for i in 0..<5 {
            a.check("fitted[\(i)]", r.fitted[i], (s["fitted_first"] as! [Any])[i])
            a.check("resid[\(i)]", r.residuals[i], (s["resid_first"] as! [Any])[i])
        }
    }

    /// Every statistic of every covariance type of one case; reports the worst relative error.
    @Test(arguments: ["hetero", "noconst", "wls", "ridge", "panel"])
    func agreesWithStatsmodels(_ name: String) throws {
        let f = try StatsmodelsFixture(name)
        var a = Agreement(tolerance: Self.tolerance)
        for (key, expected) in f.fits.sorted(by: { $0.key < $1.key }) {
            let r = try fit(f, key)
            #expect(r.droppedRows == f.json["dropped_rows"] as! Int, "\(name) dropped rows")
            compareInference(r, expected, &a, "\(name)/\(key)")
            comparePredictions(try r.predict(f.predictData), expected["prediction"], &a, "\(name)/\(key) prediction")
            if let p10 = expected["prediction_alpha10"] {
                comparePredictions(try r.predict(f.predictData, alpha: 0.10), p10, &a, "\(name)/\(key) prediction α=0.10")
                let ci = expected["conf_int_alpha10"] as! [String: [Double]]
                for (t, c) in zip(r.terms, r.confInt(alpha: 0.10)) {
                    a.check("\(name)/\(key) conf_int α=0.10[\(t)]", c.lower, ci[t]?[0])
                    a.check("\(name)/\(key) conf_int α=0.10[\(t)]", c.upper, ci[t]?[1])
                }
            }
            if let rows = expected["prediction_rows"] as? [Int] {
                #expect(try r.predict(f.predictData).predictions.map(\.row) == rows)
            }
            if key == "nonrobust" { compareSummary(r, f.summary, &a) }
        }
        print("statsmodels agreement \(name): max relative error \(a.worst) (\(a.worstWhat))")
        for failure in a.failures { Issue.record(Comment(rawValue: failure)) }
    }
}
