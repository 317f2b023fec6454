/// The charts memcast draws, by the name `memcast chart KIND` takes.
public enum ChartKind: String, CaseIterable, Sendable {
    /// History plus forecast p50 with a p05–p95 band.
    case fan
    /// Memory vs non-memory BOM per segment, before and after a scenario, memory share labelled.
    case bom
    /// Output swing as each input moves from its p05 to its p95, one at a time.
    case tornado
    /// Change by SoC vendor with p05–p95 intervals and published figures beside.
    case vendors
    /// A forecast's value as of successive `--as-of` dates.
    case vintage
}
