/* model.c: names of statuses and event types (codes are stable; labels come from the code lists). */
#include "model.h"

#include <string.h>

#include "domain/codes.h"
#include "lib/msg.h"

static const char *const status_codes[ST__MAX] = {
	[ST_NONE] = "",
	[ST_POOR] = "poor",
	[ST_RETURNED] = "returned",
	[ST_EXITED_SUPPORTED] = "exited_supported",
	[ST_EXITED_UNSUPPORTED] = "exited_unsupported",
	[ST_REMOVED] = "removed",
	[ST_CANCELLED] = "cancelled",
	[ST_ORDINARY] = "ordinary",
};

static const char *const ev_codes[EV__MAX] = {
	[EV_IDENTIFY] = "identify",
	[EV_INCLUDE_MISSED] = "include_missed",
	[EV_EXIT] = "exit",
	[EV_POLICY_END] = "policy_end",
	[EV_POLICY_RESUME] = "policy_resume",
	[EV_RETURN] = "return",
	[EV_REMOVE] = "remove",
	[EV_CLEAR] = "clear",
	[EV_CANCEL] = "cancel",
	[EV_MEMBER_ADD] = "member_add",
	[EV_MEMBER_REMOVE] = "member_remove",
	[EV_SPLIT] = "split",
	[EV_MERGE] = "merge",
	[EV_MONITOR_IN] = "monitor_in",
	[EV_RISK_ELIMINATE] = "risk_eliminate",
	[EV_DATA_FIX] = "data_fix",
	[EV_ENROL] = "enrol",
};

const char *
status_code(enum status s)
{
	return s < ST__MAX ? status_codes[s] : "";
}

const char *
status_label(enum status s)
{
	if (s == ST_NONE || s >= ST__MAX)
		return msg_lang() == LANG_EN ? "not registered" : "未建档";
	return code_label(CL_STATUS, status_codes[s]);
}

bool
status_from_code(const char *code, enum status *out)
{
	for (int s = ST_POOR; s < ST__MAX; s++)
		if (code && strcmp(code, status_codes[s]) == 0) {
			*out = (enum status)s;
			return true;
		}
	return false;
}

bool
status_registered(enum status s)
{
	return s == ST_POOR || s == ST_RETURNED || s == ST_EXITED_SUPPORTED || s == ST_EXITED_UNSUPPORTED;
}

bool
status_live(enum status s)
{
	return status_registered(s) || s == ST_ORDINARY;
}

bool
status_current_poor(enum status s)
{
	return s == ST_POOR || s == ST_RETURNED;
}

const char *
evtype_code(enum evtype t)
{
	return t < EV__MAX ? ev_codes[t] : "";
}

const char *
evtype_label(enum evtype t)
{
	return code_label(CL_EVENT, evtype_code(t));
}

bool
evtype_from_code(const char *code, enum evtype *out)
{
	for (int t = 0; t < EV__MAX; t++)
		if (code && strcmp(code, ev_codes[t]) == 0) {
			*out = (enum evtype)t;
			return true;
		}
	return false;
}

enum chain
evtype_chain(enum evtype t)
{
	switch (t) {
	case EV_MEMBER_ADD:
	case EV_MEMBER_REMOVE:
		return CHAIN_MEMBER;
	case EV_MONITOR_IN:
	case EV_RISK_ELIMINATE:
		return CHAIN_MONITOR;
	case EV_DATA_FIX:
		return CHAIN_NONE;
	default:
		return CHAIN_STATUS;   /* split and merge rows that move a member use CHAIN_MEMBER explicitly */
	}
}

const char *
event_reason_label(const struct event *ev)
{
	if (!ev->reason)
		return NULL;
	if (ev->type == EV_MEMBER_ADD || ev->type == EV_MEMBER_REMOVE) {
		enum codelist cl = ev->type == EV_MEMBER_ADD ? CL_REASON_ADD : CL_REASON_REMOVE;
		if (code_by_code(cl, ev->reason))
			return code_label(cl, ev->reason);
	}
	return ev->reason;
}

bool
evtype_is_member_event(enum evtype t)
{
	return t == EV_MEMBER_ADD || t == EV_MEMBER_REMOVE || t == EV_SPLIT || t == EV_MERGE;
}
