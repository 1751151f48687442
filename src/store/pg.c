/* pg.c: the PostgreSQL backend of store_ops (libpq). Not built yet in this commit: see issue 5. */
#include "store/store.h"

enum err
store_pg_open(const char *conninfo, struct store **out, struct errinfo *e)
{
	(void)out;
	return errinfo_set(e, ERR_DB, "", MSG_DB_OPEN, conninfo, "the PostgreSQL backend is not available yet");
}
