import Foundation
import Testing
@testable import MemcastNumerics

/// Prints the LRE table recorded in Fixtures/nist/README.md (no assertions
/// beyond "it ran"; the floors live in NISTLeastSquaresTests).
@Suite struct NISTReportTests {
    @Test func printLRETable() throws {
        var lines = ["| dataset | κ(X) | κ scaled | coefficients | SDs | residual SD | R² | coefficients, no refinement |"]
        for name in ["Norris", "Pontius", "NoInt1", "NoInt2", "Longley", "Wampler1", "Wampler2", "Wampler3",
                     "Wampler4", "Wampler5", "Filip"] {
            let d = try NISTDataset.load(name)
            let s = try LeastSquares.solve(d.design, d.y)
            let p = try LeastSquares.solve(d.design, d.y, refine: false)
            let l = NISTStatistics(s, d).lres(d), lp = NISTStatistics(p, d).lres(d)
            let f = { (x: Double) in String(format: "%.1f", x) }
            lines.append("| \(name) | \(String(format: "%.1e", s.conditionNumber)) | \(String(format: "%.1e", s.scaledConditionNumber)) | \(f(l.coef)) | \(f(l.sd)) | \(f(l.resSD)) | \(f(l.r2)) | \(f(lp.coef)) |")
        }
        print(lines.joined(separator: "\n"))
        #expect(lines.count == 12)
    }
}
