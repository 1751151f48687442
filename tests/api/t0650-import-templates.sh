#!/usr/bin/env bash
# Import templates and the kinds offered (issue 18 point 5): GET /api/imports lists the sheets a user may import
# with their columns and which are required (the divisions only for a county office or wider); a template per
# kind, XLSX or CSV, holds the header row of every column (the same table as the importers'); a registry file
# made from the template imports and says what it imported as N户M人.
source "$(dirname "$0")/lib.sh"
county_db >/dev/null
add_user county county_admin 371399000000
add_user town town_operator 371399100000
add_user viewer supervisor 371399000000
start_server
login county
login town
login viewer

expect 200 county GET "/api/imports"
# the registry's sheets, then the records of assistance (a web user loaded them only with the server's CLI)
jqeq '[.data.kinds[].kind] | join(",")' "registry,events,income,divisions,cadres,pairings,measures,post_payments,loans,insurance"
jqeq '.data.kinds[6] | "\(.label) \([.columns[] | select(.required) | .label] | join("、"))"' "帮扶措施 户编号、帮扶类别、帮扶日期"
jqeq '.data.kinds[9] | "\(.label) \(.columns[0].label) \(.columns[0].required)"' "参保名单（居民医保、大病保险） 险种 true"
curl -s -o "$WORK/m.csv" -b "$WORK/county.jar" "http://127.0.0.1:$PORT/api/imports/measures/template?format=csv"
eq "measures template" "$(sed '1s/^\xEF\xBB\xBF//' "$WORK/m.csv" | tr -d '\r')" "户编号,证件号码,帮扶类别,帮扶项目,帮扶日期,年度,金额,资金来源,帮扶单位,帮扶内容,户主签名"
jqeq '.data.kinds[0] | "\(.label) \([.columns[] | select(.required) | .label] | join("、")) \(.columns | length)"' \
	"建档立卡名单 户编号、姓名、证件号码、与户主关系、性别 33"
jqeq '.data.kinds[0].note' "另须有“行政区划代码”，或“乡镇”和“行政村”两列"
jqeq '.data.kinds[1] | [.columns[] | select(.required) | .key] | join(",")' "hh_no,type,effective"
jqeq '.data.kinds[2] | [.columns[] | select(.required) | .key] | join(",")' "hh_no,income_year"
jqeq '.data.kinds[3] | "\(.label) \([.columns[] | select(.required) | .label] | join("、"))"' "行政区划 代码、名称"
# a town office is not offered the divisions, nor their template; a read-only user no imports at all
expect 200 town GET "/api/imports"
jqeq '[.data.kinds[].kind] | join(",")' "registry,events,income,cadres,pairings,measures,post_payments,loans,insurance"
expect 404 town GET "/api/imports/divisions/template"
expect 403 viewer GET "/api/imports"
expect 403 viewer GET "/api/imports/registry/template"
expect 404 county GET "/api/imports/nothing/template"
expect 400 county GET "/api/imports/registry/template?format=pdf"

# the CSV template: a BOM and the header row, nothing else
curl -s -D "$WORK/h" -o "$WORK/tpl.csv" -b "$WORK/county.jar" "http://127.0.0.1:$PORT/api/imports/events/template?format=csv"
eq "events template" "$(sed '1s/^\xEF\xBB\xBF//' "$WORK/tpl.csv" | tr -d '\r')" \
	"户编号,变动类型,生效日期,原因,批次,是否更正,目标户编号,姓名,证件号码,与户主关系,性别,民族,文化程度,在校生状况,健康状况,劳动技能,务工状况,务工时间（月）,是否参加城乡居民基本医疗保险,是否参加大病保险,是否参加城乡居民基本养老保险,是否享受低保,是否特困供养,人联系电话,新证件号码,出生日期,新户主证件号码,原户主改为,贫困户属性,主要致贫原因,其他致贫原因,识别标准,识别年月,脱贫年度,户联系电话,开户银行,银行账号"
grep -qi "filename\*=UTF-8''%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF" "$WORK/h" || fail "template file name: $(grep -i disposition "$WORK/h")"
# the XLSX template: a workbook whose one row is the header
curl -s -o "$WORK/tpl.xlsx" -b "$WORK/county.jar" "http://127.0.0.1:$PORT/api/imports/registry/template"
eq "xlsx" "$(head -c 2 "$WORK/tpl.xlsx")" "PK"

# the registry template filled in: every column in the template's order, one household of two
curl -s -o "$WORK/reg.csv" -b "$WORK/county.jar" "http://127.0.0.1:$PORT/api/imports/registry/template?format=csv"
{
	cat "$WORK/reg.csv"
	printf '%s\r\n' "371399100202,,,3713990099,张新,371399198001010016,户主,男,汉族,初中,,健康,普通劳动力,乡（镇）内务工,6,是,是,是,否,否,,一般贫困户,因病,,国家标准,贫困户,2014-01,,,,,,"
	printf '%s\r\n' "371399100202,,,3713990099,李新,371399198203040029,配偶,女,汉族,小学,,健康,普通劳动力,,,是,是,是,否,否,,,,,,,,,,,,,"
} >"$WORK/reg-filled.csv"
upload county "/api/imports/registry?dry_run=1&as_of=2018-06-30&event=include_missed" "$WORK/reg-filled.csv"
eq "dry run" "$STATUS" "200"
jqeq '"\(.data.households)户\(.data.members)人 \(.data.written) \(.data.errors)"' "1户2人 false 0"

# the change template filled in (a review found it had no 性别, so a 人员增加 from it was refused): a member added
# with every member column, and a 信息更正 of the household's 贫困户属性 and phone, in the template's order
curl -s -o "$WORK/ev.csv" -b "$WORK/county.jar" "http://127.0.0.1:$PORT/api/imports/events/template?format=csv"
{
	cat "$WORK/ev.csv"
	printf '%s\r\n' "3713990001,人员增加,2018-06-01,新生儿,,否,,张小宝,371399201805010016,之子,男,汉族,,,健康,无劳动力,,,是,是,否,否,否,,,,,,,,,,,,,,"
	printf '%s\r\n' "3713990001,信息更正,2018-06-02,属性有误,,否,,,,,,,,,,,,,,,,,,,,,,,低保贫困户,,,,,,13905390000,,"
} >"$WORK/ev-filled.csv"
upload county "/api/imports/events?dry_run=1" "$WORK/ev-filled.csv"
eq "the change template filled in" "$STATUS $(jq -c '[.data.events, .data.errors]' <<<"$OUT")" "200 [2,0]"
finish
