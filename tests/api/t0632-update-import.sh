#!/usr/bin/env bash
# POST /api/imports/registry?update=1 (issue 18): the registry sheet a town exported (masked), edited and sent
# back: the changed fields become 信息更正 of the members and households, masked cells are left as stored,
# with reason=; a bad row writes nothing and names the row, column and reason.
source "$(dirname "$0")/lib.sh"
county_db
add_user town town_operator 371399100000
start_server
login town

api town GET "/api/exports/registry?format=csv&village=371399100202"
eq "export" "$STATUS" 200
cp "$WORK/body" "$WORK/xiling.csv"
python3 - "$WORK/xiling.csv" "$WORK/up.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))
hd = rows[0]
for r in rows[1:]:
    if r[hd.index('姓名')] == '郑大妹': r[hd.index('劳动技能')] = '无劳动力'
csv.writer(open(sys.argv[2], 'w', encoding='utf-8-sig', newline='')).writerows(rows)
PY
upload town "/api/imports/registry?update=1&reason=%E5%85%A5%E6%88%B7%E6%A0%B8%E5%AE%9E&filename=xiling.csv" "$WORK/up.csv"
eq "update" "$STATUS" 200
jqeq '"\(.data.rows) \(.data.events) \(.data.written)"' "6 1 true"
expect 200 town GET "/api/households/3713990004"
jqeq '.data.history[-1] | "\(.type) \(.member.name) \(.detail.labor | join(">")) \(.reason)"' "data_fix 郑大妹 03>04 入户核实"
eq "audited" "$(audit_sql "SELECT action || ' ' || object FROM audit WHERE action LIKE 'import.%' ORDER BY id DESC LIMIT 1")" "import.update xiling.csv"

# a bad code: nothing written, the problem named
python3 - "$WORK/xiling.csv" "$WORK/bad.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))
hd = rows[0]
rows[1][hd.index('健康状况')] = '长期慢性病'
rows[2][hd.index('劳动技能')] = '很能干'
csv.writer(open(sys.argv[2], 'w', encoding='utf-8-sig', newline='')).writerows(rows)
PY
upload town "/api/imports/registry?update=1" "$WORK/bad.csv"
eq "refused" "$STATUS" 400
jqeq '[.data.problems[] | "\(.row) \(.column) \(.code)"] | join(";")' "3 劳动技能 unknown_code"
expect 200 town GET "/api/households/3713990003?full=1"
jqeq '[.data.members[] | .health.label] | join(",")' "健康,健康,健康,健康"
finish
