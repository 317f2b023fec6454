# memcast — the two commands a new machine needs:
#   make forecast   install system libraries if missing, build (release), run the default forecast
#                   and write the HTML report (.build/memcast-report.html; it prints its full path)
#   make test       install what the tests need if missing, then run every test suite
SWIFT ?= swift
BIN := .build/release/memcast

.PHONY: forecast test deps build release bench bench-scaling clean

deps:
	@scripts/install-deps.sh

# Release builds target the CPU they are built on (x86-64: AVX2 and FMA, which the
# double-double refinement and the vectorised loops use); `swift build -c release`
# alone stays generic. Override with `make release NATIVE=`.
NATIVE ?= $(if $(filter x86_64,$(shell uname -m)),-Xswiftc -target-cpu -Xswiftc native,)

release: deps
	$(SWIFT) build -c release --product memcast $(NATIVE)

forecast: release
	$(BIN) forecast
	$(BIN) report --out .build/memcast-report.html

test: deps
	@scripts/install-deps.sh --python
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	scripts/browser-test.sh

bench: release
	scripts/bench.sh

# Ingest and ols at 10k, 100k, 1M and 10M rows (the 10M panel is ~890 MB on disk).
bench-scaling: release
	scripts/bench-scaling.sh

clean:
	rm -rf .build
