import Foundation
import MemcastStatistics

/// Finds the datasets a command reads: the embedded `Datasets/` folder and,
/// optionally, the user's own folder laid over it.
///
/// Where the embedded folder is found, first match wins:
/// 1. the environment variable `MEMCAST_DATASETS` (a folder);
/// 2. walking up from the executable's folder, then from the current folder,
///    looking for `Datasets/README.md` (a binary at `.build/release/memcast`
///    finds `../../Datasets`).
///
/// `--data DIR` (the `overlay`) lays the user's folder over it: a CSV in DIR
/// replaces the embedded file of the same name, other DIR files are added, and
/// embedded files DIR does not have stay visible. With no embedded folder, DIR
/// alone is used.
public struct DatasetCatalog: Sendable {
    /// One dataset file.
    public struct Entry: Sendable, Equatable {
        /// File name without `.csv`.
        public var name: String
        public var path: String
        /// True when it comes from the `--data` folder.
        public var fromOverlay: Bool
        /// The declared schema, when the name is an embedded dataset's.
        public var schema: CSVSchema? { EmbeddedDatasets.schema(for: name) }
        /// How messages name the file: the overlay's full path (so a user can tell their file
        /// from the embedded one), else `name.csv`.
        public var label: String { fromOverlay ? path : "\(name).csv" }
    }

    /// The embedded folder, when found.
    public let embeddedDirectory: String?
    /// The `--data` folder, when given.
    public let overlayDirectory: String?
    /// Every dataset file visible, sorted by name.
    public let entries: [Entry]

    /// Locates the folders and lists their CSV files.
    /// - Throws: `CSVIssue` when `overlay` is not a readable folder, or when neither folder exists.
    public init(overlay: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                executablePath: String? = DatasetCatalog.currentExecutablePath(),
                currentDirectory: String = FileManager.default.currentDirectoryPath) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if let overlay {
            guard fm.fileExists(atPath: overlay, isDirectory: &isDir), isDir.boolValue else {
                throw CSVIssue(file: overlay, line: nil, message: "--data: not a folder")
            }
        }
        let embedded = DatasetCatalog.locateEmbedded(environment: environment, executablePath: executablePath,
                                                     currentDirectory: currentDirectory)
        if overlay == nil && embedded == nil {
            throw CSVIssue(file: "Datasets", line: nil, message:
                "embedded datasets not found (set MEMCAST_DATASETS, pass --data DIR, or run from the memcast folder)")
        }
        var byName: [String: Entry] = [:]
        for (dir, isOverlay) in [(embedded, false), (overlay, true)] {
            guard let dir else { continue }
            let files = (try? fm.contentsOfDirectory(atPath: dir)) ?? []
            if isOverlay {
                let known = Set(byName.keys).union(EmbeddedDatasets.knownNames)
                for f in files.sorted() {
                    if let issue = DatasetCatalog.misnamed(f, in: dir, known: known) { throw issue }
                }
            }
            for f in files where f.hasSuffix(".csv") {
                let name = String(f.dropLast(4))
                byName[name] = Entry(name: name, path: (dir as NSString).appendingPathComponent(f), fromOverlay: isOverlay)
            }
        }
        embeddedDirectory = embedded
        overlayDirectory = overlay
        entries = byName.values.sorted { $0.name < $1.name }
    }

    /// An overlay file whose name is close to, but not, a known dataset's (`memory_price.csv`,
    /// `Memory_Prices.csv`, `memory_prices.CSV`): it would be silently added beside the embedded
    /// file instead of replacing it. Other names are added as the user's own datasets.
    static func misnamed(_ file: String, in dir: String, known: Set<String>) -> CSVIssue? {
        guard file.lowercased().hasSuffix(".csv") else { return nil }
        let base = String(file.dropLast(4))
        if file.hasSuffix(".csv") && known.contains(base) { return nil }
        let lower = base.lowercased()
        // A near miss: the case differs, or up to two letters in a name long enough for that to be a slip.
        guard let near = known.sorted().min(by: { editDistance(lower, $0) < editDistance(lower, $1) }) else { return nil }
        let d = editDistance(lower, near)
        guard d == 0 || (d <= 2 && d * 5 <= near.count) else { return nil }
        return CSVIssue(file: (dir as NSString).appendingPathComponent(file), line: nil, message:
            "--data: not a dataset name, so it would not replace the embedded one; did you mean '\(near).csv'? "
            + "(known: \(known.sorted().map { "\($0).csv" }.joined(separator: ", ")))")
    }

    /// Levenshtein distance (insertions, deletions, substitutions), for near-miss file names.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var prev = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }

    /// The embedded folder by the rules above, or nil.
    public static func locateEmbedded(environment: [String: String], executablePath: String?,
                                      currentDirectory: String) -> String? {
        let fm = FileManager.default
        if let env = environment["MEMCAST_DATASETS"], !env.isEmpty {
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: env, isDirectory: &isDir) && isDir.boolValue ? env : nil
        }
        var starts: [String] = []
        if let exe = executablePath { starts.append((exe as NSString).deletingLastPathComponent) }
        starts.append(currentDirectory)
        for start in starts {
            var dir = (start as NSString).standardizingPath
            while true {
                let candidate = (dir as NSString).appendingPathComponent("Datasets")
                if fm.fileExists(atPath: (candidate as NSString).appendingPathComponent("README.md")) { return candidate }
                let parent = (dir as NSString).deletingLastPathComponent
                if parent == dir || parent.isEmpty { break }
                dir = parent
            }
        }
        return nil
    }

    /// The running executable's path (resolving symlinks on Linux), or nil.
    public static func currentExecutablePath() -> String? {
        #if os(Linux)
        if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return p }
        #endif
        return CommandLine.arguments.first.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }

    /// The entry called `name` (with or without `.csv`).
    public func entry(_ name: String) -> Entry? {
        let base = name.hasSuffix(".csv") ? String(name.dropLast(4)) : name
        return entries.first { $0.name == base }
    }

    /// Loads a dataset with its declared schema (inferred types for files memcast does not know).
    /// - Throws: `CSVIssue` for an unknown name; `CSVError` for bad data.
    public func load(_ name: String, options: CSVOptions = CSVOptions()) throws -> DataFrame {
        guard let e = entry(name) else {
            throw CSVIssue(file: name, line: nil, message:
                "no such dataset (available: \(entries.map(\.name).joined(separator: ", ")))")
        }
        return try CSVLoader.load(path: e.path, label: e.label, schema: e.schema, options: options)
    }

    /// The rows of a dataset as observations (every vintage).
    public func observations(_ name: String) throws -> [Observation] {
        let frame = try load(name)
        let base = name.hasSuffix(".csv") ? String(name.dropLast(4)) : name
        return try Observation.rows(of: frame, dataset: base)
    }
}
