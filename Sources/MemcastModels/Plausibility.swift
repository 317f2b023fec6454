/// Plausible values shared by scenario files and the model datasets, so a typo is caught
/// whichever file it is in, with the same words.
public enum Plausibility {
    /// Years a file may name (scenario `gap_pp.YEAR`, handset_configs.csv `year`).
    public static let years: ClosedRange<Int> = 1990...2100

    /// A whole year in `years`, or nil (`2025.5`, `1e20` and NaN are not years).
    public static func year(_ value: Double) -> Int? {
        guard value == value.rounded(), value >= Double(years.lowerBound), value <= Double(years.upperBound) else { return nil }
        return Int(value)
    }

    /// Shortest text of a number (`60`, `0.45`, `1e+20`).
    public static func fmt(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(x)
    }
}
