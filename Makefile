# memcast — the two commands a new machine needs:
#   make forecast   install system libraries if missing, build (release), run the default forecast
#   make test       install what the tests need if missing, then run every test suite
SWIFT ?= swift
BIN := .build/release/memcast

.PHONY: forecast test deps build release bench clean

deps:
	@scripts/install-deps.sh

release: deps
	$(SWIFT) build -c release --product memcast

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

clean:
	rm -rf .build
