/// Rough text widths for layout (margins, label thinning, legend wrapping).
///
/// No font is loaded, so widths are estimated from average advance widths of
/// wide sans-serif faces (DejaVu Sans, the Linux fallback, is among the widest),
/// in ems: narrow glyphs (i, l, 1, punctuation) ≈ 0.32, digits ≈ 0.64, other
/// lowercase ≈ 0.6, capitals ≈ 0.72, m/w/% ≈ 0.92. Erring wide only costs a
/// little margin; erring narrow clips labels.
enum TextMetrics {
    static func width(_ s: String, size: Double) -> Double {
        var em = 0.0
        for c in s.unicodeScalars {
            switch c {
            case "i", "l", "j", "!", "|", ".", ",", ":", ";", "'", "1", "(", ")", "[", "]", "f", "t", "r", " ":
                em += 0.32
            case "0"..."9": em += 0.64
            case "m", "w", "M", "W", "%", "@", "—", "−": em += 0.92
            case "A"..."Z": em += 0.72
            default: em += 0.6
            }
        }
        return em * size
    }
}
