#!/usr/bin/env bash
# run.sh BUILD_DIR: a fresh database under run/, the sample county loaded from tests/data/samples, and its
# figures printed. (The server and the demo district replace this as they land.)
set -euo pipefail
build=${1:-build}
tuopin="$build/tuopin"
mkdir -p run
db=run/tuopin.db
if [ ! -f "$db" ]; then
	"$tuopin" --db "sqlite:$db" init
	"$tuopin" --db "sqlite:$db" import divisions tests/data/samples/divisions.csv
	"$tuopin" --db "sqlite:$db" import registry tests/data/samples/registry.csv --as-of 2014-04-30 --now "2014-05-01 09:00:00"
	"$tuopin" --db "sqlite:$db" import events tests/data/samples/events.csv --now "2018-05-02 10:00:00"
fi
"$tuopin" --db "sqlite:$db" stats --as-of 2018-10-08 --by village
