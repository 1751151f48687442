#!/usr/bin/env bash
# Export: CSV with a BOM (Excel), GB18030 on request, XLSX; ID, phone and bank account numbers and health
# masked unless --full-id (the account imported as "6217 0000 1234 5678 901" is stored as its digits);
# a full export imports back into an empty database with the same figures.
source "$TESTLIB"
sample_db
ok export registry "$WORK/out.csv" --as-of 2014-04-30
eq "summary" "$OUT" "已写出 $WORK/out.csv：3 户 8 人（证件号码、电话、账号、健康状况已脱敏）"
eq "BOM" "$(head -c 3 "$WORK/out.csv" | od -An -tx1 | tr -d ' ')" "efbbbf"
eq "lines" "$(wc -l < "$WORK/out.csv" | tr -d ' ')" "9"
eq "first person" "$(sed -n 2p "$WORK/out.csv" | tr -d '\r')" \
	"371399100201,3713991002010001,张建国,371399************,户主,男,汉族,小学,,***,普通劳动力,,0,是,是,是,否,否,一般贫困户,因病,,国家标准,未脱贫,201404,,139****1234,临港农商银行,6217****8901"
eq "short account" "$(sed -n 5p "$WORK/out.csv" | tr -d '\r' | cut -d, -f26-)" "138****2345,邮储银行,****3456"
eq "no account" "$(sed -n 6p "$WORK/out.csv" | tr -d '\r' | cut -d, -f26-)" "137****3456,,"
eq "header" "$(head -1 "$WORK/out.csv" | tr -d '\r' | cut -d, -f26-)" "户联系电话,开户银行,银行账号"

ok export registry "$WORK/full.csv" --as-of 2014-04-30 --full-id
eq "full summary" "$OUT" "已写出 $WORK/full.csv：3 户 8 人（含完整证件号码）"
contains "$(sed -n 2p "$WORK/full.csv")" "371399196203040011,户主,男,汉族,小学,,长期慢性病,普通劳动力,"
contains "$(sed -n 2p "$WORK/full.csv")" "13905391234,临港农商银行,6217000012345678901"

ok export registry "$WORK/gb.csv" --as-of 2014-04-30 --gb18030 --full-id
eq "GB18030 bytes" "$(iconv -f GB18030 -t UTF-8 "$WORK/gb.csv" | sed -n 2p | cut -d, -f3)" "张建国"
ok export registry "$WORK/out.xlsx" --as-of 2014-04-30 --full-id
eq "xlsx magic" "$(head -c 2 "$WORK/out.xlsx")" "PK"

# Filters, as the household list has them (labels or codes): 张建国户 一般贫困户/因病 3 persons, 王桂兰户
# 低保贫困户/缺劳力 1, 刘强户 一般贫困户/缺技术 4.
for fq in "--attribute 一般贫困户|2 户 7 人" "--cause 缺劳力|1 户 1 人" "--attribute 1 --cause 缺技术|1 户 4 人" \
	"--status 未脱贫 --attribute 低保贫困户|1 户 1 人" "--status exited_supported|0 户 0 人"; do
	ok export registry "$WORK/f.csv" --as-of 2014-04-30 ${fq%%|*}
	eq "export ${fq%%|*}" "$OUT" "已写出 $WORK/f.csv：${fq#*|}（证件号码、电话、账号、健康状况已脱敏）"
done
eq "filtered rows" "$(cut -d, -f3 "$WORK/f.csv" | tr '\n' ' ')" "姓名 "
expect_rc 2 export registry "$WORK/f.csv" --status 脱贫了
contains "$ERR" "参数 --status 的值“脱贫了”无效"

# The three full exports import into empty databases with the same figures.
for f in full.csv gb.csv out.xlsx; do
	new_db >/dev/null
	ok import divisions "$SAMPLES/divisions.csv"
	ok import registry "$WORK/$f" --as-of 2014-04-30 --now "2014-05-01 09:00:00"
	ok stats --as-of 2014-04-30 --format json
	nhmr registered "3 8"
	ok show 3713991002020003 --as-of 2014-04-30 --format json --full-id
	jqeq '[.members[] | .id_no] | join(",")' "371399198005150059,371399198209200046,371399201007020068,371399195001010071"
done

# After the sample events: removed and cancelled households leave the default export; --all keeps them.
sample_db
ok import events "$SAMPLES/events.csv" --now "2018-05-02 10:00:00"
ok export registry "$WORK/now.csv" --as-of 2018-10-08
eq "registered only" "$OUT" "已写出 $WORK/now.csv：1 户 4 人（证件号码、电话、账号、健康状况已脱敏）"
eq "status column" "$(sed -n 2p "$WORK/now.csv" | cut -d, -f23)" "已脱贫不享受政策"
ok export registry "$WORK/st.csv" --as-of 2018-10-08 --status 已脱贫不享受政策
eq "by status" "$OUT" "已写出 $WORK/st.csv：1 户 4 人（证件号码、电话、账号、健康状况已脱敏）"
ok export registry "$WORK/st.csv" --as-of 2018-10-08 --status 未脱贫
eq "by status, none" "$OUT" "已写出 $WORK/st.csv：0 户 0 人（证件号码、电话、账号、健康状况已脱敏）"
ok export registry "$WORK/all.csv" --as-of 2018-10-08 --all
# the cancelled household has no member left on that day, so it has no row
eq "all" "$OUT" "已写出 $WORK/all.csv：2 户 8 人（证件号码、电话、账号、健康状况已脱敏）"
ok export registry "$WORK/one.csv" --as-of 2018-10-08 --division 371399100202
eq "one village" "$OUT" "已写出 $WORK/one.csv：1 户 4 人（证件号码、电话、账号、健康状况已脱敏）"
expect_rc 3 export registry "$WORK/none.csv" --division 379999999999
# a folder that does not exist, named with or without a file, as CSV or Excel: the reason in Chinese, no file
expect_rc 1 export registry /no/such/dir/x.csv
eq "missing folder" "$ERR" "tuopin: 无法写入文件 /no/such/dir/x.csv：文件或文件夹不存在"
expect_rc 1 export registry "$WORK/nodir/"
eq "missing folder, named as a folder" "$ERR" "tuopin: 无法写入文件 $WORK/nodir/：文件或文件夹不存在"
expect_rc 1 export registry "$WORK/nodir/x.xlsx"
eq "missing folder, Excel (said before the work, not by the library at the end)" "$ERR" \
	"tuopin: 无法写入文件 $WORK/nodir/x.xlsx：文件或文件夹不存在"
[ ! -e "$WORK/nodir" ] || fail "nothing made"
# a file written over is the user's only afterwards, as a new one is (an existing file readable by all kept its
# mode, with full ID numbers in it: found by a walk of SECURITY.md §10), CSV and Excel
for f in over.csv over.xlsx; do
	printf 'old\n' >"$WORK/$f"
	chmod 644 "$WORK/$f"
	ok export registry "$WORK/$f" --as-of 2018-10-08 --full-id
	eq "$f written over, mode" "$(stat -c %a "$WORK/$f")" 600
done
ok export registry "$WORK/new.csv" --as-of 2018-10-08
eq "a new file" "$(stat -c %a "$WORK/new.csv")" 600
finish
