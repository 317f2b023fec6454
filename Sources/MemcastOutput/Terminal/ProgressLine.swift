import Foundation

/// A one-line progress report for long runs, rewritten in place with `\r`.
///
/// Nothing is shown until the run has taken `delaySeconds` (short runs stay silent), then at
/// most one update every `intervalSeconds`, and a final update with a newline when the last
/// unit is done (only if anything was shown). The caller decides whether the stream is a
/// terminal; this type only decides what to write and when, from the times it is given, so it
/// is tested without a clock.
///
/// Example: total 20,000, delay 1 s — updates at 0.4 s and 0.9 s print nothing; one at 1.2 s
/// with 5,000 done prints `\rmemcast: 5000/20000 draws (25%)`.
public final class ProgressLine: @unchecked Sendable {
    public let total: Int
    public let unit: String
    public let delaySeconds: Double
    public let intervalSeconds: Double
    private var shown = false
    private var lastShown = -Double.infinity
    private let lock = NSLock()

    public init(total: Int, unit: String = "draws", delaySeconds: Double = 1, intervalSeconds: Double = 0.1) {
        precondition(total > 0)
        self.total = total; self.unit = unit; self.delaySeconds = delaySeconds; self.intervalSeconds = intervalSeconds
    }

    /// What to write when `done` units are finished `elapsed` seconds after the start; nil = nothing.
    public func update(done: Int, elapsed: Double) -> String? {
        lock.lock(); defer { lock.unlock() }
        let finished = done >= total
        if finished {
            guard shown else { return nil }
            shown = false
            return "\r" + text(done) + "\n"
        }
        guard elapsed >= delaySeconds, elapsed - lastShown >= intervalSeconds else { return nil }
        shown = true
        lastShown = elapsed
        return "\r" + text(done)
    }

    func text(_ done: Int) -> String {
        "memcast: \(done)/\(total) \(unit) (\(100 * Swift.min(done, total) / total)%)"
    }
}
