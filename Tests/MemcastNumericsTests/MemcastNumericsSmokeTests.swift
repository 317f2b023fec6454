import Testing
@testable import MemcastNumerics

@Suite struct MemcastNumericsSmokeTests {
    @Test func moduleLinks() { #expect(NumericsInfo.blasThreads >= 1) }
}
