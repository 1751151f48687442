/* embedded.h: files compiled into the binary by tools/embed.c (migrations, web assets). */
#ifndef TUOPIN_EMBEDDED_H
#define TUOPIN_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char *name;
	const unsigned char *data;
	size_t len;
};

extern const struct embedded_file sql_sqlite[];
extern const size_t sql_sqlite_count;
extern const struct embedded_file sql_pg[];
extern const size_t sql_pg_count;

#endif
