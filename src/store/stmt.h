/* stmt.h: the ids of every SQL statement Tuopin runs. The texts, per backend, are in stmt.c. */
#ifndef TUOPIN_STMT_H
#define TUOPIN_STMT_H

enum stmt_id {
	STMT_MIG_VERSION,
	STMT_MIG_RECORD,
	STMT_META_GET,
	STMT_META_SET,
	STMT_DIV_GET,
	STMT_DIV_UPSERT,
	STMT_DIV_EXISTS,
	STMT_DIV_RANGE,
	STMT_DIV_BY_NAME,
	STMT_DIV_COUNT,
	STMT_HH_BY_NO,
	STMT_HH_BY_ID,
	STMT_HH_NO_EXISTS,
	STMT_HH_SET_STATUS,
	STMT_HH_UPDATE,
	STMT_HH_COUNT,
	STMT_MEMBER_UPDATE,
	STMT_MEMBER_BY_ID,
	STMT_MEMBER_IN_HH,
	STMT_MEMBERS_AT,
	STMT_MEMBERS_ALL,
	STMT_IDNO_CURRENT,
	STMT_SPANS_STATUS,
	STMT_SPANS_MEMBER,
	STMT_SPANS_MEMBER_OF_HH,
	STMT_SPAN_CLOSE_STATUS,
	STMT_SPAN_CLOSE_MEMBER,
	STMT_EVENT_SUPERSEDE,
	STMT_HH_LATEST_CHANGE,
	STMT_EVENTS_OF_HH,
	STMT_LAST_STAMP,
	STMT_AGG_ADD,
	STMT_STATS_AGG,
	STMT_STATS_SCAN_H,
	STMT_STATS_SCAN_P,
	STMT_CHANGES_H_EFF,
	STMT_CHANGES_H_REC,
	STMT_CHANGES_H_BATCH,
	STMT_CHANGES_M_EFF,
	STMT_CHANGES_M_REC,
	STMT_CHANGES_M_BATCH,
	STMT_FLOWS,
	STMT_EACH_MEMBER,
	STMT_DUP_IDS,
	STMT_LINE_GET,
	STMT_LINE_SET,
	STMT_INCOME_OF_HH,
	/* inserts, one per enum table, in the column order of insert_row */
	STMT_INSERT_HOUSEHOLD,
	STMT_INSERT_MEMBER,
	STMT_INSERT_STATUS_SPAN,
	STMT_INSERT_MEMBER_SPAN,
	STMT_INSERT_EVENT,
	STMT_INSERT_INCOME,
	/* id allocation: SQLite reads the largest id; PostgreSQL draws a block from the table's sequence */
	STMT_NEXTID_HOUSEHOLD,
	STMT_NEXTID_MEMBER,
	STMT_NEXTID_STATUS_SPAN,
	STMT_NEXTID_MEMBER_SPAN,
	STMT_NEXTID_EVENT,
	STMT_NEXTID_INCOME,
	STMT__MAX
};

struct stmt_text {
	const char *sqlite;
	const char *pg;      /* NULL: the same text as SQLite */
};

extern const struct stmt_text stmt_texts[STMT__MAX];
/* Per-table column lists for the bulk path ("id, hh_no, ..."), in insert order, and their counts. */
extern const char *const table_names[];
extern const char *const table_columns[];
extern const int table_ncols[];

#endif
