/* backup.h: `tuopin backup` and `tuopin restore` (SQLite). A backup is a consistent copy of a live database,
 * taken while others write (the online backup API), and verified before it gets its name: SQLite's integrity
 * check, the schema version, and the audit log's hash chain. A restore verifies a backup the same way and
 * copies it into an empty place. PostgreSQL backs up with its own tools (pg_dump, continuous archiving), which
 * both commands explain there. No SQL here. */
#ifndef TUOPIN_BACKUP_H
#define TUOPIN_BACKUP_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

struct backup_summary {
	int64_t bytes;              /* of the file written */
	int schema;                 /* its schema version */
	struct store_counts counts; /* households, members, events, audit rows */
	char integrity[128];        /* "ok" */
	bool audit_intact;
	double seconds;             /* copying and checking */
};

/* Copy the database of st into path (which must not exist: ERR_INVALID, MSG_BACKUP_EXISTS), check the copy,
 * and only then give it its name (written beside it under a temporary one first). Audit rows of logins still
 * waiting in the session database enter the chain first if the lock is free. On PostgreSQL: ERR_USAGE with
 * MSG_BACKUP_PG. A copy that fails its check is removed: ERR_DB, MSG_BACKUP_BAD. */
enum err backup_make(struct store *st, const char *path, struct backup_summary *s, struct errinfo *e);
/* Check the backup at from, then copy it to the SQLite database path to (no database files may be there:
 * ERR_INVALID, MSG_RESTORE_TARGET). to_uri is a --db URI; a PostgreSQL one is ERR_USAGE with MSG_RESTORE_PG. */
enum err backup_restore(const char *from, const char *to_uri, struct backup_summary *s, struct errinfo *e);

#endif
