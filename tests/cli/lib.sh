# lib.sh: helpers for the CLI tests. Each test is a bash script run by CTest once per backend:
#   TUOPIN_TEST_BACKEND=sqlite (default): a fresh SQLite file in a temporary folder
#   TUOPIN_TEST_BACKEND=pg: a fresh database on the throwaway cluster of scripts/pg-tmp.sh (PGHOST set)
# so the same assertions hold on both. Every assertion compares exact values.
set -euo pipefail

: "${TUOPIN:?TUOPIN must point at the tuopin binary}"
: "${TESTDATA:?}"
# Every run of tuopin goes through tests/tools/tuopin-clocked, which pins its clock at $TUOPIN_CLOCK (UTC) when
# that is set: for the whole suite (scripts/test.sh), or for one command (TUOPIN_CLOCK="..." t stats).
if [ -z "${TUOPIN_REAL:-}" ]; then
	export TUOPIN_REAL=$TUOPIN
	TUOPIN=$(cd "$(dirname "${BASH_SOURCE[0]}")/../tools" && pwd)/tuopin-clocked
fi
WORK=$(mktemp -d /tmp/tuopin-test.XXXXXX)
# The audit log's key: beside an SQLite database by default; a PostgreSQL database's goes here (not in the
# working directory), with its anchors beside it.
[ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ] && export TUOPIN_AUDIT_KEY="$WORK/audit.key"
FAILS=0
CREATED_DBS=()

cleanup() {
	if [ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ]; then
		for d in "${CREATED_DBS[@]:-}"; do
			[ -n "$d" ] && dropdb --if-exists "$d" >/dev/null 2>&1 || true
		done
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT

# new_db: print the URI of a fresh, initialised database and export it as TUOPIN_DB.
new_db() {
	local uri
	if [ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ]; then
		local name="tuopin_t_$$_${RANDOM}${RANDOM}"
		createdb "$name"
		CREATED_DBS+=("$name")
		uri="postgresql:///$name?host=$PGHOST&port=${PGPORT:-5432}&user=${PGUSER:-postgres}"
	else
		uri="sqlite:$WORK/db-${RANDOM}${RANDOM}.db"
	fi
	"$TUOPIN" --db "$uri" init >/dev/null
	export TUOPIN_DB="$uri"
	echo "$uri"
}

fail() {
	echo "FAIL: $*" >&2
	FAILS=$((FAILS + 1))
}

# t ARGS...: run tuopin; stdout to $OUT, stderr to $ERR, exit code to $RC (never aborts the script).
t() {
	set +e
	"$TUOPIN" "$@" >"$WORK/out" 2>"$WORK/err"
	RC=$?
	set -e
	OUT=$(cat "$WORK/out")
	ERR=$(cat "$WORK/err")
}

# ok ARGS...: run tuopin and require exit code 0.
ok() {
	t "$@"
	if [ "$RC" -ne 0 ]; then
		fail "tuopin $* exited $RC: $ERR"
	fi
}

expect_rc() {
	local want=$1
	shift
	t "$@"
	[ "$RC" -eq "$want" ] || fail "tuopin $* exited $RC, expected $want (stderr: $ERR)"
}

# eq NAME GOT WANT
eq() {
	[ "$2" == "$3" ] || fail "$1: got [$2], expected [$3]"
}

# jqeq FILTER WANT: apply a jq filter to $OUT (JSON) and compare.
jqeq() {
	local got
	got=$(printf '%s' "$OUT" | jq -c -r "$1" 2>&1) || true
	[ "$got" == "$2" ] || fail "jq '$1': got [$got], expected [$2]"
}

# nhmr STATUS WANT: "households persons" of a group in a stats JSON's totals.
nhmr() {
	jqeq ".totals.$1 | \"\(.households) \(.persons)\"" "$2"
}

# contains TEXT NEEDLE
contains() {
	case "$1" in
	*"$2"*) ;;
	*) fail "expected to find [$2] in: $1" ;;
	esac
}

# not_contains TEXT NEEDLE
not_contains() {
	case "$1" in
	*"$2"*) fail "did not expect [$2] in: $1" ;;
	esac
}

# db_fingerprint: a summary of every table's row count, to prove nothing was written.
db_fingerprint() {
	"$TUOPIN" stats --as-of 2099-12-31 --format json | jq -c '.totals' 
	"$TUOPIN" changes --from 1900-01-01 --to 2099-12-31 --format json | jq -c '.rows'
}

finish() {
	if [ "$FAILS" -ne 0 ]; then
		echo "$FAILS assertion(s) failed" >&2
		exit 1
	fi
	echo "ok"
}

# db_sql SQL: run SQL directly on the test database (to corrupt it on purpose, or to count rows).
db_sql() {
	if [ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ]; then
		psql "$TUOPIN_DB" -v ON_ERROR_STOP=1 -qtAc "$1"
	else
		sqlite3 "${TUOPIN_DB#sqlite:}" "$1"
	fi
}

# audit_sql SQL: db_sql on the audit log as its readers see it: on SQLite a server's views (and logins) wait in the
# session database's outbox for up to a second before they enter the chain, so the rows waiting there are moved
# first, as /api/audit and `tuopin audit` do (here by `tuopin audit verify`, which moves them, then checks).
audit_sql() {
	"$TUOPIN" --db "$TUOPIN_DB" audit verify >/dev/null 2>&1 || true
	db_sql "$1"
}

# county_history [missed]: the sample county of tests/data/county into the test database, each import checked:
# the identification of 2014 and the events recorded each January up to the 2018 clean-up (t0100 builds the
# same step by step, with its figures); with "missed", also the household included retroactively on 2018-04-25.
county_history() {
	local D=$TESTDATA/county
	ok import divisions "$D/divisions.csv"
	ok import registry "$D/registry.csv" --as-of 2014-01-01 --now "2014-01-05 10:00:00"
	ok import events "$D/events-2014.csv" --now "2015-01-10 10:00:00"
	ok import events "$D/events-2015.csv" --now "2016-01-08 10:00:00"
	ok import events "$D/events-2016.csv" --now "2017-01-09 10:00:00"
	ok import events "$D/events-2018.csv" --now "2018-04-20 10:00:00"
	if [ "${1:-}" = missed ]; then
		ok import registry "$D/registry-missed.csv" --as-of 2014-01-01 --event include_missed \
			--batch 2018年托底清零 --now "2018-04-25 10:00:00"
	fi
}

# sample_db: a fresh database with the sample county of tests/data/samples (registry as of 2014-04-30,
# the sample events recorded 2018-05-02).
sample_db() {
	new_db >/dev/null
	"$TUOPIN" import divisions "$SAMPLES/divisions.csv" >/dev/null
	"$TUOPIN" import registry "$SAMPLES/registry.csv" --as-of 2014-04-30 --now "2014-05-01 09:00:00" >/dev/null
}

# hold_lock [FILE]: the writers' lock, held by another process until release_lock (SQLite: sqlite3 with a write
# transaction begun, on the database or on FILE, such as the session database; PostgreSQL: psql holding the
# advisory lock every writer takes, pg.c's begin_write), fed through a FIFO; returns once the lock is held
# (cli/t0171, api/t0259).
hold_lock() {
	rm -f "$WORK/ctl"
	mkfifo "$WORK/ctl"
	if [ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ]; then
		psql "$TUOPIN_DB" -qtA <"$WORK/ctl" >"$WORK/locker.out" 2>&1 &
	else
		sqlite3 "${1:-${TUOPIN_DB#sqlite:}}" <"$WORK/ctl" >"$WORK/locker.out" 2>&1 &
	fi
	LOCKER=$!
	exec 3>"$WORK/ctl"
	if [ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ]; then
		echo "SELECT pg_advisory_lock(128047729633646); SELECT 'held';" >&3
	else
		echo "BEGIN IMMEDIATE; SELECT 'held';" >&3
	fi
	for _ in $(seq 1 1500); do
		grep -q held "$WORK/locker.out" 2>/dev/null && return 0
		sleep 0.02
	done
	fail "the lock was not taken: $(cat "$WORK/locker.out")"
}
release_lock() {   # with TOUCH=1, the other connection changes the database before it lets go
	local touch="UPDATE division SET name = name WHERE level = 1;"
	if [ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ]; then
		[ "${TOUCH:-0}" = 1 ] && echo "$touch" >&3
		echo "SELECT pg_advisory_unlock(128047729633646);" >&3
	else
		[ "${TOUCH:-0}" = 1 ] && echo "$touch" >&3
		echo "COMMIT;" >&3
	fi
	exec 3>&-
	wait "$LOCKER"
}
