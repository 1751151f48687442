#!/usr/bin/env bash
# Writers of different counties at once on PostgreSQL (issue 20 point 6). An event recorded through the API
# takes the writers' lock shared and then its household's county's lock (store_begin_county), so:
# - two requests on one household wait for each other: the second sees what the first wrote (one exit is
#   recorded, the other refused), and neither is lost or doubled;
# - meanwhile a request in another county goes through;
# - an import (a file, written alone) waits for the county writers, and they for it;
# - one person entered in two counties at once is entered once: the ID number's lock;
# and afterwards the check finds the aggregates equal to the spans, and the audit chain verifies.
# The locks are held from psql, so that what waits for what is seen in pg_locks, not guessed from timing.
# (PostgreSQL only.)
source "$(dirname "$0")/lib.sh"
[ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ] || { echo "skipped: PostgreSQL only"; exit 77; }

# a province of two counties (370181 and 370182), 1,500 persons
bash "$SOURCE_DIR/bench/gen_registry.sh" 1500 "$WORK/g" 2 >/dev/null
new_db >/dev/null
"$TUOPIN" import divisions "$WORK/g/divisions.csv" >/dev/null
"$TUOPIN" import registry "$WORK/g/registry.csv" --as-of 2014-01-01 --now "2014-01-05 10:00:00" >/dev/null
"$TUOPIN" config set require_review off >/dev/null
add_user prov county_admin 370000000000
# requests wait here while psql holds a lock: they must not give up meanwhile on a busy machine (10 s)
export TUOPIN_LOCK_WAIT=120
start_server --threads 6
login prov

# households of each county, in file order
hh() { awk -F, -v c="$1" -v n="$2" 'NR > 1 && substr($1, 1, 6) == c && !s[$2]++ && ++k == n { print $2; exit }' \
	"$WORK/g/registry.csv"; }
A1=$(hh 370181 1) A2=$(hh 370181 2) B1=$(hh 370182 1) B2=$(hh 370182 2)
[ -n "$A1" ] && [ -n "$A2" ] && [ -n "$B1" ] && [ -n "$B2" ] || fail "households of both counties: $A1 $A2 $B1 $B2"

# The lock spaces of src/store/store.c: 0x74750001 counties, 0x74750002 ID numbers (FNV-1a of the number);
# the writers' lock is the one 64-bit key of src/store/pg.c.
COUNTY=$((0x74750001)) IDNO=$((0x74750002))
idno_key() {
	local s=$1 h=2166136261 i
	for ((i = 0; i < ${#s}; i++)); do
		h=$(( ((h ^ $(printf '%d' "'${s:i:1}")) * 16777619) & 0xFFFFFFFF ))
	done
	echo $(( h >= 2147483648 ? h - 4294967296 : h ))
}

# hold SQL: a psql session that runs SQL in a transaction it keeps open until release
hold() {
	rm -f "$WORK/ctl"
	mkfifo "$WORK/ctl"
	psql "$TUOPIN_DB" -qtA <"$WORK/ctl" >"$WORK/holder.out" 2>&1 &
	HOLDER=$!
	exec 7>"$WORK/ctl"
	echo "BEGIN; $1" >&7
}
release() {
	echo "COMMIT;" >&7
	exec 7>&-
	wait "$HOLDER"
}
# locks N SPACE KEY GRANTED: wait until N advisory locks (SPACE, KEY) with granted = GRANTED are in pg_locks
locks() {
	local n=$1 sql="SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND classid::bigint = $2
		AND objid::bigint = $3 AND granted = $4" i
	[ "$3" -lt 0 ] && sql=${sql/objid::bigint = $3/objid::bigint = $(($3 + 4294967296))}
	local until=$((SECONDS + 60))
	while [ "$SECONDS" -lt "$until" ]; do
		[ "$(psql "$TUOPIN_DB" -qtAc "$sql")" = "$n" ] && return 0
		sleep 0.05
	done
	fail "expected $n advisory lock(s) ($2, $3) granted=$4; pg_locks: $(psql "$TUOPIN_DB" -qtAc "SELECT locktype,
		classid, objid, objsubid, granted FROM pg_locks WHERE locktype = 'advisory'")"
}
# post NAME HH JSON [PATH]: POST in the background, its status into $WORK/NAME.code
post() {
	curl -s -o "$WORK/$1.json" -w '%{http_code}' --max-time 60 -b "$WORK/prov.jar" \
		-H "X-CSRF-Token: $(cat "$WORK/prov.csrf")" -H 'Content-Type: application/json' -d "$3" \
		"http://127.0.0.1:$PORT/api/households/$2/${4:-events}" >"$WORK/$1.code" &
}
exit_json='{"type":"exit","effective":"2019-12-20"}'

# 1. County 370181 held: two exits of A1 wait on its lock (not on the writers' lock, which they hold shared)
hold "SELECT pg_advisory_xact_lock($COUNTY, 370181);"
locks 1 "$COUNTY" 370181 true
# (one after the other: a worker thread blocked in a request does not accept another connection, but one
# that takes two at once would answer the second only after the first)
post a1 "$A1" "$exit_json"
p1=$!
locks 1 "$COUNTY" 370181 false
post a1bis "$A1" "$exit_json"
p2=$!
locks 2 "$COUNTY" 370181 false
# ... while county 370182 records at once
expect 201 prov POST "/api/households/$B1/events" "$exit_json"
eq "B1's exit, recorded while county 370181 was held" "$(jq -r '.data.status.code' <<<"$OUT")" exited_supported
eq "A1's requests still waiting" "$(cat "$WORK/a1.code" "$WORK/a1bis.code")" ""
release
wait "$p1" "$p2"
eq "the two requests on one household: one recorded, one refused" \
	"$(cat "$WORK/a1.code" "$WORK/a1bis.code" | fold -w3 | sort | tr '\n' ' ')" "201 409 "
refused=$(cat "$WORK/a1.json" "$WORK/a1bis.json" | jq -rs 'map(select(.error)) | .[0].error.code')
eq "the refusal: it saw the exit" "$refused" "transition_refused"
eq "A1's exits in the database" "$(psql "$TUOPIN_DB" -qtAc "SELECT COUNT(*) FROM change_event e
	JOIN household h ON h.id = e.household_id WHERE h.hh_no = '$A1' AND e.type = 'exit'")" 1

# 2. An import (written alone) waits for a county writer that holds the writers' lock shared, and the
# county writer's request goes through once its county is free.
hold "SELECT pg_advisory_xact_lock($COUNTY, 370182);"
locks 1 "$COUNTY" 370182 true
post b2 "$B2" "$exit_json"
pb=$!
locks 1 "$COUNTY" 370182 false
printf '户编号,变动类型,变动日期\n%s,脱贫,2019-12-21\n' "$A2" >"$WORK/events.csv"
"$TUOPIN" import events "$WORK/events.csv" >"$WORK/import.out" 2>&1 &
pi=$!
# the import waits for the writers' lock (one 64-bit key: objsubid 1), held shared by B2's request
until=$((SECONDS + 60))
until [ "$(psql "$TUOPIN_DB" -qtAc "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1
	AND mode = 'ExclusiveLock' AND NOT granted")" = 1 ]; do
	[ "$SECONDS" -lt "$until" ] || fail "the import did not wait for the writers' lock"
	sleep 0.05
done
release
wait "$pb"
wait "$pi" || fail "the import after the county writer: $(cat "$WORK/import.out")"
eq "B2's exit" "$(cat "$WORK/b2.code")" 201
eq "A2's exit, by the import" "$(psql "$TUOPIN_DB" -qtAc "SELECT COUNT(*) FROM change_event e
	JOIN household h ON h.id = e.household_id WHERE h.hh_no = '$A2' AND e.type = 'exit'")" 1

# 3. One person entered in both counties at once: the ID number's lock makes one wait for the other, which
# then finds the person in the first household.
ID=371399201003030015
K=$(idno_key "$ID")
hold "SELECT pg_advisory_xact_lock($IDNO, $K);"
locks 1 "$IDNO" "$K" true
member='{"member":{"name":"甲","id_no":"'$ID'","relation":"之子","sex":"男"},"effective":"2019-12-22","reason":"其他"}'
# A2 and B1 have exited; the person goes into the households that have not: the third of each county
A3=$(hh 370181 3) B3=$(hh 370182 3)
post ma "$A3" "$member" members
pa=$!
locks 1 "$IDNO" "$K" false
post mb "$B3" "$member" members
pm=$!
locks 2 "$IDNO" "$K" false
release
wait "$pa" "$pm"
eq "the person entered once" "$(cat "$WORK/ma.code" "$WORK/mb.code" | fold -w3 | sort | tr '\n' ' ')" "201 409 "
eq "the refusal" "$(cat "$WORK/ma.json" "$WORK/mb.json" | jq -rs 'map(select(.error)) | .[0].error.code')" \
	"duplicate_id"
eq "members with that ID number" "$(psql "$TUOPIN_DB" -qtAc "SELECT COUNT(*) FROM member WHERE id_no = '$ID'")" 1

# 4. Many at once in both counties, then the checks: aggregates equal to the spans, the audit chain whole.
n=0
for k in $(seq 4 23); do
	post "c$k" "$(hh 370181 "$k")" "$exit_json"
	post "d$k" "$(hh 370182 "$k")" "$exit_json"
done
wait_all() { local p; for p in $(jobs -p); do [ "$p" != "$SERVER_PID" ] && wait "$p"; done; return 0; }
wait_all
eq "forty exits at once in two counties" "$(cat "$WORK"/[cd]*.code | fold -w3 | sort | uniq -c | tr -s ' ')" " 40 201"
eq "exits in the database" "$(psql "$TUOPIN_DB" -qtAc "SELECT COUNT(*) FROM change_event WHERE type = 'exit'")" 44
ok check --rule AGGREGATE
ok audit verify
# every span was opened before it was closed: a county writer that waited for its county records at an instant
# no earlier than the writers it waited for
eq "spans closed before they were opened" "$(psql "$TUOPIN_DB" -qtAc "SELECT (SELECT COUNT(*) FROM
	household_status_span WHERE recorded_to < recorded_from) + (SELECT COUNT(*) FROM membership_span
	WHERE recorded_to < recorded_from)")" 0
eq "spans closed by the exits" "$(psql "$TUOPIN_DB" -qtAc "SELECT COUNT(*) FROM household_status_span
	WHERE recorded_to < 99991231235959")" 44
expect 200 prov GET "/api/stats?as_of=2019-12-31"
eq "the province's exited households" "$(jq '[.data.rows[].exited.households] | add' <<<"$OUT")" 44
finish
