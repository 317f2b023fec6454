import Foundation

/// Runs the built `memcast` binary (it sits beside the test bundle in the build
/// products folder) and captures what a user would see.
struct CLIRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLIRunner {
    /// The package root (two levels above this file's folder).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `memcast` executable in the same products folder as the running tests.
    static var binary: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // The test runner may be inside `memcastPackageTests.xctest`; climb until `memcast` is found.
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("memcast")
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), !isDir.boolValue {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/memcast")
    }

    /// Runs `memcast args…` in `directory` (default: the package root), pinning width and locale;
    /// `environment` adds or overrides variables (e.g. `SOURCE_DATE_EPOCH`).
    static func run(_ args: [String], in directory: URL? = nil, stdin: String? = nil,
                    environment: [String: String] = [:]) throws -> CLIRun {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = directory ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = "100"; env["LC_ALL"] = "C"; env["NO_COLOR"] = "1"
        env.merge(environment) { $1 }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        let inPipe = Pipe()
        p.standardInput = inPipe
        try p.run()
        if let s = stdin { inPipe.fileHandleForWriting.write(s.data(using: .utf8)!) }
        try? inPipe.fileHandleForWriting.close()
        // Read before waiting so a large output cannot fill the pipe and block.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLIRun(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self))
    }
}
