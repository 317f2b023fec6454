import Foundation
import MemcastData

/// Runs the chain — prices → memory cost/BOM → ASP → shipments → SoC vendors — once per
/// Monte Carlo draw and summarises every output as p05/p50/p95 (`MonteCarlo` drives it).
///
/// One draw, in order (each stage's formula is documented in its own file):
/// 1. parameters: π, κ, inventory cover, aggregate elasticity, growth trends (their
///    distributions), price-equation residual SD and coefficients (σ² = σ̂²·ν/χ²_ν with σ̂ the RMS of the
///    equation's recursive residuals, `PriceModelFit`; coefficients
///    multivariate normal given σ; one draw per equation: DRAM and NAND share the pooled one),
///    yearly gaps;
/// 2. contract changes per quarter and family: pinned/published ranges drawn uniformly (a tracker's
///    forecast-kind call plus its past misses, `CallMisses`), other quarters projected by `SupplyDemandPriceModel` with a residual shock;
/// 3. `MemoryCost` per (region, segment) cell with the inventory lag; `PassThrough` to
///    ASP; `Demand` to units; `VendorMix` to SoC vendors;
/// 4. aggregation: volume-weighted averages over cells and quarters, yoy changes.
///
/// Random numbers: draw d uses `SplitMix64.stream(seed:index: d)` and a fixed sequence
/// of uniforms and normals, so a run is reproducible for any number of threads and
/// adding quarters to the horizon does not change earlier quarters' draws' parameters.
/// The χ² of each equation's σ² comes from a second stream, `SplitMix64.varianceStream(seed:index: d)`, and the
/// calls' misses from a third, `SplitMix64.callMissStream(seed:index: d)`.
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

    // Precomputed, flat inputs for the hot loop (indices instead of dictionaries and closures).
    let nQ: Int
    let typeKind: [Int]
    let anchor: [Double]
    /// Part-call factor by type and slot (slot 0 = quarter before start), `MemoryPartCalls.cumulative`.
    let partFactor: [[Double]]
    let anchorT: Int
    let hasInput: [[Bool]]
    /// The published or pinned range by kind and quarter (nil = projected); a call's may carry a miss spread.
    let inputRange: [[PriceChangeRange?]]
    /// Weight on the price equation's expected change by kind and quarter (`ForecastInputs.expectedChangeWeight`).
    let carryWeight: [[Double]]
    /// Factor on the equation's shock by kind and quarter (`PriceShockScale.factor`; 1 unless the scenario asks `by_horizon`).
    let shockFactor: [[Double]]
    let years: [Int]
    let yearOfQ: [Int]
    let gapLo: [[Double]], gapHi: [[Double]]
    let previous4: [[Double]]
    let cellDramType: [Int], cellNandType: [Int]
    let cellDramGB: [Double], cellNandGB: [Double], cellNonMem: [Double], cellASP: [Double], cellVol: [Double]
    let cellEpsFactor: [Double]
    let seasonal: [Double]
    let trimFromT: Int, cutFromT: Int
    /// For each memory kind, the first kind with the same price equation (itself when its own): a pooled
    /// equation's coefficient uncertainty is drawn once per draw.
    let sharedEquation: [Int]
    /// Index of each simulated year's Q1 (nil when the year starts before `start`).
    let yearStartT: [Int?]

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
        var ys: [Int] = []
        var y = inputs.baseYear
        while Period(year: y, quarter: 4) <= inputs.horizon { ys.append(y); y += 1 }
        outYears = ys
        anchorIndex = a
        layout = MetricLayout(quarters: outQuarters.count, years: ys.count)
        cellsBySegment = Segment.allCases.map { s in inputs.cells.indices.filter { inputs.cells[$0].segment == s } }
        cellsByRegion = Region.allCases.map { r in inputs.cells.indices.filter { inputs.cells[$0].region == r } }
        let vs = Segment.allCases.map { s in inputs.cells.filter { $0.segment == s }.reduce(0) { $0 + $1.volumeShare } }
        segmentElasticityShapeMean = zip(inputs.elasticityShape, vs).reduce(0) { $0 + $1.0 * $1.1 }
        let lowMid = inputs.cells.filter { $0.segment == .lowMid }
        let w = lowMid.reduce(0) { $0 + $1.volumeShare }
        probeNonMemoryUSD = w > 0 ? lowMid.reduce(0) { $0 + $1.volumeShare * $1.nonMemoryBOMUSD } / w : .nan
        probeTypes = (lowMid.first?.dramType ?? .lpddr4x, lowMid.first?.nandType ?? .ufs)

        let types = MemoryType.allCases
        nQ = quarters.count
        typeKind = types.map { $0.kind == .dram ? 0 : 1 }
        anchor = types.map { inputs.anchorUSDPerGB[$0]! }
        anchorT = a
        let factors = MemoryPartCalls.cumulative(inputs.partCalls, quarters: quarters)
        partFactor = types.map { factors[$0]! }
        var has = [[Bool]](), ranges = [[PriceChangeRange?]](), glo = [[Double]](), ghi = [[Double]](), prev = [[Double]]()
        var carry = [[Double]](), shockF = [[Double]]()
        let firstYear = quarters[0].year, lastYear = quarters[quarters.count - 1].year
        years = Array(firstYear...lastYear)
        yearOfQ = quarters.map { $0.year - firstYear }
        for k in MemoryKind.allCases {
            let r = quarters.map { inputs.priceInputs[k]?[$0] }
            has.append(r.map { $0 != nil }); ranges.append(r)
            carry.append(quarters.map { inputs.expectedChangeWeight(k, $0) })
            shockF.append(quarters.map { inputs.priceShocks.factor(inputs.priceFits[k]!, step: inputs.unpublishedStep(k, $0)) })
            let g = years.map { ForecastEngine.gap(inputs.gapPP[k] ?? [:], year: $0) }
            glo.append(g.map { $0?.low ?? 0 }); ghi.append(g.map { $0?.high ?? 0 })
            prev.append(inputs.previousChangesPct[k] ?? [0, 0, 0, 0])
        }
        hasInput = has; inputRange = ranges; carryWeight = carry; shockFactor = shockF; gapLo = glo; gapHi = ghi; previous4 = prev
        let cells = inputs.cells
        cellDramType = cells.map { types.firstIndex(of: $0.dramType)! }
        cellNandType = cells.map { types.firstIndex(of: $0.nandType)! }
        cellDramGB = cells.map(\.dramGB); cellNandGB = cells.map(\.nandGB); cellNonMem = cells.map(\.nonMemoryBOMUSD)
        cellASP = cells.map(\.aspUSD); cellVol = cells.map(\.volumeShare)
        let shapeMean = segmentElasticityShapeMean
        cellEpsFactor = cells.map { inputs.elasticityShape[$0.segment.index] / shapeMean }
        seasonal = quarters.map { inputs.seasonalShares[$0.quarterNumber - 1] }
        let qs = quarters
        trimFromT = inputs.levers.trimFrom.flatMap { qs.firstIndex(of: $0) } ?? (b + 4)
        cutFromT = inputs.levers.shipLessFrom.flatMap { qs.firstIndex(of: $0) } ?? (b + 4)
        yearStartT = years.map { y in qs.firstIndex(of: Period(year: y, quarter: 1)) }
        let fits = MemoryKind.allCases.map { inputs.priceFits[$0]! }
        sharedEquation = fits.indices.map { i in fits.indices.first { fits[$0].isSameEquation(as: fits[i]) }! }
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
        let nQ = self.nQ, nC = cellASP.count, nT = anchor.count, nY = years.count
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
        // One draw of each distinct equation's coefficients and residual SD: the pooled equation DRAM and NAND
        // share is one set of unknown coefficients and one σ, so both families take the same draw (four normals
        // per family are still consumed, so the stream layout does not depend on the pooling). σ² = σ̂²·ν/χ²_ν
        // (`PriceModelFit`) takes its χ² from the draw's own variance stream, so every other number of the
        // draw is the one it would be with σ known; only the coefficient deviations and shocks are scaled.
        var sigmaRNG = SplitMix64.varianceStream(seed: seed, index: UInt64(d))
        var models: [SupplyDemandPriceModel] = []
        for (ki, k) in MemoryKind.allCases.enumerated() {
            let z = [rng.nextNormal(), rng.nextNormal(), rng.nextNormal(), rng.nextNormal()]
            if sharedEquation[ki] == ki {
                let fit = inp.priceFits[k]!
                models.append(fit.draw(z, chiSquare: fit.drawChiSquare(&sigmaRNG)))
            } else {
                models.append(models[sharedEquation[ki]])
            }
        }
        var gaps = [Double](repeating: 0, count: 2 * nY)
        for ki in 0..<2 {
            for yi in 0..<nY {
                let u = rng.nextUniform()
                gaps[ki * nY + yi] = gapLo[ki][yi] + u * (gapHi[ki][yi] - gapLo[ki][yi])
            }
        }
        // 2. Contract price changes and indexes (index 1 at the quarter before start; slot t+1 = quarter t).
        // A call's miss (`CallMisses`) takes its numbers from the draw's call-miss stream, so the rest stay as they are.
        var missDraws = CallMissDraws(seed: seed, draw: d)
        var change = [Double](repeating: 0, count: 2 * nQ)
        var index = [Double](repeating: 1, count: 2 * (nQ + 1))
        for ki in 0..<2 {
            var last4 = previous4[ki]
            for t in 0..<nQ {
                let u = rng.nextUniform(), z = rng.nextNormal()
                let c = hasInput[ki][t]
                    ? missDraws.changePct(inputRange[ki][t]!, u: u)
                    : models[ki].projectedChangePct(lastFourPct: last4, gapPP: gaps[ki * nY + yearOfQ[t]],
                                                    shock: shockFactor[ki][t] * z, expectedChangeWeight: carryWeight[ki][t])
                change[ki * nQ + t] = c
                index[ki * (nQ + 1) + t + 1] = index[ki * (nQ + 1) + t] * (1 + c / 100)
                last4[0] = last4[1]; last4[1] = last4[2]; last4[2] = last4[3]; last4[3] = c
            }
        }
        let L = MemoryCost.lagShare(inventoryCoverWeeks: cover)
        // Contract $/GB by type for slots 0…nQ (slot 0 = quarter before start), OEM $/GB for quarters.
        var contract = [Double](repeating: 0, count: nT * (nQ + 1))
        var oem = [Double](repeating: 0, count: nT * nQ)
        for ti in 0..<nT {
            let k = typeKind[ti]
            let f = partFactor[ti]
            let iA = index[k * (nQ + 1) + anchorT + 1], fA = f[anchorT + 1]
            for s in 0...nQ {
                contract[ti * (nQ + 1) + s] = MemoryCost.contractUSDPerGB(
                    anchorUSDPerGB: anchor[ti], index: index[k * (nQ + 1) + s], anchorIndex: iA,
                    partFactor: f[s], anchorPartFactor: fA)
            }
            for t in 0..<nQ {
                oem[ti * nQ + t] = MemoryCost.oemUSDPerGB(current: contract[ti * (nQ + 1) + t + 1],
                                                          previous: contract[ti * (nQ + 1) + t], lagShare: L)
            }
        }

        // 3. Cells over time.
        let baseQ1 = outQuarters[0]
        let baseMid = Double(baseQ1) + 1.5
        let pt = PassThrough(dollarPassThrough: piDollar, adjustmentSpeed: kappa)
        let trimShare = inp.levers.trimDRAMPct / 100, cutShare = inp.levers.shipLessPct / 100
        var units = [Double](repeating: 0, count: nC * nQ)
        var bom = units, asp = units, share = units, mem = units, newModelRel = units
        var trend = [Double](repeating: 0, count: nQ), unitTrend = trend
        for t in 0..<nQ {
            trend[t] = pow(1 + gASP / 100, (Double(t) - baseMid) / 4)
            unitTrend[t] = pow(1 + g / 100, (Double(t) - baseMid) / 4)
        }
        var ys = [Double](repeating: 0, count: nQ), xs = ys
        for ci in 0..<nC {
            let dt = cellDramType[ci], nt = cellNandType[ci]
            let dGB = cellDramGB[ci], nGB = cellNandGB[ci], nonMem = cellNonMem[ci], a0 = cellASP[ci]
            // Prices follow replacement cost (this quarter's contract), the BOM follows inventory.
            let ref = dGB * contract[dt * (nQ + 1)] + nGB * contract[nt * (nQ + 1)] + nonMem
            let atAnchor = dGB * contract[dt * (nQ + 1) + anchorT + 1] + nGB * contract[nt * (nQ + 1) + anchorT + 1] + nonMem
            let theta = pt.priceElasticity(bomUSD: atAnchor, aspUSD: a0)
            let eps = eAgg * cellEpsFactor[ci]
            var y = 0.0
            for t in 0..<nQ {
                let gb = t >= trimFromT ? dGB * (1 - trimShare) : dGB
                let m = gb * oem[dt * nQ + t] + nGB * oem[nt * nQ + t]
                let i = ci * nQ + t
                mem[i] = m; bom[i] = m + nonMem; share[i] = m / (m + nonMem)
                let replacement = gb * contract[dt * (nQ + 1) + t + 1] + nGB * contract[nt * (nQ + 1) + t + 1] + nonMem
                let x = pt.target(bomUSD: replacement, referenceBOMUSD: ref, elasticity: theta)
                y = pt.adjust(previous: y, target: x)
                ys[t] = y; xs[t] = x
            }
            // Normalise so the base year's average ASP is the configuration's ASP.
            var norm = 0.0, yBar = 0.0
            for t in baseQ1..<(baseQ1 + 4) { norm += trend[t] * exp(ys[t]) / 4; yBar += ys[t] / 4 }
            let baseUnits = inp.baseYearUnitsM * cellVol[ci]
            for t in 0..<nQ {
                let i = ci * nQ + t
                asp[i] = a0 * trend[t] * exp(ys[t]) / norm
                newModelRel[i] = trend[t] * exp(xs[t]) / norm
                let cut = t >= cutFromT ? cutShare : 0
                // Stage 4 (Demand): base units × season × trend × exp(ε·Δy) × (1 − cut).
                units[i] = baseUnits * seasonal[t] * unitTrend[t] * exp(eps * (ys[t] - yBar)) * (1 - cut)
            }
        }

        // 4. Aggregation into the row.
        let scopes: [[Int]] = [Array(0..<nC)] + cellsBySegment + cellsByRegion
        let nS = scopes.count
        // Per quarter sums by scope: units, Σu·bom, Σu·asp, Σu·share, Σu·mem, Σu·margin.
        var sums = [Double](repeating: 0, count: nQ * nS * 6)
        for t in 0..<nQ {
            for (si, cells) in scopes.enumerated() {
                let b = (t * nS + si) * 6
                for ci in cells {
                    let i = ci * nQ + t
                    let u = units[i]
                    sums[b] += u; sums[b + 1] += u * bom[i]; sums[b + 2] += u * asp[i]; sums[b + 3] += u * share[i]
                    sums[b + 4] += u * mem[i]; sums[b + 5] += u * (asp[i] - bom[i]) / asp[i]
                }
            }
        }
        let nV = SoCVendor.allCases.count
        var vendorUnits = [Double](repeating: 0, count: nQ * nV)
        for t in 0..<nQ {
            let segUnits = (0..<Segment.allCases.count).map { sums[(t * nS + 1 + $0) * 6] }
            let v = inp.vendorMix.vendorUnits(segmentUnits: segUnits, year: quarters[t].year)
            for vi in 0..<nV { vendorUnits[t * nV + vi] = v[vi] }
        }
        func write(period p: Int, sum s: ArraySlice<Double>, previous: ArraySlice<Double>?, vendors v: ArraySlice<Double>,
                   prevVendors: ArraySlice<Double>?) {
            let s0 = s.startIndex, p0 = previous?.startIndex ?? 0
            for si in 0..<nS {
                let x = s0 + si * 6, u = s[x]
                let base = layout.scope(period: p, scope: si)
                row[base + 0] = 100 * s[x + 3] / u
                row[base + 1] = s[x + 1] / u
                row[base + 2] = s[x + 2] / u
                if let pr = previous {
                    let px = p0 + si * 6
                    row[base + 3] = 100 * ((s[x + 2] / u) / (pr[px + 2] / pr[px]) - 1)
                    row[base + 5] = 100 * (u / pr[px] - 1)
                } else {
                    row[base + 3] = .nan; row[base + 5] = .nan
                }
                row[base + 4] = u
                row[base + 6] = s[x + 4] / u
                row[base + 7] = 100 * s[x + 5] / u
            }
            let total = v.reduce(0, +)
            let v0 = v.startIndex, q0 = prevVendors?.startIndex ?? 0
            for vi in 0..<nV {
                let base = layout.vendor(period: p, vendor: vi)
                if let pv = prevVendors, pv[q0 + vi] > 0 { row[base] = 100 * (v[v0 + vi] / pv[q0 + vi] - 1) } else { row[base] = .nan }
                row[base + 1] = 100 * v[v0 + vi] / total
                row[base + 2] = v[v0 + vi]
            }
        }
        func qs(_ t: Int) -> ArraySlice<Double> { sums[(t * nS * 6)..<((t + 1) * nS * 6)] }
        func qv(_ t: Int) -> ArraySlice<Double> { vendorUnits[(t * nV)..<((t + 1) * nV)] }
        for (p, t) in outQuarters.enumerated() {
            write(period: p, sum: qs(t), previous: t >= 4 ? qs(t - 4) : nil, vendors: qv(t), prevVendors: t >= 4 ? qv(t - 4) : nil)
            row[layout.price(period: p, kind: 0)] = change[t]
            row[layout.price(period: p, kind: 1)] = change[nQ + t]
        }
        func yearSums(_ yi: Int) -> (ArraySlice<Double>, ArraySlice<Double>)? {
            guard let t0 = yearStartT[yi], t0 + 3 < nQ else { return nil }
            var s = [Double](repeating: 0, count: nS * 6), v = [Double](repeating: 0, count: nV)
            for t in t0...(t0 + 3) {
                for j in 0..<(nS * 6) { s[j] += sums[t * nS * 6 + j] }
                for vi in 0..<nV { v[vi] += vendorUnits[t * nV + vi] }
            }
            return (s[...], v[...])
        }
        for (p, y) in outYears.enumerated() {
            let yi = y - years[0]
            let cur = yearSums(yi)!, prev = yi > 0 ? yearSums(yi - 1) : nil
            write(period: outQuarters.count + p, sum: cur.0, previous: prev?.0, vendors: cur.1, prevVendors: prev?.1)
        }

        // 5. Derived figures for the published-figure cases, for the first forecast year.
        let fy = inp.baseYear + 1
        let t0 = baseQ1 + 4
        if fy <= years[years.count - 1], t0 + 3 < nQ {
            var peakShare = -Double.infinity, peakT = t0
            for t in t0...(t0 + 3) {
                let b = t * nS * 6
                let s = 100 * sums[b + 3] / sums[b]
                if s > peakShare { peakShare = s; peakT = t }
            }
            row[layout.derived(.peakQuarterMemorySharePct)] = peakShare
            let pd = MemoryType.allCases.firstIndex(of: probeTypes.0)!, pn = MemoryType.allCases.firstIndex(of: probeTypes.1)!
            let probeMem = MemoryCost.memoryCostUSD(dramGB: ForecastEngine.probeDRAMGB, dramUSDPerGB: oem[pd * nQ + peakT],
                                                    nandGB: ForecastEngine.probeNANDGB, nandUSDPerGB: oem[pn * nQ + peakT])
            // NaN when the market has no low_mid cell to take the probe's other parts from.
            row[layout.derived(.highSpecLowPriceSharePct)] = probeNonMemoryUSD.isNaN ? .nan
                : 100 * MemoryCost.memoryShare(memoryCostUSD: probeMem, nonMemoryBOMUSD: probeNonMemoryUSD)
            // New models in China after March: launch (target) price vs the base year's, same tier.
            let china = cellsByRegion[Region.china.index]
            let w = china.reduce(0) { $0 + cellVol[$1] }
            var rel = 0.0
            for t in (t0 + 1)...(t0 + 3) {
                for ci in china { rel += cellVol[ci] / w * newModelRel[ci * nQ + t] / 3 }
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
