import Foundation
import MemcastData

/// Stage 2 detail: a memory part's own contract calls (LPDDR4X, LPDDR5X, eMMC, UFS) on top of
/// its family's index.
///
/// Trackers sometimes split a quarter's mobile contract change by part: TrendForce had LPDDR4X
/// at +23–28% for 3Q25 while LPDDR5X rose 5–10% (suppliers were leaving the older node). Where
/// the part's call is at least as fresh as the call the family input uses for that quarter, the
/// part moves by its own change. Its contract $/GB is the family's times
///
///     fτ(q) = (1 + cτ(q)/100) / (1 + cfamily(q)/100)        (range midpoints)
///
/// compounded over the quarters that have one, so the part keeps the family's uncertainty and
/// adds its own offset. A part call published before the family's is stale and not used
/// (LPDDR4X 4Q25 "more than 10%", September 2025, against conventional DRAM +45–50%, December);
/// neither is one for a quarter whose family change a scenario pins or the equation projects.
///
///     // as of 2026-02-28: LPDDR4X 3Q25 +25.5 vs family +12.5 → 1.255 / 1.125 = 1.1156
///     let (calls, notes) = MemoryPartCalls.adopted(prices: rows, familyInputs: inputs, familyRows: used, asOf: date)
///     let f = MemoryPartCalls.cumulative(calls, quarters: run)   // f[.lpddr4x]: 1 … 1.1156 from 2025Q3
public enum MemoryPartCalls {
    /// One part call the run uses, for the assumptions table.
    public struct Adopted: Sendable, Equatable, CustomStringConvertible {
        public var type: MemoryType
        public var quarter: Period
        public var part: PriceChangeRange
        public var familyMidPct: Double
        /// (1 + part mid) / (1 + family mid).
        public var factor: Double

        public var description: String {
            String(format: "%@ %@: own call %@ (%@) against the family's %+.1f%%: its $/GB moves ×%.3f relative to the family index",
                   type.rawValue, "\(quarter)", MemoryPartCalls.text(part), part.origin.label, familyMidPct, factor)
        }
    }

    /// The `memory_prices` product a part's calls are filed under (UFS 4.0 follows the UFS calls).
    public static func product(_ type: MemoryType) -> String {
        switch type {
        case .lpddr4x: return "lpddr4x"
        case .lpddr5x: return "lpddr5x"
        case .emmc: return "emmc"
        case .ufs, .ufs4: return "ufs"
        }
    }

    /// Part calls adopted for every type, and notes on every part call in quarter order (used or set aside).
    /// - Parameters:
    ///   - familyInputs: the family's contract change by quarter, as the run uses it.
    ///   - familyRows: the published row behind each family input (absent for pinned quarters).
    public static func adopted(prices: [Observation], familyInputs: [MemoryKind: [Period: PriceChangeRange]],
                               familyRows: [MemoryKind: [Period: Observation]],
                               asOf: CalendarDate?) -> (adopted: [Adopted], notes: [String]) {
        var out: [Adopted] = [], notes: [(Period, String, String)] = []
        for type in MemoryType.allCases {
            let rows = prices.filter {
                $0.series == type.kind.mobileSeries && $0.market == "contract" && $0.product == product(type)
                    && $0.entity == "industry" && $0.metric == "qoq_pct" && $0.period?.granularity == .quarter
            }
            for call in VintageSelection.latest(rows, asOf: asOf) {
                guard let q = call.period, let part = ForecastInputs.range(of: call) else { continue }
                let label = "\(type.rawValue) \(q)"
                guard let fam = familyInputs[type.kind]?[q] else { continue }       // outside the run, or projected
                guard case .published = fam.origin, let famRow = familyRows[type.kind]?[q] else {
                    notes.append((q, type.rawValue, "\(label): the part's own call is not used; the scenario pins the family's change"))
                    continue
                }
                guard let pd = call.published?.latest, let fd = famRow.published?.latest, pd >= fd else {
                    notes.append((q, type.rawValue, "\(label): \(call.publisher)'s part call (\(text(part)), \(call.published.map { "\($0)" } ?? "?")) "
                                  + "predates the family's (\(text(fam)), \(famRow.published.map { "\($0)" } ?? "?")); not used"))
                    continue
                }
                let a = Adopted(type: type, quarter: q, part: part, familyMidPct: fam.midPct,
                                factor: (1 + part.midPct / 100) / (1 + fam.midPct / 100))
                out.append(a)
                notes.append((q, type.rawValue, a.description))
            }
        }
        notes.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        return (out.sorted { ($0.quarter, $0.type.rawValue) < ($1.quarter, $1.type.rawValue) }, notes.map(\.2))
    }

    /// Cumulative factor by type for each of `quarters` (slot 0 = 1, slot t + 1 after quarter t).
    public static func cumulative(_ adopted: [Adopted], quarters: [Period]) -> [MemoryType: [Double]] {
        var out: [MemoryType: [Double]] = [:]
        for type in MemoryType.allCases {
            var f = [1.0]
            for q in quarters {
                let step = adopted.first { $0.type == type && $0.quarter == q }?.factor ?? 1
                f.append(f[f.count - 1] * step)
            }
            out[type] = f
        }
        return out
    }

    static func text(_ r: PriceChangeRange) -> String {
        r.text(separator: "…") { String(format: "%+g%%", $0) }
    }
}
