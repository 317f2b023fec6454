import ArgumentParser
import Foundation
import MemcastData
import MemcastModels
import MemcastNumerics
import MemcastStatistics

/// `memcast fit`: a regression from a formula over a CSV file.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit a linear regression (OLS, WLS or ridge) from a formula over a CSV file.",
        usage: "memcast fit (--data <file> | --dataset <name>) --formula <formula> [<options>]",
        discussion: """
        Formulas follow R/patsy: y ~ x1 + log(x2) + I(x^2) + C(segment) + x1:x2.
          - 1 or + 0     no intercept (R² is then uncentred)
          a*b            a + b + a:b
          C(x)           categories, treatment coding, first sorted level as reference
                         (a text column used as a term is categorical too)
          log log1p exp sqrt, I(...) with + - * / ^
          diff(x[, k])   x[t] - x[t-k]       lag(x[, k])  x[t-k]
          pct(x[, k])    100·(x[t] - x[t-k])/x[t-k], in percent
        Lags follow file order, or with --period the period order within each --by \
        entity; a gap in the periods gives a missing value, not the previous row. \
        Rows with a missing value in any used column are dropped and counted. Only the \
        columns the formula and the column options use are read from --data; the others \
        are checked for record structure (quotes, field counts), not for their values.

        Covariances (--cov): nonrobust (default), HC0-HC3, HAC (Newey-West, Bartlett, \
        --hac-lags N, default floor(4·(n/100)^(2/9)), fewer than the rows used, and more \
        than n/4 gets a note that the errors are noisy; small-sample correction n/(n-k) \
        on unless --no-hac-correction — statsmodels' own default is off), cluster \
        (--cluster COL). Robust covariances use normal (z) inference and a Wald F, \
        as statsmodels does.

        --predict FILE codes new rows like the fitted ones (lags within FILE) and gives \
        the mean, its standard error, and confidence and prediction intervals; with \
        --weights, a column of that name in FILE weights each new observation (else 1).

        Output (--format): text (statsmodels-style summary with R's residual quantiles, \
        dropped rows, VIFs, Breusch-Pagan and numbered notes), json (statsmodels' \
        field names), md, or csv (the coefficient table; with --predict the predictions).

        --dataset NAME reads a dataset memcast knows instead of a file: one of the embedded \
        CSVs (handset_configs, memory_prices, …; `memcast data list`), found like every other \
        command finds them (MEMCAST_DATASETS, else next to the binary or the current \
        directory), or `price_equation` — the rows the forecast's price equation is fitted on \
        (quarter, memory, change_pct, prev_pct, past_year_lp, gap_pp), as of --as-of.

        Exit status: 64 bad options or formula, 65 data problems, 66 missing file.

        Examples:
          memcast fit --data prices.csv --formula "log(asp) ~ log(usd_per_gb) + C(segment)"
          memcast fit --dataset price_equation --as-of 2026-02-02 \\
              --formula "change_pct ~ prev_pct + past_year_lp + gap_pp" --cov HC3
          memcast fit --dataset handset_configs --formula "log(asp_usd) ~ log(dram_gb) + C(region)"
          memcast fit --data panel.csv --formula "y ~ lag(x) + diff(z)" \\
              --by region --period quarter --cov HAC --hac-lags 4
          memcast fit --data sales.csv --formula "units ~ price" --weights w \\
              --predict new.csv --format json
          memcast fit --data Longley.csv --formula "y ~ x1 + x2 + x3 + x4 + x5 + x6" --ridge 0.5
        """
    )

    enum Method: String, ExpressibleByArgument, CaseIterable { case qr, svd }
    enum Cov: String, ExpressibleByArgument, CaseIterable {
        case nonrobust, HC0, HC1, HC2, HC3, HAC, cluster
    }
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, md }

    @Option(name: .customLong("data"), help: ArgumentHelp("CSV file with a header line.", valueName: "file"))
    var dataFile: String?

    @Option(help: ArgumentHelp("A dataset by name instead of --data: an embedded CSV or price_equation.", valueName: "name"))
    var dataset: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "With --dataset price_equation: only what was published on or before DATE (YYYY-MM-DD).", valueName: "DATE"))
    var asOf: CalendarDate?

    @Option(help: ArgumentHelp("Model formula, e.g. \"y ~ x + C(segment)\".", valueName: "formula"))
    var formula: String

    @Option(help: ArgumentHelp("Weights column for WLS (inverse variances, > 0).", valueName: "column"))
    var weights: String?

    @Option(help: ArgumentHelp("Ridge penalty λ ≥ 0 (intercept unpenalized).", valueName: "lambda"))
    var ridge: Double?

    @Option(help: "Least-squares factorization.")
    var method: Method = .qr

    @Option(help: "Coefficient covariance.")
    var cov: Cov?

    @Option(name: .customLong("hac-lags"), help: ArgumentHelp("Lags for --cov HAC (≥ 0).", valueName: "n"))
    var hacLags: Int?

    @Flag(name: .customLong("no-hac-correction"), help: "Skip HAC's small-sample correction n/(n-k).")
    var noHACCorrection = false

    @Option(help: ArgumentHelp("Cluster column for --cov cluster (implies it).", valueName: "column"))
    var cluster: String?

    @Option(help: ArgumentHelp("Entity column: lags and differences stay within each entity.", valueName: "column"))
    var by: String?

    @Option(help: ArgumentHelp("Period column (2026, 2026Q1, 2026-03, 2026-03-31 or whole numbers).", valueName: "column"))
    var period: String?

    @Option(help: ArgumentHelp("Significance level for intervals, in (0, 1).", valueName: "alpha"))
    var alpha: Double = 0.05

    @Option(help: ArgumentHelp("CSV of new rows to predict (same predictor columns).", valueName: "file"))
    var predict: String?

    @Option(help: "Output format.")
    var format: Format = .text

    func validate() throws {
        switch (dataFile, dataset) {
        case (nil, nil): throw ValidationError("give the data: --data FILE or --dataset NAME")
        case (.some, .some): throw ValidationError("--data and --dataset are alternatives; give one")
        default: break
        }
        if asOf != nil && dataset != PriceEquationTable.datasetName {
            throw ValidationError("--as-of goes with --dataset \(PriceEquationTable.datasetName)")
        }
        guard alpha > 0 && alpha < 1 else { throw ValidationError("--alpha must be in (0, 1); got \(alpha)") }
        if let c = cov, cluster != nil, c != .cluster {
            throw ValidationError("--cluster goes with --cov cluster, not --cov \(c.rawValue)")
        }
        if cov == .cluster && cluster == nil { throw ValidationError("--cov cluster needs --cluster COLUMN") }
        if (hacLags != nil || noHACCorrection) && cov != .HAC {
            throw ValidationError("--hac-lags and --no-hac-correction go with --cov HAC")
        }
        if let l = hacLags, l < 0 { throw ValidationError("--hac-lags must be 0 or more; got \(l)") }
        if let r = ridge {
            guard r.isFinite && r >= 0 else { throw ValidationError("--ridge must be a number ≥ 0; got \(r)") }
            if let c = cov, c != .nonrobust || cluster != nil {
                throw ValidationError("--ridge supports only --cov nonrobust")
            }
        }
    }

    var covariance: CovarianceType {
        switch cov ?? (cluster != nil ? .cluster : .nonrobust) {
        case .nonrobust: return .nonrobust
        case .HC0: return .hc0
        case .HC1: return .hc1
        case .HC2: return .hc2
        case .HC3: return .hc3
        case .HAC: return .hac(lags: hacLags, smallSampleCorrection: !noHACCorrection)
        case .cluster: return .cluster(column: cluster!)
        }
    }

    func run() throws {
        do {
            let parsed = try Formula(parsing: formula)
            let data = try loadData(columns: usedColumns(parsed))
            try checkOptionColumns(data)
            let options = FitOptions(method: method == .svd ? .svd : .qr, covariance: covariance, alpha: alpha,
                                     panel: PanelOptions(entity: by, period: period, periodKey: Period.keyFromText))
            let results: RegressionResults
            if let lambda = ridge {
                results = try Ridge.fit(parsed, data: data, lambda: lambda, weights: weights, options: options)
            } else if let w = weights {
                results = try WLS.fit(parsed, data: data, weights: w, options: options)
            } else {
                results = try OLS.fit(parsed, data: data, options: options)
            }
            let predictions = try predict.map { path -> PredictionSet in
                let rows = try Self.load(path)
                // Predicting nothing would print an empty table and exit 0, hiding a wrong file.
                guard rows.rowCount > 0 else { throw CLIError.dataError("\(path): no rows to predict; the file has a header but no data rows") }
                return try results.predict(rows)
            }
            print(render(results, predictions), terminator: "")
        } catch let e as FormulaError {
            throw Self.usage(e.description)
        } catch let e as FitError {
            throw Self.usage(e.description)
        } catch let e as DesignError {
            // Errors about the rows as a whole carry no place of their own: name the data they came from.
            switch e {
            case .tooFewRows, .emptyDesign, .singleLevel, .constantColumn:
                throw CLIError.dataError("\(dataFile ?? dataset ?? "the data"): \(e.description)")
            default:
                throw CLIError.dataError(e.description)
            }
        } catch let e as LapackError {
            throw CLIError.dataError("\(dataFile ?? dataset ?? ""): \(e.description)")
        }
    }

    func render(_ r: RegressionResults, _ p: PredictionSet?) -> String {
        switch format {
        case .json: return r.json(predictions: p)
        case .md: return r.markdown(predictions: p)
        case .csv: return p.map(r.predictionCSV) ?? r.csv()
        case .text:
            let summary = r.summary(date: Self.reportDate())
            return p.map { summary + "\n" + r.predictionTable($0) } ?? summary
        }
    }

    /// `SOURCE_DATE_EPOCH` (seconds since 1970) when set, so reports can be reproduced; else now.
    static func reportDate() -> Date {
        if let s = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let t = TimeInterval(s) {
            return Date(timeIntervalSince1970: t)
        }
        return Date()
    }

    /// The columns a fit reads: the formula's variables and the column options.
    func usedColumns(_ formula: Formula) -> Set<String> {
        var names = Set(formula.response.variables)
        for term in formula.terms { for factor in term.factors { names.formUnion(factor.variables) } }
        for option in [weights, cluster, by, period] { if let option { names.insert(option) } }
        return names
    }

    /// --weights, --cluster, --by and --period name columns, not formula terms: a missing
    /// one is a usage error about that option, without a formula caret.
    func checkOptionColumns(_ data: DataFrame) throws {
        for (option, column) in [("--weights", weights), ("--cluster", cluster), ("--by", by), ("--period", period)] {
            guard let column, data[column] == nil else { continue }
            throw CLIError.usage("\(option) \(column): \(dataFile ?? dataset ?? "the data") has no column '\(column)'; "
                                 + "its columns: \(data.names.joined(separator: ", "))")
        }
    }

    /// The regression data: --data FILE (only `columns` read), or --dataset NAME through
    /// the dataset catalog.
    func loadData(columns: Set<String>) throws -> DataFrame {
        guard let name = dataset else { return try Self.load(dataFile!, columns: columns) }
        do {
            let catalog = try DatasetCatalog(overlay: nil)
            if name == PriceEquationTable.datasetName {
                return try PriceEquationTable.frame(catalog: catalog, asOf: asOf)
            }
            guard catalog.entry(name) != nil else {
                let names = (catalog.entries.map(\.name) + [PriceEquationTable.datasetName]).sorted()
                throw ValidationError("--dataset \(name): no such dataset (available: \(names.joined(separator: ", ")))")
            }
            return try catalog.load(name)
        } catch let e as CSVError {
            throw CLIError.dataError(e.description)
        } catch let e as CSVIssue {
            throw CLIError.dataError(e.description)
        } catch let e as ForecastError {
            throw CLIError.dataError(e.description)
        }
    }

    /// Loads a CSV file on all cores (results do not depend on it). With `columns`, only
    /// those are read (`CSVOptions.columns`: the others are checked for record structure,
    /// not parsed); when one of them is not in the file, every column is read instead, so
    /// the unknown-column error lists what the file has.
    static func load(_ path: String, columns: Set<String>? = nil) throws -> DataFrame {
        guard FileManager.default.isReadableFile(atPath: path) else { throw CLIError.noInput(path: path) }
        do {
            var options = CSVOptions()
            options.threads = ProcessInfo.processInfo.activeProcessorCount
            if let columns {
                var projected = options
                projected.columns = columns
                let frame = try CSVLoader.load(path: path, options: projected)
                if columns.allSatisfy({ frame[$0] != nil }) { return frame }
            }
            return try CSVLoader.load(path: path, options: options)
        } catch let e as CSVError {
            throw CLIError.dataError(e.description)
        }
    }

    /// A usage error (64) whose message is already complete (a formula caret, say).
    static func usage(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("memcast: error: \(message)\n".utf8))
        return ExitCode(64)
    }
}
