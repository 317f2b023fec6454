import Foundation

/// What the triangular factor of a column-scaled least-squares problem says about its conditioning.
struct ScaledConditioning {
    /// κ of Z = X·D (columns scaled by powers of two), from Rₛ.
    var scaledConditionNumber: Double
    /// Singular values of X as given, largest first (empty without diagnostics).
    var singularValues: [Double]
    /// Their ratio, statsmodels' condition number (NaN without diagnostics).
    var conditionNumber: Double
}

extension LeastSquaresSolver {
    /// κₛ of the upper-triangular Rₛ (k×k, column-major) of the scaled problem Z = X·D and, with
    /// `diagnostics`, the singular values of X as σ(Rₛ·D⁻¹). Shared by the tall and structured solvers,
    /// which both gate on κₛ. nil when κₛ exceeds `maximum` or 1/κₛ is not above 10·`tol`.
    /// `scratch` (k×k), `sw` and `sv` (k each) are overwritten.
    func conditioning(ofScaled r: UnsafePointer<Double>, scales d: UnsafePointer<Double>, k: Int, maximum: Double,
                      tol: Double, diagnostics: Bool, scratch c: UnsafeMutablePointer<Double>,
                      sw: UnsafeMutablePointer<Double>, sv: UnsafeMutablePointer<Double>) throws -> ScaledConditioning? {
        c.update(from: r, count: k * k)
        try LAPACK.gesdd(thin: false, m: k, n: k, a: c, lda: k, s: sw, u: nil, vt: nil, ws: ws)
        let scaled = sw[k - 1] > 0 ? sw[0] / sw[k - 1] : .infinity
        guard scaled <= maximum, 1 / scaled > 10 * tol else { return nil }
        var singularValues: [Double] = [], conditionNumber = Double.nan
        if diagnostics {
            // σ(Rₛ·D⁻¹) = σ(Rₛ·dₘᵢₙD⁻¹)/dₘᵢₙ; the second form cannot overflow (dₘᵢₙ/dⱼ ≤ 1, exact).
            var dMin = d[0]
            for j in 1..<k { dMin = min(dMin, d[j]) }
            for j in 0..<k { for i in 0..<k { c[i + j * k] = r[i + j * k] * (dMin / d[j]) } }
            try LAPACK.gesdd(thin: false, m: k, n: k, a: c, lda: k, s: sv, u: nil, vt: nil, ws: ws)
            singularValues = (0..<k).map { sv[$0] / dMin }
            conditionNumber = sv[k - 1] > 0 ? sv[0] / sv[k - 1] : .infinity
        }
        return ScaledConditioning(scaledConditionNumber: scaled, singularValues: singularValues,
                                  conditionNumber: conditionNumber)
    }

    /// The warning for a scaled condition number that leaves fewer than `minimumStableDigits`
    /// significant digits stable under rounding of the inputs, or nil.
    func stabilityWarning(scaledConditionNumber kappa: Double) -> String? {
        let stableDigits = -log10(kappa * Double.ulpOfOne)
        guard stableDigits < minimumStableDigits else { return nil }
        return "ill-conditioned design (condition number after column scaling \(shortNumber(kappa))): "
            + "only about \(max(0, Int(stableDigits.rounded(.down)))) significant digits of the coefficients are "
            + "stable under rounding of the inputs to double precision"
    }
}
