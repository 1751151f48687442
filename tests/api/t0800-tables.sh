#!/usr/bin/env bash
# The standard tables through the API (issue 19): GET /api/reports lists them, GET /api/reports/{table} gives
# one as the JSON of `tuopin report TABLE --format json` (the same function), or as CSV / XLSX; the user's
# divisions bound it (a division outside them is 404); exact figures of the sample county (t0100). The server
# reads every table's facts in two halves on two connections at once (TUOPIN_TABLE_PARALLEL_MIN=0; by default
# only from 50,000 persons), the CLI in one pass: the same bytes, within the town operator's scope too.
source "$(dirname "$0")/lib.sh"
county_db
add_user county county_admin 371399000000
add_user town town_operator 371399100000
TUOPIN_TABLE_PARALLEL_MIN=0 start_server
login county
login town

expect 200 county GET /api/reports
api_json=$(printf '%s' "$OUT" | jq -S .data)
ok report list --format json
eq "the list is the CLI's" "$api_json" "$(printf '%s' "$OUT" | jq -S .)"
jqeq '.tables | length' 29

# Byte for byte what the CLI prints, for several tables and options
for q in "0?as_of=2015-06-30" "0?as_of=2015-06-30&recorded_at=2017-12-31" "1.1?as_of=2018-10-08&by=village" \
	"2.1?as_of=2015-06-30&division=371399101000" "24?as_of=2014-01-01&by=village" "2.9?as_of=2015-06-30&year=2014" \
	"1.9?as_of=2016-12-31&group=registered" "change?as_of=2015-12-31&by=village" "change?from=2014-01-01&to=2016-06-30"; do
	expect 200 county GET "/api/reports/$q"
	api_json=$(printf '%s' "$OUT" | jq -S .data)
	table=${q%%\?*}
	args=$(printf '%s' "${q#*\?}" | sed 's/as_of=/--as-of /; s/from=/--from /; s/&to=/ --to /; s/&recorded_at=/ --recorded-at /; s/&by=/ --by /;
		s/&division=/ --division /; s/&year=/ --year /; s/&group=/ --group /')
	ok report "$table" $args --format json
	eq "report $q" "$api_json" "$(printf '%s' "$OUT" | jq -S .)"
done

# Table 0 on 2015-06-30 (t0100's figures): 建档立卡 8户23人, 未脱贫 6户16人, 已脱贫享受政策 2户7人; by town
expect 200 county GET "/api/reports/0?as_of=2015-06-30"
jqeq '.data.total.values | [.registered_h, .registered_p, .poor_h, .poor_p, .exited_supported_h, .exited_supported_p] | join(" ")' \
	"8 23 6 16 2 7"
jqeq '[.data.rows[] | "\(.code) \(.name) \(.level) \(.values.poor_h) \(.values.poor_p)"] | join(",")' \
	"371399100000 东岭镇 town 2 3,371399101000 西山镇 town 4 13"
jqeq '"\(.data.rows_are) \(.data.division.code) \(.data.universe)"' "children 371399000000 all"

# A town's operator sees the town: its villages as rows, its figures as the total; the other town is 404
expect 200 town GET "/api/reports/0?as_of=2015-06-30"
jqeq '"\(.data.division.code) \(.data.total.values.poor_h) \(.data.total.values.poor_p)"' "371399100000 2 3"
jqeq '[.data.rows[].name] | join(",")' "东岭村,西岭村"
expect 404 town GET "/api/reports/0?as_of=2015-06-30&division=371399101000"
jqeq '.error.code' division_unknown

# Errors
expect 404 county GET "/api/reports/9.9"
jqeq '"\(.error.code) \(.error.field)"' "table_unknown table"
expect 400 county GET "/api/reports/1.1?format=pdf"
jqeq '"\(.error.code) \(.error.field)"' "bad_parameter format"
expect 400 county GET "/api/reports/1.1?by=county"
jqeq '"\(.error.code) \(.error.field)"' "bad_parameter by"
# rows by town of a village would be none: said, with the division and its level (it answered an empty table)
expect 400 county GET "/api/reports/1.1?division=371399100201&by=town"
jqeq '.error | "\(.code) \(.field) \(.message)"' "table_by by 东岭村是村，不能再按乡镇分列（请选其上一级区划）"
expect 400 county GET "/api/reports/1.1?division=371399100000&by=town&lang=en"
jqeq '.error.message' "东岭镇 is a town: it has no town rows (choose the division above it)"
expect 200 county GET "/api/reports/1.1?division=371399100000&by=village"
expect 400 county GET "/api/reports/1.1?group=everybody"
jqeq '"\(.error.code) \(.error.field)"' "bad_parameter group"
expect 400 county GET "/api/reports/1.1?as_of=2015-13-01"
# the change table counts as now known, over a period that runs forwards; its balance holds
expect 400 county GET "/api/reports/change?as_of=2016-12-31&recorded_at=2017-01-01"
jqeq '"\(.error.code) \(.error.field)"' "table_recorded_at recorded_at"
expect 400 county GET "/api/reports/change?from=2016-12-31&to=2016-01-01"
jqeq '"\(.error.code) \(.error.field)"' "table_period from"
expect 200 town GET "/api/reports/change?from=2014-01-01&to=2018-12-31"
jqeq '"\(.data.division.code) \(.data.balance.holds) \(.data.total.values.diff_h) \(.data.total.values.diff_p)"' "371399100000 true 0 0"
expect 401 - GET "/api/reports/1.1"

# CSV and XLSX downloads, named after the table, the division and the day
dl() { # dl USER QUERY FILE: status and the Content-Disposition header
	STATUS=$(curl -s -D "$WORK/h" -o "$3" -w '%{http_code}' -b "$WORK/$1.jar" "http://127.0.0.1:$PORT/api/reports/$2")
	DISP=$(grep -i '^content-disposition:' "$WORK/h" | tr -d '\r' || true)
}
dl county "2.1?as_of=2015-06-30&format=csv" "$WORK/t.csv"
eq "csv" "$STATUS" 200
eq "csv header" "$(sed -n 1p "$WORK/t.csv" | sed 's/^\xef\xbb\xbf//' | tr -d '\r')" \
	"code,name,households,persons,general_h,general_p,dibao_h,dibao_p,tekun_h,tekun_p"
ok report 2.1 --as-of 2015-06-30 --format csv
eq "csv is the CLI's" "$(tr -d '\r' < "$WORK/t.csv")" "$(printf '%s' "$OUT" | tr -d '\r')"
dl town "1.1?as_of=2015-06-30&format=xlsx" "$WORK/t.xlsx"
eq "xlsx" "$STATUS $(head -c 2 "$WORK/t.xlsx")" "200 PK"
contains "$DISP" "filename*=UTF-8''"
contains "$(printf '%b' "$(printf '%s' "$DISP" | sed 's/.*UTF-8'"''"'//; s/%/\\x/g')")" "1.1贫困人口年龄分组统计表-东岭镇-2015-06-30.xlsx"
SS=$(unzip -p "$WORK/t.xlsx" xl/sharedStrings.xml)
contains "$SS" "<t>贫困人口年龄分组统计表</t>"
contains "$SS" "<t>填报单位：东岭镇　　统计时点：2015-06-30　　统计范围：现有贫困　　单位：人</t>"
# The person list (名单): streamed to a file and sent; the same as the CLI's, masked; a town's operator gets the town
dl county "roster?as_of=2015-06-30&format=csv" "$WORK/r.csv"
eq "roster" "$STATUS" 200
ok report roster --as-of 2015-06-30
eq "roster is the CLI's" "$(tr -d '\r' < "$WORK/r.csv")" "$(printf '%s' "$OUT" | tr -d '\r')"
contains "$(printf '%b' "$(printf '%s' "$DISP" | sed 's/.*UTF-8'"''"'//; s/%/\\x/g')")" "人员名单-示例县-2015-06-30.csv"
dl town "roster?as_of=2015-06-30&group=current_poor&format=csv" "$WORK/r2.csv"
ok report roster --as-of 2015-06-30 --group current_poor --division 371399100000
eq "a town's roster" "$(tr -d '\r' < "$WORK/r2.csv")" "$(printf '%s' "$OUT" | tr -d '\r')"
dl town "roster?division=371399101000" "$WORK/r3.xlsx"
eq "another town's roster" "$STATUS" 404
dl county "roster?format=json" "$WORK/r4"
eq "roster as json" "$STATUS" 400
finish
