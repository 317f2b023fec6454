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
    ///
    /// Every file is first written beside its target; then the targets are replaced one by one,
    /// each previous file kept aside until all are in place. A failure at any step restores the
    /// previous files, removes the new ones and a folder this call created, so the folder holds
    /// either the whole new set or exactly what it held before.
    /// - Throws: `Failure`; on failure no target file has been replaced.
    public static func write(_ files: [(name: String, contents: String)], into directory: String) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        var created = false
        if fm.fileExists(atPath: directory, isDirectory: &isDir) {
            guard isDir.boolValue else { throw Failure(path: directory, reason: "it exists and is not a folder") }
        } else {
            if let reason = Self.makeFolder(directory) {
                throw Failure(path: directory, reason: "cannot create the folder (\(reason))")
            }
            created = true
        }
        let tag = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        struct Slot { var tmp: String; var final: String; var backup: String?; var placed = false }
        var slots: [Slot] = []
        do {
            for f in files {
                let final = path(f.name)
                if fm.fileExists(atPath: final, isDirectory: &isDir), isDir.boolValue {
                    throw Failure(path: final, reason: "a folder of that name is in the way")
                }
                let tmp = path(".\(f.name).\(tag).tmp")
                slots.append(Slot(tmp: tmp, final: final))
                if let reason = Self.create(tmp, contents: f.contents) { throw Failure(path: final, reason: reason) }
            }
            for i in slots.indices {
                if fm.fileExists(atPath: slots[i].final) {
                    let backup = path(".\((slots[i].final as NSString).lastPathComponent).\(tag).previous")
                    if rename(slots[i].final, backup) != 0 {
                        throw Failure(path: slots[i].final, reason: String(cString: strerror(errno)))
                    }
                    slots[i].backup = backup
                }
                if rename(slots[i].tmp, slots[i].final) != 0 {
                    throw Failure(path: slots[i].final, reason: String(cString: strerror(errno)))
                }
                slots[i].placed = true
            }
        } catch {
            for s in slots.reversed() {
                if s.placed { try? fm.removeItem(atPath: s.final) } else { try? fm.removeItem(atPath: s.tmp) }
                if let b = s.backup { _ = rename(b, s.final) }
            }
            if created { try? fm.removeItem(atPath: directory) }
            throw error
        }
        for s in slots { if let b = s.backup { try? fm.removeItem(atPath: b) } }
    }

    /// Creates `directory` and its missing parents; returns why not on failure: a parent that is a file,
    /// else the system's reason (Foundation's error says only "The operation could not be completed" on Linux).
    static func makeFolder(_ directory: String) -> String? {
        let fm = FileManager.default
        var missing: [String] = [], parent = directory
        while !parent.isEmpty, parent != "/", !fm.fileExists(atPath: parent) {
            missing.append(parent)
            parent = (parent as NSString).deletingLastPathComponent
        }
        var isDir: ObjCBool = false
        if !parent.isEmpty, fm.fileExists(atPath: parent, isDirectory: &isDir), !isDir.boolValue {
            return "'\(parent)' is a file, not a folder"
        }
        for d in missing.reversed() where mkdir(d, 0o777) != 0 && errno != EEXIST {
            return String(cString: strerror(errno))
        }
        return nil
    }

    /// Creates `path` (which must not exist) holding `contents`; returns the system's reason on
    /// failure (e.g. "No space left on device"), which Foundation's errors do not always carry here.
    static func create(_ path: String, contents: String) -> String? {
        guard let f = fopen(path, "wx") else { return String(cString: strerror(errno)) }
        let bytes = Array(contents.utf8)
        var failure: Int32 = 0
        if bytes.withUnsafeBufferPointer({ fwrite($0.baseAddress, 1, $0.count, f) }) != bytes.count { failure = errno }
        if fclose(f) != 0, failure == 0 { failure = errno }
        guard failure != 0 else { return nil }
        unlink(path)
        return String(cString: strerror(failure))
    }
}
