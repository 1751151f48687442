#!/usr/bin/env bash
# gen_registry.sh [N] [OUTDIR] [COUNTIES]: a synthetic county (or province) in the import format of
# ARCHITECTURE.md §4, for benchmarks:
#   OUTDIR/divisions.csv  COUNTIES=1 (the default): province, city, county 371399 (a code assigned to no real
#                         county, SCENARIO.md), 8 towns and 200 villages. COUNTIES=C > 1: a province of C
#                         counties under ceil(C/8) cities (county codes 37CC81-37CC88, assigned to no real
#                         county), 12 or 13 towns a county and 16 or 17 villages a town: 120 counties make
#                         1,500 towns and 25,000 villages, the size of a province (issue 20)
#   OUTDIR/registry.csv   N persons (default 1,000,000) in households of 1-5 (3 on average), every column of
#                         the national registry export, 18-digit ID numbers with a valid GB 11643 check digit
#                         whose sex digit, relation and sex agree, so the whole file imports without a problem;
#                         the households go round the villages in turn, each ID number under its county's code.
# Deterministic: the same N and COUNTIES give the same bytes. N is at most 1,000,000 a county (the ID numbers'
# birth date and sequence digits must stay unique within a county). Needs only awk.
set -euo pipefail
n=${1:-1000000}
out=${2:-bench/out}
counties=${3:-1}
[ "$counties" -ge 1 ] && [ "$counties" -le 800 ] || { echo "gen_registry.sh: COUNTIES must be 1..800" >&2; exit 2; }
[ "$n" -ge 1 ] && [ "$n" -le $((1000000 * counties)) ] ||
	{ echo "gen_registry.sh: N must be 1..$((1000000 * counties)) (1,000,000 a county)" >&2; exit 2; }
mkdir -p "$out"

awk -v counties="$counties" 'BEGIN {
	print "代码,名称,级别,上级代码,是否省定贫困村,贫困村出列年度,乡村人口"
	print "370000000000,山东省,省,,否,,"
	if (counties == 1) {
		print "371300000000,临沂市,市,370000000000,否,,"
		print "371399000000,基准县,县,371300000000,否,,"
		# codes are built as text: mawk prints integers beyond 2^31 wrongly with %d
		for (t = 0; t < 8; t++) {
			town = sprintf("371399%03d000", 100 + t)
			printf "%s,第%d镇,乡镇,371399000000,否,,\n", town, t + 1
			for (v = 1; v <= 25; v++)
				printf "371399%03d%03d,%d镇%d村,村,%s,%s,%s,%d\n", 100 + t, 200 + v, t + 1, v, town,
				    v % 4 == 0 ? "是" : "否", v % 4 == 0 ? "2017" : "", 800 + v * 37
		}
		exit
	}
	for (c = 0; c < counties; c++) {
		city = sprintf("37%02d", 1 + int(c / 8))
		if (c % 8 == 0)
			printf "%s00000000,第%d市,市,370000000000,否,,\n", city, 1 + int(c / 8)
		county = sprintf("%s%02d", city, 81 + c % 8)
		printf "%s000000,第%d县,县,%s00000000,否,,\n", county, c + 1, city
		for (t = 0; t < 12 + c % 2; t++) {
			town = sprintf("%s%03d000", county, 100 + t)
			printf "%s,%d县%d镇,乡镇,%s000000,否,,\n", town, c + 1, t + 1, county
			for (v = 1; v <= 16 + (t % 3 != 0); v++)
				printf "%s%03d%03d,%d县%d镇%d村,村,%s,%s,%s,%d\n", county, 100 + t, 200 + v, c + 1, t + 1, v,
				    town, v % 4 == 0 ? "是" : "否", v % 4 == 0 ? "2017" : "", 800 + v * 37
		}
	}
}' > "$out/divisions.csv"

awk -v n="$n" -v counties="$counties" -v divisions="$out/divisions.csv" '
# civil date of a day count since 1970-01-01 (proleptic Gregorian), as YYYYMMDD
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
BEGIN {
	split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
	checks = "10X98765432"
	split("3 2 4 1 3 5 2 3 4 3", sizes, " ")
	split("赵 钱 孙 李 周 吴 郑 王 冯 陈 褚 卫 蒋 沈 韩 杨", fam, " ")
	split("建国 秀英 小川 桂兰 志强 玉梅 海 丽 军 芳 明 静", given, " ")
	split("因病 缺劳力 缺资金 因学 因残 缺技术", causes, " ")
	print "行政区划代码,户编号,姓名,证件号码,与户主关系,性别,民族,文化程度,在校生状况,健康状况,劳动技能,务工状况," \
	    "务工时间（月）,是否参加城乡居民基本医疗保险,是否参加大病保险,是否参加城乡居民基本养老保险,是否享受低保," \
	    "是否特困供养,贫困户属性,主要致贫原因,其他致贫原因,识别标准,贫困户状态,识别年月,脱贫年度,户联系电话,人均纯收入"
	D = 10000                 # distinct birth days per role; the sequence digits tell apart the rest
	adult0 = -10958           # 1940-01-01
	child0 = 5479             # 1985-01-01
	nv = 0
	if (counties > 1)         # the villages of the province, in the order of divisions.csv
		while ((getline line < divisions) > 0)
			if (line ~ /,村,/)
				vil[nv++] = substr(line, 1, 12)
	i = 0
	for (hh = 0; i < n; hh++) {
		size = sizes[hh % 10 + 1]
		if (counties > 1)
			village = vil[hh % nv]
		else
			village = sprintf("371399%03d%03d", 100 + hh % 8, 201 + int(hh / 8) % 25)
		county = substr(village, 1, 6)
		hhno = village sprintf("%06d", counties > 1 ? int(hh / nv) : hh)   # unique in the village
		cause = causes[hh % 6 + 1]
		other = hh % 3 ? causes[(hh + 2) % 6 + 1] : ""
		attr = hh % 5 ? "一般贫困户" : "低保贫困户"
		phone = sprintf("139%08d", hh)
		income = sprintf("%d.%02d", 1800 + hh % 900, hh % 100)
		for (k = 0; k < size && i < n; k++) {
			if (k == 0) { rel = "户主"; male = hh % 7 != 3 }
			else if (k == 1) { rel = "配偶"; male = !headmale }
			else { male = (k + hh) % 2; rel = male ? "之子" : "之女" }
			if (k == 0) headmale = male
			adult = k < 2
			j = seen[county]++    # the number of the person in the county (i itself in one county)
			birth = ymd((adult ? adult0 : child0) + j % D)
			seq = int(j / D) % 100
			s17 = sprintf("%s%08d%02d%d", county, birth, seq, male ? 2 * (j % 5) + 1 : 2 * (j % 5))
			sum = 0
			for (j = 1; j <= 17; j++)
				sum += substr(s17, j, 1) * w[j]
			id = s17 substr(checks, sum % 11 + 1, 1)
			name = fam[hh % 16 + 1] given[(i * 7) % 12 + 1]
			edu = adult ? (i % 3 ? "小学" : "初中") : ""
			school = adult ? "" : (birth >= 20060901 ? "小学" : "")
			health = i % 9 == 0 ? "长期慢性病" : "健康"
			labor = adult ? "普通劳动力" : "无劳动力"
			work = adult && i % 4 == 1 ? "乡（镇）内务工" : ""
			months = work != "" ? 6 : 0
			printf "%s,%s,%s,%s,%s,%s,汉族,%s,%s,%s,%s,%s,%d,是,是,%s,%s,否,%s,%s,%s,国家标准,未脱贫,201401,,%s,%s\n",
			    village, hhno, name, id, rel, male ? "男" : "女", edu, school, health, labor, work, months,
			    adult ? "是" : "否", attr == "低保贫困户" ? "是" : "否", attr, cause, other, phone, income
			i++
		}
	}
}' > "$out/registry.csv"
echo "$out/divisions.csv: $(($(wc -l < "$out/divisions.csv") - 1)) divisions; $out/registry.csv: $n persons" >&2
