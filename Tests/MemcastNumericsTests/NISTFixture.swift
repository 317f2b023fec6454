import Foundation
@testable import MemcastNumerics

/// One NIST StRD linear-regression dataset, read from the `.dat` file as
/// published: certified values and data both come from the file.
struct NISTDataset {
    let name: String
    let y: [Double]
    let x: [[Double]]                 // predictor columns as in the file (x, or x1…x6)
    let certifiedCoefficients: [Double]
    let certifiedSDs: [Double]
    let certifiedResidualSD: Double
    let certifiedRSquared: Double

    /// Model of each set (from the `.dat` headers): polynomial degree in x and
    /// whether B0 is present; Longley is linear in its six predictors.
    static let models: [String: (degree: Int?, intercept: Bool)] = [
        "Norris": (1, true), "Pontius": (2, true), "NoInt1": (1, false), "NoInt2": (1, false),
        "Filip": (10, true), "Longley": (nil, true),
        "Wampler1": (5, true), "Wampler2": (5, true), "Wampler3": (5, true), "Wampler4": (5, true), "Wampler5": (5, true),
    ]

    var hasIntercept: Bool { Self.models[name]!.intercept }

    /// The design matrix of the certified model, built from the raw predictor.
    var design: Matrix {
        let (degree, intercept) = Self.models[name]!
        var cols: [[Double]] = intercept ? [Array(repeating: 1, count: y.count)] : []
        if let degree {
            // Powers by repeated multiplication, as a user's formula would build them.
            var p = x[0]
            cols.append(p)
            for _ in 1..<max(degree, 1) where degree > 1 {
                p = zip(p, x[0]).map { $0 * $1 }
                cols.append(p)
            }
        } else {
            cols.append(contentsOf: x)
        }
        return Matrix(columns: cols)
    }

    static func load(_ name: String) throws -> NISTDataset {
        let url = Bundle.module.url(forResource: "Fixtures/nist/\(name)", withExtension: "dat")!
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var coef: [Double] = [], sds: [Double] = [], rows: [[Double]] = []
        var residualSD = Double.nan, r2 = Double.nan, inData = false
        for line in lines {
            let t = line.split(separator: " ").map(String.init)
            if inData { if !t.isEmpty { rows.append(t.map { Double($0)! }) }; continue }
            if t.count == 3, t[0].first == "B", Int(t[0].dropFirst()) != nil {
                coef.append(Double(t[1])!); sds.append(Double(t[2])!)
            } else if t.count == 3, t[0] == "Standard", t[1] == "Deviation" {
                residualSD = Double(t[2])!
            } else if t.count == 2, t[0] == "R-Squared" {
                r2 = Double(t[1])!
            } else if t.first == "Data:", t.contains("y") {
                inData = true
            }
        }
        let y = rows.map { $0[0] }
        let x = (1..<rows[0].count).map { j in rows.map { $0[j] } }
        return NISTDataset(name: name, y: y, x: x, certifiedCoefficients: coef, certifiedSDs: sds,
                           certifiedResidualSD: residualSD, certifiedRSquared: r2)
    }
}

/// Log relative error: the number of correct significant digits,
/// −log10(|est − cert|/|cert|), or −log10|est − cert| when cert = 0; capped at 15.
func lre(_ estimate: Double, _ certified: Double) -> Double {
    if estimate.isNaN { return 0 }
    let err = certified == 0 ? abs(estimate) : abs(estimate - certified) / abs(certified)
    return err == 0 ? 15 : min(15, max(0, -log10(err)))
}

/// The statistics NIST certifies, computed from a solution as the StRD defines them.
struct NISTStatistics {
    let coefficients: [Double], sds: [Double], residualSD: Double, rSquared: Double

    init(_ s: LeastSquaresSolution, _ d: NISTDataset) {
        let n = Double(d.y.count), k = Double(s.rank)
        let rss = s.residualSumOfSquares
        let sigma2 = rss / (n - k)
        coefficients = s.coefficients
        sds = (0..<s.coefficients.count).map { (sigma2 * s.unscaledCovariance[$0, $0]).squareRoot() }
        residualSD = sigma2.squareRoot()
        // R² is centred with an intercept, uncentred (about 0) without, as NIST certifies.
        let mean = d.hasIntercept ? DoubleDouble.dot(d.y, Array(repeating: 1 / n, count: d.y.count)) : 0
        let dev = d.y.map { $0 - mean }
        rSquared = 1 - rss / DoubleDouble.dot(dev, dev)
    }

    /// Minimum LRE over each certified group.
    func lres(_ d: NISTDataset) -> (coef: Double, sd: Double, resSD: Double, r2: Double) {
        (zip(coefficients, d.certifiedCoefficients).map(lre).min()!,
         zip(sds, d.certifiedSDs).map(lre).min()!,
         lre(residualSD, d.certifiedResidualSD),
         lre(rSquared, d.certifiedRSquared))
    }
}
