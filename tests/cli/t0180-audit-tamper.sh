#!/usr/bin/env bash
# Tampering with the audit log by someone who can write the database but not read the audit key (issue 13
# point 9). A row rewritten with the hash chain recomputed (anyone can: BLAKE2b-256, done here with b2sum) is
# caught by the keyed chain; a tail cut with the head moved back is caught by the anchors the commands left;
# an anchor kept by the audit administrator catches a cut too. `audit verify` names the check and the row.
source "$(dirname "$0")/lib.sh"

# fresh: a database with a few audited writes (each command anchors the head when it is done)
fresh() {
	new_db >/dev/null
	"$TUOPIN" import divisions "$TESTDATA/county/divisions.csv" >/dev/null
	for u in a1 a2 a3 a4 a5; do echo "Long-enough-pass-2026" | "$TUOPIN" user add "$u" --role sys_admin --keep >/dev/null; done
}
if [ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ]; then
	key=$TUOPIN_AUDIT_KEY
	hexof() { echo "CASE WHEN $1 IS NULL THEN '-' ELSE 'h' || encode(convert_to($1, 'UTF8'), 'hex') END"; }
else
	hexof() { echo "CASE WHEN $1 IS NULL THEN '-' ELSE 'h' || hex(CAST($1 AS BLOB)) END"; }
fi
# field TOKEN: the length-prefixed form of one field (src/domain/audit.c), from '-' (NULL) or 'h' + hex
field() {
	if [ "$1" = - ]; then printf '18446744073709551615:'; else
		local hex=${1:1}
		printf '%d:' $((${#hex} / 2))
		printf '%b' "$(sed 's/../\\x&/g' <<<"$hex")"
	fi
}
# rechain FROM: recompute the unkeyed chain from row FROM to the end, and the head (what a forger can do)
rechain() {
	local prev id at rest hash
	prev=$(db_sql "SELECT hash FROM audit WHERE id = $(($1 - 1))")
	[ -n "$prev" ] || prev=$(printf '%064d' 0)
	db_sql "SELECT id || ' ' || at || ' ' || $(hexof actor) || ' ' || $(hexof action) || ' ' || $(hexof object) || ' ' ||
		$(hexof detail) || ' ' || $(hexof ip) FROM audit WHERE id >= $1 ORDER BY id" >"$WORK/rows"
	while read -r id at actor action object detail ip; do
		hash=$({ field "h$(printf '%s' "$prev" | od -An -v -tx1 | tr -d ' \n')"; printf '%s:%s:' "$id" "$at"
			field "$actor"; field "$action"; field "$object"; field "$detail"; field "$ip"; } | b2sum -l 256 | cut -c1-64)
		db_sql "UPDATE audit SET prev_hash = '$prev', hash = '$hash' WHERE id = $id" >/dev/null
		prev=$hash
	done <"$WORK/rows"
	db_sql "UPDATE audit_head SET last_id = (SELECT MAX(id) FROM audit), last_hash = '$prev',
		last_mac = (SELECT mac FROM audit WHERE id = (SELECT MAX(id) FROM audit))" >/dev/null
}

fresh
ok audit verify --format json
jqeq '[.intact, .check, .rows, .keyed_from, .anchors > 0, .head.row] | tostring' '[true,null,6,1,true,6]'
ok audit verify
eq "intact" "$(head -1 <<<"$OUT")" "审计日志完整：共 6 行，自第 1 行起带密钥校验，核对锚点 6 个"
anchor="$(jq -r '"\(.head.row):\(.head.mac)"' <<<"$(TUOPIN_CLOCK= "$TUOPIN" audit verify --format json)")"

# the forger's own check: the recomputed chain is the one tuopin wrote (so what follows is a fair test)
before=$(db_sql "SELECT hash FROM audit ORDER BY id" | tr '\n' ' ')
rechain 1
eq "the forger's chain is tuopin's" "$(db_sql "SELECT hash FROM audit ORDER BY id" | tr '\n' ' ')" "$before"

# 1. a row rewritten, the hash chain recomputed from it to the end: the keyed chain breaks at that row
db_sql "UPDATE audit SET object = 'someone-else' WHERE id = 3" >/dev/null
rechain 3
expect_rc 1 audit verify
eq "rewritten" "$OUT" "审计日志已被篡改（检查项：mac）：第 3 行：带密钥的校验码不符：该行被不持有密钥者改写（或重算了哈希链）"
t audit verify --format json --lang en
jqeq '[.intact, .check, .first_broken] | tostring' '[false,"mac",3]'
# a row without a mac after keyed ones (written by hand)
db_sql "UPDATE audit SET object = 'a2' WHERE id = 3" >/dev/null
rechain 3
ok audit verify
db_sql "UPDATE audit SET mac = NULL WHERE id = 5" >/dev/null
expect_rc 1 audit verify --lang en
eq "unkeyed row" "$OUT" "audit log BROKEN (check: mac) at row 5: it has no keyed mac although the rows before it have: written without the key"

# 2. the tail cut and the head moved back to the new last row: chains and head agree, the anchors do not
fresh
anchor=$(jq -r '"\(.head.row):\(.head.mac)"' <<<"$("$TUOPIN" audit verify --format json)")
db_sql "DELETE FROM audit WHERE id > 4" >/dev/null
db_sql "UPDATE audit_head SET last_id = 4, last_hash = (SELECT hash FROM audit WHERE id = 4),
	last_mac = (SELECT mac FROM audit WHERE id = 4)" >/dev/null
expect_rc 1 audit verify --lang en
case "$OUT" in
"audit log BROKEN (check: anchor) at row 5: the anchor of "*" vouched for row 5, but the log ends at row 4: rows 5 to 5 were cut") ;;
*) fail "cut tail: $OUT" ;;
esac
# without the anchor file, the anchor the audit administrator kept (ROW:MAC) still catches it
anchors=$(ls -t "$WORK"/*anchors | head -1)
mv "$anchors" "$WORK/kept"
ok audit verify
expect_rc 1 audit verify --anchor "$anchor" --lang en
case "$OUT" in
"audit log BROKEN (check: anchor) at row 5: the anchor given vouched for row 6, but the log ends at row 4: rows 5 to 6 were cut") ;;
*) fail "kept anchor: $OUT" ;;
esac
expect_rc 1 audit verify --anchor nonsense
contains "$ERR" "tuopin: “nonsense”不是锚点（应为 行号:校验码，"
mv "$WORK/kept" "$anchors"
# a forged anchor line (the writer cannot sign it without the key)
echo "anchor v1 2026-01-01T00:00:00+08:00 row=4 mac=$(printf '%064d' 0) sig=$(printf '%064d' 0)" >>"$anchors"
expect_rc 1 audit verify --lang en
contains "$OUT" "(check: anchor) at row 4: the anchor on line"

# 3. without the key nothing keyed can be checked, and verify says so
fresh
if [ "${TUOPIN_TEST_BACKEND:-sqlite}" = sqlite ]; then key=${TUOPIN_DB#sqlite:}.audit-key; fi
eq "the key is the service user's only" "$(stat -c %a "$key")" 600
eq "and so are the anchors" "$(stat -c %a "$(ls -t "$WORK"/*anchors | head -1)")" 600
mv "$key" "$WORK/key.away"
expect_rc 1 audit verify --lang en
contains "$OUT" "audit log NOT VERIFIED (check: key): cannot read the audit key $key"
# ... and a write without the key is refused whole: a new key made then (as a write from another folder, or
# without TUOPIN_AUDIT_KEY, did) left every later row failing its check for good (found by a review)
t user add a6 --role sys_admin --keep --lang en <<<"Long-enough-pass-2026"
[ "$RC" -ne 0 ] || fail "a write without the key was not refused"
eq "why" "$ERR" "tuopin: the audit key $key is not there, and the audit log (to row 6) is signed with a key: no other key is made (the log could not be verified again). Point TUOPIN_AUDIT_KEY or --audit-key at the key file"
eq "no key made" "$(ls "$key" 2>/dev/null)" ""
ok user list
eq "nothing written" "$(awk '{print $1}' <<<"$OUT" | grep -c '^a6$')" 0
mv "$WORK/key.away" "$key"
ok audit verify
# a password to be read from standard input and none there (a script, ssh without a terminal): said so, not
# that the password is too short (found by an administrator's review)
t user add a7 --role sys_admin </dev/null
eq "no password given" "$RC $ERR" "2 tuopin: 标准输入中没有密码：不在终端上运行时，密码从标准输入读取（一行）；在终端上运行则自动生成并显示"
finish
