import Foundation

/// Writes several output files all or none: each goes to a temporary file in the target
/// folder first, and only when every one is written are they renamed into place.
public enum OutputSet {
    /// Why the outputs could not be written (the CLI maps it to exit 73).
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write '\(path)': \(reason)" }
    }

    /// Writes `files` (name → contents) into `directory`, creating it when missing.
    /// - Throws: `Failure`; on failure no target file has been replaced.
    public static func write(_ files: [(name: String, contents: String)], into directory: String) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: directory, isDirectory: &isDir) {
            guard isDir.boolValue else { throw Failure(path: directory, reason: "it exists and is not a folder") }
        } else {
            do { try fm.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                throw Failure(path: directory, reason: "cannot create the folder (\(error.localizedDescription))")
            }
        }
        var temps: [(tmp: String, final: String)] = []
        let tag = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        do {
            for f in files {
                let final = (directory as NSString).appendingPathComponent(f.name)
                let tmp = (directory as NSString).appendingPathComponent(".\(f.name).\(tag).tmp")
                guard fm.createFile(atPath: tmp, contents: Data(f.contents.utf8)) else {
                    throw Failure(path: final, reason: "the folder is not writable")
                }
                temps.append((tmp, final))
            }
            for t in temps {
                if rename(t.tmp, t.final) != 0 { throw Failure(path: t.final, reason: String(cString: strerror(errno))) }
            }
        } catch {
            for t in temps { try? fm.removeItem(atPath: t.tmp) }
            throw error
        }
    }
}
