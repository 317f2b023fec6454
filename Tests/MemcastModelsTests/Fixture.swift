import Foundation

/// Loads the committed numpy reference (Fixtures/montecarlo_reference.json, made by make_fixtures.py).
enum Fixture {
    static func json(_ name: String) throws -> [String: Any] {
        let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "json")
            ?? Bundle.module.bundleURL.appendingPathComponent("Fixtures/\(name).json")
        let data = try Data(contentsOf: url)
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
}
