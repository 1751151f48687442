# Tuopin: a thin wrapper over CMake + Ninja + CTest. The two commands a new user needs:
#   make run    build, load the Lingang demo district into run/tuopin.db (first time), start the server
#   make test   every test (unit, CLI, API, PostgreSQL, browser, sanitizers)
#   make screenshots   the browser tests, keeping the main screens in docs/screenshots/
#   make deb    the Debian package (scripts/make-deb.sh)
BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= $(shell nproc)

.PHONY: all build run test test-fast asan bench clean deps deps-test web screenshots deb

all: build

deps:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

# The web UI first (web/dist, npm), so that cmake compiles it into the binary.
web: deps
	@scripts/build-web.sh

build: deps web
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	@scripts/run.sh $(BUILD)

test: deps-test
	@scripts/test.sh

# The Debian package tuopin_VERSION_ARCH.deb (a release build; packaging/, docs/DEPLOY.md).
deb: web
	@scripts/deps.sh deb
	@scripts/make-deb.sh .

# The unit and CLI tests only, without the sanitizer build (a quick loop while working).
test-fast: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The browser tests again, saving the main screens (1366×768 and a tablet) as docs/screenshots/*.png.
screenshots: deps-test build
	@scripts/build-web.sh e2e
	@cd $(BUILD) && TUOPIN_E2E_REQUIRED=1 TUOPIN_SCREENSHOTS=$(CURDIR)/docs/screenshots ctest --output-on-failure -j $(JOBS) -L e2e

asan: deps-test
	@cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS_DEBUG="-g -O1" -DSANITIZE=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS) -L asan

bench: build
	@bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
