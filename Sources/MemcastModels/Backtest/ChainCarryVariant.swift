import MemcastData

/// A version of the chain's price path scored beside the model in a contract price backtest
/// (`ContractPriceStage`): with or without the trackers' calls published by the origin date, then an
/// `UnpublishedPrices` rule for the quarters after them, and a `PriceShockScale` for the equation's shocks.
///
/// The model itself is `ChainCarryVariant(usesCalls: false, carry: .model)`: the equation from the last known
/// quarter. With calls it is what `memcast forecast --as-of` would have printed for those quarters: the latest
/// call where one was out, and the carry counting from the last called quarter.
///
/// Example names: `model_then_flat`, `model_by_horizon`, `calls_then_model`, `calls_then_model_then_flat`.
struct ChainCarryVariant: Sendable, Equatable {
    var usesCalls: Bool
    var carry: UnpublishedPrices
    var shocks: PriceShockScale = .oneStep

    static let callsPrefix = "calls_then_"
    static let byHorizonSuffix = "_by_horizon"

    /// The variants a contract price backtest scores beside the model, in report order.
    static let scored = [ChainCarryVariant(usesCalls: false, carry: .modelThenFlat),
                         ChainCarryVariant(usesCalls: false, carry: .model, shocks: .byHorizon),
                         ChainCarryVariant(usesCalls: true, carry: .model),
                         ChainCarryVariant(usesCalls: true, carry: .modelThenFlat)]

    /// The model: no calls, the equation for every quarter.
    static let model = ChainCarryVariant(usesCalls: false, carry: .model)

    init(usesCalls: Bool, carry: UnpublishedPrices, shocks: PriceShockScale = .oneStep) {
        self.usesCalls = usesCalls
        self.carry = carry
        self.shocks = shocks
    }

    /// The variant named `name`; nil for an unknown name or `flat` (the `no_change` baseline).
    init?(name: String) {
        var rest = Substring(name)
        let calls = rest.hasPrefix(Self.callsPrefix)
        if calls { rest = rest.dropFirst(Self.callsPrefix.count) }
        let byHorizon = rest.hasSuffix(Self.byHorizonSuffix)
        if byHorizon { rest = rest.dropLast(Self.byHorizonSuffix.count) }
        guard let carry = UnpublishedPrices(rawValue: String(rest)), carry != .flat else { return nil }
        self.init(usesCalls: calls, carry: carry, shocks: byHorizon ? .byHorizon : .oneStep)
    }

    var name: String {
        (usesCalls ? Self.callsPrefix : "") + carry.rawValue + (shocks == .byHorizon ? Self.byHorizonSuffix : "")
    }
}
