#!/usr/bin/env bash
# run.sh TEST.mjs: one browser test. A fresh database (the sample county of tests/data/county through 2018,
# as tests/api/lib.sh's county_db; or the Lingang demo district for tNNNN-demo*), the accounts the test
# names in its "// users:" line (county, town, clerk of 东岭村, cadre, sup, sys, sec, aud; one password; in the
# demo district the town is 团林镇 and the clerk's village 北泉子二村, where the demo's findings are), a
# real `tuopin serve` on a free port (with the settings of its "// env:" line), then the test in Node (playwright-core + Debian's Chromium).
# Without the test's npm packages, Chromium or a web UI compiled into the binary, the test is skipped (77),
# unless TUOPIN_E2E_REQUIRED=1 (scripts/test.sh sets it: there they must run).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
TEST=$1

skip() {
	if [ "${TUOPIN_E2E_REQUIRED:-0}" = 1 ]; then
		echo "FAIL: $*" >&2
		exit 1
	fi
	echo "skipped: $*"
	exit 77
}
command -v node >/dev/null || skip "node is not installed"
[ -d "$HERE/node_modules/playwright-core" ] || skip "tests/e2e/node_modules is missing (scripts/build-web.sh e2e installs it)"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || skip "chromium is not installed (apt-get install chromium fonts-noto-cjk)"

source "$(dirname "$TESTLIB")/../api/lib.sh"

# the accounts the test names in its "// users:" line (each costs an argon2 hash)
users=$(sed -n 's|^// users: *||p' "$HERE/$(basename "$TEST")" | head -n 1)
case "$(basename "$TEST")" in
*demo*)
	new_db >/dev/null
	"$TUOPIN" demo >/dev/null
	county=371373000000 town=371373101000 village=371373101208
	;;
*)
	county_db
	county=371399000000 town=371399100000 village=371399100201
	;;
esac
for u in $users; do
	case $u in
	county) add_user county county_admin "$county" ;;
	town) add_user town town_operator "$town" ;;
	clerk) add_user clerk village_operator "$village" ;;
	cadre) add_user cadre cadre "$village" ;;
	sup) add_user sup supervisor "$county" ;;
	sys) add_user sys sys_admin ;;
	sec) add_user sec sec_admin ;;
	aud) add_user aud audit_admin ;;
	*) echo "run.sh: unknown account $u" >&2; exit 1 ;;
	esac
done
# settings the test names in its "// env:" line (NAME=VALUE ...), for the server and the test
for kv in $(sed -n 's|^// env: *||p' "$HERE/$(basename "$TEST")" | head -n 1); do
	export "${kv?}"
done
start_server

curl -s "http://127.0.0.1:$PORT/" | grep -q 'id="app"' || skip "the binary was built without the web UI (scripts/build-web.sh)"

export BASE_URL="http://127.0.0.1:$PORT" PASSWORD TESTDATA
export E2E_OUT="${E2E_OUT:-$(dirname "$TUOPIN_REAL")/e2e-screenshots}"
set +e
node "$HERE/$(basename "$TEST")"
rc=$?
set -e
if [ "$rc" -ne 0 ]; then
	echo "--- server log ---" >&2
	tail -n 20 "$WORK/server.err" >&2 || true
	echo "--- the server's last requests ---" >&2
	tail -n 15 "$WORK/access.log" >&2 || true
fi
exit "$rc"
