import Foundation
import Testing
@testable import MemcastData

/// The shipped datasets load under their declared schemas and carry provenance on every row.
@Suite struct EmbeddedDatasetsTests {
    @Test(arguments: ["memory_prices", "handset_market", "supply_demand", "seed_figures"])
    func loadsUnderSchema(_ name: String) throws {
        let catalog = try TestPaths.catalog()
        let rows = try catalog.observations(name)
        #expect(rows.count > 20)
        for o in rows {
            // Publisher and source always; a memcast estimate must say how it was made.
            #expect(!o.publisher.isEmpty, "\(o.origin): no publisher")
            #expect(!o.sourceURL.isEmpty, "\(o.origin): no source")
            #expect(o.provenance == "published" || (o.provenance == "estimate" && !o.method.isEmpty), "\(o.origin)")
            if let l = o.low, let h = o.high { #expect(l <= h, "\(o.origin): low > high") }
        }
    }

    /// The fraction-for-percent hint is silent on the shipped data (small real changes such as ±1% exist).
    @Test(arguments: ["memory_prices", "handset_market", "supply_demand", "seed_figures"])
    func noFractionSuspects(_ name: String) throws {
        #expect(Observation.fractionSuspects(try TestPaths.catalog().observations(name)) == [])
    }

    @Test func memoryPricesPeriodsParseAndUndatedRowsAreFew() throws {
        let rows = try TestPaths.catalog().observations("memory_prices")
        #expect(rows.allSatisfy { $0.period != nil })
        let undated = rows.filter { $0.published == nil }
        // The notes leave the publication date blank on a handful of spot quotes only.
        #expect(undated.count <= 5)
        #expect(undated.allSatisfy { $0.market == "spot" })
    }

    @Test func seriesVocabularyIsDocumented() throws {
        let rows = try TestPaths.catalog().observations("memory_prices")
        let readme = try String(contentsOfFile: TestPaths.datasets + "/README.md", encoding: .utf8)
        for s in Set(rows.map(\.series)) {
            #expect(readme.contains("`\(s)`"), "series \(s) not described in Datasets/README.md")
        }
    }

    /// Datasets/ is exactly what the committed build script makes from shared/data.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: TestPaths.packageRoot.path + "/../shared/data/memory_prices.csv")
                   && FileManager.default.fileExists(atPath: "/usr/bin/python3")))
    func datasetsMatchTheBuildScript() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = [TestPaths.packageRoot.path + "/Datasets/build/build_datasets.py", "--check"]
        let err = Pipe()
        p.standardError = err
        try p.run()
        let msg = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(msg)")
    }
}
