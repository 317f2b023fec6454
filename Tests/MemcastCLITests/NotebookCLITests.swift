import Testing
import Foundation

@Suite struct NotebookCLITests {
    func tempNotebook(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nb-\(UUID().uuidString).md")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func runWritesOutputsAndCheckThenPasses() throws {
        let url = try tempNotebook("# T\n\n```memcast\nmemcast --version\n```\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let check1 = try CLIRunner.run(["notebook", "check", url.path])
        #expect(check1.status == 65)
        #expect(check1.stderr.contains("stale output at \(url.path):3"))
        let run = try CLIRunner.run(["notebook", "run", url.path])
        #expect(run.status == 0)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("```text\nmemcast "))
        #expect(try CLIRunner.run(["notebook", "check", url.path]).status == 0)
    }

    @Test func failingCommandStopsWithLineAndLeavesNotebookUnchanged() throws {
        let original = "intro\n\n```memcast\nmemcast no-such-command\n```\n"
        let url = try tempNotebook(original)
        defer { try? FileManager.default.removeItem(at: url) }
        let r = try CLIRunner.run(["notebook", "run", url.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(url.path):3: `memcast no-such-command` failed with exit status 64"))
        #expect(try String(contentsOf: url, encoding: .utf8) == original)
    }

    @Test func missingNotebookIsNoInput() throws {
        let r = try CLIRunner.run(["notebook", "check", "/nonexistent/x.md"])
        #expect(r.status == 66)
    }
}

@Suite struct NotebookFailureTests {
    /// A later command failing leaves the earlier (stale) outputs unwritten too.
    @Test func failureAfterAGoodCellLeavesTheWholeNotebookUnchanged() throws {
        let original = "# T\n\n```memcast\nmemcast --version\n```\n\n```text\nold output\n```\n\nprose\n\n"
            + "```memcast\nmemcast fit --dataset no_such_dataset --formula \"y ~ x\"\n```\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nb-\(UUID().uuidString).md")
        try original.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let r = try CLIRunner.run(["notebook", "run", url.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(url.path):13: `memcast fit --dataset no_such_dataset --formula \"y ~ x\"` failed with exit status 64"))
        #expect(r.stderr.contains("no such dataset"))
        #expect(try String(contentsOf: url, encoding: .utf8) == original)
    }
}
