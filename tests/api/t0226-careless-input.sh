#!/usr/bin/env bash
# Careless input that was stored (found by a review of every write route): texts with control characters, a
# bidirectional override or of 100 KB; days before 1980 or to come on records of things done; a person counted
# before being born. Each refused with its field and reason, and nothing written.
source "$(dirname "$0")/lib.sh"
county_db
add_user county county_admin 371399000000
add_user clerk village_operator 371399100201
add_user sys sys_admin
add_user sec sec_admin
start_server
login county
login clerk
login sys
login sec
before=$(db_fingerprint)
audit_before=$(audit_sql "SELECT COUNT(*) FROM audit")
E=/api/households/3713990001/events

# texts: a control character anywhere in a body (a reason, a member's name in an array), a name that shows
# reversed (U+202E), a text over 20,000 bytes; tab and line breaks are text
expect 400 county POST $E '{"type":"exit","effective":"2018-12-31","reason":"核实\u0007"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "control_char reason 含有不可显示的控制字符（U+0007，第 3 个字符）"
expect 400 county POST /api/households '{"hh_no":"3713990099","village_code":"371399100201","effective":"2018-06-01","members":[{"name":"新\u202e户","id_no":"371399197001010011","relation":"户主","sex":"男"}]}'
jqeq '.error | "\(.code) \(.field)"' "control_char members[0].name"
long=$(head -c 20001 /dev/zero | tr '\0' 'a')
expect 400 county POST $E "{\"type\":\"exit\",\"effective\":\"2018-12-31\",\"reason\":\"核实\",\"batch\":\"$long\"}"
jqeq '.error | "\(.code) \(.field) \(.message)"' "too_long batch 过长（20001 字节，最多 20000 字节）"
expect 400 county POST $E '{"type":"exit","effective":"2018-12-31","reason":"核实\u200f"}'
jqeq '.error | "\(.code) \(.field)"' "control_char reason"
api county POST "$E?lang=en" '{"type":"exit","effective":"2018-12-31","reason":"\u0085"}'
jqeq '.error.message' 'holds a control character that does not show (U+0085, character 1)'

# days: before 1980 for an event, a registration, a proposal; the registration's field named as the request
# names it (it said --as-of, the command line's option)
expect 400 county POST $E '{"type":"exit","effective":"1900-01-01","reason":"核实"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "date_too_early effective 日期 1900-01-01 早于 1980-01-01，不能作为登记或办理日期"
expect 400 county POST /api/households '{"hh_no":"3713990099","village_code":"371399100201","effective":"1900-01-01","members":[{"name":"新户","id_no":"371399197001010011","relation":"户主","sex":"男"}]}'
jqeq '[.data.problems[] | "\(.field) \(.code)"] | join(",")' "effective date_too_early"
expect 400 county POST /api/households '{"hh_no":"3713990099","village_code":"371399100201","effective":"2999-01-01","members":[{"name":"新户","id_no":"371399197001010011","relation":"户主","sex":"男"}]}'
jqeq '[.data.problems[] | "\(.field) \(.code)"] | join(",")' "effective future_date"
expect 400 county POST /api/proposals '{"type":"exit","household":"3713990001","date":"1900-01-01"}'
jqeq '.error | "\(.code) \(.field)"' "date_too_early date"

# a 识别年月 or a 脱贫年度 still to come, at registration or by a correction
expect 400 county POST /api/households '{"hh_no":"3713990099","village_code":"371399100201","effective":"2018-06-01","identified_ym":"2099-01","members":[{"name":"新户","id_no":"371399197001010011","relation":"户主","sex":"男"}]}'
jqeq '[.data.problems[] | "\(.field) \(.code) \(.message)"] | join(",")' "identified_ym date_in_future 年月 2099-01 晚于本月"
expect 400 county PATCH /api/households/3713990001 '{"exit_year":"2099","reason":"更正"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "date_in_future exit_year 年度 2099 晚于今年"

# a 识别年月 before 1980 says the range (it read as a mistake of format only)
expect 400 county PATCH /api/households/3713990001 '{"identified_ym":"1979-12","reason":"更正"}'
jqeq '.error | "\(.code) \(.message)"' "bad_year_month “1979-12”不是有效年月（应为 1980 至 2100 年间的年月，写作 YYYYMM，如 201809，或 2018-09）"

# the same other cause twice (a double click in a sheet)
expect 400 county PATCH /api/households/3713990001 '{"cause_other":["缺技术","缺技术"],"reason":"更正"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "cause_repeated cause_other 其他致贫原因“缺技术”写了两次"

# a person counted before being born: a household registered before its child's birth, a child added before it
expect 400 county POST /api/households '{"hh_no":"3713990099","village_code":"371399100201","effective":"2018-06-01","members":[{"name":"新户","id_no":"371399197001010011","relation":"户主","sex":"男"},{"name":"新生","id_no":"371399202006010014","relation":"之子","sex":"男"}]}'
jqeq '[.data.problems[] | "\(.field) \(.code) \(.message)"] | join(",")' \
	"members[1].id_no birth_after_effective 出生日期 2020-06-01 晚于生效日期 2018-06-01：人员不能在出生之前计入"
expect 400 county POST $E '{"type":"member_add","effective":"2019-06-01","reason":"新生儿","member":{"name":"新生","id_no":"371399202006010014","relation":"之子","sex":"男"}}'
jqeq '.error | "\(.code) \(.field)"' "birth_after_effective id_no"

# records of things done: not ahead of today, not before 1980; an end or a deadline may lie ahead
expect 400 clerk POST /api/records/measure '{"household":"3713990001","category":"产业扶贫","measure_date":"2999-06-01"}'
jqeq '.error | "\(.code) \(.field)"' "date_in_future measure_date"
expect 400 clerk POST /api/records/measure '{"household":"3713990001","category":"产业扶贫","measure_date":"1900-06-01"}'
jqeq '.error | "\(.code) \(.field)"' "date_too_early measure_date"
expect 400 county POST /api/records/loan '{"product":"富民生产贷","borrower":"某合作社","village":"东岭村","amount":100,"start_date":"2999-06-01","end_date":"3000-05-01"}'
jqeq '.error | "\(.code) \(.field)"' "date_in_future start_date"
# a loan's interest subsidy above the loan; a household's loan put in another village
expect 400 county POST /api/records/loan '{"product":"富民生产贷","borrower":"赵大山","household":"3713990001","amount":50000,"subsidy":60000,"start_date":"2018-06-01","end_date":"2020-05-01"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "subsidy_too_much subsidy 贴息金额 60000.00 元超过贷款金额 50000.00 元"
expect 400 county POST /api/records/loan '{"product":"富民生产贷","borrower":"赵大山","household":"3713990001","village":"西岭村","amount":50000,"start_date":"2018-06-01","end_date":"2020-05-01"}'
jqeq '.error | "\(.code) \(.field)"' "village_not_households village"
# money as a JSON number with a third decimal is refused, as the same text is (it was rounded to 0.01)
expect 400 clerk POST /api/records/measure '{"household":"3713990001","category":"产业扶贫","amount":0.005,"measure_date":"2018-03-01"}'
jqeq '.error | "\(.code) \(.field)"' "bad_money amount"

# a token of 0 days is refused (it was given the longest, 90)
expect 400 county POST /api/me/tokens '{"name":"对接","days":0}'
jqeq '.error | "\(.code) \(.field)"' "out_of_range days"

# a change of nothing (it wrote an audit row of a change that was none)
expect 400 sys PATCH /api/users/clerk '{}'
jqeq '.error | "\(.code) \(.message)"' "nothing_to_change 没有给出要修改的内容"
# nor a change to what is there already (a role dialog saved as it was: it wrote a role change, before equal to
# after, and ended the user's sessions)
expect 400 sec PATCH /api/users/clerk '{"role":"village_operator","division":"371399100201"}'
jqeq '.error.code' nothing_to_change
expect 400 sys PATCH /api/users/clerk '{"locked":false}'
jqeq '.error.code' nothing_to_change
expect 200 clerk GET /api/me

eq "nothing written" "$(db_fingerprint)" "$before"
eq "no audit row" "$(audit_sql "SELECT COUNT(*) FROM audit")" "$audit_before"

# a name that shows reversed in a sheet's cell too (a refused import is audited as refused, by design)
printf '行政区划代码,户编号,姓名,证件号码,与户主关系,性别\n371399100201,3713990099,新\xe2\x80\xae户,371399197001010011,户主,男\n' >"$WORK/rtl.csv"
upload county "/api/imports/registry?as_of=2018-06-01" "$WORK/rtl.csv"
eq "a reversed name in a sheet" "$STATUS" 400
jqeq '[.data.problems[] | "\(.row) \(.column) \(.code)"] | join(",")' "2 姓名 control_char"


# what is right still goes: a loan due years ahead, the child added on its birth day
expect 201 county POST /api/records/loan '{"product":"富民生产贷","borrower":"某合作社","village":"东岭村","amount":100,"start_date":"2018-06-01","end_date":"2099-05-01"}'
loan=$(jq -r .data.id <<<"$OUT")
# a loan names its household or its village: neither is refused as that
expect 400 county POST /api/records/loan '{"product":"富民生产贷","borrower":"某合作社","amount":100,"start_date":"2018-06-01","end_date":"2099-05-01"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "required village 须填写户编号或所在村（二者至少填一项）"
rows=$(audit_sql "SELECT COUNT(*) FROM audit")
expect 400 county PATCH "/api/records/loan/$loan" '{}'
jqeq '.error.code' nothing_to_change
eq "no audit row for it" "$(audit_sql "SELECT COUNT(*) FROM audit")" "$rows"
expect 201 county POST $E '{"type":"member_add","effective":"2020-06-01","reason":"新生儿","member":{"name":"新生","id_no":"371399202006010014","relation":"之子","sex":"男"}}'
# a poor village's 出列年度 still to come in a divisions sheet
printf '代码,名称,级别,上级代码,是否省定贫困村,贫困村出列年度\n371399100201,东岭村,村,371399100000,是,2099\n' >"$WORK/div.csv"
upload county /api/imports/divisions "$WORK/div.csv"
eq "a village exiting in 2099" "$STATUS" 400
jqeq '[.data.problems[] | "\(.row) \(.column) \(.code)"] | join(",")' "2 贫困村出列年度 date_in_future"
finish
