/* store_open.c: which backend a database URI names (postgresql:// or sqlite: or a path), and a second store on
 * the same database. Apart from store.c, which is written once over store_ops, so that the common layer calls
 * neither backend and the backends (sqlite.c, pg.c) stand under it alone. */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "store/store.h"
#include "store/store_impl.h"

enum err
store_open(const char *uri, struct store **out, struct errinfo *e)
{
	return store_open_mode(uri, true, out, e);
}

enum err
store_open_mode(const char *uri, bool create, struct store **out, struct errinfo *e)
{
	if (!uri || !*uri)
		uri = getenv("TUOPIN_DB");
	if (!uri || !*uri)
		uri = "sqlite:tuopin.db";
	enum err rc;
	if (strncmp(uri, "postgresql://", 13) == 0 || strncmp(uri, "postgres://", 11) == 0 ||
	    strncmp(uri, "postgresql:", 11) == 0)
		rc = store_pg_open(uri, out, e);
	else if (strncmp(uri, "sqlite:", 7) == 0)
		rc = store_sqlite_open(uri + 7, create, out, e);
	else if (strstr(uri, "://")) {
		char shown[512];
		store_uri_shown(uri, shown, sizeof(shown));
		return errinfo_set(e, ERR_USAGE, "db", MSG_DB_URI, shown);
	}
	else
		rc = store_sqlite_open(uri, create, out, e);
	if (rc != ERR_OK)
		return rc;
	char shown[1024];
	store_uri_shown(uri, shown, sizeof(shown));
	(*out)->uri = xstrdup(shown);   /* for messages: never the password */
	(*out)->open_uri = xstrdup(uri);
	store_set_scope(*out, 0);
	return ERR_OK;
}

enum err
store_clone(struct store *st, struct store **out, struct errinfo *e)
{
	if (!st->open_uri)   /* not opened by store_open (the session database): no default database in its place */
		return errinfo_set(e, ERR_DB, "db", MSG_DB_URI, st->uri ? st->uri : "");
	enum err rc = store_open_mode(st->open_uri, false, out, e);
	if (rc == ERR_OK) {
		(*out)->scope_lo = st->scope_lo;
		(*out)->scope_hi = st->scope_hi;
	}
	return rc;
}
