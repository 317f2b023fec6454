import Foundation
import Testing
@testable import MemcastData

/// Where the datasets are found: MEMCAST_DATASETS, then walking up from the
/// executable and from the current folder; `--data` overlays.
@Suite struct DatasetCatalogTests {
    /// A scratch tree: root/Datasets/{README.md, a.csv, b.csv}, root/x/y/ (nested), over/ (user folder).
    func tree() throws -> (root: String, over: String) {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: root + "/Datasets", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/x/y", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/over", withIntermediateDirectories: true)
        try "# d\n".write(toFile: root + "/Datasets/README.md", atomically: true, encoding: .utf8)
        try "v\n1\n".write(toFile: root + "/Datasets/a.csv", atomically: true, encoding: .utf8)
        try "v\n2\n".write(toFile: root + "/Datasets/b.csv", atomically: true, encoding: .utf8)
        try "v\n3\n4\n".write(toFile: root + "/over/b.csv", atomically: true, encoding: .utf8)
        try "w\n5\n".write(toFile: root + "/over/c.csv", atomically: true, encoding: .utf8)
        return (root, root + "/over")
    }

    @Test func walksUpFromTheCurrentFolder() throws {
        let t = try tree()
        let c = try DatasetCatalog(overlay: nil, environment: [:], executablePath: nil, currentDirectory: t.root + "/x/y")
        #expect(c.embeddedDirectory == t.root + "/Datasets")
        #expect(c.entries.map(\.name) == ["a", "b"])
    }

    @Test func walksUpFromTheExecutableFirst() throws {
        let t = try tree()
        let c = try DatasetCatalog(overlay: nil, environment: [:], executablePath: t.root + "/x/y/memcast",
                                   currentDirectory: "/")
        #expect(c.embeddedDirectory == t.root + "/Datasets")
    }

    @Test func environmentWins() throws {
        let t = try tree()
        let c = try DatasetCatalog(overlay: nil, environment: ["MEMCAST_DATASETS": t.over], executablePath: nil,
                                   currentDirectory: t.root)
        #expect(c.embeddedDirectory == t.over)
        #expect(c.entries.map(\.name) == ["b", "c"])
    }

    @Test func overlayReplacesSameNamesAndAddsOthers() throws {
        let t = try tree()
        let c = try DatasetCatalog(overlay: t.over, environment: [:], executablePath: nil, currentDirectory: t.root)
        #expect(c.entries.map(\.name) == ["a", "b", "c"])
        #expect(c.entry("a")?.fromOverlay == false)
        #expect(c.entry("b.csv")?.fromOverlay == true)
        #expect(try c.load("b").rowCount == 2)   // the user's b.csv, not the embedded one
    }

    @Test func nothingFoundOrBadOverlayIsAnError() throws {
        #expect(throws: CSVIssue.self) {
            try DatasetCatalog(overlay: nil, environment: [:], executablePath: nil, currentDirectory: "/")
        }
        #expect(throws: CSVIssue.self) {
            try DatasetCatalog(overlay: "/nonexistent", environment: [:], executablePath: nil, currentDirectory: "/")
        }
        let t = try tree()
        let c = try DatasetCatalog(overlay: nil, environment: [:], executablePath: nil, currentDirectory: t.root)
        #expect(throws: CSVIssue.self) { try c.load("zzz") }
    }
}
