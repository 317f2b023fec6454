import Foundation

/// The tracker behind a `publisher` label, so figures from one house can be paired even when
/// different outlets carried them.
///
/// Labels in `Datasets/` name the outlet that carried a figure as well as its origin:
/// `TrendForce (via DIGITIMES Asia)`, `Evertiq (TrendForce)`, `DRAMeXchange (via KSIA / e4ds)`.
///
///     PublisherOrigin.of("TrendForce (via Aju News)")      // "TrendForce"
///     PublisherOrigin.of("DRAMeXchange (via DIGITIMES)")   // "TrendForce" (its DRAM division)
///     PublisherOrigin.of("Evertiq (TrendForce)")           // "TrendForce"
///     PublisherOrigin.of("Micron (via Tiger Brokers)")     // "Micron"
///     PublisherOrigin.of("Chosun Biz (Counterpoint)")      // "Counterpoint"
public enum PublisherOrigin {
    /// 1. the outlet after ` (via ` is dropped; 2. TrendForce and its DRAMeXchange division are one
    /// house; 3. `Outlet (Origin)` names the origin in parentheses; 4. otherwise the label, trimmed.
    public static func of(_ label: String) -> String {
        var s = Substring(label)
        if let via = s.range(of: " (via ") { s = s[..<via.lowerBound] }
        if s.contains("TrendForce") || s.contains("DRAMeXchange") { return "TrendForce" }
        if s.hasSuffix(")"), let open = s.lastIndex(of: "(") {
            let inner = s[s.index(after: open)..<s.index(before: s.endIndex)]
            if !inner.isEmpty { return inner.trimmingCharacters(in: .whitespaces) }
        }
        return s.trimmingCharacters(in: .whitespaces)
    }
}
