import Testing
import Foundation
@testable import MemcastData
@testable import MemcastModels

@Suite struct PriceEquationEstimatorTests {
    static func level(_ month: String, _ usd: Double, published: String, reliability: String = "normal") -> Observation {
        Observation(dataset: "memory_prices", id: month, series: "pc_dram", market: "contract", product: "ddr4_8gb_chip",
                    entity: "industry", region: "", period: Period(month), periodText: month, metric: "usd",
                    low: nil, high: nil, point: usd, unit: "usd_per_chip", kind: .actual,
                    published: PublicationDate(published), publisher: "T", sourceURL: "u",
                    provenance: "published", method: "", note: "", reliability: reliability, origin: "test")
    }

    /// Quarter levels are means of their months: Q1 (2.0, 2.2) = 2.1, then 2.4, 3.0, 3.0, 1.5, 3.0 →
    /// changes +14.286, +25, 0, −50, +100%; the one row with four known changes before it is 2021Q2.
    /// A later vintage of a month replaces the earlier one; low-reliability rows and rows published
    /// after the as-of date are not used.
    @Test func levelRowsAverageMonthsIntoQuarters() throws {
        var obs = [
            Self.level("2020-01", 2.0, published: "2020-02-01"), Self.level("2020-02", 2.2, published: "2020-03-01"),
            Self.level("2020-04", 2.4, published: "2020-05-01"), Self.level("2020-07", 3.0, published: "2020-08-01"),
            Self.level("2020-10", 3.0, published: "2020-11-01"), Self.level("2021-01", 1.5, published: "2021-02-01"),
            Self.level("2021-04", 2.0, published: "2021-05-01"), Self.level("2021-04", 3.0, published: "2021-05-20"),
        ]
        obs.append(Self.level("2020-08", 99, published: "2020-09-01", reliability: "low"))
        let gaps: [Int: ValueRange] = [2021: ValueRange(point: 4)]
        let rows = PriceEquationEstimator.levelRows(observations: obs, series: "pc_dram", product: "ddr4_8gb_chip",
                                                    asOf: nil, gaps: gaps)
        #expect(rows.count == 1)
        let r = try #require(rows.first)
        #expect(r.quarter == Period("2021Q2")!)
        #expect(abs(r.changePct - 100) < 1e-9)
        let expected = [100 * (2.4 / 2.1 - 1), 25, 0, -50]
        for (a, b) in zip(r.lastFourPct, expected) { #expect(abs(a - b) < 1e-9) }
        #expect(r.gapPP == 4)
        // As of 2021-05-10 the 2021-04 level is the first vintage, 2.0: change 2.0/1.5 − 1.
        let early = PriceEquationEstimator.levelRows(observations: obs, series: "pc_dram", product: "ddr4_8gb_chip",
                                                     asOf: CalendarDate("2021-05-10"), gaps: gaps)
        #expect(abs(early[0].changePct - 100 * (2.0 / 1.5 - 1)) < 1e-9)
        // A missing quarter breaks the run: no row.
        let holed = obs.filter { $0.id != "2020-07" }
        #expect(PriceEquationEstimator.levelRows(observations: holed, series: "pc_dram", product: "ddr4_8gb_chip",
                                                 asOf: nil, gaps: gaps).isEmpty)
    }

    /// `count` rows generated exactly by ℓₜ = 1 + 0.5·ℓₜ₋₁ − 0.1·Rₜ₋₁ + γ·gap (log points), from 2010Q1;
    /// rows from `gapRows` on carry no gap value.
    static func generated(count: Int, gamma: Double, gapRows: Int? = nil) -> [PriceEquationEstimator.Row] {
        var l: [Double] = [5, -3, 8, 2]
        var rows: [PriceEquationEstimator.Row] = []
        let gaps: [Double] = [3, -2, 1, 4, -1, 0, 2, -3, 5, 1, -4, 2]
        for t in 0..<count {
            let g = gaps[t % gaps.count]
            let next = 1 + 0.5 * l[l.count - 1] - 0.1 * l.suffix(4).reduce(0, +) + gamma * g
            rows.append(.init(quarter: Period(year: 2010 + t / 4, quarter: t % 4 + 1),
                              changePct: SupplyDemandPriceModel.percent(logPoints: next),
                              lastFourPct: l.suffix(4).map { SupplyDemandPriceModel.percent(logPoints: $0) },
                              gapPP: t < (gapRows ?? count) ? g : nil))
            l.append(next)
        }
        return rows
    }

    /// `generated(count:gamma: 0.8)` with +2, −1, −1, +2, … log points added to the changes.
    static func perturbed(count: Int) -> [PriceEquationEstimator.Row] {
        generated(count: count, gamma: 0.8).enumerated().map { i, r in
            var r = r
            r.changePct = SupplyDemandPriceModel.percent(logPoints: SupplyDemandPriceModel.logPoints(r.changePct) + (i % 3 == 0 ? 2 : -1))
            return r
        }
    }

    /// Rows generated with γ = 0.8 are fitted exactly: the estimator works on log changes, not percent.
    @Test func fitRecoversALogPointEquation() throws {
        let f = try PriceEquationEstimator.fit(kind: .dram, rows: Self.generated(count: 14, gamma: 0.8))
        #expect(abs(f.model.interceptPct - 1) < 1e-8 && abs(f.model.momentum - 0.5) < 1e-8)
        #expect(abs(f.model.reversion + 0.1) < 1e-8 && abs(f.model.gapCoefficient - 0.8) < 1e-8)
        #expect(f.model.residualSDPct < 1e-6)
        // 14 rows, 4 free coefficients.
        #expect(f.observations == 14 && f.degreesOfFreedom == 10)
    }

    /// ν = n − k is the divisor of s², with k the coefficients estimated freely: rows generated with γ = 0.8
    /// plus +2, −1, −1, +2, … log points push β over 0.95, so β is held there and k = 3 (α, δ, γ):
    /// s² = Σe²/ν exactly with ν = 16 − 3 = 13 (not Σe²/16, nor Σe²/12).
    @Test func degreesOfFreedomAreTheDivisorOfTheResidualVariance() throws {
        let rows = Self.perturbed(count: 16)
        let f = try PriceEquationEstimator.fit(kind: .dram, rows: rows)
        #expect(f.note.contains("β held at its bound 0.95"), "\(f.note)")
        #expect(f.observations == 16 && f.degreesOfFreedom == 13, "\(f.note) \(f.model)")
        let m = f.model
        let ssr = rows.reduce(0.0) { acc, r in
            let e = SupplyDemandPriceModel.logPoints(r.changePct) - (m.interceptPct + m.momentum * SupplyDemandPriceModel.logPoints(r.lastFourPct[3])
                + m.reversion * SupplyDemandPriceModel.pastYearLogPoints(r.lastFourPct) + m.gapCoefficient * r.gapPP!)
            return acc + e * e
        }
        #expect(ssr > 1)
        #expect(abs(m.residualSDPct * m.residualSDPct - ssr / 13) < 1e-9 * ssr)
    }

    /// Rows generated with γ = −0.8: the gap lowers prices, which γ ≥ 0 cannot say, so γ is held at 0
    /// and α, β, δ are refitted on all 18 rows, including the 4 without a gap.
    @Test func gapHeldAtZeroRefitsOnAllRows() throws {
        let rows = Self.generated(count: 18, gamma: -0.8, gapRows: 14)
        let f = try PriceEquationEstimator.fit(kind: .dram, rows: rows)
        #expect(f.model.gapCoefficient == 0)
        #expect(f.observations == 18)
        // γ dropped and β held at 0 in the refit: 2 free coefficients (α, δ) on 18 rows.
        #expect(f.note.contains("β held at its bound 0.0"), "\(f.note)")
        #expect(f.degreesOfFreedom == 16, "\(f.note) \(f.model)")
        #expect(f.note.hasPrefix("γ held at its bound 0.0 on the 14 rows with a supply–demand gap: refitted on all 18 rows"))
        let withoutGap = try PriceEquationEstimator.fit(kind: .dram, rows: rows.map { var r = $0; r.gapPP = nil; return r })
        #expect(f.model.momentum == withoutGap.model.momentum && f.model.interceptPct == withoutGap.model.interceptPct)
    }
}
