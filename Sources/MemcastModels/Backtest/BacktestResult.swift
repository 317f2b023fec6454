import MemcastData

/// One scored forecast situation: an origin, a horizon, the realized value of its target
/// and what every method forecast for it.
public struct BacktestPair: Sendable, Equatable {
    public var origin: Period
    public var horizon: Int
    public var target: Period
    public var actual: Double
    /// MASE scale of the history at the origin (nil = undefined).
    public var scale: Double?
    public var model: PointForecast?
    /// The model's variants by name (`BacktestStage.modelVariantNames`), where they forecast.
    public var variants: [String: PointForecast] = [:]
    public var baselines: [Baseline: PointForecast]
    public var tracker: TrackerCall?
}

/// A model variant's metrics at one horizon, on the model's pairs.
public struct VariantScores: Sendable, Equatable {
    /// `model_then_flat`, `calls_then_model`, `calls_then_model_then_flat` (`ChainCarryVariant`).
    public var name: String
    public var metrics: ForecastMetrics
}

/// The tracker's calls scored against realized values, beside the model and naive on the
/// same pairs (calls exist only for some quarters, so only paired MAEs compare fairly).
public struct TrackerScores: Sendable, Equatable {
    /// The tracker's own metrics on every pair where it had a call (point metrics only:
    /// a published range is not a 90% interval).
    public var metrics: ForecastMetrics
    /// Pairs where the model also forecast.
    public var pairedCount: Int
    /// Model MAE on those pairs (nil when none).
    public var pairedModelMAE: Double?
    /// The tracker's MAE on the same pairs.
    public var pairedTrackerMAE: Double?
    /// Naive MAE on the pairs with a tracker call.
    public var pairedNaiveMAE: Double?
}

/// Scores of one horizon.
public struct HorizonScores: Sendable, Equatable {
    public var horizon: Int
    /// Pairs with a realized target and a model forecast: the set every row is scored on.
    public var pairCount: Int
    /// True when `pairCount` reaches the minimum: metrics below are nil otherwise.
    public var isScored: Bool
    public var model: ForecastMetrics?
    /// The model's variants, in the stage's order, on the same pairs as the model (empty when not scored).
    public var variants: [VariantScores] = []
    public var baselines: [Baseline: ForecastMetrics]
    /// nil when the stage has no tracker or too few calls for this horizon.
    public var tracker: TrackerScores?
    /// Calls available (scored or not).
    public var trackerCount: Int
}

/// The tracker's first call for each realized quarter, regardless of origin.
public struct FirstCallScores: Sendable, Equatable {
    public var metrics: ForecastMetrics
    /// False when fewer quarters than the minimum have a first call: report the count only.
    public var isScored: Bool
    /// Median days from the call's (latest possible) publication day to the quarter's first day;
    /// negative when the call came after the quarter had started.
    public var medianLeadDays: Double
    /// Model MAE at h = 1 on the same quarters (nil when the model had none of them).
    public var modelH1MAE: Double?
    public var modelH1Count: Int
}

/// Everything the backtest of one stage found.
public struct StageBacktest: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        /// At least one horizon has enough pairs.
        case scored
        /// Not enough realized data to score; the reason gives the counts.
        case insufficient(String)
    }

    public var name: String
    public var title: String
    public var unit: String
    public var trackerName: String?
    public var notes: [String]
    /// Origins run (N).
    public var originCount: Int
    /// Origins where the model could be estimated.
    public var modelOriginCount: Int
    /// Origins skipped because fewer than `RollingOrigin.minimumHistory` quarters were known then.
    public var originsWithShortHistory: Int
    /// Why the model was unavailable, with how many origins each reason hit.
    public var modelUnavailable: [String: Int]
    /// Realized quarters in the target range.
    public var realizedCount: Int
    public var horizons: [HorizonScores]
    public var firstCall: FirstCallScores?
    public var pairs: [BacktestPair]
    public var status: Status
    /// One line: how the model did against naive and the tracker.
    public var verdict: String
    public var minimumPairs: Int
}

/// A whole run: the schedule, the truth vintage and every stage.
public struct BacktestReport: Sendable, Equatable {
    public var schedule: RollingOrigin
    /// Realized values come from rows published on or before this date (nil = all).
    public var truthAsOf: CalendarDate?
    public var stages: [StageBacktest]
    public var minimumPairs: Int
    /// About the run as a whole (an --as-of after all the data); each stage has its own too.
    public var notes: [String] = []
}
