import Testing
import MemcastData
@testable import MemcastModels

@Suite struct DebugIndexTests {
    @Test func show() throws {
        let prices = try Repo.catalog().observations("memory_prices").filter { !$0.isLowReliability }
        for s in ["conventional_dram", "nand", "mobile_dram", "mobile_nand"] {
            let idx = try ContractPriceIndex(series: s, observations: prices, asOf: CalendarDate("2026-02-28"))
            print(s, idx.points.map { "\($0.quarter):\($0.changePct.map { String(Int($0)) } ?? "-")\($0.source == .gap ? "g" : ($0.source == .published ? "" : "p"))" }.joined(separator: " "))
        }
    }
}
