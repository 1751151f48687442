/* backup.c: backups and restores of a SQLite database (backup.h). */
#include "domain/backup.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "domain/audit.h"
#include "lib/util.h"

static double
seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool
exists(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 || errno != ENOENT;
}

/* Make a rename durable: sync the folder that holds path. */
static void
sync_dir(const char *path)
{
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s", path);
	char *slash = strrchr(dir, '/');
	if (slash == dir)
		dir[1] = '\0';
	else if (slash)
		*slash = '\0';
	else
		snprintf(dir, sizeof(dir), ".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* Check the SQLite database at path: integrity, schema version, the audit chain (both chains: the keyed one
 * with the key of key_uri, the database it was copied from); and count its rows. */
static enum err
verify(const char *path, const char *name, const char *key_uri, struct backup_summary *s, struct errinfo *e)
{
	struct store *st;
	char uri[4200];
	snprintf(uri, sizeof(uri), "sqlite:%s", path);
	enum err rc = store_open_mode(uri, false, &st, e);
	if (rc != ERR_OK)
		return errinfo_set(e, ERR_DB, "", MSG_BACKUP_BAD, name, e ? e->message : "");
	struct errinfo e2;
	errinfo_clear(&e2);
	if (store_integrity(st, s->integrity, sizeof(s->integrity), &e2) != ERR_OK)
		rc = errinfo_set(e, ERR_DB, "", MSG_BACKUP_BAD, name, e2.message);
	else if (strcmp(s->integrity, "ok") != 0)
		rc = errinfo_set(e, ERR_DB, "", MSG_BACKUP_BAD, name, s->integrity);
	else if (store_schema_version(st, &s->schema, &e2) != ERR_OK)
		rc = errinfo_set(e, ERR_DB, "", MSG_BACKUP_BAD, name, e2.message);
	else if (s->schema > store_schema_version_expected() && store_check_schema(st, &e2) != ERR_OK)
		/* a database of a newer build: this one cannot vouch for it. An older one is backed up as it is
		 * (an upgrade backs up before it migrates) and migrated by `tuopin init` once restored. */
		rc = errinfo_set(e, ERR_DB, "", MSG_BACKUP_BAD, name, e2.message);
	if (rc == ERR_OK) {
		struct audit_check c;
		if (audit_verify_keyed(st, key_uri, NULL, &c, &e2) != ERR_OK)
			rc = errinfo_set(e, ERR_DB, "", MSG_BACKUP_BAD, name, e2.message);
		else if (c.bad_id) {
			char why[200];
			snprintf(why, sizeof(why), msg_lang() == LANG_EN ? "audit log row %lld: %s" : "审计日志第 %lld 行%s",
			    (long long)c.bad_id, c.why);
			rc = errinfo_set(e, ERR_DB, "", MSG_BACKUP_BAD, name, why);
		} else
			s->audit_intact = true;
	}
	if (rc == ERR_OK && store_counts(st, &s->counts, &e2) != ERR_OK)
		rc = errinfo_set(e, ERR_DB, "", MSG_BACKUP_BAD, name, e2.message);

	store_close(st);
	struct stat sb;
	if (stat(path, &sb) == 0)
		s->bytes = (int64_t)sb.st_size;
	return rc;
}

/* The temporary name of a file being written as path. */
static void
part_name(const char *path, char *out, size_t size)
{
	snprintf(out, size, "%s.part-%d", path, (int)getpid());
}

enum err
backup_make(struct store *st, const char *path, struct backup_summary *s, struct errinfo *e)
{
	memset(s, 0, sizeof(*s));
	if (!store_can_backup(st))
		return errinfo_set(e, ERR_USAGE, "", MSG_BACKUP_PG);
	if (exists(path))
		return errinfo_set(e, ERR_INVALID, "", MSG_BACKUP_EXISTS, path);
	double t0 = seconds();
	audit_outbox_flush(st, false, NULL);
	char part[4200];
	part_name(path, part, sizeof(part));
	unlink(part);
	enum err rc = store_backup(st, part, e);
	if (rc == ERR_OK)
		rc = verify(part, path, st->uri, s, e);
	/* the audit key goes with the copy (PATH.audit-key, 0600): a restore needs it to check the keyed chain */
	char to_uri[4200];
	snprintf(to_uri, sizeof(to_uri), "sqlite:%s", path);
	if (rc == ERR_OK)
		rc = audit_key_copy(st->uri, to_uri, e);
	if (rc == ERR_OK && rename(part, path) != 0)
		rc = errinfo_set(e, ERR_IO, "", MSG_IO_WRITE, path, msg_errno(errno));
	if (rc != ERR_OK) {
		unlink(part);
		return rc;
	}
	sync_dir(path);
	s->seconds = seconds() - t0;
	return ERR_OK;
}

enum err
backup_restore(const char *from, const char *to_uri, struct backup_summary *s, struct errinfo *e)
{
	memset(s, 0, sizeof(*s));
	if (!to_uri || !*to_uri)
		to_uri = getenv("TUOPIN_DB");
	if (!to_uri || !*to_uri)
		to_uri = "sqlite:tuopin.db";
	if (strstr(to_uri, "://") || strncmp(to_uri, "postgresql:", 11) == 0)
		return errinfo_set(e, ERR_USAGE, "", MSG_RESTORE_PG);
	const char *to = strncmp(to_uri, "sqlite:", 7) == 0 ? to_uri + 7 : to_uri;
	static const char *const suffixes[] = { "", "-wal", "-shm", "-sessions", "-journal", ".audit-anchors",
		".audit-key" };
	for (size_t i = 0; i < NELEM(suffixes); i++) {
		char p[4200];
		snprintf(p, sizeof(p), "%s%s", to, suffixes[i]);
		if (exists(p))
			return errinfo_set(e, ERR_INVALID, "", MSG_RESTORE_TARGET, p);   /* the file in the way, named */
	}
	double t0 = seconds();
	if (!exists(from))
		return errinfo_set(e, ERR_IO, "", MSG_IO_READ, from, strerror(ENOENT));
	struct store *src;
	char uri[4200], part[4200], target[4200];
	snprintf(uri, sizeof(uri), "sqlite:%s", from);
	snprintf(target, sizeof(target), "sqlite:%s", to);
	enum err rc = verify(from, from, uri, s, e);
	if (rc != ERR_OK)
		return rc;
	if ((rc = store_open_mode(uri, false, &src, e)) != ERR_OK)
		return rc;
	part_name(to, part, sizeof(part));
	unlink(part);
	rc = store_backup(src, part, e);
	store_close(src);
	if (rc == ERR_OK) {
		struct backup_summary check;
		memset(&check, 0, sizeof(check));
		rc = verify(part, to, uri, &check, e);
		s->bytes = check.bytes;
	}
	if (rc == ERR_OK)
		rc = audit_key_copy(uri, target, e);   /* the backup's key becomes the restored database's */
	if (rc == ERR_OK && rename(part, to) != 0)
		rc = errinfo_set(e, ERR_IO, "", MSG_IO_WRITE, to, msg_errno(errno));
	if (rc != ERR_OK) {
		unlink(part);
		return rc;
	}
	sync_dir(to);
	s->seconds = seconds() - t0;
	return ERR_OK;
}
