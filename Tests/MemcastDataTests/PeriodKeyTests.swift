import Testing
import MemcastStatistics
@testable import MemcastData

/// Period labels as positions for formula lags: neighbours differ by one, across year ends.
@Suite struct PeriodKeyTests {
    @Test func consecutivePeriodsDifferByOne() {
        for (a, b) in [("2025Q4", "2026Q1"), ("2025-12", "2026-01"), ("2025", "2026"), ("2025H2", "2026H1"),
                       ("2024-02-28", "2024-02-29"), ("2024-12-31", "2025-01-01")] {
            let ka = Period.keyFromText(a)!, kb = Period.keyFromText(b)!
            #expect(kb.ordinal - ka.ordinal == 1, "\(a) → \(b)")
            #expect(ka.unit == kb.unit)
        }
        #expect(Period.keyFromText("2026Q1")!.unit != Period.keyFromText("2026-01")!.unit)
        #expect(Period.keyFromText("2026Q5") == nil)
    }
}
