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
            2025 volume-weighted memory share is 15.9% (p05–p95 14.0–18.1%) vs the OEM's 'normally 10–15%': the \
            2025 BOM/ASP ratios of handset_configs.csv and the LPDDR5X anchor ($33 per 12 GB chip, start of 2025) \
            make mid and high tiers ~20% memory. TD Cowen's iPhone 16 teardown implies ~$2.0/GB (Apple's price); \
            with it the share is 14.5%, but π, calibrated on launch pairs by dividing by their memory cost \
            change, moves with the anchor — the anchor and π cannot be moved separately. \
            Other trackers' 2025 norms differ by tier: IDC (as cited, 2026) has 15–20% for a mid-range phone and \
            10–15% for a flagship; the model's mid and premium tiers fall inside those \
            (validate's information rows).
            """) {
            try Self.check("memory-share-2025")
        }
    }

    @Test func memoryShare2026PeakQuarter() throws {
        withKnownIssue("""
            The 2026 peak quarter reaches 37.7% (p05 27.0%, in 2026Q4) vs 20–30%: after 1Q26's +90% call the price \
            equation (log points, momentum β ≈ 0.73, gap response γ ≈ 0.9, estimated on the 25 quarters ended by then \
            that carry a same-house supply–demand gap), its regressors held at the edge of that sample, projects 2Q26 \
            at about +18% and keeps prices rising through 2026 (the supply–demand gap), and no tracker had published a \
            2Q26 contract call by 2026-02-28; TrendForce's own 2026 view (30–40%, Feb 2026) brackets the model. The \
            price stage, not the BOM identity, drives the miss: with prices held flat after the last published call \
            (`validate --scenario flat-after-published`) the peak is 30.3%, at the range's edge. It was 43.9% before \
            projections stopped extrapolating the line (2Q26 at +48%).
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

    @Test func asp2026() throws {
        withKnownIssue("""
            2026 global ASP +4.2% (p05–p95 2.2–11.0%) vs +6.9 ±2, as of 2025-12-16: by then only 4Q25 had a DRAM \
            call (+45–50%), so 1Q26 onwards is the price equation's, and since projections hold its regressors \
            inside the fitted sample (rule of commit b58b139, chosen on the pre-2025 backtest) it projects 1Q26 DRAM at \
            about +9% (+23% before), while TrendForce later called +90%. Less memory cost reaches 2026 prices, and \
            the one launch pair known then (Redmi K90) leaves π drawn U(0, 0.95). It passed at +4.907% before the \
            bound, within Monte Carlo noise of the 4.9 floor.
            """) {
            try Self.check("asp-2026")
        }
    }

    @Test func shipments2026() throws { try Self.check("shipments-2026") }
    /// The model ships one SoC per phone, so this is the handset total (Counterpoint's SoC figure sits
    /// 0.9 pt below its handset figure, a gap the model does not represent).
    @Test func socShipments2026() throws {
        withKnownIssue("""
            Smartphone SoC shipments −4.90% vs −7 ±2 (floor −5.0): the model ships one SoC per phone, so this is its \
            handset total, which passes its own case (−6.1 ±2); Counterpoint's SoC figure sits 0.9 pt below its \
            handset figure, a gap the model does not represent. With projections held inside the price equation's \
            sample, 2Q26 rises about +18% rather than +48%, so 2026 units fall less (−5.6% before, a pass).
            """) {
            try Self.check("soc-shipments-2026")
        }
    }
    @Test func unisoc2026() throws {
        withKnownIssue("""
            UNISOC −7.7% vs −14 ±4 (it does fall most, the ordering case passes): UNISOC ships almost only \
            entry phones. As of 2026-01-28 π rests on the Redmi K90 alone, drawn over what its CNY 100 price step \
            leaves open (U(0, 0.95)), so entry OEMs absorb about half the memory rise: entry prices rise ~9% and \
            entry units fall ~8% at the entry elasticity (1.6× the aggregate −1.13); Counterpoint's −14% implies a \
            steeper entry response than the model's one π and its estimated elasticity shape give.
            """) {
            try Self.check("soc-unisoc-2026")
        }
    }
    @Test func qualcomm2026() throws { try Self.check("soc-qualcomm-2026") }
    @Test func mediaTek2026() throws { try Self.check("soc-mediatek-2026") }
    @Test func unisocFallsMost() throws { try Self.check("soc-unisoc-falls-most") }

    @Test func samsung2026() throws { try Self.check("soc-samsung-2026") }

    @Test func hiSilicon2026() throws {
        withKnownIssue("""
            HiSilicon −3.6% vs +4 ±4: Counterpoint has it growing with Huawei's domestic supply and share in China; \
            the data hold no Huawei 2026 volume outlook and no HiSilicon share after 2024Q2 (4%), so the vendor \
            stage has nothing sourced to move it and HiSilicon falls with its mid/high segments.
            """) {
            try Self.check("soc-hisilicon-2026")
        }
    }

    @Test func chinaNewModels2026() throws {
        withKnownIssue("""
            China new-model prices come out ~11% above 2025 (p05–p95 3–49%) vs 15–25%: by 2026-02-28 \
            three launch pairs are known (Redmi K90, Galaxy S26+, Galaxy S26 Ultra; launch_prices.csv), and net of \
            the ASP trend π is 0.32 (SE 0.48, 2 df: the S26 Ultra held its price, a fall relative to trend). The \
            larger China configurations (12–16 GB) carry the +90% 1Q26 call and the projected rises after it \
            (2Q26 about +18%), which lift the BOM a lot, but at π ≈ 0.3 little of it reaches new-model prices. Before the \
            trend was netted out of the launch steps (where it was counted twice) π was 0.77 and the case came \
            out at ~31%.
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
