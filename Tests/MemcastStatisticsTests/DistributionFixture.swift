import Foundation
import Testing

/// One reference value from Fixtures/distributions/*.csv, written once by
/// make_fixtures.py from scipy 1.17 (or mpmath at 50 digits where scipy's own
/// error exceeded 1e-14; `source` says which).
struct DistributionFixtureRow: Sendable, CustomStringConvertible {
    var region: String
    var function: String
    var df1: Double
    var df2: Double
    var argument: Double
    var expected: Double
    var source: String

    var description: String {
        "\(function)(\(argument)) df=(\(df1), \(df2)) expected \(expected) [\(region), \(source)]"
    }
}

/// Largest relative error of one (function, region) group, with its row.
struct FixtureErrorSummary: CustomStringConvertible {
    var function: String
    var region: String
    var count = 0
    var maxError = 0.0
    var worst: DistributionFixtureRow?
    var worstValue = Double.nan
    var failures = 0

    var description: String {
        let w = worst.map { "\($0); got \(worstValue)" } ?? "-"
        return "\(function)/\(region): n=\(count) max rel err \(String(format: "%.2e", maxError)) at \(w)"
    }
}

enum DistributionFixture {
    /// The issue's target: 1e-12 relative against the reference.
    static let relativeTolerance = 1e-12

    static func load(_ name: String) throws -> [DistributionFixtureRow] {
        let url = Bundle.module.url(forResource: "Fixtures/distributions/\(name)", withExtension: "csv")
            ?? Bundle.module.bundleURL.appendingPathComponent("Fixtures/distributions/\(name).csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var rows: [DistributionFixtureRow] = []
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 7, let arg = Double(f[4]), let expected = Double(f[5]) else {
                Issue.record("unreadable fixture line in \(name).csv: \(line)")
                continue
            }
            rows.append(DistributionFixtureRow(
                region: f[0], function: f[1], df1: Double(f[2]) ?? .nan, df2: Double(f[3]) ?? .nan,
                argument: arg, expected: expected, source: f[6]))
        }
        return rows
    }

    static func relativeError(_ got: Double, _ expected: Double) -> Double {
        if got == expected { return 0 }
        if got.isNaN || expected.isNaN { return .infinity }
        return abs(got - expected) / abs(expected)
    }

    /// The four functions a fixture row can name, for one distribution.
    struct Functions {
        var cdf, sf, quantile, isf: (Double) -> Double
    }

    /// Loads fixture `name` (more than 100 rows expected), evaluates each row with the functions of
    /// `distribution(row)` and expects every (function, region) group within `relativeTolerance`.
    static func expectMatches(_ name: String, distribution: (DistributionFixtureRow) -> Functions,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let rows = try load(name)
        #expect(rows.count > 100, sourceLocation: sourceLocation)
        let groups = summarize(name, rows) { row in
            let d = distribution(row)
            switch row.function {
            case "cdf": return d.cdf(row.argument)
            case "sf": return d.sf(row.argument)
            case "quantile": return d.quantile(row.argument)
            default: return d.isf(row.argument)
            }
        }
        for g in groups {
            #expect(g.maxError <= relativeTolerance, "\(g)", sourceLocation: sourceLocation)
        }
    }

    /// Evaluates every row and groups the relative errors by (function, region),
    /// in first-seen order. Set MEMCAST_DISTRIBUTION_REPORT=1 to print the groups.
    static func summarize(
        _ name: String, _ rows: [DistributionFixtureRow], evaluate: (DistributionFixtureRow) -> Double
    ) -> [FixtureErrorSummary] {
        var order: [String] = []
        var groups: [String: FixtureErrorSummary] = [:]
        for row in rows {
            let key = row.function + "/" + row.region
            if groups[key] == nil {
                order.append(key)
                groups[key] = FixtureErrorSummary(function: row.function, region: row.region)
            }
            let got = evaluate(row)
            let err = relativeError(got, row.expected)
            groups[key]!.count += 1
            if err > relativeTolerance { groups[key]!.failures += 1 }
            if err > groups[key]!.maxError || groups[key]!.worst == nil {
                groups[key]!.maxError = err
                groups[key]!.worst = row
                groups[key]!.worstValue = got
            }
        }
        let result = order.map { groups[$0]! }
        if ProcessInfo.processInfo.environment["MEMCAST_DISTRIBUTION_REPORT"] != nil {
            for s in result { print("[\(name)] \(s)") }
        }
        return result
    }
}
