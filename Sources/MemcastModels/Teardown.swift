import Foundation
import MemcastData

/// A teardown-style BOM of chosen memory configurations on a run's central contract-price
/// path (published midpoints, pinned scenario prices, else the price equation without
/// shocks), and the price the pass-through stage aims at for each.
///
/// A configuration is a tier plus its memory: `mid:12+256` is a mid-tier phone with 12 GB
/// DRAM and 256 GB NAND. The tier gives the memory types (its cells' LPDDR/eMMC/UFS),
/// the non-memory BOM (volume-weighted over its region cells) and the BOM-to-price ratio
/// `r` (handset_configs.csv `bom_to_asp`). At the anchor quarter the phone is priced at
/// `A₀ = B₀ / r`; in quarter q the price target is
///
///     A_q = A₀ · (B_q / B₀)^θ,    θ = π · r          (PassThrough, full adjustment)
///
/// with π the run's central dollar pass-through. B is the replacement-cost BOM: memory at
/// that quarter's contract $/GB, as launch prices are set (the forecast's reported BOM
/// follows inventory instead, so its memory share lags these by up to a quarter).
/// Prices are wholesale; retail is wholesale ÷ 0.85, the factor calibration.csv uses to
/// turn teardown retail prices into `bom_to_asp`. The ASP trend and the gradual line-up
/// adjustment (κ) of the forecast are left out: this is the target a new launch is priced at.
public enum Teardown {
    /// Wholesale ÷ retail, as in calibration.csv's `bom_to_asp` derivation (TD Cowen teardowns).
    public static let wholesaleToRetail = 0.85

    public struct Config: Sendable, Equatable, CustomStringConvertible {
        public var segment: Segment
        public var dramGB: Double
        public var nandGB: Double

        public init(segment: Segment, dramGB: Double, nandGB: Double) {
            self.segment = segment; self.dramGB = dramGB; self.nandGB = nandGB
        }

        /// Memory sizes `bom` accepts, in whole GB: beyond any phone, but small enough
        /// that costs stay finite and the sizes print as integers (handset_configs.csv and
        /// launch_prices.csv are held to the same limits).
        public static let dramGBRange = 1...64
        public static let nandGBRange = 1...4096

        /// Parses `SEGMENT:DRAM+NAND`, e.g. `mid:12+256` (GB); nil for anything `init(parsing:)` rejects.
        public init?(_ text: String) {
            guard let c = try? Config(parsing: text) else { return nil }
            self = c
        }

        /// Parses `SEGMENT:DRAM+NAND`, e.g. `mid:12+256` (GB).
        /// - Throws: `ConfigError` saying what was expected.
        public init(parsing text: String) throws {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            let gb = parts.count == 2 ? parts[1].split(separator: "+", omittingEmptySubsequences: false) : []
            guard let s = Segment(rawValue: String(parts[0])), gb.count == 2 else {
                throw ConfigError("write TIER:DRAM+NAND in GB, e.g. mid:12+256 (tiers: "
                                  + Segment.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            func size(_ t: Substring, _ name: String, _ range: ClosedRange<Int>) throws -> Double {
                guard let v = Double(t), v == v.rounded(), v >= Double(range.lowerBound), v <= Double(range.upperBound) else {
                    throw ConfigError("\(name) must be a whole number of GB from \(range.lowerBound) to \(range.upperBound); found '\(t)'")
                }
                return v
            }
            self.init(segment: s, dramGB: try size(gb[0], "DRAM", Config.dramGBRange),
                      nandGB: try size(gb[1], "NAND", Config.nandGBRange))
        }

        public var description: String {
            func g(_ x: Double) -> String { Int(exactly: x).map(String.init) ?? String(x) }
            return "\(segment.rawValue):\(g(dramGB))+\(g(nandGB))"
        }
    }

    /// Why a configuration text was rejected.
    public struct ConfigError: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// One configuration in one quarter. Money in USD per phone; shares and changes in percent.
    public struct Line: Sendable, Equatable {
        public var config: Config
        public var quarter: Period
        public var dramType: MemoryType
        public var nandType: MemoryType
        public var dramUSDPerGB: Double
        public var nandUSDPerGB: Double
        public var dramUSD: Double
        public var nandUSD: Double
        public var nonMemoryUSD: Double
        public var bomUSD: Double { dramUSD + nandUSD + nonMemoryUSD }
        public var memorySharePct: Double { 100 * (dramUSD + nandUSD) / bomUSD }
        /// Wholesale price target.
        public var priceUSD: Double
        public var retailUSD: Double { priceUSD / Teardown.wholesaleToRetail }
        /// Price target vs the anchor quarter, percent.
        public var priceChangePct: Double
        /// Where the quarter's DRAM and NAND contract changes came from: published, pinned or projected.
        public var priceSource: String
    }

    /// The default configurations: 8/12/16 GB DRAM with 128–512 GB NAND across the tiers that carry them.
    public static let defaultConfigs = ["low_mid:8+128", "mid:8+256", "mid:12+256", "high:12+256", "high:16+512",
                                        "premium:12+512"].compactMap(Config.init)

    /// Lines for every configuration (outer) and quarter (inner).
    /// - Throws: `ForecastError.invalidInputs` for a quarter outside the run or a tier without cells.
    public static func lines(_ inputs: ForecastInputs, configs: [Config], quarters: [Period]) throws -> [Line] {
        let path = try ForecastInputs.centralContractPath(inputs)
        let first = inputs.start.advanced(by: -1)
        for q in quarters where q < first || q > inputs.horizon || q.granularity != .quarter {
            throw ForecastError.invalidInputs("--quarter \(q) is outside the run (\(first)…\(inputs.horizon))")
        }
        let pi = inputs.passThrough.center
        var out: [Line] = []
        for c in configs {
            let cells = inputs.cells.filter { $0.segment == c.segment }
            guard let cell = cells.max(by: { $0.volumeShare < $1.volumeShare }) else {
                throw ForecastError.invalidInputs("no \(c.segment.rawValue) configurations in handset_configs.csv")
            }
            let w = cells.reduce(0) { $0 + $1.volumeShare }
            let nonMemory = cells.reduce(0) { $0 + $1.volumeShare * $1.nonMemoryBOMUSD } / w
            // r = BOM/ASP of the tier at the anchor prices, volume-weighted (bom_to_asp of its cells).
            let bomAtAnchor = cells.reduce(0) { acc, k in
                acc + k.volumeShare * MemoryCost.evaluate(k, usdPerGB: { inputs.anchorUSDPerGB[$0]! }).bomUSD
            }
            let r = bomAtAnchor / cells.reduce(0) { $0 + $1.volumeShare * $1.aspUSD }
            func memory(_ q: Period) -> (Double, Double, Double, Double) {
                let d = path(cell.dramType, q), n = path(cell.nandType, q)
                return (d, n, c.dramGB * d, c.nandGB * n)
            }
            let (_, _, d0, n0) = memory(inputs.anchorQuarter)
            let b0 = d0 + n0 + nonMemory
            let a0 = b0 / r
            let theta = PassThrough(dollarPassThrough: pi, adjustmentSpeed: 1).priceElasticity(bomUSD: b0, aspUSD: a0)
            for q in quarters {
                let (dp, np, d, n) = memory(q)
                let price = a0 * exp(theta * log((d + n + nonMemory) / b0))
                out.append(Line(config: c, quarter: q, dramType: cell.dramType, nandType: cell.nandType,
                                dramUSDPerGB: dp, nandUSDPerGB: np, dramUSD: d, nandUSD: n, nonMemoryUSD: nonMemory,
                                priceUSD: price, priceChangePct: 100 * (price / a0 - 1),
                                priceSource: source(inputs, q)))
            }
        }
        return out
    }

    /// `anchor`, or per family `published`/`pinned`/`projected` (e.g. `dram published, nand projected`).
    static func source(_ inputs: ForecastInputs, _ q: Period) -> String {
        if q == inputs.anchorQuarter { return "anchor" }
        let parts = MemoryKind.allCases.map { k -> String in
            guard let r = inputs.priceInputs[k]?[q] else { return q < inputs.start ? "before run" : "projected" }
            if case .published = r.origin { return "published" }
            return "pinned"
        }
        return parts[0] == parts[1] ? parts[0] : "dram \(parts[0]), nand \(parts[1])"
    }
}
