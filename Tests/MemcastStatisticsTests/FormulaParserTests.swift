import Testing
@testable import MemcastStatistics

/// The formula grammar: term algebra (+ - * : and the intercept), transforms,
/// and errors that point at the offending character.
@Suite struct FormulaParserTests {
    private func names(_ text: String) throws -> [String] { try Formula(parsing: text).terms.map(\.name) }

    @Test func termsKeepFormulaOrderAndDropDuplicates() throws {
        #expect(try names("y ~ x1 + log(x2) + I(x^2) + C(segment) + x1:x2") ==
                ["x1", "log(x2)", "I(x^2)", "C(segment)", "x1:x2"])
        #expect(try names("y ~ a + b + a + b:a") == ["a", "b", "b:a"])
        #expect(try Formula(parsing: "y ~ x").hasIntercept)
    }

    /// a*b = a + b + a:b; (a + b):c = a:c + b:c; a - a removes it.
    @Test func crossingAndRemoval() throws {
        #expect(try names("y ~ a*b") == ["a", "b", "a:b"])
        #expect(try names("y ~ (a + b):c") == ["a:c", "b:c"])
        #expect(try names("y ~ a*b - a") == ["b", "a:b"])
        #expect(try names("y ~ x:x") == ["x"])
    }

    @Test func interceptRemoval() throws {
        for f in ["y ~ x - 1", "y ~ x + 0", "y ~ 0 + x", "y ~ -1 + x"] {
            let p = try Formula(parsing: f)
            #expect(!p.hasIntercept, "\(f)")
            #expect(p.terms.map(\.name) == ["x"], "\(f)")
        }
        #expect(try Formula(parsing: "y ~ x - 1 + 1").hasIntercept)
    }

    /// Arithmetic inside I(): usual precedence, ^ right-associative, ** as ^, canonical text.
    @Test func arithmeticCanonicalText() throws {
        #expect(try names("y ~ I(x ** 2) + I( a+b*c ) + I((a+b)*c) + I(2^3^2) + I(-x^2)") ==
                ["I(x^2)", "I(a + b*c)", "I((a + b)*c)", "I(2^3^2)", "I(-x^2)"])
        #expect(try names("y ~ diff(log(x)) + lag(x, 4) + pct(p) + lag(x)") ==
                ["diff(log(x))", "lag(x, 4)", "pct(p)", "lag(x)"])
        #expect(try names("y ~ `dram price` + log1p(z)") == ["`dram price`", "log1p(z)"])
        #expect(try Formula(parsing: "log(asp) ~ x").response.description == "log(asp)")
    }

    /// Each malformed formula reports the column (1-based) of the character at fault.
    @Test(arguments: [
        ("y ~ x1 + + x2", 10, "expected a term before '+'"),
        ("y ~ x +", 8, "expected a term after '+'"),
        ("y ~ x^2", 6, "outside I()"),
        ("y ~ foo(x)", 5, "unknown function 'foo'"),
        ("y ~ log(x", 10, "expected ')'"),
        ("y x", 3, "expected '~'"),
        ("~ x", 1, "expected a response"),
        ("y ~ x $ z", 7, "unexpected character '$'"),
        ("y ~ 2", 5, "can only be 0 or 1"),
        ("y ~ lag(x, 1.5)", 12, "whole number"),
        ("y ~ diff(x, 0)", 13, "from 1 to 1000000"),
        ("y ~ lag(x, -1)", 12, "from 0 to 1000000"),
        // Orders too large for an Int used to trap in the evaluator.
        ("y ~ lag(x, 99999999999999999999)", 12, "from 0 to 1000000"),
        ("y ~ diff(x, 9223372036854775807)", 13, "from 1 to 1000000"),
        ("y ~ pct(x, 1e30)", 12, "from 1 to 1000000"),
        ("y ~ lag(x, 1e400)", 12, "from 0 to 1000000"),
        ("y ~ I(C(s))", 7, "cannot be used inside arithmetic"),
        ("y ~ (a + b", 11, "expected ')'"),
        ("y ~ log(x, 2)", 10, "takes one argument"),
    ])
    func errorsPointAtTheCharacter(formula: String, column: Int, message: String) {
        do {
            _ = try Formula(parsing: formula)
            Issue.record("\(formula) parsed")
        } catch let e as FormulaError {
            #expect(e.position + 1 == column, "\(formula): \(e)")
            #expect(e.message.contains(message), "\(formula): \(e.message)")
            #expect(e.description.hasSuffix(String(repeating: " ", count: column + 1) + "^"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
