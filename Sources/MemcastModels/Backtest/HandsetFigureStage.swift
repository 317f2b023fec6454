import Foundation
import MemcastData

/// A handset-market stage: a quarterly figure trackers publish (shipments YoY, ASP YoY,
/// memory share of BOM), forecast by `MemoryDrivenARX`.
///
/// Rows: `handset_market` rows of the stage's topic, entity, region and metric with a
/// quarterly period. Realized = the latest `estimate`/`actual` vintage of each quarter
/// (trackers disagree; the vintage rule picks one, the latest publication) of a quarter ended
/// by the truth date (`BacktestData.realizedCut`). History at an
/// origin = the realized rows published by the origin date. Tracker calls = `forecast`
/// and `revised_forecast` rows of the same figure (also under topic `forecast_revision`).
public struct HandsetFigureStage: BacktestStage {
    public let name: String
    public let title: String
    public let unit: String
    public let seasonalPeriod: Int? = nil
    public let trackerName: String? = "trackers"
    public let notes: [String]
    public let realized: [Period: RealizedValue]

    let rows: [Observation]
    let calls: [Period: [Observation]]
    let driver: MemoryDrivenARX.Driver

    /// - Parameters:
    ///   - match: which `handset_market` rows are the figure (any topic; tracker rows are
    ///     the forecast kinds among them).
    public init(name: String, title: String, unit: String, data: BacktestData, notes: [String] = [],
                match: @escaping (Observation) -> Bool) {
        self.name = name
        self.title = title
        self.unit = unit
        let matching = data.handsetMarket.filter { $0.period?.granularity == .quarter && $0.value != nil && match($0) }
        rows = matching.filter { BacktestData.realizedKinds.contains($0.kind) }
        var calls: [Period: [Observation]] = [:]
        for o in matching where BacktestData.forecastKinds.contains(o.kind) { calls[o.period!, default: []].append(o) }
        self.calls = calls
        realized = BacktestData.ended(BacktestData.latestByQuarter(rows, kinds: BacktestData.realizedKinds, asOf: nil),
                                      by: data.realizedCut(data.handsetMarket))
            .mapValues { RealizedValue(value: $0.value!, source: BacktestData.source($0)) }
        driver = MemoryDrivenARX.Driver(prices: data.memoryPrices)
        self.notes = notes
    }

    public func history(asOf: CalendarDate, through origin: Period) -> QuarterlySeries {
        let known = BacktestData.latestByQuarter(rows, kinds: BacktestData.realizedKinds, asOf: asOf)
        return QuarterlySeries(known.filter { $0.key <= origin }.mapValues { $0.value! })
    }

    public func model(asOf: CalendarDate, origin: Period, history: QuarterlySeries, targets: [Period]) -> ModelOutcome {
        MemoryDrivenARX.forecast(history: history, driver: driver.values(asOf: asOf), targets: targets)
    }

    public func trackerCall(target: Period, asOf: CalendarDate) -> TrackerCall? {
        BacktestData.latestCall(calls[target], asOf: asOf)
    }

    public func firstTrackerCall(target: Period) -> TrackerCall? { BacktestData.firstCall(calls[target], for: target) }
}
