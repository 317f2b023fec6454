/// The content of an HTML report: a title, a line of run facts, and sections.
///
/// Build one with `ReportDocument.forecast(...)` for the standard layout, or
/// directly for other reports; render it with `HTMLReport.render`.
public struct ReportDocument: Sendable, Equatable {
    public enum Block: Sendable, Equatable {
        case paragraph(String)
        case table(ReportTable)
        /// A chart with a caption under it.
        case figure(Chart, caption: String)
        /// Something the run did not produce, said plainly instead of left out silently.
        case unavailable(String)
    }

    public struct Section: Sendable, Equatable {
        /// HTML id (anchor), e.g. `headline`.
        public var id: String
        public var heading: String
        public var blocks: [Block]
        public init(id: String, heading: String, blocks: [Block]) {
            self.id = id; self.heading = heading; self.blocks = blocks
        }
    }

    public var title: String
    /// Facts about the run shown under the title, e.g. `["scenario as-published", "as of 2026-02-28", "10,000 draws, seed 42"]`.
    public var facts: [String]
    public var sections: [Section]

    public init(title: String, facts: [String], sections: [Section]) {
        self.title = title; self.facts = facts; self.sections = sections
    }

    /// Every chart in the document, in order.
    public var charts: [Chart] {
        sections.flatMap { $0.blocks.compactMap { if case let .figure(c, _) = $0 { return c } else { return nil } } }
    }
}

extension ReportDocument {
    /// The standard forecast report: headline table, charts, assumptions
    /// (scenario inputs, calibration table, data vintages) and the comparison
    /// with published figures, in that order.
    public static func forecast(title: String, facts: [String], headline: ReportTable,
                                charts: [(Chart, caption: String)], scenarioInputs: ReportTable,
                                calibration: ReportTable, vintages: ReportTable,
                                comparison: ReportTable) -> ReportDocument {
        ReportDocument(title: title, facts: facts, sections: [
            Section(id: "headline", heading: "Headline", blocks: [.table(headline)]),
            Section(id: "charts", heading: "Charts", blocks: charts.map { .figure($0.0, caption: $0.caption) }),
            Section(id: "assumptions", heading: "Assumptions", blocks: [.table(scenarioInputs), .table(calibration), .table(vintages)]),
            Section(id: "comparison", heading: "Published figures and the model", blocks: [.table(comparison)]),
        ])
    }
}
