import Foundation
import Testing
import MemcastData
@testable import MemcastModels
@testable import MemcastOutput

/// The adapter from a forecast run to chart inputs, on a small hand-made result.
@Suite struct ForecastChartsTests {
    static func qs(_ x: Double) -> QuantileSummary { QuantileSummary(p05: x - 1, p50: x, p95: x + 1) }

    /// Scope figures where memory costs `mem` and the BOM is `bom` (USD), share = 100·mem/bom.
    static func scope(mem: Double, bom: Double, yoy: Double? = -5) -> ScopeFigures {
        ScopeFigures(memoryBOMSharePct: qs(100 * mem / bom), bomUSD: qs(bom), aspUSD: qs(bom * 1.4), aspYoYPct: yoy.map(qs),
                     shipmentsM: qs(300), shipmentsYoYPct: yoy.map(qs), memoryCostUSD: qs(mem), grossMarginPct: qs(20))
    }

    static func period(_ label: String, mem: Double, vendorYoY: Double?) -> PeriodFigures {
        var segs: [Segment: ScopeFigures] = [:], regs: [Region: ScopeFigures] = [:], vendors: [SoCVendor: VendorFigures] = [:]
        for (i, s) in Segment.allCases.enumerated() { segs[s] = scope(mem: mem * Double(i + 1), bom: 100 * Double(i + 1)) }
        for r in Region.allCases { regs[r] = scope(mem: mem, bom: 100) }
        for v in SoCVendor.allCases { vendors[v] = VendorFigures(shipmentsYoYPct: vendorYoY.map(qs), sharePct: qs(10), shipmentsM: qs(50)) }
        return PeriodFigures(label: label, global: scope(mem: mem, bom: 100), segments: segs, regions: regs, socVendors: vendors,
                             dramContractQoQPct: label.contains("Q") ? qs(10) : nil, nandContractQoQPct: label.contains("Q") ? qs(5) : nil)
    }

    // 2026Q2 has the highest global share (30/100), so it is the BOM chart's "after" bar.
    static let result = ForecastResult(
        asOf: "2026-02-28", scenario: "test", draws: 100, seed: 1,
        quarterly: [period("2025Q4", mem: 15, vendorYoY: nil), period("2026Q1", mem: 20, vendorYoY: nil),
                    period("2026Q2", mem: 30, vendorYoY: nil), period("2026Q3", mem: 25, vendorYoY: nil)],
        annual: [period("2025", mem: 12, vendorYoY: nil), period("2026", mem: 24, vendorYoY: -7)],
        derived: [:], priceInputs: [], parameters: [], notes: [])
    static let source = ChartSource(datasets: ["handset_market"], asOf: "2026-02-28")

    @Test func bomComparesBaseYearWithPeakQuarter() throws {
        let d = try ForecastCharts.bom(Self.result, source: Self.source)
        #expect(d.beforeLabel == "2025" && d.afterLabel == "2026Q2")
        #expect(d.segments.map(\.name) == Segment.allCases.map(\.rawValue))
        // entry: memory 30 of BOM 100 at the peak, 12 of 100 in the base year.
        #expect(d.segments[0].after == .init(memoryUSD: 30, nonMemoryUSD: 70))
        #expect(d.segments[0].before == .init(memoryUSD: 12, nonMemoryUSD: 88))
    }

    @Test func vendorsNeedTheYearAndAPriorYear() throws {
        let d = try ForecastCharts.vendors(Self.result, year: 2026, published: [.unisoc: [.init(source: "X 2026-01", value: -13)]], source: Self.source)
        #expect(d.vendors.count == SoCVendor.allCases.count - 1)   // "others" is not drawn
        #expect(d.vendors.first { $0.name == "UNISOC" }?.published.first?.value == -13)
        #expect(throws: ChartError.noData(chart: .vendors, what: "SoC vendors: the run has no year 2027 (check --horizon)")) {
            try ForecastCharts.vendors(Self.result, year: 2027, published: [:], source: Self.source)
        }
        #expect(throws: ChartError.self) { try ForecastCharts.vendors(Self.result, year: 2025, published: [:], source: Self.source) }
    }

    @Test func fanKeepsHistoryBeforeTheFirstForecastQuarter() throws {
        let history = ObservedHistory(globalShipmentsM: [LabeledValue("2025Q3", 320), LabeledValue("2025Q4", 330)])
        let d = try ForecastCharts.fan(Self.result, measure: .shipments, scope: .global, history: history, source: Self.source)
        #expect(d.series.count == 1 && d.series[0].history.map(\.label) == ["2025Q3"])
        #expect(d.series[0].forecast.map(\.label) == ["2025Q4", "2026Q1", "2026Q2", "2026Q3"])
        let segs = try ForecastCharts.fan(Self.result, measure: .asp, scope: .allSegments, history: history, source: Self.source)
        #expect(segs.series.map(\.name) == Segment.allCases.map(\.rawValue))
        #expect(throws: ChartError.self) {
            try ForecastCharts.fan(Self.result, measure: .contract, scope: .segment(.entry), history: history, source: Self.source)
        }
    }

    // A gap breaks the history: only the run of quarters ending just before the forecast is kept.
    @Test func historyIsTheContiguousTail() {
        let pts: [(Period, Double)] = [("2022Q3", 1.0), ("2024Q3", 2.0), ("2024Q4", 3.0)].map { (Period(quarterText: $0.0)!, $0.1) }
        #expect(ObservedHistory.contiguousTail(pts, before: Period(quarterText: "2025Q1")!).map(\.label) == ["2024Q3", "2024Q4"])
        #expect(ObservedHistory.contiguousTail(pts, before: Period(quarterText: "2025Q2")!).isEmpty)
    }

    @Test func reportTablesFormatQuantiles() {
        #expect(ForecastReport.q(QuantileSummary(p05: -8, p50: -6.1, p95: -4.26), signed: true) == "\u{2212}6.1 [\u{2212}8.0, \u{2212}4.3]")
        #expect(ForecastReport.q(nil) == "–")
        let tables = ForecastReport.headline(Self.result)
        #expect(tables.count == 2)
        #expect(tables[0].rows.first?.first == "global" && tables[0].rows.count == 1 + Segment.allCases.count + Region.allCases.count)
        #expect(tables[1].rows.count == SoCVendor.allCases.count)
    }

    static func embedded(_ name: String) throws -> [Observation] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try DatasetCatalog(overlay: nil, environment: ["MEMCAST_DATASETS": root.appendingPathComponent("Datasets").path])
            .observations(name)
    }

    // TrendForce's own releases of its 1Q26 conventional DRAM call in memory_prices.csv:
    // mp0069 (2026-01-05, 55–60%) and mp0071 (2026-02-02 revision, 90–95%). Restatements
    // by others (SMBOM, Evertiq) and other DRAM series are not its releases.
    @Test func contractCallsAreThePublishersOwnVintagesAsOf() throws {
        let rows = try Self.embedded("memory_prices")
        let q = Period(year: 2026, quarter: 1)
        let feb = ForecastCharts.contractCalls(rows, quarter: q, asOf: CalendarDate(year: 2026, month: 2, day: 28)!)
        #expect(feb.map(\.id).sorted() == ["mp0069", "mp0071"])
        #expect(ForecastCharts.contractCalls(rows, quarter: q, asOf: CalendarDate(year: 2026, month: 1, day: 31)!).map(\.id) == ["mp0069"])
        #expect(ForecastCharts.contractCalls(rows, quarter: q, asOf: CalendarDate(year: 2025, month: 12, day: 31)!).isEmpty)

        let lower = ForecastCharts.PublishedCalls(name: "TrendForce 1Q26 DRAM call", unit: "% change QoQ", calls: feb)
        let data = try ForecastCharts.vintage(title: "t", unit: "% YoY", model: [("2026-02-28", Self.qs(-3))], modelName: "memcast",
                                              published: [], lower: lower, source: Self.source)
        #expect(data.panels.map(\.unit) == ["% YoY", "% change QoQ"])
        #expect(data.panels[1].series == [.init(name: "TrendForce 1Q26 DRAM call", points: [
            .init(asOf: "2026-01-05", value: 57.5, range: 55...60), .init(asOf: "2026-02-02", value: 92.5, range: 90...95),
        ], isPublished: true)])
        // No call known yet: one panel.
        let early = try ForecastCharts.vintage(title: "t", unit: "% YoY", model: [("2025-12-31", Self.qs(-1))], modelName: "memcast",
                                               published: [], lower: .init(name: "TF", unit: "% change QoQ", calls: []), source: Self.source)
        #expect(early.panels.count == 1)
    }

    // Shipment calls: forecasts of the year's global change published by the as-of date.
    @Test func shipmentCallsAreForecastsOfTheYearAsOf() throws {
        let rows = try Self.embedded("handset_market")
        let asOf = CalendarDate(year: 2026, month: 2, day: 28)!
        let calls = ForecastCharts.shipmentCalls(rows, year: 2026, asOf: asOf)
        #expect(!calls.isEmpty)
        for c in calls {
            #expect(c.periodText == "2026" && c.metric == "yoy_pct" && c.entity == "global")
            #expect(c.kind == .forecast || c.kind == .revisedForecast)
            #expect(c.published!.latest <= asOf)
        }
        #expect(ForecastCharts.shipmentCalls(rows, year: 2026, asOf: nil).count >= calls.count)
    }
}
