import Foundation
import Testing
@testable import MemcastStatistics

@Suite struct FisherFTests {
    // Fixture values (scipy.stats.f, or mpmath where scipy's error exceeds
    // 1e-14) to 1e-12 relative: ordinary (dfn, dfd), tails down to 1e-300,
    // and degrees of freedom up to 1e8 on either side.
    @Test func matchesReferenceFixtures() throws {
        try DistributionFixture.expectMatches("f") { row in
            let d = FisherF(dfn: row.df1, dfd: row.df2)
            return .init(cdf: d.cdf, sf: d.sf, quantile: d.quantile, isf: d.isf)
        }
    }

    // F(1, ν) is the square of t(ν): P(F > f) = 2·P(T > √f).
    @Test func oneNumeratorDegreeIsSquaredT() {
        for nu in [3.0, 25.0, 1e6] {
            let f = FisherF(dfn: 1, dfd: nu)
            let t = StudentT(df: nu)
            for x in [0.5, 4.0, 30.0] {
                #expect(abs(f.sf(x) / (2 * t.sf(x.squareRoot())) - 1) <= 1e-14)
            }
        }
    }

    // F(2, 2): cdf(f) = f/(1+f), sf(f) = 1/(1+f); relative error up to
    // about |log value|·2⁻⁵² (values are formed as exp(log …)).
    @Test func twoTwoClosedForm() {
        let d = FisherF(dfn: 2, dfd: 2)
        for x in [0.1, 1.0, 9.0, 1e10, 1e300] {
            let sf = 1 / (1 + x)
            #expect(abs(d.cdf(x) / (x / (1 + x)) - 1) <= 4 * Double.ulpOfOne)
            #expect(abs(d.sf(x) / sf - 1) <= 4 * Double.ulpOfOne * max(1, -log(sf)))
        }
    }

    @Test func invalidParametersGiveNaN() {
        for (n, m) in [(0.0, 5.0), (3.0, -1.0), (.nan, 2.0), (2.0, .infinity)] {
            let d = FisherF(dfn: n, dfd: m)
            #expect(d.cdf(1).isNaN && d.sf(1).isNaN && d.quantile(0.3).isNaN && d.isf(0.3).isNaN)
        }
        let d = FisherF(dfn: 3, dfd: 7)
        #expect(d.isf(-0.5).isNaN && d.sf(.nan).isNaN)
        #expect(d.cdf(0) == 0 && d.sf(-3) == 1 && d.isf(1) == 0 && d.quantile(1) == .infinity)
    }
}
