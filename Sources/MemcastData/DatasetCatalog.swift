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
            for f in files where f.hasSuffix(".csv") {
                let name = String(f.dropLast(4))
                byName[name] = Entry(name: name, path: (dir as NSString).appendingPathComponent(f), fromOverlay: isOverlay)
            }
        }
        embeddedDirectory = embedded
        overlayDirectory = overlay
        entries = byName.values.sorted { $0.name < $1.name }
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
        return try CSVLoader.load(path: e.path, label: (e.path as NSString).lastPathComponent, schema: e.schema, options: options)
    }

    /// The rows of a dataset as observations (every vintage).
    public func observations(_ name: String) throws -> [Observation] {
        let frame = try load(name)
        let base = name.hasSuffix(".csv") ? String(name.dropLast(4)) : name
        return try Observation.rows(of: frame, dataset: base)
    }
}
