import Testing
@testable import MemcastModels

@Suite struct TOMLSubsetTests {
    /// TOML allows `_` in a number only between two digits. `5_` read as 5 and `5__0` as 50;
    /// each is refused at the misplaced underscore (line 2, its column).
    @Test(arguments: [("5_", 6), ("_5", 5), ("5__0", 6), ("1_.5", 6), ("1._5", 7), ("-_5", 6), ("1e_3", 7)])
    func underscoreNotBetweenDigitsIsRefused(_ text: String, column: Int) {
        #expect(throws: TOMLError(file: "s.toml", line: 2, column: column,
                                  message: "cannot read '\(text)' as a number: '_' must be between two digits (as in 5_000)")) {
            _ = try TOMLDocument(parsing: "name = \"x\"\nv = \(text)\n", file: "s.toml")
        }
    }

    @Test(arguments: [("5_000", 5000.0), ("1_000.5", 1000.5), ("-2_5", -25), ("1e1_0", 1e10)])
    func underscoreBetweenDigitsIsAccepted(_ text: String, value: Double) throws {
        let doc = try TOMLDocument(parsing: "v = \(text)\n", file: "s.toml")
        #expect(doc.entries.first?.value == .number(value, text: text))
    }
}
