/* sheet_impl.h: internals shared by the CSV and XLSX readers (not for other layers). */
#ifndef TUOPIN_SHEET_IMPL_H
#define TUOPIN_SHEET_IMPL_H

#include "io/sheet.h"

struct qrow {
	int num;
	size_t n;
	char *data;
	size_t *offs;          /* 2 per cell: offset, length */
	unsigned char *numeric;
};

/* Rows completed by a push parser wait here until sheet_next hands them out. */
struct rowq {
	struct qrow *rows;
	size_t head, n, cap;
	/* the row being built */
	struct buf cur_data;
	size_t *cur_offs;
	unsigned char *cur_numeric;
	size_t cur_n, cur_cap;
	/* the row handed out last (owned here until the next pop) */
	char *out_data;
	size_t *out_offs;
	unsigned char *out_numeric;
	struct str *out_cells;
	size_t out_cap;
};

void rowq_init(struct rowq *q);
void rowq_free(struct rowq *q);
/* Add cell col (0-based) to the row being built; gaps are filled with empty cells. */
void rowq_cell(struct rowq *q, size_t col, const char *p, size_t n, bool numeric);
/* Finish the row being built as row number num; rows whose cells are all empty are dropped. */
void rowq_end(struct rowq *q, int num);
bool rowq_pop(struct rowq *q, struct sheet_row *row);

struct csv_state;
struct xlsx_state;

struct sheet {
	enum sheet_kind kind;
	char *path;
	struct sheet_limits lim;
	size_t rows;         /* rows handed out */
	int err_col;         /* sheet_error_col */
	struct rowq q;
	struct csv_state *csv;
	struct xlsx_state *xlsx;
};

bool xlsx_open(struct sheet *s, const char *path, const struct sheet_limits *lim, struct errinfo *e);
int xlsx_next(struct sheet *s, struct sheet_row *row, int *err_row, struct errinfo *e);
void xlsx_close(struct sheet *s);

#endif
