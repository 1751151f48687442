/* sheet.h: read and write tables of text cells: CSV (UTF-8 with or without BOM, or GB18030, detected) and
 * XLSX (first worksheet, streamed). Knows records and cells, never households: the domain maps columns.
 * Readers stream with bounded memory; every row carries its spreadsheet row number for error messages. */
#ifndef TUOPIN_SHEET_H
#define TUOPIN_SHEET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/buf.h"
#include "lib/err.h"

enum sheet_kind { SHEET_CSV, SHEET_XLSX, SHEET_MEMORY };
enum sheet_encoding { ENC_UTF8, ENC_UTF8_BOM, ENC_GB18030, ENC_XLSX, ENC_MEMORY };

struct sheet_row {
	int num;              /* 1-based row number as a spreadsheet shows it (the header is row 1) */
	size_t n;             /* number of cells */
	const struct str *cells;  /* valid until the next sheet_next call; cells are trimmed */
	bool numeric_mask_valid;
	const unsigned char *numeric;  /* XLSX: numeric[i] != 0 if cell i was stored as a number */
};

struct sheet;

/* Limits that protect the server from hostile files. */
struct sheet_limits {
	uint64_t max_uncompressed;  /* XLSX: bytes inflated from any one part (zip-bomb guard) */
	size_t max_cells_per_row;
};
extern const struct sheet_limits sheet_default_limits;

/* Open path; the kind is taken from the content (a ZIP signature means XLSX), not the extension.
 * Returns NULL with e filled on failure. */
struct sheet *sheet_open(const char *path, const struct sheet_limits *lim, struct errinfo *e);
/* A sheet whose rows are given in memory (a request's fields, say): n_rows rows of n_cols cells, row-major;
 * the first row is the header. The cells are copied. */
struct sheet *sheet_open_memory(const char *const *cells, size_t n_cols, size_t n_rows);
/* 1: *row filled; 0: end of input; -1: error in e, with *err_row set to the row being read. */
int sheet_next(struct sheet *s, struct sheet_row *row, int *err_row, struct errinfo *e);
enum sheet_kind sheet_kind(const struct sheet *s);
enum sheet_encoding sheet_encoding(const struct sheet *s);
const char *sheet_encoding_name(enum sheet_encoding enc);
void sheet_close(struct sheet *s);

/* Writers. CSV: UTF-8 with a BOM (Excel opens it correctly) or GB18030; CRLF line ends; quoting only where
 * needed; a cell that would start a formula (=, +, -, @) is prefixed with a quote mark to stop CSV injection.
 * XLSX: libxlsxwriter in constant-memory mode, every cell written as text. */
struct sheet_writer;
struct sheet_writer *sheet_writer_open(const char *path, enum sheet_kind kind, bool gb18030,
    const char *sheet_name, struct errinfo *e);
/* Write one row of n cells (NULL cells are empty). */
enum err sheet_writer_row(struct sheet_writer *w, const char *const *cells, size_t n, struct errinfo *e);
/* Flush and close; on failure the file is removed. */
enum err sheet_writer_close(struct sheet_writer *w, struct errinfo *e);
void sheet_writer_abort(struct sheet_writer *w);

#endif
