#!/usr/bin/env bash
# Stats as recorded at an instant (--recorded-at) are summed from the aggregates as recorded (stat_recorded,
# schema 0019), not scanned from the spans. On the sample county's history (identification, three years of
# events, the 2018 clean-up with its corrections and a missed household included retroactively), the counts
# by village and status equal the old computation — the spans valid on the day and recorded at the instant,
# restated here in SQL — on every pair of a grid of days and instants around each recording; and the rows the
# write transactions added are exactly the rows the migration makes from the spans.
source "$TESTLIB"
new_db >/dev/null
county_history missed

# the old computation: households and persons by village and status, from the spans valid on day $1 and
# recorded at instant $2 (a household counts its status; a member counts where a membership span and a status
# span of its household both hold)
scan() {
	db_sql "SELECT v || '|' || st || '|' || SUM(hh) || '|' || SUM(pp) FROM (
		SELECT h.village AS v, s.status AS st, 1 AS hh, 0 AS pp FROM household_status_span s
		JOIN household h ON h.id = s.household_id
		WHERE s.valid_from <= $1 AND $1 < s.valid_to AND s.recorded_from <= $2 AND $2 < s.recorded_to
		UNION ALL SELECT h.village, s.status, 0, 1 FROM membership_span m
		JOIN household_status_span s ON s.household_id = m.household_id AND s.valid_from <= $1 AND $1 < s.valid_to
			AND s.recorded_from <= $2 AND $2 < s.recorded_to
		JOIN household h ON h.id = m.household_id
		WHERE m.valid_from <= $1 AND $1 < m.valid_to AND m.recorded_from <= $2 AND $2 < m.recorded_to) x
		WHERE st <> 'ordinary' GROUP BY v, st" | LC_ALL=C sort
}
# the command's answer in the same form
stats_rows() {
	ok stats --as-of "$1" --recorded-at "$2" --by village --format json
	jq -r '.rows[] | .code as $c | . as $r | ("poor", "returned", "exited_supported", "exited_unsupported",
		"removed", "cancelled") as $s | select($r[$s].households != 0 or $r[$s].persons != 0)
		| "\($c)|\($s)|\($r[$s].households)|\($r[$s].persons)"' <<<"$OUT" | LC_ALL=C sort
}
days="2013-12-31 2014-01-01 2014-12-31 2015-07-01 2016-06-30 2017-12-31 2018-04-25 2019-06-30"
instants="2014-01-05T09:59:59 2014-01-05T10:00:00 2015-01-10T10:00:00 2016-01-08T09:59:59
	2017-01-09T10:00:00 2018-04-20T09:59:59 2018-04-20T10:00:00 2018-04-25T10:00:00 2020-01-01T00:00:00"
pairs=0 nonempty=0
for d in $days; do
	for t in $instants; do
		# the office's zone is the default (Asia/Shanghai): the stored stamps are UTC, 8 hours earlier
		utc=$(TZ=UTC date -d "TZ=\"Asia/Shanghai\" ${t/T/ }" +%Y%m%d%H%M%S)
		want=$(scan "${d//-/}" "$utc")
		got=$(stats_rows "$d" "${t/T/ }")
		eq "as of $d recorded at $t" "$got" "$want"
		pairs=$((pairs + 1))
		[ -n "$want" ] && nonempty=$((nonempty + 1))
	done
done
eq "pairs compared" "$pairs" 72
# the grid is not vacuous: nothing counts before the first recording or before 2014-01-01, everything else does
eq "pairs with households" "$nonempty" 56
# a pair the history moves: the missed household counts on 2014-01-01 only once recorded (2018-04-25)
stats_rows 2014-01-01 "2018-04-24 12:00:00" >/dev/null
before=$(jq -c '.totals.registered' <<<"$OUT")
stats_rows 2014-01-01 "2018-04-25 10:00:00" >/dev/null
eq "the missed household, before and after it was recorded" "$before $(jq -c '.totals.registered' <<<"$OUT")" \
	'{"households":7,"persons":20} {"households":8,"persons":23}'

# The migration makes the same rows from the spans as the transactions added one by one.
rows() { db_sql "SELECT village || '|' || status || '|' || day || '|' || recorded_at || '|' || households || '|' ||
	persons FROM stat_recorded WHERE households <> 0 OR persons <> 0" | LC_ALL=C sort; }
added=$(rows)
eq "rows added by the transactions" "$(wc -l <<<"$added")" 39
db_sql "DROP TABLE stat_recorded"
# 0022 undone as well: each event's village goes, and comes back from its household
events_villages() { db_sql "SELECT COUNT(*) || ' ' || SUM(CASE WHEN e.village = h.village THEN 1 ELSE 0 END)
	FROM change_event e JOIN household h ON h.id = e.household_id"; }
eq "events, each with its household's village" "$(events_villages)" "26 26"
# and 0028: the persons each household-level event keeps come back from the memberships
kept() { db_sql "SELECT id || ' ' || COALESCE(persons, -1) FROM change_event WHERE member_id IS NULL ORDER BY id"; }
kept_before=$(kept)
eq "events keeping their persons" "$(db_sql "SELECT COUNT(*) FROM change_event WHERE persons IS NOT NULL")" 23
db_sql "DROP INDEX change_event_effective"
db_sql "ALTER TABLE change_event DROP COLUMN village"
db_sql "ALTER TABLE change_event DROP COLUMN persons"
# (the runner applies the migrations above the highest applied: those after 0019 run again too)
db_sql "DELETE FROM schema_migrations WHERE name IN ('0019_stat_recorded.sql', '0020_stat_clustered.sql',
	'0021_registry_generation_at_commit.sql', '0022_change_event_village.sql', '0023_household_list_index.sql',
	'0024_member_name_gram_village.sql', '0025_stat_rollup_month.sql', '0026_audit_filters.sql',
	'0027_campaign_close.sql', '0028_event_persons.sql')"
ok init
eq "the migration ran again (and 0020-0028 after it)" "$(jq -Rr 'capture("本次应用 (?<n>[0-9]+) 个迁移").n' <<<"$OUT")" 10
eq "made from the spans" "$(rows)" "$added"
eq "each event's village made from its household" "$(events_villages)" "26 26"
eq "each event's persons made from the memberships" "$(kept)" "$kept_before"
finish
