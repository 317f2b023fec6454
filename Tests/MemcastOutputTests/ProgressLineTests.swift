import Testing
@testable import MemcastOutput

@Suite struct ProgressLineTests {
    /// Silent before the delay, throttled after it, a newline at the end only if something was shown.
    @Test func showsOnlyAfterTheDelayAndThrottles() {
        let p = ProgressLine(total: 20_000, delaySeconds: 1, intervalSeconds: 0.5)
        #expect(p.update(done: 1_000, elapsed: 0.4) == nil)
        #expect(p.update(done: 2_000, elapsed: 0.9) == nil)
        #expect(p.update(done: 5_000, elapsed: 1.2) == "\rmemcast: 5000/20000 draws (25%)")
        #expect(p.update(done: 6_000, elapsed: 1.5) == nil)          // within 0.5 s of the last line
        #expect(p.update(done: 9_000, elapsed: 1.8) == "\rmemcast: 9000/20000 draws (45%)")
        #expect(p.update(done: 20_000, elapsed: 2.0) == "\rmemcast: 20000/20000 draws (100%)\n")
    }

    /// A run that ends before the delay prints nothing at all, not even the final line.
    @Test func shortRunIsSilent() {
        let p = ProgressLine(total: 100, delaySeconds: 1)
        #expect(p.update(done: 50, elapsed: 0.2) == nil)
        #expect(p.update(done: 100, elapsed: 0.3) == nil)
    }
}
