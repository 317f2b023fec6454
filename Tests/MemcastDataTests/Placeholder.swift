import Testing
@testable import MemcastData

// Tests of the Data layer; one file per concept (e.g. OLSTests.swift).
