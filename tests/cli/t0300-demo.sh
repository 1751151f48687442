#!/usr/bin/env bash
# The Lingang demo district (`tuopin demo`, SCENARIO.md): every registry, campaign and village figure of the
# article as the normal reports compute them from the demo's records; the registry as it stood before the
# 2018 托底清零; towns adding up to the district; 李从山's household; a clean check; synthetic ID numbers;
# a database that holds households is refused; the same seed builds the same registry.
source "$TESTLIB"
new_db >/dev/null
DB1=$TUOPIN_DB
ok demo
contains "$OUT" "2014-01-01 识别：17188 户 31485 人"
contains "$OUT" "变动记录 48416 条，分 12 天记录（2014-01-06 至 2018-05-24）"
contains "$OUT" "审核流程：北泉子二村 32 户脱贫走完全部程序至公告，另有 4 件在办（待办事项）"

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
contains "$OUT" "停止享受政策  3796  6987"
contains "$OUT" "恢复享受政策    10    25"
contains "$OUT" "识别不准剔除   241   329"
contains "$OUT" "人员增加       238   255"
contains "$OUT" "应纳未纳         2     6"
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
ok changes --batch 2017年度动态调整 --format json
jqeq '[.rows[] | "\(.type) \(.households) \(.persons)"] | join(",")' "exit 2575 4307,policy_end 5052 10007"
ok proposal list --state open --format json
jqeq '[.rows[] | "\(.type) \(.division.code) \(.step) \(.step_since)"] | join(",")' \
	"return 371373101208 review 2018-10-12,return 371373101208 notice 2018-10-16,remove 371373101208 town 2018-10-24,return 371373101208 county 2018-10-31"
ok notice "$(jq -r '.rows[1].id' <<<"$OUT")" --format html
contains "$OUT" "<title>团林镇北泉子二村返贫公示</title>"
[ -n "$EV" ] || fail "proposal 1 has no event"

# A database that holds households is refused, and nothing is written.
BEFORE=$(db_fingerprint)
expect_rc 1 demo
contains "$ERR" "已有 17190 户"
eq "refused demo wrote nothing" "$(db_fingerprint)" "$BEFORE"

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
