// swift-tools-version:6.0
// memcast: memory-chip supply shocks → handset costs, prices and shipments.
//
// Layers (dependencies point down the list only):
//   CLapack            system library: OpenBLAS + LAPACKE (Debian packages)
//   MemcastNumerics    numeric core: matrices, BLAS/LAPACK wrappers, least squares
//   MemcastStatistics  regression, inference, distributions, formulas
//   MemcastData        CSV loader, schemas, periods, embedded datasets, vintages
//   MemcastModels      supply → prices → BOM → ASP → shipments → vendors, Monte Carlo
//   MemcastOutput      tables, JSON/CSV/Markdown, SVG/HTML
//   memcast            the command-line tool (thin: parses, calls, prints)
import PackageDescription

let package = Package(
    name: "memcast",
    products: [
        .executable(name: "memcast", targets: ["memcast"]),
        .library(name: "MemcastNumerics", targets: ["MemcastNumerics"]),
        .library(name: "MemcastStatistics", targets: ["MemcastStatistics"]),
        .library(name: "MemcastData", targets: ["MemcastData"]),
        .library(name: "MemcastModels", targets: ["MemcastModels"]),
        .library(name: "MemcastOutput", targets: ["MemcastOutput"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLapack",
            path: "Sources/CLapack",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        .target(name: "MemcastNumerics", dependencies: ["CLapack"]),
        .target(name: "MemcastStatistics", dependencies: ["MemcastNumerics"]),
        .target(name: "MemcastData", dependencies: ["MemcastStatistics"]),
        // Optimised even in debug: the Monte Carlo loop runs 10,000 draws in the tests.
        .target(name: "MemcastModels", dependencies: ["MemcastData", "MemcastStatistics", "MemcastNumerics"],
                swiftSettings: [.unsafeFlags(["-O"])]),
        .target(name: "MemcastOutput", dependencies: ["MemcastModels", "MemcastData", "MemcastStatistics"]),
        .executableTarget(
            name: "memcast",
            dependencies: [
                "MemcastOutput", "MemcastModels", "MemcastData", "MemcastStatistics", "MemcastNumerics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MemcastNumericsTests", dependencies: ["MemcastNumerics"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "MemcastStatisticsTests", dependencies: ["MemcastStatistics", "MemcastNumerics"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "MemcastDataTests", dependencies: ["MemcastData"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "MemcastModelsTests", dependencies: ["MemcastModels", "MemcastData"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "MemcastOutputTests", dependencies: ["MemcastOutput", "MemcastModels"]),
        .testTarget(name: "MemcastCLITests", dependencies: [], resources: [.copy("Snapshots")]),
    ],
    swiftLanguageModes: [.v5]
)
