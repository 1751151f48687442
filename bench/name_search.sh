#!/usr/bin/env bash
# name_search.sh DB [BUILD]: the household list's name search on an imported SQLite county (bench/gen_registry.sh +
# bench/realistic.sh, imported with `tuopin import registry`), through the name index (schemas 0016, 0018) against the
# scan it replaced, for a county, a town and a village: the count statement of the list (src/store/stmt.c,
# HH_LIST_WHERE) with the search's parameters written in, and the count the list now runs (STMT_HH_FIND_COUNT:
# from the matches), run by sqlite3, best of three, in seconds. The counts of all three must be equal (the index is confirmed by instr, so it finds exactly the scan's households).
# With BUILD: then the latency of the list searched through HTTP (GET /api/households?q=...&per_page=50, the
# count, the page and the counts by status; STMT_HH_FIND_*): `tuopin serve --threads 4` on DB, wrk at 1 and at
# 64 connections over many queries picked at random (bench/search.lua), each set for BENCH_SECONDS (10):
# parts of names (2 and 3 characters, from random members' names) over the county, a town and a village;
# 户编号 and 证件号码 over the county. p50, p99 and the slowest request (wrk's latency distribution).
set -euo pipefail
db=${1:?usage: name_search.sh DB [BUILD]}
build=${2:-}
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
	found) echo "SELECT COUNT(*) FROM (SELECT x.id FROM household x WHERE x.hh_no = '$q'
		UNION SELECT m.household_id FROM member m WHERE m.id_no = '$q'
		UNION SELECT m.household_id FROM member m WHERE length('$q') = 4 AND substr(m.id_no, -4) = '$q'
		UNION SELECT g.household_id FROM member_name_gram g WHERE length('$q') = 2 AND g.gram = '$q'
		UNION SELECT g.household_id FROM member_name_gram g JOIN member m ON m.id = g.member_id
		WHERE length('$q') > 2 AND g.gram = substr('$q', 1, 2) AND EXISTS (SELECT 1 FROM member_name_gram l
		WHERE l.gram = substr('$q', -2) AND l.household_id = g.household_id AND l.member_id = g.member_id)
		AND instr(replace(m.name, ' ', ''), '$q') > 0
		UNION SELECT m.household_id FROM member m WHERE length('$q') = 1 AND instr(replace(m.name, ' ', ''), '$q') > 0) k
		CROSS JOIN household h ON h.id = k.id WHERE h.village BETWEEN $lo AND $hi"; return;;
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
if [ "${BENCH_HTTP_ONLY:-}" != 1 ]; then   # BENCH_HTTP_ONLY=1 (with BUILD): only the HTTP part
printf '%-8s %-8s %18s %18s %6s %18s\n' scope query "scan (n, s)" "index (n, s)" ratio "found (n, s)"
for q in $(sqlite3 "$db" "SELECT substr(replace(name, ' ', ''), 2, 2) FROM member WHERE id IN (1000, 123456)
	UNION ALL SELECT replace(name, ' ', '') FROM member WHERE id = 777777"); do
	for scope in "county 371399000000 371399999999 scan8" "town 371399105000 371399105999 scan7" \
		"village 371399105201 371399105201 scan7"; do
		set -- $scope
		s=$(best "$(stmt "$2" "$3" "$q" "$4")")
		i=$(best "$(stmt "$2" "$3" "$q" index)")
		f=$(best "$(stmt "$2" "$3" "$q" found)")
		[ "${s% *}" = "${i% *}" ] || { echo "name_search.sh: $1 $q: the index found ${i% *}, the scan ${s% *}" >&2; exit 1; }
		[ "${s% *}" = "${f% *}" ] || { echo "name_search.sh: $1 $q: the search from the matches found ${f% *}, the scan ${s% *}" >&2; exit 1; }
		printf '%-8s %-8s %18s %18s %6s %18s\n' "$1" "$q" "$s" "$i" "$(awk -v a="${s#* }" -v b="${i#* }" 'BEGIN { printf "%.1f", a / b }')" "$f"
	done
done
fi

[ -n "$build" ] || exit 0
out=$(dirname "$db")
dur=${BENCH_SECONDS:-10}
export TUOPIN_DB=sqlite:$db
# the user: a county office's role over the database's widest division (the county, or all of gen_registry.sh's)
top=$(sqlite3 "$db" "SELECT code FROM division ORDER BY level, code LIMIT 1")
"$build/tuopin" user add bench --role county_admin --division "$top" --password 'Wrk-Load-2026!' --keep \
	>/dev/null 2>&1 || true
token=$("$build/tuopin" token add bench --name wrk --days 1)
# searches.SET.txt: request paths. Names: a random part of 2 or 3 characters of a random member's name, over the
# county, the member's town or the member's village (a third each); numbers: a household's 户编号 or a member's
# 证件号码 over the county. BENCH_KEEP_SEARCHES=1 keeps the files already there (the same requests before and after
# a change).
if [ "${BENCH_KEEP_SEARCHES:-}" != 1 ] || [ ! -s "$out/searches.name.txt" ] || [ ! -s "$out/searches.number.txt" ]; then
sqlite3 "$db" "SELECT substr(n, 1 + abs(random()) % (length(n) - k + 1), k), v, k FROM (SELECT replace(m.name, ' ', '') n,
	h.village v, 2 + abs(random()) % 2 k FROM member m JOIN household h ON h.id = m.household_id
	WHERE m.id IN (SELECT 1 + abs(random()) % (SELECT MAX(id) FROM member) FROM generate_series(1, 3000))) WHERE length(n) >= k" 2>/dev/null |
	awk -F'|' '{ s = NR % 3; d = s == 0 ? "" : s == 1 ? "&division=" substr($2, 1, 9) "000" : "&division=" $2; print $1 "\t" d }' |
	jq -R -r 'split("\t") | "/api/households?per_page=50&q=\(.[0] | @uri)\(.[1])"' > "$out/searches.name.txt" || true
if [ ! -s "$out/searches.name.txt" ]; then   # sqlite3 without generate_series
	sqlite3 "$db" "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 3000)
		SELECT substr(n, 1 + abs(random()) % (length(n) - k + 1), k), v, k FROM (SELECT replace(m.name, ' ', '') n,
		h.village v, 2 + abs(random()) % 2 k FROM member m JOIN household h ON h.id = m.household_id
		WHERE m.id IN (SELECT 1 + abs(random()) % (SELECT MAX(id) FROM member) FROM s)) WHERE length(n) >= k" |
		awk -F'|' '{ s = NR % 3; d = s == 0 ? "" : s == 1 ? "&division=" substr($2, 1, 9) "000" : "&division=" $2; print $1 "\t" d }' |
		jq -R -r 'split("\t") | "/api/households?per_page=50&q=\(.[0] | @uri)\(.[1])"' > "$out/searches.name.txt"
fi
sqlite3 "$db" "SELECT hh_no FROM household ORDER BY random() LIMIT 1000; SELECT id_no FROM member ORDER BY random() LIMIT 1000" |
	sed 's|^|/api/households?per_page=50\&q=|' > "$out/searches.number.txt"
fi
port=$((30000 + RANDOM % 10000))
# PAGE_CACHE=0: without the page cache (wrk's warm-up asks the measured run's first requests: with the cache
# those come from memory)
"$build/tuopin" serve --listen "127.0.0.1:$port" --threads 4 --max-per-address 0 ${PAGE_CACHE:+--page-cache "$PAGE_CACHE"} \
	>/dev/null 2>"$out/serve.err" &
pid=$!
trap 'rm -f "$tmp"; kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/api/ping" && break; sleep 0.05; done
echo "GET /api/households?q=... on $db, ${dur}s each ($(wc -l < "$out/searches.name.txt") name searches, $(wc -l < "$out/searches.number.txt") numbers):"
for set in name number; do
	for c in 1 64; do
		t=$((c < 2 ? 1 : 2))
		PATHS=$out/searches.$set.txt wrk -t$t -c$c -d2s -H "Authorization: Bearer $token" -s bench/search.lua \
			"http://127.0.0.1:$port/" >/dev/null 2>&1   # warm-up
		PATHS=$out/searches.$set.txt wrk -t$t -c$c -d"${dur}s" --latency -H "Authorization: Bearer $token" \
			-s bench/search.lua "http://127.0.0.1:$port/" > "$out/wrk-search-$set-$c.txt" 2>&1
		awk -v n="$set, $c conn." '
			/Requests\/sec/ { rps = $2 }
			/^ +50%/ { p50 = $2 }
			/^ +99%/ { p99 = $2 }
			/^ +Latency / && !max { max = $4 }
			/Non-2xx/ { bad = $NF }
			/Socket errors/ { gsub(",", ""); sock = $4 + $6 + $8 + $10 }
			END { printf "%-18s %8.0f req/s   p50 %8s   p99 %8s   max %8s%s%s\n", n, rps, p50, p99, max,
				bad ? "   NON-2xx " bad : "", sock ? "   SOCKET ERRORS " sock : "" }' \
			"$out/wrk-search-$set-$c.txt"
	done
done
