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
	/* whole-database copy (store_copy.c): every row of a table in key order, a page at a time (the key of the
	 * last row read, then the page size); the row count of each table; the one insert the others lack; and
	 * PostgreSQL's sequences moved past copied ids (a no-op on SQLite, whose next_id reads MAX(id)) */
	STMT_COPY_META,
	STMT_COPY_DIVISION,
	STMT_COPY_HOUSEHOLD,
	STMT_COPY_MEMBER,
	STMT_COPY_STATUS_SPAN,
	STMT_COPY_MEMBER_SPAN,
	STMT_COPY_EVENT,
	STMT_COPY_SUPERSESSION,
	STMT_COPY_STAT_DELTA,
	STMT_COPY_INCOME,
	STMT_COPY_LINE,
	STMT_COUNT_META,
	STMT_COUNT_DIVISION,
	STMT_COUNT_HOUSEHOLD,
	STMT_COUNT_MEMBER,
	STMT_COUNT_STATUS_SPAN,
	STMT_COUNT_MEMBER_SPAN,
	STMT_COUNT_EVENT,
	STMT_COUNT_SUPERSESSION,
	STMT_COUNT_STAT_DELTA,
	STMT_COUNT_INCOME,
	STMT_COUNT_LINE,
	STMT_INSERT_SUPERSESSION,
	STMT_SEQ_HOUSEHOLD,
	STMT_SEQ_MEMBER,
	STMT_SEQ_STATUS_SPAN,
	STMT_SEQ_MEMBER_SPAN,
	STMT_SEQ_EVENT,
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
