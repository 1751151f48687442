#!/usr/bin/env bash
# gen_events.sh REGISTRY OUTDIR [EVERY]: a few years of events for a registry made by gen_registry.sh, so the
# aggregates and the change reports are measured on a history and not on the identification alone. Every
# EVERY-th household (2 by default: half of them) exits (脱贫) once, in one of the years 2015-2019 and on a day
# of that year spread by its number; the events of a year go to OUTDIR/events-YEAR.csv, to be imported as one
# recording early in the next year (bench/province.sh does). Deterministic; needs only awk.
set -euo pipefail
in=$1
out=$2
every=${3:-2}
mkdir -p "$out"
awk -F, -v out="$out" -v every="$every" '
BEGIN {
	split("31 28 31 30 31 30 31 31 30 31 30 31", mdays, " ")
	for (y = 2015; y <= 2019; y++) {
		f[y] = sprintf("%s/events-%d.csv", out, y)
		print "户编号,变动类型,生效日期,批次,原因,是否更正" > f[y]
	}
}
NR == 1 || $2 == last { next }
{
	last = $2
	i = n++
	if (i % every) next
	k = int(i / every)
	y = 2015 + k % 5
	d = (k * 7919) % 365
	for (m = 1; d >= mdays[m]; m++) d -= mdays[m]
	printf "%s,脱贫,%d-%02d-%02d,%d年度动态调整,,否\n", $2, y, m, d + 1, y > f[y]
}' "$in"
