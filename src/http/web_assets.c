/* web_assets.c: the web UI's files, compiled into the binary from web/dist (see CMakeLists.txt), looked up
 * by path with their content type. */
#include <string.h>

#include "http/http.h"
#include "store/embedded.h"

extern const struct embedded_file web_files[];
extern const size_t web_files_count;

static const char *
type_of(const char *path)
{
	const char *dot = strrchr(path, '.');
	static const struct {
		const char *ext, *type;
	} types[] = {
		{ ".html", "text/html; charset=utf-8" }, { ".js", "text/javascript; charset=utf-8" },
		{ ".css", "text/css; charset=utf-8" }, { ".svg", "image/svg+xml" }, { ".png", "image/png" },
		{ ".ico", "image/x-icon" }, { ".json", "application/json" }, { ".woff2", "font/woff2" },
		{ ".txt", "text/plain; charset=utf-8" },
	};
	for (size_t i = 0; dot && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	return "application/octet-stream";
}

const unsigned char *
web_asset(const char *path, size_t *len, const char **ctype)
{
	if (strcmp(path, "/") == 0)
		path = "/index.html";
	for (size_t i = 0; i < web_files_count; i++)
		if (strcmp(web_files[i].name, path + 1) == 0) {
			*len = web_files[i].len;
			*ctype = type_of(path);
			return web_files[i].data;
		}
	return NULL;
}
