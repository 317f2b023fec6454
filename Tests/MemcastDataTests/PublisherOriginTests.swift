import Testing
@testable import MemcastData

/// Labels as they appear in `Datasets/`, mapped to the house that made the figure.
@Suite struct PublisherOriginTests {
    @Test(arguments: [
        ("TrendForce", "TrendForce"),
        ("TrendForce (via Aju News)", "TrendForce"),
        ("DRAMeXchange (via KSIA / e4ds)", "TrendForce"),
        ("Evertiq (TrendForce)", "TrendForce"),
        ("Micron (via Tiger Brokers)", "Micron"),
        ("Chosun Biz (Counterpoint)", "Counterpoint"),
        ("  Omdia ", "Omdia"),
        ("IDC", "IDC"),
    ])
    func origin(_ label: String, _ expected: String) {
        #expect(PublisherOrigin.of(label) == expected)
    }

    /// An outlet whose parenthesis names the outlet's route, not the origin, keeps the origin before it.
    @Test func viaWinsOverParenthesis() {
        #expect(PublisherOrigin.of("Counterpoint (via Reuters (Asia))") == "Counterpoint")
    }

    /// Empty parentheses name nobody: the label stays.
    @Test func emptyParenthesesKeepTheLabel() {
        #expect(PublisherOrigin.of("Yole ()") == "Yole ()")
    }
}
