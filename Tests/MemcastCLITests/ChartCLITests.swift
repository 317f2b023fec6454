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

    // A name whose extension promises another format is refused before any work, and nothing is written.
    @Test func outputNamedForAnotherFormatIsRefused() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let chart = try CLIRunner.run(["chart", "fan", "--out", dir.appendingPathComponent("fan.png").path] + Self.quick)
        #expect(chart.status == 64 && chart.stderr.contains("this command writes SVG; name the file .svg"), "\(chart.stderr)")
        let report = try CLIRunner.run(["report", "--out", dir.appendingPathComponent("r.pdf").path] + Self.quick)
        #expect(report.status == 64 && report.stderr.contains("name the file .html or .htm"), "\(report.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

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

    // The vintage chart as of 2026-02-28: memcast's 2026 shipments with the trackers'
    // calls, and below, on its own axis, TrendForce's 1Q26 conventional DRAM call
    // (memory_prices.csv: 55–60% on 2026-01-05, revised to 90–95% on 2026-02-02).
    @Test func vintageChartHasTheDRAMCallPanel() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("v.svg").path
        let r = try CLIRunner.run(["chart", "vintage", "--out", out] + Self.quick)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try XMLDocument(contentsOf: URL(fileURLWithPath: out), options: [])
        func nodes(_ xp: String) throws -> [XMLElement] { try doc.nodes(forXPath: xp).compactMap { $0 as? XMLElement } }
        let series = try nodes("//*[local-name()='g'][contains(@class, 'series')]").compactMap { $0.attributes?.first { $0.name == "data-series" }?.stringValue }
        #expect(series.first == "memcast as of each date" && series.last == "TrendForce 1Q26 DRAM call")
        #expect(try nodes("//*[local-name()='g'][@class='axis axis-y2']").count == 1)
        #expect(try nodes("//*[local-name()='text'][contains(@class, 'axis-title-y2')]").first?.stringValue
                == "TrendForce's 1Q26 conventional DRAM contract price call, % change QoQ")
        let call = try nodes("//*[local-name()='g'][@data-series='TrendForce 1Q26 DRAM call']").first
        #expect(call?.elements(forName: "rect").count == 2)
        #expect(call?.elements(forName: "text").first?.stringValue == "92.5")
        // Before TrendForce's first release of the call there is no lower panel.
        let early = try CLIRunner.run(["chart", "vintage", "--out", out, "--draws", "400", "--companion-draws", "100", "--as-of", "2025-12-31"])
        #expect(early.status == 0, "\(early.stderr)")
        #expect(try !String(contentsOfFile: out, encoding: .utf8).contains("axis-y2"))
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
        // A horizon that ends before the first forecast year is complete: the tornado chart
        // (and so the report, which draws it) has no year to explain; the message names the option.
        let t = try CLIRunner.run(["chart", "tornado", "--horizon", "2026Q2", "--out", out] + Self.quick)
        #expect(t.status == 64 && t.stderr == "memcast: error: tornado chart: no data for 2026 global shipments change: the run has no 2026 (check --horizon)\n")
        let html = dir.appendingPathComponent("r.html").path
        try Snapshot.check("report-horizon-too-short", CLIRunner.run(["report", "--horizon", "2026Q2", "--out", html] + Self.quick))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
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
        // A file where the folder should be: 73 naming it, and the file untouched.
        let file = dir.appendingPathComponent("notes.txt")
        try "keep".write(to: file, atomically: true, encoding: .utf8)
        let f = try CLIRunner.run(["chart", "vintage", "--out", file.appendingPathComponent("v.svg").path] + Self.quick)
        #expect(f.status == 73 && f.stderr == "memcast: error: cannot write '\(file.path)/v.svg': '\(file.path)' is a file, not a folder\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["notes.txt"])
    }

    /// `--out /dev/stdout` (or a link to a device) was renamed over, leaving a regular file
    /// where the link or device was; it is now written through, exit 0.
    @Test func outputToADeviceWritesThroughIt() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let link = dir.appendingPathComponent("out.svg").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/null")
        let r = try CLIRunner.run(["chart", "bom", "--out", link] + Self.quick)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "/dev/null")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.svg"])
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
