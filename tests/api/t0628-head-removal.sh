#!/usr/bin/env bash
# The head of a household leaves (issue 18): a removal of the head while others stay is refused until the new
# head is named (new_head: an ID number, or new_head_id: a member id, as the UI sends), the error naming the
# field and changing nothing; named, the removal and a 信息更正 of the new head's relation (→ 户主) are recorded
# together, effective the same day; a new head for someone else's removal, the leaving member as the new
# head, or a member of no household are refused. The events sheet (tuopin import events) takes the column
# 新户主证件号码.
source "$(dirname "$0")/lib.sh"
county_db
add_user town town_operator 371399100000
start_server
login town

H=3713990003   # 周建民 (户主), 吴丽 (配偶), 周敏 (之女), 周强 (之子)
expect 200 town GET "/api/households/$H"
jqeq '[.data.members[] | "\(.name):\(.relation.label)"] | join(",")' "周建民:户主,吴丽:配偶,周敏:之女,周强:之子"
HEAD=$(printf '%s' "$OUT" | jq -r '.data.members[] | select(.name == "周建民") | .id')
WIFE=$(printf '%s' "$OUT" | jq -r '.data.members[] | select(.name == "吴丽") | .id')
SON=$(printf '%s' "$OUT" | jq -r '.data.members[] | select(.name == "周强") | .id')
EVENTS=$(printf '%s' "$OUT" | jq '.data.history | length')
before=$(db_fingerprint)

expect 400 town POST "/api/households/$H/events" "{\"type\":\"member_remove\",\"member_id\":$HEAD,\"effective\":\"2018-06-01\",\"reason\":\"死亡\"}"
jqeq '.error | "\(.code) \(.field) \(.message)"' "new_head_required new_head 周建民 是户主，减少后该户还有 3 人：请指定其中一人为新户主（新户主证件号码，new_head）"
expect 400 town POST "/api/households/$H/events" "{\"type\":\"member_remove\",\"member_id\":$HEAD,\"new_head_id\":$HEAD,\"effective\":\"2018-06-01\",\"reason\":\"死亡\"}"
jqeq '.error | "\(.code) \(.field) \(.message)"' "new_head_self new_head 新户主不能是被减少的成员本人"
expect 400 town POST "/api/households/$H/events" "{\"type\":\"member_remove\",\"member_id\":$SON,\"new_head_id\":$WIFE,\"effective\":\"2018-06-01\",\"reason\":\"婚出\"}"
jqeq '.error | "\(.code) \(.field) \(.message)"' "new_head_not_needed new_head 周强 不是户主：减少该成员不需要指定新户主"
expect 404 town POST "/api/households/$H/events" "{\"type\":\"member_remove\",\"member_id\":$HEAD,\"new_head_id\":999999,\"effective\":\"2018-06-01\",\"reason\":\"死亡\"}"
jqeq '.error | "\(.code) \(.field)"' "member_not_found new_head_id"
expect 404 town POST "/api/households/$H/events" "{\"type\":\"member_remove\",\"member_id\":$HEAD,\"new_head\":\"371399194001011037\",\"effective\":\"2018-06-01\",\"reason\":\"死亡\"}"
jqeq '.error | "\(.code) \(.field)"' "member_not_found new_head"
eq "nothing written" "$(db_fingerprint)" "$before"

# named: the removal and the new head's 信息更正, the same day
expect 201 town POST "/api/households/$H/events" "{\"type\":\"member_remove\",\"member_id\":$HEAD,\"new_head_id\":$WIFE,\"effective\":\"2018-06-01\",\"reason\":\"死亡\"}"
jqeq '[.data.members[] | "\(.name):\(.relation.label)"] | join(",")' "吴丽:户主,周敏:之女,周强:之子"
jqeq ".data.history | length" "$((EVENTS + 2))"
jqeq '[.data.history[-2:][] | "\(.type) \(.effective) \(.member.name) \(.reason)"] | join(";")' \
	"member_remove 2018-06-01 周建民 死亡;data_fix 2018-06-01 吴丽 原户主减少，变更户主"
jqeq '.data.history[-1].detail.relation | join(">")' "02>01"
# the list names the new head
expect 200 town GET "/api/households?q=$H"
jqeq '.data.items[0].head' 吴丽
stop_server

# the events sheet: the column 新户主证件号码
H=3713990001
ok show $H --format json --full-id
jqeq '[.members[] | "\(.name):\(.relation.label):\(.id_no)"] | join(",")' \
	"赵大山:户主:371399196003121036,钱秀兰:配偶:371399196205181029,赵小川:之子:371399200509011036"
printf '户编号,变动类型,生效日期,原因,证件号码\n%s,人员减少,2018-07-01,死亡,371399196003121036\n' $H >"$WORK/no-head.csv"
expect_rc 1 import events "$WORK/no-head.csv" --format json
jqeq '.problems[0] | "\(.row) \(.column) \(.code)"' "2 新户主证件号码 new_head_required"
# the son named: his mother, the head's wife, would stay 配偶 (his spouse): refused at the column of the new
# head, saying to correct her first; a row before it that does makes the sheet whole
printf '户编号,变动类型,生效日期,原因,证件号码,新户主证件号码\n%s,人员减少,2018-07-01,死亡,371399196003121036,371399200509011036\n' $H >"$WORK/head.csv"
expect_rc 1 import events "$WORK/head.csv" --format json
jqeq '.problems[0] | "\(.row) \(.column) \(.code) \(.message)"' "2 新户主证件号码 spouse_kept 钱秀兰 原为户主的配偶，户主变更后不是新户主的配偶：请一并填写其与新户主的关系（例如之母），或先更正其与户主关系"
printf '户编号,变动类型,生效日期,原因,证件号码,与户主关系,新户主证件号码\n%s,信息更正,2018-07-01,户主去世,371399196205181029,之母,\n%s,人员减少,2018-07-01,死亡,371399196003121036,,371399200509011036\n' $H $H >"$WORK/head.csv"
ok import events "$WORK/head.csv"
ok show $H --format json
jqeq '[.members[] | "\(.name):\(.relation.label)"] | join(",")' "赵小川:户主,钱秀兰:之母"
finish
