#!/usr/bin/env bash
# The change table (扶贫对象变动统计表, DOMAIN.md §9.2, issue 19): 期初, every kind of increase and decrease, 期末,
# and the balance identity 期初 + 增加 − 减少 = 期末 checked on every row and the total. Exact figures counted by
# hand on the sample county (t0800's: 东岭村 0001 (3 persons) and 0002 (王桂兰 alone); 西岭村 0003 (4 persons)).
source "$TESTLIB"
vals() { # the non-zero values of the rows then the total, "key=value" joined
	jqeq '[.rows[], .total] | map(.values | to_entries | map(select(.value != 0) | "\(.key)=\(.value)") | join(" ")) | join(",")' "$1"
}
sample_db

ok report list --format json
jqeq '.tables[] | select(.code == "change") | "\(.group) \(.title) \(.universe) \(.rows_are)"' "变动 扶贫对象变动统计表 current_poor divisions"

# 2014, as identified (2014-04-30): nobody before, 3户8人 new
ok report change --from 2014-01-01 --to 2014-12-31 --by village --format json
jqeq '"\(.from) \(.to) \(.as_of) \(.balance.holds)"' "2014-01-01 2014-12-31 2014-12-31 true"
vals "new_h=2 new_p=4 in_h=2 in_p=4 end_h=2 end_p=4,new_h=1 new_p=4 in_h=1 in_p=4 end_h=1 end_p=4,new_h=3 new_p=8 in_h=3 in_p=8 end_h=3 end_p=8"
jqeq '.subtitle' "填报单位：示例县　　统计期间：2014-01-01 至 2014-12-31　　统计范围：现有贫困　　单位：户、人"
jqeq '[.columns[] | select(.key == "died_p" or .key == "diff_h") | "\(.label) \(.group)"] | join(",")' \
	"自然减少人数 减少,户数 平衡核对（期初+增加−减少−期末）"

# The sample events (recorded 2018-05-02): 0003 exits 2015-12-31; a grandson born into 0001 2016-03-08; 王桂兰
# dies and 0002 is cancelled 2016-11-02; 0001 removed from the start (a correction effective 2014-04-30, so as now
# known it was never poor: its identification and its grandson count nowhere).
ok import events "$SAMPLES/events.csv" --now "2018-05-02 10:00:00"
ok report change --from 2014-01-01 --to 2014-12-31 --by village --format json
vals "new_h=1 new_p=1 in_h=1 in_p=1 end_h=1 end_p=1,new_h=1 new_p=4 in_h=1 in_p=4 end_h=1 end_p=4,new_h=2 new_p=5 in_h=2 in_p=5 end_h=2 end_p=5"
# 2015: 0003 exits on the last day of the year (4 persons)
ok report change --from 2015-01-01 --to 2015-12-31 --by village --format json
vals "start_h=1 start_p=1 end_h=1 end_p=1,start_h=1 start_p=4 exit_h=1 exit_p=4 out_h=1 out_p=4,start_h=2 start_p=5 exit_h=1 exit_p=4 out_h=1 out_p=4 end_h=1 end_p=1"
# 2016 (the as-of date's year by default): 王桂兰 dies (自然减少 1 person) and her emptied household is cancelled
# the same day (销户 1 household, nobody left in it)
ok report change --as-of 2016-12-31 --format json
jqeq '"\(.from) \(.to) \(.balance.holds)"' "2016-01-01 2016-12-31 true"
vals "start_h=1 start_p=1 cancel_h=1 died_p=1 out_h=1 out_p=1,start_h=1 start_p=1 cancel_h=1 died_p=1 out_h=1 out_p=1"
jqeq '[.rows[].name] | join(",")' "东岭镇"
# the registered (exited included): the exit moves nobody out; 2户5人 − 1户1人 = 1户4人
ok report change --as-of 2016-12-31 --group registered --format json
vals "start_h=2 start_p=5 cancel_h=1 died_p=1 out_h=1 out_p=1 end_h=1 end_p=4,start_h=2 start_p=5 cancel_h=1 died_p=1 out_h=1 out_p=1 end_h=1 end_p=4"
# the whole history at once: the stocks of 2013-12-31 (none) and of 2017-12-31 (nobody poor)
ok report change --from 2014-01-01 --to 2017-12-31 --by village --format json
vals "new_h=1 new_p=1 in_h=1 in_p=1 cancel_h=1 died_p=1 out_h=1 out_p=1,new_h=1 new_p=4 in_h=1 in_p=4 exit_h=1 exit_p=4 out_h=1 out_p=4,new_h=2 new_p=5 in_h=2 in_p=5 exit_h=1 exit_p=4 cancel_h=1 died_p=1 out_h=2 out_p=5"
# the table and its balance line; the CSV's keys
ok report change --as-of 2016-12-31 --by village
contains "$OUT" "扶贫对象变动统计表"
contains "$OUT" "平衡核对：各行均有 期初 + 增加 − 减少 = 期末。"
ok report change --as-of 2016-12-31 --by village --format csv
eq "csv" "$(printf '%s' "$OUT" | sed 's/^\xef\xbb\xbf//' | tr -d '\r' | sed -n '1p;4p')" \
	"code,name,start_h,start_p,new_h,new_p,return_h,return_p,born_p,move_in_h,move_in_p,other_in_h,other_in_p,in_h,in_p,exit_h,exit_p,remove_h,remove_p,clear_h,clear_p,cancel_h,cancel_p,died_p,move_out_h,move_out_p,other_out_h,other_out_p,out_h,out_p,end_h,end_p,diff_h,diff_p
,合计,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,0,1,0,0,0,0,1,1,0,0,0,0"
# XLSX: merged 期初 / 增加 / 减少 / 期末 / 平衡核对 heads, the balance line under the note
ok report change --as-of 2016-12-31 --out "$WORK/c.xlsx"
S=$(unzip -p "$WORK/c.xlsx" xl/worksheets/sheet1.xml)
SS=$(unzip -p "$WORK/c.xlsx" xl/sharedStrings.xml)
contains "$SS" "<t>填报单位：示例县　　统计期间：2016-01-01 至 2016-12-31　　统计范围：现有贫困　　单位：户、人</t>"
contains "$SS" "<t>平衡核对：各行均有 期初 + 增加 − 减少 = 期末。</t>"
eq "merges" "$(grep -o '<mergeCell [^>]*>' <<<"$S" | sed 's/.*ref="\([^"]*\)".*/\1/' | head -8 | tr '\n' ' ')" \
	"A1:AH1 A2:AH2 A3:A4 B3:B4 C3:D3 E3:O3 P3:AD3 AE3:AF3 "

# A member who moves household: a split (0003's couple into the new 0099, 2016-05-01) and the merge back
# (2017-03-01, 0099 emptied and cancelled), all in 西岭村
sample_db
ok import events "$TESTDATA/events/structure-ok.csv" --now "2018-05-02 10:00:00"
# 2016: the new household and its 2 persons in, the 2 persons out of 0003: 3户8人 + 1户2人 − 0户2人 = 4户8人
ok report change --as-of 2016-12-31 --by village --format json
jqeq '.balance.holds' true
vals "start_h=2 start_p=4 end_h=2 end_p=4,start_h=1 start_p=4 move_in_h=1 move_in_p=2 in_h=1 in_p=2 move_out_p=2 out_p=2 end_h=2 end_p=4,start_h=3 start_p=8 move_in_h=1 move_in_p=2 in_h=1 in_p=2 move_out_p=2 out_p=2 end_h=4 end_p=8"
# 2017: 2 persons back into 0003, out of 0099, which is cancelled empty: 4户8人 + 0户2人 − 1户2人 = 3户8人
ok report change --as-of 2017-12-31 --division 西岭村 --format json
jqeq '"\(.division.code) \(.rows | length) \(.balance.holds)"' "371399100202 0 true"
jqeq '.total.values | [.start_h, .start_p, .move_in_h, .move_in_p, .move_out_h, .move_out_p, .end_h, .end_p, .diff_h, .diff_p] | join(" ")' \
	"2 4 0 2 1 2 1 4 0 0"
# the same history balances for `tuopin check` too
ok check --as-of 2017-12-31 --rule BALANCE
contains "$OUT" "未发现问题"

# Errors: the table counts as now known (no --recorded-at), a period must run forwards
expect_rc 1 report change --as-of 2016-12-31 --recorded-at 2017-01-01
contains "$ERR" "不能按某时登记情况"
expect_rc 2 report change --from 2016-12-31 --to 2016-01-01
finish
