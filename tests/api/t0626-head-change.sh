#!/usr/bin/env bash
# 户主变更 with the whole household: making a member the head asks what each other member becomes to the new
# head. GET .../members/{id}/head-change answers the members with the relation such a change most likely gives
# (a son made the head: his father and mother 之父/之母, his only wife 配偶, his children 之子/之女, his sister
# 之兄弟姐妹, his grandfather 之祖父); the correction takes them as other_relations, checks the household's end
# state whole (one head, one spouse of the other sex, each relation of the member's sex) and records a 信息更正
# for each member whose relation changes, the same day. Refused, nothing written: other_relations without a
# change of head, naming the new or the former head, a member twice or not in the household, 户主 again, a
# relation of the other sex, two spouses, a spouse of the new head's sex, and the head's spouse left 配偶 beside
# a new head who was not that spouse (the mother beside her son). The head's removal naming the new head takes
# other_relations too.
source "$(dirname "$0")/lib.sh"
county_db
add_user county county_admin 371399000000
start_server
login county

expect 201 county POST /api/households '{"village_code":"371399100201","hh_no":"3713991002010002","effective":"2021-03-01","members":[
 {"name":"张父","id_no":"371399195001010119","relation":"户主","sex":"男"},
 {"name":"李母","id_no":"371399195202020225","relation":"配偶","sex":"女"},
 {"name":"张子","id_no":"371399197503030311","relation":"之子","sex":"男"},
 {"name":"王媳","id_no":"371399197704040428","relation":"之儿媳","sex":"女"},
 {"name":"张孙","id_no":"371399200005050621","relation":"之孙女","sex":"女"},
 {"name":"张女","id_no":"371399198006060821","relation":"之女","sex":"女"},
 {"name":"张爷","id_no":"371399193007070914","relation":"之父","sex":"男"}]}'
H=/api/households/3713991002010002
id_of() { jq -r --arg n "$1" '.data.members[] | select(.name == $n) | .id' <<<"$PAGE"; }
expect 200 county GET "$H"
PAGE=$OUT
FATHER=$(id_of 张父); MOTHER=$(id_of 李母); SON=$(id_of 张子); WIFE=$(id_of 王媳); GRAND=$(id_of 张孙)
SISTER=$(id_of 张女); GRANDPA=$(id_of 张爷)
EVENTS=$(jq '.data.history | length' <<<"$PAGE")

# the suggestions, for the son and for the daughter
expect 200 county GET "$H/members/$SON/head-change"
jqeq '"\(.data.id) \(.data.name)"' "$SON 张子"
jqeq '[.data.members[] | "\(.name) \(.relation)>\(.suggested)\(if .former_head then " former" else "" end)"] | join(",")' \
	"张父 01>11 former,李母 02>12,王媳 05>02,张孙 08>04,张女 04>31,张爷 11>17"
expect 200 county GET "$H/members/$SISTER/head-change"
jqeq '[.data.members[] | "\(.name) \(.relation)>\(.suggested)"] | join(",")' \
	"张父 01>11,李母 02>12,张子 03>31,王媳 05>32,张孙 08>37,张爷 11>17"
# the head itself, a member of another household, a member no longer here
expect 400 county GET "$H/members/$FATHER/head-change"
jqeq '.error | "\(.code) \(.field) \(.message)"' "already_head id 张父 已是户主"
expect 404 county GET "$H/members/1/head-change"
jqeq '.error.code' member_not_found

# refused, nothing written
before=$(db_fingerprint)
fix() { expect "$1" county PATCH "$H/members/$2" "$3"; }
fix 400 "$SON" '{"member_phone":"13905391111","other_relations":[{"member_id":'"$MOTHER"',"relation":"之母"}],"reason":"核实"}'
jqeq '.error | "\(.code) \(.field)"' "other_relations_not_needed other_relations"
fix 400 "$SON" '{"relation":"户主","former_head_relation":"之父","other_relations":"之母","reason":"户主变更"}'
jqeq '.error | "\(.code) \(.field)"' "bad_type other_relations"
fix 400 "$SON" '{"relation":"户主","former_head_relation":"之父","other_relations":[{"member_id":'"$MOTHER"',"relation":"邻居"}],"reason":"户主变更"}'
jqeq '.error | "\(.code) \(.field)"' "unknown_code other_relations[0].relation"
fix 400 "$SON" '{"relation":"户主","former_head_relation":"之父","other_relations":[{"member_id":'"$FATHER"',"relation":"之父"}],"reason":"户主变更"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "other_relations_member other_relations 张父 是新户主或原户主：其关系不在其他成员中填写"
fix 400 "$SON" '{"relation":"户主","former_head_relation":"之父","other_relations":[{"member_id":'"$MOTHER"',"relation":"之母"},{"member_id":'"$MOTHER"',"relation":"之母"}],"reason":"户主变更"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "other_relations_twice other_relations 李母 的关系填写了两次"
fix 400 "$SON" '{"relation":"户主","former_head_relation":"之父","other_relations":[{"member_id":'"$WIFE"',"relation":"户主"}],"reason":"户主变更"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "other_relations_head other_relations 王媳 不能也改为户主：一户只有一个户主"
fix 409 "$SON" '{"relation":"户主","former_head_relation":"之父","other_relations":[{"member_id":999999,"relation":"之母"}],"reason":"户主变更"}'
jqeq '.error | "\(.code) \(.field) \(.message | sub("[0-9]{4}-[0-9]{2}-[0-9]{2}"; "(today)"))"' "member_absent other_relations 编号为 999999 的成员在 (today) 不属于户 3713991002010002"
fix 400 "$SON" '{"relation":"户主","former_head_relation":"之父","other_relations":[{"member_id":'"$WIFE"',"relation":"之子"}],"reason":"户主变更"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "relation_sex other_relations 王媳：与户主关系为“之子”的成员性别应为男"
fix 409 "$SON" '{"relation":"户主","former_head_relation":"之父","other_relations":[{"member_id":'"$WIFE"',"relation":"配偶"}],"reason":"户主变更"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "spouse_exists other_relations 户主变更后 李母 与 王媳 都为配偶：一户只有一个配偶"
fix 409 "$SON" '{"relation":"户主","former_head_relation":"配偶","other_relations":[{"member_id":'"$MOTHER"',"relation":"之母"},{"member_id":'"$WIFE"',"relation":"配偶"}],"reason":"户主变更"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "spouse_exists former_head_relation 该户已有配偶（王媳）"
fix 409 "$SISTER" '{"relation":"户主","former_head_relation":"之父","reason":"户主变更"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "spouse_kept other_relations 李母 原为户主的配偶，户主变更后不是新户主的配偶：请一并填写其与新户主的关系（例如之母），或先更正其与户主关系"
fix 409 "$SISTER" '{"relation":"户主","former_head_relation":"之父","other_relations":[{"member_id":'"$MOTHER"',"relation":"之母"},{"member_id":'"$WIFE"',"relation":"配偶"}],"reason":"户主变更"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "spouse_sex other_relations 王媳 为配偶，与新户主性别相同"
# one father, one mother: the grandfather left 之父 beside the head there was made 之父, two mothers given
fix 409 "$SON" '{"relation":"户主","former_head_relation":"之父","other_relations":[{"member_id":'"$MOTHER"',"relation":"之母"},{"member_id":'"$WIFE"',"relation":"配偶"}],"reason":"户主变更"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "relation_exists former_head_relation 户主变更后 张父 与 张爷 都为“之父”：一户只能有一人"
fix 409 "$SON" '{"relation":"户主","former_head_relation":"之父","other_relations":[{"member_id":'"$MOTHER"',"relation":"之母"},{"member_id":'"$SISTER"',"relation":"之母"},{"member_id":'"$GRANDPA"',"relation":"之祖父"}],"reason":"户主变更"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "relation_exists other_relations 户主变更后 李母 与 张女 都为“之母”：一户只能有一人"
# and outside a change of head: a second 之父 corrected or added
fix 409 "$SON" '{"relation":"之父","reason":"核实"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "relation_exists relation 该户已有与户主关系为“之父”的成员（张爷）"
expect 409 county POST "$H/members" '{"member":{"name":"张继","id_no":"371399193208080916","relation":"之父","sex":"男"},"effective":"2022-01-01","reason":"其他"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "relation_exists relation 该户已有与户主关系为“之父”的成员（张爷）"
# dated before the member (here: the household) was there, named with a number, or null: refused
fix 409 "$SON" '{"relation":"户主","former_head_relation":"之父","effective":"2020-06-01","correction":true,"reason":"户主变更"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "member_absent relation 该成员在 2020-06-01 不属于户 3713991002010002"
fix 400 "$SON" '{"relation":"户主","former_head_relation":11,"reason":"户主变更"}'
jqeq '.error | "\(.code) \(.field)"' "bad_type former_head_relation"
fix 400 "$SON" '{"relation":"户主","former_head_relation":"之父","other_relations":[{"member_id":'"$MOTHER"',"relation":"之母","x":1}],"reason":"户主变更"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "bad_type other_relations[0] 字段 other_relations[0] 的类型应为{member_id, relation}（成员编号，与户主关系）"
eq "nothing written" "$(db_fingerprint)" "$before"

# the son made the head with the suggestions: six corrections recorded together (the son's own and five
# others'; 张孙's relation changes too, none is recorded for a member whose relation stays)
fix 200 "$SON" '{"relation":"户主","former_head_relation":"之父","other_relations":[
 {"member_id":'"$MOTHER"',"relation":"之母"},{"member_id":'"$WIFE"',"relation":"配偶"},{"member_id":'"$GRAND"',"relation":"04"},
 {"member_id":'"$SISTER"',"relation":"之兄弟姐妹"},{"member_id":'"$GRANDPA"',"relation":"之祖父"}],"reason":"户主变更"}'
jqeq '[.data.members[] | "\(.name) \(.relation.label)"] | join(",")' \
	"张子 户主,张父 之父,李母 之母,王媳 配偶,张孙 之女,张女 之兄弟姐妹,张爷 之祖父"
jqeq ".data.history | length" "$((EVENTS + 7))"
jqeq '[.data.history[-7:][] | "\(.member.name) \(.reason) \(.detail.relation | join(">"))"] | join(";")' \
	"张子 户主变更 03>01;张父 变更户主：张子 改为户主 01>11;李母 变更户主：张子 改为户主 02>12;王媳 变更户主：张子 改为户主 05>02;张孙 变更户主：张子 改为户主 08>04;张女 变更户主：张子 改为户主 04>31;张爷 变更户主：张子 改为户主 11>17"
jqeq '[.data.history[-7:][] | .effective] | unique | length' 1
# one request, one audit row: the son's correction, and the six recorded with it in "follows"
ok audit list --action event.record --object 3713991002010002 --limit 1
eq "the corrections with it" "$(grep -o '"member":[0-9]*,"changes":{"relation":\["[0-9]*","[0-9]*"\]}' <<<"$OUT" | tr -d '"' | tr '\n' ' ')" \
	"member:$SON,changes:{relation:[03,01]} member:$FATHER,changes:{relation:[01,11]} member:$MOTHER,changes:{relation:[02,12]} member:$WIFE,changes:{relation:[05,02]} member:$GRAND,changes:{relation:[08,04]} member:$SISTER,changes:{relation:[04,31]} member:$GRANDPA,changes:{relation:[11,17]} "

# households an older lenient import left: without a head, a daughter made the head beside her mother still
# 配偶 is refused as with a head; with two heads, the second stays one unless given a relation
printf '%s\n' '行政区划代码,户编号,姓名,证件号码,与户主关系,性别,贫困户属性,主要致贫原因,识别标准,贫困户状态,识别年月' \
	'371399100201,3713991002010003,乙母,371399195503030240,配偶,女,一般贫困户,因病,国家标准,未脱贫,202103' \
	'371399100201,3713991002010003,乙女,371399198204040266,之女,女,一般贫困户,因病,国家标准,未脱贫,202103' \
	'371399100201,3713991002010004,丙父,371399194805050138,户主,男,一般贫困户,因病,国家标准,未脱贫,202103' \
	'371399100201,3713991002010004,丙叔,371399195206060152,户主,男,一般贫困户,因病,国家标准,未脱贫,202103' \
	'371399100201,3713991002010004,丙子,371399197807070179,之子,男,一般贫困户,因病,国家标准,未脱贫,202103' >"$WORK/old.csv"
ok import registry "$WORK/old.csv" --as-of 2021-03-01 --lenient
id_in() { curl -s -b "$WORK/county.jar" "http://127.0.0.1:$PORT/api/households/$1" | jq -r --arg n "$2" '.data.members[] | select(.name == $n) | .id'; }
H3=/api/households/3713991002010003
H4=/api/households/3713991002010004
before=$(db_fingerprint)
expect 409 county PATCH "$H3/members/$(id_in 3713991002010003 乙女)" '{"relation":"户主","reason":"户主变更"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "spouse_kept other_relations 乙母 原为户主的配偶，户主变更后不是新户主的配偶：请一并填写其与新户主的关系（例如之母），或先更正其与户主关系"
expect 200 county GET "$H4/members/$(id_in 3713991002010004 丙子)/head-change"
jqeq '[.data.members[] | "\(.name) \(.suggested)"] | join(",")' "丙父 11,丙叔 null"
expect 409 county PATCH "$H4/members/$(id_in 3713991002010004 丙子)" '{"relation":"户主","former_head_relation":"之父","reason":"户主变更"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "head_several other_relations 丙叔 仍为户主：请一并填写其与新户主的关系"
eq "nothing written" "$(db_fingerprint)" "$before"
expect 200 county PATCH "$H3/members/$(id_in 3713991002010003 乙女)" '{"relation":"户主","other_relations":[{"member_id":'"$(id_in 3713991002010003 乙母)"',"relation":"之母"}],"reason":"户主变更"}'
jqeq '[.data.members[] | "\(.name) \(.relation.label)"] | join(",")' "乙女 户主,乙母 之母"

# the head leaves (member_remove naming the new head): the others' relations go with it the same way. His
# widow made the head: his parents become her parents-in-law (之公公/之婆婆), the rest stay
expect 200 county GET "$H/members/$WIFE/head-change"
jqeq '[.data.members[] | "\(.name) \(.relation)>\(.suggested)"] | join(",")' \
	"张子 01>02,张父 11>15,李母 12>16,张孙 04>04,张女 31>99,张爷 17>99"
before=$(db_fingerprint)
rm_head() { expect "$1" county POST "$H/events" '{"type":"member_remove","member_id":'"$SON"',"new_head_id":'"$WIFE"',"reason":"死亡","other_relations":'"$2"'}'; }
rm_head 400 '[{"member_id":'"$FATHER"',"relation":"之婆婆"}]'
jqeq '.error | "\(.code) \(.field) \(.message)"' "relation_sex other_relations 张父：与户主关系为“之婆婆”的成员性别应为女"
rm_head 400 '[{"member_id":'"$SON"',"relation":"之子"}]'
jqeq '.error | "\(.code) \(.field)"' "other_relations_member other_relations"
expect 400 county POST "$H/events" '{"type":"member_remove","member_id":'"$GRANDPA"',"reason":"死亡","other_relations":[{"member_id":'"$MOTHER"',"relation":"之母"}]}'
jqeq '.error | "\(.code) \(.field)"' "other_relations_not_needed other_relations"
expect 400 county POST "$H/events" '{"type":"member_add","reason":"新生儿","member":{"name":"张新","id_no":"371399202605050018","relation":"之孙子","sex":"男"},"other_relations":[{"member_id":'"$MOTHER"',"relation":"之母"}]}'
jqeq '.error | "\(.code) \(.field)"' "other_relations_not_needed other_relations"
eq "nothing written" "$(db_fingerprint)" "$before"
rm_head 201 '[{"member_id":'"$FATHER"',"relation":"之公公"},{"member_id":'"$MOTHER"',"relation":"16"},{"member_id":'"$GRAND"',"relation":"之女"}]'
jqeq '[.data.members[] | "\(.name) \(.relation.label)"] | join(",")' \
	"王媳 户主,张父 之公公,李母 之婆婆,张孙 之女,张女 之兄弟姐妹,张爷 之祖父"
jqeq '[.data.history[-4:][] | "\(.type) \(.member.name) \(.reason) \(.detail.relation // [] | join(">"))"] | join(";")' \
	"member_remove 张子 死亡 ;data_fix 王媳 原户主减少，变更户主 02>01;data_fix 张父 原户主减少，变更户主 11>15;data_fix 李母 原户主减少，变更户主 12>16"
jqeq '[.data.history[-4:][] | .effective] | unique | length' 1
finish
