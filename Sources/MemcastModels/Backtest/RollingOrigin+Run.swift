import Foundation
import MemcastData

extension RollingOrigin {
    /// Fewest pairs a horizon needs before its metrics are reported.
    public static let defaultMinimumPairs = 8
    /// Fewest known quarters an origin's history needs (naive needs one, drift and the
    /// MASE scale two); origins with less are skipped and counted.
    public static let minimumHistory = 2

    /// Backtests one stage over every origin.
    ///
    /// At each origin O (as of the last day of O, skipped when fewer than `minimumHistory`
    /// quarters were known): the stage's history through O, the
    /// model re-estimated on what was known, the baselines from the history, and the
    /// tracker's latest call published by then; each target O+h with a realized value
    /// becomes a `BacktestPair`.
    ///
    /// Scoring, per horizon: the model, its variants (`BacktestStage.modelVariantNames`) and
    /// the baselines are scored on the same pairs — those where the model made a forecast
    /// (all pairs when it never could) — so a row of the table never wins by covering easier
    /// quarters. A horizon with fewer than
    /// `minimumPairs` such pairs is not scored (its counts are kept). The tracker is
    /// scored on the pairs where it had published a call by the origin date, with the
    /// model's and naive's MAE on the same pairs beside it.
    public func run(_ stage: BacktestStage, minimumPairs: Int = RollingOrigin.defaultMinimumPairs) -> StageBacktest {
        precondition(minimumPairs >= 1)
        let realized = stage.realized
        let m = stage.seasonalPeriod
        let methods: [Baseline] = (m == nil ? [.naive, .drift] : [.naive, .seasonalNaive, .drift])
            + (stage.measuresPriceChange ? [.noChange] : [])
        var pairs: [BacktestPair] = []
        var modelOrigins = 0, shortHistory = 0
        var unavailable: [String: Int] = [:]
        for origin in origins {
            let asOf = RollingOrigin.asOfDate(origin: origin)
            let history = stage.history(asOf: asOf, through: origin)
            guard history.count >= RollingOrigin.minimumHistory else { shortHistory += 1; continue }
            let targets = self.targets(of: origin)
            let (outcome, variantOutcomes) = stage.modelAndVariants(asOf: asOf, origin: origin, history: history, targets: targets)
            var forecasts: [PointForecast?] = Array(repeating: nil, count: targets.count)
            switch outcome {
            case .forecasts(let f):
                precondition(f.count == targets.count, "\(stage.name): model gave \(f.count) forecasts for \(targets.count) targets")
                forecasts = f
                modelOrigins += 1
            case .unavailable(let why):
                unavailable[why, default: 0] += 1
            }
            var variants: [[String: PointForecast]] = Array(repeating: [:], count: targets.count)
            for (name, variant) in variantOutcomes {
                guard case .forecasts(let f) = variant else { continue }
                precondition(f.count == targets.count, "\(stage.name): \(name) gave \(f.count) forecasts for \(targets.count) targets")
                for (i, v) in f.enumerated() { variants[i][name] = v }
            }
            let scale = history.naiveScale(seasonalPeriod: m ?? 1)
            for (i, target) in targets.enumerated() {
                guard let actual = realized[target]?.value else { continue }
                var b: [Baseline: PointForecast] = [:]
                for method in methods {
                    if let f = method.forecast(history: history, target: target, seasonalPeriod: m ?? 4) { b[method] = f }
                }
                pairs.append(BacktestPair(origin: origin, horizon: i + 1, target: target, actual: actual, scale: scale,
                                          model: forecasts[i], variants: variants[i], baselines: b,
                                          tracker: stage.trackerCall(target: target, asOf: asOf)))
            }
        }

        let anyModel = pairs.contains { $0.model != nil }
        var horizonScores: [HorizonScores] = []
        for h in horizons {
            let all = pairs.filter { $0.horizon == h }
            let common = anyModel ? all.filter { $0.model != nil } : all
            let scored = common.count >= minimumPairs
            var model: ForecastMetrics?
            var variants: [VariantScores] = []
            var base: [Baseline: ForecastMetrics] = [:]
            if scored {
                if anyModel { model = Self.score(common) { $0.model } }
                for name in stage.modelVariantNames {
                    let s = Self.score(common) { $0.variants[name] }
                    if s.count > 0 { variants.append(VariantScores(name: name, metrics: s)) }
                }
                for method in methods {
                    let s = Self.score(common) { $0.baselines[method] }
                    if s.count > 0 { base[method] = s }
                }
            }
            let withCall = all.filter { $0.tracker != nil }
            var tracker: TrackerScores?
            if withCall.count >= minimumPairs {
                var acc = ForecastMetricsAccumulator()
                for p in withCall { acc.add(actual: p.actual, forecast: p.tracker!.value, scale: p.scale) }
                let paired = withCall.filter { $0.model != nil }
                tracker = TrackerScores(
                    metrics: acc.metrics, pairedCount: paired.count,
                    pairedModelMAE: paired.isEmpty ? nil : Self.score(paired) { $0.model }.mae,
                    pairedTrackerMAE: paired.isEmpty ? nil
                        : Self.score(paired) { PointForecast(point: $0.tracker!.value) }.mae,
                    pairedNaiveMAE: Self.score(withCall) { $0.baselines[.naive] }.mae)
            }
            horizonScores.append(HorizonScores(horizon: h, pairCount: common.count, isScored: scored, model: model,
                                               variants: variants, baselines: base, tracker: tracker, trackerCount: withCall.count))
        }

        let targetRange = self.targetRange
        let realizedInRange = realized.keys.filter { targetRange.contains($0) }.count
        let firstCall = Self.firstCalls(stage, realized: realized, range: targetRange, pairs: pairs, minimumPairs: minimumPairs)
        var result = StageBacktest(
            name: stage.name, title: stage.title, unit: stage.unit, trackerName: stage.trackerName, notes: stage.notes,
            originCount: origins.count, modelOriginCount: modelOrigins, originsWithShortHistory: shortHistory,
            modelUnavailable: unavailable, realizedCount: realizedInRange, horizons: horizonScores,
            firstCall: firstCall, pairs: pairs, status: .scored, verdict: "", minimumPairs: minimumPairs)
        if !horizonScores.contains(where: \.isScored) {
            let best = horizonScores.map(\.pairCount).max() ?? 0
            var why = "\(realizedInRange) realized quarter\(realizedInRange == 1 ? "" : "s") in \(targetRange.lowerBound)…\(targetRange.upperBound)"
            if anyModel {
                why += "; the model could be estimated at \(modelOrigins) of \(origins.count) origins"
            }
            why += "; at most \(best) scored pair\(best == 1 ? "" : "s") per horizon (need \(minimumPairs))"
            result.status = .insufficient(why)
        }
        result.verdict = BacktestVerdict.line(for: result)
        return result
    }

    /// Metrics of `pairs` for the forecasts `pick` returns (pairs without one are skipped).
    static func score(_ pairs: [BacktestPair], _ pick: (BacktestPair) -> PointForecast?) -> ForecastMetrics {
        var acc = ForecastMetricsAccumulator()
        for p in pairs {
            guard let f = pick(p) else { continue }
            acc.add(actual: p.actual, forecast: f.point, scale: p.scale, quantiles: f.quantiles)
        }
        return acc.metrics
    }

    /// The tracker's first call for each realized quarter in range, scored (nil when there is none).
    static func firstCalls(_ stage: BacktestStage, realized: [Period: RealizedValue], range: ClosedRange<Period>,
                           pairs: [BacktestPair], minimumPairs: Int) -> FirstCallScores? {
        guard stage.trackerName != nil else { return nil }
        var acc = ForecastMetricsAccumulator()
        var leads: [Double] = []
        var modelAcc = ForecastMetricsAccumulator()
        for (q, r) in realized.sorted(by: { $0.key < $1.key }) where range.contains(q) {
            guard let call = stage.firstTrackerCall(target: q) else { continue }
            acc.add(actual: r.value, forecast: call.value)
            leads.append(Double(Period(day: call.published.latest).distance(to: Period(day: q.start))))
            if let p = pairs.first(where: { $0.target == q && $0.horizon == 1 }), let f = p.model {
                modelAcc.add(actual: p.actual, forecast: f.point)
            }
        }
        guard acc.pairs > 0 else { return nil }
        let m = modelAcc.metrics
        return FirstCallScores(metrics: acc.metrics, isScored: acc.pairs >= minimumPairs,
                               medianLeadDays: Quantiles.of(leads, [0.5])[0],
                               modelH1MAE: m.count > 0 ? m.mae : nil, modelH1Count: m.count)
    }
}
