#!/usr/bin/env bash
# name_search.sh DB: the household list's name search on an imported SQLite county (bench/gen_registry.sh +
# bench/realistic.sh, imported with `tuopin import registry`), through the name index (schema 0018) against the
# scan it replaced, for a county, a town and a village: the count statement of the list (src/store/stmt.c,
# HH_LIST_WHERE) with the search's parameters written in, run by sqlite3, best of three, in seconds. The
# counts of both must be equal (the index is confirmed by instr, so it finds exactly the scan's households).
set -euo pipefail
db=${1:?usage: name_search.sh DB}
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
# stmt SCOPE-LO SCOPE-HI Q MODE: scan7 (each household's members), scan8 (every name once), index
stmt() {
	local lo=$1 hi=$2 q=$3 name
	case $4 in
	scan7) name="EXISTS (SELECT 1 FROM member m WHERE m.household_id = h.id AND instr(replace(m.name, ' ', ''), '$q') > 0)";;
	scan8) name="h.id IN (SELECT m.household_id FROM member m WHERE instr(replace(m.name, ' ', ''), '$q') > 0)";;
	index) name="h.id IN (SELECT m.household_id FROM member_name_gram g JOIN member m ON m.id = g.member_id
		WHERE length('$q') >= 2 AND g.gram = substr('$q', 1, 2) AND instr(replace(m.name, ' ', ''), '$q') > 0
		UNION ALL SELECT m.household_id FROM member m WHERE length('$q') = 1 AND instr(replace(m.name, ' ', ''), '$q') > 0)";;
	esac
	echo "SELECT COUNT(*) FROM household h WHERE h.village BETWEEN $lo AND $hi AND ('$q' IS NULL
		OR h.id IN (SELECT x.id FROM household x WHERE x.hh_no = '$q' UNION SELECT m.household_id FROM member m WHERE m.id_no = '$q')
		OR (length('$q') = 4 AND h.id IN (SELECT m.household_id FROM member m WHERE substr(m.id_no, -4) = '$q')) OR ($name))"
}
best() {   # best SQL: "count seconds", the best of three runs
	local i t best=999 n
	for i in 1 2 3; do
		t=$( { TIMEFORMAT=%R; time sqlite3 "$db" "$1" > "$tmp"; } 2>&1 )
		n=$(cat "$tmp")
		best=$(awk -v a="$t" -v b="$best" 'BEGIN { print (a < b ? a : b) }')
	done
	echo "$n $best"
}
printf '%-8s %-8s %18s %18s %6s\n' scope query "scan (n, s)" "index (n, s)" ratio
for q in $(sqlite3 "$db" "SELECT substr(replace(name, ' ', ''), 2, 2) FROM member WHERE id IN (1000, 123456)
	UNION ALL SELECT replace(name, ' ', '') FROM member WHERE id = 777777"); do
	for scope in "county 371399000000 371399999999 scan8" "town 371399105000 371399105999 scan7" \
		"village 371399105201 371399105201 scan7"; do
		set -- $scope
		s=$(best "$(stmt "$2" "$3" "$q" "$4")")
		i=$(best "$(stmt "$2" "$3" "$q" index)")
		[ "${s% *}" = "${i% *}" ] || { echo "name_search.sh: $1 $q: the index found ${i% *}, the scan ${s% *}" >&2; exit 1; }
		printf '%-8s %-8s %18s %18s %6s\n' "$1" "$q" "$s" "$i" "$(awk -v a="${s#* }" -v b="${i#* }" 'BEGIN { printf "%.1f", a / b }')"
	done
done
