import Foundation
import Testing
@testable import MemcastData

/// The loader's own decimal parser returns exactly what the C library's correctly
/// rounded `strtod` returns.
@Suite struct DecimalParserTests {
    static func strtodValue(_ s: String) -> Double { s.withCString { strtod($0, nil) } }

    @Test(arguments: ["0", "-0", "1", "+2.5", "0.1", "3.14159", ".5", "5.", "1e10", "1E-5", "-2.5e+3", "  42 ",
                      "123456789012345678901234567890", "0.000000000000000000000000000123",
                      "9007199254740993", "2.2250738585072014e-308", "1.7976931348623157e308",
                      "4.9e-324", "0.30000000000000004", "179.76931348623157", "1e400", "1e-400"])
    func matchesStrtod(_ s: String) throws {
        let v = try #require(DecimalParser.parse(s))
        #expect(v.bitPattern == Self.strtodValue(s).bitPattern, "\(s)")
    }

    @Test(arguments: ["", " ", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "12a", "0x10", "inf", "nan", "1,5", "--1"])
    func rejectsNonNumbers(_ s: String) { #expect(DecimalParser.parse(s) == nil) }

    /// Every numeric field of the bench panel's generator output (same formats: %g, %.2f,
    /// %.3f, %.4f, %.5f), plus random decimals of up to 17 digits and exponents ±30.
    @Test func benchPanelValuesAndRandomDecimals() throws {
        let url = try #require(Bundle.module.url(forResource: "panel_tiny", withExtension: "csv", subdirectory: "Fixtures"))
        let text = try String(contentsOf: url, encoding: .utf8)
        var checked = 0
        for line in text.split(separator: "\n").dropFirst() {
            // Numeric fields are the last seven; `model` may hold quoted commas before them.
            for field in line.split(separator: ",", omittingEmptySubsequences: false).suffix(7) where !field.isEmpty {
                let s = String(field)
                let v = try #require(DecimalParser.parse(s), "\(s)")
                #expect(v.bitPattern == Self.strtodValue(s).bitPattern, "\(s)")
                checked += 1
            }
        }
        #expect(checked > 13_000)
        var g = SplitMixForTest(seed: 4)
        for _ in 0..<20_000 {
            let digits = Int(g.next() % 17) + 1
            var m = String(g.next() % 10 + (digits > 1 ? 1 : 0))
            for _ in 1..<digits { m += String(g.next() % 10) }
            let point = Int(g.next() % UInt64(digits + 1))
            var s = String(m.prefix(point)) + "." + String(m.dropFirst(point))
            if g.next() % 3 == 0 { s += "e" + String(Int(g.next() % 61) - 30) }
            if g.next() % 2 == 0 { s = "-" + s }
            let v = try #require(DecimalParser.parse(s), "\(s)")
            #expect(v.bitPattern == Self.strtodValue(s).bitPattern, "\(s)")
        }
    }

    /// The loader's one-pass reader gives the C library's value for decimals of 1…21
    /// digits with the point anywhere (over 19 digits the general path takes them).
    @Test func loaderNumbersEqualStrtod() throws {
        var g = SplitMixForTest(seed: 11)
        var fields: [String] = []
        for _ in 0..<30_000 {
            let digits = Int(g.next() % 21) + 1
            var m = ""
            for _ in 0..<digits { m += String(g.next() % 10) }
            let point = Int(g.next() % UInt64(digits + 1))
            var s = point == digits ? m : String(m.prefix(point)) + "." + String(m.dropFirst(point))
            if s.hasPrefix(".") { s = "0" + s }
            if g.next() % 2 == 0 { s = "-" + s }
            fields.append(s)
        }
        let text = "x\n" + fields.joined(separator: "\n")   // no final line end: the last field ends the text
        let f = try CSVLoader.load(text: text)
        let got = try #require(f["x"]?.numericValues)
        #expect(got.count == fields.count)
        for (v, s) in zip(got, fields) { #expect(v.bitPattern == Self.strtodValue(s).bitPattern, "\(s)") }
    }
}
