#!/usr/bin/env bash
# gen_deaths.sh N REGISTRY OUT: a 公安 deaths list of N rows (证件号码,姓名,死亡日期) for bench/check.sh: one row
# in a thousand is a person of REGISTRY (a file of gen_registry.sh or realistic.sh), of those one in ten under
# the old 15-digit number, one in ten with a lower-case x (when its check digit is X) and one in twenty
# under another name; the rest are people of another county (code
# 371398, valid GB 11643 numbers no registry holds). Deaths between 2026-01-01 and 2026-06-28; the list is as
# of 2026-06-30. Deterministic; needs only awk.
set -euo pipefail
n=$1
reg=$2
out=$3
awk -F, -v n="$n" '
function ymd(z,    era, doe, yoe, y, doy, mp, d, m) {
	z += 719468
	era = int(z / 146097)
	doe = z - era * 146097
	yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
	y = yoe + era * 400
	doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
	mp = int((5 * doy + 2) / 153)
	d = doy - int((153 * mp + 2) / 5) + 1
	m = mp < 10 ? mp + 3 : mp - 9
	return (m <= 2 ? y + 1 : y) * 10000 + m * 100 + d
}
function day(k,    x) {
	x = ymd(20454 + k % 179)   # 2026-01-01 + 0..178
	return substr(x, 1, 4) "-" substr(x, 5, 2) "-" substr(x, 7, 2)
}
BEGIN {
	split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
	checks = "10X98765432"
	print "证件号码,姓名,死亡日期"
}
NR == 1 { next }
(NR - 2) % 1000 == 0 && rows < n {
	id = $4
	name = $3
	k = int((NR - 2) / 1000)
	if (k % 10 == 3)
		id = substr(id, 1, 6) substr(id, 9, 9)   # the 15-digit number (no century, no check digit)
	if (k % 20 == 7)
		name = name "某"
	if (k % 10 == 5)
		id = tolower(id)   # a lower-case x
	printf "%s,%s,%s\n", id, name, day(k)
	rows++
}
END {
	for (i = 0; rows < n; i++) {
		birth = ymd(-10958 + i % 25000)
		s17 = sprintf("371398%08d%03d", birth, int(i / 25000))
		sum = 0
		for (j = 1; j <= 17; j++)
			sum += substr(s17, j, 1) * w[j]
		printf "%s%s,张某%d,%s\n", s17, substr(checks, sum % 11 + 1, 1), i % 1000, day(i)
		rows++
	}
}' "$reg" > "$out"
echo "$out: $n rows" >&2
