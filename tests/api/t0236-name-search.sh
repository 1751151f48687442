#!/usr/bin/env bash
# Search by name over a county goes through the name index member_name_gram (schemas 0016 and 0018, issue 20) and finds
# exactly what a scan of every name finds: random 1-, 2- and 3-character parts of random names (some with
# spaces, which the search ignores) over a generated registry, compared with a direct scan of the database
# (the statement the search used before the index); then names changed by corrections after the import (the
# index follows: the new name is found, the old one no longer), a member added by an event (人员增加), and
# members moved by a merge and a split, added and removed (found under the household they belong to).
source "$(dirname "$0")/lib.sh"
new_db >/dev/null
bash "$(dirname "$0")/../../bench/gen_registry.sh" 1500 "$WORK/gen" 2>/dev/null
# random names from a small pool of characters, so that bigrams repeat across households; a space now and then
awk -F, -v OFS=, 'BEGIN { srand(20); split("王 李 张 刘 陈 杨 黄 赵 周 吴 徐 孙 马 朱 胡 郭 何 林 高 罗 建 国 华 明 红 英 玉 兰 秀 芳", c, " ") }
	NR == 1 { print; next }
	{ k = 2 + int(rand() * 3); s = ""
	  for (j = 0; j < k; j++) s = s (j == 1 && rand() < 0.1 ? " " : "") c[1 + int(rand() * 30)]
	  $3 = s; print }' "$WORK/gen/registry.csv" > "$WORK/registry.csv"
"$TUOPIN" import divisions "$WORK/gen/divisions.csv" >/dev/null
ok import registry "$WORK/registry.csv" --as-of 2014-01-01 --now "2014-01-05 10:00:00"
add_user county county_admin 371399000000
add_user town town_operator 371399103000
start_server
login county
login town

if [ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ]; then find_fn=strpos; else find_fn=instr; fi
# the households a scan of every member's name finds (removed members included, as the search does), over
# the county or (SCAN_TOWN=1) in the town 371399103000 only
scan() {
	local town=""
	[ -z "${SCAN_TOWN:-}" ] || town="AND h.village BETWEEN 371399103000 AND 371399103999"
	db_sql "SELECT DISTINCT h.hh_no FROM member m JOIN household h ON h.id = m.household_id
		WHERE $find_fn(replace(m.name, ' ', ''), '$1') > 0 $town ORDER BY h.hh_no" | LC_ALL=C sort
}
# the households the API finds, every page, as the county (or AS=town)
search() {
	local page=1 got=()
	while :; do
		expect 200 "${AS:-county}" GET "/api/households?q=$1&sort=hh_no&per_page=200&page=$page"
		mapfile -t -O "${#got[@]}" got < <(printf '%s' "$OUT" | jq -r '.data.items[] | .hh_no')
		[ "$(printf '%s' "$OUT" | jq '.data.items | length')" -eq 200 ] || break
		page=$((page + 1))
	done
	[ "${#got[@]}" -eq "$(printf '%s' "$OUT" | jq .data.total)" ] || fail "search $1: total is not the rows"
	[ "${#got[@]}" -eq 0 ] || printf '%s\n' "${got[@]}" | LC_ALL=C sort
}
# random parts of the names (spaces removed): $1 of each length 1, 2, 3, drawn with seed $2 (jq counts
# characters; a Lehmer generator keeps the draw the same on every machine)
parts() {
	db_sql "SELECT replace(name, ' ', '') FROM member ORDER BY id" | jq -R -s -r --argjson n "$1" --argjson seed "$2" '
		def next: (. * 16807) % 2147483647;
		(split("\n") | map(select(length > 0))) as $names
		| reduce range(0; 3 * $n) as $k ({ s: $seed, out: [] };
			(($k / $n) | floor + 1) as $len | .s |= next | $names[.s % ($names | length)] as $name
			| .s |= next
			| if ($name | length) < $len then . else
				.out += [$name[(.s % (($name | length) - $len + 1)):][:$len]] end)
		| .out[]'
}
checked=0
for q in $(parts 8 7) 玉兰 兰玉 红英华 王王 秀; do
	want=$(scan "$q")
	eq "search $q" "$(search "$q")" "$want"
	[ -n "$want" ] && checked=$((checked + 1))
done
[ "$checked" -ge 20 ] || fail "only $checked searches found anything"
# within a town: two characters or more through the index too, one character household by household
for q in $(parts 5 3) 玉兰 王王 秀; do
	eq "search $q in a town" "$(AS=town search "$q")" "$(SCAN_TOWN=1 scan "$q")"
done
[ -n "$(SCAN_TOWN=1 scan 王)" ] || fail "nobody in the town has 王 in the name"

# The list searched starts from the households found (issue 20: STMT_HH_FIND_*): in every order, page by page
# (7 a page), with its total and its counts by status, as the county and as a town, now and as of a past day,
# and with a status filter, it equals a scan ordered the same way. Queries: parts of names (one character over
# the county too), a 户编号, a 证件号码 and the last four characters of one.
status_order="CASE h.status WHEN 'poor' THEN 1 WHEN 'returned' THEN 2 WHEN 'exited_supported' THEN 3
	WHEN 'exited_unsupported' THEN 4 WHEN 'removed' THEN 5 WHEN 'cancelled' THEN 6 ELSE 7 END"
declare -A order=([hh_no]="h.hh_no" [-hh_no]="h.hh_no DESC" [village]="h.village, h.hh_no"
	[-village]="h.village DESC, h.hh_no" [status]="$status_order, h.hh_no"
	[attribute]="h.attribute IS NULL, h.attribute, h.hh_no" [cause]="h.cause_main IS NULL, h.cause_main, h.hh_no")
# scan_where Q [EXTRA]: the households a scan finds for Q (and EXTRA)
scan_where() {
	echo "WHERE (h.hh_no = '$1' OR h.id IN (SELECT m.household_id FROM member m WHERE m.id_no = '$1'
		OR (length('$1') = 4 AND substr(m.id_no, length(m.id_no) - 3) = '$1')
		OR $find_fn(replace(m.name, ' ', ''), '$1') > 0)) ${2:-}"
}
# listed Q SORT QUERY-EXTRA: every page's 户编号 in order, then the total and the counts by status; $PER a
# page (7, or 53 for a query that finds hundreds, so that the test stays quick)
listed() {
	local page=1 per=${PER:-7}
	while :; do
		expect 200 "${AS:-county}" GET "/api/households?q=$1&sort=$2&per_page=$per&page=$page$3"
		printf '%s' "$OUT" | jq -r '.data.items[] | .hh_no' | tee "$WORK/page"
		[ "$(wc -l <"$WORK/page")" -eq "$per" ] || break
		page=$((page + 1))
	done
	printf '%s' "$OUT" | jq -r '"total \(.data.total)", (.data.by_status | to_entries[] | "\(.key) \(.value)")'
}
scanned() {   # scanned Q SORT SQL-EXTRA
	db_sql "SELECT h.hh_no FROM household h $(scan_where "$1" "$3") ORDER BY ${order[$2]}"
	echo "total $(db_sql "SELECT COUNT(*) FROM household h $(scan_where "$1" "$3")")"
	db_sql "SELECT h.status || ' ' || COUNT(*) FROM household h $(scan_where "$1" "$3") GROUP BY h.status
		ORDER BY 1" | sort
}
sorted_tail() { awk '/^total/ { t = 1 } !t { print; next } { print | "sort" }'; }
hh1=$(db_sql "SELECT hh_no FROM household ORDER BY hh_no LIMIT 1 OFFSET 40")
id1=$(db_sql "SELECT m.id_no FROM member m ORDER BY m.id LIMIT 1 OFFSET 99")
town="AND h.village BETWEEN 371399103000 AND 371399103999"
# each query in four of the seven orders, in turn, so that every order is tried on six queries or more
sorts=(hh_no -hh_no village -village status attribute cause)
lists=0
for q in $(parts 2 5) 玉兰 王 "$hh1" "$id1" "${id1: -4}"; do
	PER=7
	[ "$(db_sql "SELECT COUNT(*) FROM household h $(scan_where "$q")")" -le 70 ] || PER=53
	for k in 0 1 2 3; do
		s=${sorts[(lists + k) % 7]}
		eq "list $q by $s" "$(listed "$q" "$s" "" | sorted_tail)" "$(scanned "$q" "$s" "" | sorted_tail)"
	done
	lists=$((lists + 4))
	eq "list $q as of a past day" "$(listed "$q" status "&as_of=2015-06-30" | sorted_tail)" \
		"$(scanned "$q" status "" | sorted_tail)"
	eq "list $q before the registry began" "$(listed "$q" village "&as_of=2013-12-31")" "total 0"
	eq "list $q, status poor" "$(listed "$q" -village "&status=poor" | sorted_tail)" \
		"$(scanned "$q" -village "AND h.status = 'poor'" | sorted_tail)"
	eq "list $q in a town" "$(AS=town listed "$q" village "" | sorted_tail)" "$(scanned "$q" village "$town" | sorted_tail)"
done
[ "$(PER=7 listed 王 village "" | grep -c '^3713')" -ge 8 ] || fail "王 finds fewer than two pages"
[ "$(listed "${id1: -4}" village "" | grep -c '^3713')" -ge 1 ] || fail "the last four of $id1 find nothing"
# the counts come with a searched page's rows (HH_FOUND); a page past the last match has none and counts them on
# its own: the same total and counts by status as the first page's, no households
counts() { expect 200 county GET "/api/households?q=$1&per_page=7&page=$2${3:-}"; jq -c '[.data.total, .data.by_status, (.data.items | length)]' <<<"$OUT"; }
for q in 王 "$hh1" "${id1: -4}"; do
	first=$(counts "$q" 1)
	eq "$q: counted with the first page" "$first" "$(jq -c '.[0] as $t | [$t, .[1], (if $t < 7 then $t else 7 end)]' <<<"$first")"
	eq "$q: a page past the last match" "$(counts "$q" 999)" "$(jq -c '.[2] = 0' <<<"$first")"
	eq "$q: as of a past day, past the last match" "$(counts "$q" 999 "&as_of=2015-06-30" | jq -c '.[0:2]')" \
		"$(counts "$q" 1 "&as_of=2015-06-30" | jq -c '.[0:2]')"
done
eq "王: its total by status" "$(counts 王 1 | jq -c '.[0] == (.[1] | add)')" true

# corrections after the import: the index follows the new names
h=$(db_sql "SELECT h.hh_no FROM household h ORDER BY h.hh_no LIMIT 1 OFFSET 17")
mid=$(db_sql "SELECT m.id FROM member m JOIN household h ON h.id = m.household_id WHERE h.hh_no = '$h' ORDER BY m.id LIMIT 1")
eq "no one is 欧阳 before" "$(search 欧阳)" ""
expect 200 county PATCH "/api/households/$h/members/$mid" '{"name":"欧阳 娜娜","reason":"姓名更正"}'
eq "新姓名 found" "$(search 阳娜)" "$h"
eq "欧阳娜 found" "$(search 欧阳娜)" "$h"
for q in $(parts 6 11) 娜 阳娜; do
	eq "search $q after the correction" "$(search "$q")" "$(scan "$q")"
done
expect 200 county PATCH "/api/households/$h/members/$mid" '{"name":"司马迁","reason":"姓名再更正"}'
eq "the old name is gone" "$(search 阳娜)" ""
eq "the new name" "$(search 司马)" "$h"
eq "司马迁 found" "$(search 马迁)" "$h"
# a member added by an event (人员增加) is found by name at once
idno() {   # idno 17-DIGITS: with its GB 11643 check digit
	local w=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) c=10X98765432 sum=0 i
	for i in $(seq 0 16); do sum=$((sum + ${1:i:1} * w[i])); done
	echo "$1${c:sum % 11:1}"
}
expect 201 county POST "/api/households/$h/events" "{\"type\":\"member_add\",\"effective\":\"2018-01-01\",\"correction\":true,\"reason\":\"其他\",\"member\":{\"name\":\"上官 婉儿\",\"id_no\":\"$(idno 37139920160101001)\",\"relation\":\"之子\",\"sex\":\"男\"}}"
eq "the new member found" "$(search 官婉)" "$h"
eq "上官婉儿 found" "$(search 上官婉)" "$h"

# Members moving between households (the index carries each member's household, schema 0018): a merge into
# another household (人员变动), a split into a new household, a member added and one removed; each is then
# found under the household it belongs to, as the scan finds it, and the list names the member it found.
# first_match Q: the first household found and the member named for it, as the county
first_match() {
	expect 200 county GET "/api/households?q=$1&sort=hh_no&per_page=50"
	printf '%s' "$OUT" | jq -r '.data.items[0] | "\(.hh_no) \(.match.name // "-")"'
}
# two households of one village with two members or more, the first's last member not its head
read -r A B < <(db_sql "SELECT a.hh_no, b.hh_no FROM household a JOIN household b ON b.village = a.village
	AND b.hh_no > a.hh_no AND b.hh_no <> '$h' WHERE a.hh_no <> '$h' AND a.status = 'poor' AND b.status = 'poor'
	AND (SELECT COUNT(*) FROM member m WHERE m.household_id = a.id) >= 3 ORDER BY a.hh_no, b.hh_no LIMIT 1" | tr '|' ' ')
[ -n "$A" ] && [ -n "$B" ] || fail "no two households to move a member between"
expect 200 county GET "/api/households/$A"
mv=$(printf '%s' "$OUT" | jq '[.data.members[] | select(.relation.code != "01")][-1].id')
expect 200 county PATCH "/api/households/$A/members/$mv" '{"name":"诸葛 孔明","reason":"姓名更正"}'
eq "诸葛孔明 in $A" "$(search 葛孔)" "$A"
eq "named in $A" "$(first_match 葛孔)" "$A 诸葛 孔明"
expect 201 county POST "/api/households/$A/events" "{\"type\":\"merge\",\"effective\":\"2019-07-01\",\"correction\":true,\"member_id\":$mv,\"target_hh_no\":\"$B\",\"relation\":\"其他\",\"reason\":\"投亲\"}"
eq "诸葛孔明 moved to $B (2 characters)" "$(search 葛孔)" "$B"
eq "诸葛孔明 moved to $B (3 characters)" "$(search 诸葛孔)" "$B"
eq "诸葛孔明 moved to $B (one)" "$(search 孔明)" "$(scan 孔明)"
eq "named in $B" "$(first_match 诸葛孔)" "$B 诸葛 孔明"
# a split: the member leaves $B for a new household, of which it is the head (the row names it already)
C=${B:0:12}999999
expect 201 county POST "/api/households/$B/events" "{\"type\":\"split\",\"effective\":\"2019-08-01\",\"correction\":true,\"member_id\":$mv,\"target_hh_no\":\"$C\",\"relation\":\"户主\",\"reason\":\"分户\"}"
eq "诸葛孔明 split into $C" "$(search 葛孔)" "$C"
eq "诸葛孔明 split (3 characters)" "$(search 孔明)" "$(scan 孔明)"
eq "the head is not named again" "$(first_match 葛孔)" "$C -"
# a member added to the new household, then removed: found there (a removed member still is, as by the scan),
# and named only while present
expect 201 county POST "/api/households/$C/events" "{\"type\":\"member_add\",\"effective\":\"2019-09-01\",\"reason\":\"新生儿\",\"member\":{\"name\":\"诸葛瞻\",\"id_no\":\"$(idno 37139920190901001)\",\"relation\":\"之子\",\"sex\":\"男\"}}"
eq "诸葛瞻 found" "$(search 葛瞻)" "$C"
eq "诸葛瞻 named" "$(first_match 葛瞻)" "$C 诸葛瞻"
eq "诸葛 finds the household once" "$(search 诸葛)" "$C"
zid=$(db_sql "SELECT id FROM member WHERE name = '诸葛瞻'")
expect 201 county POST "/api/households/$C/events" "{\"type\":\"member_remove\",\"effective\":\"2019-10-01\",\"member_id\":$zid,\"reason\":\"婚出\"}"
eq "诸葛瞻 removed, still found as by the scan" "$(search 葛瞻)" "$(scan 葛瞻)"
eq "诸葛瞻 removed, not named" "$(first_match 葛瞻)" "$C -"
# a merge into a household of another village: the index row follows the member into the new village (its key
# holds the village since schema 0024), so a search in either village finds it where it is now
D=$(db_sql "SELECT hh_no FROM household WHERE village <> ${C:0:12} AND status = 'poor' ORDER BY hh_no LIMIT 1")
expect 201 county POST "/api/households/$C/events" "{\"type\":\"merge\",\"effective\":\"2019-11-01\",\"correction\":true,\"member_id\":$mv,\"target_hh_no\":\"$D\",\"relation\":\"其他\",\"reason\":\"投亲\"}"
eq "诸葛孔明 moved to $D in another village" "$(search 葛孔)" "$D"
in_village() { expect 200 county GET "/api/households?q=$1&division=$2&per_page=50"; jq -r '[.data.items[] | .hh_no] | join(" ")' <<<"$OUT"; }
eq "found in $D's village" "$(in_village 诸葛孔 "${D:0:12}")" "$D"
eq "no longer in $C's village" "$(in_village 诸葛孔 "${C:0:12}")" ""
eq "found in $D's village (2 characters)" "$(in_village 葛孔 "${D:0:12}")" "$D"
for q in $(parts 6 13) 孔明 葛孔 诸葛孔; do
	eq "search $q after the moves" "$(search "$q")" "$(scan "$q")"
	eq "search $q after the moves, in a town" "$(AS=town search "$q")" "$(SCAN_TOWN=1 scan "$q")"
done
# every index row carries its member's household and that household's village (schema 0024)
eq "gram rows of another household" "$(db_sql "SELECT COUNT(*) FROM member_name_gram g JOIN member m
	ON m.id = g.member_id WHERE g.household_id <> m.household_id")" 0
eq "gram rows of another village" "$(db_sql "SELECT COUNT(*) FROM member_name_gram g JOIN household h
	ON h.id = g.household_id WHERE g.village <> h.village")" 0
# the index holds exactly the bigrams of the names as they are now
if [ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ]; then
	want=$(db_sql "SELECT count(*) FROM (SELECT DISTINCT substr(replace(name, ' ', ''), i, 2), id FROM member,
		generate_series(1, length(replace(name, ' ', '')) - 1) i) x")
else
	want=$(db_sql "WITH RECURSIVE g(id, n, i) AS (SELECT id, replace(name, ' ', ''), 1 FROM member
		WHERE length(replace(name, ' ', '')) >= 2 UNION ALL SELECT id, n, i + 1 FROM g WHERE i < length(n) - 1)
		SELECT count(*) FROM (SELECT DISTINCT substr(n, i, 2), id FROM g)")
fi
eq "gram rows" "$(db_sql "SELECT COUNT(*) FROM member_name_gram")" "$want"
finish
