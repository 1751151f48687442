#!/usr/bin/env bash
# `make run`'s script (scripts/run.sh) never rebuilds the demo over a database: one whose logins file is gone (a
# user deleted it for the passwords it holds) is kept, byte for byte, and the script says what to do instead (it
# used to delete the database and make a new demo without a word, found by a review).
source "$TESTLIB"
R=$WORK/run
mkdir -p "$R"
printf 'the office data\n' > "$R/tuopin.db"
printf 'sessions\n' > "$R/tuopin.db-sessions"
rc=0
TUOPIN_RUN_DIR="$R" bash "$TUOPIN_SRC/scripts/run.sh" "$(dirname "$TUOPIN_REAL")" > "$WORK/run.out" 2> "$WORK/run.err" || rc=$?
eq "exit code" "$rc" 1
contains "$(cat "$WORK/run.err")" "run.sh：$R/tuopin.db 中已有数据，但登录文件 $R/logins.txt 不见了。为免丢失数据，不重建演示库。"
contains "$(cat "$WORK/run.err")" "user passwd linyi"
eq "the database kept" "$(cat "$R/tuopin.db")" "the office data"
eq "nothing else touched" "$(ls "$R" | tr '\n' ' ')" "tuopin.db tuopin.db-sessions "
finish
