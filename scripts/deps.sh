#!/usr/bin/env bash
# deps.sh: install every Debian package Tuopin's build and tests need. Idempotent: skips what is installed,
# runs apt-get only when something is missing.
#   scripts/deps.sh build   what `make run` needs (compiler, libraries, Node.js for the web UI)
#   scripts/deps.sh test    all of the above plus the test tools (cmocka, PostgreSQL, Chromium, CJK fonts, ...)
#   scripts/deps.sh fuzz    the test tools plus clang (libFuzzer) for scripts/fuzz.sh
#   scripts/deps.sh deb     what `make deb` needs (the build's, plus dpkg-dev and fakeroot)
set -euo pipefail

profile=${1:-test}
build_pkgs=(gcc make cmake ninja-build pkg-config tzdata libmicrohttpd-dev libjansson-dev libsqlite3-dev libpq-dev
	libsodium-dev libcsv-dev libxlsxwriter-dev libzip-dev libexpat1-dev)
test_pkgs=(libcmocka-dev postgresql sqlite3 chromium fonts-noto-cjk wrk jq curl valgrind faketime tzdata unzip lintian fakeroot dpkg-dev systemd nginx openssl)

want=("${build_pkgs[@]}")
[ "$profile" = test ] || [ "$profile" = fuzz ] && want+=("${test_pkgs[@]}")
[ "$profile" = fuzz ] && want+=(clang)
[ "$profile" = deb ] && want+=(dpkg-dev fakeroot)

missing=()
for p in "${want[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing+=("$p")
	fi
done
# Node.js builds the web UI; the machine image may bring its own (nodesource). Debian's otherwise.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	missing+=(nodejs npm)
fi

if [ ${#missing[@]} -gt 0 ]; then
	echo "deps.sh: installing ${missing[*]}" >&2
	SUDO=""
	[ "$(id -u)" -ne 0 ] && SUDO=sudo
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq
	$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
