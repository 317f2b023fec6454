/// A formula that does not parse, with the character it stopped at.
///
/// `description` shows the formula with a caret under the character:
///
///     formula: column 10: expected a term after '+'
///       y ~ x1 + + x2
///                ^
public struct FormulaError: Error, Equatable, CustomStringConvertible {
    /// The formula text.
    public let formula: String
    /// 0-based character offset the message is about.
    public let position: Int
    /// What was wrong and what was expected.
    public let message: String

    public init(formula: String, position: Int, message: String) {
        self.formula = formula
        self.position = position
        self.message = message
    }

    public var description: String {
        "formula: column \(position + 1): \(message)\n" + FormulaError.caret(formula, at: position)
    }

    /// Two indented lines: the formula, and a caret under character `position`.
    static func caret(_ formula: String, at position: Int) -> String {
        "  \(formula)\n  \(String(repeating: " ", count: max(0, position)))^"
    }
}

/// Recursive-descent parser for R/patsy formulas.
///
/// Grammar (formula level, where `+ - * :` combine terms):
///
///     formula  := factor '~' sum
///     sum      := ['-'] product (('+' | '-') product)*
///     product  := inter ('*' inter)*          a*b = a + b + a:b
///     inter    := atom (':' atom)*
///     atom     := '(' sum ')' | '0' | '1' | factor
///     factor   := name | name '(' args ')'
///
/// Inside a call, arithmetic binds as usual (`^` right-associative, `**` is `^`):
///
///     arith    := mul (('+' | '-') mul)*
///     mul      := unary (('*' | '/') unary)*
///     unary    := '-' unary | '+' unary | power
///     power    := primary ('^' unary)?
///     primary  := number | name | name '(' args ')' | '(' arith ')'
struct FormulaParser {
    private enum Token: Equatable {
        case name(String)      // bare or back-quoted
        case number(Double, String)
        case symbol(String)    // ~ + - * / ^ : ( ) ,
        case end
    }

    /// Largest order `lag`, `diff` and `pct` accept.
    static let maxShiftOrder = 1_000_000.0

    private let text: String
    private var tokens: [(token: Token, start: Int, end: Int)] = []
    private var index = 0

    init(_ text: String) { self.text = text }

    // MARK: Tokens

    private mutating func tokenize() throws {
        let chars = Array(text)
        var i = 0
        func isNameStart(_ c: Character) -> Bool { c == "_" || c.isLetter }
        func isNameChar(_ c: Character) -> Bool { c == "_" || c == "." || c.isLetter || c.isNumber }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            let start = i
            if isNameStart(c) {
                while i < chars.count, isNameChar(chars[i]) { i += 1 }
                tokens.append((.name(String(chars[start..<i])), start, i))
            } else if c == "`" {
                i += 1
                while i < chars.count, chars[i] != "`" { i += 1 }
                guard i < chars.count else { throw error(at: start, "unterminated back-quoted name (add a closing `)") }
                let name = String(chars[(start + 1)..<i])
                guard !name.isEmpty else { throw error(at: start, "empty back-quoted name") }
                i += 1
                tokens.append((.name(name), start, i))
            } else if c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
                while i < chars.count, chars[i].isNumber || chars[i] == "." { i += 1 }
                if i < chars.count, chars[i] == "e" || chars[i] == "E" {
                    var j = i + 1
                    if j < chars.count, chars[j] == "+" || chars[j] == "-" { j += 1 }
                    if j < chars.count, chars[j].isNumber {
                        i = j
                        while i < chars.count, chars[i].isNumber { i += 1 }
                    }
                }
                let s = String(chars[start..<i])
                guard let v = Double(s) else { throw error(at: start, "'\(s)' is not a number") }
                tokens.append((.number(v, s), start, i))
            } else if c == "*" && i + 1 < chars.count && chars[i + 1] == "*" {
                i += 2
                tokens.append((.symbol("^"), start, i))
            } else if "~+-*/^:(),".contains(c) {
                i += 1
                tokens.append((.symbol(String(c)), start, i))
            } else {
                throw error(at: i, "unexpected character '\(c)'; formulas use names, numbers and ~ + - * / ^ : ( ) ,")
            }
        }
        tokens.append((.end, chars.count, chars.count))
    }

    private var current: Token { tokens[index].token }
    private var start: Int { tokens[index].start }
    private var previousEnd: Int { index > 0 ? tokens[index - 1].end : 0 }

    private func error(at position: Int, _ message: String) -> FormulaError {
        FormulaError(formula: text, position: position, message: message)
    }

    private mutating func accept(_ symbol: String) -> Bool {
        if current == .symbol(symbol) { index += 1; return true }
        return false
    }

    private mutating func expect(_ symbol: String, _ what: String) throws {
        guard accept(symbol) else { throw error(at: start, "expected \(what), found \(describe(current))") }
    }

    private func describe(_ t: Token) -> String {
        switch t {
        case .name(let n): return "'\(n)'"
        case .number(_, let s): return "'\(s)'"
        case .symbol(let s): return "'\(s)'"
        case .end: return "the end of the formula"
        }
    }

    // MARK: Formula level

    /// A set of terms under construction, with the intercept as the empty term.
    private struct TermList {
        var terms: [Term] = []
        var intercept: Bool? = nil   // nil: not mentioned

        mutating func add(_ other: TermList) {
            for t in other.terms where !terms.contains(t) { terms.append(t) }
            if let i = other.intercept { intercept = i }
        }

        mutating func remove(_ other: TermList) {
            terms.removeAll { other.terms.contains($0) }
            if other.intercept == true { intercept = false }
        }

        /// a:b — every pairwise product; an intercept on either side keeps the other side's terms.
        func interact(_ other: TermList) -> TermList {
            var out = TermList()
            var left = terms.map { $0.factors }
            var right = other.terms.map { $0.factors }
            if intercept == true { left.insert([], at: 0) }
            if other.intercept == true { right.insert([], at: 0) }
            for a in left {
                for b in right {
                    var factors = a
                    for f in b where !factors.contains(f) { factors.append(f) }
                    if factors.isEmpty { out.intercept = true; continue }
                    let t = Term(factors: factors)
                    if !out.terms.contains(t) { out.terms.append(t) }
                }
            }
            return out
        }
    }

    mutating func parseFormula() throws -> Formula {
        try tokenize()
        if current == .end { throw error(at: 0, "empty formula; expected 'response ~ terms'") }
        if case .symbol("~") = current { throw error(at: start, "expected a response before '~'") }
        let response = try parseFactor()
        guard accept("~") else {
            throw error(at: start, "expected '~' after the response, found \(describe(current))")
        }
        if current == .end { throw error(at: start, "expected terms after '~'") }
        let rhs = try parseSum()
        if current != .end {
            if case .symbol(let s) = current, s == "/" || s == "^" {
                throw error(at: start, "'\(s)' outside I(): write I(...) for arithmetic, e.g. I(x^2) or I(a/b)")
            }
            if current == .symbol(")") { throw error(at: start, "unmatched ')'") }
            throw error(at: start, "expected '+', '-', ':' or '*' between terms, found \(describe(current))")
        }
        if case .call(.categorical, _) = response.kind {
            throw error(at: response.range.lowerBound, "the response must be numeric, not C(...)")
        }
        return Formula(text: text, response: response, terms: rhs.terms, hasIntercept: rhs.intercept ?? true)
    }

    private mutating func parseSum() throws -> TermList {
        var list = TermList()
        if accept("-") {
            list.remove(try parseProduct())
        } else {
            list.add(try parseProduct())
        }
        while true {
            if accept("+") {
                list.add(try parseProduct())
            } else if accept("-") {
                list.remove(try parseProduct())
            } else {
                return list
            }
        }
    }

    private mutating func parseProduct() throws -> TermList {
        var left = try parseInteraction()
        while accept("*") {
            let right = try parseInteraction()
            var all = left
            all.add(right)
            all.add(left.interact(right))
            left = all
        }
        return left
    }

    private mutating func parseInteraction() throws -> TermList {
        var left = try parseAtom()
        while accept(":") {
            left = left.interact(try parseAtom())
        }
        return left
    }

    private mutating func parseAtom() throws -> TermList {
        let at = start
        switch current {
        case .symbol("("):
            index += 1
            let inner = try parseSum()
            guard accept(")") else { throw error(at: start, "expected ')' to close the '(' at column \(at + 1)") }
            return inner
        case .number(let v, let s):
            index += 1
            guard v == 0 || v == 1 else {
                throw error(at: at, "a number on its own can only be 0 or 1 (the intercept); found '\(s)'")
            }
            var l = TermList()
            l.intercept = v == 1
            return l
        case .name:
            let f = try parseFactor()
            var l = TermList()
            l.terms = [Term(factors: [f])]
            return l
        case .end:
            throw error(at: at, "expected a term after \(index > 0 ? describe(tokens[index - 1].token) : "'~'")")
        case .symbol(let s):
            if s == "+" || s == "-" || s == "*" || s == ":" || s == "~" {
                throw error(at: at, "expected a term before '\(s)'")
            }
            throw error(at: at, "expected a term, found '\(s)'")
        }
    }

    /// A column name or a function call.
    private mutating func parseFactor() throws -> FormulaExpression {
        let at = start
        guard case .name(let name) = current else {
            throw error(at: at, "expected a column name or a function call, found \(describe(current))")
        }
        index += 1
        if current == .symbol("(") { return try parseCall(name, at: at) }
        return FormulaExpression(.variable(name), range: at..<previousEnd)
    }

    // MARK: Calls and arithmetic

    private mutating func parseCall(_ name: String, at: Int) throws -> FormulaExpression {
        guard let function = FormulaFunction(rawValue: name) else {
            let known = FormulaFunction.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(at: at, "unknown function '\(name)'; available: \(known)")
        }
        let open = start
        try expect("(", "'('")
        if current == .symbol(")") { throw error(at: start, "\(name)() needs an argument") }
        var args: [FormulaExpression] = []
        switch function {
        case .categorical:
            guard case .name(let v) = current else {
                throw error(at: start, "C(...) takes a column name, found \(describe(current))")
            }
            args.append(FormulaExpression(.variable(v), range: start..<tokens[index].end))
            index += 1
        case .diff, .lag, .pct:
            args.append(try parseArithmetic())
            if accept(",") {
                let kAt = start
                var sign = 1.0
                if accept("-") { sign = -1 }
                guard case .number(let k, let s) = current, k == k.rounded() else {
                    throw error(at: kAt, "\(name)'s second argument is the order, a whole number such as 1 or 4")
                }
                let order = sign * k
                let least = function == .lag ? 0.0 : 1.0
                // The cap keeps the evaluator's Int conversion and index arithmetic from trapping.
                guard order >= least, order <= FormulaParser.maxShiftOrder else {
                    throw error(at: kAt, "\(name)'s order must be a whole number from \(Int(least)) to \(Int(FormulaParser.maxShiftOrder)); found '\(sign < 0 ? "-" : "")\(s)'")
                }
                index += 1
                args.append(FormulaExpression(.number(order), range: kAt..<previousEnd))
            }
        default:
            args.append(try parseArithmetic())
        }
        if current == .symbol(",") {
            throw error(at: start, "\(name)() takes \(function.isTimeShift ? "at most two arguments" : "one argument")")
        }
        guard accept(")") else {
            throw error(at: start, "expected ')' to close the '(' at column \(open + 1), found \(describe(current))")
        }
        return FormulaExpression(.call(function, args), range: at..<previousEnd)
    }

    private mutating func parseArithmetic() throws -> FormulaExpression {
        try parseLeftAssociative(["+": .add, "-": .subtract]) { try $0.parseMultiplicative() }
    }

    private mutating func parseMultiplicative() throws -> FormulaExpression {
        try parseLeftAssociative(["*": .multiply, "/": .divide]) { try $0.parseUnary() }
    }

    /// operand (op operand)*, grouping to the left.
    private mutating func parseLeftAssociative(_ operators: [String: ArithmeticOperator],
                                               _ operand: (inout FormulaParser) throws -> FormulaExpression) throws -> FormulaExpression {
        var left = try operand(&self)
        while case .symbol(let s) = current, let op = operators[s] {
            index += 1
            let right = try operand(&self)
            left = FormulaExpression(.binary(op, left, right), range: left.range.lowerBound..<right.range.upperBound)
        }
        return left
    }

    private mutating func parseUnary() throws -> FormulaExpression {
        let at = start
        if accept("-") {
            let e = try parseUnary()
            return FormulaExpression(.negate(e), range: at..<e.range.upperBound)
        }
        if accept("+") { return try parseUnary() }
        return try parsePower()
    }

    private mutating func parsePower() throws -> FormulaExpression {
        let base = try parsePrimary()
        if accept("^") {
            let exponent = try parseUnary()
            return FormulaExpression(.binary(.power, base, exponent), range: base.range.lowerBound..<exponent.range.upperBound)
        }
        return base
    }

    private mutating func parsePrimary() throws -> FormulaExpression {
        let at = start
        switch current {
        case .number(let v, _):
            index += 1
            return FormulaExpression(.number(v), range: at..<previousEnd)
        case .name(let name):
            index += 1
            if current == .symbol("(") {
                let call = try parseCall(name, at: at)
                if case .call(.categorical, _) = call.kind {
                    throw error(at: at, "C(...) is a term of its own; it cannot be used inside arithmetic")
                }
                return call
            }
            return FormulaExpression(.variable(name), range: at..<previousEnd)
        case .symbol("("):
            index += 1
            let inner = try parseArithmetic()
            guard accept(")") else { throw error(at: start, "expected ')' to close the '(' at column \(at + 1), found \(describe(current))") }
            return inner
        case .end:
            throw error(at: at, "expected a value, found the end of the formula")
        case .symbol(let s):
            throw error(at: at, "expected a number, a column name or '(', found '\(s)'")
        }
    }
}
