import Foundation

/// Both tail probabilities of a distribution at one point, each with its
/// logarithm, so that either tail keeps full relative accuracy: the smaller
/// tail is computed directly, never as 1 − (the larger one).
struct TailProbabilities: Sendable {
    /// P(X ≤ x).
    var lower: Double
    /// P(X > x).
    var upper: Double
    /// log P(X ≤ x); finite even where `lower` underflows.
    var logLower: Double
    /// log P(X > x); finite even where `upper` underflows.
    var logUpper: Double

    /// Builds the pair from one directly computed tail (given by its log);
    /// the other is its complement.
    init(logLower: Double) {
        self.logLower = logLower
        lower = exp(logLower)
        logUpper = SpecialFunctions.log1mexp(logLower)
        upper = -expm1(logLower)
    }

    init(logUpper: Double) {
        self.logUpper = logUpper
        upper = exp(logUpper)
        logLower = SpecialFunctions.log1mexp(logUpper)
        lower = -expm1(logUpper)
    }

    init(lower: Double, upper: Double, logLower: Double, logUpper: Double) {
        self.lower = lower
        self.upper = upper
        self.logLower = logLower
        self.logUpper = logUpper
    }

    /// Mirror image: swaps the tails (for symmetric or reflected variables).
    var swapped: TailProbabilities {
        TailProbabilities(lower: upper, upper: lower, logLower: logUpper, logUpper: logLower)
    }

    static let atMinusInfinity = TailProbabilities(lower: 0, upper: 1, logLower: -.infinity, logUpper: 0)
    static let atPlusInfinity = TailProbabilities(lower: 1, upper: 0, logLower: 0, logUpper: -.infinity)
    static let undefined = TailProbabilities(lower: .nan, upper: .nan, logLower: .nan, logUpper: .nan)
}
