import Testing
import Foundation
@testable import MemcastModels
import MemcastData
import MemcastStatistics

/// The benchmark workloads' own invariants (their agreement with the numpy/pandas
/// peer is checked end to end in MemcastCLITests/BenchEqualityTests).
@Suite struct BenchmarkWorkloadTests {
    /// Skipping k outputs lands exactly where k calls would.
    @Test func splitMixSkipMatchesSequentialCalls() {
        var a = SplitMix64(seed: 7)
        for _ in 0..<1234 { _ = a.next() }
        var b = SplitMix64(seed: 7, skipping: 1234)
        #expect(a.next() == b.next())
    }

    /// Monte Carlo results do not depend on the number of threads (batches start
    /// their generators at their own offsets), and batch boundaries are invisible.
    @Test func monteCarloIndependentOfThreads() {
        let draws = 3 * MonteCarloBenchmark.batch + 17
        let one = MonteCarloBenchmark.run(draws: draws, threads: 1)
        let two = MonteCarloBenchmark.run(draws: draws, threads: 2)
        let three = MonteCarloBenchmark.run(draws: draws, threads: 3)
        #expect(one.segments == two.segments && one.segments == three.segments)
        #expect(one.globalShipmentsPct == two.globalShipmentsPct && one.globalShipmentsPct == three.globalShipmentsPct)
    }

    /// A tiny balanced panel: SKUs in first-appearance order, quarters in calendar
    /// order even when the file lists them out of order; an unbalanced one is refused.
    @Test func seriesPanelOrdersPeriodsAndRefusesGaps() throws {
        let csv = "quarter,sku\n2020Q2,A\n2020Q1,A\n2020Q1,B\n2020Q2,B\n"
        let frame = try CSVLoader.load(text: csv)
        let p = try SeriesPanel(frame, entity: "sku", period: "quarter")
        #expect(p.entities == 2 && p.periods == 2 && p.periodLabels == ["2020Q1", "2020Q2"])
        #expect(p.row(entity: 0, period: 0) == 1 && p.row(entity: 0, period: 1) == 0)
        let gap = try CSVLoader.load(text: "quarter,sku\n2020Q1,A\n2020Q2,A\n2020Q1,B\n")
        #expect(throws: BenchmarkError.self) { _ = try SeriesPanel(gap, entity: "sku", period: "quarter") }
    }

    /// Derived columns follow the memory-cost stage: 8 GB × $3 + 128 GB × $0.05 = $30.40
    /// of memory, + $70 other = $100.40 BOM, share 30.4/100.4.
    @Test func derivedColumnsByHand() throws {
        var f = DataFrame()
        try f.append("dram_gb", .numeric([8])); try f.append("nand_gb", .numeric([128]))
        try f.append("dram_usd_gb", .numeric([3])); try f.append("nand_usd_gb", .numeric([0.05]))
        try f.append("other_bom_usd", .numeric([70]))
        try BenchmarkPanel.addDerivedColumns(&f)
        let m = f["memory_cost_usd"]!.numericValues![0], b = f["bom_usd"]!.numericValues![0]
        #expect(abs(m - 30.4) < 1e-12 && abs(b - 100.4) < 1e-12)
        #expect(abs(f["memory_share"]!.numericValues![0] - 30.4 / 100.4) < 1e-15)
    }

    /// Derived columns are computed over row ranges in parallel: the same values for any
    /// thread count, and with bad rows in several ranges the first in row order is reported.
    @Test func derivedColumnsIndependentOfThreadsAndFirstBadRowReported() throws {
        let n = 300_000
        func frame(badAt: [Int]) throws -> DataFrame {
            var f = DataFrame(source: "p.csv")
            try f.append("dram_gb", .numeric((0..<n).map { Double($0 % 4 + 1) * 4 }))
            try f.append("nand_gb", .numeric((0..<n).map { Double($0 % 3 + 1) * 64 }))
            try f.append("dram_usd_gb", .numeric((0..<n).map { badAt.contains($0) ? -1 : 2 + Double($0 % 7) / 8 }))
            try f.append("nand_usd_gb", .numeric((0..<n).map { 0.05 + Double($0 % 5) / 100 }))
            try f.append("other_bom_usd", .numeric((0..<n).map { 50 + Double($0 % 11) }))
            f.rowLines = (0..<n).map { $0 + 2 }
            return f
        }
        var one = try frame(badAt: []), two = one
        try BenchmarkPanel.addDerivedColumns(&one, threads: 1)
        try BenchmarkPanel.addDerivedColumns(&two, threads: 2)
        for name in ["memory_cost_usd", "bom_usd", "memory_share"] {
            #expect(one[name]!.numericValues! == two[name]!.numericValues!)
        }
        #expect(one["bom_usd"]!.numericValues![5] == 8 * (2 + 5.0 / 8) + 192 * 0.05 + 55)
        var bad = try frame(badAt: [250_000, 120_000])
        #expect(throws: BenchmarkError.badValue(origin: "p.csv:120002", message: "memory quantities and prices must be ≥ 0")) {
            try BenchmarkPanel.addDerivedColumns(&bad, threads: 2)
        }
    }
}
