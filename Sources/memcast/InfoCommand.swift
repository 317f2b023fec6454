import ArgumentParser
import MemcastNumerics

/// `memcast info`: version and the linked BLAS/LAPACK build.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show memcast's version and the BLAS/LAPACK it is linked with.",
        discussion: "Example:\n  memcast info"
    )

    func run() throws {
        print("memcast \(Memcast.version)")
        print("BLAS: \(NumericsInfo.blasConfig)")
        print("BLAS threads: \(NumericsInfo.blasThreads)")
    }
}
