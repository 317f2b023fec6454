import Foundation
import Testing

/// `--data DIR` overlays with bad or misnamed files: exit 65 with file:line and column, never a crash.
@Suite struct OverlayCLITests {
    /// A fresh folder holding `name` with `text`.
    static func overlay(_ name: String, _ text: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("memcast-overlay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return dir
    }

    /// The embedded `file` with the field at (1-based `line`, `column`) replaced by `value`
    /// (the edited columns come before any quoted field).
    static func edited(_ file: String, line: Int, column: String, to value: String) throws -> String {
        let text = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("Datasets/\(file)"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let i = try #require(lines[0].split(separator: ",").map(String.init).firstIndex(of: column))
        var fields = lines[line - 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[i] = value
        lines[line - 1] = fields.joined(separator: ",")
        return lines.joined(separator: "\n")
    }

    /// `year = 1e20` trapped in `Int(_:)` (exit 132); now a data error naming the field.
    @Test func hugeYearIsADataErrorNotACrash() throws {
        let dir = try Self.overlay("handset_configs.csv", Self.edited("handset_configs.csv", line: 3, column: "year", to: "1e20"))
        let r = try CLIRunner.run(["forecast", "--data", dir.path, "--draws", "100"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("handset_configs.csv:3: column 'year': expected a whole year (1990…2100), found 1e+20"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }
}
