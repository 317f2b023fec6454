import Foundation

/// Coordinates as SVG writes them: at most two decimals, no trailing zeros, no `-0`.
///
/// A hundredth of a pixel is below what any screen or printer resolves, and short
/// numbers keep an 800 px chart around 10–20 kB.
enum SVGNumber {
    static func format(_ x: Double) -> String {
        precondition(x.isFinite, "non-finite SVG coordinate \(x)")
        let r = (x * 100).rounded() / 100
        if r == 0 { return "0" }
        if r == r.rounded() { return String(Int(r)) }
        var s = String(format: "%.2f", r)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }
}
