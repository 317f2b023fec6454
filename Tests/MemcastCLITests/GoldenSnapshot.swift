import Foundation
import Testing

/// Golden-output checks: a command's exit status, stdout and stderr against a file in
/// Tests/MemcastCLITests/Snapshots/ (read from the source tree, so recording writes there).
///
/// A missing snapshot is recorded and the test fails on purpose, as does any run with
/// `MEMCAST_RECORD=1` (`Snapshot.recording`): review the new file, then run again.
enum GoldenSnapshot {
    static let folder = CLIRunner.packageRoot.appendingPathComponent("Tests/MemcastCLITests/Snapshots")

    /// Runs `memcast args` (cwd: package root, width 100, C locale, `SOURCE_DATE_EPOCH` pinned)
    /// and compares with `Snapshots/<name>.txt`.
    static func check(_ name: String, _ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let run = try CLIRunner.run(args, environment: ["SOURCE_DATE_EPOCH": "1790000000"])
        let text = """
        $ memcast \(args.map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }.joined(separator: " "))
        [exit \(run.status)]
        --- stdout
        \(run.stdout)--- stderr
        \(run.stderr)
        """
        let url = folder.appendingPathComponent("\(name).txt")
        guard !Snapshot.recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded snapshot \(name).txt; review it and run again", sourceLocation: sourceLocation)
            return
        }
        if expected != text {
            Issue.record("snapshot \(name).txt differs:\n\(firstDifference(expected, text))", sourceLocation: sourceLocation)
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
