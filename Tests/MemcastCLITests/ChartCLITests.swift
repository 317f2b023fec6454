import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Golden and behaviour tests of `memcast chart` and `memcast report` on the embedded
/// datasets, with few draws so they stay quick (structure, not numbers, is tested here).
@Suite struct ChartCLITests {
    static let quick = ["--draws", "400", "--companion-draws", "100", "--as-of", "2026-02-28"]

    func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("memcast-chart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func chartHelp() throws { try Snapshot.check("chart-help", CLIRunner.run(["chart", "--help"])) }
    @Test func reportHelp() throws { try Snapshot.check("report-help", CLIRunner.run(["report", "--help"])) }

    // Every kind writes a well-formed SVG of that kind, titled, with its as-of date in the source note.
    @Test(arguments: ["fan", "bom", "tornado", "vendors", "vintage"])
    func everyKindWritesAnSVG(kind: String) throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("\(kind).svg").path
        let r = try CLIRunner.run(["chart", kind, "--out", out] + Self.quick)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try XMLDocument(contentsOf: URL(fileURLWithPath: out), options: [])
        let root = doc.rootElement()!
        #expect(root.attributes?.first { $0.name == "data-kind" }?.stringValue == kind)
        #expect(root.elements(forName: "title").first?.stringValue?.isEmpty == false)
        let note = try doc.nodes(forXPath: "//*[local-name()='text'][@class='source-note']").first?.stringValue ?? ""
        #expect(note.contains("as of 2026-02-28"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["\(kind).svg"])
    }

    // Data the run did not produce: a usage error (64), a clear message, no file.
    @Test func missingDataIsAUsageErrorWithNoFile() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("v.svg").path
        let r = try CLIRunner.run(["chart", "vendors", "--year", "2031", "--out", out] + Self.quick)
        #expect(r.status == 64)
        #expect(r.stderr.contains("no year 2031"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let s = try CLIRunner.run(["chart", "fan", "--measure", "contract", "--scope", "entry", "--out", out] + Self.quick)
        #expect(s.status == 64 && s.stderr.contains("contract prices are global"))
        try Snapshot.check("chart-bad-scope", CLIRunner.run(["chart", "fan", "--scope", "luxury", "--out", out]))
    }

    // An output path that cannot be written: 73 before any work, nothing left behind.
    @Test func unwritableOutputIs73() throws {
        let r = try CLIRunner.run(["chart", "bom", "--out", "/nonexistent-folder/x.svg"] + Self.quick)
        #expect(r.status == 73)
        try Snapshot.check("report-unwritable", CLIRunner.run(["report", "--out", "/nonexistent-folder/r.html"]))
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let d = try CLIRunner.run(["report", "--out", dir.path] + Self.quick)
        #expect(d.status == 73 && d.stderr.contains("is a directory"))
    }

    // The report: one self-contained file with the four sections and every chart kind.
    @Test func reportHasSectionsAndAllChartKinds() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report.html").path
        let r = try CLIRunner.run(["report", "--out", out] + Self.quick)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("report: \(out)"))
        let doc = try XMLDocument(contentsOf: URL(fileURLWithPath: out), options: [])
        let sections = try doc.nodes(forXPath: "//section").compactMap { ($0 as? XMLElement)?.attributes?.first { $0.name == "id" }?.stringValue }
        #expect(sections == ["headline", "charts", "assumptions", "comparison"])
        let kinds = Set(try doc.nodes(forXPath: "//*[local-name()='svg']").compactMap { ($0 as? XMLElement)?.attributes?.first { $0.name == "data-kind" }?.stringValue })
        #expect(kinds == ["fan", "bom", "tornado", "vendors", "vintage"])
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!html.contains("<script") && html.contains("UNISOC") && html.contains("Counterpoint"))
    }
}
