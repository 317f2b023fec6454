import Foundation
import Testing
@testable import MemcastNumerics

/// Overlapping single-threaded scopes (two bootstraps at once) keep BLAS at one thread until the
/// last one ends: the first caller's exit must not switch BLAS back under the second.
@Suite struct SingleThreadedBLASTests {
    @Test func overlappingScopesStaySingleThreadedUntilTheLastEnds() {
        let aEntered = DispatchSemaphore(value: 0), aMayLeave = DispatchSemaphore(value: 0)
        let aLeft = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            NumericsInfo.withSingleThreadedBLAS {
                aEntered.signal()
                aMayLeave.wait()
            }
            aLeft.signal()
        }
        aEntered.wait()
        NumericsInfo.withSingleThreadedBLAS {
            #expect(NumericsInfo.blasThreads == 1)
            aMayLeave.signal()
            aLeft.wait()
            #expect(NumericsInfo.blasThreads == 1, "the other scope's exit restored BLAS threads under this one")
            NumericsInfo.withSingleThreadedBLAS { #expect(NumericsInfo.blasThreads == 1) }
            #expect(NumericsInfo.blasThreads == 1)
        }
    }
}
