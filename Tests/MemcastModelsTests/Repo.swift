import Foundation
import MemcastData

/// The repository's embedded datasets, for tests that run the whole chain.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func catalog() throws -> DatasetCatalog {
        try DatasetCatalog(overlay: nil, environment: ["MEMCAST_DATASETS": root.appendingPathComponent("Datasets").path])
    }
}
