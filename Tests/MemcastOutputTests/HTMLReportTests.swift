import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import MemcastOutput

@Suite struct HTMLReportTests {
    static func sampleDocument() throws -> ReportDocument {
        let headline = ReportTable(caption: "2026 at a glance", columns: [.init("measure"), .init("p05", .right), .init("p50", .right), .init("p95", .right)],
                                   rows: [["shipments, % YoY", "−8.1", "−6.0", "−3.9"], ["ASP, % YoY", "4.2", "6.1", "8.0"]])
        let t = { (c: String) in ReportTable(caption: c, columns: [.init("name"), .init("value", .right)], rows: [["a & b", "<1>"]], notes: ["note one"]) }
        return ReportDocument.forecast(
            title: "memcast forecast <test>", facts: ["scenario test", "as of 2026-02-28"], headline: headline,
            charts: [(try FanChart.make(ChartSamples.fan, id: "c1"), "fan caption"), (try BOMBarsChart.make(ChartSamples.bom, id: "c2"), "bom"),
                     (try TornadoChart.make(ChartSamples.tornado, id: "c3"), "tornado"), (try VendorBarsChart.make(ChartSamples.vendors, id: "c4"), "vendors"),
                     (try VintageChart.make(ChartSamples.vintage, id: "c5"), "vintage")],
            scenarioInputs: t("Scenario inputs"), calibration: t("Calibration"), vintages: t("Data vintages"), comparison: t("Published vs model"))
    }

    // The report parses as XML (polyglot HTML), has the four sections in
    // order, every chart inline with unique ids, and the tables' cells.
    @Test func structure() throws {
        let doc = try Self.sampleDocument()
        let html = HTMLReport.render(doc)
        let xml = try XMLDocument(xmlString: html, options: [])
        func nodes(_ xp: String) -> [XMLElement] { ((try? xml.nodes(forXPath: xp)) ?? []).compactMap { $0 as? XMLElement } }
        #expect(nodes("//section").compactMap { $0.attr("id") } == ["headline", "charts", "assumptions", "comparison"])
        let svgs = nodes("//*[local-name()='svg']")
        #expect(svgs.count == 5)
        #expect(svgs.compactMap { $0.attr("data-kind") } == ["fan", "bom", "tornado", "vendors", "vintage"])
        let ids = nodes("//*[@id]").compactMap { $0.attr("id") }
        #expect(Set(ids).count == ids.count, "duplicate ids")
        #expect(nodes("//figure").count == 5 && nodes("//figcaption").first?.stringValue == "fan caption")
        #expect(nodes("//table").count == 5)
        #expect(nodes("//section[@id='assumptions']//caption").map { $0.stringValue } == ["Scenario inputs", "Calibration", "Data vintages"])
        #expect(nodes("//td").contains { $0.stringValue == "a & b" } && nodes("//td").contains { $0.stringValue == "<1>" })
        #expect(nodes("//title").first?.stringValue == "memcast forecast <test>")
        #expect(doc.charts.count == 5)
    }

    // Self-contained: no script, no external resource, a CSP that forbids fetching, a print stylesheet.
    @Test func selfContainedAndPrintable() throws {
        let html = HTMLReport.render(try Self.sampleDocument())
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("<link"))
        #expect(!html.contains("href=\"http") && !html.contains("url("))
        #expect(html.contains("Content-Security-Policy") && html.contains("default-src 'none'"))
        #expect(html.contains("@media print") && html.contains("break-inside: avoid"))
    }

    // Figures, ranges and dates never break across lines (a wrapped "[+11.1,/+47.4]" or
    // "2026-/02-28" reads badly on paper); headers and prose cells still wrap.
    @Test func figuresAndDatesDoNotWrap() throws {
        let t = ReportTable(caption: "c", columns: [.init("figure"), .init("published", wraps: false), .init("p50 [p05, p95]", .right), .init("result", .center)],
                            rows: [["global shipments 2026 vs 2025 (%)", "2026-01-28", "\u{2212}7.6 [\u{2212}17.1, \u{2212}3.0]", "pass"]])
        let html = HTMLReport.render(ReportDocument(title: "t", facts: [], sections: [.init(id: "s", heading: "S", blocks: [.table(t)])]))
        let xml = try XMLDocument(xmlString: html, options: [])
        let cells = try xml.nodes(forXPath: "//td").compactMap { ($0 as? XMLElement)?.attr("class") ?? "" }
        #expect(cells == ["", "nw", "r", "c"])
        let headers = try xml.nodes(forXPath: "//th").compactMap { ($0 as? XMLElement)?.attr("class") ?? "" }
        #expect(headers == ["", "", "r", "c"])
        #expect(html.contains("td.r, td.c, td.nw { white-space: nowrap; }"))
    }

    @Test func unavailableBlockIsShown() throws {
        let doc = ReportDocument(title: "t", facts: [], sections: [.init(id: "s", heading: "S", blocks: [.unavailable("no vintages: run with --as-of")])])
        let html = HTMLReport.render(doc)
        #expect(html.contains("<p class=\"unavailable\">no vintages: run with --as-of</p>"))
    }

    // Atomic writes: the file appears whole; bad paths throw with the path and reason, writing nothing.
    @Test func outputFileWritesAtomicallyAndRefusesBadPaths() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("memcast-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("r.html").path
        try OutputFile.write("one", to: path)
        try OutputFile.write("two", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "two")
        #expect(throws: OutputFileError.self) { try OutputFile.write("x", to: dir.appendingPathComponent("missing/r.html").path) }
        #expect(throws: OutputFileError(path: dir.path, reason: "it is a directory")) { try OutputFile.write("x", to: dir.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["r.html"])
    }
}
