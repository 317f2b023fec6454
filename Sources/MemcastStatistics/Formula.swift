/// A model formula in the R/patsy style, parsed: `y ~ x1 + log(x2) + C(segment) + x1:x2`.
///
/// The right-hand side is an ordered list of `Term`s (each a product of
/// factors) plus an intercept flag; `- 1` or `+ 0` removes the intercept.
/// Parse with `Formula(parsing:)`; evaluate against data with
/// `DesignMatrix(formula:data:panel:)`.
///
/// ```swift
/// let f = try Formula(parsing: "log(asp) ~ dram_usd_per_gb + C(segment)")
/// f.terms.map(\.name)   // ["dram_usd_per_gb", "C(segment)"]
/// ```
public struct Formula: Sendable, CustomStringConvertible {
    /// The formula as the user wrote it.
    public let text: String
    /// The response (left of `~`).
    public let response: FormulaExpression
    /// Right-hand-side terms in formula order, without the intercept, duplicates removed.
    public let terms: [Term]
    /// True unless the formula removes the intercept with `- 1`, `+ 0` or `0 +`.
    public let hasIntercept: Bool

    public init(text: String, response: FormulaExpression, terms: [Term], hasIntercept: Bool) {
        self.text = text
        self.response = response
        self.terms = terms
        self.hasIntercept = hasIntercept
    }

    /// Parses `text`.
    /// - Throws: `FormulaError` pointing at the offending character.
    public init(parsing text: String) throws {
        var parser = FormulaParser(text)
        self = try parser.parseFormula()
    }

    /// Canonical text: `y ~ x + log(z) + C(s) - 1`.
    public var description: String {
        var rhs = terms.map(\.name)
        if !hasIntercept { rhs.insert("0", at: 0) }
        return "\(response) ~ \(rhs.isEmpty ? "1" : rhs.joined(separator: " + "))"
    }
}

/// One right-hand-side term: a product (interaction) of one or more factors, `x1:C(s)`.
public struct Term: Sendable, Hashable, CustomStringConvertible {
    /// The factors multiplied together, in the order written.
    public let factors: [FormulaExpression]

    public init(factors: [FormulaExpression]) { self.factors = factors }

    /// `x1:C(s)` — the factors' canonical texts joined by `:`.
    public var name: String { factors.map(\.description).joined(separator: ":") }
    public var description: String { name }

    /// Terms are the same when they have the same set of factors (`a:b` is `b:a`).
    public static func == (a: Term, b: Term) -> Bool { Set(a.factors.map(\.description)) == Set(b.factors.map(\.description)) }
    public func hash(into h: inout Hasher) { h.combine(Set(factors.map(\.description))) }
}

/// A factor or arithmetic expression inside a formula, with where it was written.
///
/// Identity (`==`, hashing) is the canonical text, so `log( x )` and `log(x)`
/// are the same factor; `range` only serves error messages.
public struct FormulaExpression: Sendable, Hashable, CustomStringConvertible {
    /// The shape of an expression.
    public indirect enum Kind: Sendable {
        /// A numeric literal, `2` or `0.5`.
        case number(Double)
        /// A column reference, `x` or `` `dram price` ``.
        case variable(String)
        /// A function application: `log`, `log1p`, `exp`, `sqrt`, `I`, `C`, `diff`, `lag`, `pct`.
        case call(FormulaFunction, [FormulaExpression])
        /// Unary minus.
        case negate(FormulaExpression)
        /// Binary arithmetic (inside `I(...)` or a transform's argument).
        case binary(ArithmeticOperator, FormulaExpression, FormulaExpression)
    }

    public let kind: Kind
    /// Character offsets (0-based) of the expression in the formula text.
    public let range: Range<Int>

    public init(_ kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }

    /// True for `C(x)`: a factor coded with treatment contrasts.
    public var isExplicitCategorical: Bool {
        if case .call(.categorical, _) = kind { return true }
        return false
    }

    /// Column names this expression reads.
    public var variables: [String] {
        switch kind {
        case .number: return []
        case .variable(let v): return [v]
        case .call(_, let args): return args.flatMap(\.variables)
        case .negate(let e): return e.variables
        case .binary(_, let a, let b): return a.variables + b.variables
        }
    }

    /// Canonical text: `log(x2)`, `I(x^2)`, `lag(x, 2)`, `I(a + b)`.
    public var description: String { render(precedence: 0) }

    private func render(precedence outer: Int) -> String {
        switch kind {
        case .number(let v): return FormulaExpression.format(v)
        case .variable(let v): return FormulaExpression.isPlainName(v) ? v : "`\(v)`"
        case .call(let f, let args):
            return "\(f.rawValue)(\(args.map { $0.render(precedence: 0) }.joined(separator: ", ")))"
        case .negate(let e):
            let s = "-" + e.render(precedence: 3)
            return outer > 2 ? "(\(s))" : s
        case .binary(let op, let a, let b):
            let p = op.precedence
            // Left-associative except `^`: parenthesise the side that would regroup.
            let lp = op == .power ? p + 1 : p
            let rp = op == .power ? p : p + 1
            let sep = op == .add || op == .subtract ? " \(op.rawValue) " : op.rawValue
            let s = a.render(precedence: lp) + sep + b.render(precedence: rp)
            return p < outer ? "(\(s))" : s
        }
    }

    static func isPlainName(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, f == "_" || f.properties.isAlphabetic else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || $0 == "." || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// Shortest text that reads back as the same number, without a trailing `.0`.
    static func format(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    public static func == (a: FormulaExpression, b: FormulaExpression) -> Bool { a.description == b.description }
    public func hash(into h: inout Hasher) { h.combine(description) }
}

/// Arithmetic allowed inside `I(...)` and transform arguments.
public enum ArithmeticOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"

    var precedence: Int {
        switch self {
        case .add, .subtract: return 1
        case .multiply, .divide: return 2
        case .power: return 4
        }
    }
}

/// Functions a formula may call.
public enum FormulaFunction: String, Sendable, CaseIterable {
    /// Natural logarithm; argument > 0.
    case log
    /// log(1 + x); argument > -1.
    case log1p
    /// eˣ.
    case exp
    /// Square root; argument ≥ 0.
    case sqrt
    /// Protects arithmetic: `I(x^2)`, `I(a/b)`.
    case identity = "I"
    /// Categorical with treatment coding, first sorted level as reference.
    case categorical = "C"
    /// First difference `x[t] - x[t-k]` (k = 1 unless given), within entity.
    case diff
    /// Lagged value `x[t-k]` (k = 1 unless given), within entity.
    case lag
    /// Percent change `100·(x[t] - x[t-k])/x[t-k]`, in percent (k = 1 unless given), within entity.
    case pct

    /// Whether the function shifts in time (and so takes an optional integer order).
    var isTimeShift: Bool { self == .diff || self == .lag || self == .pct }
}
