#!/usr/bin/env bash
# Bad JSON, wrong types, unknown fields, oversized bodies, path traversal, SQL metacharacters in every text
# parameter: each answered with its exact code, and nothing written. Personal data masked unless asked.
source "$(dirname "$0")/lib.sh"
county_db
add_user county county_admin 371399000000
add_user village village_operator 371399100201
start_server
login county
login village
before=$(db_fingerprint)
audit_before=$(audit_sql "SELECT COUNT(*) FROM audit")

H=/api/households/3713990001/events
expect 400 county POST $H '{"type":"exit",'
jqeq '.error | "\(.code) \(.message)"' "bad_json 请求体不是有效的 JSON：内容不完整（第 1 行第 15 列）"
expect 400 county POST $H '[1,2]'
jqeq '.error.code' bad_json
expect 400 county POST $H '{"type":"exit","type":"return"}'
jqeq '.error | "\(.code) \(.message)"' "bad_json 请求体不是有效的 JSON：键名重复（第 1 行第 21 列）"
# in English, jansson's own words
api county POST "$H?lang=en" '{"type":"exit",'
jqeq '.error.message' "the request body is not valid JSON: string or '}' expected near end of file (line 1, column 15)"
expect 400 county POST $H '{"type":7}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "bad_type type 字段 type 的类型应为字符串"
expect 400 county POST $H '{"type":"exit","colour":"red"}'
jqeq '.error | "\(.code) \(.field)"' "unknown_field colour"
expect 400 county POST $H '{"effective":"2018-12-31"}'
jqeq '.error | "\(.code) \(.field)"' "required type"
expect 400 county POST $H '{"type":"exit","effective":"2018-02-30"}'
jqeq '.error | "\(.code) \(.field)"' "bad_date effective"
expect 400 county POST $H '{"type":"升级","effective":"2018-12-31"}'
jqeq '.error | "\(.code) \(.field)"' "unknown_code type"
expect 400 county POST $H '{"type":"member_add","effective":"2018-12-31","reason":"新生儿","member":{"name":"小","id_no":"371399201801010011","relation":"之子","sex":"男","shoe_size":"40"}}'
jqeq '.error | "\(.code) \(.field)"' "unknown_field member.shoe_size"
expect 400 county POST /api/households '{"hh_no":"X1","village_code":"371399100201","members":[{"name":"甲","id_no":"371399197001010012","relation":"户主","sex":"男"},{"name":"","id_no":"371399197202020029","relation":"之子","sex":"女"}]}'
jqeq '[.data.problems[] | "\(.field) \(.code)"] | join(",")' \
	"members[0].id_no id_checksum,members[1].name required,members[1].id_no id_checksum,members[1].relation relation_sex"
jqeq '.error.field' "members[0].id_no"
# a body over 1 MiB
head -c 1200000 /dev/zero | tr '\0' 'a' > "$WORK/big.json"
STATUS=$(curl -s -o "$WORK/body" -w '%{http_code}' -b "$WORK/county.jar" -H "X-CSRF-Token: $(cat "$WORK/county.csrf")" \
	-H 'Content-Type: application/json' --data-binary "@$WORK/big.json" "http://127.0.0.1:$PORT$H")
eq "oversized" "$STATUS" 413
eq "oversized code" "$(jq -r .error.code "$WORK/body")" too_big
# an upload over the configured limit
stop_server
start_server --max-upload 1
login county
head -c 2000000 /dev/urandom > "$WORK/big.bin"
upload county /api/imports/registry "$WORK/big.bin"
eq "big upload" "$STATUS" 413
upload county /api/imports/registry /dev/null
eq "empty upload" "$STATUS" 400
jqeq '.error.code' empty_file

# SQL metacharacters in every text parameter are data: they match nothing and break nothing
for q in "'" "\"" "' OR '1'='1" "1; DROP TABLE household; --" "%" "_" "\\" "名' --" "371399%"; do
	enc=$(jq -rn --arg v "$q" '$v|@uri')
	expect 200 county GET "/api/households?q=$enc"
	jqeq '.data.total' 0
	expect 404 county GET "/api/households/$enc"
	expect 404 county GET "/api/divisions/$enc"
	expect 400 county GET "/api/stats?as_of=$enc"
	expect 404 county GET "/api/stats?division=$enc"
	expect 400 county GET "/api/households?status=$enc"
	expect 200 county GET "/api/changes?batch=$enc"
	jqeq '.data.rows | length' 0
	for param in attribute cause sort; do
		expect 400 county GET "/api/households?$param=$enc"
		jqeq '"\(.error.code) \(.error.field)"' "bad_parameter $param"
	done
	expect 400 county GET "/api/stats?recorded_at=$enc"
	expect 400 county GET "/api/stats?by=$enc"
	expect 400 county GET "/api/changes?from=$enc&to=2018-12-31"
	expect 400 county GET "/api/exports/registry?format=$enc"
	expect 400 county GET "/api/exports/registry?status=$enc"
	expect 404 county GET "/api/households/$enc/events"
	expect 404 county POST "/api/households/$enc/events" '{"type":"exit","effective":"2018-12-31"}'
	upload county "/api/imports/$enc" "$TESTDATA/county/divisions.csv"
	eq "import kind $q" "$STATUS" 404
	expect 401 county POST /api/login "{\"name\":$(jq -n --arg v "$q" '$v'),\"password\":\"x\"}"
	jqeq '.error.code' bad_credentials
done
expect 401 - POST /api/login "{\"name\":\"county' --\",\"password\":\"x\"}"
eq "tables intact" "$(db_sql 'SELECT COUNT(*) FROM household')" "9"

# paths: traversal and unknown addresses
for p in "/../../etc/passwd" "/%2e%2e/%2e%2e/etc/passwd" "/assets/..%2f..%2fetc%2fpasswd" "/..%5c..%5cwindows"; do
	code=$(curl -s -o /dev/null -w '%{http_code}' --path-as-is "http://127.0.0.1:$PORT$p")
	eq "traversal $p" "$code" 404
done
expect 404 county GET /api/no/such/thing
jqeq '.error.code' not_found
# an escaped NUL ends nothing: the address with it names no household (it read as 3713990001 before), and a
# search with it finds none
expect 200 county GET /api/households/3713990001
expect 404 county GET /api/households/3713990001%00
jqeq '.error.code' household_not_found
expect 404 county GET /api/households/3713990001%00/events
expect 200 county GET "/api/households?q=3713990001%00"
jqeq '.data.total' 0
expect 405 county DELETE /api/stats
jqeq '.error.code' method_not_allowed
# a path or parameter that is not UTF-8 is refused in the API's own envelope, naming it (a cut character was
# a byte prefix to the search, and its export's audit row lost its detail; an error quoting one came as {})
expect 400 county GET "/api/households?q=%E6%9D"
jqeq '.error | "\(.code) \(.field) \(.message)"' "bad_parameter q 参数 q 不是有效的 UTF-8 文本"
expect 400 county GET "/api/households?village=%FF%FE"
jqeq '"\(.ok) \(.error.field)"' "false village"
expect 400 county GET "/api/exports/registry?format=csv&full=1&q=%E6%9D"
expect 400 - GET "/api/x%FF"
jqeq '.error | "\(.code) \(.message)"' "bad_parameter 请求路径不是有效的 UTF-8 文本"
expect 400 county GET "/api/households?%FF=1"
jqeq '.error.message' "参数 ? 不是有效的 UTF-8 文本"
expect 200 county GET "/api/households?q=%E6%9D%8E"

# masking: ID numbers and phones are masked unless a role that may asks; each full view is audited
expect 200 county GET /api/households/3713990001
jqeq '[.data.members[].id_no] | join(",")' "371399************,371399************,371399************"
jqeq '.data.phone' "139****0001"
jqeq '.data.full' false
expect 200 county GET "/api/households/3713990001?full=1"
jqeq '.data.members[0].id_no' 371399196003121036
jqeq '.data.phone' 13905390001
jqeq '.data.full' true
expect 200 county GET "/api/households?q=371399196003121036"
jqeq '.data.items[0].hh_no' 3713990001
jqeq '.data.items[0].phone' "139****0001"
eq "one full view audited" "$(audit_sql "SELECT COUNT(*) FROM audit WHERE action = 'view.full_id' AND object = '3713990001'")" "1"

eq "nothing written" "$(db_fingerprint)" "$before"
eq "only logins, the full view and the search by number audited" \
	"$(audit_sql "SELECT action FROM audit WHERE id > $audit_before ORDER BY id" | sort | uniq -c | awk '{print $2"="$1}' | tr '\n' ' ')" \
	"login=1 login.failed=10 search.id_no=1 view.full_id=1 "

# the administrators' text parameters: a user name in the path, the audit log's filters
add_user sys sys_admin
add_user auditor audit_admin
login sys
login auditor
for q in "'" "' OR '1'='1" "1; DROP TABLE app_user; --" "%" "名' --"; do
	enc=$(jq -rn --arg v "$q" '$v|@uri')
	expect 404 sys PATCH "/api/users/$enc" '{"locked":true}'
	for param in actor action object; do
		expect 200 auditor GET "/api/audit?$param=$enc"
		jqeq '"\(.data.total) \(.data.items | length)"' "0 0"
	done
done
# format= is read by one rule everywhere: empty is the route's default, json only where the route answers JSON,
# anything else refused naming the parameter.
for path in "/api/exports/registry?" "/api/exports/monitoring?" "/api/reports/roster?" "/api/findings/export?"; do
	expect 200 county GET "${path}format="
	expect 400 county GET "${path}format=json"
	jqeq '"\(.error.code) \(.error.field)"' "bad_parameter format"
done
for path in "/api/stats?" "/api/changes?from=2014-01-01&to=2018-12-31&" "/api/reports/1.0?" "/api/assistance?"; do
	expect 200 county GET "${path}format="
	jqeq '.data | type' object
	expect 200 county GET "${path}format=json"
	expect 400 county GET "${path}format=pdf"
	jqeq '"\(.error.code) \(.error.field)"' "bad_parameter format"
done
eq "accounts intact" "$(db_sql 'SELECT COUNT(*) FROM app_user WHERE locked = 0')" "4"
finish
