import Testing
import Foundation
@testable import MemcastData
@testable import MemcastModels

@Suite struct PassThroughCalibrationTests {
    static func pair(_ model: String) -> LaunchPricePair {
        LaunchPricePair(model: model, predecessor: "old", region: .china, segment: .mid,
                        memory: .init(dramGB: 12, dramType: .lpddr5x, nandGB: 256, nandType: .ufs4), oldQuarter: Period(quarterText: "2024Q4")!,
                        newQuarter: Period(quarterText: "2025Q4")!, oldPrice: 100, newPrice: 110, currency: "usd", priceStep: 10,
                        figureIDs: [], published: PublicationDate("2025-10-24")!, origin: "t")
    }

    static func point(_ x: Double, _ y: Double) -> PassThroughCalibration.Point {
        .init(pair: pair("p"), x: x, y: y, yRange: y...y, admissible: 0...2)
    }

    /// Least squares through the origin, by hand:
    /// (0.1, 0.1), (0.1, 0): π̂ = 0.01/0.02 = 0.5, residuals ±0.05, s² = 0.005/1, SE = √(0.005/0.02) = 0.5;
    /// (0.2, 0.1), (0.1, 0.1): π̂ = 0.03/0.05 = 0.6, residuals −0.02, 0.04, s² = 0.002, SE = √(0.002/0.05) = 0.2.
    @Test func throughOriginMatchesHandComputation() throws {
        let a = try PassThroughCalibration.throughOrigin([Self.point(0.1, 0.1), Self.point(0.1, 0)])
        #expect(abs(a.pi - 0.5) < 1e-12 && abs(a.se - 0.5) < 1e-12)
        let b = try PassThroughCalibration.throughOrigin([Self.point(0.2, 0.1), Self.point(0.1, 0.1)])
        #expect(abs(b.pi - 0.6) < 1e-12 && abs(b.se - 0.2) < 1e-12)
    }

    /// As of 2026-01-28 only the Redmi K90 is known: π is its own y/x, drawn uniformly, and the notes name
    /// the two Galaxy pairs left out. As of 2026-02-28 all three count: π̂ = Σxy/Σx² over the three points
    /// (recomputed here from the points), drawn from t with 2 df, clamped to 0…the largest A/B.
    @Test func asOfDecidesWhichPairsCount() throws {
        let jan = try ForecastInputs.build(catalog: Repo.catalog(), scenario: .asPublished, asOf: CalendarDate("2026-01-28"))
        #expect(jan.notes.contains("pass_through: 2 launch-price pairs published after --as-of 2026-01-28 left out (Galaxy S26+, Galaxy S26 Ultra)"))
        guard case .uniform = jan.passThrough else { Issue.record("one pair: uniform, got \(jan.passThrough)"); return }
        let k90 = try #require(ModelDatasets.load(from: Repo.catalog()).launchPairs.first { $0.model == "Redmi K90" })
        let p = try PassThroughCalibration.point(k90, inputs: jan)
        #expect(jan.notes.contains { $0.hasPrefix(String(format: "pass_through: π = %.3f from the Redmi K90 launch price (hm0467, hm0468); "
                                                          + "its price step (CNY 100) leaves", p.impliedPi!)) })
        // The draw spans what CNY 2,599 ± 50 leaves open, cut to 0…A/B.
        let open = try #require(p.impliedPiRange)
        #expect(jan.passThrough == .uniform(max(0, open.lowerBound), min(open.upperBound, p.admissible.upperBound)))

        let feb = try ForecastInputs.build(catalog: Repo.catalog(), scenario: .asPublished, asOf: CalendarDate("2026-02-28"))
        let pairs = try ModelDatasets.load(from: Repo.catalog()).launchPairs
        #expect(pairs.count == 3)
        let pts = try pairs.map { try PassThroughCalibration.point($0, inputs: feb) }
        let pi = zip(pts.map(\.x), pts.map(\.y)).reduce(0) { $0 + $1.0 * $1.1 } / pts.reduce(0) { $0 + $1.x * $1.x }
        guard case .studentT(let c, let se, let df, let lo, let hi) = feb.passThrough else {
            Issue.record("three pairs: Student t, got \(feb.passThrough)"); return
        }
        #expect(abs(c - pi) < 1e-12 && df == 2 && lo == 0 && se > 0)
        #expect(hi == pts.map(\.admissible.upperBound).max())
        // The Ultra held its price over four quarters, so after the ASP trend (2.72% a year) its price fell
        // relative to trend: y = 0 − ln(1.0272) and its own π is negative; the pooled π lies between the pairs' own values.
        let ultra = try #require(pts.first { $0.pair.model == "Galaxy S26 Ultra" })
        #expect(abs(ultra.y + log(1.0272)) < 1e-12 && ultra.impliedPi! < 0)
        #expect(pi > 0 && pi < pts.compactMap(\.impliedPi).max()!)
        #expect(!feb.notes.contains { $0.contains("left out") })
    }

    /// y nets out the run's ASP trend over the pair's quarters (the engine applies the trend besides π):
    /// the K90 (CNY 2,499 → 2,599, 2024Q4 → 2025Q4) gives y = ln(2599/2499) − ln(1.0272) = 0.012379…;
    /// a scenario trend of 0 leaves ln(2599/2499), and an 8-quarter pair nets two years.
    @Test func launchPriceStepNetsTheASPTrend() throws {
        let k90 = try #require(ModelDatasets.load(from: Repo.catalog()).launchPairs.first { $0.model == "Redmi K90" })
        let inp = try ForecastInputs.build(catalog: Repo.catalog(), scenario: .asPublished, asOf: CalendarDate("2026-01-28"))
        #expect(abs(try PassThroughCalibration.point(k90, inputs: inp).y - (log(2599.0 / 2499) - log(1.0272))) < 1e-12)
        let flat = try Scenario(toml: "name = \"t\"\n[parameters]\nbaseline_asp_growth_pct = 0\n", file: "t.toml")
        let noTrend = try ForecastInputs.build(catalog: Repo.catalog(), scenario: flat, asOf: CalendarDate("2026-01-28"))
        #expect(abs(try PassThroughCalibration.point(k90, inputs: noTrend).y - log(2599.0 / 2499)) < 1e-12)
        var twoYears = k90
        twoYears.oldQuarter = Period(quarterText: "2024Q1")!
        twoYears.newQuarter = Period(quarterText: "2026Q1")!
        #expect(abs(try PassThroughCalibration.point(twoYears, inputs: inp).y - (log(2599.0 / 2499) - 2 * log(1.0272))) < 1e-12)
    }

    /// The K90 by hand: CNY 2,599 ± 50 over 2,499 gives ln(2549/2499) = 0.019810…ln(2649/2499) = 0.058292,
    /// less the trend ln(1.0272) = 0.026838: −0.007026…0.031455. Dividing by a falling BOM's negative x
    /// turns the range round.
    @Test func priceStepBoundsTheLaunchPriceChange() throws {
        let k90 = try #require(ModelDatasets.load(from: Repo.catalog()).launchPairs.first { $0.model == "Redmi K90" })
        #expect(k90.priceStep == 100)
        #expect(abs(k90.logPriceChangeRange.lowerBound - 0.0198104) < 1e-6 && abs(k90.logPriceChangeRange.upperBound - 0.0582916) < 1e-6)
        let inp = try ForecastInputs.build(catalog: Repo.catalog(), scenario: .asPublished, asOf: CalendarDate("2026-01-28"))
        let p = try PassThroughCalibration.point(k90, inputs: inp)
        #expect(abs(p.yRange.lowerBound - (-0.0070262)) < 1e-6 && abs(p.yRange.upperBound - 0.0314549) < 1e-6)
        #expect(p.yRange.contains(p.y))
        var falling = Self.point(-0.02, 0.01)
        falling.yRange = 0.005...0.015
        #expect(falling.impliedPiRange == (0.015 / -0.02)...(0.005 / -0.02))
        #expect(Self.point(0, 0.01).impliedPiRange == nil)
    }

    /// Before any pair was published the earliest one is used, and the notes say so.
    @Test func noPairKnownYetUsesTheEarliest() throws {
        let inp = try ForecastInputs.build(catalog: Repo.catalog(), scenario: .asPublished, asOf: CalendarDate("2025-09-30"))
        #expect(inp.notes.contains("pass_through: no launch-price pair was published by --as-of 2025-09-30; the earliest "
                                   + "(Redmi K90, published 2025-10-24) is used as it is"))
    }

    /// Every launch pair agrees with the handset_market rows it cites: the new price is the cited price row
    /// (same currency), a cited change row is new − old, a held price says "unchanged", and the pair is not
    /// dated before its rows.
    @Test func launchPairsAgreeWithTheRowsTheyCite() throws {
        let market = try Repo.catalog().observations("handset_market")
        for p in try ModelDatasets.load(from: Repo.catalog()).launchPairs {
            let rows = try p.figureIDs.map { id in try #require(market.first { $0.id == id }, "\(p.origin): no row \(id)") }
            let price = try #require(rows.first { $0.metric == p.currency }, "\(p.origin): no \(p.currency) price row")
            #expect(price.point == p.newPrice, "\(p.origin)")
            if let change = rows.first(where: { $0.metric == "\(p.currency)_change" }) {
                #expect(change.point == p.newPrice - p.oldPrice, "\(p.origin)")
            } else {
                #expect(p.oldPrice == p.newPrice && price.note.contains("unchanged"), "\(p.origin): no change row")
            }
            for r in rows { #expect(r.published.map { $0.latest <= p.published.latest } ?? false, "\(p.origin): \(r.id)") }
        }
    }

    /// A successor dated before its predecessor is refused with the file and line.
    @Test func badLaunchRowIsRefused() throws {
        let text = """
            model,predecessor,region,segment,dram_gb,dram_type,nand_gb,nand_type,old_quarter,new_quarter,old_price,new_price,currency,price_step,figure_ids,published,config_source,method
            X,Y,china,mid,12,LPDDR5X,256,UFS4,2025Q4,2024Q4,1000,1100,usd,100,hm0001,2025-01-01,s,m
            """
        let f = try CSVLoader.load(text: text, label: "launch_prices.csv", schema: ModelDatasets.launchPricesSchema)
        #expect { _ = try LaunchPricePair.rows(of: f) } throws: { e in
            String(describing: e).contains("launch_prices.csv:2") && String(describing: e).contains("must come after old_quarter")
        }
    }
}

extension PassThroughCalibrationTests {
    /// The one-line summary validate prints per case date: the SE only when there is more than one pair.
    @Test func summaryLine() {
        let one = PassThroughCalibration(points: [Self.point(0.1, 0.1)], pi: 1.0, standardError: nil,
                                         distribution: .uniform(0.5, 1.5), notes: [])
        #expect(one.summary == "π 1.000 (p)")
        let two = PassThroughCalibration(points: [Self.point(0.1, 0.1), Self.point(0.1, 0)], pi: 0.5, standardError: 0.5,
                                         distribution: .fixed(0.5), notes: [])
        #expect(two.summary == "π 0.500, SE 0.500 on 1 df (p, p)")
    }
}
