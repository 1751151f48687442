#!/usr/bin/env bash
# The Lingang demo district (`tuopin demo`, SCENARIO.md): every registry, campaign and village figure of the
# article as the normal reports compute them from the demo's records; the registry as it stood before the
# 2018 托底清零; towns adding up to the district; 李从山's household; a clean check; synthetic ID numbers;
# a database that holds households is refused; the same seed builds the same registry.
source "$TESTLIB"
new_db >/dev/null
DB1=$TUOPIN_DB
ok demo
printf '%s' "$OUT" > "$WORK/demo.out"
contains "$OUT" "2014-01-01 识别：17188 户 31485 人"
contains "$OUT" "变动记录 48416 条，分 12 天记录（2014-01-06 至 2018-05-24）"
contains "$OUT" "审核流程：北泉子二村 32 户脱贫走完全部程序至公告，另有 4 件在办（待办事项）"
# on PostgreSQL a transaction that wrote 10,000 rows or more is followed by ANALYZE (pg.c), so the reports
# below are planned on the demo's statistics, not on the empty tables' (the check took 100 s instead of 2)
if [ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ]; then
	eq "analyzed after the demo" "$(db_sql "SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_stat_user_tables
		WHERE relname IN ('household', 'member', 'household_status_span', 'change_event') AND last_analyze IS NOT NULL")" \
		"change_event,household,household_status_span,member"
fi

# The article's day: 16949户31417人 registered since early 2014, 16 households of 32 persons still poor,
# 16933户31385人 exited, 3638户5591人 still supported after the clean-up, 50 of 50 poor villages exited.
ok stats --as-of 2018-10-08 --format json
STATS=$OUT
jqeq '.division | "\(.code) \(.name)"' "371373000000 临港区"
nhmr registered "16949 31417"
nhmr current_poor "16 32"
nhmr poor "16 32"
nhmr returned "0 0"
nhmr exited "16933 31385"
nhmr exited_supported "3638 5591"
nhmr exited_unsupported "13295 25794"
nhmr removed "241 329"
nhmr cancelled "0 0"
jqeq '.villages | "\(.total) \(.poor) \(.exited)"' "200 50 50"
# by town, adding up to the district in every group
jqeq '[.rows[] | .name] | join(",")' "坪上镇,团林镇,壮岗镇,朱芦镇"
jqeq '. as $s | [$s.totals | keys[] as $k | ([$s.rows[][$k].households] | add) == $s.totals[$k].households
	and ([$s.rows[][$k].persons] | add) == $s.totals[$k].persons] | all' true
jqeq '[.rows[].villages.total] | add' 200
jqeq '[.rows[].villages.poor] | add' 50
jqeq '[.rows[].villages.exited] | add' 50
ok stats --as-of 2018-10-08
contains "$OUT" "合计    16949户31417人  16户32人  0户0人    3638户5591人    13295户25794人  241户329人  0户0人"
contains "$OUT" "现有贫困（未脱贫＋返贫）16户32人；已脱贫 16933户31385人"
contains "$OUT" "省定贫困村 50 个，截至 2018 年已出列 50 个"
# 出列年度 is data: 18 villages exited in 2016, the other 32 in 2017
ok stats --as-of 2016-12-31 --format json
jqeq '.villages | "\(.poor) \(.exited)"' "50 18"

# "2014年初": as now known, the baseline after the corrections, all poor.
ok stats --as-of 2014-01-01 --format json
nhmr registered "16949 31417"
nhmr poor "16949 31417"
nhmr exited "0 0"
jqeq '[.rows[] | .registered.households] | add' 16949

# As the registry said before the campaign: the 241 households removed later were in it, the 255 missed
# members and the 2 missed households were not; on 2018-03-31, 14户26人 poor, 7424户12298人 supported,
# 9750户19161人 unsupported.
ok stats --as-of 2014-01-01 --recorded-at 2018-03-31 --format json
jqeq '.recorded_at' "2018-03-31 23:59:59"
nhmr registered "17188 31485"
nhmr poor "17188 31485"
nhmr removed "0 0"
ok stats --as-of 2018-03-31 --recorded-at 2018-03-31 --format json
nhmr registered "17188 31485"
nhmr poor "14 26"
nhmr exited_supported "7424 12298"
nhmr exited_unsupported "9750 19161"

# The campaign: one batch, recorded in April and May 2018, and nothing recorded after it up to the article.
ok changes --batch 2018年托底清零 --format json
jqeq '[.rows[] | "\(.type) \(.households) \(.persons)"] | join(",")' \
	"include_missed 2 6,policy_end 3796 6987,policy_resume 10 25,remove 241 329,member_add 238 255"
ok changes --batch 2018年托底清零
contains "$OUT" "停止享受政策        3796  6987"
contains "$OUT" "恢复享受政策          10    25"
contains "$OUT" "识别不准剔除         241   329"
contains "$OUT" "人员增加             238   255"
contains "$OUT" "应纳未纳               2     6"
contains "$OUT" "合计（户次、人次）  4287  7602"
ok changes --from 2018-04-01 --to 2018-05-31 --recorded --format json
jqeq '[.rows[] | "\(.type) \(.households) \(.persons)"] | join(",")' \
	"include_missed 2 6,policy_end 3796 6987,policy_resume 10 25,remove 241 329,member_add 238 255"
ok changes --from 2018-06-01 --to 2018-10-08 --recorded --format json
jqeq '.rows | length' 0
# the corrections count in 2014, where they take effect; what 2018 itself changed is the policy flag
ok changes --from 2018-01-01 --to 2018-10-08 --format json
jqeq '[.rows[] | "\(.type) \(.households) \(.persons)"] | join(",")' "policy_end 3796 6987,policy_resume 10 25"

# Clean data: the member rules, the yearly balance and the aggregates.
ok check --as-of 2018-10-08
eq "check" "$OUT" "检查 2018-10-08 建档立卡 16949 户 31417 人：未发现问题"
# limited to the district or a town: only the roll-ups wholly inside are compared (no false AGGREGATE)
ok check --as-of 2018-10-08 --division 371373000000
eq "check, the district" "$OUT" "检查 2018-10-08 建档立卡 16949 户 31417 人：未发现问题"
ok check --as-of 2018-10-08 --division 团林镇
eq "check, a town" "$OUT" "检查 2018-10-08 建档立卡 4110 户 7625 人：未发现问题"

# The registry as exported: synthetic ID numbers (address code 371399), 户编号 = village code + 4 digits.
ok export registry "$WORK/reg.csv" --full-id
contains "$OUT" "16949 户 31417 人"
col() { awk -F, -v name="$1" 'NR == 1 { sub(/^\xef\xbb\xbf/, ""); for (i = 1; i <= NF; i++) if ($i == name) c = i; next }
	{ print $c }' "$WORK/reg.csv"; }
eq "ID numbers not 371399 + 12 characters" "$(col 证件号码 | grep -cv '^371399[0-9]\{11\}[0-9X]$' || true)" 0
eq "distinct ID numbers" "$(col 证件号码 | sort -u | wc -l)" 31417
eq "户编号 outside its village" "$(paste -d, <(col 行政区划代码) <(col 户编号) | awk -F, 'substr($2, 1, 12) != $1 || length($2) != 16' | wc -l)" 0
eq "heads" "$(col 与户主关系 | grep -c '^户主$')" 16949

# 李从山 (团林镇北泉子二村, 颈椎病): a household head with a chronic illness, exited and still supported.
LI=$(grep ',李从山,' "$WORK/reg.csv")
contains "$LI" "371373101208,"
contains "$LI" ",户主,男,"
contains "$LI" ",长期慢性病,"
HH=$(printf '%s\n' "$LI" | cut -d, -f2)
ok show "$HH" --as-of 2018-10-08 --format json
jqeq '.village.code' 371373101208
jqeq '.status.code' exited_supported
jqeq '[.members[] | select(.name == "李从山") | .relation.label] | join(",")' 户主
ok stats --as-of 2018-10-08 --division 北泉子二村 --format json
jqeq '.division | "\(.code) \(.name) \(.poor_village) \(.exit_year)"' "371373101208 北泉子二村 true 2016"

# Proposals (SCENARIO.md "After 2018"): 北泉子二村's 32 exits effective 2017-12-31 went through the whole
# workflow, 公告 on 2018-01-08 recording the exit event itself (the same figures as above); 4 are open there,
# one at each of 民主评议, 村内公示, 乡镇审核 and 县级审定.
ok proposal list --state approved --division 371373101208 --format json
jqeq '[(.rows | length), ([.rows[] | select(.type == "exit" and .event != null and .step_since == "2018-01-08")] | length)] | join(" ")' "32 32"
ok proposal show 1 --format json
jqeq '"\(.type) \(.household) \(.state) \(.event != null)"' "exit $HH approved true"
jqeq '[.steps[] | "\(.step) \(.decision) \(.date)"] | join(",")' \
	"assess approve 2017-11-20,review approve 2017-11-24,notice approve 2017-12-01,town approve 2017-12-12,county approve 2017-12-26,announce approve 2018-01-08"
EV=$(jq -r .event <<<"$OUT")
# its 公告: the batch's households in 户编号 order (it ran from the last to the first once decided proposals were
# listed latest first), titled by the county as the printed page is (the text named the first row's village)
ok notice 1
eq "the 公告's title" "$(printf '%s\n' "$OUT" | head -1)" "临港区脱贫公告  2018-01-08"
eq "in 户编号 order" "$(printf '%s\n' "$OUT" | awk 'NR > 2 { print $2 }' | sort -c && echo sorted)" sorted
eq "the first" "$(printf '%s\n' "$OUT" | awk 'NR == 3 { print $2, $3 }')" "$HH 李从山"
ok changes --batch 2017年度动态调整 --format json
jqeq '[.rows[] | "\(.type) \(.households) \(.persons)"] | join(",")' "exit 2575 4307,policy_end 5052 10007"
ok proposal list --state open --format json
jqeq '[.rows[] | select(.type != "monitor_in") | "\(.type) \(.division.code) \(.step) \(.step_since)"] | join(",")' \
	"return 371373101208 review 2018-10-12,return 371373101208 notice 2018-10-16,remove 371373101208 town 2018-10-24,return 371373101208 county 2018-10-31"
ok notice "$(jq -r '.rows[1].id' <<<"$OUT")" --format html
contains "$OUT" "<title>团林镇北泉子二村返贫公示</title>"
[ -n "$EV" ] || fail "proposal 1 has no event"

# ---- 帮扶 and 督查 in 2018 up to the article's day (SCENARIO.md), counted from the demo's records ----
contains "$(cat "$WORK/demo.out")" "帮扶：帮扶责任人 1217 名，结对 18042 条，走访 19914 次（2018-10-08 逾期未走访 23 户），"
ok assistance --from 2018-01-01 --to 2018-10-08 --format json
ASSIST=$OUT
jqeq '"\(.from) \(.to) \(.division.code)"' "2018-01-01 2018-10-08 371373000000"
# code records households persons amount jobs: 50 industry projects, 37 workshops, 1661 persons helped by them
# (each once), 108,000 元 of public-post subsidies, 2 job fairs with 214 jobs, 富民生产贷 9,950,000 元 helping 199
# poor persons, 6,200 free examinations, the 180 元 premium of every insured person paid by the finance bureau,
# 24 雨露计划 students at 3,000 元, charity cards 172,000 元 for 1,190 households, 2,000 households visited
jqeq '[.rows[] | "\(.code) \(.records) \(.households) \(.persons) \(.amount) \(.jobs)"] | join(",")' \
	"industry_project 50 1150 1181 559130 0,workshop 37 600 620 4262400 0,project_beneficiaries 87 1572 1661 4821530 0,public_post 24 24 24 108000 0,job_fair 2 40 40 0 214,loan_fumin_production 12 183 199 9950000 0,health_checkup 6200 4632 6200 0 0,medical_insurance 12610 7450 12610 2269800 0,serious_illness_insurance 12610 7450 12610 0 0,yulu 24 24 24 72000 0,charity_card 1190 1190 2060 172000 0,charity_visit 2000 2000 3349 0 0,pv_station 12 249 249 249000 0,loan_fumin_household 48 48 48 360000 0"
jqeq '.rows[] | select(.code == "medical_insurance") | .amount == .persons * 180' true
jqeq '.rows[] | select(.code == "yulu") | .amount == .persons * 3000' true
contains "$ASSIST" '"amount": 108000.00,'
contains "$ASSIST" '"amount": 9950000.00,'
# every household with policy has a cadre and is insured; 23 were not visited in the last 90 days
jqeq '.coverage | "\(.medical_insurance) \(.serious_illness_insurance) \(.cadre) \(.visited)"' "1 1 1 0.9937"
jqeq '.coverage_base | "\(.households) \(.persons) \(.with_cadre) \(.visited)"' "3654 5623 3654 3631"
jqeq '[.loans[] | "\(.product) \(.granted) \(.granted_amount) \(.outstanding) \(.balance) \(.overdue)"] | join(",")' \
	"fumin_household 8 360000 36 1460000 3,fumin_production 12 9950000 12 9950000 0"
ok assistance households --as-of 2018-10-08 --overdue --format json
jqeq '.total' 23
ok assistance households --as-of 2018-10-08 --unassigned --format json
jqeq '.total' 0
# 李从山 of 北泉子二村 (颈椎病): the village's cleaning post, 1,000 元 a month, paid January to September
ok assistance list public_post --household "$HH" --format json
jqeq '[.items[] | "\(.member.name) \(.post_kind.label) \(.title) \(.monthly) \(.start_date)"] | join(",")' \
	"李从山 护洁员 北泉子二村保洁员 1000 2018-01-01"
ok assistance list post_payment --household "$HH" --from 2018-01-01 --to 2018-10-08 --format json
jqeq '"\(.total) \([.items[].amount] | add)"' "9 9000"
# 第一书记 for the 50 villages
ok assistance list work_team --from 2018-10-08 --to 2018-10-08 --limit 1000 --format json
jqeq '[.items[] | select(.role.code == "first_secretary") | .village.code] | unique | length' 50
# 18 violation cases investigated, 28 persons held accountable
ok supervision --from 2018-01-01 --to 2018-10-08 --format json
jqeq '"\(.cases) \(.persons_handled)"' "18 28"
jqeq '[.rows[] | select(.cases > 0) | "\(.code) \(.cases) \(.persons)"] | join(",")' \
	"funds 4 7,identification 4 6,false_claim 2 4,project 2 3,policy 2 3,formalism 2 3,dereliction 1 1,bribery 1 1"
jqeq '.complaints | "\(.received) \(.answered) \(.open) \(.overdue)"' "26 23 3 1"

# ---- 2021–2026 防返贫动态监测 (SCENARIO.md "After 2018"): the monitoring lines, 420 一般农户 entered in 2021, the
# income surveys of 2020–2025, cases of the three types with risks eliminated both ways, no-labour households held
# with 低保, two returns (a new case after elimination) and six proposals of 2026 still in the workflow ----
contains "$(cat "$WORK/demo.out")" "防返贫监测（2021—2026 年）：监测标准 6 个年度，一般农户 420 户 1302 人，收入调查 17137 户次，纳入监测 614 户次（其中风险消除后再次纳入 2 户），风险消除 226 户次，无劳动能力落实低保暂不消除 211 户，在办 6 件"
mfig() {
	ok monitor stats --as-of "$1" --format json
	jqeq '[.totals | .monitored, .eliminated, .by_type.unstable, .by_type.marginal, .by_type.sudden, .by_way.help, .by_way.natural, .held, .identified_this_year, .eliminated_this_year] | map("\(.households)/\(.persons)") | join(" ")' "$2"
}
mfig 2021-12-31 "220/458 0/0 150/255 40/136 30/67 0/0 0/0 0/0 220/458 0/0"
mfig 2023-12-31 "294/519 125/378 208/336 43/112 43/71 97/302 28/76 67/96 89/197 61/185"
mfig 2025-12-31 "374/585 194/618 261/366 50/117 63/102 144/470 50/148 166/238 71/147 29/102"
ok monitor cases 3713731002120140 --format json
jqeq '[.cases[] | "\(.seq) \(.monitor_type) \(.identified) \(.state) \(.eliminated) \(.way)"] | join(";")' \
	"1 unstable 2021-04-15 eliminated 2022-04-13 natural;2 sudden 2024-05-25 eliminated 2025-05-26 natural"
ok proposal list --state open --format json
jqeq '[.rows[] | select(.type == "monitor_in") | "\(.division.code) \(.step) \(.step_since)"] | join(",")' \
	"371373100202 review 2026-02-09,371373102228 notice 2026-02-15,371373102236 notice 2026-03-12,371373102201 notice 2026-04-04,371373103202 review 2026-05-08,371373101223 review 2026-05-09"
# the assistance figures of 2026 count the monitoring objects too, like the household list they lead to: 3961
# households to visit, 54 without a cadre (monitored 一般农户), 3907 overdue (no visits recorded after 2018)
ok assistance --from 2026-01-01 --to 2026-07-01 --format json
jqeq '.coverage_base | "\(.households) \(.with_cadre) \(.visited)"' "3961 3907 0"
for w in all:3961 unassigned:54 overdue:3907; do
	ok assistance households --as-of 2026-07-01 $([ "${w%%:*}" = all ] || echo "--${w%%:*}") --format json
	jqeq '.total' "${w#*:}"
done
ok monitor warnings --as-of 2026-07-01 --format json
jqeq '"\(.total.households) \(.total.warnings) \([.rows[].rule] | group_by(.) | map("\(.[0]) \(length)") | join(","))"' \
	"184 226 income_fall 112,labour_death 1,low_income 113"
# a fall in whole percent, every one (one said 下降 32%, the next 下降 48.01%)
jqeq '[.rows[] | select(.rule == "income_fall") | .detail | select(test("下降 [0-9]+%$"))] | length' 112

# A database that holds households is refused, and nothing is written.
BEFORE=$(db_fingerprint)
expect_rc 1 demo
contains "$ERR" "已有 17610 户"
eq "refused demo wrote nothing" "$(db_fingerprint)" "$BEFORE"

# Every date the demo writes is a day of the calendar (it once wrote loans of the 57th of March and workers
# from the 13th month): month 1-12, day 1-31, in the assistance records' date columns.
bad_day() { printf "(%s %% 100 NOT BETWEEN 1 AND 31 OR %s / 100 %% 100 NOT BETWEEN 1 AND 12)" "$1" "$1"; }
eq "calendar days" "$(db_sql "SELECT (SELECT COUNT(*) FROM loan WHERE $(bad_day start_date) OR $(bad_day end_date)) + (SELECT COUNT(*) FROM beneficiary WHERE $(bad_day start_date) OR (end_date IS NOT NULL AND $(bad_day end_date)))")" 0

# The same seed builds the same registry. A second build, so only once: on SQLite (the generator does not
# depend on the backend, and a PostgreSQL build takes several times as long).
if [ "${TUOPIN_TEST_BACKEND:-sqlite}" = sqlite ]; then
	new_db >/dev/null
	ok demo --seed 20181008
	ok export registry "$WORK/reg2.csv" --full-id
	eq "same seed, same registry" "$(sha256sum <"$WORK/reg2.csv")" "$(sha256sum <"$WORK/reg.csv")"
	export TUOPIN_DB=$DB1
fi
finish
