import Testing
@testable import MemcastData
import MemcastStatistics

/// RFC 4180 reading and every error the loader reports.
@Suite struct CSVLoaderTests {
    static let schema = CSVSchema(name: "t", columns: [
        .init("period", .period, allowsMissing: false),
        .init("name", .text),
        .init("low", .number),
        .init("unit", .category(["pct", "usd"])),
    ], uniqueKey: ["period", "name"])

    func texts(_ f: DataFrame, _ c: String) -> [String?] {
        let col = f[c]!.categoricalValues!
        return (0..<f.rowCount).map { col[$0] }
    }

    func numbers(_ f: DataFrame, _ c: String) -> [Double] { f[c]!.numericValues! }

    // MARK: RFC 4180

    @Test func quotedFieldsHoldCommasQuotesAndNewlines() throws {
        let text = "period,name,low,unit\n2026Q1,\"a, b\",1.5,pct\n2026Q2,\"say \"\"hi\"\"\",2,usd\n2026Q3,\"two\nlines\",3,pct\n2026Q4,plain,4,pct\n"
        let f = try CSVLoader.load(text: text, schema: Self.schema)
        #expect(texts(f, "name") == ["a, b", "say \"hi\"", "two\nlines", "plain"])
        #expect(numbers(f, "low") == [1.5, 2, 3, 4])
        // Physical lines: the record after the embedded newline starts on line 6.
        #expect(f.rowLines == [2, 3, 4, 6])
    }

    @Test func crlfBomAndNoFinalNewline() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("period,name,low,unit\r\n2026Q1,x,1,pct\r\n2026Q2,\"y\r\nz\",2,usd".utf8)
        let f = try CSVLoader.load(bytes: bytes, schema: Self.schema)
        #expect(f.names == ["period", "name", "low", "unit"])  // BOM not part of the first name
        #expect(texts(f, "name") == ["x", "y\r\nz"])
        #expect(numbers(f, "low") == [1, 2])
        #expect(f.rowLines == [2, 3])
    }

    @Test func loneCRAndBlankLines() throws {
        let f = try CSVLoader.load(text: "period,name,low,unit\r2026Q1,x,1,pct\r\r\n\n2026Q2,y,2,usd\n", schema: Self.schema)
        #expect(texts(f, "name") == ["x", "y"])
        #expect(f.rowLines == [2, 5])
    }

    @Test func missingValuesEmptyQuotedEmptyAndNA() throws {
        let f = try CSVLoader.load(text: "period,name,low,unit\n2026Q1,,NA,\n2026Q2,\"\",,NA\n2026Q3,NA,\"7\",pct\n", schema: Self.schema)
        #expect(texts(f, "name") == [nil, nil, nil])
        #expect(texts(f, "unit") == [nil, nil, "pct"])
        let low = numbers(f, "low")
        #expect(low[0].isNaN && low[1].isNaN && low[2] == 7)
    }

    @Test func trailingEmptyField() throws {
        let f = try CSVLoader.load(text: "a,b\n1,\n2,3", options: CSVOptions())
        #expect(f.rowCount == 2)
        #expect(numbers(f, "b")[0].isNaN && numbers(f, "b")[1] == 3)
    }

    @Test func headerOnlyGivesNoRows() throws {
        let f = try CSVLoader.load(text: "period,name,low,unit\n", schema: Self.schema)
        #expect(f.rowCount == 0 && f.names.count == 4)
    }

    @Test func levelsInOrderOfFirstAppearance() throws {
        let f = try CSVLoader.load(text: "s\nmid\nentry\nmid\npremium\nentry\n")
        let c = f["s"]!.categoricalValues!
        #expect(c.levels == ["mid", "entry", "premium"])
        #expect(c.codes == [0, 1, 0, 2, 1])
    }

    /// Records the one-pass (fused) reader declines go through the general path; either
    /// way every value is what `DecimalParser` and the RFC rules give, row by row.
    @Test func fusedAndGeneralPathsAgreeOnEdgeCases() throws {
        let rows: [(line: String, name: String?, low: Double?)] = [
            ("2026Q1,a,-0", "a", -0.0),
            ("2026Q2,\"q, r\",12.50", "q, r", 12.5),
            ("2026Q3,,7.", nil, 7),
            ("2026Q4,NA,.5", nil, 0.5),                                   // NA text; leading-dot number
            ("2027Q1,b, 3 ", "b", 3),                                     // spaces around a number
            ("2027Q2,c,1e3", "c", 1000),
            ("2027Q3,d,+4", "d", 4),
            ("2027Q4,e,12345678901234567890", "e", 12345678901234567890), // 20 digits: strtod
            ("2028Q1,f,9007199254740993", "f", 9007199254740993),         // 2⁵³ + 1 rounds
            ("2028Q2,\"say \"\"x\"\"\",NA", "say \"x\"", nil),
            ("2028Q3,\"\",", nil, nil),
            ("2028Q4,g,0.1", "g", 0.1),
        ]
        let text = "period,name,low,unit\n" + rows.map { $0.line + ",pct" }.joined(separator: "\r\n")
        let f = try CSVLoader.load(text: text, schema: CSVSchema(name: "t", columns: Self.schema.columns, uniqueKey: []))
        #expect(texts(f, "name") == rows.map(\.name))
        let low = numbers(f, "low")
        for (k, r) in rows.enumerated() {
            if let v = r.low {
                #expect(low[k] == v && low[k].sign == v.sign, "row \(k + 1): \(low[k]) ≠ \(v)")
            } else {
                #expect(low[k].isNaN, "row \(k + 1)")
            }
        }
        #expect(f.rowLines == Array(2...(rows.count + 1)))
        // A value the fused reader gives up on after encoding earlier cells of the row
        // ("1x") is reported once, at its place.
        #expect(throws: CSVError.self) {
            _ = try CSVLoader.load(text: "period,name,low,unit\n2026Q1,new,1x,pct\n", schema: Self.schema)
        }
        do {
            _ = try CSVLoader.load(text: "period,name,low,unit\n2026Q1,new,1x,pct\n2026Q2,new,2,usd\n", schema: Self.schema)
        } catch let e as CSVError {
            #expect(e.issues.count == 1 && e.issues[0].line == 2 && e.issues[0].column == "low")
        }
    }

    // MARK: Inference

    @Test func infersNumbersAndText() throws {
        let f = try CSVLoader.load(text: "q,x,y,z\n2026Q1,1,a,\n2026Q2,2.5e3,b,\n2026Q3,-0.125,NA,\n")
        #expect(f["q"]!.categoricalValues != nil)
        #expect(numbers(f, "x") == [1, 2500, -0.125])
        #expect(f["y"]!.categoricalValues!.levels == ["a", "b"])
        #expect(numbers(f, "z").allSatisfy { $0.isNaN })   // all missing: numeric, as pandas does
    }

    @Test func textAfterTheSampleTurnsAColumnToText() throws {
        var o = CSVOptions()
        o.inferenceRows = 2
        let f = try CSVLoader.load(text: "x\n1\n2\n3\nthree\n", options: o)
        #expect(texts(f, "x") == ["1", "2", "3", "three"])
    }

    // MARK: Errors, each with its place

    func issues(_ text: String, schema: CSVSchema? = CSVLoaderTests.schema, label: String = "t.csv",
                options: CSVOptions = CSVOptions()) -> [String] {
        do {
            _ = try CSVLoader.load(text: text, label: label, schema: schema, options: options)
            return []
        } catch let e as CSVError {
            return e.issues.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func badNumberNamesFileLineColumnAndType() {
        let text = "period,name,low,unit\n2026Q1,a,1,pct\n2026Q2,b,9O,pct\n"
        #expect(issues(text, label: "memory_prices.csv") == ["memory_prices.csv:3: column 'low': cannot parse '9O' as a number"])
    }

    /// `1e400` parsed as infinity and loaded: `data validate` said ok, and the forecast failed in
    /// its least-squares step naming no file or line.
    @Test func numberOutOfRangeNamesItsPlace() {
        let text = "period,name,low,unit\n2026Q1,a,1e400,pct\n2026Q2,b,-1e999,pct\n"
        #expect(issues(text) == ["t.csv:2: column 'low': '1e400' is out of range for a number (beyond ±1.8e308)",
                                 "t.csv:3: column 'low': '-1e999' is out of range for a number (beyond ±1.8e308)"])
        // Inferred types too: the column stays numeric and the cell is refused.
        #expect(issues("x\n1\n1e400\n", schema: nil) == ["t.csv:3: column 'x': '1e400' is out of range for a number (beyond ±1.8e308)"])
    }

    @Test func severalProblemsAreAllReported() {
        let text = "period,name,low,unit\n2026Q5,a,1,pct\n2026Q2,b,x,pct\n2026Q3,c,3,percent\n2026Q4,d,4\n,e,5,pct\n"
        #expect(issues(text) == [
            "t.csv:2: column 'period': cannot parse '2026Q5' as a period (expected YYYY, YYYYQn, YYYYHn, YYYY-MM or YYYY-MM-DD)",
            "t.csv:3: column 'low': cannot parse 'x' as a number",
            "t.csv:4: column 'unit': 'percent' is not one of the declared values (pct, usd)",
            "t.csv:5: expected 4 fields (as in the header), found 3",
            "t.csv:6: column 'period': a value is required here (found none)",
        ])
    }

    @Test func stopsAtTheIssueLimitAndSaysSo() throws {
        var o = CSVOptions()
        o.maxIssues = 3
        let rows = (0..<10).map { "2026Q1,n\($0),bad,pct" }.joined(separator: "\n")
        let e = try #require(throws: CSVError.self) {
            try CSVLoader.load(text: "period,name,low,unit\n" + rows, label: "t.csv", schema: Self.schema, options: o)
        }
        #expect(e.issues.count == 3 && e.truncated)
        #expect(e.description.hasSuffix("(more problems not shown: stopped after 3)"))
    }

    @Test func emptyFile() {
        #expect(issues("") == ["t.csv: the file is empty (expected a header line)"])
        #expect(issues("\n\n") == ["t.csv: the file is empty (expected a header line)"])
    }

    @Test func binaryFile() {
        let bytes: [UInt8] = Array("period,name\n2026Q1,".utf8) + [0, 1, 2, 0xFF]
        #expect(throws: CSVError.self) { try CSVLoader.load(bytes: bytes, label: "x.bin") }
        do { _ = try CSVLoader.load(bytes: bytes, label: "x.bin") } catch {
            #expect("\(error)" == "x.bin:2: binary data (a NUL byte at offset 19); not a CSV text file")
        }
    }

    @Test func unbalancedQuote() {
        let text = "period,name,low,unit\n2026Q1,a,1,pct\n2026Q2,\"open,2,pct\n2026Q3,c,3,pct\n"
        #expect(issues(text) == ["t.csv:3: a quoted field opened here is never closed (unbalanced quotes)"])
    }

    @Test func strayQuotesAndTextAfterClosingQuote() {
        let text = "period,name,low,unit\n2026Q1,a\"b,1,pct\n2026Q2,\"c\"d,2,pct\n"
        #expect(issues(text) == [
            "t.csv:2: column 'name': a quote inside an unquoted field (quote the whole field and double the quote)",
            "t.csv:3: column 'name': unexpected text after the closing quote of a quoted field",
        ])
    }

    @Test func raggedRows() {
        let text = "period,name,low,unit\n2026Q1,a,1,pct,extra\n2026Q2\n"
        #expect(issues(text) == [
            "t.csv:2: expected 4 fields (as in the header), found 5",
            "t.csv:3: expected 4 fields (as in the header), found 1",
        ])
    }

    @Test func duplicateKeys() {
        let text = "period,name,low,unit\n2026Q1,a,1,pct\n2026Q2,a,1,pct\n2026Q1,a,2,usd\n"
        #expect(issues(text) == ["t.csv:4: duplicate key (period=2026Q1, name=a) already on line 2"])
    }

    @Test func headerProblems() {
        #expect(issues("period,name,low\n2026Q1,a,1\n") == ["t.csv:1: column 'unit': missing from the header (schema 't' requires it)"])
        #expect(issues("period,name,low,unit,extra\n") ==
                ["t.csv:1: column 'extra': not in schema 't' (expected: period, name, low, unit)"])
        #expect(issues("a,a\n1,2\n", schema: nil) == ["t.csv:1: column 'a': appears twice in the header"])
        #expect(issues("a,,b\n1,2,3\n", schema: nil) == ["t.csv:1: header field 2 has no name"])
    }

    @Test func invalidUTF8Text() {
        let bytes: [UInt8] = Array("a\n".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        do { _ = try CSVLoader.load(bytes: bytes, label: "u.csv"); Issue.record("expected an error") } catch {
            #expect("\(error)" == "u.csv:2: column 'a': not valid UTF-8 text")
        }
    }

    @Test func missingFileIsAnErrorNamingIt() {
        #expect(throws: CSVError.self) { try CSVLoader.load(path: "/nonexistent/x.csv") }
    }

    // MARK: Threads

    /// Chunked parsing gives the same frame and the same errors as one thread.
    @Test func resultIndependentOfThreadCount() throws {
        var rows = ["id,label,x"]
        for i in 0..<60_000 {
            let label = i % 7 == 3 ? "\"multi\nline \(i % 11), \"\"q\"\"\"" : "L\(i % 13)"
            rows.append("\(i),\(label),\(Double(i) * 0.125 - 3)")
        }
        let text = rows.joined(separator: "\n") + "\n"
        var one = CSVOptions(); one.threads = 1
        var two = CSVOptions(); two.threads = 2
        var four = CSVOptions(); four.threads = 4
        let a = try CSVLoader.load(text: text, options: one)
        let bytes = Array(text.utf8)
        let cuts = bytes.withUnsafeBufferPointer { CSVLoader.splitPoints($0.baseAddress!, from: 0, to: bytes.count, parts: 4) }
        #expect(cuts.count == 5)   // the text is big enough to be cut in four
        for o in [two, four] {
            let b = try CSVLoader.load(text: text, options: o)
            #expect(b.rowCount == 60_000)
            #expect(b["x"]!.numericValues! == a["x"]!.numericValues!)
            #expect(b["label"]!.categoricalValues! == a["label"]!.categoricalValues!)
            #expect(b.rowLines == a.rowLines)
        }
        // Errors late in the file keep their true line numbers across threads.
        let bad = text + "60000,x,oops\n"
        var s1: [String] = [], s2: [String] = []
        do { _ = try CSVLoader.load(text: bad, schema: CSVSchema(name: "n", columns: [.init("id", .number), .init("label", .text), .init("x", .number)]), options: one) } catch { s1 = ["\(error)"] }
        do { _ = try CSVLoader.load(text: bad, schema: CSVSchema(name: "n", columns: [.init("id", .number), .init("label", .text), .init("x", .number)]), options: two) } catch { s2 = ["\(error)"] }
        #expect(s1 == s2 && s1.count == 1)
        #expect(s1.first?.contains(":68573: column 'x': cannot parse 'oops'") == true)
    }

    /// Chunks are written in place at offsets sized by a pre-pass (one slot per line end);
    /// blank lines, CR LF and CR-only line ends leave gaps that are closed afterwards. The
    /// frame (values, levels, lines) and late errors must not depend on the thread count.
    @Test func inPlaceChunksWithGapsMatchOneThread() throws {
        let schema = CSVSchema(name: "n", columns: [.init("id", .number), .init("label", .text), .init("x", .number, allowsMissing: true)])
        for ending in ["\n", "\r\n", "\r"] {
            var text = "id,label,x" + ending
            for i in 0..<80_000 {
                text += "\(i),L\((i * 7919) % 101),\(i % 9 == 0 ? "" : String(Double(i) / 8))" + ending
                if i % 1_000 == 17 { text += ending + ending }   // blank lines
            }
            var one = CSVOptions(); one.threads = 1
            var two = CSVOptions(); two.threads = 2
            var three = CSVOptions(); three.threads = 3
            let a = try CSVLoader.load(text: text, schema: schema, options: one)
            #expect(a.rowCount == 80_000)
            let bytes = Array(text.utf8)
            let cuts = bytes.withUnsafeBufferPointer { CSVLoader.splitPoints($0.baseAddress!, from: 0, to: bytes.count, parts: 3) }
            #expect(cuts.count == (ending == "\r" ? 2 : 4))   // CR-only files are not cut
            for o in [two, three] {
                let b = try CSVLoader.load(text: text, schema: schema, options: o)
                #expect(b.rowCount == 80_000)
                #expect(b["id"]!.numericValues! == a["id"]!.numericValues!)
                #expect(b["x"]!.numericValues!.map(\.bitPattern) == a["x"]!.numericValues!.map(\.bitPattern))
                #expect(b["label"]!.categoricalValues! == a["label"]!.categoricalValues!)
                #expect(b.rowLines == a.rowLines)
            }
            #expect(a.rowLines?.last == 1 + 80_000 + 2 * 80)
            // A bad value and a NUL byte late in the file: same message for every thread count.
            for bad in [text + "1,a,oops" + ending, text + "1,a,\u{0}" + ending] {
                let messages = [one, two, three].map { o -> String in
                    do { _ = try CSVLoader.load(text: bad, schema: schema, options: o); return "no error" } catch { return "\(error)" }
                }
                #expect(messages[0] != "no error")
                #expect(messages[1] == messages[0] && messages[2] == messages[0])
            }
        }
    }

    /// A NUL byte is reported before a header problem (the header is read before the body
    /// is surveyed for binary data, so this order is kept on purpose).
    @Test func binaryDataReportedBeforeHeaderProblems() {
        let bytes: [UInt8] = Array("a,a\n1,2\n".utf8) + [0]
        do { _ = try CSVLoader.load(bytes: bytes, label: "x.bin"); Issue.record("expected an error") } catch {
            #expect("\(error)" == "x.bin:3: binary data (a NUL byte at offset 8); not a CSV text file")
        }
    }

    /// Inference re-reads a column as text when a later chunk holds text in it.
    @Test func inferenceRetryAcrossChunks() throws {
        var text = "k,v\n"
        for i in 0..<150_000 { text += "\(i),\(i == 140_000 ? "n/a" : String(i % 97))\n" }
        var one = CSVOptions(); one.threads = 1
        var two = CSVOptions(); two.threads = 2
        let a = try CSVLoader.load(text: text, options: one)
        let b = try CSVLoader.load(text: text, options: two)
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { CSVLoader.splitPoints($0.baseAddress!, from: 0, to: bytes.count, parts: 2) }.count == 3)
        #expect(a["v"]!.categoricalValues != nil)
        #expect(b["v"]!.categoricalValues! == a["v"]!.categoricalValues!)
        #expect(b["k"]!.numericValues! == a["k"]!.numericValues!)
    }

    // MARK: Column projection

    /// Reading a subset of columns gives exactly those columns of a full load (values,
    /// levels, missing cells, row lines), with a schema and with inference, on one and on
    /// several threads; names not in the header are ignored.
    @Test func projectionEqualsTheSameColumnsOfAFullLoad() throws {
        var text = "id,model,region,price,units\n"
        for i in 0..<70_000 {
            let model = i % 5 == 0 ? "\"M \(i % 37), \"\"x\"\"\"" : "M\(i % 37)"
            text += "\(i),\(model),R\(i * 7 % 11),\(Double(i % 1000) / 4),\(i % 13 == 0 ? "" : String(i % 97))\n"
            if i % 9_999 == 0 { text += "\n" }
        }
        let schema = CSVSchema(name: "p", columns: [.init("id", .number), .init("model", .text), .init("region", .text),
                                                    .init("price", .number), .init("units", .number)])
        for sch in [schema, nil] {
            for threads in [1, 2] {
                var all = CSVOptions(); all.threads = threads
                var some = all; some.columns = ["region", "units", "not_a_column"]
                let full = try CSVLoader.load(text: text, schema: sch, options: all)
                let part = try CSVLoader.load(text: text, schema: sch, options: some)
                #expect(part.names == ["region", "units"])
                #expect(part.rowCount == full.rowCount && part.rowLines == full.rowLines)
                #expect(part["region"]!.categoricalValues! == full["region"]!.categoricalValues!)
                #expect(part["units"]!.numericValues!.map(\.bitPattern) == full["units"]!.numericValues!.map(\.bitPattern))
            }
        }
    }

    /// Skipped columns are not validated (documented on `CSVOptions.columns`): a bad number,
    /// a disallowed missing value and invalid UTF-8 there go unreported. The structure of
    /// every record still is (field count, a stray quote), with its true line.
    @Test func skippedColumnsAreNotValidatedButRecordsAre() throws {
        let schema = CSVSchema(name: "s", columns: [.init("a", .number, allowsMissing: false), .init("b", .number, allowsMissing: false)])
        var onlyB = CSVOptions(); onlyB.columns = ["b"]
        let bytes: [UInt8] = Array("a,b\n1,2\noops,3\n,4\n".utf8) + [0xC3, 0x28] + Array(",5\n".utf8)
        let f = try CSVLoader.load(bytes: bytes, label: "s.csv", schema: schema, options: onlyB)
        #expect(f.names == ["b"] && numbers(f, "b") == [2, 3, 4, 5])
        // The same file read whole reports the bad cells.
        #expect(throws: CSVError.self) { try CSVLoader.load(bytes: bytes, label: "s.csv", schema: schema) }
        for (bad, message) in [("a,b\n1,2\n7\n", "s.csv:3: expected 2 fields (as in the header), found 1"),
                               ("a,b\n1,2\nx\"y,3\n", "s.csv:3: column 'a': a quote inside an unquoted field (quote the whole field and double the quote)")] {
            do { _ = try CSVLoader.load(text: bad, label: "s.csv", schema: schema, options: onlyB); Issue.record("expected an error") } catch {
                #expect("\(error)" == message)
            }
        }
    }

    /// A schema's unique key is still checked when the projection leaves its columns out.
    @Test func projectionKeepsUniqueKeyColumns() throws {
        var o = CSVOptions(); o.columns = ["low"]
        let text = "period,name,low,unit\n2026Q1,x,1,pct\n2026Q1,x,2,pct\n"
        do { _ = try CSVLoader.load(text: text, label: "t.csv", schema: Self.schema, options: o); Issue.record("expected an error") } catch {
            #expect("\(error)".contains("t.csv:3: duplicate key (period=2026Q1, name=x) already on line 2"))
        }
        let f = try CSVLoader.load(text: "period,name,low,unit\n2026Q1,x,1,pct\n", schema: Self.schema, options: o)
        #expect(f.names == ["period", "name", "low"])
    }

    /// For records without blank lines the survey's bounds are the exact record counts of
    /// each chunk (LF, CR LF or CR line ends; a CR LF pair may straddle the SIMD steps), so
    /// chunks land where they belong (nothing moved afterwards); a last record without a
    /// line end gets its slot.
    @Test func surveyBoundsAreExactForPlainFiles() {
        for ending in ["\n", "\r\n", "\r"] {
            for tail in [ending, ""] {
                // Varying record lengths put line ends at every offset within the 32-byte steps.
                let text = (0..<120_000).map { "\($0),v\(String(repeating: "x", count: $0 % 37))" }.joined(separator: ending) + tail
                let file = MappedFile(bytes: Array(text.utf8))
                let cuts = CSVLoader.splitPoints(file.base, from: 0, to: file.count, parts: 3)
                #expect(cuts.count == (ending == "\r" ? 2 : 4))   // CR-only files are not cut
                let surveys = CSVLoader.survey(file, label: "t", chunks: cuts, threads: 2)
                #expect(surveys.map(\.recordBound).reduce(0, +) == 120_000, "\(ending.utf8.map { $0 }) tail \(tail.count)")
                #expect(surveys.allSatisfy { $0.firstNUL == nil })
            }
        }
    }

    /// Checking without keeping values (`keepValues = false`) on several threads: the same
    /// problems, with their lines, as one thread, and no rows kept.
    @Test func checkOnlyOnSeveralThreads() throws {
        let schema = CSVSchema(name: "n", columns: [.init("id", .number), .init("x", .number)])
        var text = "id,x\n"
        for i in 0..<120_000 { text += "\(i),\(i % 40_000 == 11 ? "bad" : String(i % 7))\n" }
        var messages: [String] = []
        for threads in [1, 2, 3] {
            var o = CSVOptions(); o.keepValues = false; o.threads = threads
            do { _ = try CSVLoader.load(text: text, schema: schema, options: o); messages.append("no error") } catch { messages.append("\(error)") }
            var clean = o
            clean.threads = threads
            let f = try CSVLoader.load(text: "id,x\n1,2\n" + String(repeating: "3,4\n", count: 300_000), schema: schema, options: clean)
            #expect(f.rowCount == 0 && f.names == ["id", "x"])
        }
        #expect(messages[0].contains(":13: column 'x': cannot parse 'bad'") && messages[0].contains(":80013:"))
        #expect(messages[1] == messages[0] && messages[2] == messages[0])
    }
}
