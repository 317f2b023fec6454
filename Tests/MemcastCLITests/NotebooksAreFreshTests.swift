import Testing
import Foundation

/// Every notebook in Notebooks-md/ must match what memcast prints today:
/// `memcast notebook check` re-runs each command and fails with a diff when
/// an output block is stale (fix with `memcast notebook run FILE`).
@Suite struct NotebooksAreFreshTests {
    static var notebooks: [String] {
        let dir = CLIRunner.packageRoot.appendingPathComponent("Notebooks-md")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return files.filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
            .map { "Notebooks-md/" + $0 }
    }

    @Test func thereAreNotebooks() {
        #expect(!Self.notebooks.isEmpty)
    }

    @Test(arguments: notebooks)
    func notebookOutputsAreCurrent(_ file: String) throws {
        let r = try CLIRunner.run(["notebook", "check", file])
        #expect(r.status == 0, "\(r.stderr)")
    }
}
