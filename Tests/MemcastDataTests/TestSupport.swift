import Foundation
@testable import MemcastData

/// Paths the Data tests read: the repository's embedded `Datasets/` folder.
enum TestPaths {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let datasets = packageRoot.appendingPathComponent("Datasets").path

    static func catalog() throws -> DatasetCatalog {
        try DatasetCatalog(overlay: nil, environment: ["MEMCAST_DATASETS": datasets], executablePath: nil,
                           currentDirectory: "/")
    }
}

extension Observation {
    /// A synthetic memory_prices row for rule tests.
    static func make(period: String = "2026Q1", low: Double? = nil, high: Double? = nil, point: Double? = nil,
                     kind: Kind = .forecast, published: String?, series: String = "conventional_dram",
                     reliability: String = "normal", id: String = "t") -> Observation {
        Observation(dataset: "memory_prices", id: id, series: series, market: "contract", product: "",
                    entity: "industry", region: "", period: Period(period), periodText: period, metric: "qoq_pct",
                    low: low, high: high, point: point, unit: "pct", kind: kind,
                    published: published.flatMap(PublicationDate.init), publisher: "T", sourceURL: "u",
                    provenance: "published", method: "", note: "", reliability: reliability, origin: "test")
    }
}
