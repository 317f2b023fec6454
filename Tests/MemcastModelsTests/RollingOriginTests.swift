import Testing
import MemcastData
@testable import MemcastModels

/// The origin schedule and the runner, on a synthetic stage whose answers are known.
@Suite struct RollingOriginTests {
    static func q(_ s: String) -> Period { Period(quarterText: s)! }

    @Test func schedule() throws {
        let r = try RollingOrigin(first: Self.q("2018Q1"), last: Self.q("2018Q2"), maxHorizon: 2)
        #expect(r.origins == [Self.q("2018Q1"), Self.q("2018Q2")])
        #expect(r.targets(of: Self.q("2018Q1")) == [Self.q("2018Q2"), Self.q("2018Q3")])
        #expect(RollingOrigin.asOfDate(origin: Self.q("2018Q1")) == CalendarDate("2018-03-31")!)
        #expect(r.targetRange == Self.q("2018Q2")...Self.q("2018Q4"))
    }

    @Test func badSchedules() {
        #expect(throws: BacktestError.usage("--from 2019Q1 is after --to 2018Q4")) {
            try RollingOrigin(first: Self.q("2019Q1"), last: Self.q("2018Q4"), maxHorizon: 4)
        }
        #expect(throws: BacktestError.usage("--horizon 0 is outside 1…8 quarters")) {
            try RollingOrigin(first: Self.q("2018Q1"), last: Self.q("2018Q4"), maxHorizon: 0)
        }
        #expect(throws: BacktestError.usage("--from 2018 is not a quarter (use e.g. 2018Q1)")) {
            try RollingOrigin(first: Period("2018")!, last: Self.q("2018Q4"), maxHorizon: 4)
        }
    }

    /// A line yₜ = t (t counted in quarters from 2015Q1), published the day its quarter ends;
    /// the model forecasts yₜ + 1. Known answers: model MAE 1 and bias +1 at every h;
    /// drift is exact (MAE 0); naive misses by h (MAE = h, a tie with the model at h = 1);
    /// MASE of naive = h (scale 1).
    struct Line: BacktestStage {
        var name = "line"
        var title = "a straight line"
        var unit = "pp"
        var seasonalPeriod: Int? = nil
        var measuresPriceChange = false
        var trackerName: String? = "Oracle"
        var notes: [String] = []
        /// Variants scored beside the model: `plus_two` forecasts yₜ + 2 (MAE 2), and only from 2019Q1.
        var modelVariantNames: [String] = []
        static let start = Period(quarterText: "2015Q1")!
        static func y(_ q: Period) -> Double { Double(start.distance(to: q)) }
        var realized: [Period: RealizedValue] {
            Dictionary(uniqueKeysWithValues: Line.start.quarters(through: Period(quarterText: "2030Q4")!)
                .map { ($0, RealizedValue(value: Line.y($0), source: "line")) })
        }
        func history(asOf: CalendarDate, through origin: Period) -> QuarterlySeries {
            QuarterlySeries(Dictionary(uniqueKeysWithValues: Line.start.quarters(through: origin)
                .filter { $0.end <= asOf }.map { ($0, Line.y($0)) }))
        }
        func model(asOf: CalendarDate, origin: Period, history: QuarterlySeries, targets: [Period]) -> ModelOutcome {
            .forecasts(targets.map { PointForecast(point: Line.y($0) + 1, normalSD: 1) })
        }
        func modelVariant(_ name: String, asOf: CalendarDate, origin: Period, history: QuarterlySeries,
                          targets: [Period]) -> ModelOutcome {
            origin < Period(quarterText: "2019Q1")! ? .unavailable("not yet")
                : .forecasts(targets.map { PointForecast(point: Line.y($0) + 2) })
        }
        // The oracle's call is exact, published 10 days before the quarter starts.
        func trackerCall(target: Period, asOf: CalendarDate) -> TrackerCall? {
            let published = Period(day: target.start).advanced(by: -10).start
            guard published <= asOf else { return nil }
            return TrackerCall(value: Line.y(target), publisher: "Oracle", published: PublicationDate(day: published), origin: "-")
        }
        func firstTrackerCall(target: Period) -> TrackerCall? {
            trackerCall(target: target, asOf: target.end)
        }
    }

    @Test func runnerOnKnownAnswers() throws {
        let schedule = try RollingOrigin(first: Self.q("2018Q1"), last: Self.q("2020Q4"), maxHorizon: 3)
        let r = schedule.run(Line(), minimumPairs: 8)
        #expect(r.status == .scored)
        #expect(r.originCount == 12 && r.modelOriginCount == 12 && r.horizons.count == 3)
        for h in r.horizons {
            #expect(h.pairCount == 12 && h.isScored)
            #expect(h.model!.mae == 1 && h.model!.bias == 1)
            #expect(h.model!.coverage90 == 1)   // |e| = 1 < 1.645
            #expect(h.baselines[.drift]!.mae < 1e-12)
            #expect(h.baselines[.naive]!.mae == Double(h.horizon))
            #expect(h.baselines[.naive]!.mase == Double(h.horizon))
            #expect(h.baselines[.seasonalNaive] == nil)   // not seasonal
        }
        // The oracle's call for O+1 is out 10 days before O+1 starts, i.e. by O's end; O+2 is not.
        #expect(r.horizons[0].tracker?.metrics.mae == 0 && r.horizons[0].trackerCount == 12)
        #expect(r.horizons[0].tracker?.pairedModelMAE == 1 && r.horizons[0].tracker?.pairedTrackerMAE == 0)
        #expect(r.horizons[1].trackerCount == 0 && r.horizons[1].tracker == nil)
        #expect(r.firstCall?.metrics.mae == 0 && r.firstCall?.medianLeadDays == 10)
        #expect(r.verdict == "model better than naive at 2 of 3 scored horizons (mean MAE 1.00 vs 2.00 pp); "
                + "the model's 90% intervals held 100% of 36 realized values; "
                + "Oracle better than the model (MAE 0.00 vs 1.00 on 12 common pairs)")
    }

    /// A price-change stage is also scored against no change (0); the line's values are t, so no
    /// change misses by t at every h, and the verdict says the model beats it everywhere.
    @Test func priceChangeStagesFaceNoChange() throws {
        var priceLine = Line()
        priceLine.measuresPriceChange = true
        priceLine.trackerName = nil
        let schedule = try RollingOrigin(first: Self.q("2018Q1"), last: Self.q("2020Q4"), maxHorizon: 2)
        let r = schedule.run(priceLine, minimumPairs: 8)
        // Targets O+h for O = 2018Q1…2020Q4 (t = 12…23): t from 12+h to 23+h, mean 17.5 + h.
        #expect(r.horizons.map { $0.baselines[.noChange]!.mae } == [18.5, 19.5])
        #expect(r.verdict.contains("better than no change at every horizon (mean MAE 1.00 vs 19.00)"), "\(r.verdict)")
        // The plain line is not a price change: no such baseline.
        #expect(schedule.run(Line(), minimumPairs: 8).horizons.allSatisfy { $0.baselines[.noChange] == nil })
    }

    /// A model variant is scored on the model's pairs and listed under its name: `plus_two` misses by 2
    /// on the 8 pairs from origins 2019Q1…2020Q4 (it has none before), so its MAE is 2 and its count 8
    /// while the model's is 12; without variants the list is empty.
    @Test func modelVariantsAreScoredBesideTheModel() throws {
        var line = Line()
        line.modelVariantNames = ["plus_two"]
        let schedule = try RollingOrigin(first: Self.q("2018Q1"), last: Self.q("2020Q4"), maxHorizon: 2)
        let r = schedule.run(line, minimumPairs: 8)
        for h in r.horizons {
            #expect(h.variants.map(\.name) == ["plus_two"])
            #expect(h.variants[0].metrics.mae == 2 && h.variants[0].metrics.count == 8 && h.model!.count == 12)
        }
        #expect(schedule.run(Line(), minimumPairs: 8).horizons.allSatisfy { $0.variants.isEmpty })
    }

    /// Two realized quarters: not scored, and the reason gives the counts.
    @Test func tooFewRealizedIsNotScored() throws {
        struct Sparse: BacktestStage {
            var base = Line()
            var name: String { "sparse" }
            var title: String { "sparse" }
            var unit: String { "pp" }
            var seasonalPeriod: Int? { nil }
            var trackerName: String? { nil }
            var notes: [String] { [] }
            var realized: [Period: RealizedValue] {
                base.realized.filter { [Period(quarterText: "2018Q3")!, Period(quarterText: "2019Q2")!].contains($0.key) }
            }
            func history(asOf: CalendarDate, through origin: Period) -> QuarterlySeries { base.history(asOf: asOf, through: origin) }
            func model(asOf: CalendarDate, origin: Period, history: QuarterlySeries, targets: [Period]) -> ModelOutcome {
                base.model(asOf: asOf, origin: origin, history: history, targets: targets)
            }
            func trackerCall(target: Period, asOf: CalendarDate) -> TrackerCall? { nil }
            func firstTrackerCall(target: Period) -> TrackerCall? { nil }
        }
        let schedule = try RollingOrigin(first: Self.q("2018Q1"), last: Self.q("2019Q4"), maxHorizon: 4)
        let r = schedule.run(Sparse())
        #expect(r.status == .insufficient("2 realized quarters in 2018Q2…2020Q4; the model could be estimated at 8 of 8 origins; "
                                          + "at most 2 scored pairs per horizon (need 8)"))
        #expect(r.horizons.allSatisfy { $0.model == nil && $0.baselines.isEmpty })
        #expect(r.verdict.hasPrefix("not scored: 2 realized quarters"))
    }

    /// Coverage pooled by pairs, not averaged by horizon: 5 of 10 and 30 of 30 → 35 of 40 = 0.875, which is
    /// not called too narrow; 5 of 10 alone is.
    @Test func pooledIntervalCoverage() {
        let q = QuantileSummary(p05: -1, p50: 0, p95: 1)
        let half = ForecastMetrics.of(actual: (0..<10).map { $0 < 5 ? 0 : 5 }, forecast: Array(repeating: 0, count: 10),
                                      quantiles: Array(repeating: q, count: 10))
        let all = ForecastMetrics.of(actual: Array(repeating: 0.5, count: 30), forecast: Array(repeating: 0, count: 30),
                                     quantiles: Array(repeating: q, count: 30))
        let c = BacktestVerdict.pooledCoverage([half, all])
        #expect(c?.share == 0.875 && c?.pairs == 40)
        #expect(c!.share >= BacktestVerdict.lowCoverage)
        #expect(BacktestVerdict.pooledCoverage([half])!.share < BacktestVerdict.lowCoverage)
        #expect(BacktestVerdict.pooledCoverage([ForecastMetrics.of(actual: [1], forecast: [1])]) == nil)
    }
}
