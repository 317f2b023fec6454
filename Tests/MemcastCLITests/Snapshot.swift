import Foundation
import Testing

/// Golden-output comparison: a run's status, stdout and stderr against
/// `Snapshots/NAME.txt`. A missing snapshot is written and the test fails on
/// purpose (review it, then re-run); `MEMCAST_RECORD=1` rewrites all snapshots.
enum Snapshot {
    /// `MEMCAST_RECORD=1` re-records every snapshot, of both helpers (`MEMCAST_RECORD_SNAPSHOTS=1`,
    /// the fit goldens' older name, still works).
    static var recording: Bool {
        let env = ProcessInfo.processInfo.environment
        return env["MEMCAST_RECORD"] == "1" || env["MEMCAST_RECORD_SNAPSHOTS"] == "1"
    }

    static let folder = CLIRunner.packageRoot.appendingPathComponent("Tests/MemcastCLITests/Snapshots")

    static func render(_ r: CLIRun) -> String {
        "status: \(r.status)\n--- stdout\n\(r.stdout)--- stderr\n\(r.stderr)"
    }

    static func check(_ name: String, _ run: CLIRun, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name + ".txt")
        let actual = render(run)
        guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded snapshot \(name).txt; review it and run again", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "snapshot \(name).txt differs", sourceLocation: sourceLocation)
    }
}
