import Testing
import Foundation
import MemcastData
@testable import MemcastModels

/// Issue 5's published-figure cases, each run as of its figure's publication date with the
/// CLI's defaults. A miss is recorded as a known issue with the reason — tolerances are
/// the issue's, the published values are read from the datasets, and no parameter is
/// calibrated on a case's figure (see `calibrationNeverUsesATestFigure`).
@Suite(.serialized) struct PublishedFigureTests {
    static let observations: [String: [Observation]] = {
        let c = try! Repo.catalog()
        return ["handset_market": try! c.observations("handset_market"), "seed_figures": try! c.observations("seed_figures")]
    }()

    static func row(_ id: String) throws -> Validation.Row {
        let c = try #require(Validation.cases.first { $0.id == id })
        // Run only this case's date (the shared cache keeps it for the other cases).
        let rows = try Validation.run(observations: observations, runFor: { d in
            try ForecastRuns.result(asOf: "\(d)")
        }, only: [c.id])
        return try #require(rows.first)
    }

    static func check(_ id: String) throws {
        let r = try row(id)
        #expect(r.pass == true, "\(r.title): published \(r.publishedText), model p50 \(r.model?.p50 ?? .nan) [\(r.model?.p05 ?? .nan), \(r.model?.p95 ?? .nan)], \(r.tolerance ?? "")")
    }

    @Test func memoryShare2025() throws {
        withKnownIssue("""
            2025 volume-weighted memory share is 15.7% (p05–p95 15.0–16.6%) vs the OEM's 'normally 10–15%': the \
            2025 BOM/ASP ratios of handset_configs.csv and the LPDDR5X anchor ($33 per 12 GB chip, start of 2025) \
            make mid and high tiers ~20% memory. TD Cowen's iPhone 16 teardown implies ~$2.0/GB (Apple's price); \
            with it the share is 14.5%, but π, calibrated on the Redmi K90 (a Xiaomi phone), rises to 1.6–2.2 \
            because π divides by that phone's memory cost change — the anchor and π cannot be moved separately. \
            Other trackers' 2025 norms differ by tier: IDC (as cited, 2026) has 15–20% for a mid-range phone and \
            10–15% for a flagship; the model's mid and premium tiers fall inside those \
            (validate's information rows).
            """) {
            try Self.check("memory-share-2025")
        }
    }

    @Test func memoryShare2026PeakQuarter() throws {
        withKnownIssue("""
            The 2026 peak quarter reaches 43% (p05 34%) vs 20–30%: with 1Q26 at +90% the price equation (log \
            points, momentum β ≈ 0.73, gap response γ ≈ 0.9, estimated on the 25 quarters ended by then that carry \
            a same-house supply–demand gap) projects 2Q26 at about +49%, \
            and no tracker had published a 2Q26 contract call by 2026-02-28; TrendForce's own 2026 view \
            (30–40%, Feb 2026) brackets the model. The price stage, not the BOM identity, drives the miss: with \
            prices held flat after the last published call (`validate --scenario flat-after-published`) the peak \
            is 29.8%, inside the range. The DDR4 backtest finds a flat price better than the equation 2–4 \
            quarters ahead (MAE 22.7–24.2 vs 24.6–28.6 pp), so the projection is the weak link.
            """) {
            try Self.check("memory-share-2026-peak")
        }
    }

    @Test func memoryShareHighSpecLowPrice() throws { try Self.check("memory-share-high-spec-low-price") }

    /// Progress counts forecast runs (one per distinct as-of date), not cases: three cases of one date are one run.
    @Test func progressCountsRunsNotCases() throws {
        var calls: [[Int]] = []
        _ = try Validation.run(observations: Self.observations, runFor: { try ForecastRuns.result(asOf: "\($0)") },
                               only: ["shipments-2026", "soc-shipments-2026", "soc-unisoc-2026"],
                               progress: { calls.append([$0, $1]) })
        #expect(calls == [[1, 1]])
    }

    @Test func asp2026() throws { try Self.check("asp-2026") }

    static let shipmentsReason: Comment = """
        2026 units −12.1% (p05–p95 −22 to −6%) vs Counterpoint's −6.1% (Jan 2026): as of 2026-01-28 the model \
        has 1Q26 at +57.5% (TrendForce, Jan 5) and projects 2Q26 at about +32%; with π = 1.19 (Redmi K90, drawn \
        over 0.59–1.37, the top cut at constant percentage markup) the 2026 ASP rises ~17% and elastic entry/low \
        tiers fall most. π is sensitive to the unpublished 2Q–3Q25 NAND \
        quarters the equation fills in (the K90's BOM change is small, so π = ln(P₁/P₀)/(B/A·ln(B₁/B₀)) moves \
        a lot). Counterpoint's own Feb vintage (−12.4%) and IDC's (−12.9%) are near the model as of their dates \
        (−13.5%, with π 0.77 once the Galaxy S26 launch pairs of 2026-02-25 join the K90). With prices held \
        flat after the January calls (`validate --scenario flat-after-published`) units fall 7.8%, inside \
        the tolerance: about 70% of the miss is the equation's projection of 2Q26 onwards (which the \
        DDR4 backtest finds worse than a flat price beyond one quarter), the rest π and the elasticity. \
        (`hold-after-1q26` pins February's +90% for 1Q26 even in January runs, hence its −11%.)
        """
    @Test func shipments2026() throws { withKnownIssue(Self.shipmentsReason) { try Self.check("shipments-2026") } }
    @Test func socShipments2026() throws { withKnownIssue(Self.shipmentsReason) { try Self.check("soc-shipments-2026") } }
    @Test func unisoc2026() throws {
        withKnownIssue("""
            UNISOC −18.2% vs −14 ±4, 0.2 pt outside: UNISOC ships almost only entry phones, which carry LPDDR4X. \
            Since the memory stage follows TrendForce's 3Q25 split by part (LPDDR4X +23–28%, LPDDR5X +5–10%, \
            family +12.5%), an entry phone's DRAM costs ~12% more than on the family index, and entry units fall \
            most within a total that already overshoots (see shipments2026). It passed (−16.3%) before part calls.
            """) {
            try Self.check("soc-unisoc-2026")
        }
    }
    @Test func qualcomm2026() throws {
        withKnownIssue("""
            Qualcomm −13.8% vs −9 ±4, 0.8 pt outside: Qualcomm's mix follows the market, so it falls about as \
            much as the total (−12.1%, see shipments2026), a little more for its low_mid volume. It passed (−12.9%) \
            until demand and supply growth were paired within one house (−13.3%: γ 0 → 0.9, β 0.85 → 0.73, a new \
            NAND fill for 2Q–3Q25 and π 1.11 → 1.15) and LPDDR4X/LPDDR5X followed their own 3Q25 calls (π → 1.19).
            """) {
            try Self.check("soc-qualcomm-2026")
        }
    }
    @Test func mediaTek2026() throws {
        withKnownIssue("""
            MediaTek −15.2% vs −8 ±4: MediaTek's volume sits in entry and low_mid, the tiers that fall most when \
            the total falls −12% (see shipments2026); it misses by the total's overshoot.
            """) {
            try Self.check("soc-mediatek-2026")
        }
    }
    @Test func unisocFallsMost() throws { try Self.check("soc-unisoc-falls-most") }

    @Test func samsung2026() throws {
        withKnownIssue("""
            Samsung −0.9% (p05–p95 −12 to +6%) vs +7 ±4: the Exynos 2600 design win in the Galaxy S26 (25% of a \
            35 m-unit line, from Qualcomm's and Samsung's Nov-2025 statements: +8.75 m units) lifts Samsung from \
            −11% to 0%, but its Galaxy A volume (low_mid/mid) falls with the −12% total; no published figure gives \
            Samsung an advantage from owning its memory (its MX division reported buying mobile DRAM at +16% in H1 2025). \
            The share is close: the model's 2026 Samsung share is 6.8% against Counterpoint's 6.6% (validate's \
            information rows). Counterpoint's pair (6.6% in 2026, +7%, with SoCs −7%) implies a 2025 share near 5.7%, \
            while memcast's 2025 base is 2025Q3's 6% (the only 2025 Exynos share in the data); on a 5.7% base the \
            model's 2026 share and total would give about +4%. With prices flat after the January calls \
            (`validate --scenario flat-after-published`) it is +3.6%, inside the tolerance.
            """) {
            try Self.check("soc-samsung-2026")
        }
    }

    @Test func hiSilicon2026() throws {
        withKnownIssue("""
            HiSilicon −9.2% vs +4 ±4: Counterpoint has it growing with Huawei's domestic supply and share in China; \
            the data hold no Huawei 2026 volume outlook and no HiSilicon share after 2024Q2 (4%), so the vendor \
            stage has nothing sourced to move it and HiSilicon falls with its mid/high segments.
            """) {
            try Self.check("soc-hisilicon-2026")
        }
    }

    @Test func chinaNewModels2026() throws {
        withKnownIssue("""
            China new-model prices come out ~31% above 2025 (p05–p95 3–78%) vs 15–25%: the larger China configurations \
            (12–16 GB) carry the projected 2Q26 contract rise (about +49% after +90%), the same price-stage overshoot \
            as the 2026 peak-quarter case. By 2026-02-28 three launch pairs are known (Redmi K90, Galaxy S26+, \
            Galaxy S26 Ultra; launch_prices.csv), so π is their least-squares estimate, 0.77 (SE 0.49, 2 df): \
            it was 1.19 (~40%) on the K90 alone. With prices held flat after the last published call \
            (`validate --scenario flat-after-published`) the case passes (+16%).
            """) {
            try Self.check("china-new-models-2026")
        }
    }

    /// The honesty rule reaches the model's other inputs: no figure id that a case tests (`S6`,
    /// `hm0151`, …) is cited anywhere in calibration.csv, handset_configs.csv, soc_segment_mix.csv or launch_prices.csv,
    /// whether as a figure id or in a method's prose.
    @Test func inputsNeverCiteATestFigure() throws {
        let pattern = try NSRegularExpression(pattern: "\\b(S[0-9]+|hm[0-9]{4})\\b")
        for file in ["calibration.csv", "handset_configs.csv", "soc_segment_mix.csv", "launch_prices.csv"] {
            let text = try String(contentsOf: Repo.root.appendingPathComponent("Datasets/\(file)"), encoding: .utf8)
            let cited = Set(pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
                String(text[Range($0.range, in: text)!])
            })
            #expect(cited.isDisjoint(with: Validation.caseFigureIDs), "\(file) cites \(cited.intersection(Validation.caseFigureIDs).sorted())")
        }
    }

    /// The honesty rule: a figure used for calibration is never a test figure.
    @Test func calibrationNeverUsesATestFigure() throws {
        let model = try ModelDatasets.load(from: Repo.catalog())
        let calibrationIDs = Set(model.calibration.values.flatMap(\.figureIDs) + model.launchPairs.flatMap(\.figureIDs))
        #expect(calibrationIDs.isDisjoint(with: Validation.caseFigureIDs),
                "overlap: \(calibrationIDs.intersection(Validation.caseFigureIDs))")
        // And every calibration figure was published before the earliest case date. (Launch pairs are
        // filtered by each run's as-of date instead: `PassThroughCalibrationTests.asOfDecidesWhichPairsCount`.)
        let earliest = Validation.cases.map(\.asOf).min()!
        for c in model.calibration.values where !c.published.isEmpty {
            let p = try #require(PublicationDate(c.published), "\(c.parameter): bad date")
            let knownByEarliest = p.isKnown(asOf: earliest)
            if c.parameter.hasPrefix("soc_share.") && c.parameter != "soc_share.HiSilicon" {
                // Counterpoint's 2025Q3 shares (Dec 2025) only feed the vendor stage, whose cases are dated 2026-01-28.
                #expect(p.isKnown(asOf: CalendarDate("2026-01-28")!), "\(c.parameter)")
            } else {
                #expect(knownByEarliest, "\(c.parameter) published \(c.published), after \(earliest)")
            }
        }
    }
}
