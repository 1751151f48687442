#!/usr/bin/env bash
# Workflows the office loads (tuopin workflow load): a definition becomes the next version of its code; one that
# is wrong is refused with the field and the reason and loads nothing — among them a type no proposal has, which
# would have replaced the standard workflow for nothing and left every exit and return without one (found by a
# review: types ["zzz"] was accepted as the standard workflow's next version).
source "$(dirname "$0")/lib.sh"
new_db >/dev/null
steps='[{"code":"assess","label":"入户核实","roles":["village_operator","county_admin"],"check":true},
 {"code":"review","label":"民主评议","roles":["village_operator","county_admin"],"votes":true},
 {"code":"county","label":"县级审定","roles":["county_admin"]}]'
wf() {   # wf FILE TYPES [STEPS]: a definition of the standard workflow
	printf '{"code":"standard","name":"精准识别与精准退出（本县）","types":%s,"steps":%s}' "$2" "${3:-$steps}" >"$WORK/$1"
}
wf good.json '["identify","include_missed","exit","return","remove","clear","village_exit"]'
ok workflow load "$WORK/good.json"
eq "loaded" "$OUT" "已载入流程 standard 第 1 版（3 个步骤）"
ok workflow list
eq "listed" "$OUT" "standard v1  精准识别与精准退出（本县）: 入户核实 → 民主评议 → 县级审定"
wf zzz.json '["zzz"]'
expect_rc 1 workflow load "$WORK/zzz.json"
eq "unknown type" "$ERR" "tuopin: 流程定义有误：types[0]：没有申请类型“zzz”（可用：identify、include_missed、exit、return、remove、clear、village_exit、monitor_in、risk_eliminate）"
wf mixed.json '["exit","retrun"]'
expect_rc 1 workflow load "$WORK/mixed.json"
eq "a misspelt type" "$ERR" "tuopin: 流程定义有误：types[1]：没有申请类型“retrun”（可用：identify、include_missed、exit、return、remove、clear、village_exit、monitor_in、risk_eliminate）"
wf norole.json '["exit"]' '[{"code":"assess","label":"入户核实","roles":["mayor"]}]'
expect_rc 1 workflow load "$WORK/norole.json"
contains "$ERR" "mayor"
# nothing of them loaded: version 1 is still the last
ok workflow list --format json
jqeq '[.rows[] | "\(.code) \(.version) \(.types | length)"] | join(",")' "standard 1 7"
finish
