import Dispatch

/// Runs tasks `0..<count` on at most `workers` threads, each worker taking the next task
/// as it frees up (so a worker slowed by a busy core does fewer, instead of holding up a
/// fixed share). Tasks must write disjoint results; their order of completion varies,
/// never what they compute.
public enum ParallelTasks {
    public static func run(_ count: Int, workers: Int, _ body: (Int) -> Void) {
        let threads = max(1, min(workers, count))
        if threads == 1 {
            for t in 0..<count { body(t) }
            return
        }
        let next = TaskCounter()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let t = next.take(below: count) { body(t) }
        }
    }
}

/// The next task number, shared by the workers.
final class TaskCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLockish()
    func take(below count: Int) -> Int? {
        lock.sync {
            guard value < count else { return nil }
            value += 1
            return value - 1
        }
    }
}
