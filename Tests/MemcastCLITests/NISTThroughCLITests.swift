import Foundation
import Testing

/// NIST StRD linear regression through the whole tool: the published `.dat` (kept by the
/// numeric core's tests in Tests/MemcastNumericsTests/Fixtures/nist) is written out as a
/// CSV, fitted with `memcast fit --format json`, and each certified value compared by
/// LRE = −log10(|est − cert|/|cert|) (−log10|est| where cert = 0), capped at 15.
/// Floors are the numeric core's (NISTLeastSquaresTests): the CSV loader, formula
/// powers and JSON output must not cost digits. Filip: ≥ 7 digits or a refusal.
@Suite struct NISTThroughCLITests {
    struct Certified {
        var header: [String] = []
        var rows: [[String]] = []
        var params: [Double] = []
        var sds: [Double] = []
        var residualSD = 0.0
        var rsquared = 0.0
    }

    static func load(_ name: String) throws -> Certified {
        let url = CLIRunner.packageRoot.appendingPathComponent("Tests/MemcastNumericsTests/Fixtures/nist/\(name).dat")
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: .newlines)
        var c = Certified()
        var inData = false, afterResidual = false
        for line in lines {
            let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            if inData { if !f.isEmpty { c.rows.append(f) }; continue }
            if f.first == "Data:", f.count > 1, f[1] == "y" { c.header = Array(f.dropFirst()); inData = true; continue }
            if f.count == 3, f[0].hasPrefix("B"), Int(f[0].dropFirst()) != nil {
                c.params.append(Double(f[1])!)
                c.sds.append(Double(f[2])!)
            }
            if f.first == "Residual", f.count == 1 { afterResidual = true }
            if afterResidual, f.count == 3, f[0] == "Standard", f[1] == "Deviation" { c.residualSD = Double(f[2])!; afterResidual = false }
            if f.count == 2, f[0] == "R-Squared" { c.rsquared = Double(f[1])! }
        }
        return c
    }

    static func lre(_ est: Any?, _ cert: Double) -> Double {
        guard let e = (est as? NSNumber)?.doubleValue, e.isFinite else { return 0 }
        if e == cert { return 15 }
        let err = cert == 0 ? abs(e) : abs(e - cert) / abs(cert)
        return min(15, -log10(err))
    }

    static func formula(_ name: String, _ c: Certified) -> String {
        if name == "Longley" { return "y ~ x1 + x2 + x3 + x4 + x5 + x6" }
        if name.hasPrefix("NoInt") { return "y ~ x - 1" }
        let degree = c.params.count - 1
        return "y ~ x" + (degree >= 2 ? (2...degree).map { " + I(x^\($0))" }.joined() : "")
    }

    /// Fits `name` through the CLI; returns the JSON and the certified values.
    static func fit(_ name: String) throws -> (run: CLIRun, json: [String: Any]?, certified: Certified) {
        let c = try load(name)
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("memcast-nist-\(UUID().uuidString)-\(name).csv")
        defer { try? FileManager.default.removeItem(at: csv) }
        // The numbers are copied as written in the .dat (no binary round trip here).
        try ([c.header.joined(separator: ",")] + c.rows.map { $0.joined(separator: ",") }).joined(separator: "\n")
            .appending("\n").write(to: csv, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["fit", "--data", csv.path, "--formula", formula(name, c), "--format", "json"])
        let json = run.status == 0 ? try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] : nil
        return (run, json, c)
    }

    /// Digits reached per quantity: (coefficients, SDs, residual SD, R²), each the minimum over terms.
    static func digits(_ json: [String: Any], _ c: Certified) -> (coef: Double, sd: Double, resSD: Double, r2: Double) {
        let terms = json["terms"] as! [String]
        let params = json["params"] as! [String: Any], bse = json["bse"] as! [String: Any]
        let coef = zip(terms, c.params).map { lre(params[$0], $1) }.min()!
        let sd = zip(terms, c.sds).map { lre(bse[$0], $1) }.min()!
        return (coef, sd, lre(json["residual_se"], c.residualSD), lre(json["rsquared"], c.rsquared))
    }

    @Test(arguments: [
        ("Norris", 12.0, 12.0), ("Pontius", 12, 12), ("NoInt1", 12, 12), ("NoInt2", 12, 12), ("Longley", 12, 11),
        ("Wampler1", 12, 12), ("Wampler2", 12, 12), ("Wampler3", 12, 12), ("Wampler4", 12, 12), ("Wampler5", 12, 12),
    ])
    func certifiedDigitsThroughCLI(name: String, coefFloor: Double, sdFloor: Double) throws {
        let (run, json, c) = try Self.fit(name)
        #expect(run.status == 0, "\(name): \(run.stderr)")
        guard let json else { return }
        #expect((json["terms"] as! [String]).count == c.params.count)
        let d = Self.digits(json, c)
        print("NIST via memcast fit: \(name) LRE coef \(d.coef) sd \(d.sd) resSD \(d.resSD) R² \(d.r2)")
        #expect(d.coef >= coefFloor, "\(name) coefficients LRE \(d.coef)")
        #expect(d.sd >= sdFloor, "\(name) SDs LRE \(d.sd)")
        #expect(d.resSD >= 12 && d.r2 >= 12, "\(name) residual SD \(d.resSD), R² \(d.r2)")
    }

    /// Filip (degree 10, κ ≈ 1.8e15): 7 certified digits, or exit 65 saying why — never a silent wrong answer.
    @Test func filipCertifiedOrRefused() throws {
        let (run, json, c) = try Self.fit("Filip")
        guard let json else {
            #expect(run.status == 65 && run.stderr.contains("rank-deficient"), "\(run.stderr)")
            return
        }
        #expect((json["aliased"] as? [Any])?.isEmpty == true)
        let d = Self.digits(json, c)
        print("NIST via memcast fit: Filip LRE coef \(d.coef) sd \(d.sd) resSD \(d.resSD) R² \(d.r2)")
        #expect(d.coef >= 7 && d.sd >= 7 && d.resSD >= 7 && d.r2 >= 7)
    }
}
