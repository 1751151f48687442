/* status.h: the household state machine of ARCHITECTURE.md §3, checked at an event's effective date. Pure. */
#ifndef TUOPIN_STATUS_H
#define TUOPIN_STATUS_H

#include <stdbool.h>

#include "domain/model.h"

/* May event t happen to a household whose status at the effective date is at? If so *to is the status
 * after it (unchanged for member, monitoring and data events). identify and include_missed need ST_NONE. */
bool status_allows(enum evtype t, enum status at, enum status *to);
/* The statuses a registry import may create a household in (all registered statuses; include_missed: poor). */
bool status_initial_ok(enum evtype t, enum status s);

#endif
