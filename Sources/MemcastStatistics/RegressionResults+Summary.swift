import Foundation

/// Plain-text rendering of results, laid out like statsmodels' `summary()` (78 columns
/// unless term names need more), plus R's residual quantiles and residual standard
/// error, the rows dropped, VIFs and Breusch–Pagan. Rendering only: every number
/// comes from `RegressionResults`.
extension RegressionResults {
    /// The summary table.
    /// - Parameter date: the time printed in the Date/Time lines (UTC), so output can be pinned.
    public func summary(date: Date = Date()) -> String {
        let nameWidth = max(12, (terms.map(\.count).max() ?? 0) + 1)
        let width = max(78, nameWidth + 66)
        let rule = String(repeating: "=", count: width)
        var out: [String] = []
        out.append(Self.center("\(model.name) Regression Results", width))
        out.append(rule)

        let (day, time) = Self.timestamp(date)
        var left: [(String, String)] = [
            ("Dep. Variable:", responseName), ("Model:", model.name), ("Method:", model.method),
            ("Date:", day), ("Time:", time), ("No. Observations:", "\(nobs)"),
            ("Df Residuals:", Self.df(dfResid)), ("Df Model:", Self.df(dfModel)),
            ("Covariance Type:", covarianceType.description),
        ]
        var right: [(String, String)] = [
            (kConstant == 1 ? "R-squared:" : "R-squared (uncentred):", Self.fixed(rsquared, 3)),
            (kConstant == 1 ? "Adj. R-squared:" : "Adj. R-squared (uncentred):", Self.fixed(rsquaredAdj, 3)),
            ("F-statistic:", fvalue.map { Self.general($0, 4) } ?? "n/a"),
            ("Prob (F-statistic):", fPValue.map { Self.general($0, 3) } ?? "n/a"),
            ("Log-Likelihood:", Self.general(llf, 5)), ("AIC:", Self.general(aic, 4)), ("BIC:", Self.general(bic, 4)),
            ("Dropped rows:", "\(droppedRows)"),
        ]
        if let edf = effectiveDF { right.append(("Effective df:", Self.fixed(edf, 3))) }
        if case .wls(let w) = model { left.append(("Weights:", w)) }
        if case .ridge(_, let w?) = model { left.append(("Weights:", w)) }
        let half = (width - 3) / 2
        for i in 0..<max(left.count, right.count) {
            let l = i < left.count ? Self.pair(left[i], half) : String(repeating: " ", count: half)
            let r = i < right.count ? Self.pair(right[i], width - 3 - half) : ""
            out.append((l + "   " + r).trailingTrimmed)
        }
        out.append(rule)

        // Coefficients.
        let lo = Self.trimmedNumber(alpha / 2), hi = Self.trimmedNumber(1 - alpha / 2)
        out.append(Self.pad("", nameWidth) + Self.cells(["coef", "std err", statisticName, "P>|\(statisticName)|", "[\(lo)", "\(hi)]"]))
        out.append(String(repeating: "-", count: width))
        let ci = confInt
        for j in terms.indices {
            if !active.contains(j) {
                out.append(Self.pad(terms[j], nameWidth) + Self.cells(["(aliased)", "", "", "", "", ""]))
                continue
            }
            out.append(Self.pad(terms[j], nameWidth) + Self.cells([
                Self.coefficient(params[j], 4), Self.coefficient(bse[j], 3), Self.coefficient(tvalues[j], 3),
                Self.fixed(pvalues[j], 3), Self.coefficient(ci[j].lower, 3), Self.coefficient(ci[j].upper, 3),
            ]))
        }
        out.append(rule)

        // Residual diagnostics.
        let omni = omnibus, jb = jarqueBera
        let diag: [((String, String), (String, String))] = [
            (("Omnibus:", Self.fixed(omni.statistic, 3)), ("Durbin-Watson:", Self.fixed(durbinWatson, 3))),
            (("Prob(Omnibus):", Self.fixed(omni.pvalue, 3)), ("Jarque-Bera (JB):", Self.fixed(jb.statistic, 3))),
            (("Skew:", Self.fixed(skew, 3)), ("Prob(JB):", Self.general(jb.pvalue, 3))),
            (("Kurtosis:", Self.fixed(kurtosis, 3)), ("Cond. No.", Self.general(conditionNumber, 3))),
        ]
        var extra = diag
        if let bp = breuschPagan {
            extra.append((("Breusch-Pagan LM:", Self.fixed(bp.lm, 3)), ("Prob(BP LM):", Self.general(bp.lmPValue, 3))))
        }
        for (l, r) in extra {
            out.append((Self.pair(l, half) + "   " + Self.pair(r, width - 3 - half)).trailingTrimmed)
        }
        out.append(rule)

        // R's residual summary and memcast's additions.
        out.append(weights == nil ? "Residuals:" : "Weighted residuals:")
        out.append(["Min", "1Q", "Median", "3Q", "Max"].map { Self.leftPad($0, 12) }.joined())
        out.append(residualQuantiles.map { Self.leftPad(Self.general($0, 5), 12) }.joined())
        out.append("Residual standard error: \(Self.general(mseResid.squareRoot(), 5)) on \(Self.df(dfResid)) degrees of freedom")
        out.append("Rows used: \(nobs) of \(nobs + droppedRows)" +
                   (droppedRows > 0 ? " (\(droppedRows) dropped for a missing value in a used column)" : ""))
        let vifs = vif
        let shown = terms.indices.compactMap { j in vifs[j].map { (terms[j], $0) } }
        if !shown.isEmpty {
            out.append("Variance inflation factors:")
            for (t, v) in shown { out.append("  " + Self.pad(t, nameWidth) + Self.leftPad(Self.fixed(v, 3), 10)) }
        }

        let notes = self.notes
        if !notes.isEmpty {
            out.append("")
            out.append("Notes:")
            for (i, n) in notes.enumerated() { out += Self.wrap("[\(i + 1)] \(n)", width: width, indent: 4) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Predictions as a fixed-width table (row origin, mean, its SE and both intervals).
    public func predictionTable(_ p: PredictionSet) -> String {
        let level = Self.trimmedNumber(100 * (1 - p.alpha))
        var out = ["Predictions (\(level)% intervals; observation interval for one new observation)"]
        let (heading, labels) = p.rowLabels
        let originWidth = max(6, (labels.map(\.count).max() ?? 0) + 1)
        out.append(Self.pad(heading, originWidth) + ["mean", "mean_se", "mean_lower", "mean_upper", "obs_lower", "obs_upper"]
            .map { Self.leftPad($0, 12) }.joined())
        for (r, label) in zip(p.predictions, labels) {
            out.append(Self.pad(label, originWidth) + [r.mean, r.meanSE, r.meanCILower, r.meanCIUpper, r.obsCILower, r.obsCIUpper]
                .map { Self.leftPad(Self.general($0, 6), 12) }.joined())
        }
        if !p.skipped.isEmpty {
            out.append("Skipped (a predictor is missing, e.g. a lag before the first period): \(p.skipped.joined(separator: ", "))")
        }
        for w in p.warnings { out.append("Warning: \(w)") }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: Formatting

    /// Word-wraps `text` to `width` columns, continuation lines indented by `indent`.
    static func wrap(_ text: String, width: Int, indent: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = String(repeating: " ", count: indent) + word
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        lines.append(line)
        return lines
    }

    /// A label left and a value right in `width` columns.
    static func pair(_ p: (String, String), _ width: Int) -> String {
        let gap = max(1, width - p.0.count - p.1.count)
        return p.0 + String(repeating: " ", count: gap) + p.1
    }

    static func cells(_ values: [String]) -> String { values.map { leftPad($0, 11) }.joined() }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    static func leftPad(_ s: String, _ width: Int) -> String {
        s.count >= width ? " " + s : String(repeating: " ", count: width - s.count) + s
    }

    static func center(_ s: String, _ width: Int) -> String {
        let left = max(0, (width - s.count) / 2)
        return String(repeating: " ", count: left) + s
    }

    /// `%.{digits}f`; NaN prints as `nan`.
    static func fixed(_ v: Double, _ digits: Int) -> String {
        v.isNaN ? "nan" : String(format: "%.\(digits)f", v)
    }

    /// `%#.{digits}g`: significant digits, trailing zeros kept.
    static func general(_ v: Double, _ digits: Int) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        return String(format: "%#.\(digits)g", v)
    }

    /// Fixed decimals for ordinary magnitudes, significant digits for very large or small ones.
    static func coefficient(_ v: Double, _ digits: Int) -> String {
        if v.isNaN { return "nan" }
        return abs(v) >= 1e4 || (abs(v) < 1e-4 && v != 0) ? String(format: "%.\(digits)g", v) : String(format: "%.\(digits)f", v)
    }

    /// Degrees of freedom: whole numbers without decimals (ridge's are fractional).
    static func df(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(format: "%.3f", v) }

    /// 0.025 → "0.025", 95.0 → "95".
    static func trimmedNumber(_ v: Double) -> String {
        var s = String(format: "%.6f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// ("Sun, 22 Nov 2026", "00:26:53") in UTC.
    static func timestamp(_ date: Date) -> (String, String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute, .second], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let day = "\(days[c.weekday! - 1]), \(String(format: "%02d", c.day!)) \(months[c.month! - 1]) \(c.year!)"
        return (day, String(format: "%02d:%02d:%02d", c.hour!, c.minute!, c.second!))
    }
}

private extension String {
    var trailingTrimmed: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
