import Testing
@testable import MemcastOutput

@Suite struct NotebookTests {
    let text = """
    # Q

    ```memcast
    memcast forecast --as-of 2026-02-28 \\
      --format md
    ```

    ```text
    old
    ```

    Prose stays.

    ```memcast
    fit --formula "y ~ log(x) + C(segment)"
    ```
    tail
    """

    @Test func parsesCellsArgumentsAndExistingOutput() throws {
        let nb = try Notebook(text: text, file: "q.md")
        #expect(nb.cells.count == 2)
        #expect(nb.cells[0].line == 3)
        #expect(nb.cells[0].arguments == ["forecast", "--as-of", "2026-02-28", "--format", "md"])
        #expect(nb.cells[0].currentOutput == "old")
        #expect(nb.cells[1].arguments == ["fit", "--formula", "y ~ log(x) + C(segment)"])
        #expect(nb.cells[1].currentOutput == nil)
    }

    /// A notebook saved with Windows line endings reads the same (it used to have no cells at all).
    @Test func crlfNotebookHasTheSameCells() throws {
        let nb = try Notebook(text: text.replacingOccurrences(of: "\n", with: "\r\n"), file: "q.md")
        #expect(nb.cells.count == 2)
        #expect(nb.cells[0].arguments == ["forecast", "--as-of", "2026-02-28", "--format", "md"])
        #expect(nb.cells[0].currentOutput == "old")
    }

    @Test func renderReplacesOutputsAndInsertsMissingBlocksKeepingProse() throws {
        let nb = try Notebook(text: text, file: "q.md")
        let out = nb.rendered(outputs: ["new 1\nnew 2\n", "```inner\n"])
        let again = try Notebook(text: out, file: "q.md")
        #expect(again.cells.map(\.currentOutput) == ["new 1\nnew 2", " ```inner"])
        #expect(out.contains("Prose stays."))
        #expect(out.hasSuffix("tail\n"))
        // Rendering the same outputs twice is a fixed point.
        #expect(again.rendered(outputs: ["new 1\nnew 2\n", "```inner\n"]) == out)
    }

    @Test func unclosedFenceNamesFileAndLine() {
        #expect(throws: NotebookError.unclosedFence(file: "b.md", line: 2)) {
            try Notebook(text: "x\n```memcast\nforecast\n", file: "b.md")
        }
    }

    @Test func unbalancedQuoteIsAnError() {
        #expect(throws: NotebookError.self) {
            try Notebook(text: "```memcast\nfit --formula \"y ~ x\n```\n", file: "c.md")
        }
    }

    @Test func checkReportsStaleCellWithDiffAndFailingCommandWithLine() throws {
        let nb = try Notebook(text: text, file: "q.md")
        let runner = NotebookRunner { args in
            .init(status: 0, stdout: args.first == "forecast" ? "old\n" : "fresh\n", stderr: "")
        }
        do {
            try runner.check(nb)
            Issue.record("expected a stale cell")
        } catch let NotebookError.stale(file, cells, diff) {
            #expect(file == "q.md")
            #expect(cells == [14])
            #expect(diff.contains("+ fresh"))
        }
        let failing = NotebookRunner { _ in .init(status: 65, stdout: "", stderr: "bad data") }
        #expect(throws: NotebookError.commandFailed(file: "q.md", line: 3,
                                                    command: "forecast --as-of 2026-02-28 --format md",
                                                    status: 65, stderr: "bad data")) {
            try failing.run(nb)
        }
    }

    @Test func lineDiffMarksChangesAndKeepsContext() {
        let d = LineDiff.unified(old: "a\nb\nc\nd\ne\nf\ng", new: "a\nb\nc\nD\ne\nf\ng", context: 1)
        #expect(d == "  …\n  c\n- d\n+ D\n  e\n  …")
    }
}
