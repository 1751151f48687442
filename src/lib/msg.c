/* msg.c: the message table and the per-thread language. */
#include "msg.h"

#include <errno.h>
#include <string.h>

static const struct {
	const char *code;
	const char *text[LANG__MAX];
} msgs[MSG__MAX] = {
#define X(id, c, zh, en) [MSG_##id] = { c, { zh, en } },
	MSG_LIST(X)
#undef X
};

static _Thread_local enum lang cur_lang = LANG_ZH;

void
msg_set_lang(enum lang l)
{
	cur_lang = l < LANG__MAX ? l : LANG_ZH;
}

enum lang
msg_lang(void)
{
	return cur_lang;
}

int
msg_parse_lang(const char *s, enum lang *out)
{
	if (!s)
		return 0;
	if (strncmp(s, "zh", 2) == 0 || strcmp(s, "cn") == 0) {
		*out = LANG_ZH;
		return 1;
	}
	if (strncmp(s, "en", 2) == 0) {
		*out = LANG_EN;
		return 1;
	}
	return 0;
}

const char *
msg_text_in(enum msg id, enum lang l)
{
	if (id >= MSG__MAX)
		return "?";
	return msgs[id].text[l < LANG__MAX ? l : LANG_ZH];
}

const char *
msg_text(enum msg id)
{
	return msg_text_in(id, cur_lang);
}

const char *
msg_code(enum msg id)
{
	return id < MSG__MAX ? msgs[id].code : "unknown";
}

const char *
msg_errno(int err)
{
	static const struct {
		int err;
		const char *zh;
	} known[] = {
		{ ENOENT, "文件或文件夹不存在" },
		{ EACCES, "没有权限" },
		{ EPERM, "不允许的操作" },
		{ EISDIR, "这是一个文件夹，请给出文件名" },
		{ ENOTDIR, "路径中有一项不是文件夹" },
		{ ENOSPC, "磁盘空间不足" },
		{ EROFS, "文件系统只读" },
		{ EEXIST, "文件已存在" },
		{ ENAMETOOLONG, "文件名太长" },
		{ EIO, "读写出错" },
		{ EDQUOT, "超出磁盘配额" },
	};
	if (msg_lang() == LANG_ZH)
		for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
			if (known[i].err == err)
				return known[i].zh;
	return strerror(err);
}
