import Foundation
import Testing
import MemcastData
@testable import MemcastModels
@testable import MemcastOutput

/// Every forecast format reports the same SoC vendors: text, Markdown, JSON, CSV and the HTML report.
@Suite struct ForecastFormatsTests {
    /// `ForecastChartsTests.result` with `others` given `othersShipments` million units in every period.
    static func result(othersShipments: Double) -> ForecastResult {
        var r = ForecastChartsTests.result
        func set(_ p: inout PeriodFigures) {
            let q = QuantileSummary(p05: othersShipments, p50: othersShipments, p95: othersShipments)
            p.socVendors[.others] = VendorFigures(shipmentsYoYPct: othersShipments > 0 ? q : nil,
                                                 sharePct: othersShipments > 0 ? q : QuantileSummary(p05: 0, p50: 0, p95: 0),
                                                 shipmentsM: q)
        }
        for i in r.quarterly.indices { set(&r.quarterly[i]) }
        for i in r.annual.indices { set(&r.annual[i]) }
        return r
    }

    /// The vendor names each format lists.
    static func vendorsByFormat(_ r: ForecastResult) throws -> [String: [String]] {
        let text = ForecastRendering.render(r, as: .text).components(separatedBy: "\n")
        let start = try #require(text.firstIndex(of: "SoC vendors")) + 3
        let textVendors = text[start...].prefix { !$0.isEmpty }.map { String($0.split(separator: " ")[0]) }
        let md = ForecastRendering.render(r, as: .md).components(separatedBy: "\n")
        let mdStart = try #require(md.firstIndex(of: "## SoC vendors")) + 4
        let mdVendors = md[mdStart...].prefix { $0.hasPrefix("| ") }.map { $0.split(separator: "|")[0].trimmingCharacters(in: .whitespaces) }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ForecastRendering.render(r, as: .json).utf8)) as? [String: Any])
        let annual = try #require((json["annual"] as? [String: Any])?["2026"] as? [String: Any])
        let jsonVendors = try #require(annual["soc_vendors"] as? [String: Any])
        var csvVendors: [String] = []
        for line in ForecastRendering.render(r, as: .csv).split(separator: "\n") {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if cells[0] == "2026", cells[2] == "soc_vendor", !csvVendors.contains(cells[3]) { csvVendors.append(cells[3]) }
        }
        let report = ForecastReport.headline(r)[1].rows.map { $0[0] }
        // JSON objects are unordered: its keys, sorted like the other formats.
        let order = SoCVendor.allCases.map(\.rawValue)
        let jsonNames = jsonVendors.keys.sorted { (order.firstIndex(of: $0) ?? order.count) < (order.firstIndex(of: $1) ?? order.count) }
        return ["text": textVendors, "md": mdVendors, "json": jsonNames, "csv": csvVendors, "report": report]
    }

    @Test func aVendorWithoutShipmentsIsLeftOutOfEveryFormat() throws {
        let r = Self.result(othersShipments: 0)
        #expect(ForecastRendering.reportedVendors(r) == SoCVendor.allCases.filter { $0 != .others })
        let expected = ForecastRendering.reportedVendors(r).map(\.rawValue)
        let by = try Self.vendorsByFormat(r)
        for f in ["text", "md", "json", "csv", "report"] { #expect(by[f] == expected, "\(f)") }
    }

    /// Markdown is "the same content" as text: the quarters keep ASP $ and units m, and the contract
    /// price inputs are there (they were missing from Markdown).
    @Test func markdownHasTheTextTables() throws {
        var r = Self.result(othersShipments: 0)
        r.priceInputs = [PriceInputRow(quarter: Period(quarterText: "2026Q1")!, kind: .dram, source: "90–95 (TrendForce 2026-02-02)")]
        let text = ForecastRendering.render(r, as: .text), md = ForecastRendering.render(r, as: .md)
        let cells = { (line: Substring) in line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        let mdLines = md.split(separator: "\n")   // blank lines dropped
        let quarters = try #require(mdLines.firstIndex(of: "## Quarters (global)"))
        #expect(cells(mdLines[quarters + 1]) == ForecastRendering.quarterHeader)
        #expect(cells(mdLines[quarters + 3]) == ForecastRendering.quarterRows(r)[0])
        #expect(text.contains("\nContract price inputs (percent QoQ)\n") && md.contains("\n## Contract price inputs (percent QoQ)\n"))
        #expect(md.contains("| 2026Q1 | 90–95 (TrendForce 2026-02-02) |  |"))
    }

    @Test func aVendorWithShipmentsIsInEveryFormat() throws {
        let r = Self.result(othersShipments: 5)
        #expect(ForecastRendering.reportedVendors(r) == SoCVendor.allCases)
        let by = try Self.vendorsByFormat(r)
        for f in ["text", "md", "json", "csv", "report"] { #expect(by[f] == SoCVendor.allCases.map(\.rawValue), "\(f)") }
    }
}
