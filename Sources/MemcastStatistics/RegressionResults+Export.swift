import Foundation

/// JSON, CSV and Markdown renderings of the same results value.
extension RegressionResults {
    /// JSON with statsmodels' field names (`params`, `bse`, `conf_int`, `rsquared`, …), each
    /// per-term field keyed by term; NaN and infinities are `null`. With `predictions`, a
    /// `prediction` array of objects (`mean`, `mean_se`, `mean_ci_lower`, `mean_ci_upper`,
    /// `obs_ci_lower`, `obs_ci_upper`, plus the input `row` origin).
    public func json(predictions: PredictionSet? = nil) -> String {
        func byTerm(_ values: [Double?]) -> JSONValue { .object(zip(terms, values).map { ($0, .num($1)) }) }
        let ci = confInt
        let omni = omnibus, jb = jarqueBera, bp = breuschPagan, q = residualQuantiles
        var members: [(String, JSONValue)] = [
            ("model", .string(model.name)),
            ("formula", .string(formula)),
            ("dep_variable", .string(responseName)),
            ("terms", .array(terms.map { .string($0) })),
            ("params", byTerm(params)),
            ("bse", byTerm(bse)),
            ("tvalues", byTerm(tvalues)),
            ("pvalues", byTerm(pvalues)),
            ("conf_int", .object(zip(terms, ci).map { ($0, .array([.num($1.lower), .num($1.upper)])) })),
            ("alpha", .number(alpha)),
            ("use_t", .bool(useT)),
            ("nobs", .integer(nobs)),
            ("df_model", .num(dfModel)),
            ("df_resid", .num(dfResid)),
            ("rsquared", .num(rsquared)),
            ("rsquared_adj", .num(rsquaredAdj)),
            ("centered", .bool(kConstant == 1)),
            ("fvalue", .num(fvalue)),
            ("f_pvalue", .num(fPValue)),
            ("llf", .num(llf)),
            ("aic", .num(aic)),
            ("bic", .num(bic)),
            ("ssr", .num(ssr)),
            ("ess", .num(ess)),
            ("mse_resid", .num(mseResid)),
            ("residual_se", .num(mseResid.squareRoot())),
            ("condition_number", .num(conditionNumber)),
            ("durbin_watson", .num(durbinWatson)),
            ("omnibus", .num(omni.statistic)),
            ("omnibus_pvalue", .num(omni.pvalue)),
            ("jarque_bera", .num(jb.statistic)),
            ("jarque_bera_pvalue", .num(jb.pvalue)),
            ("skew", .num(skew)),
            ("kurtosis", .num(kurtosis)),
            ("breusch_pagan", bp.map { .object([("lm", .num($0.lm)), ("lm_pvalue", .num($0.lmPValue)),
                                                 ("fvalue", .num($0.fvalue)), ("f_pvalue", .num($0.fPValue))]) } ?? .null),
            ("vif", .object(zip(terms, vif).compactMap { t, v in v.map { (t, JSONValue.num($0)) } })),
            ("residual_quantiles", .object(zip(["min", "q1", "median", "q3", "max"], q).map { ($0, .num($1)) })),
            ("cov_type", .string(covarianceType.description)),
        ]
        if case .hac(_, let correction) = covarianceType {
            members.append(("hac_lags", .integer(hacLags ?? 0)))
            members.append(("hac_correction", .bool(correction)))
        }
        if case .cluster(let c) = covarianceType {
            members.append(("cluster_column", .string(c)))
            members.append(("clusters", .integer(clusterCount ?? 0)))
        }
        if let w = model.weightsColumn { members.append(("weights", .string(w))) }
        if case .ridge(let lambda, _) = model {
            members.append(("ridge_lambda", .number(lambda)))
            members.append(("effective_df", .num(effectiveDF)))
        }
        members += [
            ("aliased", .array(aliased.map { .string($0) })),
            ("warnings", .array(warnings.map { .string($0) })),
            ("notes", .array(notes.map { .string($0) })),
            ("dropped_rows", .integer(droppedRows)),
        ]
        if let p = predictions {
            members.append(("prediction_alpha", .number(p.alpha)))
            members.append(("prediction", .array(p.predictions.map { r in
                .object([("row", .string(r.origin)), ("mean", .num(r.mean)), ("mean_se", .num(r.meanSE)),
                         ("mean_ci_lower", .num(r.meanCILower)), ("mean_ci_upper", .num(r.meanCIUpper)),
                         ("obs_ci_lower", .num(r.obsCILower)), ("obs_ci_upper", .num(r.obsCIUpper))])
            })))
            members.append(("prediction_skipped", .array(p.skipped.map { .string($0) })))
            members.append(("prediction_warnings", .array(p.warnings.map { .string($0) })))
        }
        return JSONValue.object(members).rendered() + "\n"
    }

    /// CSV of the coefficient table: `term,coef,std_err,<t|z>,pvalue,ci_lower,ci_upper,vif,aliased`,
    /// numbers in shortest round-trip form, empty cells for undefined values.
    public func csv() -> String {
        let ci = confInt, v = vif
        var lines = ["term,coef,std_err,\(statisticName),pvalue,ci_lower,ci_upper,vif,aliased"]
        for j in terms.indices {
            let cells = [params[j], bse[j], tvalues[j], pvalues[j], ci[j].lower, ci[j].upper, v[j] ?? .nan].map(Self.csvNumber)
            lines.append(([Self.csvField(terms[j])] + cells + [active.contains(j) ? "false" : "true"]).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// CSV of predictions: `row,mean,mean_se,mean_ci_lower,mean_ci_upper,obs_ci_lower,obs_ci_upper`.
    public func predictionCSV(_ p: PredictionSet) -> String {
        var lines = ["row,mean,mean_se,mean_ci_lower,mean_ci_upper,obs_ci_lower,obs_ci_upper"]
        for r in p.predictions {
            lines.append(([Self.csvField(r.origin)] + [r.mean, r.meanSE, r.meanCILower, r.meanCIUpper, r.obsCILower, r.obsCIUpper]
                .map(Self.csvNumber)).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Markdown: fit statistics, coefficients, diagnostics, notes (and predictions when given).
    public func markdown(predictions: PredictionSet? = nil) -> String {
        let f3 = { (v: Double) in Self.fixed(v, 3) }, g4 = { (v: Double) in Self.general(v, 4) }
        var out = ["### \(model.name): `\(formula)`", ""]
        out.append("| statistic | value | statistic | value |")
        out.append("|---|---:|---|---:|")
        let rows: [(String, String, String, String)] = [
            ("Dep. variable", "`\(responseName)`", kConstant == 1 ? "R²" : "R² (uncentred)", f3(rsquared)),
            ("Observations", "\(nobs)", "Adj. R²", f3(rsquaredAdj)),
            ("Dropped rows", "\(droppedRows)", "F-statistic", fvalue.map(g4) ?? "n/a"),
            ("Df residuals", Self.df(dfResid), "Prob (F)", fPValue.map { Self.general($0, 3) } ?? "n/a"),
            ("Df model", Self.df(dfModel), "Log-likelihood", Self.general(llf, 5)),
            ("Covariance", covarianceType.description, "AIC / BIC", "\(g4(aic)) / \(g4(bic))"),
        ]
        for r in rows { out.append("| \(r.0) | \(r.1) | \(r.2) | \(r.3) |") }
        out.append("")
        let lo = Self.trimmedNumber(alpha / 2), hi = Self.trimmedNumber(1 - alpha / 2)
        out.append("| term | coef | std err | \(statisticName) | P>\\|\(statisticName)\\| | [\(lo) | \(hi)] | VIF |")
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|")
        let ci = confInt, v = vif
        for j in terms.indices {
            if !active.contains(j) { out.append("| `\(terms[j])` | aliased | | | | | | |"); continue }
            out.append("| `\(terms[j])` | \(Self.coefficient(params[j], 4)) | \(Self.coefficient(bse[j], 3)) | \(Self.coefficient(tvalues[j], 3)) | \(Self.fixed(pvalues[j], 3)) | \(Self.coefficient(ci[j].lower, 3)) | \(Self.coefficient(ci[j].upper, 3)) | \(v[j].map(f3) ?? "") |")
        }
        out.append("")
        let omni = omnibus, jb = jarqueBera
        out.append("Omnibus \(f3(omni.statistic)) (p \(f3(omni.pvalue))), Jarque–Bera \(f3(jb.statistic)) (p \(Self.general(jb.pvalue, 3))), skew \(f3(skew)), kurtosis \(f3(kurtosis)), Durbin–Watson \(f3(durbinWatson)), condition number \(Self.general(conditionNumber, 3))" +
                   (breuschPagan.map { ", Breusch–Pagan LM \(f3($0.lm)) (p \(Self.general($0.lmPValue, 3)))" } ?? "") + ".")
        out.append("")
        for (i, n) in notes.enumerated() { out.append("\(i + 1). \(n)") }
        if let p = predictions {
            out.append("")
            let (heading, labels) = p.rowLabels
            out.append("| \(heading) | mean | mean se | mean lower | mean upper | obs lower | obs upper |")
            out.append("|---|---:|---:|---:|---:|---:|---:|")
            for (r, label) in zip(p.predictions, labels) {
                out.append("| \(label) | " + [r.mean, r.meanSE, r.meanCILower, r.meanCIUpper, r.obsCILower, r.obsCIUpper]
                    .map { Self.general($0, 6) }.joined(separator: " | ") + " |")
            }
            if !p.skipped.isEmpty { out.append(""); out.append("Skipped (missing predictor): \(p.skipped.joined(separator: ", ")).") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func csvNumber(_ v: Double) -> String { v.isFinite ? "\(v)" : "" }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
