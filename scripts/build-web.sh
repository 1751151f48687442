#!/usr/bin/env bash
# build-web.sh [e2e]: build the web UI (web/ -> web/dist, Vite), which CMake then compiles into the tuopin
# binary (tools/embed.c). Installs web/'s npm packages from its package-lock.json when they are missing or
# older than the lock, and skips the build when web/dist is newer than every source file.
#   scripts/build-web.sh       the UI (make build). Without npm it says so and exits 0: the C build still
#                              works, embeds no UI, and the server's pages say the UI is missing.
#   scripts/build-web.sh e2e   also the browser tests' packages (tests/e2e: playwright-core); here npm is
#                              required (scripts/test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
	if [ "$mode" = e2e ]; then
		echo "build-web.sh: npm is needed to build the web UI and run the browser tests (scripts/deps.sh installs it)" >&2
		exit 1
	fi
	echo "build-web.sh: npm not found: building without the web UI (install Node.js and npm, then rebuild)" >&2
	exit 0
fi

# npm_packages DIR: `npm ci` from the lock (or `npm install` to make one) when node_modules is missing or stale.
npm_packages() {
	local dir=$1
	local have=$dir/node_modules/.package-lock.json
	if [ -f "$have" ] && [ -f "$dir/package-lock.json" ] && [ "$have" -nt "$dir/package-lock.json" ] &&
		[ "$have" -nt "$dir/package.json" ]; then
		return 0
	fi
	if [ -f "$dir/package-lock.json" ]; then
		(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
	else
		(cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
	fi
	touch "$have"
}

npm_packages web
stamp=web/dist/index.html
if [ ! -f "$stamp" ] || [ -n "$(find web/src web/public web/index.html web/vite.config.js web/package.json \
	web/package-lock.json web/node_modules/.package-lock.json -newer "$stamp" -print -quit 2>/dev/null)" ]; then
	(cd web && npm run --silent build -- --logLevel warn)
	echo "build-web.sh: built web/dist" >&2
fi

if [ "$mode" = e2e ]; then
	npm_packages tests/e2e
fi
