import Foundation

/// Why an output file could not be written (the CLI maps it to exit 73).
public struct OutputFileError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write '\(path)': \(reason)" }
}

/// Writes outputs all at once or not at all.
public enum OutputFile {
    /// Writes `contents` to `path` as a set of one (`OutputSet`): a temporary file in the same
    /// folder, then a rename, so a reader never sees a half-written file and a failure leaves
    /// any previous file untouched.
    /// - Throws: `OutputFileError` when the folder does not exist or is a file, the
    ///   path is a folder, or the folder is not writable.
    public static func write(_ contents: String, to path: String) throws {
        try checkWritable(path)
        let url = URL(fileURLWithPath: path)
        do {
            try OutputSet.write([(url.lastPathComponent, contents)], into: url.deletingLastPathComponent().path)
        } catch let f as OutputSet.Failure {
            throw OutputFileError(path: path, reason: f.reason)
        }
    }

    /// Why a file name does not fit the format written, or nil: an extension promising another format
    /// (e.g. `fan.png` for an SVG) would make a viewer fail to open it; a name without one is taken as given.
    ///
    /// Example: `mismatchedExtension("fan.png", allowed: ["svg"], option: "--out", writes: "SVG")` →
    /// "--out 'fan.png': this command writes SVG; name the file .svg".
    public static func mismatchedExtension(_ path: String, allowed: [String], option: String, writes format: String) -> String? {
        let ext = (path as NSString).pathExtension.lowercased()
        guard !ext.isEmpty, !allowed.contains(ext) else { return nil }
        return "\(option) '\(path)': this command writes \(format); name the file " + allowed.map { ".\($0)" }.joined(separator: " or ")
    }

    /// Fails early, before any work, when `path` cannot be written: the folder is
    /// missing or not writable, or the path is a folder. A device or pipe (`/dev/stdout`)
    /// is written in place, so it must be writable itself; a link, the folder it points into.
    public static func checkWritable(_ path: String) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw OutputFileError(path: path, reason: "it is a directory")
        }
        let (target, inPlace) = OutputSet.target(path)
        if inPlace {
            guard fm.isWritableFile(atPath: target) else { throw OutputFileError(path: path, reason: "it is not writable") }
            return
        }
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        guard fm.fileExists(atPath: folder, isDirectory: &isDir) else {
            throw OutputFileError(path: path, reason: "folder '\(folder)' does not exist")
        }
        guard isDir.boolValue else {
            throw OutputFileError(path: path, reason: "'\(folder)' is a file, not a folder")
        }
        guard fm.isWritableFile(atPath: folder) else {
            throw OutputFileError(path: path, reason: "folder '\(folder)' is not writable")
        }
    }
}
