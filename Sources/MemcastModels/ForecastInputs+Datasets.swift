import Foundation
import MemcastData

extension ForecastInputs {
    /// Default horizon of `memcast forecast`.
    public static let defaultHorizon = Period(year: 2027, quarter: 4)
    /// Base year of the reference configurations.
    public static let defaultBaseYear = 2025
    /// Width given to a one-sided published range ("over 40%" → 40–45), percent.
    public static let oneSidedWidthPct = 5.0

    /// The quarters a run can simulate, whatever its `--horizon`: from the year before the base
    /// year (it seeds the price momentum) through the latest horizon allowed.
    public static func coverableQuarters(baseYear: Int = defaultBaseYear) -> ClosedRange<Period> {
        Period(year: baseYear - 1, quarter: 1)...Period(year: baseYear + 5, quarter: 4)
    }

    /// The datasets a run reads.
    static let inputDatasetNames: Set<String> = EmbeddedDatasets.modelDatasetNames.union(["memory_prices", "supply_demand"])

    /// Resolves every input of a run from the datasets as of `asOf`, the calibration table
    /// and `scenario`. `today` (the CLI's clock; nil in tests) only words the note on an `asOf` past the data.
    ///
    /// - Throws: `ForecastError.invalidInputs` for a horizon before the forecast starts,
    ///   `ForecastError.noData` for an as-of date before any published figure, and the
    ///   loader's errors for missing or malformed datasets.
    public static func build(catalog: DatasetCatalog, scenario: Scenario, asOf: CalendarDate?,
                             horizon: Period? = nil, baseYear: Int = defaultBaseYear, today: CalendarDate? = nil) throws -> ForecastInputs {
        let horizon = horizon ?? defaultHorizon
        let firstForecast = Period(year: baseYear + 1, quarter: 1)
        guard horizon.granularity == .quarter else { throw ForecastError.invalidInputs("--horizon must be a quarter such as 2027Q4") }
        guard horizon >= firstForecast else {
            throw ForecastError.invalidInputs("--horizon \(horizon) is before the forecast starts (\(firstForecast)): "
                                              + "\(baseYear) is the base year the configurations describe")
        }
        let coverable = coverableQuarters(baseYear: baseYear)
        guard horizon <= coverable.upperBound else {
            throw ForecastError.invalidInputs("--horizon \(horizon) is more than five years past the base year \(baseYear)")
        }
        let model = try ModelDatasets.load(from: catalog)
        let prices = try MemoryPriceRows.load(from: catalog).filter { !$0.isLowReliability }
        // A high alone is read 5 points wide (`range(of:)`); at -95 or below that is a fall of 100% or
        // more, and the forecast trapped on it (exit 132). The data layer holds each value above -100.
        if let o = prices.first(where: { $0.low == nil && $0.point == nil && ($0.high ?? 0) - oneSidedWidthPct <= -100 }) {
            throw ForecastError.invalidInputs("\(o.origin): column 'high': \(Plausibility.fmt(o.high!))% alone is read as "
                                              + "\(Plausibility.fmt(o.high! - oneSidedWidthPct))…\(Plausibility.fmt(o.high!))% "
                                              + "(\(Plausibility.fmt(oneSidedWidthPct)) points below), a fall of 100% or more; give low as well")
        }
        let supply = try catalog.observations("supply_demand").filter { !$0.isLowReliability }
        if let asOf {
            let first = prices.compactMap { $0.published?.latest }.min()
            if VintageSelection.known(prices, asOf: asOf).isEmpty {
                throw ForecastError.noData("--as-of \(asOf) is before any published memory price "
                                           + "(the first was published \(first.map { "\($0)" } ?? "never"))")
            }
        }
        // Say which inputs are the user's own files, so a run is never mistaken for one on the embedded data.
        var notes = catalog.entries.filter { $0.fromOverlay && inputDatasetNames.contains($0.name) }
            .map { "data: \($0.name).csv from \(catalog.overlayDirectory ?? "--data") (overlay)" }
        let dated = (prices + supply).compactMap { o in o.published.map { ($0, o.origin) } }
            + model.launchPairs.map { ($0.published, $0.origin) }
        if let n = VintageSelection.asOfNote(asOf: asOf, dated: dated, today: today) { notes.append(n) }
        notes += Observation.fractionSuspects(prices)
        let start = coverable.lowerBound
        let cal = model

        // Prices: mobile series where published, else their proxies (ContractPriceIndex rule).
        var inputs: [MemoryKind: [Period: PriceChangeRange]] = [:]
        var previous: [MemoryKind: [Double]] = [:]
        var familyRows: [MemoryKind: [Period: Observation]] = [:]
        var spreads: [String: CallMissSpread] = [:], calledQuarters: [String: [String]] = [:]
        for kind in MemoryKind.allCases {
            let series = kind.mobileSeries
            let idx = try ContractPriceIndex(series: series, observations: prices, asOf: asOf,
                                             from: start.advanced(by: -4), through: horizon)
            var byQuarter: [Period: PriceChangeRange] = [:]
            var before = [Double](repeating: 0, count: 4)
            for p in idx.points.dropFirst() {
                let r = p.source == .gap ? nil : p.observation.flatMap { range(of: $0) }
                if p.quarter < start {
                    let i = start.advanced(by: -4).distance(to: p.quarter)
                    if let r { before[i] = r.midPct } else { notes.append("\(kind.rawValue): no contract change published for \(p.quarter); taken as 0 for the momentum terms") }
                    continue
                }
                if let r { byQuarter[p.quarter] = r; familyRows[kind, default: [:]][p.quarter] = p.observation }
            }
            // A tracker's forecast-kind call carries its past misses (`CallMisses`); estimates and actuals do not.
            for q in byQuarter.keys {
                guard let o = familyRows[kind]?[q], CallMisses.isCall(o), scenario.prices[kind]?[q] == nil else { continue }
                let tracker = PublisherOrigin.of(o.publisher)
                if spreads[tracker] == nil { spreads[tracker] = CallMisses.misses(prices: prices, tracker: tracker, asOf: asOf) }
                let m = spreads[tracker]!
                byQuarter[q]!.callMiss = CallMisses.usable(m)
                calledQuarters[tracker, default: []].append("\(kind.rawValue) \(q)")
            }
            for (q, r) in scenario.prices[kind] ?? [:] { byQuarter[q] = r }
            // Flat only after the last called quarter: a gap between calls is a quarter that happened, left to the model.
            // Without any call, from the start (the count `unpublishedStep` uses), so flat never falls back to the equation.
            if scenario.unpublishedPrices == .flat, case let last = byQuarter.keys.max() ?? start.advanced(by: -1), last < horizon {
                for q in last.advanced(by: 1).quarters(through: horizon) {
                    byQuarter[q] = PriceChangeRange(lowPct: 0, highPct: 0, origin: .scenario("\(scenario.origin): unpublished = flat"))
                }
            }
            inputs[kind] = byQuarter
            previous[kind] = before
        }
        for (tracker, qs) in calledQuarters.sorted(by: { $0.key < $1.key }) {
            let m = spreads[tracker]!
            notes.append(CallMisses.note(tracker: tracker, spread: CallMisses.usable(m), found: m.count,
                                         quarters: qs.sorted()))
        }
        if let n = pinsPastHorizonNote(scenario, horizon: horizon) { notes.append(n) }
        switch scenario.unpublishedPrices {
        case .model: break
        case .flat:
            notes.append("prices: quarters after the last published call (as of \(asOf.map { "\($0)" } ?? "the latest data")) or pin "
                         + "are held flat (0% QoQ, scenario unpublished = \"flat\"), not projected by the price equation")
        case .modelThenFlat:
            notes.append("prices: the first quarter after the last published call (as of \(asOf.map { "\($0)" } ?? "the latest data")) "
                         + "or pin is projected by the price equation; later ones keep its shocks around a flat price "
                         + "(scenario unpublished = \"model_then_flat\")")
        }
        let parts = MemoryPartCalls.adopted(prices: prices, familyInputs: inputs, familyRows: familyRows, asOf: asOf)
        notes += parts.notes

        // Supply–demand gaps by year, and the price equation (pooled over DRAM and NAND changes and
        // realized DDR4 contract levels: the NAND series alone has too few runs of five known quarters).
        var gaps: [MemoryKind: [Int: ValueRange]] = [:]
        for (kind, _) in PriceEquationEstimator.changeSeries {
            var g = publishedGaps(supply, entity: kind.rawValue, asOf: asOf)
            for (y, r) in scenario.gapPP { g[y] = r }
            if kind == .dram, !scenario.hbmWaferSharePct.isEmpty {
                let base = hbmWaferShares(supply, asOf: asOf)
                let k = try cal.number("hbm_area_ratio")
                for (y, w) in scenario.hbmWaferSharePct {
                    guard let w0 = base[y] ?? base.keys.filter({ $0 < y }).max().flatMap({ base[$0] }) else {
                        notes.append("hbm_wafer_share_pct.\(y): no published HBM wafer share to compare with; ignored")
                        continue
                    }
                    let shift = SupplyDemandPriceModel.adjustedSupplyGrowthPct(publishedGrowthPct: 0, baselineShare: w0 / 100,
                                                                                scenarioShare: w / 100, areaPerBitRatio: k)
                    let cur = ForecastEngine.gap(g, year: y) ?? ValueRange(point: 0)
                    g[y] = ValueRange(cur.low - shift, cur.high - shift)
                }
            }
            gaps[kind] = g
        }
        let rows = PriceEquationEstimator.pooledRows(prices: prices, asOf: asOf, gaps: gaps)
        let pooled: PriceModelFit
        do { pooled = try PriceEquationEstimator.fit(kind: .dram, rows: rows) } catch ForecastError.noData(let why) {
            guard let asOf, let date = earliestFittableAsOf(prices: prices, after: asOf, gaps: gaps) else { throw ForecastError.noData(why) }
            throw ForecastError.noData(why + "; the data allow it from --as-of \(date)")
        }
        var fits: [MemoryKind: PriceModelFit] = [:]
        for k in MemoryKind.allCases { var f = pooled; f.kind = k; fits[k] = f }
        let extrapolation = MemoryKind.allCases.compactMap {
            extrapolationNote(kind: $0, fit: pooled, inputs: inputs[$0] ?? [:], previous: previous[$0] ?? [],
                              start: start, horizon: horizon)
        }
        notes += extrapolation

        // Configurations: non-memory BOM = (BOM/ASP)·ASP − memory cost at the anchor prices.
        var anchors: [MemoryType: Double] = [:]
        for t in MemoryType.allCases { anchors[t] = try cal.number("anchor_usd_per_gb.\(t.rawValue)") }
        guard let anchorQuarter = Period(quarterText: try cal.calibration("anchor_quarter").value) else {
            throw ForecastError.invalidInputs("calibration.csv: anchor_quarter must be a quarter")
        }
        var cells: [HandsetConfig] = []
        for (i, c0) in cal.configs.enumerated() where c0.year == baseYear {
            var c = c0
            let mem = MemoryCost.memoryCostUSD(dramGB: c.dramGB, dramUSDPerGB: anchors[c.dramType]!,
                                               nandGB: c.nandGB, nandUSDPerGB: anchors[c.nandType]!)
            c.nonMemoryBOMUSD = cal.bomToASP[i]! * c.aspUSD - mem
            guard c.nonMemoryBOMUSD > 0 else {
                throw ForecastError.invalidInputs("\(cal.configsSource): \(c.region.rawValue)/\(c.segment.rawValue): "
                                                  + "memory at anchor prices exceeds the BOM implied by bom_to_asp")
            }
            cells.append(c)
        }
        guard !cells.isEmpty else {
            throw ForecastError.noData("\(cal.configsSource): no rows for \(baseYear), the base year "
                                       + "(\(cal.configs.count) rows in all); a forecast starts from that year's configurations")
        }

        // Vendor × segment matrix raked to the published vendor shares.
        let segVolumes = Segment.allCases.map { s in cells.filter { $0.segment == s }.reduce(0) { $0 + $1.volumeShare } }
        let vendorTargets = try SoCVendor.allCases.map { try cal.number("soc_share.\($0.rawValue)") }
        var mix = try VendorMix.raked(prior: cal.socPrior, segmentVolumes: segVolumes, vendorShares: vendorTargets)
        mix.designWins = try designWins(cal, segmentVolumes: segVolumes)

        // Parameters (calibration, then scenario overrides).
        func dist(_ name: String) throws -> ParameterDistribution {
            if let o = scenario.parameters[name] { return ParameterDistribution(o) }
            return try cal.calibration(name).distributionValue()
        }
        let shape = try Segment.allCases.map { try cal.number("elasticity_shape.\($0.rawValue)") }
        let seasonal = try (1...4).map { try cal.number("seasonal_share.Q\($0)") }
        let seasonalSum = seasonal.reduce(0, +)

        var built = ForecastInputs(
            asOfLabel: asOf.map { "\($0)" } ?? "latest", scenarioName: scenario.name, baseYear: baseYear,
            start: start, horizon: horizon, cells: cells, anchorUSDPerGB: anchors, anchorQuarter: anchorQuarter,
            priceInputs: inputs, previousChangesPct: previous, priceFits: fits, gapPP: gaps,
            seasonalShares: seasonal.map { $0 / seasonalSum }, baseYearUnitsM: try cal.number("base_year_units_m"),
            vendorMix: mix, passThrough: .fixed(0),
            adjustmentSpeed: try dist("adjustment_speed"),
            inventoryCoverWeeks: try dist("inventory_cover_weeks"),
            elasticity: try dist("elasticity"), elasticityShape: shape,
            baselineGrowthPct: try dist("baseline_growth_pct"),
            baselineASPGrowthPct: try dist("baseline_asp_growth_pct"),
            levers: scenario.levers, notes: notes, partCalls: parts.adopted)
        built.extrapolationNotes = extrapolation
        built.unpublishedPrices = scenario.unpublishedPrices
        built.priceShocks = scenario.priceShocks
        built.scenarioParameters = scenario.parameters.setKeys
        if let o = scenario.levers.passThrough {
            built.passThrough = ParameterDistribution(o)
        } else {
            let pt = try PassThroughCalibration.calibrate(built, pairs: cal.launchPairs, asOf: asOf)
            built.passThrough = pt.distribution
            built.passThroughCalibration = pt
            built.notes += pt.notes
        }
        // Disclose calibration figures published after --as-of (none for the published-figure cases).
        if let asOf {
            // The base-year configurations: only one set exists, so a run before its basis was published
            // says so instead of silently using it.
            let lateConfigs = cal.configs.indices.filter { i in
                cal.configs[i].year == baseYear
                    && (PublicationDate(cal.configBasis[i]?.published ?? "").map { !$0.isKnown(asOf: asOf) } ?? false)
            }
            if !lateConfigs.isEmpty {
                let ids = Set(lateConfigs.flatMap { cal.configBasis[$0]?.figureIDs ?? [] }).sorted()
                let dates = Set(lateConfigs.compactMap { cal.configBasis[$0]?.published }).sorted()
                built.notes.append("handset_configs.csv: \(lateConfigs.count) of the \(baseYear) configurations rest on figures published "
                                   + "\(dates.joined(separator: ", ")), after --as-of \(asOf) (\(ids.joined(separator: ", "))); "
                                   + "no earlier configuration set exists, so they are used as they are")
            }
            let late = cal.calibration.values.filter { c in
                PublicationDate(c.published).map { !$0.isKnown(asOf: asOf) } ?? false
            }.map(\.parameter).sorted()
            if !late.isEmpty {
                built.notes.append("calibration uses figures published after --as-of \(asOf): \(late.joined(separator: ", "))")
            }
        }
        return built
    }

    /// Design wins from calibration rows `soc_design_win.<to>.<from>.<segment>.<year>` (units moved, millions):
    /// the share of the segment's base-year units, `units / (base-year units × segment volume share)`.
    static func designWins(_ cal: ModelDatasets, segmentVolumes: [Double]) throws -> [VendorMix.DesignWin] {
        let units = try cal.number("base_year_units_m")
        let total = segmentVolumes.reduce(0, +)
        var out: [VendorMix.DesignWin] = []
        for c in cal.calibration.values.sorted(by: { $0.parameter < $1.parameter }) where c.parameter.hasPrefix("soc_design_win.") {
            let parts = c.parameter.split(separator: ".").map(String.init)
            guard parts.count == 5, let to = SoCVendor(rawValue: parts[1]), let from = SoCVendor(rawValue: parts[2]),
                  let seg = Segment(rawValue: parts[3]), let year = Int(parts[4]), let moved = c.number, moved >= 0 else {
                throw ForecastError.invalidInputs("\(c.origin): \(c.parameter) must be soc_design_win.<to>.<from>.<segment>.<year> "
                                                  + "with a number of units (millions)")
            }
            let segUnits = units * segmentVolumes[seg.index] / total
            guard segUnits > 0, moved <= segUnits else {
                throw ForecastError.invalidInputs("\(c.origin): \(c.parameter) moves more units than the segment has")
            }
            out.append(VendorMix.DesignWin(from: from, to: to, segment: seg, fromYear: year, segmentShare: moved / segUnits))
        }
        return out
    }

    /// A published row as a range: point → [p, p]; low–high; one-sided → 5 points wide.
    static func range(of o: Observation) -> PriceChangeRange? {
        let origin = PriceChangeOrigin.published(publisher: o.publisher, date: o.published.map { "\($0)" } ?? "?")
        if let p = o.point { return PriceChangeRange(lowPct: p, highPct: p, origin: origin) }
        switch (o.low, o.high) {
        case let (l?, h?): return PriceChangeRange(lowPct: Swift.min(l, h), highPct: Swift.max(l, h), origin: origin)
        case let (l?, nil): return PriceChangeRange(lowPct: l, highPct: l + oneSidedWidthPct, origin: origin)
        case let (nil, h?): return PriceChangeRange(lowPct: h - oneSidedWidthPct, highPct: h, origin: origin)
        default: return nil
        }
    }

    /// Bit demand − supply growth gaps by year (pp) for `entity` (`dram`, `nand`) as published by
    /// `asOf`: one house's demand growth minus the same house's supply growth for the year (a range
    /// when either is: [d_low − s_high, d_high − s_low]), else a published gap or shortage ratio
    /// (+ = shortage), else a sufficiency ratio (+ = oversupply, sign flipped). The backtest uses
    /// the midpoints (`OriginPriceEquation.yearlyGaps`).
    ///
    /// Demand and supply are paired only within one publisher (`PublisherOrigin`): houses define bits
    /// differently (with or without HBM, China, captive use), so Micron's demand minus TrendForce's
    /// output mixes definitions (2025 DRAM: 20 − 25 = −5 pp in a year of shortage). When several houses
    /// publish both, the freshest pair wins: the one whose older half was published latest.
    static func publishedGaps(_ rows: [Observation], entity: String, asOf: CalendarDate?) -> [Int: ValueRange] {
        let yearly = rows.filter { $0.entity == entity && $0.period?.granularity == .year && ($0.unit == "pct" || $0.unit == "pp") }
        var gaps: [Int: ValueRange] = [:]
        for o in VintageSelection.latest(yearly, asOf: asOf) {
            guard let v = o.value, let y = o.period?.year else { continue }
            switch o.metric {
            case "sufficiency_ratio": gaps[y] = ValueRange(point: -v)          // + = oversupply
            case "shortage_ratio", "demand_minus_supply_growth_gap": gaps[y] = ValueRange(point: v)
            default: break
            }
        }
        for (y, g) in samePublisherGrowthGaps(VintageSelection.latest(yearly, asOf: asOf, perPublisher: true)) { gaps[y] = g }
        return gaps
    }

    /// A note when the first projected quarter of `kind` starts from regressors outside the fitted
    /// sample (after +90% in 1Q26 the previous change and the past year are both beyond any quarter
    /// the equation saw): the projection then holds them at the sample's edge
    /// (`SupplyDemandPriceModel.projectedExpectedLogPoints`), an assumption rather than data.
    static func extrapolationNote(kind: MemoryKind, fit: PriceModelFit, inputs: [Period: PriceChangeRange],
                                  previous: [Double], start: Period, horizon: Period) -> String? {
        guard let span = fit.span else { return nil }
        var last = previous
        for q in start.quarters(through: horizon) {
            guard let r = inputs[q] else {
                let year = Array(last.suffix(4))
                guard year.count == 4, let outside = span.outside(previousLP: SupplyDemandPriceModel.logPoints(year[3]),
                                                                  pastYearLP: SupplyDemandPriceModel.pastYearLogPoints(year)) else { return nil }
                return "\(kind.rawValue): the first projected quarter, \(q), starts from regressors beyond the price equation's "
                    + "sample (\(outside)): the projection holds them at the sample's edge rather than extrapolate the fitted line"
            }
            last.append(r.midPct)
        }
        return nil
    }

    /// Supply growth metrics, preferred first.
    static let supplyGrowthMetrics = ["bit_supply_growth_yoy", "bit_output_growth_yoy", "industry_bit_shipment_growth_yoy",
                                      "bit_volume_growth_yoy", "bit_production_growth_yoy"]

    /// Demand − supply growth per year from pairs of one publisher's rows (`rows`: latest vintage per
    /// publisher label); see `publishedGaps`.
    static func samePublisherGrowthGaps(_ rows: [Observation]) -> [Int: ValueRange] {
        struct House: Hashable { var year: Int; var origin: String }
        func better(_ a: Observation, than b: Observation?) -> Bool {
            guard let b else { return true }
            let ra = supplyGrowthMetrics.firstIndex(of: a.metric) ?? -1, rb = supplyGrowthMetrics.firstIndex(of: b.metric) ?? -1
            return ra != rb ? ra < rb : VintageSelection.supersedes(a, b)
        }
        var demand: [House: Observation] = [:], supply: [House: Observation] = [:]
        for o in rows where o.value != nil {
            guard let y = o.period?.year else { continue }
            let h = House(year: y, origin: PublisherOrigin.of(o.publisher))
            if o.metric == "bit_demand_growth_yoy", better(o, than: demand[h]) { demand[h] = o }
            if supplyGrowthMetrics.contains(o.metric), better(o, than: supply[h]) { supply[h] = o }
        }
        var chosen: [Int: (older: Observation, gap: ValueRange)] = [:]
        for (h, d) in demand.sorted(by: { $0.key.origin < $1.key.origin }) {
            guard let s = supply[h] else { continue }
            let older = VintageSelection.supersedes(d, s) ? s : d
            if let c = chosen[h.year], !VintageSelection.supersedes(older, c.older) { continue }
            let (dl, dh) = (d.low ?? d.point ?? d.value!, d.high ?? d.point ?? d.value!)
            let (sl, sh) = (s.low ?? s.point ?? s.value!, s.high ?? s.point ?? s.value!)
            chosen[h.year] = (older, ValueRange(dl - sh, dh - sl))
        }
        return chosen.mapValues(\.gap)
    }

    /// The first date after `asOf` (a publication date or a quarter's end, where rows can appear)
    /// at which the pooled price equation has enough rows to be fitted; nil when none has.
    static func earliestFittableAsOf(prices: [Observation], after asOf: CalendarDate,
                                     gaps: [MemoryKind: [Int: ValueRange]]) -> CalendarDate? {
        let published = prices.compactMap { $0.published?.latest }
        let quarterEnds = prices.compactMap { $0.period?.quarter?.end }
        for date in Set(published + quarterEnds).filter({ $0 > asOf }).sorted()
        where PriceEquationEstimator.pooledRows(prices: prices, asOf: date, gaps: gaps).count >= PriceEquationEstimator.minimumRows {
            return date
        }
        return nil
    }

    /// HBM share of DRAM wafer input by year, percent (latest vintage).
    /// Scenario pins after `horizon`, which the run ends before (a what-if pinned through 2027 run
    /// with an earlier --horizon): a note, so they are not dropped unseen. Parsing refuses pins no run covers.
    static func pinsPastHorizonNote(_ scenario: Scenario, horizon: Period) -> String? {
        var pins: [String] = []
        for kind in MemoryKind.allCases {
            let past = (scenario.prices[kind] ?? [:]).filter { $0.key > horizon }.sorted { $0.key < $1.key }
            guard let first = past.first?.key, let last = past.last?.key else { continue }
            let lines = past.compactMap { pin -> Int? in
                guard case .scenario(let at) = pin.value.origin, at.hasPrefix(scenario.origin + ":") else { return nil }
                return Int(at.dropFirst(scenario.origin.count + 1))
            }
            var detail: [String] = past.count > 1 ? ["\(past.count) quarters"] : []
            if let lo = lines.min(), let hi = lines.max() { detail.append(lo == hi ? "line \(lo)" : "lines \(lo)–\(hi)") }
            pins.append("prices.\(kind.rawValue) \(first)" + (past.count > 1 ? "…\(last)" : "")
                        + (detail.isEmpty ? "" : " (\(detail.joined(separator: ", ")))"))
        }
        pins += scenario.gapPP.keys.sorted().filter { $0 > horizon.year }.map { "supply.gap_pp.\($0)" }
        pins += scenario.hbmWaferSharePct.keys.sorted().filter { $0 > horizon.year }.map { "supply.hbm_wafer_share_pct.\($0)" }
        for (key, q) in [("trim_from", scenario.levers.trimFrom), ("ship_less_from", scenario.levers.shipLessFrom)] {
            if let q, q > horizon { pins.append("levers.\(key) = \(q)") }
        }
        guard !pins.isEmpty else { return nil }
        // The carry counts from the last call or pin, so a later pin still moves where it starts: the
        // quarters before it are gaps the equation fills, as in a run to that pin.
        let delaysCarry = scenario.unpublishedPrices != .model
            && MemoryKind.allCases.contains { (scenario.prices[$0] ?? [:]).keys.contains { $0 > horizon } }
        return "scenario \(scenario.name) (\(scenario.origin)): past --horizon \(horizon), so not used: "
            + pins.joined(separator: ", ")
            + (delaysCarry ? "; the price pins still mark where unpublished = \"\(scenario.unpublishedPrices.rawValue)\" starts, "
                + "so every uncalled quarter to the horizon is carried by the price equation, as in a run that reaches them" : "")
    }

    static func hbmWaferShares(_ rows: [Observation], asOf: CalendarDate?) -> [Int: Double] {
        var out: [Int: Double] = [:]
        for o in VintageSelection.latest(rows.filter { $0.metric == "share_of_dram_wafer_input" }, asOf: asOf) {
            if let y = o.period?.year, let v = o.value { out[y] = v }
        }
        return out
    }

    /// Contract USD/GB by type and quarter on the central path: published midpoints, projections
    /// without shocks, central coefficients and gaps.
    static func centralContractPath(_ inp: ForecastInputs) throws -> (MemoryType, Period) -> Double {
        let quarters = inp.start.advanced(by: -1).quarters(through: inp.horizon)
        let partFactor = MemoryPartCalls.cumulative(inp.partCalls, quarters: Array(quarters.dropFirst()))
        let slot = Dictionary(uniqueKeysWithValues: quarters.enumerated().map { ($1, $0) })
        var level: [MemoryKind: [Period: Double]] = [:]
        for k in MemoryKind.allCases {
            var last4 = inp.previousChangesPct[k] ?? [0, 0, 0, 0]
            var idx = 1.0
            var l: [Period: Double] = [quarters[0]: 1]
            for q in quarters.dropFirst() {
                let c = inp.priceInputs[k]?[q]?.midPct
                    ?? inp.priceFits[k]!.model.projectedChangePct(lastFourPct: last4,
                                                                  gapPP: ForecastEngine.gap(inp.gapPP[k] ?? [:], year: q.year)?.mid ?? 0,
                                                                  expectedChangeWeight: inp.expectedChangeWeight(k, q))
                idx *= 1 + c / 100
                l[q] = idx
                last4.removeFirst(); last4.append(c)
            }
            level[k] = l
        }
        return { type, q in
            let f = partFactor[type]!, l = level[type.kind]!
            return MemoryCost.contractUSDPerGB(anchorUSDPerGB: inp.anchorUSDPerGB[type]!, index: l[q]!,
                                               anchorIndex: l[inp.anchorQuarter]!, partFactor: f[slot[q]!],
                                               anchorPartFactor: f[slot[inp.anchorQuarter]!])
        }
    }
}
