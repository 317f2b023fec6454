import Testing
@testable import MemcastModels

// Tests of the Models layer; one file per concept (e.g. OLSTests.swift).
