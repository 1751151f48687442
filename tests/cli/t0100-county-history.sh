#!/usr/bin/env bash
# The sample county: identification in 2014, yearly changes, the 2018 clean-up with corrections, and a
# missed household included retroactively. Exact figures as now known, as recorded before the clean-up,
# by town and village, and change reports by period, batch and recording window.
source "$TESTLIB"
D=$TESTDATA/county
new_db >/dev/null
ok import divisions "$D/divisions.csv"
ok import registry "$D/registry.csv" --as-of 2014-01-01 --now "2014-01-05 10:00:00"
eq "registry summary" "$OUT" "22 行（csv，UTF-8 (BOM)）：建档 8 户 22 人"
ok import events "$D/events-2014.csv" --now "2015-01-10 10:00:00"
ok import events "$D/events-2015.csv" --now "2016-01-08 10:00:00"
ok import events "$D/events-2016.csv" --now "2017-01-09 10:00:00"
ok import events "$D/events-2018.csv" --now "2018-04-20 10:00:00"
eq "events summary" "$OUT" "5 行（csv，UTF-8 (BOM)）：记录变动 5 条"
# A recording instant before the latest one is the file's problem, named (not "0 rows"), and nothing is written.
before=$(db_fingerprint)
expect_rc 1 import events "$D/events-2018.csv" --now "2018-04-19 10:00:00"
eq "clock backwards" "$ERR" "文件（csv，UTF-8 (BOM)）中有 1 个问题，未写入任何数据：
行  列  值  问题
            记录时间 2018-04-19 10:00:00 早于数据库中最近的记录时间 2018-04-20 10:00:00"
expect_rc 1 import events "$D/events-2018.csv" --now "2018-04-19 10:00:00" --format json
jqeq '[.errors, .problems[0].code] | join(" ")' "1 clock_backwards"
eq "nothing written" "$(db_fingerprint)" "$before"
ok import registry "$D/registry-missed.csv" --as-of 2014-01-01 --event include_missed --batch 2018年托底清零 \
	--now "2018-04-25 10:00:00"

# As now known, on the identification date: the removed household never counted; the missed member and the
# missed household did.
ok stats --as-of 2014-01-01 --format json
jqeq '.division.code' 371399000000
nhmr registered "8 23"
nhmr poor "8 23"
nhmr removed "1 3"
jqeq '[.rows[] | "\(.name) \(.registered.households) \(.registered.persons)"] | join(",")' "东岭镇 4 11,西山镇 4 12"

# As the registry said before the clean-up.
ok stats --as-of 2014-01-01 --recorded-at 2017-12-31 --format json
nhmr registered "8 22"
nhmr removed "0 0"
jqeq '.recorded_at' "2017-12-31 23:59:59"

ok stats --as-of 2015-06-30 --format json
nhmr registered "8 23"
nhmr poor "6 16"
nhmr exited_supported "2 7"
jqeq '[.rows[] | "\(.name) \(.poor.households) \(.poor.persons)"] | join(",")' "东岭镇 2 3,西山镇 4 13"
ok stats --as-of 2015-06-30 --recorded-at 2017-12-31 --format json
nhmr poor "5 12"
nhmr exited_supported "3 10"

ok stats --as-of 2018-10-08 --by village --format json
nhmr registered "7 21"
nhmr current_poor "2 7"
nhmr poor "1 3"
nhmr returned "1 4"
nhmr exited "5 14"
nhmr exited_supported "3 6"
nhmr exited_unsupported "2 8"
nhmr removed "1 3"
nhmr cancelled "1 2"
jqeq '[.rows[] | "\(.code) \(.registered.households) \(.registered.persons)"] | join(",")' \
	"371399100201 2 4,371399100202 2 6,371399101201 2 5,371399101202 1 6"
jqeq '.rows[2].removed.households' 1
jqeq '.rows[3].cancelled | "\(.households) \(.persons)"' "1 2"

# One town, and one village by name.
ok stats --as-of 2018-10-08 --division 371399101000 --format json
jqeq '.division.name' 西山镇
nhmr registered "3 11"
ok stats --as-of 2018-10-08 --division 西岭村 --format json
nhmr returned "1 4"
nhmr exited_supported "1 2"

# Change reports.
ok changes --from 2014-01-01 --to 2014-12-31 --format json
jqeq '[.rows[] | "\(.type) \(.households) \(.persons)"] | join(",")' \
	"identify 7 20,include_missed 1 3,exit 2 7,remove 1 3,member_add 2 2,member_remove 1 1"
ok changes --from 2014-01-01 --to 2014-12-31 --recorded-at 2017-12-31 --format json
jqeq '[.rows[] | "\(.type) \(.households) \(.persons)"] | join(",")' \
	"identify 8 22,exit 3 10,member_add 1 1,member_remove 1 1"
ok changes --batch 2018年托底清零 --format json
jqeq '[.rows[] | "\(.type) \(.households) \(.persons)"] | join(",")' \
	"include_missed 1 3,policy_end 2 8,policy_resume 1 3,remove 1 3,member_add 1 1"
jqeq '.batch' 2018年托底清零
ok changes --from 2018-04-01 --to 2018-04-30 --recorded --format json
jqeq '[.rows[] | "\(.type) \(.households) \(.persons)"] | join(",")' \
	"include_missed 1 3,policy_end 2 8,policy_resume 1 3,remove 1 3,member_add 1 1"
ok changes --from 2016-01-01 --to 2016-12-31 --format json
jqeq '[.rows[] | "\(.type) \(.households) \(.persons)"] | join(",")' "exit 1 2,return 1 4,cancel 1 2"

# The history keeps what was superseded, and the registry is consistent.
ok show 3713990005 --format json
jqeq '[.history[] | "\(.type) \(.effective) \(.superseded) \(.correction)"] | join(",")' \
	"identify 2014-01-01 true false,remove 2014-01-01 false true,exit 2014-12-31 true false"
jqeq '.status.code' removed
ok check --as-of 2018-10-08 --rule BALANCE,AGGREGATE,HEAD_NONE,HEAD_SEVERAL,MEMBERS_NONE,ID_DUPLICATE,EXIT_YEAR_EVENT
eq "check" "$OUT" "检查 2018-10-08 建档立卡 7 户 21 人：未发现问题"
# the two members added by events came without their insurance (档案不规范)
expect_rc 1 check --as-of 2018-10-08 --format json
jqeq '[.findings[] | "\(.rule) \(.hh_no) \(.category)"] | unique | join(",")' \
	"MEDICAL_INS_EMPTY 3713990004 records,MEDICAL_INS_EMPTY 3713990007 records,PENSION_INS_EMPTY 3713990004 records,PENSION_INS_EMPTY 3713990007 records,SERIOUS_INS_EMPTY 3713990004 records,SERIOUS_INS_EMPTY 3713990007 records"

# Tables in Chinese (the default) and in English.
ok stats --as-of 2018-10-08
contains "$OUT" "合计     7户21人  1户3人  1户4人          3户6人            2户8人  1户3人  1户2人"
ok stats --as-of 2018-10-08 --lang en
contains "$OUT" "as of 2018-10-08"
contains "$OUT" "7 hh / 21 p"
finish
