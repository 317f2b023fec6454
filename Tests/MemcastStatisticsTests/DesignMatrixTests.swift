import Foundation
import Testing
@testable import MemcastStatistics

/// Building X from a formula: treatment coding (patsy's redundancy rule), transforms,
/// entity/period-aware shifts, missing rows, and data errors that say where.
@Suite struct DesignMatrixTests {
    /// 36 rows: y, x numeric; a ∈ {p, q, r}, b ∈ {u, v} text.
    static let frame: DataFrame = {
        var df = DataFrame()
        try! df.append("y", .numeric((0..<36).map { Double($0 % 7) - 3 + Double($0) / 10 }))
        try! df.append("x", .numeric((0..<36).map { Double(($0 * 5) % 11) / 3 + 0.5 }))
        try! df.append("a", .categorical(CategoricalColumn((0..<36).map { ["q", "p", "r"][$0 % 3] })))
        try! df.append("b", .categorical(CategoricalColumn((0..<36).map { ["v", "u"][($0 / 2) % 2] })))
        return df
    }()

    private func names(_ formula: String) throws -> [String] {
        try DesignMatrix(formula: Formula(parsing: formula), data: Self.frame).spec.columnNames
    }

    /// Column names and coding agree with patsy 1.0.3 (as used by statsmodels 0.15), whose
    /// output is quoted here; memcast keeps formula order where patsy regroups terms.
    @Test(arguments: [
        ("y ~ x + C(a)", ["Intercept", "x", "C(a)[T.q]", "C(a)[T.r]"]),
        ("y ~ a:b", ["Intercept", "b[T.v]", "a[T.q]:b[u]", "a[T.r]:b[u]", "a[T.q]:b[v]", "a[T.r]:b[v]"]),
        ("y ~ C(a):x", ["Intercept", "C(a)[p]:x", "C(a)[q]:x", "C(a)[r]:x"]),
        ("y ~ x + C(a):x", ["Intercept", "x", "C(a)[T.q]:x", "C(a)[T.r]:x"]),
        ("y ~ x:C(a) + C(b)", ["Intercept", "x:C(a)[p]", "x:C(a)[q]", "x:C(a)[r]", "C(b)[T.v]"]),
        ("y ~ x*C(a)", ["Intercept", "x", "C(a)[T.q]", "C(a)[T.r]", "x:C(a)[T.q]", "x:C(a)[T.r]"]),
        ("y ~ C(a)*C(b)", ["Intercept", "C(a)[T.q]", "C(a)[T.r]", "C(b)[T.v]", "C(a)[T.q]:C(b)[T.v]", "C(a)[T.r]:C(b)[T.v]"]),
        ("y ~ C(a):C(b) - 1", ["C(a)[p]:C(b)[u]", "C(a)[q]:C(b)[u]", "C(a)[r]:C(b)[u]",
                               "C(a)[p]:C(b)[v]", "C(a)[q]:C(b)[v]", "C(a)[r]:C(b)[v]"]),
        ("y ~ C(a) + C(a):C(b)", ["Intercept", "C(a)[T.q]", "C(a)[T.r]", "C(a)[p]:C(b)[T.v]", "C(a)[q]:C(b)[T.v]", "C(a)[r]:C(b)[T.v]"]),
        ("y ~ C(a) - 1", ["C(a)[p]", "C(a)[q]", "C(a)[r]"]),
        ("y ~ C(b):x - 1 + C(a)", ["C(b)[u]:x", "C(b)[v]:x", "C(a)[p]", "C(a)[q]", "C(a)[r]"]),
    ])
    func codingMatchesPatsy(formula: String, expected: [String]) throws {
        #expect(try names(formula) == expected)
    }

    /// Dummy columns are indicators of the level; an interaction multiplies its factors.
    @Test func columnValues() throws {
        let d = try DesignMatrix(formula: Formula(parsing: "y ~ x + C(a) + x:C(a) + I(x^2) + log(x)"), data: Self.frame)
        let names = d.spec.columnNames
        let x = Self.frame["x"]!.numericValues!
        let a = Self.frame["a"]!.categoricalValues!
        for i in 0..<36 {
            let q: Double = a[i] == "q" ? 1 : 0
            #expect(d.x[i, names.firstIndex(of: "Intercept")!] == 1)
            #expect(d.x[i, names.firstIndex(of: "C(a)[T.q]")!] == q)
            #expect(d.x[i, names.firstIndex(of: "x:C(a)[T.q]")!] == q * x[i])
            #expect(d.x[i, names.firstIndex(of: "I(x^2)")!] == x[i] * x[i])
            #expect(d.x[i, names.firstIndex(of: "log(x)")!] == Foundation.log(x[i]))
        }
        #expect(d.spec.terms.map(\.term) == ["Intercept", "x", "C(a)", "x:C(a)", "I(x^2)", "log(x)"])
        #expect(d.spec.terms[2].columns == 2..<4)
    }

    /// Numeric C(): levels sorted numerically and printed without ".0".
    @Test func numericCategories() throws {
        var df = DataFrame()
        try df.append("y", .numeric([1, 2, 3, 4, 5, 6]))
        try df.append("year", .numeric([2021, 2010, 2021, 9, 2010, 9]))
        let d = try DesignMatrix(formula: Formula(parsing: "y ~ C(year)"), data: df)
        #expect(d.spec.columnNames == ["Intercept", "C(year)[T.2010]", "C(year)[T.2021]"])
    }

    /// Panel frame, rows deliberately out of order: A has 2020Q1, Q2, Q4 (Q3 missing), B has Q1, Q2.
    static let panel: DataFrame = {
        var df = DataFrame(source: "panel.csv")
        df.rowLines = [2, 3, 4, 5, 6]
        try! df.append("firm", .categorical(CategoricalColumn(["A", "B", "A", "A", "B"])))
        try! df.append("q", .categorical(CategoricalColumn(["2020Q4", "2020Q2", "2020Q1", "2020Q2", "2020Q1"])))
        try! df.append("x", .numeric([40, 7, 10, 20, 5]))
        try! df.append("y", .numeric([1, 2, 3, 4, 5]))
        return df
    }()

    /// lag/diff/pct look k periods back within the entity; the gap (A 2020Q3) and the first
    /// period of each entity give missing values, so those rows are dropped and counted.
    @Test func shiftsRespectEntitiesAndGaps() throws {
        let options = PanelOptions(entity: "firm", period: "q", periodKey: StatsmodelsFixture.quarters)
        var columns: [[Double]] = []
        for f in ["lag(x)", "diff(x)", "pct(x)"] {
            let d = try DesignMatrix(formula: Formula(parsing: "y ~ \(f) - 1"), data: Self.panel, panel: options)
            // Usable: A 2020Q2 (row 3) and B 2020Q2 (row 1), in entity-then-period order.
            #expect(d.rows == [3, 1])
            #expect(d.droppedRows == 3)
            #expect(d.y == [4, 2])
            columns.append(d.x.column(0))
        }
        #expect(columns[0] == [10, 5])     // lag: A 2020Q1, B 2020Q1
        #expect(columns[1] == [10, 2])     // diff: 20 − 10, 7 − 5
        #expect(columns[2] == [100, 40])   // pct: 100·(20/10 − 1), 100·(7/5 − 1)
    }

    /// Without panel columns, shifts follow file order; lag(x, 0) is x.
    @Test func shiftsInFileOrder() throws {
        var df = DataFrame()
        try df.append("y", .numeric([1, 2, 4, 3, 5, 8]))
        try df.append("x", .numeric([1, 2, 4, 8, 16, 33]))
        let d = try DesignMatrix(formula: Formula(parsing: "y ~ lag(x, 2) + lag(x, 0)"), data: df)
        #expect(d.rows == [2, 3, 4, 5])
        #expect(d.x.column(1) == [1, 2, 4, 8])
        #expect(d.x.column(2) == [4, 8, 16, 33])
    }

    @Test func missingRowsAreDroppedAndCounted() throws {
        var df = Self.frame
        var y = df["y"]!.numericValues!
        y[4] = .nan
        try df.set("y", .numeric(y))
        var a = df["a"]!.categoricalValues!
        a.codes[7] = -1
        try df.set("a", .categorical(a))
        let d = try DesignMatrix(formula: Formula(parsing: "y ~ x + a"), data: df)
        #expect(d.droppedRows == 2)
        #expect(!d.rows.contains(4) && !d.rows.contains(7))
        #expect(d.x.rows == 34)
    }

    private func designError(_ formula: String, _ data: DataFrame = frame, panel: PanelOptions = .none) -> DesignError? {
        do {
            _ = try DesignMatrix(formula: Formula(parsing: formula), data: data, panel: panel)
            return nil
        } catch let e as DesignError {
            return e
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func dataErrorsSayWhere() throws {
        #expect(designError("y ~ x + price") == .unknownColumn("price", available: ["y", "x", "a", "b"], formula: "y ~ x + price", position: 8))
        #expect(designError("y ~ log(a)")?.description.contains("column 'a' holds text") == true)
        #expect(designError("y ~ log(x - 1)")?.description.contains("log(x - 1) is undefined for the value") == true)
        // Domain errors say what to change, not a bare condition such as "needs 0 ≠ 0".
        #expect(designError("y ~ I(x/(x - x))")?.description
            == "row 1: x/(x - x) is undefined for the value 0; the divisor x - x is 0 in this row: change the formula or the data so it is never 0")
        #expect(designError("y ~ I(x/0)")?.description == "row 1: x/0 is undefined for the value 0; divide by a non-zero number instead of 0")
        #expect(designError("y ~ sqrt(x - 1)")?.description
            == "row 1: sqrt(x - 1) is undefined for the value -0.5; x - 1 must be ≥ 0: correct or remove this row, or transform x - 1 differently")
        #expect(designError("a ~ x") == .textResponse(column: "a", value: "q", origin: "row 1"))

        var df = DataFrame(source: "prices.csv")
        df.rowLines = [2, 3, 4, 5]
        try df.append("y", .numeric([1, 2, 3, 4]))
        try df.append("low", .categorical(CategoricalColumn(["1.5", "2", "9O", "3"])))
        try df.append("one", .numeric([2, 2, 2, 2]))
        try df.append("seg", .categorical(CategoricalColumn(["mid", "mid", "mid", "mid"])))
        #expect(designError("y ~ low", df)?.description == "prices.csv:4: column 'low': cannot parse '9O' as a number")
        // A response with one bad cell names that cell, not just "the response is text".
        #expect(designError("low ~ y", df)?.description == "prices.csv:4: column 'low': '9O' is not a number; the response must be numeric")
        #expect(designError("y ~ one", df) == .constantColumn(term: "one", value: 2))
        #expect(designError("y ~ C(seg)", df) == .singleLevel(factor: "C(seg)", level: "mid"))
        #expect(designError("y ~ one + I(one^2) + lag(one) + lag(one, 2) - 1", df) == .tooFewRows(rows: 2, columns: 4, dropped: 2))
        #expect(designError("y ~ 0") == .emptyDesign)

        var dup = Self.panel
        try dup.set("q", .categorical(CategoricalColumn(["2020Q4", "2020Q2", "2020Q1", "2020Q1", "2020Q1"])))
        let e = designError("y ~ lag(x)", dup, panel: PanelOptions(entity: "firm", period: "q", periodKey: StatsmodelsFixture.quarters))
        #expect(e?.description == "panel.csv:5: period '2020Q1' in column 'q' for 'A' appears twice (first at panel.csv:4); lags need one row per entity and period")
    }

    /// Prediction data are coded with the fitted levels; an unseen level or a missing column is an error listing what is allowed.
    @Test func predictionCodingAndErrors() throws {
        let d = try DesignMatrix(formula: Formula(parsing: "y ~ x + C(a)"), data: Self.frame)
        var new = DataFrame(source: "new.csv")
        new.rowLines = [2, 3]
        try new.append("x", .numeric([1, 2]))
        try new.append("a", .categorical(CategoricalColumn(["r", "p"])))
        let p = try d.spec.design(for: new)
        #expect(p.x.row(0) == [1, 1, 0, 1])
        #expect(p.x.row(1) == [1, 2, 0, 0])

        try new.set("a", .categorical(CategoricalColumn(["r", "s"])))
        #expect(throws: DesignError.unknownLevel(factor: "C(a)", level: "s", origin: "new.csv:3", allowed: ["p", "q", "r"])) {
            try d.spec.design(for: new)
        }
        var lacking = DataFrame()
        try lacking.append("x", .numeric([1]))
        #expect(throws: DesignError.missingPredictors(["a"], needed: ["x", "a"])) { try d.spec.design(for: lacking) }
    }
}
