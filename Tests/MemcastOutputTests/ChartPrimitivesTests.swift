import Foundation
import Testing
@testable import MemcastOutput

@Suite struct ChartPrimitivesTests {
    // Heckbert's nice numbers: step ∈ {1, 2, 2.5, 5}·10ᵏ ≥ range/target, ticks
    // widened to whole steps. 3.2…97.5 / 5 = 18.9 → 20 → 0…100.
    @Test func niceTicks() {
        let a = NiceTicks(lower: 3.2, upper: 97.5)
        #expect(a.step == 20 && a.values == [0, 20, 40, 60, 80, 100] && a.decimals == 0)
        let b = NiceTicks(lower: -8.9, upper: -3.5, target: 6)   // 5.4/6 = 0.9 → 1
        #expect(b.step == 1 && b.values.first == -9 && b.values.last == -3)
        let c = NiceTicks(lower: 0.11, upper: 0.74)               // 0.126 → 0.2
        #expect(c.step == 0.2 && c.values == [0, 0.2, 0.4, 0.6000000000000001, 0.8] || c.values.map { ($0 * 10).rounded() } == [0, 2, 4, 6, 8])
        #expect(c.decimals == 1)
        let d = NiceTicks(lower: 2.1, upper: 10.4)                // 1.66 → 2
        #expect(d.values == [2, 4, 6, 8, 10, 12])
        let e = NiceTicks(lower: 5, upper: 9, includeZero: true)
        #expect(e.values.first == 0)
        let flat = NiceTicks(lower: 4, upper: 4)
        #expect(flat.lower < 4 && flat.upper > 4)
        #expect(NiceTicks(lower: 0, upper: 12.5).step == 2.5)
        #expect(NiceTicks(lower: 0, upper: 12.5).decimals == 1)
    }

    @Test func linearScale() {
        let s = LinearScale(domain: 0...10, range: (400, 100))   // y axis: up is smaller
        #expect(s(0) == 400 && s(10) == 100 && s(2.5) == 325)
        #expect(LinearScale(domain: 3...3, range: (0, 10))(3) == 5)
    }

    @Test func numberFormat() {
        #expect(ChartNumberFormat.format(-1234.5, decimals: 1) == "\u{2212}1,234.5")
        #expect(ChartNumberFormat.format(6.9, decimals: 1, suffix: "%", signed: true) == "+6.9%")
        #expect(ChartNumberFormat.format(-0.004, decimals: 2) == "0.00")
        #expect(ChartNumberFormat.format(1_000_000, decimals: 0) == "1,000,000")
        #expect(ChartNumberFormat.format(999, decimals: 0) == "999")
    }

    @Test func svgNumbers() {
        #expect(SVGNumber.format(12) == "12")
        #expect(SVGNumber.format(12.3456) == "12.35")
        #expect(SVGNumber.format(-0.001) == "0")
        #expect(SVGNumber.format(0.5) == "0.5")
    }

    // Escaping: the five XML specials and forbidden control characters.
    @Test func xmlEscaping() throws {
        #expect(XMLEscape.text("a<b & c>d") == "a&lt;b &amp; c&gt;d")
        #expect(XMLEscape.attribute("\"x\" 'y'\n") == "&quot;x&quot; &#39;y&#39;&#10;")
        #expect(XMLEscape.text("bell\u{7}") == "bell")
        var e = SVGElement("text", ["x": "1", "data-note": "5 < 6 & \"q\""], text: "R&D <50%>")
        e.set("x", "2")
        let svg = try SVGInspector("<svg xmlns=\"http://www.w3.org/2000/svg\">" + e.xml() + "</svg>")
        let t = svg.elements("text").first!
        #expect(t.stringValue == "R&D <50%>" && t.attr("data-note") == "5 < 6 & \"q\"" && t.attr("x") == "2")
    }

    // days_from_civil: 1970-01-01 → 0, 2000-03-01 → 11017, leap days checked.
    @Test func civilDates() {
        #expect(CivilDate("1970-01-01")?.dayNumber == 0)
        #expect(CivilDate("2000-03-01")?.dayNumber == 11017)
        #expect(CivilDate("2024-02-29") != nil && CivilDate("2025-02-29") == nil && CivilDate("2100-02-29") == nil)
        #expect(CivilDate("2026-01")?.day == 1)
        #expect(CivilDate("2026/01/01") == nil && CivilDate("26-01-01") == nil && CivilDate("2026-13-01") == nil)
        #expect(CivilDate("2025-12")!.monthStart(adding: 3).monthLabel == "2026-03")
    }

    @Test func endLabelsKeepTheirGap() {
        let ys = EndLabels.spread([100, 104, 300, 102], gap: 15, maxY: 400)
        let sorted = ys.sorted()
        #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $1 - $0 >= 15 - 1e-9 })
        #expect(ys[2] == 300 && ys[0] == 100)
        let bottom = EndLabels.spread([395, 398], gap: 15, maxY: 400)
        #expect(bottom.max()! <= 400 && abs(bottom[0] - bottom[1]) >= 15 - 1e-9)
    }
}
