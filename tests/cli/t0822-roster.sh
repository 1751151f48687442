#!/usr/bin/env bash
# Person lists (名单, DOMAIN.md §9.3, issue 19): `tuopin report roster` writes one row per person present on the day
# in a household of the chosen group, in village and 户编号 order, with the national export's columns the registry
# holds; ID numbers, phones and health masked unless --full-id (audited); streamed (one household held at a time).
source "$TESTLIB"
sample_db
ok import events "$SAMPLES/events.csv" --now "2018-05-02 10:00:00"
csv() { printf '%s' "$OUT" | sed 's/^\xef\xbb\xbf//' | tr -d '\r'; }

# 2016-06-30 as now known: 0001 was removed from the start, 0002 (王桂兰) is poor, 0003 exited with its 4 persons
ok report roster --as-of 2016-06-30
eq "header" "$(csv | sed -n 1p)" \
	"县,乡（镇）,行政村,户编号,姓名,证件号码,人数,与户主关系,性别,民族,文化程度,在校生状况,健康状况,劳动技能,务工时间（月）,是否参加大病保险,致贫原因1,户联系电话,人联系电话,首次识别时间,户类型,户状态,是否监测对象"
eq "rows" "$(csv | sed 1d | cut -d, -f3-8,13,21,22 | tr '\n' ';')" \
	"东岭村,3713991002010002,王桂兰,371399************,1,户主,***,低保贫困户,未脱贫;西岭村,3713991002020003,刘强,371399************,4,户主,***,一般贫困户,已脱贫享受政策;西岭村,3713991002020003,陈芳,371399************,4,配偶,***,一般贫困户,已脱贫享受政策;西岭村,3713991002020003,刘欣怡,371399************,4,之女,***,一般贫困户,已脱贫享受政策;西岭村,3713991002020003,刘德福,371399************,4,之父,***,一般贫困户,已脱贫享受政策;"
eq "phones masked" "$(csv | sed -n 2p | cut -d, -f18)" "138****2345"
# the currently poor only; then every status (the removed 0001 with its grandson born 2016-03-08: 4 persons)
ok report roster --as-of 2016-06-30 --group current_poor
eq "current poor" "$(csv | sed 1d | cut -d, -f5 | tr '\n' ' ')" "王桂兰 "
ok report roster --as-of 2016-06-30 --group all --format csv
eq "all" "$(csv | sed 1d | cut -d, -f4,5,7,22 | head -4 | tr '\n' ';')" \
	"3713991002010001,张建国,4,已剔除;3713991002010001,李秀英,4,已剔除;3713991002010001,张磊,4,已剔除;3713991002010001,张小宝,4,已剔除;"
eq "all: 9 persons" "$(csv | sed 1d | grep -c '')" 9
# after 2016-11-02 王桂兰 is gone: nobody currently poor, the list is the header alone
ok report roster --as-of 2016-12-31 --group current_poor
eq "empty" "$(csv | grep -c '')" 1

# to a file: XLSX with a title over the header; a village's list
ok report roster --as-of 2016-06-30 --division 西岭村 --out "$WORK/r.xlsx"
eq "written" "$OUT" "已写出 $WORK/r.xlsx：1户4人"
SS=$(unzip -p "$WORK/r.xlsx" xl/worksheets/sheet1.xml)
contains "$SS" "<t>人员名单（建档立卡）　西岭村　截至 2016-06-30（证件号码、电话、账号、健康状况已脱敏）</t>"
contains "$SS" "<t>刘德福</t>"
not_contains "$SS" "王桂兰"
# full numbers, recorded in the audit log first
ok report roster --as-of 2016-06-30 --division 西岭村 --full-id
eq "full" "$(csv | sed -n 2p | cut -d, -f5,6)" "刘强,371399198005150059"
eq "full: health" "$(csv | sed 1d | cut -d, -f5,13 | tr '\n' ';')" "刘强,健康;陈芳,健康;刘欣怡,健康;刘德福,长期慢性病;"
ok audit list --action export.full_id --format json
contains "$OUT" "roster"

# errors
expect_rc 2 report roster --format json
expect_rc 2 report roster --format xlsx
expect_rc 2 report roster --group everybody
expect_rc 3 report roster --division 999999999999
finish
