import Foundation
import MemcastModels

/// Text, Markdown and CSV of `memcast bom` (teardown lines).
public enum TeardownRendering {
    static let header = ["config", "quarter", "DRAM", "$/GB", "NAND", "$/GB", "DRAM $", "NAND $", "other $", "BOM $",
                         "memory %", "price $", "retail $", "price %", "contract prices"]

    static func cells(_ l: Teardown.Line) -> [String] {
        let n = ForecastRendering.num
        return [l.config.description, l.quarter.description, l.dramType.rawValue, n(l.dramUSDPerGB, 2), l.nandType.rawValue,
                n(l.nandUSDPerGB, 3), n(l.dramUSD, 1), n(l.nandUSD, 1), n(l.nonMemoryUSD, 0), n(l.bomUSD, 0),
                n(l.memorySharePct, 1), n(l.priceUSD, 0), n(l.retailUSD, 0), ForecastRendering.signed(l.priceChangePct),
                l.priceSource]
    }

    /// - Parameter title: the run's scope (scenario, as-of, π).
    public static func render(_ lines: [Teardown.Line], title: String, format: ForecastFormat) -> String {
        switch format {
        case .csv:
            let head = "config,quarter,dram_type,dram_usd_per_gb,nand_type,nand_usd_per_gb,dram_usd,nand_usd,other_usd,"
                + "bom_usd,memory_share_pct,price_usd,retail_usd,price_change_pct,contract_prices"
            return ([head] + lines.map { l in
                [l.config.description, l.quarter.description, l.dramType.rawValue, "\(l.dramUSDPerGB)", l.nandType.rawValue,
                 "\(l.nandUSDPerGB)", "\(l.dramUSD)", "\(l.nandUSD)", "\(l.nonMemoryUSD)", "\(l.bomUSD)",
                 "\(l.memorySharePct)", "\(l.priceUSD)", "\(l.retailUSD)", "\(l.priceChangePct)", "\"\(l.priceSource)\""]
                    .joined(separator: ",")
            }).joined(separator: "\n") + "\n"
        case .md:
            return "## \(title)\n\n| " + header.joined(separator: " | ") + " |\n|"
                + String(repeating: "---|", count: header.count) + "\n"
                + lines.map { "| " + cells($0).joined(separator: " | ") + " |" }.joined(separator: "\n") + "\n"
        case .text, .json:
            var rows: [[String]] = []
            for (i, l) in lines.enumerated() {
                if i > 0, lines[i - 1].config != l.config { rows.append(header.map { _ in "" }) }
                rows.append(cells(l))
            }
            return title + "\n" + ForecastRendering.table(header, rows)
                .split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces).isEmpty ? "" : String($0) }.joined(separator: "\n") + "\n"
        }
    }
}
