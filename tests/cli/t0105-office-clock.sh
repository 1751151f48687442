#!/usr/bin/env bash
# The office's day: "today", every default date and every "later than today" check follow the office's zone
# (TUOPIN_TZ or --tz, Asia/Shanghai by default), never the machine's TZ; recording instants are stored in UTC
# and shown in the office's zone. Each command runs with its clock pinned (TUOPIN_CLOCK, UTC).
source "$TESTLIB"
D=$TESTDATA/county
new_db >/dev/null
ok import divisions "$D/divisions.csv"
ok import registry "$D/registry.csv" --as-of 2014-01-01 --now "2014-01-05 10:00:00"

# 2026-12-04 20:00 UTC is already 2026-12-05 04:00 in China.
for machine in UTC America/Los_Angeles Asia/Shanghai; do
	TZ=$machine TUOPIN_CLOCK="2026-12-04 20:00:00" ok stats --format json
	jqeq .as_of 2026-12-05
	TZ=$machine TUOPIN_CLOCK="2026-12-04 20:00:00" TUOPIN_TZ=UTC ok stats --format json
	jqeq .as_of 2026-12-04
	TZ=$machine TUOPIN_CLOCK="2026-12-04 20:00:00" ok --tz America/Los_Angeles stats --format json
	jqeq .as_of 2026-12-04
	TZ=$machine TUOPIN_CLOCK="2026-12-04 20:00:00" ok stats --format json --tz=Asia/Urumqi
	jqeq .as_of 2026-12-05
done
# --tz wins over TUOPIN_TZ
TUOPIN_CLOCK="2026-12-04 20:00:00" TUOPIN_TZ=UTC ok stats --format json --tz Asia/Shanghai
jqeq .as_of 2026-12-05

# Midnight in China: 15:59:30 UTC is still the old day, 16:00:30 UTC the new one (and a new year).
TZ=UTC TUOPIN_CLOCK="2026-12-31 15:59:30" ok stats --format json
jqeq .as_of 2026-12-31
TZ=UTC TUOPIN_CLOCK="2026-12-31 16:00:30" ok stats --format json
jqeq .as_of 2027-01-01
TZ=UTC TUOPIN_CLOCK="2026-12-31 16:00:30" ok check --format json
jqeq .as_of 2027-01-01

# An unknown zone is refused at start, naming where it came from, with exit code 2; nothing is written.
TUOPIN_TZ=Mars/Base expect_rc 2 --db "sqlite:$WORK/never.db" init
eq "TUOPIN_TZ message" "$ERR" "tuopin: TUOPIN_TZ：未知时区“Mars/Base”（应为 IANA 时区名，如 Asia/Shanghai）"
[ ! -e "$WORK/never.db" ] || fail "an unknown zone created the database"
expect_rc 2 --tz ../../../etc/passwd --lang en stats
eq "--tz message" "$ERR" "tuopin: --tz: unknown time zone \"../../../etc/passwd\" (use an IANA name such as Asia/Shanghai)"
TUOPIN_TZ= TUOPIN_CLOCK="2026-12-04 20:00:00" ok stats --format json   # empty means the default
jqeq .as_of 2026-12-05

# Year end: an event recorded at 23:59:59 China time on 2026-12-31 belongs to 2026; one recorded half a minute
# after midnight to 2027. Effective today is allowed, tomorrow is "later than today" until midnight passes.
# The exact seconds come from --now (the recording instant, read in the office's zone, from which the
# transaction takes its today); the clock-driven runs keep half a minute from midnight, so a loaded machine
# that starts a program a second late changes nothing.
printf '户编号,变动类型,生效日期,批次,原因,是否更正\n3713990001,脱贫,2026-12-31,,,否\n' >"$WORK/a.csv"
printf '户编号,变动类型,生效日期,批次,原因,是否更正\n3713990002,脱贫,2027-01-01,,,否\n' >"$WORK/b.csv"
TZ=UTC expect_rc 1 import events "$WORK/b.csv" --now "2026-12-31 23:59:59"
contains "$ERR" "生效日期 2027-01-01 晚于今天"
TZ=UTC TUOPIN_CLOCK="2026-12-31 15:59:00" expect_rc 1 import events "$WORK/b.csv"
contains "$ERR" "生效日期 2027-01-01 晚于今天"
TZ=UTC ok import events "$WORK/a.csv" --now "2026-12-31 23:59:59"
TZ=America/Los_Angeles TUOPIN_CLOCK="2026-12-31 16:00:30" ok import events "$WORK/b.csv"
ok changes --recorded --from 2026-01-01 --to 2026-12-31 --format json
jqeq '[.rows[] | select(.households > 0) | "\(.type) \(.households) \(.persons)"] | join(",")' "exit 1 3"
ok changes --recorded --from 2027-01-01 --to 2027-12-31 --format json
jqeq '[.rows[] | select(.households > 0) | "\(.type) \(.households) \(.persons)"] | join(",")' "exit 1 2"
ok changes --recorded --from 2026-12-31 --to 2026-12-31 --format json --tz UTC
jqeq '[.rows[] | select(.households > 0) | "\(.type) \(.households) \(.persons)"] | join(",")' "exit 2 5"

# Stored in UTC; shown in the office's zone (and a later change of zone rewrites nothing). B was recorded by
# the clock pinned at 16:00:30 UTC: within the minute after it.
eq "stored stamp of A" "$(db_sql "SELECT recorded_at FROM change_event e JOIN household h ON h.id = e.household_id WHERE e.type = 'exit' AND h.hh_no = '3713990001'")" \
	"20261231155959"
b=$(db_sql "SELECT recorded_at FROM change_event e JOIN household h ON h.id = e.household_id WHERE e.type = 'exit' AND h.hh_no = '3713990002'")
eq "stored stamp of B: UTC, within the minute after the pin" "$([ "$b" -ge 20261231160030 ] && [ "$b" -lt 20261231160130 ] && echo yes)" "yes"
ok show 3713990001 --format json
jqeq '[.history[] | select(.type == "exit") | .recorded_at] | join(",")' "2026-12-31 23:59:59"
ok show 3713990001 --format json --tz UTC
jqeq '[.history[] | select(.type == "exit") | .recorded_at] | join(",")' "2026-12-31 15:59:59"
ok show 3713990002 --format json
jqeq '[.history[] | select(.type == "exit") | .recorded_at | .[0:15]] | join(",")' "2027-01-01 00:0"
ok show 3713990002 --format json --tz UTC
jqeq '[.history[] | select(.type == "exit") | .recorded_at | .[0:15]] | join(",")' "2026-12-31 16:0"
# --recorded-at is read in the office's zone: as recorded at the end of 2026-12-31 in China, B had not exited.
ok stats --as-of 2027-01-01 --recorded-at 2026-12-31 --format json
nhmr poor "7 19"
jqeq .recorded_at "2026-12-31 23:59:59"
ok stats --as-of 2027-01-01 --recorded-at "2027-01-01 00:02:00" --format json
nhmr poor "6 17"

# --now is read in the office's zone.
printf '户编号,变动类型,生效日期,批次,原因,是否更正\n3713990003,脱贫,2027-01-02,,,否\n' >"$WORK/c.csv"
ok import events "$WORK/c.csv" --now "2027-01-02 08:00:00"
eq "--now stored" "$(db_sql "SELECT MAX(recorded_at) FROM change_event")" "20270102000000"
finish
