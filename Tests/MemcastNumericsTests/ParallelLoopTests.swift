import Testing
import Foundation
@testable import MemcastNumerics

@Suite(.serialized) struct ParallelLoopTests {
    /// `limit` caps `cores` (what self-sizing passes use) and never raises it; nil lifts the cap.
    @Test func limitCapsCores() {
        let active = ProcessInfo.processInfo.activeProcessorCount
        let saved = ParallelLoop.limit
        defer { ParallelLoop.limit = saved }
        ParallelLoop.limit = 1
        #expect(ParallelLoop.cores == 1)
        ParallelLoop.limit = active + 8
        #expect(ParallelLoop.cores == active)
        ParallelLoop.limit = nil
        #expect(ParallelLoop.cores == active)
    }

    /// Every job runs exactly once whatever the thread count.
    @Test func everyJobOnce() {
        for threads in [1, 2, 7] {
            let hits = UnsafeMutableBufferPointer<Int>.allocate(capacity: 100)
            hits.initialize(repeating: 0)
            defer { hits.deallocate() }
            ParallelLoop.run(iterations: 100, threads: threads) { i in hits[i] += 1 }
            #expect(hits.allSatisfy { $0 == 1 })
        }
    }
}
