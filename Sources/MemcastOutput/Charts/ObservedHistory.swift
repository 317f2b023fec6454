import MemcastData
import MemcastModels

/// Observed series drawn before the forecast in fan charts, each the latest
/// vintage known on the as-of date (`VintageSelection`).
public struct ObservedHistory: Sendable, Equatable {
    /// Mobile DRAM / NAND contract change per quarter, % QoQ (realized figures only, not forecasts).
    public var dramQoQPct: [LabeledValue]
    public var nandQoQPct: [LabeledValue]
    /// Global smartphone shipments per quarter, million units (trackers' actuals).
    public var globalShipmentsM: [LabeledValue]

    public init(dramQoQPct: [LabeledValue] = [], nandQoQPct: [LabeledValue] = [], globalShipmentsM: [LabeledValue] = []) {
        self.dramQoQPct = dramQoQPct; self.nandQoQPct = nandQoQPct; self.globalShipmentsM = globalShipmentsM
    }

    /// Reads the history from `memory_prices` and `handset_market` rows for quarters in `from..<before`.
    public static func load(memoryPrices: [Observation], handsetMarket: [Observation], asOf: CalendarDate?,
                            from: Period, before: Period) -> ObservedHistory {
        func contract(_ series: String) -> [LabeledValue] {
            guard let idx = try? ContractPriceIndex(series: series, observations: memoryPrices, asOf: asOf, from: from,
                                                    through: before.advanced(by: -1)) else { return [] }
            return contiguousTail(idx.points.compactMap { p in
                guard let g = p.changePct, p.source != .gap, !p.isForecast, p.quarter >= from else { return nil }
                return (p.quarter, g)
            }, before: before)
        }
        let shipments = VintageSelection.latest(handsetMarket.filter {
            $0.series == "shipments" && $0.entity == "global" && $0.region == "global" && $0.metric == "units_m"
                && $0.kind == .actual && $0.period?.granularity == .quarter
        }, asOf: asOf)
        let units = shipments.compactMap { o -> (Period, Double)? in
            guard let p = o.period, let v = o.value, p >= from, p < before else { return nil }
            return (p, v)
        }.sorted { $0.0 < $1.0 }
        return ObservedHistory(dramQoQPct: contract(MemoryKind.dram.mobileSeries), nandQoQPct: contract(MemoryKind.nand.mobileSeries),
                               globalShipmentsM: contiguousTail(units, before: before))
    }

    /// The unbroken run of quarters ending at the quarter before `before` (a fan chart's
    /// x axis is evenly spaced, so a gap would put distant quarters side by side).
    static func contiguousTail(_ points: [(Period, Double)], before: Period) -> [LabeledValue] {
        let sorted = points.sorted { $0.0 < $1.0 }
        var tail: [(Period, Double)] = []
        var expected = before.advanced(by: -1)
        for p in sorted.reversed() {
            guard p.0 == expected else { break }
            tail.append(p)
            expected = expected.advanced(by: -1)
        }
        return tail.reversed().map { LabeledValue($0.0.description, $0.1) }
    }
}
