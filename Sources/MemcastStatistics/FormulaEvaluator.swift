import Foundation

/// The values of one formula factor over every row of a frame.
enum FactorValues {
    /// Numbers; NaN marks a missing value (missing input, start of a series, a gap).
    case numeric([Double])
    /// Categories: per-row code into `labels` (-1 missing); `sortKeys` orders the
    /// labels numerically when the source column was numeric.
    case categorical(codes: [Int32], labels: [String], sortKeys: [Double]?)
}

/// Evaluates formula expressions over a `DataFrame`, row by row, with time
/// shifts resolved by a `PanelIndex`.
///
/// Missing inputs give missing outputs. A value outside a transform's domain
/// (`log` of 0, division by zero) is an error naming the row, because
/// dropping such rows silently would change the sample behind the user's back.
struct FormulaEvaluator {
    let data: DataFrame
    let panel: PanelIndex
    let formula: String

    private var rows: Int { data.rowCount }

    /// A factor: categorical for `C(x)` or a bare text column, numeric otherwise.
    func factor(_ e: FormulaExpression) throws -> FactorValues {
        switch e.kind {
        case .call(.categorical, let args):
            return try categorical(args[0])
        case .variable(let name):
            let column = try lookup(name, e)
            if case .categorical(let c) = column {
                try rejectMostlyNumeric(name, c)
                return .categorical(codes: c.codes, labels: c.levels, sortKeys: nil)
            }
            return .numeric(try numeric(e))
        default:
            return .numeric(try numeric(e))
        }
    }

    /// The numeric values of `e` over all rows.
    func numeric(_ e: FormulaExpression) throws -> [Double] {
        switch e.kind {
        case .number(let v):
            return [Double](repeating: v, count: rows)
        case .variable(let name):
            switch try lookup(name, e) {
            case .numeric(let v): return v
            case .categorical(let c):
                try rejectMostlyNumeric(name, c)
                let example = c.levels.first ?? ""
                throw DesignError.textInArithmetic(column: name, example: example, formula: formula, position: e.range.lowerBound)
            }
        case .negate(let a):
            return try numeric(a).map { -$0 }
        case .binary(let op, let a, let b):
            let x = try numeric(a), y = try numeric(b)
            var out = [Double](repeating: .nan, count: rows)
            for i in 0..<rows where !x[i].isNaN && !y[i].isNaN {
                let r: Double
                switch op {
                case .add: r = x[i] + y[i]
                case .subtract: r = x[i] - y[i]
                case .multiply: r = x[i] * y[i]
                case .divide:
                    guard y[i] != 0 else {
                        let fix: String
                        if case .number = b.kind { fix = "divide by a non-zero number instead of \(b)" } else {
                            fix = "the divisor \(b) is 0 in this row: change the formula or the data so it is never 0"
                        }
                        throw domain(e, fix, row: i, value: y[i])
                    }
                    r = x[i] / y[i]
                case .power: r = Foundation.pow(x[i], y[i])
                }
                guard r.isFinite else { throw domain(e, Self.overflow, row: i, value: x[i]) }
                out[i] = r
            }
            return out
        case .call(let f, let args):
            return try call(f, args, e)
        }
    }

    private func call(_ f: FormulaFunction, _ args: [FormulaExpression], _ e: FormulaExpression) throws -> [Double] {
        let x = try numeric(args[0])
        func map(_ requirement: String, _ ok: (Double) -> Bool, _ g: (Double) -> Double) throws -> [Double] {
            var out = x
            for i in 0..<rows where !x[i].isNaN {
                guard ok(x[i]) else { throw domain(e, requirement, row: i, value: x[i]) }
                let r = g(x[i])
                guard r.isFinite else { throw domain(e, Self.overflow, row: i, value: x[i]) }
                out[i] = r
            }
            return out
        }
        // Say what to change, not the bare condition ("needs 0 ≠ 0" read as nonsense).
        func mustBe(_ condition: String) -> String {
            "\(args[0]) must be \(condition): correct or remove this row, or transform \(args[0]) differently"
        }
        switch f {
        case .log: return try map(mustBe("> 0"), { $0 > 0 }, Foundation.log)
        case .log1p: return try map(mustBe("> -1"), { $0 > -1 }, Foundation.log1p)
        case .exp: return try map(Self.overflow, { _ in true }, Foundation.exp)
        case .sqrt: return try map(mustBe("≥ 0"), { $0 >= 0 }, Foundation.sqrt)
        case .identity: return x
        case .categorical:
            preconditionFailure("C(...) reached numeric evaluation; the parser keeps it out of arithmetic")
        case .diff, .lag, .pct:
            let k = args.count > 1 ? Int(numericLiteral(args[1])) : 1
            var out = [Double](repeating: .nan, count: rows)
            for i in 0..<rows {
                guard let j = panel.predecessor(of: i, by: k) else { continue }
                let now = x[i], before = x[j]
                switch f {
                case .lag: out[i] = before
                case .diff: out[i] = now - before
                default:
                    if now.isNaN || before.isNaN { continue }
                    guard before != 0 else { throw domain(e, "the earlier value (at \(data.origin(ofRow: j))) is 0, so there is no base for a percent change: use diff() or fix that row", row: i, value: before) }
                    out[i] = 100 * (now - before) / before  // no cancellation from subtracting 1
                }
            }
            return out
        }
    }

    private func numericLiteral(_ e: FormulaExpression) -> Double {
        if case .number(let v) = e.kind { return v }
        preconditionFailure("the parser only accepts a number as a shift order")
    }

    private func categorical(_ e: FormulaExpression) throws -> FactorValues {
        guard case .variable(let name) = e.kind else { preconditionFailure("C(...) takes a column name") }
        switch try lookup(name, e) {
        case .categorical(let c):
            return .categorical(codes: c.codes, labels: c.levels, sortKeys: nil)
        case .numeric(let v):
            var index: [Double: Int32] = [:]
            var keys: [Double] = []
            var codes = [Int32](repeating: -1, count: v.count)
            for (i, x) in v.enumerated() where !x.isNaN {
                if let c = index[x] { codes[i] = c } else {
                    index[x] = Int32(keys.count)
                    codes[i] = Int32(keys.count)
                    keys.append(x)
                }
            }
            return .categorical(codes: codes, labels: keys.map(FormulaExpression.format), sortKeys: keys)
        }
    }

    private func lookup(_ name: String, _ e: FormulaExpression) throws -> Column {
        guard let c = data[name] else {
            throw DesignError.unknownColumn(name, available: data.names, formula: formula, position: e.range.lowerBound)
        }
        return c
    }

    /// A text column whose values are mostly numbers is a numeric column with a bad cell;
    /// treating it as categories would silently fit hundreds of dummies.
    private func rejectMostlyNumeric(_ name: String, _ c: CategoricalColumn) throws {
        let numeric = c.levels.filter(Self.isNumber).count
        guard numeric * 2 > c.levels.count, let bad = Self.firstNonNumber(c) else { return }
        throw DesignError.notANumber(column: name, value: bad.value, origin: data.origin(ofRow: bad.row))
    }

    /// The first cell in row order that is not a number. Levels are in order of first
    /// appearance, so the first such level's first row is the earliest bad row.
    static func firstNonNumber(_ c: CategoricalColumn) -> (value: String, row: Int)? {
        guard let bad = c.levels.firstIndex(where: { !isNumber($0) }),
              let row = c.codes.firstIndex(of: Int32(bad)) else { return nil }
        return (c.levels[bad], row)
    }

    /// Whether a text cell is a number as the CSV loader reads them: finite. (`Double("NaN")` and
    /// `Double("inf")` succeed, so a column with one such cell was fitted as categories, exit 0.)
    static func isNumber(_ text: String) -> Bool { Double(text.trimmingCharacters(in: .whitespaces))?.isFinite == true }

    /// What to change when a result is not a finite number.
    static let overflow = "the result is too large to represent: rescale the inputs"

    private func domain(_ e: FormulaExpression, _ requirement: String, row: Int, value: Double) -> DesignError {
        .domain(expression: e.description, value: value, requirement: requirement, origin: data.origin(ofRow: row))
    }
}
