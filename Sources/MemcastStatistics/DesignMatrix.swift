import MemcastNumerics

/// The recipe that turns rows into design columns: which factors are
/// categorical, their levels, how each term is coded. Kept with a fit so
/// prediction data is coded exactly like the estimation data.
public struct DesignSpec: Sendable {
    /// Columns of one formula term.
    public struct TermColumns: Sendable, Equatable {
        /// The term as written in canonical form (`Intercept`, `x1:C(s)`).
        public let term: String
        /// Its columns in the design.
        public let columns: Range<Int>
    }

    /// The parsed formula.
    public let formula: Formula
    /// Time structure used for lags and differences.
    public let panel: PanelOptions
    /// Design column names in order: `Intercept`, `x`, `I(x^2)`, `C(segment)[T.mid]`, `x1:x2`.
    public let columnNames: [String]
    /// Whether column 0 is the intercept.
    public let hasIntercept: Bool
    /// Each term's columns, in formula order (the intercept first when present).
    public let terms: [TermColumns]

    /// Sorted levels of each categorical factor (by canonical text), as seen in the rows used.
    let levels: [String: [String]]
    /// Canonical texts of categorical factors.
    let categorical: Set<String>
    /// Coding blocks per right-hand-side term (see `TermCoding`).
    let codings: [[TermCoding.Subterm]]

    /// Columns a prediction frame must provide (the formula's right-hand side).
    public var predictorColumns: [String] {
        var seen: [String] = []
        for t in formula.terms {
            for v in t.factors.flatMap(\.variables) where !seen.contains(v) { seen.append(v) }
        }
        return seen
    }
}

/// A design matrix X and response y built from a `Formula` and a `DataFrame`.
///
/// Rows with a missing value in any column the model uses — the response,
/// any factor (a lag at the start of a series or across a period gap is
/// missing), or an extra required column such as weights — are dropped and
/// counted in `droppedRows`. With a period column, rows are read in period
/// order within entity, so residual order (Durbin–Watson, HAC) is time order.
///
/// ```swift
/// let d = try DesignMatrix(formula: Formula(parsing: "y ~ x + C(s)"), data: frame)
/// d.spec.columnNames   // ["Intercept", "x", "C(s)[T.mid]"]
/// ```
public struct DesignMatrix: Sendable {
    /// How the columns were built (reused for prediction).
    public let spec: DesignSpec
    /// The n×k design in `spec.columnNames` order, held as dense columns plus the
    /// level codes of each categorical term (see `StructuredDesign`): the fit works on
    /// this without forming the indicator columns.
    public let structure: StructuredDesign
    /// The n×k design as a dense column-major matrix. Materialised on every access
    /// (n×k doubles): read it once, and only where the dense matrix is needed.
    public var x: Matrix { structure.materialize() }
    /// The response, n values.
    public let y: [Double]
    /// Canonical text of the response (`log(asp)`).
    public let responseName: String
    /// 0-based frame rows behind each design row, in design order.
    public let rows: [Int]
    /// Number of frame rows dropped for a missing value.
    public let droppedRows: Int

    /// Builds the design.
    /// - Parameters:
    ///   - formula: the parsed formula.
    ///   - data: the table; column names as the formula uses them.
    ///   - panel: entity and period columns for lags and differences (default: file order).
    ///   - required: further columns whose missing cells drop a row (weights, cluster ids).
    /// - Throws: `DesignError` for an unknown or unusable column, a domain error,
    ///   a single-level factor, a constant term beside the intercept, or too few rows.
    /// - Complexity: O(n·(dense columns + categorical terms)) plus O(n log n) when rows
    ///   are sorted by period; no n×k matrix is formed (see `structure`).
    public init(formula: Formula, data: DataFrame, panel: PanelOptions = .none, required: [String] = []) throws {
        let index = try PanelIndex(data, panel)
        let evaluator = FormulaEvaluator(data: data, panel: index, formula: formula.text)

        // Name the first bad cell: a response read as text is usually one typo in a numeric column.
        if case .variable(let name) = formula.response.kind, let c = data[name]?.categoricalValues,
           let bad = FormulaEvaluator.firstNonNumber(c) {
            throw DesignError.textResponse(column: name, value: bad.value, origin: data.origin(ofRow: bad.row))
        }
        let response = try evaluator.numeric(formula.response)
        var values: [String: FactorValues] = [:]
        for term in formula.terms {
            for f in term.factors where values[f.description] == nil {
                values[f.description] = try evaluator.factor(f)
            }
        }
        let requiredColumns = try required.map { name -> Column in
            guard let c = data[name] else {
                throw DesignError.missingColumn(name, role: "required", available: data.names)
            }
            return c
        }

        // Rows with every used value present, in reading order (missing values marked
        // column by column, then one pass in reading order).
        var missing = [Bool](repeating: false, count: data.rowCount)
        for i in response.indices where response[i].isNaN { missing[i] = true }
        for v in values.values {
            switch v {
            case .numeric(let x): for i in x.indices where x[i].isNaN { missing[i] = true }
            case .categorical(let codes, _, _): for i in codes.indices where codes[i] < 0 { missing[i] = true }
            }
        }
        for c in requiredColumns { for i in 0..<data.rowCount where c.isMissing(i) { missing[i] = true } }
        var kept: [Int] = []
        kept.reserveCapacity(data.rowCount)
        for i in index.readingOrder() where !missing[i] { kept.append(i) }

        // Levels present in the rows kept, in treatment order.
        var levels: [String: [String]] = [:]
        var categorical: Set<String> = []
        for (name, v) in values {
            guard case let .categorical(codes, labels, sortKeys) = v else { continue }
            categorical.insert(name)
            var seen = [Bool](repeating: false, count: labels.count)
            for i in kept where codes[i] >= 0 { seen[Int(codes[i])] = true }
            var order = seen.indices.filter { seen[$0] }
            if let keys = sortKeys { order.sort { keys[$0] < keys[$1] } } else { order.sort { labels[$0] < labels[$1] } }
            let sorted = order.map { labels[$0] }
            if sorted.count == 1 { throw DesignError.singleLevel(factor: name, level: sorted[0]) }
            levels[name] = sorted
        }

        let codings = TermCoding.choose(formula.terms, isCategorical: { categorical.contains($0.description) },
                                        intercept: formula.hasIntercept)
        let layout = DesignMatrix.layout(formula, codings: codings, levels: levels, categorical: categorical)
        if layout.names.isEmpty { throw DesignError.emptyDesign }
        let spec = DesignSpec(formula: formula, panel: panel, columnNames: layout.names,
                              hasIntercept: formula.hasIntercept, terms: layout.terms,
                              levels: levels, categorical: categorical, codings: codings)

        let labelCodes = DesignMatrix.levelCodes(values, levels: levels)
        let x = DesignMatrix.assemble(spec, rows: kept, values: values, levelCodes: labelCodes)

        // A numeric term that never varies duplicates the intercept.
        if formula.hasIntercept {
            for t in spec.terms.dropFirst() where t.columns.count == 1 {
                guard let term = formula.terms.first(where: { $0.name == t.term }),
                      !term.factors.contains(where: { categorical.contains($0.description) }),
                      let c = x.denseColumns.firstIndex(of: t.columns.lowerBound) else { continue }
                let column = x.denseColumn(c)
                if let first = column.first, kept.count > 1, column.allSatisfy({ $0 == first }) {
                    throw DesignError.constantColumn(term: t.term, value: first)
                }
            }
        }
        let dropped = data.rowCount - kept.count
        if kept.count <= layout.names.count {
            throw DesignError.tooFewRows(rows: kept.count, columns: layout.names.count, dropped: dropped)
        }

        self.spec = spec
        self.structure = x
        self.y = kept.map { response[$0] }
        self.responseName = formula.response.description
        self.rows = kept
        self.droppedRows = dropped
    }

    static func isMissing(_ v: FactorValues, _ i: Int) -> Bool {
        switch v {
        case .numeric(let x): return x[i].isNaN
        case .categorical(let codes, _, _): return codes[i] < 0
        }
    }

    /// Column names and term spans from the codings.
    static func layout(_ formula: Formula, codings: [[TermCoding.Subterm]], levels: [String: [String]],
                       categorical: Set<String>) -> (names: [String], terms: [DesignSpec.TermColumns]) {
        var names: [String] = []
        var terms: [DesignSpec.TermColumns] = []
        if formula.hasIntercept {
            names.append("Intercept")
            terms.append(.init(term: "Intercept", columns: 0..<1))
        }
        for (term, blocks) in zip(formula.terms, codings) {
            let start = names.count
            for block in blocks {
                for combo in combinations(term, block, levels: levels) {
                    names.append(zip(term.factors, combo).compactMap { f, level -> String? in
                        let n = f.description
                        guard categorical.contains(n) else { return n }
                        guard let full = block[n], let l = level else { return nil }
                        return full ? "\(n)[\(levels[n]![l])]" : "\(n)[T.\(levels[n]![l])]"
                    }.joined(separator: ":"))
                }
            }
            terms.append(.init(term: term.name, columns: start..<names.count))
        }
        return (names, terms)
    }

    /// The level index each factor contributes to each column of a block, left-most factor
    /// varying fastest (patsy's order); nil for numeric factors and factors outside the block.
    static func combinations(_ term: Term, _ block: TermCoding.Subterm, levels: [String: [String]]) -> [[Int?]] {
        // Prepending each earlier factor's choice inside the loop over the later ones'
        // combinations makes the left-most factor vary fastest.
        var result: [[Int?]] = [[]]
        for f in term.factors.reversed() {
            let n = f.description
            let choices: [Int?]
            if let full = block[n], let l = levels[n] {
                choices = full ? Array(0..<l.count) : Array(1..<l.count)
            } else {
                choices = [nil]
            }
            result = result.flatMap { rest in choices.map { [$0] + rest } }
        }
        return result
    }

    /// For each categorical factor, its per-row level index into `levels` (-1 missing or unseen).
    static func levelCodes(_ values: [String: FactorValues], levels: [String: [String]]) -> [String: [Int32]] {
        var out: [String: [Int32]] = [:]
        for (name, v) in values {
            guard case let .categorical(codes, labels, _) = v, let lv = levels[name] else { continue }
            let position = Dictionary(uniqueKeysWithValues: lv.enumerated().map { ($1, Int32($0)) })
            let map = labels.map { position[$0] ?? -1 }
            out[name] = codes.map { $0 < 0 ? -1 : map[Int($0)] }
        }
        return out
    }

    /// The design for `rows` (frame row indices): a term that is one categorical factor
    /// (`C(segment)`, treatment or full coding) becomes a factor block of level codes —
    /// no indicator columns are written; every other column (intercept, numeric terms,
    /// interactions, transformations) is dense.
    static func assemble(_ spec: DesignSpec, rows: [Int], values: [String: FactorValues],
                         levelCodes: [String: [Int32]]) -> StructuredDesign {
        let n = rows.count
        /// What one factor contributes to a column: its values, or an indicator of one level.
        enum Source { case values([Double]), indicator([Int32], Int32) }
        /// A block of design columns: a lone factor's codes, or one dense column.
        enum Block { case factor(codes: [Int32]), dense([Source]) }
        // Plan: which design column is dense, which factor level goes to which column.
        var blocks: [Block] = []
        var denseColumns: [Int] = []
        var levelColumns: [[Int]] = []
        var j = 0
        if spec.hasIntercept {
            blocks.append(.dense([]))  // no sources: the product of nothing, 1
            denseColumns.append(0)
            j = 1
        }
        for (term, termBlocks) in zip(spec.formula.terms, spec.codings) {
            for block in termBlocks {
                let combos = combinations(term, block, levels: spec.levels)
                // One categorical factor alone (C(segment)): its level codes, one per row.
                if term.factors.count == 1, let codes = levelCodes[term.factors[0].description],
                   let levelCount = spec.levels[term.factors[0].description]?.count,
                   combos.allSatisfy({ $0[0] != nil }),
                   rows.allSatisfy({ codes[$0] >= 0 && Int(codes[$0]) < levelCount }) {
                    var column = [Int](repeating: -1, count: levelCount)
                    for (c, combo) in combos.enumerated() { column[combo[0]!] = j + c }
                    blocks.append(.factor(codes: codes))
                    levelColumns.append(column)
                    j += combos.count
                    continue
                }
                for combo in combos {
                    blocks.append(.dense(zip(term.factors, combo).compactMap { f, level in
                        let name = f.description
                        if let level { return .indicator(levelCodes[name]!, Int32(level)) }
                        if case .numeric(let column) = values[name]! { return .values(column) }
                        return nil  // a categorical factor outside this block
                    }))
                    denseColumns.append(j)
                    j += 1
                }
            }
        }
        return StructuredDesign(rows: n, cols: spec.columnNames.count, denseColumns: denseColumns,
                                levelColumns: levelColumns) { dense, codesOut in
            rows.withUnsafeBufferPointer { rows in
                var c = 0, f = 0
                for block in blocks {
                    switch block {
                    case .factor(let codes):
                        codes.withUnsafeBufferPointer { src in for r in 0..<n { codesOut[f * n + r] = src[rows[r]] } }
                        f += 1
                    case .dense(let sources):
                        let base = c * n
                        if sources.count == 1, case .values(let column) = sources[0] {
                            column.withUnsafeBufferPointer { v in for r in 0..<n { dense[base + r] = v[rows[r]] } }
                        } else {
                            for r in 0..<n {
                                let row = rows[r]
                                var v = 1.0
                                for source in sources {
                                    switch source {
                                    case .values(let column): v *= column[row]
                                    case .indicator(let codes, let level): if codes[row] != level { v = 0 }
                                    }
                                }
                                dense[base + r] = v
                            }
                        }
                        c += 1
                    }
                }
            }
        }
    }
}

extension DesignSpec {
    /// Codes new rows (for prediction) exactly as the fitted design: same columns, levels and coding.
    ///
    /// Lags and differences are taken within `data` itself, so a prediction
    /// frame that uses `lag(x)` must include the earlier periods.
    /// - Returns: the design for the usable rows, those rows (0-based, in reading
    ///   order) and the rows skipped for a missing value.
    /// - Throws: `DesignError.missingPredictors` listing what the formula needs, or
    ///   `DesignError.unknownLevel` for a category the fit did not see.
    public func design(for data: DataFrame) throws -> (x: Matrix, rows: [Int], skipped: [Int]) {
        let missing = predictorColumns.filter { data[$0] == nil }
        if !missing.isEmpty { throw DesignError.missingPredictors(missing, needed: predictorColumns) }
        let index = try PanelIndex(data, panel)
        let evaluator = FormulaEvaluator(data: data, panel: index, formula: formula.text)
        var values: [String: FactorValues] = [:]
        for term in formula.terms {
            for f in term.factors where values[f.description] == nil {
                var v = try evaluator.factor(f)
                // A numeric column in the new data where the fit saw categories (or the reverse) is read as categories.
                if categorical.contains(f.description), case .numeric(let column) = v {
                    v = .categorical(codes: column.indices.map { column[$0].isNaN ? -1 : Int32($0) },
                                     labels: column.map(FormulaExpression.format), sortKeys: nil)
                }
                values[f.description] = v
            }
        }
        let codes = DesignMatrix.levelCodes(values, levels: levels)
        var rows: [Int] = []
        var skipped: [Int] = []
        for i in index.readingOrder() {
            if values.values.contains(where: { DesignMatrix.isMissing($0, i) }) { skipped.append(i); continue }
            for (name, c) in codes where c[i] < 0 {
                guard case let .categorical(raw, labels, _) = values[name]! else { continue }
                throw DesignError.unknownLevel(factor: name, level: labels[Int(raw[i])], origin: data.origin(ofRow: i),
                                               allowed: levels[name]!)
            }
            rows.append(i)
        }
        return (DesignMatrix.assemble(self, rows: rows, values: values, levelCodes: codes).materialize(), rows, skipped)
    }
}
