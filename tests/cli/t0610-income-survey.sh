#!/usr/bin/env bash
# The yearly income survey (收入, DOMAIN.md §2.5): each item in yuan, 年收入, 纯收入 and 人均纯收入 computed with
# that year's household size; recorded by `income set`, corrected with the old version kept, imported from a
# sheet all or nothing with every problem listed; the household page and `income show` carry every version.
source "$TESTLIB"
sample_db
H=3713991002010001
ok income show $H --format json
jqeq '[.incomes[] | "\(.year) \(.net_income_pc) \(.size) \(.history | length)"] | join(",")' "2014 2310.50 3 0"

# a year's survey: 6000 + 3000 + 200 + 1500 − 1000 = 9700 for the 3 members at the end of 2017
ok income set $H 2017 --wage 6000 --business 3000 --property 200 --transfer 1500 --cost 1000 --now "2018-03-01 09:00:00"
eq "set" "$OUT" "已记录 $H 2017 年收入：人均纯收入 3233.33 元（3 人）"
ok income set $H 2017 --wage 6000 --business 3000 --property 200 --transfer 1500 --cost 1000 --now "2018-03-01 09:05:00"
eq "same again" "$OUT" "$H 2017 年收入与已有记录相同，未修改（人均纯收入 3233.33 元，3 人）"
# a correction keeps the first version
ok income set $H 2017 --wage 6600 --business 3000 --property 200 --transfer 1500 --cost 1000 --reason 复核更正 --now "2018-03-02 09:00:00"
eq "corrected" "$OUT" "已记录 $H 2017 年收入：人均纯收入 3433.33 元（3 人）"
# the registry's 2014 figure, corrected by a survey of its items: kept as the first version
ok income set $H 2014 --wage 5000 --transfer 1000 --cost 0 --now "2018-03-02 09:10:00"
ok income show $H --format json
jqeq '[.incomes[] | "\(.year) \(.wage) \(.total) \(.net) \(.net_income_pc) \(.size)"] | join(",")' \
	"2014 5000.00 6000.00 6000.00 2000.00 3,2017 6600.00 11300.00 10300.00 3433.33 3"
jqeq '[.incomes[] | .year as $y | .history[] | "\($y) \(.wage) \(.net_income_pc) \(.source) \(.actor_label) \(.reason) \(.recorded_at)"] | join(",")' \
	"2014 null 2310.50 registry 随名单导入 null 2014-05-01 09:00:00,2014 5000.00 2000.00 form 命令行（系统） null 2018-03-02 09:10:00,2017 6000.00 3233.33 form 命令行（系统） null 2018-03-01 09:00:00,2017 6600.00 3433.33 form 命令行（系统） 复核更正 2018-03-02 09:00:00"
# the household page carries the same
ok show $H --format json
jqeq '[.incomes[] | "\(.year) \(.net_income_pc) \(.history | length)"] | join(",")' "2014 2000.00 2,2017 3433.33 2"

# refusals
expect_rc 1 income set $H 2099 --wage 1 --now "2018-03-03 09:00:00"
contains "$ERR" "收入年度 2099 无效（应在 2000 至"
expect_rc 1 income set $H 2016 --now "2018-03-03 09:00:00"
contains "$ERR" "没有填写任何收入项"
expect_rc 1 income set $H 2016 --wage 3000 --net-pc 1200 --now "2018-03-03 09:00:00"
contains "$ERR" "人均纯收入 1200.00 元与各项收入算出的 1000.00 元（3 人）不一致"
expect_rc 3 income set NOPE 2016 --wage 3000 --now "2018-03-03 09:00:00"

# a village's survey as a sheet: every problem at once, nothing written
printf '户编号,收入年度,工资性收入,生产经营性收入,财产性收入,转移性收入,生产经营性支出,家庭人口,人均纯收入\n%s\n%s\n%s\n%s\n%s\n' \
	"$H,2017,6600,3000,200,1500,1000,," \
	"3713991002010002,2017,abc,0,0,2400,0,," \
	"3713991002010002,2017,0,0,0,2400,0,," \
	"3713991002020003,2017,8000,2000,0,600,400,4,2000" \
	"NOPE,2017,1,,,,,," > "$WORK/income.csv"
before=$(db_fingerprint)
expect_rc 1 import income "$WORK/income.csv" --now "2018-03-04 09:00:00" --format json
jqeq '[.problems[] | "\(.row)|\(.column)|\(.code)"] | join(";")' \
	"3|工资性收入|bad_money;4|户编号|duplicate_row;5|人均纯收入|income_mismatch;6|户编号|household_not_found"
eq "nothing written" "$(db_fingerprint)" "$before"
ok income show 3713991002010002 --format json
jqeq '[.incomes[].year] | join(",")' "2014"
printf '户编号,工资性收入,生产经营性收入,财产性收入,转移性收入,生产经营性支出\n%s\n%s\n%s\n' \
	"$H,6600,3000,200,1500,1000" \
	"3713991002010002,0,0,0,2400,0" \
	"3713991002020003,8000,2000,0,600,400" > "$WORK/income2.csv"
ok income import "$WORK/income2.csv" --year 2017 --now "2018-03-04 09:00:00"
eq "summary" "$OUT" "3 行（csv，UTF-8）：记录收入 2 户，1 行与已有数据相同"
ok income show 3713991002010002 --format json
jqeq '[.incomes[] | "\(.year) \(.net_income_pc) \(.size)"] | join(",")' "2014 1980.00 1,2017 2400.00 1"
ok income show 3713991002010002
contains "$OUT" "2017"
contains "$OUT" "2400.00"
finish
