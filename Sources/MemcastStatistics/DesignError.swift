/// A formula that parses but does not fit the data: each case names the
/// column, row origin (`file.csv:214`) or formula character involved.
public enum DesignError: Error, Equatable, CustomStringConvertible {
    /// A formula names a column the data does not have (`position`: where in the formula).
    case unknownColumn(String, available: [String], formula: String, position: Int)
    /// A column the fit needs besides the formula (`role`: "weights", "cluster ids") is not in the data.
    case missingColumn(String, role: String, available: [String])
    /// A text column used where numbers are needed, e.g. inside `log(...)`.
    case textInArithmetic(column: String, example: String, formula: String, position: Int)
    /// A mostly numeric text column with a cell that is not a number.
    case notANumber(column: String, value: String, origin: String)
    /// A transform applied outside its domain, e.g. `log(x)` with x ≤ 0; `requirement` says what to change.
    case domain(expression: String, value: Double, requirement: String, origin: String)
    /// A categorical factor with one level in the rows used (nothing to contrast).
    case singleLevel(factor: String, level: String)
    /// A numeric term that does not vary although the model has an intercept.
    case constantColumn(term: String, value: Double)
    /// Fewer usable rows than coefficients (or no residual degrees of freedom).
    case tooFewRows(rows: Int, columns: Int, dropped: Int)
    /// The formula leaves no column at all (`y ~ 0`).
    case emptyDesign
    /// The same entity and period twice.
    case duplicatePeriod(column: String, period: String, entity: String?, origin: String, firstOrigin: String)
    /// A period label that cannot be read.
    case badPeriod(column: String, value: String, origin: String)
    /// A period column mixing units (quarters and months).
    case mixedPeriods(column: String, first: String, firstOrigin: String, other: String, otherOrigin: String)
    /// Prediction data with a category level the fit never saw.
    case unknownLevel(factor: String, level: String, origin: String, allowed: [String])
    /// Prediction data without columns the formula uses.
    case missingPredictors([String], needed: [String])
    /// A weight that is not a positive finite number.
    case badWeight(column: String, value: Double, origin: String)
    /// A response column read as text; `value` is its first cell that is not a number.
    case textResponse(column: String, value: String, origin: String)

    public var description: String {
        switch self {
        case let .unknownColumn(c, a, f, p):
            return "unknown column '\(c)'; available: \(a.joined(separator: ", "))\n" + FormulaError.caret(f, at: p)
        case let .missingColumn(c, r, a):
            return "no column '\(c)' (\(r)); available: \(a.joined(separator: ", "))"
        case let .textInArithmetic(c, ex, f, p):
            return "column '\(c)' holds text (e.g. '\(ex)'), not numbers; use C(\(c)) or \(c) as a term of its own for categories\n"
                + FormulaError.caret(f, at: p)
        case let .notANumber(c, v, o):
            return "\(o): column '\(c)': cannot parse '\(v)' as a number" + Self.missingHint(v)
        case let .domain(e, v, r, o):
            return "\(o): \(e) is undefined for the value \(FormulaExpression.format(v)); \(r)"
        case let .singleLevel(f, l):
            return "\(f) has a single level ('\(l)') in the rows used, so it has nothing to compare with; drop the term"
        case let .constantColumn(t, v):
            return "term '\(t)' is constant (\(FormulaExpression.format(v))) in every row used, so it cannot be separated from the intercept; drop it or remove the intercept with '- 1'"
        case let .tooFewRows(r, c, d):
            let why = d > 0 ? " after dropping \(d) row\(d == 1 ? "" : "s") with missing values" : ""
            return "the model has \(c) coefficient\(c == 1 ? "" : "s") but only \(r) usable row\(r == 1 ? "" : "s")\(why); it needs more rows than coefficients"
        case .emptyDesign:
            return "the formula leaves no terms and no intercept; nothing to estimate"
        case let .duplicatePeriod(c, p, e, o, f):
            return "\(o): period '\(p)' in column '\(c)'\(e.map { " for '\($0)'" } ?? "") appears twice (first at \(f)); lags need one row per \(e == nil ? "period" : "entity and period")"
        case let .badPeriod(c, v, o):
            return "\(o): column '\(c)': cannot read '\(v)' as a period (expected e.g. 2026, 2026Q1, 2026-03, 2026-03-31 or a whole number)"
        case let .mixedPeriods(c, a, ao, b, bo):
            return "column '\(c)' mixes periods: \(a) at \(ao) and \(b) at \(bo)"
        case let .unknownLevel(f, l, o, a):
            return "\(o): \(f) has level '\(l)' that the fitted data did not have; allowed: \(a.joined(separator: ", "))"
        case let .missingPredictors(m, n):
            return "prediction data lacks column\(m.count == 1 ? "" : "s") \(m.map { "'\($0)'" }.joined(separator: ", ")); the model needs: \(n.joined(separator: ", "))"
        case let .badWeight(c, v, o):
            return "\(o): weight column '\(c)' has \(FormulaExpression.format(v)); weights must be positive and finite"
        case let .textResponse(c, v, o):
            return "\(o): column '\(c)': '\(v)' is not a number; the response must be numeric" + Self.missingHint(v)
        }
    }

    /// For `NaN` or `inf` written in a cell: how to write a missing value instead.
    static func missingHint(_ value: String) -> String {
        Double(value.trimmingCharacters(in: .whitespaces)) == nil ? "" : " (for a missing value leave the cell empty or write NA)"
    }
}
