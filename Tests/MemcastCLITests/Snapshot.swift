import Foundation
import Testing

/// Golden-output comparison: a run's status, stdout and stderr against `Snapshots/NAME.txt`
/// (read from the source tree, so recording writes there). A missing snapshot is written and
/// the test fails on purpose (review it, then run again); `MEMCAST_RECORD=1` rewrites them all.
enum Snapshot {
    /// `MEMCAST_RECORD=1` re-records every snapshot (`MEMCAST_RECORD_SNAPSHOTS=1`, an older name, still works).
    static var recording: Bool {
        let env = ProcessInfo.processInfo.environment
        return env["MEMCAST_RECORD"] == "1" || env["MEMCAST_RECORD_SNAPSHOTS"] == "1"
    }

    static let folder = CLIRunner.packageRoot.appendingPathComponent("Tests/MemcastCLITests/Snapshots")

    /// The snapshot text: the command line when known, then status, stdout and stderr.
    static func render(_ r: CLIRun, command: [String]? = nil) -> String {
        let line = command.map { "$ memcast " + $0.map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }.joined(separator: " ") + "\n" }
        return (line ?? "") + "status: \(r.status)\n--- stdout\n\(r.stdout)--- stderr\n\(r.stderr)"
    }

    /// Compares a finished run with `Snapshots/<name>.txt`.
    static func check(_ name: String, _ run: CLIRun, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try compare(name, render(run), sourceLocation: sourceLocation)
    }

    /// Runs `memcast args` (cwd: package root, `SOURCE_DATE_EPOCH` pinned) and compares with
    /// `Snapshots/<name>.txt`, which starts with the command line.
    static func check(_ name: String, args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let run = try CLIRunner.run(args, environment: ["SOURCE_DATE_EPOCH": "1790000000"])
        try compare(name, render(run, command: args), sourceLocation: sourceLocation)
    }

    static func compare(_ name: String, _ actual: String, sourceLocation: SourceLocation) throws {
        let url = folder.appendingPathComponent(name + ".txt")
        guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded snapshot \(name).txt; review it and run again", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("snapshot \(name).txt differs:\n\(firstDifference(expected, actual))", sourceLocation: sourceLocation)
        }
    }

    /// The first differing line, for a readable failure.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.components(separatedBy: "\n"), y = b.components(separatedBy: "\n")
        for i in 0..<max(x.count, y.count) {
            let l = i < x.count ? x[i] : "<end>", r = i < y.count ? y[i] : "<end>"
            if l != r { return "line \(i + 1):\n  expected: \(l)\n  actual:   \(r)" }
        }
        return "(no difference found)"
    }
}
