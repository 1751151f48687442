#!/usr/bin/env bash
# The change report's lines and batches (issue 18 point 7) on the demo district: the batches recorded, with
# their counts; the households behind one line (by batch and by period), page by page, agreeing with the line's
# 户 and 人; scoped (a town sees its own, a division outside is 404) and masked (no ID number, no phone).
source "$(dirname "$0")/lib.sh"
new_db >/dev/null
"$TUOPIN" demo >/dev/null
add_user county county_admin 371373000000
add_user tuanlin town_operator 371373101000
start_server
login county
login tuanlin

B=2018年托底清零
expect 200 county GET "/api/changes/batches"
jqeq '.data.division.name' "临港区"
jqeq '[.data.rows[] | "\(.batch) \(.events) \(.households) \(.first) \(.last)"] | join(",")' "2018年托底清零 4304 4287 2014-01-01 2018-05-24,2017年度动态调整 7627 7627 2017-12-31 2017-12-31,2016年度动态调整 8400 8400 2016-12-31 2016-12-31,2015年度动态调整 7125 7125 2015-12-31 2015-12-31,2014年度动态调整 3772 3772 2014-12-31 2014-12-31,2014年精准识别 17188 17188 2014-01-01 2014-01-01"

# lines DIV: every line of the campaign in DIV, its households listed page by page: "type 户 人 listed-户 Σ人"
lines() {
	expect 200 "$1" GET "/api/changes?batch=$B${2:+&division=$2}"
	local types got=()
	types=$(printf '%s' "$OUT" | jq -r '.data.rows[] | "\(.type):\(.households):\(.persons)"')
	for l in $types; do
		local ty=${l%%:*} n=0 sum=0 page=1
		while :; do
			expect 200 "$1" GET "/api/changes/households?batch=$B&type=$ty&per_page=200&page=$page${2:+&division=$2}"
			local k
			k=$(printf '%s' "$OUT" | jq '.data.rows | length')
			n=$((n + k))
			sum=$((sum + $(printf '%s' "$OUT" | jq '[.data.rows[].persons] | add // 0')))
			jqeq '"\(.data.total.households):\(.data.total.persons)"' "${l#*:}"
			[ "$k" -lt 200 ] && break
			page=$((page + 1))
		done
		got+=("$l:$n:$sum")
	done
	LINES=$(IFS=,; echo "${got[*]}")
}
lines county
eq "every line's households" "$LINES" "include_missed:2:6:2:6,policy_end:3796:6987:3796:6987,policy_resume:10:25:10:25,remove:241:329:241:329,member_add:238:255:238:255"
lines tuanlin
eq "the town's lines" "$LINES" "policy_end:984:1811:984:1811,policy_resume:1:4:1:4,remove:54:75:54:75,member_add:55:59:55:59"

# one line in detail: the 2 households 纳入 (include_missed) in the campaign, with village, head and persons
expect 200 county GET "/api/changes/households?batch=$B&type=include_missed"
jqeq '"\(.data.type) \(.data.label) \(.data.batch) \(.data.from) \(.data.total.households)户\(.data.total.persons)人"' \
	"include_missed 应纳未纳 $B null 2户6人"
jqeq '[.data.rows[] | "\(.hh_no) \(.town_name)\(.village_name) \(.head) \(.persons) \(.effective)"] | join(",")' "3713731002130143 坪上镇南杨湖二村 张森 3 2014-01-01,3713731002170122 坪上镇李家庄村 庄同法 3 2014-01-01"
# masked: nothing personal but the head's name
jqeq '[.data.rows[] | keys[]] | unique | join(",")' "effective,head,hh_no,persons,town_name,village,village_name"

# by period, as the report itself: the same figures
expect 200 county GET "/api/changes?from=2016-01-01&to=2016-12-31"
EXIT=$(printf '%s' "$OUT" | jq -r '.data.rows[] | select(.type == "exit") | "\(.households) \(.persons)"')
expect 200 county GET "/api/changes/households?from=2016-01-01&to=2016-12-31&type=exit&per_page=200"
jqeq '"\(.data.total.households) \(.data.total.persons)"' "$EXIT"
eq "2016's exits" "$EXIT" "5065 9403"
jqeq '"\(.data.rows | length) \(.data.page) \(.data.per_page)"' "200 1 200"
expect 200 county GET "/api/changes/households?from=2016-01-01&to=2016-12-31&type=exit&per_page=200&page=26"
jqeq '.data.rows | length' "65"
jqeq '"\(.data.from) \(.data.to) \(.data.recorded) \(.data.batch)"' "2016-01-01 2016-12-31 false null"
# a type that did not occur: no households, 0户0人
expect 200 county GET "/api/changes/households?from=2016-01-01&to=2016-12-31&type=split"
jqeq '"\(.data.rows | length) \(.data.total.households) \(.data.total.persons)"' "0 0 0"

# refused: no type, an unknown type, no period; a division outside the town's scope is 404
expect 400 county GET "/api/changes/households?batch=$B"
jqeq '.error.field' "type"
expect 400 county GET "/api/changes/households?batch=$B&type=nothing"
expect 400 county GET "/api/changes/households?type=exit"
jqeq '.error | "\(.code) \(.field) \(.message)"' "bad_parameter from 须提供参数 from（统计期间 from 和 to，或批次 batch）"
expect 400 county GET "/api/changes?from=2018-12-31&to=2018-01-01"
jqeq '.error | "\(.code) \(.field) \(.message)"' "bad_parameter from 起始日期 2018-12-31 晚于截止日期 2018-01-01"
expect 404 tuanlin GET "/api/changes/households?batch=$B&type=remove&division=371373103000"
expect 404 tuanlin GET "/api/changes/batches?division=371373103000"
finish
