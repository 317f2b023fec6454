/// A value at a labelled position (a period such as `2025Q3`, a date, a name).
public struct LabeledValue: Sendable, Equatable {
    public var label: String
    public var value: Double
    public init(_ label: String, _ value: Double) { self.label = label; self.value = value }
}

/// A forecast band at a labelled position.
public struct LabeledBand: Sendable, Equatable {
    public var label: String
    public var band: QuantileBand
    public init(_ label: String, _ band: QuantileBand) { self.label = label; self.band = band }
}
