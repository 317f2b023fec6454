import Foundation
import Testing
@testable import MemcastOutput

/// `OutputSet.write` is all or none: the folder ends with the whole new set or with what it held before.
@Suite struct OutputSetTests {
    static func tempDir() throws -> String {
        let d = (NSTemporaryDirectory() as NSString).appendingPathComponent("outputset-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }
    static func listing(_ d: String) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: d).sorted() }
    static func read(_ d: String, _ name: String) throws -> String {
        try String(contentsOfFile: (d as NSString).appendingPathComponent(name), encoding: .utf8)
    }

    @Test func replacesThePreviousSetAndLeavesNoTemporaries() throws {
        let d = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: d) }
        try OutputSet.write([("a.txt", "old a"), ("b.csv", "old b")], into: d)
        try OutputSet.write([("a.txt", "new a"), ("b.csv", "new b")], into: d)
        #expect(try Self.listing(d) == ["a.txt", "b.csv"])
        #expect(try Self.read(d, "a.txt") == "new a" && Self.read(d, "b.csv") == "new b")
    }

    /// A folder named like the second file: the first file is not replaced either (it used to be).
    /// A folder that cannot be created says why, in words (Foundation's error on Linux read
    /// "The operation could not be completed. (NSCocoaErrorDomain error 512.)").
    @Test func aFolderUnderAFileSaysSo() throws {
        let d = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: d) }
        let file = (d as NSString).appendingPathComponent("taken")
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: OutputSet.Failure.self) { try OutputSet.write([("a.txt", "a")], into: file + "/results/deeper") }
        do { try OutputSet.write([("a.txt", "a")], into: file + "/results") } catch let f as OutputSet.Failure {
            #expect(f.reason == "cannot create the folder ('\(file)' is a file, not a folder)", "\(f.reason)")
        }
        // Missing parents are created, as before.
        try OutputSet.write([("a.txt", "a")], into: d + "/new/deeper/")
        #expect(try Self.read(d + "/new/deeper", "a.txt") == "a")
    }

    @Test func aFolderInTheWayLeavesThePreviousSetUntouched() throws {
        let d = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: d) }
        try OutputSet.write([("a.txt", "old a")], into: d)
        try FileManager.default.createDirectory(atPath: (d as NSString).appendingPathComponent("b.json"), withIntermediateDirectories: false)
        #expect(throws: OutputSet.Failure.self) {
            try OutputSet.write([("a.txt", "new a"), ("b.json", "new b"), ("c.md", "new c")], into: d)
        }
        #expect(try Self.listing(d) == ["a.txt", "b.json"])
        #expect(try Self.read(d, "a.txt") == "old a")
    }

    /// A file that cannot be written: the folder this call created is removed again, and the
    /// reason is the system's, not a guess.
    @Test func aFailedWriteRemovesTheFolderItCreated() throws {
        let parent = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let d = (parent as NSString).appendingPathComponent("new")
        do {
            try OutputSet.write([("a.txt", "a"), ("missing/b.txt", "b")], into: d)
            Issue.record("expected a failure")
        } catch let f as OutputSet.Failure {
            #expect(f.reason.contains("No such file"), "\(f.reason)")
        }
        #expect(!FileManager.default.fileExists(atPath: d))
    }

    /// A link was replaced by a regular file (the renamed temporary); a link to a device
    /// (`/dev/null`, `/dev/stdout`) too, and as root `--out /dev/null` replaced the device itself.
    /// Now a link's target is written, and a device or pipe in place.
    @Test func linksAndDevicesAreWrittenThroughNotReplaced() throws {
        let d = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: d) }
        let fm = FileManager.default
        let real = (d as NSString).appendingPathComponent("real")
        try fm.createDirectory(atPath: real, withIntermediateDirectories: false)
        try "old".write(toFile: real + "/target.txt", atomically: true, encoding: .utf8)
        let out = (d as NSString).appendingPathComponent("out")
        try fm.createDirectory(atPath: out, withIntermediateDirectories: false)
        try fm.createSymbolicLink(atPath: out + "/a.txt", withDestinationPath: "../real/target.txt")
        try fm.createSymbolicLink(atPath: out + "/b.txt", withDestinationPath: "/dev/null")
        try OutputSet.write([("a.txt", "new a"), ("b.txt", "new b")], into: out)
        #expect(try fm.destinationOfSymbolicLink(atPath: out + "/a.txt") == "../real/target.txt")
        #expect(try fm.destinationOfSymbolicLink(atPath: out + "/b.txt") == "/dev/null")
        #expect(try Self.read(real, "target.txt") == "new a")
        #expect(try Self.listing(real) == ["target.txt"] && Self.listing(out) == ["a.txt", "b.txt"])
        try OutputFile.write("again", to: out + "/a.txt")
        #expect(try Self.read(real, "target.txt") == "again")
        #expect(try fm.destinationOfSymbolicLink(atPath: out + "/a.txt") == "../real/target.txt")
    }
    /// A link to nothing (out/a.txt -> ../real/new.txt) was replaced by a regular file. It is now
    /// written through, as a link to a file is: the file it names is created and the link stays.
    /// A link into a missing folder or a loop of links fails, saying why, and leaves the link as it was.
    @Test func aLinkToNothingCreatesTheFileItNames() throws {
        let d = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: d) }
        let fm = FileManager.default
        let real = d + "/real", out = d + "/out"
        for f in [real, out] { try fm.createDirectory(atPath: f, withIntermediateDirectories: false) }
        try fm.createSymbolicLink(atPath: out + "/a.txt", withDestinationPath: "../real/new.txt")
        try fm.createSymbolicLink(atPath: out + "/b.txt", withDestinationPath: "c.txt")     // a chain: b -> c -> real/c.txt
        try fm.createSymbolicLink(atPath: out + "/c.txt", withDestinationPath: real + "/c.txt")
        try OutputSet.write([("a.txt", "new a"), ("b.txt", "new b")], into: out)
        #expect(try fm.destinationOfSymbolicLink(atPath: out + "/a.txt") == "../real/new.txt")
        #expect(try fm.destinationOfSymbolicLink(atPath: out + "/b.txt") == "c.txt")
        #expect(try Self.read(real, "new.txt") == "new a" && Self.read(real, "c.txt") == "new b")
        #expect(try Self.listing(real) == ["c.txt", "new.txt"] && Self.listing(out) == ["a.txt", "b.txt", "c.txt"])
        // Through OutputFile (chart, report) too.
        try fm.createSymbolicLink(atPath: out + "/d.svg", withDestinationPath: "../real/d.svg")
        try OutputFile.write("<svg/>", to: out + "/d.svg")
        #expect(try Self.read(real, "d.svg") == "<svg/>" && fm.destinationOfSymbolicLink(atPath: out + "/d.svg") == "../real/d.svg")

        try fm.createSymbolicLink(atPath: out + "/e.txt", withDestinationPath: "../missing/e.txt")
        #expect(throws: OutputSet.Failure(path: out + "/e.txt", reason: "No such file or directory (it links to '\(out)/../missing/e.txt')")) {
            try OutputSet.write([("e.txt", "e")], into: out)
        }
        #expect(throws: OutputFileError(path: out + "/e.txt", reason: "folder '\(out)/../missing' does not exist")) {
            try OutputFile.write("e", to: out + "/e.txt")
        }
        try fm.createSymbolicLink(atPath: out + "/loop.txt", withDestinationPath: "loop.txt")
        #expect(throws: OutputSet.Failure(path: out + "/loop.txt", reason: "Too many levels of symbolic links")) {
            try OutputSet.write([("loop.txt", "x")], into: out)
        }
        #expect(try fm.destinationOfSymbolicLink(atPath: out + "/e.txt") == "../missing/e.txt"
                && fm.destinationOfSymbolicLink(atPath: out + "/loop.txt") == "loop.txt")
        #expect(try Self.listing(out) == ["a.txt", "b.txt", "c.txt", "d.svg", "e.txt", "loop.txt"])
    }
}
