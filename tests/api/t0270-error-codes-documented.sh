#!/usr/bin/env bash
# Every stable error code the program can return is documented in docs/api.md.
source "$TESTLIB"
codes=$(grep -oE 'X\([A-Z_0-9]+, "[a-z_0-9]+"' "$SOURCE_DIR/src/lib/msg.h" | sed 's/.*"\(.*\)"/\1/' | sort -u | grep -v -x -e ok -e usage)
missing=""
for c in $codes invalid_file; do
	grep -q "\`$c\`" "$SOURCE_DIR/docs/api.md" || missing="$missing $c"
done
eq "codes missing from docs/api.md" "$missing" ""
finish
