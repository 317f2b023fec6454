import Foundation
import Testing

/// `memcast bench` computes the same numbers as the pandas/statsmodels/numpy peer
/// (bench/peer.py) on the 40,000-row panel (`gen_panel.py --skus 1000`).
///
/// Tolerances (bench/README.md, issue 7), relative |a − b| ≤ tol·max(|a|, |b|):
/// - ingest: every describe statistic 1e-12;
/// - ols: coefficients, HC1 standard errors, R², adjusted R², AIC, BIC 1e-9;
///   condition number 1e-6 (statsmodels takes it from the eigenvalues of XᵀX, whose
///   smallest carries a relative error of about κ²·ε ≈ 1e-8 here; memcast from
///   the singular values of X);
/// - bootstrap, montecarlo, backtest: 1e-9 (deterministic by the SplitMix64 rules).
/// Needs python3 with numpy, pandas and statsmodels (`scripts/install-deps.sh --python`,
/// run by `make test`).
@Suite(.serialized) struct BenchEqualityTests {
    static let benchDir = CLIRunner.packageRoot.appendingPathComponent("bench")

    /// The small panel, generated once per test process.
    static let panel: Result<URL, Error> = Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("memcast-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let out = dir.appendingPathComponent("panel_small.csv")
        let r = try python([benchDir.appendingPathComponent("gen_panel.py").path, out.path, "--skus", "1000"])
        guard r.status == 0 else { throw BenchTestError.python("gen_panel.py failed: \(r.stderr)") }
        return out
    }

    enum BenchTestError: Error, CustomStringConvertible {
        case python(String)
        var description: String { switch self { case .python(let m): return m } }
    }

    /// Runs python3 with BLAS on one thread (faster on a shared machine; the peer's
    /// numbers do not depend on it beyond rounding).
    static func python(_ args: [String]) throws -> CLIRun {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + args
        var env = ProcessInfo.processInfo.environment
        env["OPENBLAS_NUM_THREADS"] = "1"; env["OMP_NUM_THREADS"] = "1"
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLIRun(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self))
    }

    static func json(_ text: String) throws -> [String: Any] {
        guard let d = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw BenchTestError.python("not a JSON object: \(text.prefix(200))")
        }
        return d
    }

    /// Walks the peer's document and checks every number in `ours` at the same path.
    static func compare(_ peer: Any, _ ours: Any?, path: String, tolerance: (String) -> Double?,
                        failures: inout [String], checked: inout Int) {
        switch peer {
        case let d as [String: Any]:
            guard let o = ours as? [String: Any] else { failures.append("\(path): missing object"); return }
            for (k, v) in d { compare(v, o[k], path: path + "/" + k, tolerance: tolerance, failures: &failures, checked: &checked) }
        case let a as [Any]:
            guard let o = ours as? [Any], o.count == a.count else { failures.append("\(path): array length differs"); return }
            for (i, v) in a.enumerated() {
                compare(v, o[i], path: path + "[\(i)]", tolerance: tolerance, failures: &failures, checked: &checked)
            }
        case let n as NSNumber:
            guard let tol = tolerance(path) else { return }
            guard let m = ours as? NSNumber else { failures.append("\(path): missing number"); return }
            let a = n.doubleValue, b = m.doubleValue
            checked += 1
            if !(abs(a - b) <= tol * max(abs(a), abs(b))) {
                failures.append("\(path): peer \(a), memcast \(b), relative \(abs(a - b) / max(abs(a), abs(b))) > \(tol)")
            }
        default:
            break
        }
    }

    static func tolerance(_ workload: String) -> (String) -> Double? {
        { path in
            if path.hasSuffix("seconds_in_process") { return nil }
            switch workload {
            case "ingest": return 1e-12
            case "ols": return path.hasSuffix("condition_number") ? 1e-6 : 1e-9
            default: return 1e-9
            }
        }
    }

    @Test(arguments: ["ingest", "montecarlo", "backtest"])
    func sameNumbersAsPeer(_ workload: String) throws {
        let panel = try Self.panel.get()
        let peer = try Self.python([Self.benchDir.appendingPathComponent("peer.py").path, workload, panel.path])
        try #require(peer.status == 0, "peer.py \(workload) failed (python3 with numpy, pandas, statsmodels needed: scripts/install-deps.sh --python): \(peer.stderr)")
        let ours = try CLIRunner.run(["bench", workload, panel.path, "--format", "json"])
        try #require(ours.status == 0, "memcast bench \(workload) failed: \(ours.stderr)")
        var failures: [String] = []
        var checked = 0
        Self.compare(try Self.json(peer.stdout), try Self.json(ours.stdout), path: workload,
                     tolerance: Self.tolerance(workload), failures: &failures, checked: &checked)
        #expect(failures.isEmpty, "\(failures.count) of \(checked) numbers differ:\n\(failures.prefix(20).joined(separator: "\n"))")
        #expect(checked > 0)
    }
}
