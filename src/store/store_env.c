/* store_env.c: what the two backends (sqlite.c, pg.c) take from the store's settings, apart from store.c so
 * that a backend speaks only its engine: the URI as messages show it, and the wait for the write lock. */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "store/store.h"

/* The URI as it may be shown in a message: a password (user:secret@ or password=secret) becomes ***. */
void
store_uri_shown(const char *uri, char *out, size_t size)
{
	struct buf b;
	buf_init(&b);
	const char *s = uri, *auth = strstr(uri, "://");
	if (auth) {
		auth += 3;
		const char *at = strchr(auth, '@'), *slash = strchr(auth, '/');
		const char *colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
		if (colon && (!slash || at < slash)) {
			buf_append(&b, uri, (size_t)(colon + 1 - uri));
			buf_puts(&b, "***");
			s = at;
		}
	}
	while (*s) {
		const char *pw = strstr(s, "password=");
		if (!pw) {
			buf_puts(&b, s);
			break;
		}
		buf_append(&b, s, (size_t)(pw + 9 - s));
		buf_puts(&b, "***");
		s = pw + 9 + strcspn(pw + 9, "& ");
	}
	snprintf(out, size, "%s", b.p ? b.p : "");
	buf_free(&b);
}

int
store_lock_wait_ms(void)
{
	static _Atomic int ms;
	int v = atomic_load(&ms);
	if (v)
		return v;
	const char *s = getenv("TUOPIN_LOCK_WAIT");
	long sec = s && *s ? strtol(s, NULL, 10) : 10;
	v = sec > 0 && sec <= 3600 ? (int)sec * 1000 : 10000;
	atomic_store(&ms, v);
	return v;
}
