# pg-tmp.sh: a throwaway PostgreSQL cluster for tests and benchmarks (STACK.md §8). Source it, then
#   pg_tmp_start   initdb + start in a fresh mktemp folder: socket only (no TCP), fsync off (PG_TMP_FSYNC=1:
#                  on); exports PGHOST (the folder), PGPORT, PGUSER, PGDATABASE and PGTMP
#   pg_tmp_restart [fast|immediate]   stop the server and start it again (for tests of a database restart)
#   pg_tmp_stop    immediate stop and remove the folder (safe to call twice, and from an EXIT trap)
# Run as root (initdb refuses root, so the server runs as postgres through runuser) or as a normal user
# (then the server runs as that user). It touches nothing outside the temp folder.
PGBIN=${PGBIN:-$(pg_config --bindir)}

pg_tmp_as() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

pg_tmp_start() {
	PGTMP=$(mktemp -d /tmp/pgci.XXXXXX) || return 1
	local owner=postgres
	[ "$(id -u)" -eq 0 ] || owner=$(id -un)
	chown "$owner" "$PGTMP" || return 1
	export PGTMP PGHOST=$PGTMP PGPORT=${PGPORT:-55432} PGUSER=$owner PGDATABASE=postgres
	pg_tmp_as "$PGBIN/initdb" -D "$PGTMP/data" -U "$owner" -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
		>"$PGTMP/initdb.log" 2>&1 || { cat "$PGTMP/initdb.log" >&2; return 1; }
	pg_tmp_ctl_start
}

# Start (or restart) the server of $PGTMP with the options pg_tmp_start chose.
# PG_TMP_DURABLE=1: a commit is on disk when it returns (synchronous_commit on), for tests that crash the server
# (pg_tmp_restart immediate) and then check what was committed; otherwise speed first.
# PG_TMP_FSYNC=1: a production server's durability (fsync, synchronous_commit and full_page_writes on: every
# commit waits for its WAL flush to the disk), for benchmarks of committed writes (bench/pg_writes.sh). Read at
# every start, so a cluster loaded fast can be restarted durable (PG_TMP_FSYNC=1 pg_tmp_restart).
pg_tmp_ctl_start() {
	local sync="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
	[ "${PG_TMP_DURABLE:-0}" = 1 ] && sync="-c fsync=off -c synchronous_commit=on -c full_page_writes=off"
	[ "${PG_TMP_FSYNC:-0}" = 1 ] && sync="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
	pg_tmp_as "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 60 \
		-o "-c listen_addresses='' -c unix_socket_directories='$PGTMP' -p $PGPORT $sync" \
		start >/dev/null || { cat "$PGTMP/server.log" >&2; return 1; }
}

# Restart the server of $PGTMP under whoever is connected: stop it (MODE fast, the default: every session is
# told to end; immediate: as a crash) and start it again with the same options.
pg_tmp_restart() {
	pg_tmp_as "$PGBIN/pg_ctl" -D "$PGTMP/data" -m "${1:-fast}" -w stop >/dev/null || return 1
	pg_tmp_ctl_start
}

pg_tmp_stop() {
	[ -n "${PGTMP:-}" ] || return 0
	pg_tmp_as "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate -w stop >/dev/null 2>&1
	rm -rf "$PGTMP"
	PGTMP=
}
