#!/usr/bin/env bash
# Every rule of the table finds exactly the record made to break it and nothing in the records beside it:
# tests/data/quality holds a household (or a member, or a row of another department's list) per rule, and
# households that break nothing (C01, C02, C_EXITED_ABOVE_LINE, and members of the L households that lists
# name without a problem: a disabled person's carriage, a closed company, an exited household's car, the
# insured on the insurance list, ...). Exact counts per rule, exact findings, some exact messages.
source "$TESTLIB"
Q=$TESTDATA/quality
new_db >/dev/null
ok import divisions "$SAMPLES/divisions.csv"
ok import registry "$Q/registry.csv" --as-of 2014-04-30 --lenient --now "2014-05-01 09:00:00" --format json
jqeq '"\(.households) \(.members) \(.warnings)"' "84 123 17"
# the household with two spouses warned of on the second one's row (a strict import refuses it)
jqeq '[.problems[] | select(.code == "spouse_several") | "\(.row) \(.column) \(.message)"] | join(",")' "64 与户主关系 该户有 2 个配偶"
# and of a second 之母 (a father, mother, grandparent or parent-in-law is one member of a household)
jqeq '[.problems[] | select(.code == "relation_several") | "\(.row) \(.column) \(.message)"] | join(",")' \
	"124 与户主关系 该户有 2 个与户主关系为“之母”的成员"
# a lenient import warns of a 识别年月 and a 脱贫年度 still to come (refused otherwise), and keeps them for check
jqeq '[.problems[] | select(.code == "date_in_future") | "\(.row) \(.column)"] | join(",")' "73 识别年月,74 脱贫年度"
ok import events "$Q/events.csv" --now "2020-07-01 09:00:00"
eq "events" "$OUT" "15 行（csv，UTF-8）：记录变动 15 条"
for k in death moved vehicle housing business payroll dibao tekun disability medical pension employment; do
	ok import external "$Q/$k.csv" --kind "$k" --date 2025-03-31 --now "2025-04-01 09:00:00"
done
# what no sheet can carry: an empty and a non-numeric number, an exited household without its year, an
# income with its items
id_empty=$(awk '$1 == "id_empty" { print $2 }' "$Q/ids.txt")
id_chars=$(awk '$1 == "id_chars" { print $2 }' "$Q/ids.txt")
db_sql "UPDATE member SET id_no = '' WHERE id_no = '$id_empty'"
db_sql "UPDATE member SET id_no = '3713991970011001A3' WHERE id_no = '$id_chars'"
db_sql "UPDATE household SET exit_year = NULL WHERE hh_no = 'H_EXIT_YEAR_MISSING'"
db_sql "UPDATE income_year SET wage = 300000, business = 100000, property = 0, transfer = 50000, business_cost = 50000,
	size = 1 WHERE household_id = (SELECT id FROM household WHERE hh_no = 'H_INCOME_NET')"

ok check --rules --format json
jqeq '.rules | length' 89
RULES=$OUT
expect_rc 1 check --as-of 2025-06-30 --format json
jqeq '.total' 88
jqeq '.kept' false
# one finding per rule (NAME_BIRTH_DUPLICATE names both households), for every rule but the two of the
# history, which need a broken history (below)
jqeq '[.by_rule | to_entries[] | select(.value != 1) | "\(.key)=\(.value)"] | join(",")' "NAME_BIRTH_DUPLICATE=2"
missing=$(printf '%s' "$RULES" | jq -r --argjson got "$(printf '%s' "$OUT" | jq '.by_rule')" \
	'[.rules[].code as $c | select($got | has($c) | not) | $c] | join(",")')
eq "rules without a finding" "$missing" "BALANCE,AGGREGATE"
eq "findings" "$(printf '%s' "$OUT" | jq -r '.findings[] | "\(.rule)|\(.hh_no)|\(.member)"' | sort)" "$(cat "$Q/expected-findings.txt")"
msg() { printf '%s' "$OUT" | jq -r --arg r "$1" '.findings[] | select(.rule == $r) | "\(.message) [\(.source) \(.category) \(.severity)]"'; }
eq "RELATION_SEVERAL" "$(msg RELATION_SEVERAL)" "该户有 2 个与户主关系为“之母”的成员 [registry information error]"
eq "EXITED_BELOW_LINE" "$(msg EXITED_BELOW_LINE)" "2016 年人均纯收入 2000.00 元，未超过当年扶贫标准 2800.00 元 [registry exit error]"
eq "POOR_FAR_ABOVE_LINE" "$(msg POOR_FAR_ABOVE_LINE)" \
	"2016 年人均纯收入 6000.00 元，达到当年扶贫标准 2800.00 元的两倍 [registry identification warning]"
eq "EXITED_BELOW_MONITORING" "$(msg EXITED_BELOW_MONITORING)" \
	"2022 年人均纯收入 5000.00 元，低于当年监测范围 6000.00 元，未纳入监测 [registry exit warning]"
eq "INCOME_NET" "$(msg INCOME_NET)" "2014 年人均纯收入记为 2000.00 元，按收入明细和 1 人计算为 4000.00 元 [registry information warning]"
eq "DEATH_COUNTED" "$(msg DEATH_COUNTED)" \
	"死亡人员名单（公安，2025-03-31）记其于 2020-01-15 死亡，仍为本户成员 [external:death information error]"
eq "DEATH_REGISTERED" "$(msg DEATH_REGISTERED)" \
	"死亡人员名单（公安，2025-03-31）记其于 2015-05-05 死亡，2016-06-01 起才登记为本户成员 [external:death identification error]"
eq "VEHICLE" "$(msg VEHICLE)" "车辆名单（车管，2025-03-31）：鲁Q12345；该户状态为“未脱贫” [external:vehicle identification error]"
eq "NAME_MISMATCH" "$(msg NAME_MISMATCH)" \
	"车辆名单（车管，2025-03-31）第 5 行证件号码相同，姓名为“柳明” [external:vehicle information warning]"
eq "DIBAO_MISSED" "$(msg DIBAO_MISSED)" "在低保名册（民政，2025-03-31）第 5 行，不在名册所属区划的建档立卡人口中 [external:dibao identification warning]"
eq "DIBAO_NOT_ON_ROLL" "$(msg DIBAO_NOT_ON_ROLL)" "登记的“是否享受低保”为是，但不在低保名册（2025-03-31）中 [external:dibao information warning]"
eq "HEAD_MINOR" "$(msg HEAD_MINOR)" "户主 2014-04-30 时 12 岁 [registry information warning]"
# births quoted by their month only: a finding is read by roles that see no birth day (the day gave back eight
# digits of a masked number; found by a review)
# nor a digit of the masked number: not the right check character, not the date digits (found by a review)
eq "ID_CHECKSUM" "$(msg ID_CHECKSUM)" "证件号码校验位与前 17 位不符 [registry information error]"
eq "CARD_CHECKSUM" "$(msg CARD_CHECKSUM)" "证件号码校验位与前 17 位不符 [registry information error]"
eq "ID_DATE" "$(msg ID_DATE)" "证件号码中的出生日期不存在 [registry information error]"
eq "AGE_IMPLAUSIBLE" "$(msg AGE_IMPLAUSIBLE)" "出生于 1915-03，2025-06-30 时 110 周岁 [registry information warning]"
eq "RELATION_AGE" "$(msg RELATION_AGE)" "之子出生于 1978-03，户主出生于 1980-03 [registry information warning]"
eq "NAME_BIRTH_DUPLICATE" "$(msg NAME_BIRTH_DUPLICATE | sort -u)" \
	"本村有 2 名同名、同性别、出生于 1970-03 的建档立卡人员，分属不同户，证件号码不同 [registry information warning]"
# in English
expect_rc 1 check --as-of 2025-06-30 --rule EXITED_DROPOUT,TEKUN_MISSED --lang en --format json
jqeq '[.findings[] | .message] | join(";")' \
	"in an exited household, aged 8 on 2014-04-30, healthy and not in school;row 6 of the destitute support roll (民政, 2025-03-31), not in the registry of the roll's divisions"

# one rule, by code or national number; lists of rules; an unknown rule
expect_rc 1 check --as-of 2025-06-30 --rule 2_12_007 --format json
jqeq '[.findings[] | "\(.rule) \(.hh_no)"] | join(",")' "WORKER_PHONE_MOBILE H_WORKER_PHONE_MOBILE"
# the phone quoted masked, as everywhere (findings are read by roles that see phones masked), with its length
jqeq '.findings[0].message' "务工人员联系电话 053****3456（12 位）不是手机号码"
expect_rc 1 check --as-of 2025-06-30 --rule vehicle,HOUSING,4_02_001 --format json
jqeq '[.findings[] | .rule] | join(",")' "HH_PHONE_MOBILE,VEHICLE,HOUSING"
expect_rc 2 check --rule VEHICLE,NO_SUCH
contains "$ERR" "没有规则 VEHICLE,NO_SUCH"

# the history rules, once the history is broken (as in t0140): one person too many in a village's totals of
# 2014, and the exit of C_EXITED_ABOVE_LINE recorded as poor to poor
ok check --as-of 2025-06-30 --rule BALANCE,AGGREGATE
db_sql "UPDATE stat_delta SET persons = persons + 1 WHERE status = 'poor' AND village = 371399100202"
db_sql "UPDATE change_event SET to_status = 'poor' WHERE type = 'exit' AND household_id = (SELECT id FROM household
	WHERE hh_no = 'C_EXITED_ABOVE_LINE')"
expect_rc 1 check --as-of 2025-06-30 --rule BALANCE,AGGREGATE --format json
jqeq '[.findings[] | "\(.rule) \(.message)"] | join(";")' \
	"BALANCE 2014 年现有贫困：年初 0户0人 + 变动 84户123人 ≠ 年末 84户124人;BALANCE 2014 年建档立卡：年初 0户0人 + 变动 84户123人 ≠ 年末 84户124人;BALANCE 2015 年现有贫困：年初 84户124人 + 变动 -8户-11人 ≠ 年末 75户112人;AGGREGATE 未脱贫 2025-06-30：汇总为 75户112人，明细为 75户111人"

# the rule table
ok check --rules
contains "$OUT" "EXITED_BELOW_LINE        §5.2      退出不准    严重      已脱贫户人均纯收入未超过当年扶贫标准"
contains "$OUT" "共 89 条规则"
ok check --rules --format json --lang en
jqeq '.rules[] | select(.code == "DEATH_COUNTED") | "\(.category) \(.severity) \(.label) | \(.kind) \(.list)"' \
	"information error a person who died is still counted in a registered household | external death"
jqeq '[.categories[] | "\(.code) \(.label)"] | join(",")' \
	"identification misidentification,exit wrong exit,information inaccurate data,records incomplete records"

# EXITED_BELOW_MONITORING as of a day: monitored then, not today (a review found a check of a past day missing
# the households taken into monitoring since): a case opened on 2025-07-01, the household's flag set as today
db_sql "INSERT INTO monitor_case (household_id, seq, type, identified, recorded_at, updated_at)
	SELECT id, 1, 'unstable', 20250701, 0, 0 FROM household WHERE hh_no = 'H_EXITED_BELOW_MONITORING'"
db_sql "UPDATE household SET monitored = 1 WHERE hh_no = 'H_EXITED_BELOW_MONITORING'"
expect_rc 1 check --as-of 2025-06-30 --rule EXITED_BELOW_MONITORING --dry-run --format json
jqeq '[.findings[] | "\(.rule)|\(.hh_no)"] | join(";")' "EXITED_BELOW_MONITORING|H_EXITED_BELOW_MONITORING"
ok check --as-of 2025-07-01 --rule EXITED_BELOW_MONITORING --dry-run --format json
jqeq '.total' 0
finish
