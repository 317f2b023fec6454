@testable import MemcastOutput

/// Made-up chart inputs for structure tests. They are shaped like forecast
/// output (quarters, segments, vendors) but are NOT data and carry no source.
enum ChartSamples {
    static let source = ChartSource(datasets: ["memory_prices", "handset_market"], asOf: "2026-02-28", scenario: "test")

    static var fan: FanChartData {
        let history = [("2025Q1", 2.1), ("2025Q2", 2.2), ("2025Q3", 2.5), ("2025Q4", 3.4)].map { LabeledValue($0.0, $0.1) }
        let forecast = [("2026Q1", 6.4, 6.6, 6.8), ("2026Q2", 6.5, 7.4, 8.6), ("2026Q3", 6.0, 7.6, 9.6), ("2026Q4", 5.2, 7.3, 10.4)]
            .map { LabeledBand($0.0, QuantileBand(p05: $0.1, p50: $0.2, p95: $0.3)) }
        return FanChartData(title: "Mobile DRAM contract price", unit: "USD per GB",
                            series: [.init(name: "DRAM contract", history: history, forecast: forecast)], source: source)
    }

    static var fanTwoSeries: FanChartData {
        var d = fan
        var second = d.series[0]
        second.name = "NAND contract"
        second.history = second.history.map { LabeledValue($0.label, $0.value / 30) }
        second.forecast = second.forecast.map { LabeledBand($0.label, QuantileBand(p05: $0.band.p05 / 30, p50: $0.band.p50 / 30, p95: $0.band.p95 / 30)) }
        d.series.append(second)
        return d
    }

    static var bom: BOMBarsData {
        let rows: [(String, Double, Double, Double, Double)] = [
            ("entry", 14, 86, 31, 86), ("low_mid", 24, 166, 52, 166), ("mid", 36, 264, 75, 264),
            ("high", 48, 402, 96, 402), ("premium", 62, 618, 121, 618),
        ]
        return BOMBarsData(title: "Memory share of handset BOM", beforeLabel: "2025", afterLabel: "2026Q2",
                           segments: rows.map { .init(name: $0.0, before: .init(memoryUSD: $0.1, nonMemoryUSD: $0.2),
                                                      after: .init(memoryUSD: $0.3, nonMemoryUSD: $0.4)) },
                           source: source)
    }

    static var tornado: TornadoData {
        TornadoData(title: "What drives 2026 shipments", output: "2026 global shipments", unit: "% YoY", baseline: -6.0,
                    bars: [.init(name: "elasticity_entry", outputAtLow: -3.5, outputAtHigh: -8.9),
                           .init(name: "dram_1q26_qoq_pct", outputAtLow: -5.1, outputAtHigh: -6.9),
                           .init(name: "pass_through_mid", outputAtLow: -5.4, outputAtHigh: -6.7),
                           .init(name: "replacement_cycle_months", outputAtLow: -7.9, outputAtHigh: -4.0)],
                    source: source)
    }

    static var vendors: VendorBarsData {
        let cp = "Counterpoint 2026-01"
        return VendorBarsData(title: "2026 SoC shipments by vendor", unit: "2026 shipments, % YoY", vendors: [
            .init(name: "MediaTek", model: .init(p05: -11, p50: -8, p95: -5), published: [.init(source: cp, value: -8)]),
            .init(name: "Qualcomm", model: .init(p05: -9, p50: -6, p95: -3), published: [.init(source: cp, value: -6)]),
            .init(name: "Apple", model: .init(p05: -4, p50: -1.5, p95: 1)),
            .init(name: "UNISOC", model: .init(p05: -19, p50: -14, p95: -9), published: [.init(source: cp, value: -13)]),
            .init(name: "Samsung", model: .init(p05: -1, p50: 2, p95: 5), published: [.init(source: cp, value: 3)]),
            .init(name: "HiSilicon", model: .init(p05: 1, p50: 5, p95: 9), published: [.init(source: cp, value: 6)]),
        ], source: source)
    }

    static var vintage: VintageChartData {
        VintageChartData(title: "How the 2026 shipment forecast moved", unit: "% YoY", series: [
            .init(name: "memcast 2026 shipments", points: [
                .init(asOf: "2025-09-30", value: 0.4, interval: .init(p05: -1.5, p50: 0.4, p95: 2.1)),
                .init(asOf: "2025-10-31", value: -0.8, interval: .init(p05: -3, p50: -0.8, p95: 1.3)),
                .init(asOf: "2025-11-30", value: -2.5, interval: .init(p05: -5, p50: -2.5, p95: 0)),
                .init(asOf: "2025-12-31", value: -4.2, interval: .init(p05: -7, p50: -4.2, p95: -1.5)),
                .init(asOf: "2026-01-31", value: -5.6, interval: .init(p05: -8.5, p50: -5.6, p95: -2.8)),
            ], isPublished: false),
            .init(name: "tracker call", points: [.init(asOf: "2025-09-15", value: 0.5), .init(asOf: "2025-12-16", value: -2.1),
                                                 .init(asOf: "2026-01-28", value: -6.1)], isPublished: true),
        ], source: source)
    }

    /// The vintage sample with a second panel in other units: a published call
    /// given as ranges (its midpoints drawn, the ranges as bars).
    static var vintageTwoPanels: VintageChartData {
        var data = vintage
        data.title = "How the 2026 shipment forecast and the 1Q26 DRAM call moved"
        data.panels.append(.init(unit: "1Q26 DRAM contract price call, % change QoQ", series: [
            .init(name: "TrendForce 1Q26 DRAM call", points: [
                .init(asOf: "2026-01-05", value: 57.5, range: 55...60),
                .init(asOf: "2026-02-02", value: 92.5, range: 90...95),
            ], isPublished: true),
        ]))
        return data
    }
}
