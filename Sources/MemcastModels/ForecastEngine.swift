import Foundation
import MemcastData

/// Runs the chain — prices → memory cost/BOM → ASP → shipments → SoC vendors — once per
/// Monte Carlo draw and summarises every output as p05/p50/p95 (`MonteCarlo` drives it).
///
/// One draw, in order (each stage's formula is documented in its own file):
/// 1. parameters: π, κ, inventory cover, aggregate elasticity, growth trends (their
///    distributions), price-equation coefficients (multivariate normal), yearly gaps;
/// 2. contract changes per quarter and family: pinned/published ranges drawn uniformly,
///    other quarters projected by `SupplyDemandPriceModel` with a residual shock;
/// 3. `MemoryCost` per (region, segment) cell with the inventory lag; `PassThrough` to
///    ASP; `Demand` to units; `VendorMix` to SoC vendors;
/// 4. aggregation: volume-weighted averages over cells and quarters, yoy changes.
///
/// Random numbers: draw d uses `SplitMix64.stream(seed:index: d)` and a fixed sequence
/// of uniforms and normals, so a run is reproducible for any number of threads and
/// adding quarters to the horizon does not change earlier quarters' draws' parameters.
public struct ForecastEngine: Sendable {
    public let inputs: ForecastInputs
    /// All simulated quarters, `start` … `horizon`.
    let quarters: [Period]
    /// Output quarters (base year Q1 … horizon) as indices into `quarters`.
    let outQuarters: [Int]
    /// Output years (full years from the base year).
    let outYears: [Int]
    let layout: MetricLayout
    let anchorIndex: Int
    /// Cells grouped by segment and region (indices into `inputs.cells`).
    let cellsBySegment: [[Int]]
    let cellsByRegion: [[Int]]
    let segmentElasticityShapeMean: Double
    /// Non-memory BOM of the high-spec, low-price probe (low_mid, volume-weighted).
    let probeNonMemoryUSD: Double
    let probeTypes: (MemoryType, MemoryType)

    /// The probe for the seed report's "high-spec, low-price" phones: a low_mid phone with
    /// 12 GB of DRAM and 256 GB of NAND.
    public static let probeDRAMGB = 12.0, probeNANDGB = 256.0

    public init(inputs: ForecastInputs) throws {
        try inputs.validate()
        self.inputs = inputs
        quarters = inputs.start.quarters(through: inputs.horizon)
        let baseQ1 = Period(year: inputs.baseYear, quarter: 1)
        guard let b = quarters.firstIndex(of: baseQ1), let a = quarters.firstIndex(of: inputs.anchorQuarter) else {
            throw ForecastError.invalidInputs("the simulation \(inputs.start)…\(inputs.horizon) must cover the base year "
                                              + "\(inputs.baseYear) and the anchor quarter \(inputs.anchorQuarter)")
        }
        outQuarters = Array(b..<quarters.count)
        var years: [Int] = []
        var y = inputs.baseYear
        while Period(year: y, quarter: 4) <= inputs.horizon { years.append(y); y += 1 }
        outYears = years
        anchorIndex = a
        layout = MetricLayout(quarters: outQuarters.count, years: years.count)
        cellsBySegment = Segment.allCases.map { s in inputs.cells.indices.filter { inputs.cells[$0].segment == s } }
        cellsByRegion = Region.allCases.map { r in inputs.cells.indices.filter { inputs.cells[$0].region == r } }
        let vs = Segment.allCases.map { s in inputs.cells.filter { $0.segment == s }.reduce(0) { $0 + $1.volumeShare } }
        segmentElasticityShapeMean = zip(inputs.elasticityShape, vs).reduce(0) { $0 + $1.0 * $1.1 }
        let lowMid = inputs.cells.filter { $0.segment == .lowMid }
        let w = lowMid.reduce(0) { $0 + $1.volumeShare }
        probeNonMemoryUSD = w > 0 ? lowMid.reduce(0) { $0 + $1.volumeShare * $1.nonMemoryBOMUSD } / w : .nan
        probeTypes = (lowMid.first?.dramType ?? .lpddr4x, lowMid.first?.nandType ?? .ufs)
    }

    /// The quarters reported (base year Q1 … horizon).
    public var reportedQuarters: [Period] { outQuarters.map { quarters[$0] } }
    /// The calendar years reported.
    public var reportedYears: [Int] { outYears }
    /// Number of values one draw produces.
    var metricsPerDraw: Int { layout.count }

    // MARK: one draw

    /// Simulates draw `d` into `row` (length `metricsPerDraw`).
    func simulate(draw d: Int, seed: UInt64, into row: UnsafeMutableBufferPointer<Double>) {
        var rng = SplitMix64.stream(seed: seed, index: UInt64(d))
        let inp = inputs
        let nQ = quarters.count, nC = inp.cells.count
        // 1. Parameters: each consumes one uniform and one normal, always, in this order.
        func param(_ p: ParameterDistribution) -> Double {
            let u = rng.nextUniform(); let z = rng.nextNormal()
            return p.value(u: u, z: z)
        }
        let piDollar = param(inp.passThrough)
        let kappa = Swift.min(Swift.max(param(inp.adjustmentSpeed), 0), 1)
        let cover = param(inp.inventoryCoverWeeks)
        let eAgg = param(inp.elasticity)
        let g = param(inp.baselineGrowthPct)
        let gASP = param(inp.baselineASPGrowthPct)
        var models: [SupplyDemandPriceModel] = []
        for k in MemoryKind.allCases {
            let z = (0..<4).map { _ in rng.nextNormal() }
            models.append(inp.priceFits[k]!.draw(z))
        }
        let firstYear = quarters[0].year, lastYear = quarters[nQ - 1].year
        var gaps = Array(repeating: [Double](repeating: 0, count: lastYear - firstYear + 1), count: 2)
        for (ki, k) in MemoryKind.allCases.enumerated() {
            for y in firstYear...lastYear {
                let u = rng.nextUniform()
                gaps[ki][y - firstYear] = ForecastEngine.gap(inp.gapPP[k] ?? [:], year: y)?.value(at: u) ?? 0
            }
        }
        // 2. Contract price changes and indexes (index 1 at the quarter before start).
        var change = Array(repeating: [Double](repeating: 0, count: nQ), count: 2)
        var index = Array(repeating: [Double](repeating: 1, count: nQ + 1), count: 2)   // [k][t+1]
        for (ki, k) in MemoryKind.allCases.enumerated() {
            var last4 = inp.previousChangesPct[k] ?? [0, 0, 0, 0]
            for t in 0..<nQ {
                let u = rng.nextUniform(), z = rng.nextNormal()
                let c: Double
                if let r = inp.priceInputs[k]?[quarters[t]] {
                    c = r.value(at: u)
                } else {
                    c = models[ki].projectedChangePct(lastFourPct: last4, gapPP: gaps[ki][quarters[t].year - firstYear], shock: z)
                }
                change[ki][t] = c
                index[ki][t + 1] = index[ki][t] * (1 + c / 100)
                last4.removeFirst(); last4.append(c)
            }
        }
        let L = MemoryCost.lagShare(inventoryCoverWeeks: cover)
        // Contract $/GB by type at t (t = -1 is the quarter before start) and OEM $/GB.
        func contract(_ type: MemoryType, _ t: Int) -> Double {
            let ki = type.kind == .dram ? 0 : 1
            return inp.anchorUSDPerGB[type]! * index[ki][t + 1] / index[ki][anchorIndex + 1]
        }
        var oem = Array(repeating: [Double](repeating: 0, count: nQ), count: MemoryType.allCases.count)
        for (ti, type) in MemoryType.allCases.enumerated() {
            for t in 0..<nQ { oem[ti][t] = MemoryCost.oemUSDPerGB(current: contract(type, t), previous: contract(type, t - 1), lagShare: L) }
        }
        func oemPrice(_ type: MemoryType, _ t: Int) -> Double { oem[MemoryType.allCases.firstIndex(of: type)!][t] }

        // 3. Cells over time.
        let baseQ1 = outQuarters[0]
        let baseMid = Double(baseQ1) + 1.5
        let pt = PassThrough(dollarPassThrough: piDollar, adjustmentSpeed: kappa)
        let trimStart = inp.levers.trimFrom.flatMap { quarters.firstIndex(of: $0) } ?? (baseQ1 + 4)
        let cutStart = inp.levers.shipLessFrom.flatMap { quarters.firstIndex(of: $0) } ?? (baseQ1 + 4)
        var units = Array(repeating: [Double](repeating: 0, count: nQ), count: nC)
        var bom = units, asp = units, share = units, mem = units, newModelRel = units
        for (ci, c) in inp.cells.enumerated() {
            // Prices follow replacement cost (this quarter's contract), the BOM follows inventory.
            let ref = MemoryCost.evaluate(c, usdPerGB: { contract($0, -1) }).bomUSD
            let atAnchor = MemoryCost.evaluate(c, usdPerGB: { contract($0, anchorIndex) }).bomUSD
            let theta = pt.priceElasticity(bomUSD: atAnchor, aspUSD: c.aspUSD)
            let eps = eAgg * inp.elasticityShape[c.segment.index] / segmentElasticityShapeMean
            var y = 0.0
            var ys = [Double](repeating: 0, count: nQ), xs = ys
            for t in 0..<nQ {
                let trim = t >= trimStart ? inp.levers.trimDRAMPct / 100 : 0
                let e = MemoryCost.evaluate(c, usdPerGB: { oemPrice($0, t) }, dramTrim: trim)
                mem[ci][t] = e.memoryUSD; bom[ci][t] = e.bomUSD; share[ci][t] = e.share
                let replacement = MemoryCost.evaluate(c, usdPerGB: { contract($0, t) }, dramTrim: trim).bomUSD
                let x = pt.target(bomUSD: replacement, referenceBOMUSD: ref, elasticity: theta)
                y = pt.adjust(previous: y, target: x)
                ys[t] = y; xs[t] = x
            }
            // Normalise so the base year's average ASP is the configuration's ASP.
            func trend(_ t: Int) -> Double { pow(1 + gASP / 100, (Double(t) - baseMid) / 4) }
            var norm = 0.0, yBar = 0.0
            for t in baseQ1..<(baseQ1 + 4) { norm += trend(t) * exp(ys[t]) / 4; yBar += ys[t] / 4 }
            let d = Demand(elasticities: [Double](repeating: eps, count: Segment.allCases.count), baselineGrowthPct: g)
            for t in 0..<nQ {
                asp[ci][t] = c.aspUSD * trend(t) * exp(ys[t]) / norm
                newModelRel[ci][t] = trend(t) * exp(xs[t]) / norm
                let q = quarters[t].quarterNumber
                let cut = t >= cutStart ? inp.levers.shipLessPct / 100 : 0
                units[ci][t] = d.units(baseAnnualUnits: inp.baseYearUnitsM * c.volumeShare,
                                       seasonalShare: inp.seasonalShares[q - 1],
                                       years: (Double(t) - baseMid) / 4, segment: c.segment,
                                       logPriceChange: ys[t] - yBar, cutShare: cut)
            }
        }

        // 4. Aggregation into the row.
        let scopes: [[Int]] = [Array(0..<nC)] + cellsBySegment + cellsByRegion
        // Per quarter sums by scope: units, Σu·bom, Σu·asp, Σu·share, Σu·mem, Σu·margin.
        var sums = Array(repeating: Array(repeating: [Double](repeating: 0, count: 6), count: scopes.count), count: nQ)
        for t in 0..<nQ {
            for (si, cells) in scopes.enumerated() {
                var s = [Double](repeating: 0, count: 6)
                for ci in cells {
                    let u = units[ci][t]
                    s[0] += u; s[1] += u * bom[ci][t]; s[2] += u * asp[ci][t]; s[3] += u * share[ci][t]
                    s[4] += u * mem[ci][t]; s[5] += u * (asp[ci][t] - bom[ci][t]) / asp[ci][t]
                }
                sums[t][si] = s
            }
        }
        // Vendor units per quarter from segment units.
        var vendorUnits = Array(repeating: [Double](repeating: 0, count: SoCVendor.allCases.count), count: nQ)
        for t in 0..<nQ {
            let segUnits = (0..<Segment.allCases.count).map { sums[t][1 + $0][0] }
            vendorUnits[t] = inp.vendorMix.vendorUnits(segmentUnits: segUnits)
        }
        func write(period p: Int, sum s: [[Double]], previous: [[Double]]?, vendors v: [Double], prevVendors: [Double]?) {
            for si in 0..<scopes.count {
                let x = s[si], u = x[0]
                let base = layout.scope(period: p, scope: si)
                row[base + 0] = 100 * x[3] / u
                row[base + 1] = x[1] / u
                row[base + 2] = x[2] / u
                row[base + 3] = previous.map { 100 * ((x[2] / u) / ($0[si][2] / $0[si][0]) - 1) } ?? .nan
                row[base + 4] = u
                row[base + 5] = previous.map { 100 * (u / $0[si][0] - 1) } ?? .nan
                row[base + 6] = x[4] / u
                row[base + 7] = 100 * x[5] / u
            }
            let total = v.reduce(0, +)
            for vi in 0..<v.count {
                let base = layout.vendor(period: p, vendor: vi)
                row[base + 0] = prevVendors.map { $0[vi] > 0 ? 100 * (v[vi] / $0[vi] - 1) : .nan } ?? .nan
                row[base + 1] = 100 * v[vi] / total
                row[base + 2] = v[vi]
            }
        }
        for (p, t) in outQuarters.enumerated() {
            write(period: p, sum: sums[t], previous: t >= 4 ? sums[t - 4] : nil,
                  vendors: vendorUnits[t], prevVendors: t >= 4 ? vendorUnits[t - 4] : nil)
            row[layout.price(period: p, kind: 0)] = change[0][t]
            row[layout.price(period: p, kind: 1)] = change[1][t]
        }
        func yearSums(_ y: Int) -> ([[Double]], [Double])? {
            guard let t0 = quarters.firstIndex(of: Period(year: y, quarter: 1)), t0 + 3 < nQ else { return nil }
            var s = Array(repeating: [Double](repeating: 0, count: 6), count: scopes.count)
            var v = [Double](repeating: 0, count: SoCVendor.allCases.count)
            for t in t0...(t0 + 3) {
                for si in 0..<scopes.count { for k in 0..<6 { s[si][k] += sums[t][si][k] } }
                for vi in 0..<v.count { v[vi] += vendorUnits[t][vi] }
            }
            return (s, v)
        }
        for (p, y) in outYears.enumerated() {
            let cur = yearSums(y)!, prev = yearSums(y - 1)
            write(period: outQuarters.count + p, sum: cur.0, previous: prev?.0, vendors: cur.1, prevVendors: prev?.1)
        }

        // 5. Derived figures for the published-figure cases, for the first forecast year.
        let fy = inp.baseYear + 1
        if let t0 = quarters.firstIndex(of: Period(year: fy, quarter: 1)), t0 + 3 < nQ {
            var peakShare = -Double.infinity, peakT = t0
            for t in t0...(t0 + 3) {
                let s = 100 * sums[t][0][3] / sums[t][0][0]
                if s > peakShare { peakShare = s; peakT = t }
            }
            row[layout.derived(.peakQuarterMemorySharePct)] = peakShare
            let probeMem = MemoryCost.memoryCostUSD(dramGB: ForecastEngine.probeDRAMGB, dramUSDPerGB: oemPrice(probeTypes.0, peakT),
                                                    nandGB: ForecastEngine.probeNANDGB, nandUSDPerGB: oemPrice(probeTypes.1, peakT))
            row[layout.derived(.highSpecLowPriceSharePct)] =
                100 * MemoryCost.memoryShare(memoryCostUSD: probeMem, nonMemoryBOMUSD: probeNonMemoryUSD)
            // New models in China after March: launch (target) price vs the base year's, same tier.
            let china = cellsByRegion[Region.china.index]
            let w = china.reduce(0) { $0 + inp.cells[$1].volumeShare }
            var rel = 0.0
            for t in (t0 + 1)...(t0 + 3) {
                for ci in china { rel += inp.cells[ci].volumeShare / w * newModelRel[ci][t] / 3 }
            }
            row[layout.derived(.chinaNewModelPriceChangePct)] = 100 * (rel - 1)
        } else {
            for m in DerivedMetric.allCases { row[layout.derived(m)] = .nan }
        }
    }

    /// The gap for `year`: the year's own range, else the latest earlier year's (carried forward).
    static func gap(_ byYear: [Int: ValueRange], year: Int) -> ValueRange? {
        if let r = byYear[year] { return r }
        return byYear.keys.filter { $0 < year }.max().flatMap { byYear[$0] }
    }
}

/// Figures computed for the published-figure cases.
public enum DerivedMetric: String, CaseIterable, Sendable {
    /// Highest quarterly global memory share of BOM in the first forecast year, percent.
    case peakQuarterMemorySharePct = "peak_quarter_memory_bom_share_pct"
    /// Memory share of a low_mid phone with 12 GB + 256 GB at that peak quarter, percent.
    case highSpecLowPriceSharePct = "high_spec_low_price_memory_bom_share_pct"
    /// China new-model launch prices in Q2–Q4 of the first forecast year vs the base year, same tier, percent.
    case chinaNewModelPriceChangePct = "china_new_model_price_change_pct"
}

/// Where each output sits in a draw's row.
struct MetricLayout: Sendable {
    static let scopeMetrics = 8, scopes = 1 + 5 + 5, vendorMetrics = 3
    static let perPeriod = scopes * scopeMetrics + SoCVendor.allCases.count * vendorMetrics
    let quarters: Int, years: Int

    var periods: Int { quarters + years }
    var priceBase: Int { periods * MetricLayout.perPeriod }
    var derivedBase: Int { priceBase + 2 * quarters }
    var count: Int { derivedBase + DerivedMetric.allCases.count }

    func scope(period p: Int, scope s: Int) -> Int { p * MetricLayout.perPeriod + s * MetricLayout.scopeMetrics }
    func vendor(period p: Int, vendor v: Int) -> Int {
        p * MetricLayout.perPeriod + MetricLayout.scopes * MetricLayout.scopeMetrics + v * MetricLayout.vendorMetrics
    }
    func price(period p: Int, kind k: Int) -> Int { priceBase + 2 * p + k }
    func derived(_ m: DerivedMetric) -> Int { derivedBase + DerivedMetric.allCases.firstIndex(of: m)! }
}
