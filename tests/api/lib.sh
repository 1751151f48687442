# lib.sh: helpers for the API tests: a fresh database (SQLite or PostgreSQL, as in tests/cli/lib.sh), a real
# `tuopin serve` on a free loopback port, accounts for every role, and curl + jq assertions.
source "$TESTLIB"

PORT=""
SERVER_PID=""

stop_server() {
	if [ -n "$SERVER_PID" ]; then
		kill -TERM "$SERVER_PID" 2>/dev/null || true
		wait "$SERVER_PID" 2>/dev/null || true
		SERVER_PID=""
	fi
}
trap 'stop_server; cleanup' EXIT

# A port for a test's server: below the kernel's range for outgoing connections (32768-60999), so a client's
# port never takes it; never 10080, the one port of the range Chromium refuses to open (net::ERR_UNSAFE_PORT:
# a browser test drew it once).
free_port() {
	local p=10080
	while [ "$p" = 10080 ]; do p=$((10000 + RANDOM % 22000)); done
	echo "$p"
}

# start_server [SERVE OPTIONS...]: start on a free port; waits until this server (not another test's that
# holds the same port) has bound it and /api/health answers.
start_server() {
	PORT=$(free_port)
	"$TUOPIN" serve --listen "127.0.0.1:$PORT" --access-log "$WORK/access.log" "$@" >"$WORK/server.out" 2>"$WORK/server.err" &
	SERVER_PID=$!
	for _ in $(seq 1 200); do
		if ! kill -0 "$SERVER_PID" 2>/dev/null; then
			# the port was taken: try another
			PORT=$(free_port)
			"$TUOPIN" serve --listen "127.0.0.1:$PORT" --access-log "$WORK/access.log" "$@" >"$WORK/server.out" 2>"$WORK/server.err" &
			SERVER_PID=$!
		elif grep -q "127.0.0.1:$PORT/" "$WORK/server.out" 2>/dev/null &&
			curl -s -o /dev/null "http://127.0.0.1:$PORT/api/health"; then
			return 0
		fi
		sleep 0.05
	done
	echo "server did not start: $(cat "$WORK/server.err")" >&2
	exit 1
}

# A server whose clock the test moves: start it with TUOPIN_CLOCK_FILE="$WORK/clock" start_server ..., then
# clock_advance SECONDS moves that server's wall clock on at once (tests/tools/clocked.sh), so time limits are
# tested without sleeping and whatever the machine's load.
clock_advance() {
	local now
	now=$(cat "$WORK/clock")
	printf '%+d\n' $((now + $1)) >"$WORK/clock.new"
	mv "$WORK/clock.new" "$WORK/clock"
}

PASSWORD="Test-Pass-2026"

# add_user NAME ROLE [DIVISION]: an account that need not change its password.
add_user() {
	if [ -n "${3:-}" ]; then
		echo "$PASSWORD" | "$TUOPIN" user add "$1" --role "$2" --division "$3" --keep >/dev/null
	else
		echo "$PASSWORD" | "$TUOPIN" user add "$1" --role "$2" --keep >/dev/null
	fi
}

# login NAME [PASSWORD]: keeps the cookie in $WORK/NAME.jar and the CSRF token in $WORK/NAME.csrf.
login() {
	local pw=${2:-$PASSWORD}
	local body
	body=$(curl -s -c "$WORK/$1.jar" -H 'Content-Type: application/json' \
		-d "{\"name\":\"$1\",\"password\":\"$pw\"}" "http://127.0.0.1:$PORT/api/login")
	printf '%s' "$body" | jq -r '.data.csrf // empty' > "$WORK/$1.csrf"
	[ -s "$WORK/$1.csrf" ] || fail "login $1: $body"
}

# api USER METHOD PATH [JSON]: as USER (or "-" for nobody); sets STATUS and OUT (the body).
api() {
	local user=$1 method=$2 path=$3 data=${4:-}
	local args=(-s -o "$WORK/body" -w '%{http_code}' -X "$method")
	if [ "$user" != "-" ]; then
		args+=(-b "$WORK/$user.jar" -H "X-CSRF-Token: $(cat "$WORK/$user.csrf")")
	fi
	if [ -n "$data" ]; then
		args+=(-H 'Content-Type: application/json' --data-binary "$data")
	fi
	STATUS=$(curl "${args[@]}" "http://127.0.0.1:$PORT$path")
	OUT=$(cat "$WORK/body")
}

# expect STATUS USER METHOD PATH [JSON]
expect() {
	local want=$1
	shift
	api "$@"
	[ "$STATUS" = "$want" ] || fail "$2 $3 as $1: status $STATUS, expected $want: $OUT"
}

# upload USER PATH FILE: POST a file as the body.
upload() {
	STATUS=$(curl -s -o "$WORK/body" -w '%{http_code}' -X POST -b "$WORK/$1.jar" \
		-H "X-CSRF-Token: $(cat "$WORK/$1.csrf")" -H 'Content-Type: application/octet-stream' \
		--data-binary "@$3" "http://127.0.0.1:$PORT$2")
	OUT=$(cat "$WORK/body")
}

# county_db: a fresh database with the sample county of tests/data/county through 2018, as in t0100.
county_db() {
	new_db >/dev/null
	local D=$TESTDATA/county
	"$TUOPIN" import divisions "$D/divisions.csv" >/dev/null
	"$TUOPIN" import registry "$D/registry.csv" --as-of 2014-01-01 --now "2014-01-05 10:00:00" >/dev/null
	"$TUOPIN" import events "$D/events-2014.csv" --now "2015-01-10 10:00:00" >/dev/null
	"$TUOPIN" import events "$D/events-2015.csv" --now "2016-01-08 10:00:00" >/dev/null
	"$TUOPIN" import events "$D/events-2016.csv" --now "2017-01-09 10:00:00" >/dev/null
	"$TUOPIN" import events "$D/events-2018.csv" --now "2018-04-20 10:00:00" >/dev/null
	"$TUOPIN" import registry "$D/registry-missed.csv" --as-of 2014-01-01 --event include_missed \
		--batch 2018年托底清零 --now "2018-04-25 10:00:00" >/dev/null
	# the sample county records status events directly, as an installation from before proposals does;
	# the proposal tests (t0320) turn require_review on and check that the data roles are then refused
	"$TUOPIN" config set require_review off >/dev/null
}
