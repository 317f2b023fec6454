import Dispatch
import Foundation

/// Runs independent jobs 0..<iterations on up to `threads` threads.
///
/// Workers take the next job number from a shared counter, so uneven jobs balance
/// out; each job must depend only on its number (and write only its own outputs),
/// which makes the results the same for any thread count. With one thread (or one
/// job) everything runs on the calling thread, in order.
///
///     ParallelLoop.run(iterations: blocks, threads: 2) { b in partial[b] = work(b) }
public enum ParallelLoop {
    public static func run(iterations: Int, threads: Int, _ body: (Int) -> Void) {
        if threads <= 1 || iterations <= 1 {
            for i in 0..<iterations { body(i) }
            return
        }
        let next = JobCounter()
        DispatchQueue.concurrentPerform(iterations: min(threads, iterations)) { _ in
            while let i = next.take(below: iterations) { body(i) }
        }
    }

    /// Like `run(iterations:threads:_:)`, with state private to each thread (a solver,
    /// scratch buffers): `makeState` runs once per thread, and every job that thread
    /// takes gets that state.
    public static func run<State>(iterations: Int, threads: Int, makeState: () -> State,
                                  _ body: (inout State, Int) -> Void) {
        if threads <= 1 || iterations <= 1 {
            var state = makeState()
            for i in 0..<iterations { body(&state, i) }
            return
        }
        let next = JobCounter()
        DispatchQueue.concurrentPerform(iterations: min(threads, iterations)) { _ in
            var state = makeState()
            while let i = next.take(below: iterations) { body(&state, i) }
        }
    }

    /// The number of cores the process may use: the active processors, at most `limit`.
    /// Passes that pick their own thread count (e.g. the structured regression passes) use this,
    /// so a command's `--threads N` reaches them; results never depend on it.
    public static var cores: Int {
        let active = ProcessInfo.processInfo.activeProcessorCount
        return limitLock.withLock { limitValue.map { Swift.max(1, Swift.min($0, active)) } ?? active }
    }

    /// Caps `cores` for the rest of the process (nil: no cap). Set once at start by the CLI.
    public static var limit: Int? {
        get { limitLock.withLock { limitValue } }
        set { limitLock.withLock { limitValue = newValue } }
    }
    private static let limitLock = NSLock()
    nonisolated(unsafe) private static var limitValue: Int?
}

/// Hands out job numbers 0, 1, 2, … to concurrent workers.
final class JobCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func take(below n: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard value < n else { return nil }
        value += 1
        return value - 1
    }
}
