#!/usr/bin/env bash
# Masked ID numbers cannot be rebuilt (issue 13 point 2; docs/SECURITY.md, PIPL 去标识化). From everything a
# role without full_id is shown of a person — the masked number, the birth (a month), the age on any date,
# the sex, the county's address code — and what a search answers, an attacker enumerates the numbers that
# fit: at least 10^4 must remain, on the household page (API and CLI), in the household list and in an
# export. The true number is among them (the count is of real candidates, not of nonsense).
source "$(dirname "$0")/lib.sh"
county_db
add_user county county_admin 371399000000
add_user cadre cadre 371399100201
start_server
login county
login cadre

# candidates MASK BIRTH SEX COUNTY: how many 18-character numbers agree with all that is shown: every
# character the mask shows, the address code (the county's, where the mask hides it), a birth date in the
# birth shown (a day, a month or a year), a sequence of the sex's parity, and the GB 11643 check character
candidates() {
	awk -v mask="$1" -v birth="$2" -v sex="$3" -v county="$4" '
	function leap(y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
	function mdays(y, m) { return m == 2 ? (leap(y) ? 29 : 28) : (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31 }
	function fits(s,   i, c) {
		for (i = 1; i <= 18; i++) { c = substr(mask, i, 1); if (c != "*" && c != substr(s, i, 1)) return 0 }
		return 1
	}
	BEGIN {
		split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " "); codes = "10X98765432"
		addr = substr(mask, 1, 6); if (addr ~ /\*/) addr = county
		y = substr(birth, 1, 4) + 0; m0 = 1; m1 = 12
		if (length(birth) >= 7) m0 = m1 = substr(birth, 6, 2) + 0
		n = 0
		for (m = m0; m <= m1; m++) {
			d0 = 1; d1 = mdays(y, m)
			if (length(birth) == 10) d0 = d1 = substr(birth, 9, 2) + 0
			for (d = d0; d <= d1; d++) {
				b = sprintf("%04d%02d%02d", y, m, d)
				for (q = (sex == "男" ? 1 : 0); q < 1000; q += 2) {
					s17 = addr b sprintf("%03d", q); sum = 0
					for (i = 1; i <= 17; i++) sum += substr(s17, i, 1) * w[i]
					s = s17 substr(codes, sum % 11 + 1, 1)
					if (fits(s)) n++
				}
			}
		}
		print n
	}'
}
# the check: every member of a household as the cadre sees it (the county's full view gives the truth)
check_household() {
	local hh=$1 i n
	expect 200 county GET "/api/households/$hh?full=1"
	local full=$OUT
	expect 200 cadre GET "/api/households/$hh"
	local masked=$OUT
	n=$(jq '.data.members | length' <<<"$masked")
	for i in $(seq 0 $((n - 1))); do
		local mask birth sex truth count
		mask=$(jq -r ".data.members[$i].id_no" <<<"$masked")
		birth=$(jq -r ".data.members[$i].birth" <<<"$masked")
		sex=$(jq -r ".data.members[$i].sex.label" <<<"$masked")
		truth=$(jq -r ".data.members[$i].id_no" <<<"$full")
		count=$(candidates "$mask" "$birth" "$sex" 371399)
		[ "$count" -ge 10000 ] || fail "$hh member $i ($mask, $birth, $sex): only $count candidates"
		# the enumeration finds the number itself when everything is shown; the true number fits what the
		# mask and the birth month show (below), so it is one of the candidates counted
		[ "$(candidates "$truth" "${truth:6:4}-${truth:10:2}-${truth:12:2}" "$sex" 371399)" = 1 ] ||
			fail "$hh member $i: the enumeration does not find the number itself"
		eq "$hh member $i: the mask shows the address code only" "$mask" "${truth:0:6}************"
		eq "$hh member $i: the birth month" "$birth" "${truth:6:4}-${truth:10:2}"
	done
}
check_household 3713990001
check_household 3713990002

# the age never tells the day: the same on the first and the last day of a birth month
expect 200 cadre GET "/api/households/3713990001?as_of=2018-03-01"
a1=$(jq -r '.data.members[0] | "\(.birth) \(.age)"' <<<"$OUT")
expect 200 cadre GET "/api/households/3713990001?as_of=2018-03-31"
eq "age on the last day of the month" "$(jq -r '.data.members[0] | "\(.birth) \(.age)"' <<<"$OUT")" "$a1"
expect 200 county GET "/api/households/3713990001?full=1&as_of=2018-03-01"
eq "the full view has the day (and the age by it)" "$(jq -r '.data.members[0] | "\(.birth) \(.age)"' <<<"$OUT")" "1960-03-12 57"
# in the birth month the masked age is the year before's (never an age not yet reached: the full view's on the
# 1st, a year less than the full view's after the 12th); from the next month on it is the exact age
eq "the masked age" "$a1" "1960-03 57"
expect 200 cadre GET "/api/households/3713990001?as_of=2018-04-01"
eq "the month after" "$(jq -r '.data.members[0] | "\(.birth) \(.age)"' <<<"$OUT")" "1960-03 58"
expect 200 county GET "/api/households/3713990001?full=1&as_of=2018-04-01"
eq "the full view agrees" "$(jq -r '.data.members[0] | .age' <<<"$OUT")" "58"

# a search by a whole number would test candidates one by one: not for a role without full_id
expect 403 cadre GET "/api/households?q=371399196003121036"
jqeq '"\(.error.code) \(.error.field)"' "full_id_search q"
expect 403 cadre GET "/api/households?q=1036"
jqeq .error.code full_id_search
# ... nor by a number with a wrong check character (stored ones exist) or a disability card's 20 or 22 digits:
# they went through unaudited, an oracle (found by a review); a 户编号 of 16 digits is no number
for q in 371399196003121037 37139919600312103X 37139919600312103611 3713991960031210361142; do
	expect 403 cadre GET "/api/households?q=$q"
	jqeq .error.code full_id_search
done
expect 200 cadre GET "/api/households?q=3713991002010001"
expect 200 cadre GET "/api/households?q=3713990001"
jqeq '.data.total' 1
expect 200 county GET "/api/households?q=371399196003121036"
jqeq '.data.items[0].hh_no' 3713990001
eq "a search by number is on record" "$(audit_sql "SELECT actor || ' ' || detail FROM audit WHERE action = 'search.id_no'")" 'county {"by":"whole"}'

# the household list, the CLI's page and an export show the same
expect 200 cadre GET "/api/households?per_page=50"
eq "no list item shows more" "$(jq -r '[.data.items[] | tostring | test("371399[0-9]{7}")] | any' <<<"$OUT")" false
ok show 3713990001 --format json
eq "CLI page" "$(jq -c '[.members[] | [.id_no, .birth]]' <<<"$OUT")" \
	'[["371399************","1960-03"],["371399************","1962-05"],["371399************","2005-09"]]'
curl -s -o "$WORK/export.csv" -b "$WORK/county.jar" "http://127.0.0.1:$PORT/api/exports/registry?format=csv"
col=$(head -1 "$WORK/export.csv" | tr ',' '\n' | grep -n '证件号码' | cut -d: -f1)
eq "export: masked numbers" "$(tail -n +2 "$WORK/export.csv" | cut -d, -f"$col" | sort -u | tr '\n' ' ')" "371399************ "
[ "$(head -1 "$WORK/export.csv" | grep -c '出生')" = 0 ] || fail "the export has a birth column"
finish
