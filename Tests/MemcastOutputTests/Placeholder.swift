import Testing
@testable import MemcastOutput

// Tests of the Output layer; one file per concept (e.g. OLSTests.swift).
