#!/usr/bin/env bash
# `tuopin import income` at the scale of a county (docs/PERFORMANCE.md): the file's duplicate rows are found
# through a hash of (年度, 户编号), each named with the FIRST row it repeats, however far apart; the household
# size of a year is counted from the members at the end of that year (without reading them), the same as the
# members listed; every problem at once and nothing written. Expected values are those of the per-row scan
# the import had before (checked against it when this test was written).
source "$TESTLIB"
D=$TESTDATA/county
new_db >/dev/null
ok import divisions "$D/divisions.csv"
ok import registry "$D/registry.csv" --as-of 2014-01-01 --now "2014-01-05 10:00:00"
ok import events "$D/events-2014.csv" --now "2015-01-10 10:00:00"
ok import events "$D/events-2015.csv" --now "2016-01-08 10:00:00"
ok import events "$D/events-2016.csv" --now "2017-01-09 10:00:00"
# a son who died in 2015 (the household has 3 members in 2014, 2 after)
printf '户编号,变动类型,生效日期,批次,原因,是否更正,证件号码\n3713990005,人员减少,2015-08-01,,死亡,否,371399199609181037\n' \
	> "$WORK/death.csv"
ok import events "$WORK/death.csv" --now "2017-02-01 10:00:00"

# problems: duplicates near and far (200 rows apart; a third occurrence names the first row), another year of
# the same household is not one, a year before the registry (no members) names 家庭人口, a household not found
{
	echo "户编号,收入年度,工资性收入,转移性收入"
	echo "3713990001,2014,9000,600"
	echo "3713990002,2014,8000,0"
	echo "3713990001,2015,9000,600"
	echo "3713990001,2014,9100,600"
	for i in $(seq 1 200); do echo ",2014,100,0"; done
	echo "3713990002,2014,8000,0"
	echo "3713990001,2014,9200,600"
	echo "3713990001,2013,9200,600"
	echo "NOPE,2014,1,0"
} > "$WORK/bad.csv"
before=$(db_fingerprint)
expect_rc 1 import income "$WORK/bad.csv" --now "2018-03-04 09:00:00" --format json
jqeq '[.problems[] | select(.code != "required") | "\(.row)|\(.column)|\(.code)|\(.message)"] | join(";")' \
	"5|户编号|duplicate_row|该户该年度的收入与第 2 行重复;206|户编号|duplicate_row|该户该年度的收入与第 3 行重复;207|户编号|duplicate_row|该户该年度的收入与第 2 行重复;208|家庭人口|income_no_members|该户在 2013-12-31 没有成员，请填写家庭人口;209|户编号|household_not_found|户编号 NOPE 不存在"
jqeq '[.problems[] | select(.code == "required")] | "\(length) \(.[0].row) \(.[-1].row)"' "200 6 205"
eq "nothing written" "$(db_fingerprint)" "$before"
eq "no income written" "$(db_sql "SELECT COUNT(*) FROM income_year WHERE year <> 2014")" "0"

# every household, every year 2014-2017: the size is that year's members at its end (a birth and a death in
# 2014, a death in 2015, a household cancelled at the end of 2016)
{
	echo "户编号,收入年度,工资性收入,转移性收入"
	for y in 2014 2015 2016 2017; do for h in 1 2 3 4 5 6 7 8; do echo "371399000$h,$y,12000,1000"; done; done
} > "$WORK/all.csv"
ok import income "$WORK/all.csv" --now "2018-03-04 09:00:00"
eq "summary" "$OUT" "32 行（csv，UTF-8）：记录收入 32 户，0 行与已有数据相同"
sizes=""
for h in 1 2 3 4 5 6 7 8; do
	ok income show 371399000$h --format json
	sizes="$sizes$(jq -r --arg h $h '[.incomes[] | select(.year >= 2014 and .history != []) | "\($h):\(.year) \(.size) \(.net_income_pc)"] | join(",")' <<<"$OUT");"
done
eq "sizes" "$sizes" "1:2014 3 4333.33,1:2015 3 4333.33,1:2016 3 4333.33,1:2017 3 4333.33;\
2:2014 1 13000.00,2:2015 1 13000.00,2:2016 1 13000.00,2:2017 1 13000.00;\
3:2014 4 3250.00,3:2015 4 3250.00,3:2016 4 3250.00,3:2017 4 3250.00;\
4:2014 1 13000.00,4:2015 1 13000.00,4:2016 1 13000.00,4:2017 1 13000.00;\
5:2014 3 4333.33,5:2015 2 6500.00,5:2016 2 6500.00,5:2017 2 6500.00;\
6:2014 2 6500.00,6:2015 2 6500.00,6:2016 2 6500.00,6:2017 2 6500.00;\
7:2014 6 2166.67,7:2015 6 2166.67,7:2016 6 2166.67,7:2017 6 2166.67;\
8:2014 2 6500.00,8:2015 2 6500.00,8:2016 2 6500.00,8:2017 2 6500.00;"
ok import income "$WORK/all.csv" --now "2018-03-05 09:00:00"
eq "again" "$OUT" "32 行（csv，UTF-8）：记录收入 0 户，32 行与已有数据相同"
finish
