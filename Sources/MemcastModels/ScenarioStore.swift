import Foundation

/// Named scenarios: the built-in `as-published` plus every `*.toml` in the embedded
/// `Datasets/scenarios/` folder. `--scenario` also accepts a path to a TOML file.
public struct ScenarioStore: Sendable {
    /// The folder of named scenario files (nil when the datasets have none).
    public let directory: String?

    /// - Parameter datasetsDirectory: the embedded `Datasets/` folder.
    public init(datasetsDirectory: String?) {
        let dir = datasetsDirectory.map { ($0 as NSString).appendingPathComponent("scenarios") }
        var isDir: ObjCBool = false
        directory = dir.flatMap { FileManager.default.fileExists(atPath: $0, isDirectory: &isDir) && isDir.boolValue ? $0 : nil }
    }

    /// Names of the named scenarios, `as-published` first, then files in name order.
    public func names() -> [String] {
        let files = directory.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0) } ?? []
        return ["as-published"] + files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The file of a named scenario, or nil for `as-published` or an unknown name.
    public func path(of name: String) -> String? {
        guard let d = directory else { return nil }
        let p = (d as NSString).appendingPathComponent("\(name).toml")
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }

    /// The file behind `--scenario NAME|FILE`: a named scenario's file or the path as given;
    /// nil for the built-in `as-published`.
    /// - Throws: `ScenarioStore.Failure.unknown` for an unknown name, `.unreadable` for a missing file.
    public func file(of nameOrPath: String) throws -> String? {
        if nameOrPath == Scenario.asPublished.name { return nil }
        if let p = self.path(of: nameOrPath) { return p }
        guard nameOrPath.hasSuffix(".toml") || nameOrPath.contains("/") else {
            throw Failure.unknown(nameOrPath, known: names())
        }
        guard FileManager.default.isReadableFile(atPath: nameOrPath) else { throw Failure.unreadable(nameOrPath) }
        return nameOrPath
    }

    /// Resolves `--scenario NAME|FILE`.
    /// - Throws: `ScenarioStore.Failure.unknown` (a usage error) for an unknown name,
    ///   `TOMLError` for a malformed file.
    public func load(_ nameOrPath: String) throws -> Scenario {
        guard let path = try file(of: nameOrPath) else { return .asPublished }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw Failure.unreadable(path)
        }
        // A shipped scenario is named by its file; a user's file by the path they typed, so errors point at it.
        return try Scenario(toml: text, file: path == nameOrPath ? nameOrPath : (path as NSString).lastPathComponent)
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unknown(String, known: [String])
        case unreadable(String)

        public var description: String {
            switch self {
            case let .unknown(n, known):
                return "unknown scenario '\(n)'; known: \(known.joined(separator: ", ")) (or give a path to a .toml file)"
            case .unreadable(let p): return "cannot read scenario file '\(p)'"
            }
        }
    }
}
