import Testing
@testable import MemcastStatistics

@Suite struct DataFrameTests {
    @Test func categoricalEncodesInFirstSeenOrderWithMissing() {
        let c = CategoricalColumn(["mid", "entry", nil, "mid", "NA"])
        #expect(c.levels == ["mid", "entry"])
        #expect(c.codes == [0, 1, -1, 0, -1])
        #expect(c.sortedLevels == ["entry", "mid"])
        #expect(c[1] == "entry" && c[2] == nil)
    }

    @Test func appendRejectsRaggedAndDuplicateColumns() throws {
        var df = DataFrame()
        try df.append("x", .numeric([1, 2, 3]))
        #expect(throws: DataFrameError.lengthMismatch(column: "y", rows: 2, expected: 3)) {
            try df.append("y", .numeric([1, 2]))
        }
        #expect(throws: DataFrameError.duplicateColumn("x")) { try df.append("x", .numeric([0, 0, 0])) }
        #expect(df.rowCount == 3)
        #expect(throws: DataFrameError.self) { try df.column("z") }
    }
}
