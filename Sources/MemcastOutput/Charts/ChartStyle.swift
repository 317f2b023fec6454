/// Colours, type and sizes shared by every chart.
///
/// The palette is Okabe & Ito's (2008) eight colours, distinguishable with the
/// common colour-vision deficiencies; series also differ by dash or marker so
/// charts survive greyscale printing. Text uses the reader's system fonts (no
/// web fonts, so nothing is fetched), sized for an 800 px wide figure.
public struct ChartStyle: Sendable, Equatable {
    /// Width of the figure in CSS px (viewBox units); the SVG scales down with its container.
    public var width: Double = 800
    /// Height of the figure in CSS px (viewBox units).
    public var height: Double = 450
    public var fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif"
    /// Font sizes in px: title, labels (ticks, legend), note (source line).
    public var titleSize: Double = 18
    public var labelSize: Double = 13
    public var noteSize: Double = 11
    public var textColor = "#1a1a1a"
    public var mutedColor = "#555555"
    public var gridColor = "#dddddd"
    public var axisColor = "#333333"
    public var background = "#ffffff"

    public init() {}

    /// The default style: 800 × 450 px.
    public static let standard = ChartStyle()

    /// Okabe–Ito palette without black (black is kept for text and history lines).
    /// Order: blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow.
    public static let palette: [String] = [
        OkabeIto.blue, OkabeIto.vermillion, OkabeIto.bluishGreen, OkabeIto.orange,
        OkabeIto.reddishPurple, OkabeIto.skyBlue, OkabeIto.yellow,
    ]

    /// Dash patterns paired with palette positions so lines differ without colour.
    static let dashes: [String?] = [nil, "6 3", "2 3", "8 3 2 3", "4 4", "1 2", "10 4"]

    public static func color(_ i: Int) -> String { palette[i % palette.count] }
    static func dash(_ i: Int) -> String? { dashes[i % dashes.count] }
}

/// The Okabe–Ito colours as hex (Okabe & Ito, "Color Universal Design", 2008).
public enum OkabeIto {
    public static let black = "#000000"
    public static let orange = "#E69F00"
    public static let skyBlue = "#56B4E9"
    public static let bluishGreen = "#009E73"
    public static let yellow = "#F0E442"
    public static let blue = "#0072B2"
    public static let vermillion = "#D55E00"
    public static let reddishPurple = "#CC79A7"
}
