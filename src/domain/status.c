/* status.c: which event may follow which status. Removed and cancelled households accept nothing: a mistake
 * about them is fixed by a correction effective before the removal, which is checked against the status
 * then (event.c). */
#include "domain/status.h"

bool
status_allows(enum evtype t, enum status at, enum status *to)
{
	enum status out = at;
	bool ok = false;
	switch (t) {
	case EV_IDENTIFY:
	case EV_INCLUDE_MISSED:
		ok = at == ST_NONE;
		out = ST_POOR;
		break;
	case EV_ENROL:
		ok = at == ST_NONE;
		out = ST_ORDINARY;
		break;
	case EV_EXIT:
		ok = at == ST_POOR || at == ST_RETURNED;
		out = ST_EXITED_SUPPORTED;
		break;
	case EV_POLICY_END:
		ok = at == ST_EXITED_SUPPORTED;
		out = ST_EXITED_UNSUPPORTED;
		break;
	case EV_POLICY_RESUME:
		ok = at == ST_EXITED_UNSUPPORTED;
		out = ST_EXITED_SUPPORTED;
		break;
	case EV_RETURN:
		ok = at == ST_EXITED_SUPPORTED || at == ST_EXITED_UNSUPPORTED;
		out = ST_RETURNED;
		break;
	case EV_REMOVE:
	case EV_CLEAR:
		ok = status_registered(at);
		out = ST_REMOVED;
		break;
	case EV_CANCEL:
		ok = status_registered(at);
		out = ST_CANCELLED;
		break;
	case EV_MEMBER_ADD:
	case EV_MEMBER_REMOVE:
	case EV_MONITOR_IN:
	case EV_RISK_ELIMINATE:
		/* an ordinary household (一般农户) has members and may be monitored */
		ok = status_live(at);
		break;
	case EV_SPLIT:
	case EV_MERGE:
		ok = status_registered(at);
		break;
	case EV_DATA_FIX:
		ok = at != ST_NONE;
		break;
	case EV__MAX:
		break;
	}
	if (ok && to)
		*to = out;
	return ok;
}

bool
status_initial_ok(enum evtype t, enum status s)
{
	if (t == EV_INCLUDE_MISSED)
		return s == ST_POOR;
	if (t == EV_IDENTIFY)
		/* an ordinary household in the sheet is entered as such (EV_ENROL), not identified */
		return status_live(s);
	return false;
}
