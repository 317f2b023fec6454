import Foundation
import Testing

/// `memcast bench` computes the same numbers as the pandas/statsmodels/numpy peer
/// (bench/peer.py) on the 40,000-row panel (`gen_panel.py --skus 1000`); the
/// tolerances (ingest 1e-12, the rest 1e-9 relative) are in bench/compare.py,
/// which `make bench` also runs on the 1,000,000-row panel.
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

    @Test(arguments: ["ingest", "ols", "bootstrap", "montecarlo", "backtest"])
    func sameNumbersAsPeer(_ workload: String) throws {
        let panel = try Self.panel.get()
        let peer = try Self.python([Self.benchDir.appendingPathComponent("peer.py").path, workload, panel.path])
        try #require(peer.status == 0, "peer.py \(workload) failed (python3 with numpy, pandas, statsmodels needed: scripts/install-deps.sh --python): \(peer.stderr)")
        let ours = try CLIRunner.run(["bench", workload, panel.path, "--format", "json"])
        try #require(ours.status == 0, "memcast bench \(workload) failed: \(ours.stderr)")
        let dir = panel.deletingLastPathComponent()
        let peerJSON = dir.appendingPathComponent("peer-\(workload).json"), oursJSON = dir.appendingPathComponent("memcast-\(workload).json")
        try peer.stdout.write(to: peerJSON, atomically: true, encoding: .utf8)
        try ours.stdout.write(to: oursJSON, atomically: true, encoding: .utf8)
        let check = try Self.python([Self.benchDir.appendingPathComponent("compare.py").path, workload, peerJSON.path, oursJSON.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("numbers agree"))
    }
}
