import Foundation
import Testing
@testable import MemcastModels

/// The panel backtest against the peer's numbers (numpy normal equations on the bench's
/// own generator; Fixtures/make_backtest_fixture.py, run once).
@Suite struct PanelARXBacktestTests {
    static func reference() throws -> (y: [Double], x: [Double], json: [String: Any]) {
        let j = try Fixture.json("backtest_reference")
        let y = (j["y"] as! [String]).map { Double($0)! }
        let x = (j["x"] as! [String]).map { Double($0)! }
        return (y, x, j)
    }

    /// Same MAE, naive MAE and mean MASE as the peer, to 1e-12 relative: the peer solves
    /// normal equations (error ~κ²ε with κ ~ 1e3 here), so agreement to ~12 digits is what
    /// both methods can promise.
    @Test(arguments: [28, 10])
    func matchesPeer(firstOrigin: Int) throws {
        let (y, x, j) = try Self.reference()
        let ref = j["first_origin_\(firstOrigin)"] as! [String: Any]
        let r = try PanelARXBacktest.run(y: y, x: x, seriesLength: 40, firstOrigin: firstOrigin)
        #expect(r.seriesCount == ref["series"] as! Int)
        #expect(r.originCount == ref["origins"] as! Int)
        #expect(r.model.count == r.seriesCount * r.originCount && r.fallbackFits == 0 && r.failedFits == 0)
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * abs(b) }
        #expect(close(r.model.mae, ref["mae"] as! Double), "mae \(r.model.mae)")
        #expect(close(r.naive.mae, ref["mae_naive"] as! Double), "naive \(r.naive.mae)")
        #expect(close(r.model.mase!, ref["mean_mase"] as! Double), "mase \(r.model.mase!)")
    }

    /// Results do not depend on the thread count (fixed blocks merged in order).
    @Test func threadIndependent() throws {
        let (y, x, _) = try Self.reference()
        // 40 series is a single block; repeat them to get several.
        let yy = Array(repeating: y, count: 20).flatMap { $0 }, xx = Array(repeating: x, count: 20).flatMap { $0 }
        let one = try PanelARXBacktest.run(y: yy, x: xx, seriesLength: 40, firstOrigin: 28, threads: 1)
        let two = try PanelARXBacktest.run(y: yy, x: xx, seriesLength: 40, firstOrigin: 28, threads: 2)
        #expect(one == two)
    }

    /// A series whose regressor is constant makes the window rank-deficient: the pivoted
    /// solver takes over (x aliased with the constant) and the fit is still scored.
    @Test func rankDeficientWindowFallsBack() throws {
        let y = (0..<12).map { 1 + 0.5 * sin(Double($0)) }
        let x = [Double](repeating: 2, count: 12)
        let r = try PanelARXBacktest.run(y: y, x: x, seriesLength: 12, firstOrigin: 8)
        #expect(r.fallbackFits == 4 && r.failedFits == 0 && r.model.count == 4)
    }

    @Test func badInput() {
        #expect(throws: BacktestError.usage("panel backtest: origins 2…9 must satisfy 4 ≤ first ≤ last < 10")) {
            try PanelARXBacktest.run(y: Array(repeating: 1, count: 10), x: Array(repeating: 1, count: 10),
                                     seriesLength: 10, firstOrigin: 2)
        }
        var y = [Double](repeating: 1, count: 20)
        y[13] = .nan
        #expect(throws: BacktestError.data("panel backtest: y of series 1 at period 3 is nan")) {
            try PanelARXBacktest.run(y: y, x: Array(repeating: 1, count: 20), seriesLength: 10, firstOrigin: 5)
        }
    }
}
