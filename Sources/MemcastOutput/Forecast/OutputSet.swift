import Foundation

/// Writes several output files all or none: each goes to a temporary file in the target
/// folder first, and only when every one is written are they renamed into place.
public enum OutputSet {
    /// Why the outputs could not be written (the CLI maps it to exit 73).
    public struct Failure: Error, Equatable, CustomStringConvertible {
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
        struct Slot {
            var tmp: String; var final: String; var shown: String; var contents: String
            var inPlace = false; var backup: String?; var placed = false
        }
        var slots: [Slot] = []
        do {
            for f in files {
                let shown = path(f.name)
                if fm.fileExists(atPath: shown, isDirectory: &isDir), isDir.boolValue {
                    throw Failure(path: shown, reason: "a folder of that name is in the way")
                }
                let (final, inPlace) = Self.target(shown)
                // Beside the file itself, so the rename stays within one file system.
                let tmp = ((final as NSString).deletingLastPathComponent as NSString)
                    .appendingPathComponent(".\((final as NSString).lastPathComponent).\(tag).tmp")
                slots.append(Slot(tmp: tmp, final: final, shown: shown, contents: f.contents, inPlace: inPlace))
                if inPlace { continue }
                if let reason = Self.create(tmp, contents: f.contents) {
                    throw Failure(path: shown, reason: final == shown ? reason : "\(reason) (it links to '\(final)')")
                }
            }
            for i in slots.indices {
                if slots[i].inPlace {
                    if let reason = Self.create(slots[i].final, contents: slots[i].contents, exclusive: false) {
                        throw Failure(path: slots[i].shown, reason: reason)
                    }
                    continue
                }
                if fm.fileExists(atPath: slots[i].final) {
                    let backup = String(slots[i].tmp.dropLast(".tmp".count)) + ".previous"
                    if rename(slots[i].final, backup) != 0 {
                        throw Failure(path: slots[i].shown, reason: String(cString: strerror(errno)))
                    }
                    slots[i].backup = backup
                }
                if rename(slots[i].tmp, slots[i].final) != 0 {
                    throw Failure(path: slots[i].shown, reason: String(cString: strerror(errno)))
                }
                slots[i].placed = true
            }
        } catch {
            for s in slots.reversed() where !s.inPlace {
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

    /// Where writing `path` lands, and whether in place. A link is followed, so the file it names is
    /// replaced and the link stays; a link to nothing creates the file it names, as a shell's `>` does.
    /// A device or pipe (`/dev/null`, `/dev/stdout`, a FIFO) is written in place: renaming over it
    /// would put a regular file where it was.
    static func target(_ path: String) -> (path: String, inPlace: Bool) {
        var st = stat()
        guard stat(path, &st) == 0 else {
            // A loop of links is written in place, so the write fails with the system's reason.
            let loop = errno == ELOOP
            return danglingTarget(path).map { ($0, false) } ?? (path, loop)
        }
        let type = st.st_mode & S_IFMT
        if type != S_IFREG && type != S_IFDIR { return (path, true) }
        guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFLNK, let r = realpath(path, nil) else { return (path, false) }
        defer { free(r) }
        return (String(cString: r), false)
    }

    /// The path a link to nothing names, followed through further links (relative ones from the
    /// link's folder); nil when `path` is no link, or the links loop.
    static func danglingTarget(_ path: String) -> String? {
        var current = path
        for _ in 0..<40 {   // Linux's limit on links followed in one lookup
            guard let next = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
                return current == path ? nil : current
            }
            current = next.hasPrefix("/") ? next
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(next)
        }
        return nil
    }

    /// Creates `path` (which must not exist unless `exclusive` is false: a device written in place)
    /// holding `contents`; returns the system's reason on failure (e.g. "No space left on device"),
    /// which Foundation's errors do not always carry here.
    static func create(_ path: String, contents: String, exclusive: Bool = true) -> String? {
        guard let f = fopen(path, exclusive ? "wx" : "w") else { return String(cString: strerror(errno)) }
        let bytes = Array(contents.utf8)
        var failure: Int32 = 0
        if bytes.withUnsafeBufferPointer({ fwrite($0.baseAddress, 1, $0.count, f) }) != bytes.count { failure = errno }
        if fclose(f) != 0, failure == 0 { failure = errno }
        guard failure != 0 else { return nil }
        if exclusive { unlink(path) }
        return String(cString: strerror(failure))
    }
}
