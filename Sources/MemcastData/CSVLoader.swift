#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import MemcastStatistics

/// Loads a CSV file into a columnar `DataFrame`, typed by a schema or by inference.
///
/// Design for speed: the file is memory-mapped and scanned once at the byte
/// level (`CSVScanner`); numbers are parsed straight from the bytes
/// (`DecimalParser`, correctly rounded); text is dictionary-encoded from the
/// bytes (`ByteDictionary`), so no `String` is made per field, only one per
/// distinct value. With `threads > 1` the file is cut at record boundaries
/// into chunks parsed in parallel and merged in file order, so the result
/// (values, level order, errors) is the same for any thread count.
///
/// Errors: every problem (bad number, unknown period, ragged row, unit not
/// declared, duplicate key…) is collected with its line and column, up to
/// `CSVOptions.maxIssues`, and thrown together as a `CSVError`.
///
/// - Complexity: O(file bytes); memory O(rows × columns) for the values kept
///   (none with `keepValues = false`) plus the distinct text values.
public enum CSVLoader {
    /// Loads `path` (shown as `label` in errors, default the path itself).
    /// `schema == nil` infers each column: number when every sampled value parses as one, else text.
    public static func load(path: String, label: String? = nil, schema: CSVSchema? = nil,
                            options: CSVOptions = CSVOptions()) throws -> DataFrame {
        let name = label ?? path
        let file: MappedFile
        do { file = try MappedFile(path: path, label: name) } catch let e as CSVIssue { throw CSVError(e) }
        return try load(file: file, label: name, schema: schema, options: options)
    }

    /// Loads CSV text held in memory (tests, stdin).
    public static func load(text: String, label: String = "<text>", schema: CSVSchema? = nil,
                            options: CSVOptions = CSVOptions()) throws -> DataFrame {
        try load(file: MappedFile(bytes: Array(text.utf8)), label: label, schema: schema, options: options)
    }

    /// Loads bytes held in memory.
    public static func load(bytes: [UInt8], label: String = "<bytes>", schema: CSVSchema? = nil,
                            options: CSVOptions = CSVOptions()) throws -> DataFrame {
        try load(file: MappedFile(bytes: bytes), label: label, schema: schema, options: options)
    }

    static func load(file: MappedFile, label: String, schema: CSVSchema?, options: CSVOptions) throws -> DataFrame {
        let p = file.base
        let n = file.count
        if n == 0 { throw CSVError(CSVIssue(file: label, line: nil, message: "the file is empty (expected a header line)")) }
        // A NUL byte (binary data) is reported before anything else: the body is checked by the
        // parallel survey below, the whole file here when the header already fails.
        let layout: Layout
        do {
            layout = try readHeader(file, label: label, schema: schema, options: options)
        } catch {
            try checkNoNUL(file, label: label, from: 0, to: n)
            throw error
        }
        try checkNoNUL(file, label: label, from: 0, to: layout.bodyStart)
        var types = layout.types
        let chunks = splitPoints(p, from: layout.bodyStart, to: n,
                                 parts: options.threads > 1 ? options.threads * chunksPerThread : 1)
        let surveys = survey(file, label: label, chunks: chunks, threads: options.threads)
        if let at = surveys.compactMap(\.firstNUL).min() { throw nulError(p, at, label: label) }

        // Body: parse; when inference guessed "number" for a column that later holds text, retry it as text.
        while true {
            if let frame = try parseBody(file, label: label, layout: layout, types: &types, chunks: chunks,
                                         surveys: surveys, schema: schema, options: options) {
                return frame
            }
        }
    }

    /// What the header and the schema (or inference) say about the body.
    struct Layout {
        var names: [String]
        var types: [CSVColumnType]
        var allowsMissing: [Bool]
        /// Per column, whether it is read into the frame (`CSVOptions.columns`).
        var reads: [Bool]
        var inferring: Bool
        var headerLine: Int
        var bodyStart: Int
        var bodyLine: Int
    }

    /// Reads the header line and types the columns from `schema` or by inference.
    static func readHeader(_ file: MappedFile, label: String, schema: CSVSchema?, options: CSVOptions) throws -> Layout {
        let p = file.base
        let n = file.count
        func fail(_ line: Int?, _ message: String) -> CSVError {
            CSVError(CSVIssue(file: label, line: line, message: message))
        }
        var start = 0
        if n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { start = 3 }  // UTF-8 BOM

        // Header.
        var scanner = CSVScanner(p, from: start, to: n, delimiter: options.delimiter)
        var step = scanner.next()
        while case .blank = step { step = scanner.next() }
        var names: [String] = []
        switch step {
        case .done:
            scanner.release()
            throw fail(nil, "the file is empty (expected a header line)")
        case .unterminatedQuote(let line):
            scanner.release()
            throw fail(line, "a quoted field opened here is never closed")
        case .blank:
            preconditionFailure("blank lines skipped above")
        case .record:
            var issues: [CSVIssue] = []
            if let problem = scanner.problem {
                issues.append(CSVIssue(file: label, line: scanner.recordLine, message: "header: \(problem.message)"))
            }
            for k in 0..<scanner.fieldCount {
                let text = fieldText(p, scanner.fieldStart[k], scanner.fieldEnd[k], scanner.fieldFlags[k])
                guard let name = text else {
                    issues.append(CSVIssue(file: label, line: scanner.recordLine, message: "header field \(k + 1) is not valid UTF-8"))
                    names.append("?")
                    continue
                }
                if name.isEmpty {
                    issues.append(CSVIssue(file: label, line: scanner.recordLine, message: "header field \(k + 1) has no name"))
                } else if names.contains(name) {
                    issues.append(CSVIssue(file: label, line: scanner.recordLine, column: name, message: "appears twice in the header"))
                }
                names.append(name)
            }
            if !issues.isEmpty { scanner.release(); throw CSVError(issues: issues) }
        }
        let headerLine = scanner.recordLine
        let bodyStart = scanner.pos
        let bodyLine = scanner.line
        scanner.release()

        // Column types from the schema or inferred.
        var types: [CSVColumnType] = []
        var allowsMissing: [Bool] = []
        var inferring = false
        if let schema {
            var issues: [CSVIssue] = []
            for spec in schema.columns where !names.contains(spec.name) {
                issues.append(CSVIssue(file: label, line: headerLine, column: spec.name,
                                       message: "missing from the header (schema '\(schema.name)' requires it)"))
            }
            for name in names {
                if let spec = schema.spec(named: name) {
                    types.append(spec.type); allowsMissing.append(spec.allowsMissing)
                } else if schema.allowsExtraColumns {
                    types.append(.text); allowsMissing.append(true)
                } else {
                    issues.append(CSVIssue(file: label, line: headerLine, column: name,
                                           message: "not in schema '\(schema.name)' (expected: \(schema.columns.map(\.name).joined(separator: ", ")))"))
                    types.append(.text); allowsMissing.append(true)
                }
            }
            if !issues.isEmpty { throw CSVError(issues: issues) }
        } else {
            inferring = true
            types = inferTypes(p, from: bodyStart, to: n, columns: names.count, options: options)
            if let only = options.columns { for c in names.indices where !only.contains(names[c]) { types[c] = .text } }
            allowsMissing = Array(repeating: true, count: names.count)
        }

        // Skipped columns are stepped over as text (never parsed, so never demoted).
        let reads = names.map { name in
            options.columns.map { $0.contains(name) || schema?.uniqueKey.contains(name) == true } ?? true
        }
        for c in names.indices where !reads[c] { types[c] = .text; allowsMissing[c] = true }
        return Layout(names: names, types: types, allowsMissing: allowsMissing, reads: reads, inferring: inferring,
                      headerLine: headerLine, bodyStart: bodyStart, bodyLine: bodyLine)
    }


    /// Parses the body straight into the frame's column arrays; nil when inference must retry
    /// (a column guessed numeric holds text: `types` is updated).
    ///
    /// Each chunk writes its rows in place at an offset given by the record bounds of the
    /// chunks before it (`survey`), so chunks are not copied into the frame afterwards; only
    /// chunks after the first get fix-ups: codes mapped to the merged levels, line numbers
    /// shifted, and a move down when an earlier chunk had fewer records than its bound
    /// (blank lines, line breaks inside quotes, CR LF line ends).
    static func parseBody(_ file: MappedFile, label: String, layout: Layout, types: inout [CSVColumnType],
                          chunks: [Int], surveys: [ChunkSurvey], schema: CSVSchema?,
                          options: CSVOptions) throws -> DataFrame? {
        let parts = chunks.count - 1
        let keep = options.keepValues
        var offsets = [0]
        for s in surveys { offsets.append(offsets.last! + (keep ? s.recordBound : 0)) }
        let job = ChunkJob(file: file, p: file.base, names: layout.names, types: types,
                           allowsMissing: layout.allowsMissing, reads: layout.reads,
                           missing: options.missingValues.map { Array($0.utf8) }, options: options,
                           inferring: layout.inferring, label: label, bytesTotal: file.count - layout.bodyStart)
        let isNumber = types.indices.map { layout.reads[$0] ? types[$0].isNumeric : nil }
        var results: [ChunkResult] = []
        var retry = false
        var rows = 0
        let storage = try ColumnStorage(isNumber: isNumber, capacity: offsets.last!) { columns in
            let box = Slots<ChunkResult>(count: parts)
            ParallelTasks.run(parts, workers: options.threads) { k in
                // Each chunk counts lines from 1; shifted once all earlier chunks are known.
                let r = ChunkResult(types: types, keep: keep, columns: columns, offset: offsets[k],
                                    capacity: offsets[k + 1] - offsets[k])
                box.set(k, job.parse(into: r, from: chunks[k], to: chunks[k + 1], firstLine: k == 0 ? layout.bodyLine : 1))
            }
            results = box.values.map { $0! }
            if layout.inferring, results.contains(where: { !$0.demote.isEmpty }) {
                retry = true
                return 0
            }
            try throwIssues(results, options: options)
            rows = try joinChunks(results, columns: columns, offsets: offsets, threads: options.threads)
            return rows
        }
        if retry {
            for r in results { for c in r.demote { types[c] = .text } }
            return nil
        }
        var frame = DataFrame(source: label)
        for c in 0..<layout.names.count where layout.reads[c] {
            let column: Column
            if isNumber[c]! {
                column = .numeric(storage.numbers[c])
            } else {
                column = .categorical(CategoricalColumn(codes: storage.codes[c], levels: results[0].dictionaries[c].levels))
            }
            try frame.append(layout.names[c], column)
        }
        if keep { frame.rowLines = storage.lines }
        var issues = results.flatMap(\.issues)
        var truncated = false
        // Duplicate keys are reported with the other problems (rows that failed a cell
        // check are still in the frame, with that cell missing).
        if let schema, !schema.uniqueKey.isEmpty, keep {
            do {
                try checkUniqueKey(frame, key: schema.uniqueKey, label: label, limit: options.maxIssues)
            } catch let e as CSVError {
                // File order; on one line, cell problems before the key problem.
                issues = (issues + e.issues).enumerated()
                    .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
                truncated = truncated || e.truncated
            }
        }
        if issues.count > options.maxIssues { issues = Array(issues.prefix(options.maxIssues)); truncated = true }
        if !issues.isEmpty { throw CSVError(issues: issues, truncated: truncated) }
        return frame
    }

    /// Shifts each chunk's issue lines to file lines (chunk k > 0 counted from 1) and throws
    /// when parsing stopped early (an unclosed quote, or `maxIssues` reached).
    static func throwIssues(_ parts: [ChunkResult], options: CSVOptions) throws {
        var shift = 0
        for k in parts.indices {
            if k > 0 {
                parts[k].lineShift = shift - 1
                for i in parts[k].issues.indices { if let l = parts[k].issues[i].line { parts[k].issues[i].line = l + shift - 1 } }
            }
            shift += parts[k].endLine - (k == 0 ? 0 : 1)
        }
        var issues: [CSVIssue] = []
        var truncated = false
        for part in parts {
            issues += part.issues
            truncated = truncated || part.truncated
            if part.fatal { break }
        }
        if parts.contains(where: \.fatal) || truncated {
            throw CSVError(issues: Array(issues.prefix(options.maxIssues)), truncated: truncated || issues.count > options.maxIssues)
        }
    }

    /// Turns the chunks written in place into one frame's columns: per column (in parallel),
    /// chunk k > 0 is moved down when the chunks before it left a gap, its codes are mapped
    /// to chunk 0's dictionary (which absorbs the later chunks' new levels in file order, so
    /// levels stay in order of first appearance), and its line numbers are shifted.
    /// Returns the number of rows.
    static func joinChunks(_ parts: [ChunkResult], columns: ColumnPointers, offsets: [Int], threads: Int) throws -> Int {
        var starts = [0]
        for part in parts { starts.append(starts.last! + part.rows) }
        guard parts.count > 1, parts[0].keep else { return starts.last! }
        let ncols = columns.numbers.count
        // Tasks 0..<ncols are the columns, task ncols the line numbers.
        ParallelTasks.run(ncols + 1, workers: threads) { t in
            for k in 1..<parts.count {
                let from = offsets[k], to = starts[k], count = parts[k].rows
                if t == ncols {
                    let lines = columns.lines!
                    if from != to { (lines + to).update(from: lines + from, count: count) }
                    let shift = parts[k].lineShift
                    for i in to..<(to + count) { lines[i] += shift }
                } else if let v = columns.numbers[t] {
                    if from != to { (v + to).update(from: v + from, count: count) }
                } else if let codes = columns.codes[t] {
                    if from != to { (codes + to).update(from: codes + from, count: count) }
                    let map = parts[0].dictionaries[t].absorb(parts[k].dictionaries[t])
                    if map.indices.contains(where: { map[$0] != Int32($0) }) {
                        map.withUnsafeBufferPointer { m in
                            for i in to..<(to + count) where codes[i] >= 0 { codes[i] = m[Int(codes[i])] }
                        }
                    }
                }
            }
        }
        return starts.last!
    }

    // MARK: - Binary data

    /// Throws the binary-data error when `from..<to` holds a NUL byte. Checked in windows so
    /// a huge file is not held whole.
    static func checkNoNUL(_ file: MappedFile, label: String, from: Int, to: Int) throws {
        var window = from
        while window < to {
            let len = min(releaseStep, to - window)
            if let z = memchr(file.base + window, 0, len) {
                throw nulError(file.base, UnsafePointer<UInt8>(z.assumingMemoryBound(to: UInt8.self)) - file.base, label: label)
            }
            if file.releasesBehind { file.release(from: window, to: window + len) }
            window += len
        }
    }

    static func nulError(_ p: UnsafePointer<UInt8>, _ at: Int, label: String) -> CSVError {
        CSVError(CSVIssue(file: label, line: lineNumber(p, at), message: "binary data (a NUL byte at offset \(at)); not a CSV text file"))
    }

    // MARK: - Chunks

    /// Chunks per parser thread. More chunks than threads, handed out as threads free up,
    /// keep every core busy when one thread is slowed (a core shared with another process
    /// left one of two equal halves running alone for most of the parse).
    static let chunksPerThread = 2

    /// Bytes scanned between hand-backs of a huge file's pages.
    static let releaseStep = 64 << 20

    /// Byte offsets `[start, …, end]` cutting the body into about `parts` pieces at
    /// record boundaries. A cut is a line end outside quotes: the number of quote
    /// bytes before it is even (doubled quotes keep the parity).
    static func splitPoints(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int, parts: Int) -> [Int] {
        let size = end - start
        if parts <= 1 || size < (1 << 20) { return [start, end] }
        var cuts = [start]
        var quotes = 0
        var scanned = start
        for k in 1..<parts {
            let target = start + size * k / parts
            // Count quotes up to the target with memchr (quotes are rare, so this is fast).
            var i = scanned
            while i < target, let q = memchr(p + i, Int32(CSVScanner.quote), target - i) {
                quotes += 1
                i = UnsafePointer<UInt8>(q.assumingMemoryBound(to: UInt8.self)) - p + 1
            }
            var j = target
            // Advance to an LF that is outside quotes.
            while j < end {
                let c = p[j]
                if c == CSVScanner.quote { quotes += 1 } else if c == CSVScanner.lf && quotes % 2 == 0 { break }
                j += 1
            }
            if j >= end { break }
            if j + 1 > cuts.last! { cuts.append(j + 1) }
            scanned = j + 1
        }
        cuts.append(end)
        return cuts
    }

    /// What a pass over a chunk's bytes found before parsing.
    struct ChunkSurvey {
        /// At least the number of records in the chunk: one per line end (LF, CR or CR LF),
        /// plus one for a last record without a line end. It sizes the chunk's slice of the
        /// column arrays; without blank lines or line breaks inside quotes it is exact.
        var recordBound: Int
        /// Offset of the first NUL byte (binary data), if any.
        var firstNUL: Int?
    }

    /// Surveys each chunk `chunks[k]..<chunks[k + 1]` in parallel (memchr and a SIMD count
    /// run at memory speed: a few ms for 100 MB).
    static func survey(_ file: MappedFile, label: String, chunks: [Int], threads: Int) -> [ChunkSurvey] {
        let p = file.base
        let box = Slots<ChunkSurvey>(count: chunks.count - 1)
        ParallelTasks.run(chunks.count - 1, workers: threads) { k in
            // A last record without a line end needs one more slot. (Chunks but the last end
            // after a line end, so their bound is exact and the next chunk's slice follows
            // on directly: no gap to close afterwards.)
            let chunkEnd = chunks[k + 1]
            var bound = chunkEnd > chunks[k] && (p[chunkEnd - 1] == CSVScanner.lf || p[chunkEnd - 1] == CSVScanner.cr) ? 0 : 1
            var nul: Int? = nil
            var window = chunks[k]
            // In windows, so a huge file's pages can be handed back behind the pass.
            while window < chunks[k + 1] {
                let end = min(window + releaseStep, chunks[k + 1])
                file.prefault(from: window, to: end)
                if let z = memchr(p + window, 0, end - window) {
                    nul = UnsafePointer<UInt8>(z.assumingMemoryBound(to: UInt8.self)) - p
                    break
                }
                bound += CSVScanner.countLineEnds(p, window, end)
                if file.releasesBehind { file.release(from: window, to: end) }
                window = end
            }
            box.set(k, ChunkSurvey(recordBound: bound, firstNUL: nul))
        }
        return box.values.map { $0! }
    }

    /// Everything needed to parse one chunk (immutable, shared by threads).
    struct ChunkJob: @unchecked Sendable {
        let file: MappedFile
        let p: UnsafePointer<UInt8>
        let names: [String]
        let types: [CSVColumnType]
        let allowsMissing: [Bool]
        let reads: [Bool]
        let missing: [[UInt8]]
        let options: CSVOptions
        let inferring: Bool
        let label: String
        let bytesTotal: Int

        func parse(into r: ChunkResult, from start: Int, to end: Int, firstLine: Int) -> ChunkResult {
            let ncols = names.count
            var scanner = CSVScanner(p, from: start, to: end, delimiter: options.delimiter, firstLine: firstLine)
            defer { scanner.release() }
            let scratch = ScratchBytes()
            defer { withExtendedLifetime(scratch) {} }   // `base` may point into it until the end
            // Missing-value tokens up to 8 bytes, packed little-endian (longer ones never match).
            let packedMissing: [(length: Int, word: UInt64)] = missing.filter { !$0.isEmpty && $0.count <= 8 }.map { m in
                (m.count, m.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
            }
            let hasNA = !packedMissing.isEmpty
            // For files too large to keep resident, hand back this chunk's scanned pages
            // every 64 MB (values are copies), so memory holds a window, not the file.
            var releasedTo = start
            let releasing = file.releasesBehind
            // Delimiter and line ends must differ from the bytes the fused path treats as data.
            // Missing-value tokens that read as numbers ("-999") are left to the general path too.
            let fused = options.delimiter != CSVScanner.quote && options.delimiter != CSVScanner.lf
                && options.delimiter != CSVScanner.cr && !(0x2D...0x39).contains(options.delimiter)
                && !missing.contains { !$0.isEmpty && $0.allSatisfy { (0x2D...0x39).contains($0) } }
            loop: while true {
                if releasing && scanner.pos - releasedTo > CSVLoader.releaseStep {
                    file.release(from: releasedTo, to: scanner.pos)
                    releasedTo = scanner.pos
                }
                if fused && fusedRecord(&scanner, r, packedMissing: packedMissing) {
                    if r.full { break loop }
                    continue
                }
                switch scanner.next() {
                case .done:
                    break loop
                case .blank:
                    continue
                case .unterminatedQuote(let line):
                    r.issue(CSVIssue(file: label, line: line, message: "a quoted field opened here is never closed (unbalanced quotes)"), limit: options.maxIssues)
                    r.fatal = true
                    break loop
                case .record:
                    let line = scanner.recordLine
                    if let problem = scanner.problem {
                        let col = problem.field < ncols ? names[problem.field] : nil
                        r.issue(CSVIssue(file: label, line: line, column: col, message: problem.message), limit: options.maxIssues)
                        r.badRows += 1
                        if r.full { break loop }
                        continue
                    }
                    if scanner.fieldCount != ncols {
                        r.issue(CSVIssue(file: label, line: line,
                                         message: "expected \(ncols) fields (as in the header), found \(scanner.fieldCount)"),
                                limit: options.maxIssues)
                        r.badRows += 1
                        if r.full { break loop }
                        continue
                    }
                    r.beginRow(line: line)
                    for c in 0..<ncols where reads[c] {
                        var s = scanner.fieldStart[c]
                        var e = scanner.fieldEnd[c]
                        var base = p
                        if scanner.fieldFlags[c] & CSVScanner.escaped != 0 {
                            e = scratch.unescape(p, s, e)
                            s = 0
                            base = UnsafePointer(scratch.base)
                        }
                        let len = e - s
                        var isMissing = len == 0
                        if !isMissing && hasNA && len <= 8 {
                            // Short fields packed into a word and compared with the packed tokens.
                            var w: UInt64 = 0
                            for k in 0..<len { w |= UInt64(base[s + k]) << (8 * UInt64(k)) }
                            for t in 0..<packedMissing.count where packedMissing[t].length == len && packedMissing[t].word == w {
                                isMissing = true
                                break
                            }
                        }
                        if isMissing {
                            if !allowsMissing[c] {
                                r.issue(CSVIssue(file: label, line: line, column: names[c], message: "a value is required here (found none)"), limit: options.maxIssues)
                            }
                            r.appendMissing(c)
                            continue
                        }
                        if r.isNumber[c] {
                            if let v = DecimalParser.parse(base, s, e) {
                                if v.isFinite {
                                    r.appendNumber(c, v)
                                } else {
                                    // Beyond ±1.8e308: as an infinity it failed far from here, without a line.
                                    r.issue(CSVIssue(file: label, line: line, column: names[c],
                                                     message: "'\(preview(base, s, e))' is out of range for a number "
                                                        + "(beyond ±1.8e308)"), limit: options.maxIssues)
                                    r.appendMissing(c)
                                }
                            } else if inferring {
                                r.demote.insert(c)
                                r.appendMissing(c)
                            } else {
                                r.issue(CSVIssue(file: label, line: line, column: names[c],
                                                 message: "cannot parse '\(preview(base, s, e))' as a number"), limit: options.maxIssues)
                                r.appendMissing(c)
                            }
                        } else if let message = r.appendText(c, base, s, e, readable: base == p ? file.count : e) {
                            r.issue(CSVIssue(file: label, line: line, column: names[c], message: message), limit: options.maxIssues)
                        }
                    }
                    r.endRow()
                    if r.full { break loop }
                }
            }
            r.endLine = scanner.line
            return r
        }

        /// The common record in one pass: fields split and numbers parsed together, so each
        /// byte is read once (the general path below finds field bounds, then parses).
        ///
        /// It accepts only a record the general path would take without remark: exactly
        /// `ncols` fields; numbers written `[-]digits[.digits]` with at most 19 digits and a
        /// value ≤ 2⁵³ before scaling (Clinger's exact case, so the same double as
        /// `DecimalParser`); text unquoted or quoted without doubled quotes or line breaks,
        /// accepted by `appendText`; missing cells only where allowed and only as empty
        /// fields (a text cell equal to a missing-value token is left to the general path).
        /// Anything else returns false with `scanner` untouched and the row not counted;
        /// the general path then reads the record, reporting what is wrong. So results
        /// (values, levels, errors) are the general path's, only faster.
        @inline(__always)
        private func fusedRecord(_ scanner: inout CSVScanner, _ r: ChunkResult,
                                 packedMissing: [(length: Int, word: UInt64)]) -> Bool {
            let end = scanner.end
            var i = scanner.pos
            guard i < end else { return false }
            let first = p[i]
            if first == CSVScanner.lf || first == CSVScanner.cr { return false }
            let d = options.delimiter
            let ncols = names.count
            var lineEnded = false
            r.beginRow(line: scanner.line)
            for c in 0..<ncols {
                let last = c == ncols - 1
                if r.isNumber[c] {
                    // [-]digits[.digits], parsed while scanning.
                    let s = i
                    var neg = false
                    if i < end && p[i] == 0x2D { neg = true; i += 1 }
                    var m: UInt64 = 0, digits = 0, fraction = 0
                    while i < end {
                        let dg = p[i] &- 48
                        if dg > 9 { break }
                        m = m &* 10 &+ UInt64(dg); digits += 1; i += 1
                    }
                    if i < end && p[i] == 0x2E {
                        i += 1
                        while i < end {
                            let dg = p[i] &- 48
                            if dg > 9 { break }
                            m = m &* 10 &+ UInt64(dg); digits += 1; fraction += 1; i += 1
                        }
                    }
                    if digits > 0 {
                        guard digits <= 19, m <= 1 << 53 else { return false }
                        var v = Double(m)
                        if fraction > 0 { v /= DecimalParser.powersOfTen[fraction] }
                        r.appendNumber(c, neg ? -v : v)
                    } else {
                        // Nothing read: an empty field (its end is checked below), else not ours.
                        guard i == s, allowsMissing[c] else { return false }
                        r.appendMissing(c)
                    }
                } else {
                    var s = i, e: Int
                    var quoted = false
                    if i < end && p[i] == CSVScanner.quote {
                        // Quoted: up to the next quote; a doubled quote or a line break inside
                        // is left to the general path.
                        quoted = true
                        s = i + 1
                        guard let q = memchr(p + s, Int32(CSVScanner.quote), end - s) else { return false }
                        e = UnsafePointer<UInt8>(q.assumingMemoryBound(to: UInt8.self)) - p
                        if memchr(p + s, Int32(CSVScanner.lf), e - s) != nil || memchr(p + s, Int32(CSVScanner.cr), e - s) != nil {
                            return false
                        }
                        i = e + 1
                        if i < end && p[i] == CSVScanner.quote { return false }
                    } else {
                        // Unquoted: eight bytes at a time to the delimiter, a line end or a quote.
                        i = scanner.skipPlainBytes(from: i)
                        while i < end {
                            let b = p[i]
                            if b == d || b == CSVScanner.lf || b == CSVScanner.cr || b == CSVScanner.quote { break }
                            i += 1
                        }
                        if i < end && p[i] == CSVScanner.quote { return false }
                        e = i
                    }
                    let len = e - s
                    if !reads[c] {
                        // A skipped column: stepped over, not checked.
                    } else if len == 0 {
                        guard !quoted, allowsMissing[c] else { return false }
                        r.appendMissing(c)
                    } else {
                        if len <= 8 && !packedMissing.isEmpty {
                            var w: UInt64 = 0
                            for k in 0..<len { w |= UInt64(p[s + k]) << (8 * UInt64(k)) }
                            for t in 0..<packedMissing.count where packedMissing[t].length == len && packedMissing[t].word == w {
                                return false
                            }
                        }
                        if r.appendText(c, p, s, e, readable: file.count) != nil { return false }
                    }
                }
                // The field must end where the record says: a delimiter between fields,
                // a line end (or the end of the range) after the last.
                if last {
                    if i < end {
                        let b = p[i]
                        if b == CSVScanner.lf { i += 1 } else if b == CSVScanner.cr {
                            i += 1
                            if i < end && p[i] == CSVScanner.lf { i += 1 }
                        } else { return false }
                        lineEnded = true
                    }
                } else {
                    guard i < end && p[i] == d else { return false }
                    i += 1
                }
            }
            r.endRow()
            scanner.pos = i
            if lineEnded { scanner.line += 1 }
            return true
        }

    }

    /// What one chunk produced: per-column values, or codes into chunk-local dictionaries.
    ///
    /// Every accepted row writes exactly one slot in every column, so all columns share
    /// one row count. Values are written straight into the frame's column arrays at this
    /// chunk's offset (`ColumnPointers`); without `keep`, into one reused slot per column.
    /// Raw pointers: the inner loop then costs no reference counting or copy-on-write checks.
    final class ChunkResult: @unchecked Sendable {
        let ncols: Int
        let keep: Bool
        let types: [CSVColumnType]
        let isNumber: UnsafeMutablePointer<Bool>
        private let numbers: UnsafeMutablePointer<UnsafeMutablePointer<Double>>
        private let codes: UnsafeMutablePointer<UnsafeMutablePointer<Int32>>
        private let lines: UnsafeMutablePointer<Int>
        /// The single slots used when values are not kept.
        private let ownedNumbers: UnsafeMutablePointer<Double>
        private let ownedCodes: UnsafeMutablePointer<Int32>
        private let ownedLine: UnsafeMutablePointer<Int>
        private(set) var rows = 0
        private let capacity: Int
        let dictionaries: [ByteDictionary]
        private let dictionaryRefs: UnsafeMutablePointer<Unmanaged<ByteDictionary>>
        /// Per text column, the code of the previous row's value (runs of one value then
        /// skip hashing), or -1.
        private let lastCode: UnsafeMutablePointer<Int32>
        var issues: [CSVIssue] = []
        var truncated = false
        var fatal = false
        var badRows = 0
        var demote: Set<Int> = []
        var endLine = 1
        /// Added to this chunk's line numbers (counted from 1) to make them file lines.
        var lineShift = 0

        /// Writes rows `offset..<offset + capacity` of `columns` (when `keep`).
        init(types: [CSVColumnType], keep: Bool, columns: ColumnPointers, offset: Int, capacity: Int) {
            self.types = types
            self.keep = keep
            ncols = types.count
            let n = max(ncols, 1)
            isNumber = .allocate(capacity: n)
            numbers = .allocate(capacity: n)
            codes = .allocate(capacity: n)
            lastCode = .allocate(capacity: n)
            ownedNumbers = .allocate(capacity: n)
            ownedCodes = .allocate(capacity: n)
            ownedLine = .allocate(capacity: 1)
            dictionaries = types.map { _ in ByteDictionary() }
            dictionaryRefs = .allocate(capacity: n)
            self.capacity = keep ? capacity : 1
            lines = keep ? columns.lines! + offset : ownedLine
            for c in 0..<ncols {
                isNumber[c] = types[c].isNumeric
                // A column without an array (not read, or of the other kind) gets the spare slot.
                numbers[c] = keep ? columns.numbers[c].map { $0 + offset } ?? ownedNumbers + c : ownedNumbers + c
                codes[c] = keep ? columns.codes[c].map { $0 + offset } ?? ownedCodes + c : ownedCodes + c
                lastCode[c] = -1
                dictionaryRefs[c] = Unmanaged.passUnretained(dictionaries[c])
            }
        }

        deinit {
            numbers.deallocate(); codes.deallocate(); ownedNumbers.deallocate(); ownedCodes.deallocate()
            ownedLine.deallocate(); isNumber.deallocate(); lastCode.deallocate(); dictionaryRefs.deallocate()
        }

        var full: Bool { truncated }

        /// The slot the current row writes (0 when values are not kept).
        @inline(__always)
        var slot: Int { keep ? rows : 0 }

        /// Starts a row and records its line.
        @inline(__always)
        func beginRow(line: Int) {
            // The survey's bound is never exceeded; a broken bound must not write past the slice.
            precondition(rows < capacity, "chunk record bound exceeded")
            lines[slot] = line
        }

        @inline(__always)
        func endRow() { if keep { rows += 1 } }

        func issue(_ i: CSVIssue, limit: Int) {
            if issues.count < limit { issues.append(i) } else { truncated = true }
        }

        @inline(__always)
        func appendNumber(_ c: Int, _ v: Double) { numbers[c][slot] = v }

        @inline(__always)
        func appendMissing(_ c: Int) {
            if isNumber[c] { numbers[c][slot] = .nan } else { codes[c][slot] = -1 }
        }

        /// Encodes a text field; returns an error message when the value is not allowed.
        /// `readable`: bytes of `p` before this offset may be read (see `ByteDictionary.shortKey`).
        @inline(__always)
        func appendText(_ c: Int, _ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, readable: Int) -> String? {
            let last = lastCode[c]
            // A known value's code goes in; a new one is validated and added.
            @inline(__always)
            func store(_ found: Int32?) -> String? {
                guard let code = found else { return appendNewText(c, p, s, e) }
                codes[c][slot] = code
                lastCode[c] = code
                return nil
            }
            let len = e - s
            if len <= ByteDictionary.shortLimit {
                // Short values (the usual labels and codes) are compared as two words.
                let (k0, k1) = ByteDictionary.shortKey(p, s, e, readable: readable)
                let found: Int32? = dictionaryRefs[c]._withUnsafeGuaranteedRef { dict -> Int32? in
                    if last >= 0 {
                        if dict.hasKey(last, k0, k1, len) { return last }
                        let next = dict.successor(of: last)
                        if next >= 0 && dict.hasKey(next, k0, k1, len) { return next }
                    }
                    let code = dict.findShort(k0, k1, len, hash: ByteDictionary.shortHash(k0, k1, len))
                    if let code, last >= 0 { dict.setSuccessor(of: last, code) }
                    return code
                }
                return store(found)
            }
            let found: Int32? = dictionaryRefs[c]._withUnsafeGuaranteedRef { dict -> Int32? in
                guard last >= 0 else { return dict.find(p, s, e, hash: ByteDictionary.hash(p, s, e)) }
                // The same value again, or the value that followed it last time
                // (a panel sorted by period cycles through its entities in order).
                if dict.matches(last, p, s, e) { return last }
                let next = dict.successor(of: last)
                if next >= 0 && dict.matches(next, p, s, e) { return next }
                let code = dict.find(p, s, e, hash: ByteDictionary.hash(p, s, e))
                if let code { dict.setSuccessor(of: last, code) }
                return code
            }
            return store(found)
        }

        /// A value not seen before in this chunk: validate, then add a level.
        func appendNewText(_ c: Int, _ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> String? {
            codes[c][slot] = -1
            let bytes = UnsafeBufferPointer(start: p + s, count: e - s)
            switch types[c] {
            case .period, .publicationDate, .category:
                guard let text = String(validating: bytes, as: UTF8.self) else { return "not valid UTF-8 text" }
                switch types[c] {
                case .period where Period(text) == nil:
                    return "cannot parse '\(clip(text))' as a period (expected YYYY, YYYYQn, YYYYHn, YYYY-MM or YYYY-MM-DD)"
                case .publicationDate where PublicationDate(text) == nil:
                    return "cannot parse '\(clip(text))' as a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
                case .category(let allowed) where !allowed.contains(text):
                    return "'\(clip(text))' is not one of the declared values (\(allowed.sorted().joined(separator: ", ")))"
                default:
                    break
                }
            default:
                // Plain text only has to be UTF-8: ASCII (the usual case) needs no decoding.
                if !bytes.allSatisfy({ $0 < 0x80 }) && String(validating: bytes, as: UTF8.self) == nil {
                    return "not valid UTF-8 text"
                }
            }
            let code = dictionaries[c].insert(p, s, e, hash: ByteDictionary.hash(p, s, e))
            if lastCode[c] >= 0 { dictionaries[c].setSuccessor(of: lastCode[c], code) }
            codes[c][slot] = code
            lastCode[c] = code
            return nil
        }

    }

    /// Thread-safe slots for per-chunk results (each index written by one thread).
    final class Slots<T>: @unchecked Sendable {
        private(set) var values: [T?]
        private let lock = NSLockish()
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ k: Int, _ v: T) { lock.sync { values[k] = v } }
    }

    static func checkUniqueKey(_ frame: DataFrame, key: [String], label: String, limit: Int) throws {
        let cols = key.compactMap { frame[$0] }
        guard cols.count == key.count else { return }
        var seen: [[UInt64]: Int] = [:]
        var issues: [CSVIssue] = []
        var truncated = false
        for r in 0..<frame.rowCount {
            let k: [UInt64] = cols.map { col in
                switch col {
                case .numeric(let v): return v[r].isNaN ? UInt64.max : v[r].bitPattern
                case .categorical(let c): return UInt64(bitPattern: Int64(c.codes[r]))
                }
            }
            if let first = seen[k] {
                if issues.count >= limit { truncated = true; break }
                let values = zip(key, cols).map { name, col -> String in
                    switch col {
                    case .numeric(let v): return "\(name)=\(v[r])"
                    case .categorical(let c): return "\(name)=\(c[r] ?? "")"
                    }
                }
                issues.append(CSVIssue(file: label, line: frame.rowLines?[r],
                                       message: "duplicate key (\(values.joined(separator: ", "))) already on line \(frame.rowLines?[first] ?? first + 1)"))
            } else {
                seen[k] = r
            }
        }
        if !issues.isEmpty { throw CSVError(issues: issues, truncated: truncated) }
    }

    // MARK: - Inference and helpers

    /// Number when every non-missing sampled value parses as a number (all missing: number), else text.
    static func inferTypes(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int, columns: Int, options: CSVOptions) -> [CSVColumnType] {
        var numeric = [Bool](repeating: true, count: columns)
        var scanner = CSVScanner(p, from: start, to: end, delimiter: options.delimiter)
        defer { scanner.release() }
        let missing = Set(options.missingValues)
        var rows = 0
        let scratch = ScratchBytes()
        defer { withExtendedLifetime(scratch) {} }
        while rows < options.inferenceRows {
            let step = scanner.next()
            if case .done = step { break }
            if case .unterminatedQuote = step { break }
            guard case .record = step, scanner.fieldCount == columns else { continue }
            rows += 1
            for c in 0..<columns where numeric[c] {
                var s = scanner.fieldStart[c], e = scanner.fieldEnd[c]
                var base = p
                if scanner.fieldFlags[c] & CSVScanner.escaped != 0 {
                    e = scratch.unescape(p, s, e); s = 0
                    base = UnsafePointer(scratch.base)
                }
                if e - s <= 4, missing.contains(String(decoding: UnsafeBufferPointer(start: base + s, count: e - s), as: UTF8.self)) { continue }
                if DecimalParser.parse(base, s, e) == nil { numeric[c] = false }
            }
        }
        return numeric.map { $0 ? .number : .text }
    }

    /// Copies a quoted field's content with each `""` turned into `"`.
    static func unescape(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var i = s
        while i < e {
            out.append(p[i])
            i += p[i] == CSVScanner.quote ? 2 : 1
        }
        if out.isEmpty { out.reserveCapacity(1) }
    }

    /// Decoded text of a field (nil when not UTF-8).
    static func fieldText(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, _ flags: UInt8) -> String? {
        if flags & CSVScanner.escaped != 0 {
            var out: [UInt8] = []
            unescape(p, s, e, into: &out)
            return String(validating: out, as: UTF8.self)
        }
        return String(validating: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self)
    }

    static func preview(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> String {
        clip(String(decoding: UnsafeBufferPointer(start: p + s, count: min(e - s, 60)), as: UTF8.self))
    }

    static func clip(_ s: String) -> String { s.count > 40 ? String(s.prefix(40)) + "…" : s }

    /// 1-based line of byte offset `at`.
    static func lineNumber(_ p: UnsafePointer<UInt8>, _ at: Int) -> Int {
        var line = 1
        for i in 0..<at where p[i] == CSVScanner.lf { line += 1 }
        return line
    }
}

/// Reusable bytes for unescaped quoted fields. Its memory is owned here (not an
/// array whose storage could be released while a pointer into it is still read).
final class ScratchBytes {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private var capacity = 256

    init() { base = .allocate(capacity: capacity) }
    deinit { base.deallocate() }

    /// Writes `p[s..<e]` with each `""` turned into `"`; returns the length written.
    func unescape(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        if e - s > capacity {
            base.deallocate()
            capacity = e - s
            base = .allocate(capacity: capacity)
        }
        var i = s, n = 0
        while i < e {
            base[n] = p[i]
            n += 1
            i += p[i] == CSVScanner.quote ? 2 : 1
        }
        return n
    }
}

/// A minimal mutex (pthread) so this module needs no Foundation.
final class NSLockish: @unchecked Sendable {
    private var m = pthread_mutex_t()
    init() { pthread_mutex_init(&m, nil) }
    deinit { pthread_mutex_destroy(&m) }
    func sync<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&m); defer { pthread_mutex_unlock(&m) }
        return body()
    }
}
