import Testing
@testable import MemcastStatistics

// Tests of the Statistics layer; one file per concept (e.g. OLSTests.swift).
