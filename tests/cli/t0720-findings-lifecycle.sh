#!/usr/bin/env bash
# Findings kept from run to run: a run as of today opens what is new, closes what was fixed, keeps what was
# waived unless a new fact appears, reopens what comes back; every step is in the finding's history; a waiver
# needs a reason; runs of other dates or dry runs keep nothing; export for paper.
source "$TESTLIB"
new_db >/dev/null
ok import divisions "$SAMPLES/divisions.csv"
ok import registry "$TESTDATA/bad/registry-quality.csv" --as-of 2014-04-30 --lenient --now "2014-05-01 09:00:00"
states() { "$TUOPIN" findings --format json | jq -r '[.rows[] | "\(.id) \(.rule) \(.state)"] | join(",")'; }

# past dates and dry runs keep nothing
expect_rc 1 check --as-of 2024-06-01 --format json
jqeq '"\(.total) \(.kept)"' "14 false"
expect_rc 1 check --dry-run --format json
jqeq '"\(.total) \(.kept)"' "14 false"
eq "nothing kept" "$(db_sql "SELECT COUNT(*) FROM finding")" 0

expect_rc 1 check --format json
jqeq '"\(.total) \(.kept) \(.run.id) \(.run.opened) \(.run.closed) \(.run.still_open)"' "14 true 1 14 0 0"
jqeq '[.findings[] | "\(.id)|\(.state)|\(.new)"] | join(",")' \
	"1|open|true,2|open|true,3|open|true,4|open|true,5|open|true,6|open|true,7|open|true,8|open|true,9|open|true,10|open|true,11|open|true,12|open|true,13|open|true,14|open|true"
ok findings --format json
jqeq '.rows[0] | keys_unsorted[0:7] | join(",")' "id,rule,category,state,household,member,source"
jqeq '.rows[2] | "\(.id) \(.rule) \(.category) \(.state) \(.household) \(.member) \(.source)"' \
	"3 CHILD_LABOR information open Q01 甲三 371399************ registry"
jqeq '.total' 14
ok findings --rule CAUSE_ILLNESS --format json
jqeq '[.rows[] | .household] | join(",")' "Q01,Q02,Q03,Q04"
ok findings --category records --format json
jqeq '.total' 0
ok findings --division 西岭村 --format json
jqeq '.total' 0
ok findings
contains "$OUT" "   3  CHILD_LABOR    待整改  Q01     甲三 371399************  2014-04-30 时 4 岁，劳动技能却为“普通劳动力”"
# the same run again: nothing new, nothing closed
expect_rc 1 check --format json
jqeq '"\(.run.id) \(.run.opened) \(.run.reopened) \(.run.closed) \(.run.still_open)"' "2 0 0 0 14"

# Fixed: the child's labour corrected; the next run closes the finding (and that one only).
printf '户编号,变动类型,生效日期,原因,证件号码,劳动技能\nQ01,信息更正,2014-05-02,核实,371399201003030015,无劳动力\n' > "$WORK/fix.csv"
ok import events "$WORK/fix.csv"
expect_rc 1 check --format json
jqeq '"\(.run.closed) \(.run.still_open) \(.total)"' "1 13 13"
eq "states" "$(states)" "1 CAUSE_ILLNESS open,2 ID_CHECKSUM open,3 CHILD_LABOR fixed,4 PRESCHOOL_EDU open,5 SPOUSE_SEX open,6 CAUSE_ILLNESS open,7 OLD_LABOR open,8 HEAD_NONE open,9 CAUSE_ILLNESS open,10 ID_SEX open,11 RELATION_SEX open,12 HEAD_SEVERAL open,13 CAUSE_ILLNESS open,14 ID_DUPLICATE open"
ok findings show 3 --format json
jqeq '[.history[] | "\(.action) \(.run)"] | join(",")' "opened 1,fixed 3"
jqeq '"\(.state) \(.closed_at != null) \(.rule_info.fix)"' "fixed true 将劳动技能更正为无劳动力"

# Waived: with a reason, or not at all.
before=$(db_sql "SELECT COUNT(*) FROM finding_event")
expect_rc 1 findings waive 12
eq "no reason" "$ERR" "tuopin: 须填写原因"
expect_rc 1 findings waive 12 --reason "   "
expect_rc 1 findings waive 3 --reason 已整改的不能豁免
eq "fixed" "$ERR" "tuopin: 问题 3 当前为“已整改”，不能豁免"
expect_rc 3 findings waive 99 --reason x
eq "nothing written" "$(db_sql "SELECT COUNT(*) FROM finding_event")" "$before"
ok findings waive 12 --reason "两兄弟分户手续在办，暂不整改" --format json
jqeq '"\(.state) \(.waiver.reason) \(.waiver.pending) \(.history[-1].action)"' "waived 两兄弟分户手续在办，暂不整改 false waived"
eq "audited" "$(db_sql "SELECT action || ' ' || object FROM audit WHERE action LIKE 'finding.%'")" "finding.waive finding:12"
# still found, still waived
expect_rc 1 check --format json
jqeq '"\(.run.waived) \(.run.reopened) \(.run.still_open)"' "1 0 12"
jqeq '[.findings[] | select(.rule == "HEAD_SEVERAL") | .state] | join(",")' "waived"
ok check --rule HEAD_SEVERAL
contains "$OUT" "该户有 2 个户主（已豁免）"
ok findings --state waived --format json
jqeq '[.rows[] | "\(.id) \(.rule)"] | join(",")' "12 HEAD_SEVERAL"

# A new fact reopens a waiver: 乙一 (74) waived as a skilled worker, then recorded as ordinary labour.
ok findings waive 7 --reason 本人仍从事木工手艺
printf '户编号,变动类型,生效日期,原因,证件号码,劳动技能\nQ02,信息更正,2014-05-02,核实,37139919400404001X,普通劳动力\n' > "$WORK/labor.csv"
ok import events "$WORK/labor.csv"
expect_rc 1 check --format json
jqeq '"\(.run.reopened) \(.run.waived)"' "1 1"
ok findings show 7 --format json
jqeq '"\(.state) \(.message)"' "open 2014-05-02 时 74 岁，劳动技能却为“普通劳动力”"
jqeq '[.history[] | "\(.action)|\(.note)"] | join(",")' \
	"opened|null,waived|本人仍从事木工手艺,reopened|2014-05-02 时 74 岁，劳动技能却为“普通劳动力”"
ok findings show 12 --format json
jqeq '.state' waived
# and a fix undone reopens the fixed finding
printf '户编号,变动类型,生效日期,原因,证件号码,劳动技能\nQ01,信息更正,2014-05-03,改错了,371399201003030015,普通劳动力\n' > "$WORK/undo.csv"
ok import events "$WORK/undo.csv"
expect_rc 1 check --rule CHILD_LABOR --format json
jqeq '"\(.run.reopened) \(.findings[0].id) \(.findings[0].state)"' "1 3 open"
ok findings show 3 --format json
jqeq '[.history[] | .action] | join(",")' "opened,fixed,reopened"
# a run of one rule leaves the others alone
eq "states" "$(states)" "1 CAUSE_ILLNESS open,2 ID_CHECKSUM open,3 CHILD_LABOR open,4 PRESCHOOL_EDU open,5 SPOUSE_SEX open,6 CAUSE_ILLNESS open,7 OLD_LABOR open,8 HEAD_NONE open,9 CAUSE_ILLNESS open,10 ID_SEX open,11 RELATION_SEX open,12 HEAD_SEVERAL waived,13 CAUSE_ILLNESS open,14 ID_DUPLICATE open"

# recheck: one finding checked again in its village (here the child's labour corrected once more)
printf '户编号,变动类型,生效日期,原因,证件号码,劳动技能\nQ01,信息更正,2014-05-04,核实,371399201003030015,无劳动力\n' > "$WORK/fix2.csv"
ok import events "$WORK/fix2.csv"
ok findings recheck 3 --format json
jqeq '"\(.state) \([.history[] | .action] | join(","))"' "fixed opened,fixed,reopened,fixed"
eq "runs" "$(db_sql "SELECT COUNT(*) FROM check_run")" 8
eq "runs audited" "$(db_sql "SELECT COUNT(*) FROM audit WHERE action = 'check.run'")" 8

# Export for paper: the open findings of a village, masked, with the advice and blank columns to fill in.
ok findings export "$WORK/open.csv" --division 东岭村
eq "export" "$OUT" "已将 12 个问题写入 $WORK/open.csv"
eq "rows" "$(($(wc -l < "$WORK/open.csv") - 1))" 12
head -1 "$WORK/open.csv" | sed 's/^\xef\xbb\xbf//' > "$WORK/head"
eq "columns" "$(cat "$WORK/head" | tr -d '\r')" "编号,乡镇,行政村,户编号,成员,规则,类别,严重程度,问题,整改建议,来源,发现时间,状态,核实情况,整改结果,核实人,核实日期"
contains "$(cat "$WORK/open.csv")" "2,东岭镇,东岭村,Q01,甲二 371399************,证件号码校验位错误,信息不准,严重,证件号码校验位与前 17 位不符,核对身份证原件，更正录入错误的数字,建档立卡数据规则,"
not_contains "$(cat "$WORK/open.csv")" "371399197202020029"
ok findings export "$WORK/open.xlsx"
eq "xlsx" "$(head -c 2 "$WORK/open.xlsx")" "PK"
expect_rc 3 findings show 99
finish
