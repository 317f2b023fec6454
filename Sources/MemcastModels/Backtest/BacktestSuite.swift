import MemcastData

/// The stages `memcast backtest` scores on the datasets, and the checks that turn a
/// request the data cannot answer into a clear error.
public enum BacktestSuite {
    /// Stage names in report order.
    public static let stageNames = [
        "dram_contract", "mobile_dram_contract", "ddr4_contract", "nand_contract", "mobile_nand_contract",
        "handset_asp", "shipments_global", "shipments_china", "memory_bom_share",
    ]

    /// Every stage, built on `data`, in `stageNames` order.
    public static func stages(_ data: BacktestData) -> [BacktestStage] {
        func contract(_ name: String, _ series: String, _ title: String, gap: String) -> ContractPriceStage {
            ContractPriceStage(name: name, title: title, source: .quarterlyChanges(series: series), trackerSeries: series,
                               gapEntity: gap, data: data)
        }
        func handset(_ name: String, _ title: String, notes: [String] = [], _ match: @escaping (Observation) -> Bool) -> HandsetFigureStage {
            HandsetFigureStage(name: name, title: title, unit: "pp", data: data, notes: notes, match: match)
        }
        let shareFigures = data.handsetMarket.filter { $0.series == "bom" && $0.metric == "bom_share_pct" }.count
        return [
            contract("dram_contract", "conventional_dram", "conventional DRAM contract price, change QoQ (%)", gap: "dram"),
            contract("mobile_dram_contract", "mobile_dram", "mobile DRAM contract price, change QoQ (%)", gap: "dram"),
            ContractPriceStage(
                name: "ddr4_contract", title: "DDR4 8Gb contract price (DRAMeXchange fixed price), change QoQ (%)",
                source: .monthlyLevels(series: "pc_dram", product: "ddr4_8gb_chip"), trackerSeries: "pc_dram", gapEntity: "dram",
                data: data, notes: [
                    "realized and history: the DDR4 8Gb level of each quarter's latest month with a published price, "
                        + "changed against the previous quarter's (computed here from published monthly levels)",
                    "tracker: TrendForce's PC DRAM contract call, which covers all PC DRAM, not this one part",
                ]),
            contract("nand_contract", "nand", "NAND flash contract price, change QoQ (%)", gap: "nand"),
            contract("mobile_nand_contract", "mobile_nand", "mobile NAND (eMMC/UFS) contract price, change QoQ (%)", gap: "nand"),
            handset("handset_asp", "global smartphone ASP, change YoY (%)") {
                $0.series == "asp" && $0.entity == "global" && $0.region == "global" && $0.metric == "yoy_pct"
            },
            handset("shipments_global", "global smartphone shipments, change YoY (%)") {
                ["shipments", "forecast_revision"].contains($0.series) && $0.entity == "global" && $0.region == "global"
                    && $0.metric == "yoy_pct"
            },
            handset("shipments_china", "China smartphone shipments, change YoY (%)") {
                ["shipments", "forecast_revision"].contains($0.series) && $0.entity == "china" && $0.region == "china"
                    && $0.metric == "yoy_pct"
            },
            handset("memory_bom_share", "memory share of smartphone BOM (%)", notes: [
                "\(shareFigures) memory-share-of-BOM figures are published (single-model teardowns, segment norms, "
                    + "annual or undated ranges); a quarterly series would be needed to backtest",
            ]) {
                $0.series == "bom" && $0.metric == "bom_share_pct" && $0.entity.hasPrefix("memory share of smartphone BOM")
            },
        ]
    }

    /// Runs the backtest of one stage (`stage`) or all.
    ///
    /// Checks, each a `BacktestError` naming what is missing:
    /// - an unknown stage name (usage);
    /// - every origin at or after the last realized quarter (data: "origin after the data");
    /// - a named stage with no realized value in the target range, or — for all stages —
    ///   no stage with one (data);
    /// - when `requireHistoryAtStart` (the user chose the first origin): a named stage with
    ///   fewer than `RollingOrigin.minimumHistory` quarters published by the first origin,
    ///   or — for all stages — no stage with that many (data). Otherwise such origins are
    ///   skipped and counted.
    /// Without a name, stages that fail a check are still reported, as not scored.
    /// `today` (the CLI's clock; nil in tests) only words the note on a `truthAsOf` past the data.
    public static func run(data: BacktestData, schedule: RollingOrigin, stage: String? = nil,
                           minimumPairs: Int = RollingOrigin.defaultMinimumPairs,
                           requireHistoryAtStart: Bool = true, today: CalendarDate? = nil) throws -> BacktestReport {
        guard minimumPairs >= 1 else { throw BacktestError.usage("--min-pairs must be at least 1") }
        var selected = stages(data)
        if let stage {
            guard let s = selected.first(where: { $0.name == stage }) else {
                throw BacktestError.usage("unknown stage '\(stage)' (stages: \(stageNames.joined(separator: ", ")))")
            }
            selected = [s]
        }
        let label = stage.map { "stage \($0)" } ?? "any stage"

        // Origin after the data.
        let lastRealized = selected.compactMap { s in s.realized.keys.max().map { ($0, s) } }.max { $0.0 < $1.0 }
        guard let (lastQuarter, lastStage) = lastRealized else {
            throw BacktestError.data("\(label) has no realized values in the datasets (no quarterly estimate or actual)"
                                     + selected.flatMap(\.notes).map { "; \($0)" }.joined())
        }
        if schedule.first >= lastQuarter {
            // Suggest only origins that pass the history check below too: the quarter before
            // the data ends can itself lack history (an early --as-of), so name the range or say none works.
            let advice: String
            if let ok = workableOrigins(selected, before: lastQuarter) {
                advice = ok.lowerBound == ok.upperBound ? "use --from \(ok.upperBound)"
                    : "use --from \(ok.upperBound) or earlier, back to \(ok.lowerBound)"
            } else {
                let who = stage.map { "stage \($0) has fewer than" } ?? "no stage has"
                advice = "no origin works: by \(lastQuarter.advanced(by: -1)), the last origin before it, \(who) "
                    + "\(RollingOrigin.minimumHistory) quarters published" + (data.truthAsOf == nil ? "" : "; use a later --as-of")
            }
            throw BacktestError.data("origin \(schedule.first) is after the data: the last realized quarter of \(label) is "
                                     + "\(lastQuarter) (\(lastStage.name), \(lastStage.realized[lastQuarter]!.source)); "
                                     + advice)
        }

        // Realized values in range.
        let range = schedule.targetRange
        let inRange = selected.map { s in s.realized.keys.filter { range.contains($0) }.count }
        if inRange.allSatisfy({ $0 == 0 }) {
            let s = selected[0]
            let known = s.realized.keys.sorted()
            let what = stage != nil
                ? "stage \(s.name) has no realized values for \(range.lowerBound)…\(range.upperBound) (targets of origins "
                    + "\(schedule.first)…\(schedule.last)); realized quarters in the datasets: "
                    + (known.isEmpty ? "none" : known.map { "\($0)" }.joined(separator: ", "))
                : "no stage has a realized value for \(range.lowerBound)…\(range.upperBound) (targets of origins "
                    + "\(schedule.first)…\(schedule.last)); the earliest realized quarter of any stage is "
                    + "\(selected.compactMap { $0.realized.keys.min() }.min().map { "\($0)" } ?? "none")"
            throw BacktestError.data(what)
        }

        // History before the first origin.
        let asOf = RollingOrigin.asOfDate(origin: schedule.first)
        let known = selected.map { $0.history(asOf: asOf, through: schedule.first).count }
        if requireHistoryAtStart && known.allSatisfy({ $0 < RollingOrigin.minimumHistory }) {
            let s = selected[0]
            var msg = "too few periods before the first origin \(schedule.first): "
            if stage != nil {
                msg += "\(s.name) has \(known[0]) quarter\(known[0] == 1 ? "" : "s") published by \(asOf) "
                    + "(the baselines and MASE scale need at least \(RollingOrigin.minimumHistory))"
                if let start = firstOriginWithHistory(s, after: schedule.first, through: lastQuarter) {
                    msg += "; its history first has \(RollingOrigin.minimumHistory) quarters at origin \(start): use --from \(start) or later"
                }
            } else {
                msg += "no stage has \(RollingOrigin.minimumHistory) quarters published by \(asOf)"
            }
            throw BacktestError.data(msg)
        }

        let results = selected.map { schedule.run($0, minimumPairs: minimumPairs) }
        let note = VintageSelection.asOfNote(asOf: data.truthAsOf, dated: data.newestPublication.map { [$0] } ?? [], today: today)
        return BacktestReport(schedule: schedule, truthAsOf: data.truthAsOf, stages: results, minimumPairs: minimumPairs,
                              notes: note.map { [$0] } ?? [])
    }

    /// The first origins `run` accepts when the data ends at `lastQuarter`: from the first with
    /// `RollingOrigin.minimumHistory` quarters published for some stage through the quarter
    /// before `lastQuarter`; nil when none has that history. History only grows with the
    /// origin, so the first origin that has it starts the range.
    static func workableOrigins(_ stages: [BacktestStage], before lastQuarter: Period) -> ClosedRange<Period>? {
        let last = lastQuarter.advanced(by: -1)
        guard let start = stages.compactMap({ $0.realized.keys.min() }).min(), start <= last else { return nil }
        let first = stages.compactMap { firstOriginWithHistory($0, after: start.advanced(by: -1), through: last) }.min()
        return first.map { $0...last }
    }

    static func firstOriginWithHistory(_ s: BacktestStage, after first: Period, through last: Period) -> Period? {
        first.advanced(by: 1).quarters(through: last).first {
            s.history(asOf: RollingOrigin.asOfDate(origin: $0), through: $0).count >= RollingOrigin.minimumHistory
        }
    }
}
