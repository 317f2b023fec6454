import Foundation
import MemcastData
@testable import MemcastModels

/// Forecast runs shared by the tests (each as-of date is computed once per test process),
/// with the CLI's defaults: 10,000 draws, seed 2026, default scenario and horizon.
enum ForecastRuns {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: ForecastResult] = [:]

    static func result(asOf: String, scenario: Scenario = .asPublished, draws: Int = MonteCarlo.defaultDraws,
                       seed: UInt64 = MonteCarlo.defaultSeed) throws -> ForecastResult {
        let key = "\(asOf)|\(scenario.name)|\(draws)|\(seed)"
        lock.lock(); defer { lock.unlock() }
        if let r = cache[key] { return r }
        let inputs = try ForecastInputs.build(catalog: Repo.catalog(), scenario: scenario, asOf: CalendarDate(asOf))
        let r = MonteCarlo.run(try ForecastEngine(inputs: inputs), draws: draws, seed: seed)
        cache[key] = r
        return r
    }
}
