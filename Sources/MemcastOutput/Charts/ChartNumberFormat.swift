import Foundation

/// Numbers as chart labels: fixed decimals, thin-space-free thousands commas,
/// a true minus sign (U+2212) and an optional unit suffix.
///
/// `format(-1234.5, decimals: 1)` → `"−1,234.5"`; `format(6.9, decimals: 1, suffix: "%", signed: true)` → `"+6.9%"`.
public enum ChartNumberFormat {
    public static func format(_ x: Double, decimals: Int, suffix: String = "", signed: Bool = false) -> String {
        precondition(x.isFinite && decimals >= 0 && decimals <= 10)
        let rounded = String(format: "%.\(decimals)f", abs(x))
        let isZero = Double(rounded) == 0
        let parts = rounded.split(separator: ".", maxSplits: 1)
        var intPart = String(parts[0])
        var grouped = ""
        while intPart.count > 3 {
            grouped = "," + intPart.suffix(3) + grouped
            intPart.removeLast(3)
        }
        grouped = intPart + grouped
        if parts.count > 1 { grouped += "." + parts[1] }
        let sign = isZero ? "" : (x < 0 ? "\u{2212}" : (signed ? "+" : ""))
        return sign + grouped + suffix
    }

    /// Decimals that show `x` to about three significant figures, at most 2 (labels on bars).
    public static func decimals(forMagnitude x: Double) -> Int {
        let a = abs(x)
        if a >= 100 { return 0 }
        if a >= 10 { return 1 }
        return a == 0 ? 0 : 2
    }
}
