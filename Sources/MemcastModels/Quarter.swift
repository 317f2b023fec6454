/// A calendar quarter (`2026Q1`), the forecast's time step.
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public var year: Int
    /// 1…4.
    public var quarter: Int

    public init(year: Int, quarter: Int) {
        precondition((1...4).contains(quarter), "quarter \(quarter) outside 1…4")
        self.year = year; self.quarter = quarter
    }

    /// Parses `2026Q1` (also `2026q1`); nil otherwise.
    public init?(_ text: String) {
        let u = text.uppercased()
        let parts = u.split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let q = Int(parts[1]),
              (1...4).contains(q), parts[1].count == 1 else { return nil }
        self.init(year: y, quarter: q)
    }

    /// Quarters since year 0 (a linear index).
    public var ordinal: Int { year * 4 + quarter - 1 }

    public init(ordinal: Int) { self.init(year: ordinal / 4, quarter: ordinal % 4 + 1) }

    /// The quarter `n` steps later (negative = earlier).
    public func advanced(by n: Int) -> Quarter { Quarter(ordinal: ordinal + n) }

    /// Quarters from `self` through `end`, inclusive (empty when `end` is earlier).
    public func through(_ end: Quarter) -> [Quarter] {
        end.ordinal < ordinal ? [] : (ordinal...end.ordinal).map(Quarter.init(ordinal:))
    }

    public var description: String { "\(year)Q\(quarter)" }

    public static func < (a: Quarter, b: Quarter) -> Bool { a.ordinal < b.ordinal }
}
