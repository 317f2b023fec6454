import Foundation
import Testing
@testable import MemcastData

/// describe() of the bench panel's generator output equals pandas' (fixture made once
/// by Fixtures/make_describe_fixture.py) to 1e-12 relative, with inferred column types.
@Suite struct DataSummaryPandasTests {
    @Test func matchesPandasDescribe() throws {
        let csv = try #require(Bundle.module.url(forResource: "panel_tiny", withExtension: "csv", subdirectory: "Fixtures"))
        let ref = try #require(Bundle.module.url(forResource: "panel_tiny.describe", withExtension: "json", subdirectory: "Fixtures"))
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: ref)) as? [String: Any])
        let describe = try #require(json["describe"] as? [String: [String: Double]])
        let missing = try #require(json["missing"] as? [String: Int])
        for threads in [1, 2] {
            var o = CSVOptions()
            o.threads = threads
            let frame = try CSVLoader.load(path: csv.path, options: o)
            #expect(frame.rowCount == json["rows"] as? Int)
            let s = DataSummary(frame, threads: threads)
            // Same numeric columns as pandas infers.
            #expect(Set(s.numeric.map(\.name)) == Set(describe.keys))
            for c in s.numeric {
                let r = try #require(describe[c.name])
                let mine: [String: Double] = ["count": Double(c.count), "mean": c.mean, "std": c.std, "min": c.min,
                                              "25%": c.q25, "50%": c.q50, "75%": c.q75, "max": c.max]
                for (k, v) in mine {
                    let want = try #require(r[k])
                    #expect(abs(v - want) <= 1e-12 * max(abs(want), 1e-300), "\(c.name) \(k): \(v) vs pandas \(want)")
                }
                #expect(c.missing == missing[c.name])
            }
            for t in s.text { #expect(t.missing == missing[t.name]) }
        }
    }
}
