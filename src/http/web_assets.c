/* web_assets.c: the web UI's files, compiled into the binary from web/dist (see CMakeLists.txt), looked up
 * by path with their content type. A binary built without the UI (no npm at build time) answers its pages
 * with a short note saying so; the API works the same. */
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

static const char missing_page[] =
	"<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>Tuopin</title></head><body>\n"
	"<h1>网页界面未编译</h1>\n<p>这个 tuopin 程序编译时没有网页界面（当时找不到 npm）。安装 Node.js 和 npm 后执行 "
	"<code>scripts/build-web.sh</code> 并重新编译即可。JSON API（/api/）照常可用。</p>\n"
	"<h1 lang=\"en\">The web UI is missing</h1>\n<p lang=\"en\">This tuopin binary was built without its web UI "
	"(npm was not found). Install Node.js and npm, run <code>scripts/build-web.sh</code> and rebuild. The JSON API "
	"under /api/ works.</p>\n</body></html>\n";

const unsigned char *
web_asset(const char *path, size_t *len, const char **ctype)
{
	if (strcmp(path, "/") == 0)
		path = "/index.html";
	if (web_files_count == 0 && strcmp(path, "/index.html") == 0) {
		*len = sizeof(missing_page) - 1;
		*ctype = type_of(path);
		return (const unsigned char *)missing_page;
	}
	for (size_t i = 0; i < web_files_count; i++)
		if (strcmp(web_files[i].name, path + 1) == 0) {
			*len = web_files[i].len;
			*ctype = type_of(path);
			return web_files[i].data;
		}
	return NULL;
}
