import Foundation
@testable import MemcastStatistics

/// One case written by Fixtures/statsmodels/make_fixtures.py: data, formula and statsmodels' answers.
struct StatsmodelsFixture {
    let json: [String: Any]

    init(_ name: String) throws {
        let url = Bundle.module.url(forResource: "Fixtures/statsmodels/\(name)", withExtension: "json")!
        json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    var formula: String { json["formula"] as! String }
    var summary: [String: Any] { json["summary"] as! [String: Any] }
    var fits: [String: [String: Any]] { json["fits"] as! [String: [String: Any]] }
    var data: DataFrame { Self.frame(json["data"] as! [String: Any]) }
    var predictData: DataFrame { Self.frame(json["predict_data"] as! [String: Any]) }

    /// Numbers (null = missing) become numeric columns, strings categorical.
    static func frame(_ columns: [String: Any]) -> DataFrame {
        var df = DataFrame()
        for name in columns.keys.sorted() {
            let values = columns[name] as! [Any]
            if values.contains(where: { $0 is String }) {
                try! df.append(name, .categorical(CategoricalColumn(values.map { $0 as? String })))
            } else {
                try! df.append(name, .numeric(values.map { ($0 as? NSNumber)?.doubleValue ?? .nan }))
            }
        }
        return df
    }

    /// Quarter labels like 2021Q3 as consecutive integers (the CLI uses MemcastData's Period).
    static let quarters: @Sendable (String) -> PeriodKey? = { s in
        let parts = s.split(separator: "Q")
        guard parts.count == 2, let y = Int(parts[0]), let q = Int(parts[1]) else { return nil }
        return PeriodKey(unit: "quarter", ordinal: y * 4 + q - 1)
    }
}

/// Relative agreement |a − b|/|b| (absolute where b = 0), collected per case for the report.
struct Agreement {
    private(set) var worst = 0.0
    private(set) var worstWhat = ""
    private(set) var failures: [String] = []
    let tolerance: Double

    init(tolerance: Double) { self.tolerance = tolerance }

    mutating func check(_ what: String, _ actual: Double?, _ expected: Any?) {
        guard let e = (expected as? NSNumber)?.doubleValue else {
            if expected == nil || expected is NSNull {
                if let a = actual, !a.isNaN { failures.append("\(what): expected null, got \(a)") }
                return
            }
            failures.append("\(what): fixture holds \(String(describing: expected))")
            return
        }
        guard let a = actual, a.isFinite else { failures.append("\(what): got \(String(describing: actual)), expected \(e)"); return }
        let rel = e == 0 ? abs(a) : abs(a - e) / abs(e)
        if rel > worst { worst = rel; worstWhat = what }
        if rel > tolerance { failures.append("\(what): \(a) vs statsmodels \(e) (rel. error \(rel))") }
    }

    mutating func checkMap(_ what: String, _ terms: [String], _ values: [Double], _ expected: Any?) {
        let map = expected as! [String: Any]
        for (t, v) in zip(terms, values) where map[t] != nil { check("\(what)[\(t)]", v, map[t]) }
        let missing = Set(map.keys).subtracting(terms)
        if !missing.isEmpty { failures.append("\(what): terms missing \(missing.sorted())") }
    }
}
