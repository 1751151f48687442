#!/usr/bin/env bash
# The change report's 户 and 人 (`changes`) are counted by the store from one row per person an event counts
# (issue 20 point 7: no temporary b-tree of a million keys), not by COUNT(DISTINCT) in SQL. Here they equal the
# old computation — the distinct households and persons of each type, restated in SQL — on a grid of periods,
# by effective day and by recording day, as now known and as known at instants around each recording, and by
# batch; on the sample county's history (corrections, a household included retroactively) and on households
# split and merged, where one person is counted in two households' events of the same type.
source "$TESTLIB"
new_db >/dev/null
county_history missed

# the old computation; $1 the condition on e, $2 the "as known at" stamp, $3 NOT EXISTS of a superseding
# event by then (all but a batch)
old() {
	local sup=""
	[ "${3:-}" = batch ] || sup="AND NOT EXISTS (SELECT 1 FROM event_supersession x WHERE x.event_id = e.id AND x.at <= $2)"
	db_sql "SELECT e.type || ' ' || COUNT(DISTINCT e.household_id) || ' ' || COUNT(DISTINCT m.member_id)
		FROM change_event e LEFT JOIN membership_span m ON m.household_id = e.household_id
		AND m.valid_from <= e.effective AND e.effective < m.valid_to AND m.recorded_from <= $2 AND $2 < m.recorded_to
		WHERE $1 AND e.member_id IS NULL AND e.type NOT IN ('merge', 'data_fix') AND e.recorded_at <= $2 $sup
		GROUP BY e.type
		UNION ALL SELECT e.type || ' ' || COUNT(DISTINCT e.household_id) || ' ' || COUNT(DISTINCT e.member_id)
		FROM change_event e WHERE $1 AND e.type IN ('member_add', 'member_remove', 'merge', 'data_fix')
		AND e.recorded_at <= $2 $sup GROUP BY e.type" | LC_ALL=C sort
}
# the command's answer in the same form
new() {
	ok changes "$@" --format json
	jq -r '.rows[] | "\(.type) \(.households) \(.persons)"' <<<"$OUT" | LC_ALL=C sort
}
# The persons a household-level event keeps (schema 0028), which the report as now known adds up: its
# household's members on its day, or none (NULL) where one of them has been in another household. After every
# write they equal the definition restated.
kept() { db_sql "SELECT h.hh_no || ' ' || e.type || ' ' || e.effective || ' ' || COALESCE(e.persons, -1)
	FROM change_event e JOIN household h ON h.id = e.household_id
	WHERE e.member_id IS NULL AND e.type NOT IN ('merge', 'data_fix') AND e.effective > 20150101 ORDER BY e.id"; }
restated() { db_sql "SELECT COUNT(*) FROM change_event e WHERE e.member_id IS NULL AND e.type NOT IN ('merge', 'data_fix')
	AND COALESCE(e.persons, -1) <> CASE WHEN EXISTS (SELECT 1 FROM membership_span m JOIN membership_span o
	ON o.member_id = m.member_id AND o.household_id <> m.household_id AND o.recorded_to = 99991231235959
	WHERE m.household_id = e.household_id AND m.valid_from <= e.effective AND e.effective < m.valid_to
	AND m.recorded_to = 99991231235959) THEN -1 ELSE (SELECT COUNT(*) FROM membership_span m
	WHERE m.household_id = e.household_id AND m.valid_from <= e.effective AND e.effective < m.valid_to
	AND m.recorded_to = 99991231235959) END"; }
compared=0
nonempty=0
same() {
	local got want=$1
	shift
	got=$(new "$@")
	eq "changes $*" "$got" "$want"
	compared=$((compared + 1))
	[ -z "$got" ] || nonempty=$((nonempty + 1))
}
NOW=99991231235958
for p in 2014-01-01:2014-12-31 2015-01-01:2015-12-31 2016-01-01:2016-12-31 2014-01-01:2018-12-31 \
	2015-06-01:2016-05-31 2018-01-01:2018-12-31; do
	f=${p%:*} t=${p#*:}
	same "$(old "e.effective BETWEEN ${f//-/} AND ${t//-/}" $NOW)" --from "$f" --to "$t"
	for at in "2015-01-10 09:00:00:20150110010000" "2016-01-08 10:00:00:20160108020000" \
		"2018-04-20 12:00:00:20180420040000" "2018-04-25 12:00:00:20180425040000"; do
		# the office's instant (Asia/Shanghai) and the stored UTC stamp
		same "$(old "e.effective BETWEEN ${f//-/} AND ${t//-/}" "${at##*:}")" --from "$f" --to "$t" \
			--recorded-at "${at%:*}"
	done
	same "$(old "e.recorded_at BETWEEN $(date -u -d "$f 00:00:00 +0800" +%Y%m%d%H%M%S) AND \
		$(date -u -d "$t 23:59:59 +0800" +%Y%m%d%H%M%S)" $NOW)" --from "$f" --to "$t" --recorded
done
same "$(old "e.batch = '2018年托底清零'" $NOW batch)" --batch 2018年托底清零
# the grid is not vacuous
eq "answers compared, answers with rows" "$compared $nonempty" "37 31"
# the history's corrections, a household included retroactively and members added and removed: every
# household-level event keeps its persons
eq "kept numbers unlike the definition" "$(restated)" 0
eq "events keeping none" "$(db_sql "SELECT COUNT(*) FROM change_event WHERE persons IS NULL AND member_id IS NULL")" 0

# One person in two households' events of one type: the split (2016-05-01) moves 刘强 and 陈芳 to a new
# household, which exits (脱贫) on 2016-12-01 with the two of them; they merge back (2017-03-01), and the old
# household exits on 2017-06-01 with all four. Four persons, not six.
sample_db
S=$TESTDATA/events/structure-ok.csv
{ head -4 "$S"; echo "3713991002020099,脱贫,2016-12-01,,,否,,,,,,"; } >"$WORK/a.csv"
{ head -1 "$S"; sed -n 5,6p "$S"; echo "3713991002020003,脱贫,2017-06-01,,,否,,,,,,"; } >"$WORK/b.csv"
ok import events "$WORK/a.csv" --now "2018-05-02 10:00:00"
ok import events "$WORK/b.csv" --now "2018-05-02 11:00:00"
ok changes --from 2016-01-01 --to 2017-12-31 --format json
jqeq '[.rows[] | "\(.type) \(.households) \(.persons)"] | join(",")' "exit 2 4,split 1 2,merge 1 2,data_fix 1 1"
eq "the old computation" "$(new --from 2016-01-01 --to 2017-12-31)" \
	"$(old "e.effective BETWEEN 20160101 AND 20171231" $NOW)"

# The persons an event keeps (schema 0028), which the report as now known adds up: the split household's exit
# and the old household's, whose two came back from it, keep none
eq "kept" "$(kept)" "3713991002020099 split 20160501 -1
3713991002020099 exit 20161201 -1
3713991002020003 exit 20170601 -1"
eq "kept numbers unlike the definition" "$(restated)" 0
# One household with two exits of the period (脱贫, 返贫, 脱贫): its three persons count once, read one by one
# beside the kept numbers of the other households
{ head -1 "$S"; echo "3713991002010001,脱贫,2016-03-01,,,否,,,,,,"; echo "3713991002010001,返贫,2016-09-01,,,否,,,,,,"
	echo "3713991002010001,脱贫,2017-02-01,,,否,,,,,,"; echo "3713991002010002,脱贫,2017-02-01,,,否,,,,,,"; } >"$WORK/c.csv"
ok import events "$WORK/c.csv" --now "2018-05-02 12:00:00"
eq "kept" "$(kept)" "3713991002020099 split 20160501 -1
3713991002020099 exit 20161201 -1
3713991002020003 exit 20170601 -1
3713991002010001 exit 20160301 3
3713991002010001 return 20160901 3
3713991002010001 exit 20170201 3
3713991002010002 exit 20170201 1"
eq "kept numbers unlike the definition" "$(restated)" 0
ok changes --from 2016-01-01 --to 2017-12-31 --format json
jqeq '[.rows[] | "\(.type) \(.households) \(.persons)"] | join(",")' \
	"exit 4 8,return 1 3,split 1 2,merge 1 2,data_fix 1 1"
eq "the old computation" "$(new --from 2016-01-01 --to 2017-12-31)" \
	"$(old "e.effective BETWEEN 20160101 AND 20171231" $NOW)"
ok changes --from 2017-01-01 --to 2017-12-31 --format json
jqeq '[.rows[] | "\(.type) \(.households) \(.persons)"] | join(",")' "exit 3 8,merge 1 2"
eq "the old computation" "$(new --from 2017-01-01 --to 2017-12-31)" \
	"$(old "e.effective BETWEEN 20170101 AND 20171231" $NOW)"
finish
