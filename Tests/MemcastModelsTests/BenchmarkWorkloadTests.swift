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
}
