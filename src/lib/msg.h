/* msg.h: every message a user can read, in Chinese and English, with a stable code.
 * One list (MSG_LIST) makes the enum and the table, so they cannot drift apart. Both texts of one message
 * take the same printf arguments in the same order. The language is per thread (a CLI run or a request). */
#ifndef TUOPIN_MSG_H
#define TUOPIN_MSG_H

enum lang { LANG_ZH = 0, LANG_EN, LANG__MAX };

/* X(id, code, zh, en) */
#define MSG_LIST(X) \
	X(OK, "ok", "成功", "ok") \
	X(INTERNAL, "internal", "内部错误：%s", "internal error: %s") \
	X(DB, "database", "数据库错误：%s", "database error: %s") \
	X(DB_OPEN, "db_open", "无法打开数据库 %s：%s", "cannot open database %s: %s") \
	X(SESSIONS_FILE, "db_open", "无法创建会话数据库 %s（%s）：服务器须能在数据库所在的目录中写入此文件，否则无人能登录", \
	    "cannot create the session database %s (%s): the server must be able to write it beside the database, or " \
	    "nobody can log in") \
	X(DB_SCHEMA_OLD, "schema_old", "数据库结构版本为 %d，本程序需要 %d，请先运行 tuopin init", \
	    "the database schema is version %d but this program needs %d: run tuopin init first") \
	X(DB_SCHEMA_NEW, "schema_new", "数据库结构版本 %d 比本程序（%d）新，请升级 tuopin", \
	    "the database schema version %d is newer than this program's (%d): upgrade tuopin") \
	X(DB_URI, "db_uri", "无法识别的数据库地址：%s（应为 sqlite:路径 或 postgresql://…）", \
	    "unrecognised database URI: %s (use sqlite:PATH or postgresql://...)") \
	X(DB_BUSY, "db_busy", "数据库正忙，请稍后重试", "the database is busy; try again") \
	X(IMPORT_BUSY, "import_running", "正在导入，请稍后重试", "an import is being written: try again later") \
	X(DB_READONLY, "db_readonly", "数据库为只读，无法写入（%s）", "the database is read-only: cannot write (%s)") \
	X(DISK_FULL, "disk_full", "磁盘已满，无法写入（%s）", "the disk is full: cannot write (%s)") \
	X(DB_MISSING, "db_missing", "数据库文件 %s 不存在（请先运行 tuopin init 创建）", \
	    "the database file %s does not exist (create it with tuopin init)") \
	X(DB_LOST, "db_connection_lost", "与数据库的连接已中断，请重试", "the connection to the database was lost: try again") \
	X(IO_READ, "io_read", "无法读取文件 %s：%s", "cannot read file %s: %s") \
	X(IO_WRITE, "io_write", "无法写入文件 %s：%s", "cannot write file %s: %s") \
	X(TMP_WRITE, "tmp_write", "无法写入临时文件（目录 %s，可用环境变量 TMPDIR 另指定）：%s", \
	    "cannot write a temporary file (in %s; set TMPDIR to use another directory): %s") \
	X(TMP_READ, "tmp_read", "无法读回临时文件（目录 %s，可用环境变量 TMPDIR 另指定）：%s", \
	    "cannot read a temporary file back (in %s; set TMPDIR to use another directory): %s") \
	X(FILE_FORMAT, "file_format", "无法识别的文件格式：%s（支持 CSV 和 XLSX）", \
	    "unrecognised file format: %s (CSV and XLSX are supported)") \
	X(ENCODING, "encoding", "不是有效的 UTF-8 或 GB18030 文本", "not valid UTF-8 or GB18030 text") \
	X(ENCODING_AT, "encoding", "不是有效的 %s 文本：第 %d 列有无效字节 0x%02X", \
	    "not valid %s text: column %d holds the invalid byte 0x%02X") \
	X(CSV_PARSE, "csv_parse", "CSV 格式错误（引号不匹配或引号后有多余字符）", \
	    "malformed CSV (unbalanced quote or text after a closing quote)") \
	X(TOO_MANY_COLUMNS, "too_many_columns", "此行超过每行 %zu 列的上限（TUOPIN_IMPORT_MAX_COLUMNS）", \
	    "the row has more than %zu columns, the limit (TUOPIN_IMPORT_MAX_COLUMNS)") \
	X(CELL_TOO_BIG, "cell_too_big", "第 %d 列的单元格超过 %zu 字节的上限（TUOPIN_IMPORT_MAX_CELL），文件未再往下读取", \
	    "the cell in column %d is longer than %zu bytes, the limit (TUOPIN_IMPORT_MAX_CELL); the file was read no " \
	    "further") \
	X(BEYOND_HEADER, "beyond_header", "第 %d 列有值“%.*s%s”，但表头只有 %zu 列：这一行是否因未加引号的逗号而错位？" \
	    "请核对这一行，或在表头为这一列加上列名", "column %d holds \"%.*s%s\" but the header has only %zu columns: is the " \
	    "row shifted by an unquoted comma? Check the row, or give the column a heading") \
	X(TOO_MANY_ROWS, "too_many_rows", "文件超过 %zu 行的上限（TUOPIN_IMPORT_MAX_ROWS）", \
	    "the file has more than %zu rows, the limit (TUOPIN_IMPORT_MAX_ROWS)") \
	X(XLSX_BAD, "xlsx_bad", "XLSX 文件无法读取：%s", "cannot read the XLSX file: %s") \
	X(XLSX_ZIP, "xlsx_bad", "XLSX 文件不完整或已损坏（不是可读的 ZIP 压缩包）", \
	    "the XLSX file is truncated or damaged (not a readable ZIP archive)") \
	X(XLSX_ENTRIES, "xlsx_bad", "XLSX 文件无法读取：压缩包中有 %llu 个文件，超过 %d 个的上限", \
	    "cannot read the XLSX file: the archive holds %llu files, more than the limit of %d") \
	X(XLSX_TOKEN, "xlsx_bad", "XLSX 文件无法读取：%s 中有长于 %s 的 XML 片段", \
	    "cannot read the XLSX file: %s holds an XML token longer than %s") \
	X(XLSX_STYLES, "xlsx_bad", "XLSX 文件无法读取：单元格格式超过 %d 个", \
	    "cannot read the XLSX file: more than %d cell formats") \
	X(XLSX_TOOBIG, "xlsx_too_big", "XLSX 文件解压后超过 %s 的上限（TUOPIN_IMPORT_MAX_INFLATE）", \
	    "the XLSX file expands beyond %s, the limit (TUOPIN_IMPORT_MAX_INFLATE)") \
	X(XLSX_SHARED_BYTES, "xlsx_shared_strings", "XLSX 文件的共享字符串超过 %s 的上限（TUOPIN_IMPORT_MAX_SHARED）", \
	    "the XLSX file's shared strings exceed %s, the limit (TUOPIN_IMPORT_MAX_SHARED)") \
	X(XLSX_SHARED_COUNT, "xlsx_shared_strings", \
	    "XLSX 文件的共享字符串超过 %zu 个的上限（TUOPIN_IMPORT_MAX_SHARED_COUNT）", \
	    "the XLSX file has more than %zu shared strings, the limit (TUOPIN_IMPORT_MAX_SHARED_COUNT)") \
	X(BAD_LIMIT, "usage", "环境变量 %s 的值“%s”无效（应为正整数）", \
	    "environment variable %s: \"%s\" is not a positive whole number") \
	X(EMPTY_FILE, "empty_file", "文件没有表头行", "the file has no header row") \
	X(NO_ROWS, "no_rows", "文件没有数据行", "the file has no data rows") \
	X(FILE_CHANGED, "file_changed", "文件在导入过程中被修改，请重新导入", "the file changed while it was being imported: import it again") \
	X(MISSING_COLUMN, "missing_column", "缺少必需的列", "a required column is missing") \
	X(DUP_COLUMN, "duplicate_column", "列名重复", "the column appears twice") \
	X(REQUIRED, "required", "必填项为空", "required value is empty") \
	X(UNKNOWN_CODE, "unknown_code", "“%s”不是有效的%s", "\"%s\" is not a valid %s") \
	X(UNKNOWN_CODE_ONE_OF, "unknown_code", "“%s”不是有效的%s，可填：%s", "\"%s\" is not a valid %s; one of: %s") \
	X(NOT_IN_VERSION, "code_version", "“%s”不属于 %d 版代码表", "\"%s\" is not in the %d code list") \
	X(BAD_DATE, "bad_date", "“%s”不是有效日期（应为 YYYY-MM-DD）", "\"%s\" is not a valid date (use YYYY-MM-DD)") \
	X(BAD_STAMP, "bad_time", "“%s”不是有效时间（应为 YYYY-MM-DD 或 YYYY-MM-DD HH:MM:SS）", \
	    "\"%s\" is not a valid time (use YYYY-MM-DD or YYYY-MM-DD HH:MM:SS)") \
	X(BAD_YM, "bad_year_month", "“%s”不是有效年月（应为 1980 至 2100 年间的年月，写作 YYYYMM，如 201809，或 2018-09）", \
	    "\"%s\" is not a valid year and month (one of 1980 to 2100, written YYYYMM, such as 201809, or 2018-09)") \
	X(BAD_YEAR, "bad_year", "“%s”不是有效年度（应为 1980 至 2100 年间的年份）", "\"%s\" is not a valid year (one of 1980 to 2100)") \
	X(BAD_INT, "bad_number", "“%s”不是有效整数", "\"%s\" is not a whole number") \
	X(BAD_RANGE, "out_of_range", "“%s”超出范围 %d–%d", "\"%s\" is outside %d-%d") \
	X(MONEY_NEGATIVE, "bad_money", "金额“%s”不能为负数", "the amount \"%s\" cannot be negative") \
	X(BAD_MONEY, "bad_money", "“%s”不是有效金额（元，最多两位小数）", "\"%s\" is not an amount (yuan, at most two decimals)") \
	X(MONEY_CAP, "out_of_range", "“%s”超出金额上限（10 亿元）", "\"%s\" is more than the largest amount (1,000,000,000 yuan)") \
	X(BAD_BOOL, "bad_yes_no", "“%s”应为 是 或 否", "\"%s\" must be 是 (yes) or 否 (no)") \
	X(BAD_PHONE, "bad_phone", "“%s”不是有效电话号码", "\"%s\" is not a valid phone number") \
	X(BAD_ACCOUNT, "bad_account", "“%s”不是有效银行账号（应为8至32位数字）", \
	    "\"%s\" is not a valid bank account number (8 to 32 digits)") \
	X(TOO_LONG, "too_long", "内容过长（最多 %d 个字符）", "too long (at most %d characters)") \
	X(CONTROL_CHAR, "control_char", "含有不可见的控制字符", "contains control characters") \
	X(TOO_MANY_CAUSES, "too_many_causes", "其他致贫原因最多 2 项", "at most 2 other causes of poverty") \
	X(ID_LENGTH, "id_length", "证件号码应为 18 位（或 15 位旧号码、20/22 位残疾人证号），实为 %d 位", \
	    "the ID number must have 18 characters (or a 15-digit old number, or a 20/22-digit disability card), not %d") \
	X(ID_CHARS, "id_chars", "证件号码只能由数字组成（第 18 位可为 X）", "the ID number may hold only digits (and X as its 18th character)") \
	X(ID_CHECKSUM, "id_checksum", "证件号码校验位错误：应为 %c", "wrong check digit in the ID number: it should be %c") \
	X(ID_DATE, "id_birth_date", "证件号码中的出生日期 %s 不存在或晚于今天", \
	    "the birth date %s in the ID number does not exist or is in the future") \
	X(ID_PROVINCE, "id_province", "证件号码前两位 %s 不是有效的省级代码", "the first two digits %s of the ID number are not a province code") \
	X(ID_PLACEHOLDER, "id_placeholder", "证件号码是占位号码（999999 开头）", "the ID number is a placeholder (starts with 999999)") \
	X(ID_SEX, "id_sex", "性别“%s”与证件号码第 17 位（%s）不符", "sex \"%s\" does not match the 17th digit of the ID number (%s)") \
	X(ID_DUP_FILE, "duplicate_id", "证件号码与第 %d 行重复", "the ID number repeats row %d") \
	X(ID_DUP_DB, "duplicate_id", "证件号码已登记在户 %s", "the ID number is already registered in household %s") \
	X(ID_DUP_HH, "duplicate_id", "同一户内证件号码重复（第 %d 行）", "the ID number appears twice in one household (row %d)") \
	X(HEAD_NONE, "head_missing", "该户没有户主", "the household has no head") \
	X(HEAD_MULTI, "head_several", "该户有 %d 个户主", "the household has %d heads") \
	X(HEAD_EXISTS, "head_exists", "该户已有户主", "the household already has a head") \
	X(NEW_HEAD_NEEDED, "new_head_required", "%s 是户主，减少后该户还有 %d 人：请指定其中一人为新户主（新户主证件号码，new_head）", \
	    "%s is the head and %d persons stay: name one of them as the new head (new_head)") \
	X(NEW_HEAD_NOT_HEAD, "new_head_not_needed", "%s 不是户主：减少该成员不需要指定新户主", \
	    "%s is not the head: no new head is named when this member leaves") \
	X(NEW_HEAD_SELF, "new_head_self", "新户主不能是被减少的成员本人", "the new head cannot be the member who leaves") \
	X(HEAD_CHANGE_REASON, "head_change", "原户主减少，变更户主", "the head left: new head") \
	X(HEAD_EXISTS_FIX, "head_exists", "该户已有户主 %s：改为户主的同时，请填写原户主改为何种关系（原户主改为，former_head_relation）", \
	    "the household's head is %s: say what the head becomes (former_head_relation)") \
	X(FORMER_HEAD_UNUSED, "former_head_not_needed", "原户主改为：只在把另一成员改为户主、而该户已有户主时填写", \
	    "former_head_relation is only for making another member the head of a household that has one") \
	X(FORMER_HEAD_HEAD, "former_head_head", "原户主不能仍为户主", "the former head cannot stay the head") \
	X(FORMER_HEAD_REASON, "head_change", "变更户主：%s 改为户主", "head changed: %s is the head now") \
	X(OTHERS_UNUSED, "other_relations_not_needed", "其他成员与新户主关系：只在变更户主（把成员改为户主，或减少户主并指定新户主）时填写", \
	    "other_relations are only for a change of head (a member made the head, or the head's removal naming the new one)") \
	X(OTHERS_NOT_OTHER, "other_relations_member", "%s 是新户主或原户主：其关系不在其他成员中填写", \
	    "%s is the new or the former head: their relations are not among the other members'") \
	X(OTHERS_TWICE, "other_relations_twice", "%s 的关系填写了两次", "%s's relation is given twice") \
	X(OTHERS_HEAD, "other_relations_head", "%s 不能也改为户主：一户只有一个户主", "%s cannot be made the head too: a household has one head") \
	X(OTHERS_REL_SEX, "relation_sex", "%s：与户主关系为“%s”的成员性别应为%s", "%s: a member whose relation is \"%s\" must be %s") \
	X(OTHERS_SPOUSE_SEX, "spouse_sex", "%s 仍为配偶，与新户主性别相同：请在户主变更时一并填写其与新户主的关系，或先更正其与户主关系", \
	    "%s would stay the spouse, of the new head's sex: give their relation to the new head with the change (other_relations), or correct it first") \
	X(OTHERS_SPOUSES, "spouse_exists", "户主变更后 %s 与 %s 都为配偶：一户只有一个配偶", \
	    "after the change of head %s and %s would both be the spouse: a household has one") \
	X(ALREADY_HEAD, "already_head", "%s 已是户主", "%s is the head already") \
	X(OTHERS_ABSENT, "member_absent", "编号为 %lld 的成员不是该户现有成员", "member number %lld is not a member of the household now") \
	X(OTHERS_STILL_HEAD, "head_several", "%s 仍为户主：请一并填写其与新户主的关系", \
	    "%s would stay a head too: give their relation to the new head (other_relations)") \
	X(SPOUSE_KEPT, "spouse_kept", "%s 原为户主的配偶，户主变更后不是新户主的配偶：请一并填写其与新户主的关系（例如之母），或先更正其与户主关系", \
	    "%s was the head's spouse, not the new head's: give their relation to the new head with the change (other_relations), or correct it first") \
	X(OTHERS_ABSENT_ON, "member_absent", "编号为 %lld 的成员在 %s 不属于户 %s", "member number %lld: on %s not a member of household %s") \
	X(OTHERS_SPOUSE_SEX_NAMED, "spouse_sex", "%s 为配偶，与新户主性别相同", "%s as the spouse has the new head's sex") \
	X(UPDATE_REASON, "update_import", "导入更新", "updated by an import") \
	X(UPDATE_NAME_UNKNOWN, "update_member_unknown", "户 %s 中没有这个姓名的成员（证件号码已脱敏，按姓名查找）", \
	    "household %s has no member of this name (the ID number is masked: looked up by name)") \
	X(UPDATE_NAME_AMBIGUOUS, "update_member_ambiguous", "户 %s 中有多名成员同名（证件号码已脱敏）：请填写完整证件号码", \
	    "household %s has several members of this name (the ID number is masked): give the whole number") \
	X(REL_SEX, "relation_sex", "与户主关系为“%s”的成员性别应为%s", "a member whose relation is \"%s\" must be %s") \
	X(SPOUSE_SEX, "spouse_sex", "配偶与户主性别相同", "the spouse has the same sex as the head") \
	X(SPOUSE_EXISTS, "spouse_exists", "该户已有配偶（%s）", "the household already has a spouse (%s)") \
	X(SPOUSE_MULTI, "spouse_several", "该户有 %d 个配偶", "the household has %d spouses") \
	X(REL_EXISTS, "relation_exists", "该户已有与户主关系为“%s”的成员（%s）", \
	    "the household already has a member whose relation is \"%s\" (%s)") \
	X(REL_MULTI, "relation_several", "该户有 %d 个与户主关系为“%s”的成员", \
	    "the household has %d members whose relation is \"%s\"") \
	X(OTHERS_REL_TWICE, "relation_exists", "户主变更后 %s 与 %s 都为“%s”：一户只能有一人", \
	    "after the change %s and %s would both be \"%s\": only one member can be") \
	X(HH_EXISTS, "household_exists", "户编号 %s 已存在", "household %s already exists") \
	X(HH_NOT_AVAILABLE, "not_available", "户编号 %s 不能在本辖区使用，请联系县扶贫办核实", \
	    "household number %s cannot be used here: ask the county office") \
	X(HH_PROPOSED, "household_proposed", "户编号 %s 已用于一件在办的新识别（应纳未纳）申请", \
	    "household number %s is held by an open proposal of a new household") \
	X(ID_NOT_AVAILABLE, "not_available", "证件号码 %s 不能在本辖区登记，请联系县扶贫办核实", \
	    "the ID number %s cannot be registered here: ask the county office") \
	X(HH_NOT_FOUND, "household_not_found", "户编号 %s 不存在", "household %s does not exist") \
	X(HH_NO_VILLAGE, "hh_no_village", "户编号 %s 与所在村不符：应以村代码 %s 开头", \
	    "household number %s does not agree with its village: it must begin with the village code %s") \
	X(HH_INCONSISTENT, "household_inconsistent", "同一户编号的行属于不同的行政村（第 %d 行为 %s）", \
	    "rows of one household lie in different villages (row %d has %s)") \
	X(MEMBER_NOT_FOUND, "member_not_found", "户 %s 中没有证件号码为 %s 的成员", "household %s has no member with ID number %s") \
	X(MEMBER_ID_NOT_FOUND, "member_not_found", "户 %s 中没有编号为 %s 的成员", "household %s has no member number %s") \
	X(MEMBER_ABSENT, "member_absent", "该成员在 %s 不属于户 %s", "on %s the member does not belong to household %s") \
	X(MEMBER_PRESENT, "member_present", "该成员在 %s 已属于户 %s", "on %s the member already belongs to household %s") \
	X(ROLE_LEVEL, "role_level", "“%s”只能设在%s级区划，%s（%s）是%s级", "a %s is bound to a %s, and %s (%s) is a %s") \
	X(DIV_UNKNOWN, "division_unknown", "行政区划 %s 不存在", "division %s does not exist") \
	X(DIV_NOT_VILLAGE, "not_village", "%s 不是村级区划", "%s is not a village") \
	X(DIV_NOT_TOWN, "not_town", "%s 不是乡镇级区划", "%s is not a town") \
	X(PLACE_MISMATCH, "place_mismatch", "%s 不在 %s 内", "%s is not inside %s") \
	X(DIV_CODE, "division_code", "“%s”不是有效的 12 位区划代码", "\"%s\" is not a valid 12-digit division code") \
	X(DIV_LEVEL, "division_level", "级别“%s”与代码 %s 不符（应为%s）", "level \"%s\" does not match code %s (it should be %s)") \
	X(DIV_PARENT, "division_parent", "上级代码 %s 不是 %s 的上级", "%s is not the parent of %s") \
	X(DIV_PARENT_MISSING, "division_parent_missing", "上级区划 %s 不存在", "the parent division %s does not exist") \
	X(DIV_DUP, "division_duplicate", "区划代码与第 %d 行重复", "the division code repeats row %d") \
	X(DIV_AMBIGUOUS, "division_ambiguous", "区划名称“%s”不唯一，请使用代码", "the division name \"%s\" is ambiguous: use its code") \
	X(VILLAGE_NAME, "village_unknown", "找不到 %s %s", "cannot find village %s in %s") \
	X(NO_VILLAGE_COLUMN, "missing_column", "需要“行政区划代码”列，或“乡镇”和“行政村”两列", \
	    "a 行政区划代码 column is needed, or both 乡镇 and 行政村") \
	X(OUT_OF_SCOPE, "out_of_scope", "超出您的管辖范围", "outside your divisions") \
	X(TRANSITION, "transition_refused", "%s时该户状态为“%s”，不能%s", "on %s the household is \"%s\": %s is not allowed") \
	X(NOT_REGISTERED, "not_registered", "%s时该户不在建档立卡范围内（%s）", "on %s the household is not registered (%s)") \
	X(CORRECTION_NEEDED, "correction_required", \
	    "生效日期 %s 早于该户最近一次变动（%s），须标记为更正（是否更正=是）并填写原因", \
	    "effective date %s is before the household's latest change (%s): mark it as a correction and give a reason") \
	X(REASON_NEEDED, "reason_required", "须填写原因", "a reason is required") \
	X(MEMBER_REASON, "bad_reason", "“%s”不是有效的%s原因（应为：%s）", "\"%s\" is not a valid reason for %s (use: %s)") \
	X(EVENT_VIA_REGISTRY, "use_registry_import", "%s须通过导入建档立卡名单（import registry）登记", \
	    "%s is recorded by importing a registry sheet (import registry)") \
	X(TARGET_NEEDED, "target_required", "拆户、并户须填写目标户编号", "split and merge need a target household number") \
	X(TARGET_SELF, "target_self", "目标户编号不能与原户相同", "the target household must differ from the source") \
	X(MONITORED, "monitored", "该户已在监测中", "the household is already monitored") \
	X(NOT_MONITORED, "not_monitored", "该户不在监测中", "the household is not monitored") \
	X(NOW_BEFORE, "clock_backwards", "记录时间 %s 早于数据库中最近的记录时间 %s", \
	    "recording time %s is before the latest recording time in the database, %s") \
	X(NOTHING_TO_CHANGE, "nothing_to_change", "没有给出要修改的内容", "nothing to change was given") \
	X(NOTHING_TO_FIX, "nothing_to_fix", "信息更正没有给出要修改的内容", "the data fix names nothing to change") \
	X(BIRTH_ID, "birth_id_mismatch", "出生日期 %s 与证件号码中的出生日期 %s 不一致；请同时更正证件号码或出生日期", \
	    "birth date %s differs from the one in the ID number (%s): correct the ID number or the birth date too") \
	X(INCOME_YEAR, "bad_year", "收入年度 %d 无效（应在 2000 至 %d 之间）", "income year %d is not valid (2000 to %d)") \
	X(INCOME_EMPTY, "income_empty", "没有填写任何收入项", "no income item is given") \
	X(INCOME_NO_MEMBERS, "income_no_members", "该户在 %s 没有成员，请填写家庭人口", \
	    "the household has no member on %s: give the household size") \
	X(INCOME_NET_MISMATCH, "income_mismatch", "人均纯收入 %s 元与各项收入算出的 %s 元（%d 人）不一致", \
	    "per-capita net income %s differs from %s computed from the items (%d persons)") \
	X(INCOME_DUP_ROW, "duplicate_row", "该户该年度的收入与第 %d 行重复", "this household's year repeats row %d") \
	X(FUTURE_BIRTH, "future_date", "出生日期 %s 晚于今天", "birth date %s is in the future") \
	X(ID_SEX_FIX, "id_sex", "性别“%s”与证件号码第 17 位（%s）不符；请同时更正性别或证件号码", \
	    "sex \"%s\" does not match the 17th digit of the ID number (%s): correct the sex or the ID number too") \
	X(FUTURE_DATE, "future_date", "生效日期 %s 晚于今天", "effective date %s is in the future") \
	X(YM_FUTURE, "date_in_future", "年月 %04d-%02d 晚于本月", "the month %04d-%02d is still to come") \
	X(YEAR_FUTURE, "date_in_future", "年度 %d 晚于今年", "the year %d is still to come") \
	X(CAUSE_REPEATED, "cause_repeated", "其他致贫原因“%s”写了两次", "the other cause \"%s\" is given twice") \
	X(NAME_SLASH, "name_slash", "名称不能含“/”或“\\”（名称是网址的一部分）", "a name cannot hold \"/\" or \"\\\" (it is part of an address)") \
	X(DATE_TOO_EARLY, "date_too_early", "日期 %s 早于 1980-01-01，不能作为登记或办理日期", \
	    "the date %s is before 1980-01-01: not a day a record can bear") \
	X(BIRTH_AFTER_EFFECTIVE, "birth_after_effective", "出生日期 %s 晚于生效日期 %s：人员不能在出生之前计入", \
	    "born %s, after the effective date %s: a person is not counted before birth") \
	X(NEWBORN_NOT_NEW, "newborn_not_new", "原因“新生儿”的成员出生于 %s，到生效日期 %s 已满一年：新生儿按出生日期登记，或选择其他原因", \
	    "reason \"newborn\" for a member born %s, a year or more before the effective date %s: date a newborn at the " \
	    "birth, or give another reason") \
	X(BEFORE_CREATION, "before_creation", "生效日期 %s 早于该户建档日期 %s", "effective date %s is before the household was registered (%s)") \
	X(INITIAL_STATUS, "initial_status", "以“%s”方式建档的户，状态不能是“%s”", "a household registered by %s cannot start as \"%s\"") \
	X(DIV_LEVEL_UNKNOWN, "division_level", "“%s”不是有效级别（省、市、县、乡镇、村）", "\"%s\" is not a level (省, 市, 县, 乡镇, 村)") \
	X(DIV_TOP_ONLY, "division_parent_missing", "只有最高一级区划可以没有上级", "only the top divisions may lack a parent") \
	X(NUMERIC_ID, "id_numeric", "证件号码被 Excel 存成了数字（精度已丢失），请将该列设为文本后重新导出", \
	    "the ID number was stored by Excel as a number (digits lost): format the column as text and export again") \
	X(NUMERIC_ACCOUNT, "account_numeric", "银行账号被 Excel 存成了数字（精度已丢失），请将该列设为文本后重新导出", \
	    "the bank account was stored by Excel as a number (digits lost): format the column as text and export " \
	    "again") \
	X(NUMERIC_CELL, "cell_numeric", "%s被 Excel 存成了数字（精度已丢失），请将该列设为文本后重新导出", \
	    "%s was stored by Excel as a number (digits lost): format the column as text and export again") \
	X(AUTH_FAILED, "bad_credentials", "用户名或密码错误", "wrong user name or password") \
	X(AUTH_DISABLED, "account_disabled", "账户已被停用，请联系系统管理员", "the account is disabled: ask the system administrator") \
	X(AUTH_REQUIRED, "unauthorized", "请先登录", "please log in") \
	X(FULL_ID_SEARCH, "full_id_search", "您的角色不能按证件号码（整号或后 4 位）查询（可按户编号或姓名查询）", \
	    "your role may not search by an ID number, whole or its last four (search by household number or name)") \
	X(THROTTLED, "too_many_attempts", "尝试过于频繁，请 %d 秒后再试", "too many attempts: try again in %d seconds") \
	X(SOD_ROLE, "separation_of_duties", "三员分立：角色和所辖区划只能由安全管理员分配", \
	    "separation of duties: only the security administrator assigns roles and divisions") \
	X(SOD_ADMIN_ROLE, "separation_of_duties", "三员分立：管理员角色只能在服务器上用命令行设置，不能在系统中分配或更改", \
	    "separation of duties: administrator roles are set on the server with the command line, never assigned here") \
	X(SOD_ADMIN_TARGET, "separation_of_duties", "三员分立：不能操作其他类别管理员的账户", \
	    "separation of duties: you may not act on the account of another kind of administrator") \
	X(SOD_SELF, "separation_of_duties", "不能对自己的账户进行此操作", "you may not do this to your own account") \
	X(SOD_NO_PASSWORD, "separation_of_duties", "三员分立：管理员不设置用户的密码；新账户和重置密码使用两位管理员各发放一半的一次性码", \
	    "separation of duties: administrators never set a user's password; new accounts and resets use a one-time " \
	    "code whose halves two administrators issue") \
	X(SOD_CODE_ADMIN, "separation_of_duties", "管理员账户的密码只能在服务器上用命令行重置", \
	    "an administrator's password is reset on the server with the command line only") \
	X(TOKEN_BY_TOKEN, "token_forbidden", "API 令牌不能用来创建令牌，请登录后创建", \
	    "an API token cannot create tokens: log in to create one") \
	X(AUDIT_KEY, "audit_key", "无法读取审计密钥 %s：%s", "cannot read the audit key %s: %s") \
	X(AUDIT_KEY_MISSING, "audit_key_missing", "找不到审计密钥 %s，而审计日志（至第 %lld 行）已用密钥签名：不另生成密钥" \
	    "（否则日志将无法再核验）。请用环境变量 TUOPIN_AUDIT_KEY 或选项 --audit-key 指向原来的密钥文件", \
	    "the audit key %s is not there, and the audit log (to row %lld) is signed with a key: no other key is made " \
	    "(the log could not be verified again). Point TUOPIN_AUDIT_KEY or --audit-key at the key file") \
	X(MIGRATE_AUDIT, "migrate_audit", "复制后的审计日志不能用目标的审计密钥核验（检查项：%s）：%s。未写入任何数据；" \
	    "请用 TUOPIN_AUDIT_KEY 或 --audit-key 指向源数据库的密钥文件后重试", \
	    "the copied audit log does not verify with the target's key (check: %s): %s. Nothing was written; point " \
	    "TUOPIN_AUDIT_KEY or --audit-key at the source's key file and run again") \
	X(AUDIT_KEY_OTHER, "audit_key_other", \
	    "目标数据库的审计密钥 %s 与源数据库的不同。只能复制到空的数据库：目标库若是空的（例如刚用 tuopin init 建好，" \
	    "密钥是那时生成的），删除这个文件后重试；若另有数据库在用这个文件，改用环境变量 TUOPIN_AUDIT_KEY 另指定一个位置", \
	    "the target's audit key %s is not the source's. Data is copied only into an empty database: if the " \
	    "target is empty (just made by tuopin init, which made that key), remove the file and run again; if " \
	    "another database uses it, point TUOPIN_AUDIT_KEY elsewhere") \
	X(AUDIT_ANCHOR_BAD, "bad_anchor", "“%s”不是锚点（应为 行号:校验码，如 1234:3f2a…）", \
	    "\"%s\" is not an anchor (use ROW:MAC, e.g. 1234:3f2a...)") \
	X(NOT_JSON, "unsupported_media_type", "请求正文须为 JSON（Content-Type: application/json），而不是 %s", \
	    "the request body must be JSON (Content-Type: application/json), not %s") \
	X(SESSION_EXPIRED, "session_expired", "登录已过期，请重新登录", "the session has expired: please log in again") \
	X(CSRF, "csrf", "缺少或错误的 X-CSRF-Token 请求头", "missing or wrong X-CSRF-Token header") \
	X(FORBIDDEN, "forbidden", "您的角色（%s）无权执行此操作", "your role (%s) may not do this") \
	X(PW_SHORT, "password_weak", "密码至少 %d 个字符（长度比复杂度更重要：可用一句好记的话）", \
	    "the password needs at least %d characters (length matters more than symbols: a phrase you remember)") \
	X(PW_LONG, "password_weak", "密码不能超过 256 字节", "the password may not be longer than 256 bytes") \
	X(PW_COMMON, "password_common", "密码太常见或太容易猜到（常用密码、常见词加数字、键盘顺序、纯数字或重复字符），请换一句更长、只有您知道的话", \
	    "the password is too common or too easy to guess (a common password, a common word with digits, a keyboard " \
	    "walk, digits only or repeated characters): choose a longer phrase only you know") \
	X(PW_SAME, "password_same", "新密码须与原密码（或一次性码）不同", "the new password must differ from the old one (or the one-time code)") \
	X(PW_NAME, "password_weak", "密码不能包含用户名", "the password may not contain the user name") \
	X(PW_OLD, "password_wrong", "当前密码或一次性码不正确", "the current password (or one-time code) is wrong") \
	X(PW_MUST_CHANGE, "password_change_required", "请先修改初始密码", "change the initial password first") \
	X(TOKEN_MUST_CHANGE, "password_change_required", "%s 还未修改初始密码：令牌在修改之前不能使用，修改密码又会撤销它；请该用户先登录修改密码，再创建令牌", \
	    "%s has not changed the initial password: a token would not work before the change, and the change revokes it; let the user change it first") \
	X(USER_EXISTS, "user_exists", "用户 %s 已存在", "user %s already exists") \
	X(USER_NOT_FOUND, "user_not_found", "用户 %s 不存在", "user %s does not exist") \
	X(USER_NAME, "bad_user_name", "用户名只能由字母、数字、下划线、点和连字符组成（2–32 个字符）", \
	    "a user name has 2-32 letters, digits, underscores, dots or hyphens") \
	X(ROLE_UNKNOWN, "role_unknown", "“%s”不是有效角色（可选：%s）", "\"%s\" is not a role (choose: %s)") \
	X(ROLE_DIVISION, "division_required", "该角色须指定管辖区划", "this role needs a division") \
	X(TOKEN_BAD, "unauthorized", "API 令牌无效、已撤销或已过期", "the API token is unknown, revoked or expired") \
	X(TOKEN_NOT_FOUND, "token_not_found", "没有编号为 %lld 的令牌", "no token %lld") \
	X(BAD_JSON, "bad_json", "请求体不是有效的 JSON：%s", "the request body is not valid JSON: %s") \
	X(UNKNOWN_FIELD, "unknown_field", "未知字段 %s", "unknown field %s") \
	X(BAD_TEXT, "control_char", "含有不可显示的控制字符（U+%04X，第 %zu 个字符）", \
	    "holds a control character that does not show (U+%04X, character %zu)") \
	X(TEXT_TOO_LONG, "too_long", "过长（%zu 字节，最多 %d 字节）", "too long (%zu bytes, at most %d)") \
	X(BAD_TYPE, "bad_type", "字段 %s 的类型应为%s", "field %s must be %s") \
	X(TABLE_UNKNOWN, "table_unknown", "没有报表 %s", "no table %s") \
	X(TABLE_RECORDED_AT, "table_recorded_at", "报表 %s 按现在所知的登记统计，不能按某时登记情况（recorded_at）统计", \
	    "table %s counts the registry as now known: it cannot be counted as recorded at an earlier time (recorded_at)") \
	X(TABLE_PERIOD, "table_period", "统计期间的起始日期晚于截止日期", "the period starts after it ends") \
	X(TABLE_BY, "table_by", "%s是%s，不能再按%s分列（请选其上一级区划）", \
	    "%s is a %s: it has no %s rows (choose the division above it)") \
	X(BAD_PARAM, "bad_parameter", "参数 %s 的值“%s”无效", "parameter %s: invalid value \"%s\"") \
	X(PARAM_ENCODING, "bad_parameter", "%s不是有效的 UTF-8 文本", "%s is not valid UTF-8 text") \
	X(LINE_KIND, "bad_line_kind", "标准线类别“%s”无效：应为 national（国家扶贫标准）、provincial（省定扶贫标准）或 monitoring（防返贫监测标准）", \
	    "\"%s\" is not a kind of line: national (the national poverty line), provincial (a province's) or monitoring (the monitoring line)") \
	X(LINE_REGION, "bad_line_region", "地区“%s”不适用于%s：应为 %s", "the region \"%s\" does not fit the %s: give %s") \
	X(PARAM_NEEDED, "bad_parameter", "须提供参数 %s（%s）", "parameter %s is required (%s)") \
	X(PERIOD_REVERSED, "bad_parameter", "起始日期 %s 晚于截止日期 %s", "from %s is after to %s") \
	X(TOO_BIG, "too_big", "请求过大（上限 %s）", "the request is too big (limit %s)") \
	X(NO_ROUTE, "not_found", "没有这个地址：%s", "no such address: %s") \
	X(METHOD, "method_not_allowed", "%s 不支持 %s 方法", "%s does not accept %s") \
	X(UNAVAILABLE, "unavailable", "服务器正在关闭", "the server is shutting down") \
	X(USAGE, "usage", "%s", "%s") \
	X(UNKNOWN_OPTION, "usage", "未知选项 %s", "unknown option %s") \
	X(OPTION_VALUE, "usage", "选项 %s 需要一个值", "option %s needs a value") \
	X(BAD_TZ, "usage", "%s：未知时区“%s”（应为 IANA 时区名，如 Asia/Shanghai）", \
	    "%s: unknown time zone \"%s\" (use an IANA name such as Asia/Shanghai)") \
	X(UNKNOWN_COMMAND, "usage", "未知命令 %s（运行 tuopin help 查看帮助）", "unknown command %s (see tuopin help)") \
	X(BAD_FORMAT_OPT, "usage", "不支持的输出格式 %s", "unsupported output format %s") \
	X(PROPOSAL_NOT_FOUND, "proposal_not_found", "没有编号为 %s 的申请", "no proposal %s") \
	X(PROPOSAL_MOVED, "proposal_moved", "申请 %s 刚被他人办理（步骤已变化），请刷新后重试", \
	    "proposal %s was acted on by someone else just now: reload it and try again") \
	X(PROPOSAL_TYPE, "proposal_type", "申请事项“%s”无效（可选：%s）", "\"%s\" is not a proposal type (use %s)") \
	X(PROPOSAL_OPEN, "proposal_open", "%s 已有未办结的申请（编号 %lld），不能重复提出", \
	    "%s already has an open proposal (%lld): a second one is refused") \
	X(PROPOSAL_EFFECTIVE_EARLY, "effective_before_latest", \
	    "生效日期 %s 早于户 %s 最近一次变动（%s）：申请不能倒签到此前；请改生效日期，或由县扶贫办作为信息更正直接记录", \
	    "effective date %s is before household %s's latest change (%s): a proposal cannot be dated back before it; " \
	    "change the date, or have the county office record it as a correction") \
	X(PROPOSAL_STATE, "proposal_state", "户 %s 当前状态为“%s”，不能提出“%s”申请", \
	    "household %s is \"%s\": a \"%s\" proposal does not fit") \
	X(PROPOSAL_CLOSED, "proposal_closed", "申请 %s 已办结（%s），不能再办理", "proposal %s is closed (%s)") \
	X(PROPOSAL_WRONG_STEP, "proposal_wrong_step", "申请 %s 当前步骤是“%s”，不是“%s”", \
	    "proposal %s is at \"%s\", not at \"%s\"") \
	X(PROPOSAL_ROLE, "proposal_role", "“%s”须由%s办理，您的角色是%s", "\"%s\" is done by %s; your role is %s") \
	X(PROPOSAL_DATE_BEFORE, "proposal_date_before", "办理日期 %s 早于上一步骤的日期 %s", \
	    "the date %s is before the previous step's date %s") \
	X(PROPOSAL_ACTION, "proposal_action", "“%s”不是有效的办理意见（approve 同意、reject 不同意、object 异议）", \
	    "\"%s\" is not an action (approve, reject, object)") \
	X(NOTICE_NOT_OVER, "notice_not_over", "公示期未满：%s 起公示 %d 天，%s 起才能结束公示", \
	    "the notice is not over: posted on %s for %d days, it can be closed from %s") \
	X(OBJECT_NOT_NOTICE, "object_not_notice", "只有公示期间才能提出异议（当前步骤：%s）", \
	    "an objection is possible only during a notice (the step now: %s)") \
	X(OBJECTION_NOTE, "objection_note", "提出异议须写明异议内容", "an objection must say what it is (note)") \
	X(CHECK_FAILED, "check_failed", "核查未通过：%s。确需继续的，须写明核查例外理由", \
	    "the check failed: %s. To go on anyway, give the reason for the exception") \
	X(OVERRIDE_NOT_NEEDED, "override_not_needed", "此步骤核查已通过或没有核查，不需要例外理由", \
	    "this step's check passed or there is none: no override is needed") \
	X(VOTES_REQUIRED, "votes_required", "民主评议须填写赞成/反对/弃权票数（如 23/2/1）", \
	    "the review needs the votes for/against/abstaining (e.g. 23/2/1)") \
	X(VOTES_NOT_CARRIED, "votes_not_carried", \
	    "赞成 %d 票未过投票人数（%d）的半数，评议未通过，不能同意；请选择“不同意（终止）”", \
	    "%d votes for are not more than half of the %d cast: the review did not carry it, so it cannot be approved; " \
	    "reject it instead") \
	X(BAD_VOTES, "bad_votes", "“%s”不是有效票数（应为 赞成/反对/弃权，如 23/2/1）", \
	    "\"%s\" is not a vote count (for/against/abstaining, e.g. 23/2/1)") \
	X(VILLAGE_REQUIRED, "village_required", "贫困村出列申请须指定村（village）", "a village exit names the village") \
	X(HOUSEHOLD_REQUIRED, "household_required", "此类申请须指定户编号", "this proposal names a household") \
	X(VILLAGE_NOT_POOR, "village_not_poor", "%s 不是省定贫困村", "%s is not a designated poor village") \
	X(VILLAGE_EXITED, "village_exited", "%s 已于 %d 年出列", "%s exited in %d") \
	X(NEWHH_REQUIRED, "new_household_required", "新识别、应纳未纳申请须附拟纳入农户的户信息和家庭成员（new_household）", \
	    "an identification or missed-inclusion proposal carries the new household with its members (new_household)") \
	X(NEWHH_NOT_FOR_TYPE, "new_household_not_for_type", "new_household 只用于新识别或应纳未纳申请", \
	    "new_household is only for an identification or missed-inclusion proposal") \
	X(NEWHH_HH_NO, "new_household_hh_no", "拟纳入农户的户编号“%s”与申请的户编号“%s”不一致", \
	    "the new household's number \"%s\" is not the proposal's \"%s\"") \
	X(NEWHH_INVALID, "new_household_invalid", "拟纳入农户 %s %s：%s（共 %zu 处问题，未写入任何数据）", \
	    "new household %s, %s: %s (problems in all: %zu; nothing was written)") \
	X(REVIEW_REQUIRED, "review_required", "已开启“须经评议公示”：%s须提出申请，经评议、公示、审核、审定、公告后生效", \
	    "review is required: %s goes through a proposal (review, notice, town, county, announcement)") \
	X(MONITOR_PROCEDURE, "monitor_procedure", \
	    "%s须经防返贫监测流程提出申请（入户核实、民主评议、村内公示、乡镇审核、县级审定），不能直接记录", \
	    "%s goes through the monitoring procedure (a proposal: home visit, review, notice, town, county); it " \
	    "cannot be recorded directly") \
	X(WORKFLOW_INVALID, "workflow_invalid", "流程定义有误：%s", "the workflow is not valid: %s") \
	X(WORKFLOW_NONE, "workflow_none", "没有适用于“%s”的流程", "no workflow serves \"%s\"") \
	X(PROPOSAL_TYPE_REQUIRED, "proposal_type", "须选择申请事项（可选：%s）", "choose the proposal type (%s)") \
	X(CONFIG_KEY, "config_key", "未知配置项 %s（可用：%s）", "unknown setting %s (use %s)") \
	X(CONFIG_VALUE, "config_value", "配置项 %s 的值“%s”无效：%s", "setting %s: \"%s\" is not valid: %s") \
	X(BAD_HOUSING, "bad_housing", "住房安全等级“%s”无效（应为 A、B、C、D 或 relocated 已搬迁）", \
	    "housing grade \"%s\" is not valid (A, B, C, D or relocated)") \
	X(ASSESSMENT_EMPTY, "assessment_empty", "入户核实记录至少须填写一项", "an assessment records at least one item") \
	X(CHK_INCOME_OK, "chk_income", "%d 年人均纯收入 %s 元，高于当年扶贫标准 %s 元%s", \
	    "per-capita net income %d: %s yuan, above that year's line of %s yuan%s") \
	X(CHK_INCOME_LOW, "chk_income_low", "%d 年人均纯收入 %s 元，未超过当年扶贫标准 %s 元%s", \
	    "per-capita net income %d: %s yuan, not above that year's line of %s yuan%s") \
	X(CHK_INCOME_NONE, "chk_income_none", "没有 %d 年收入记录", "no income recorded for %d") \
	X(CHK_INCOME_ITEMS, "chk_income_items", "（计入：%s；%d 人）", " (counted: %s; %d persons)") \
	X(CHK_INCOME_AS_REPORTED, "chk_income_reported", "（按登记的人均纯收入，收入分项未录入）", \
	    " (as registered: the income items are not recorded)") \
	X(ACT_FUTURE, "future_date", "办理日期 %s 晚于今天", "the date %s is in the future") \
	X(NOTICE_NONE, "notice_none", "申请 %s 尚未到公示或公告步骤", "proposal %s has not reached a notice or an announcement") \
	X(CHK_NO_LINE, "chk_no_line", "县扶贫办尚未设置 %d 年扶贫标准线", "the county office has set no poverty line for %d") \
	X(CHK_NO_ASSESSMENT, "chk_no_assessment", "%s 及以前没有入户核实记录", "no assessment on or before %s") \
	X(CHK_YES, "chk_yes", "%s 入户核实（%s）：是%s", "assessed %s (%s): yes%s") \
	X(CHK_NO, "chk_no", "%s 入户核实（%s）认定未达到%s", "assessed %s (%s): not met%s") \
	X(CHK_NOT_ASSESSED, "chk_not_assessed", "%s 入户核实未填写此项", "not assessed on %s") \
	X(CHK_HOUSING, "chk_housing", "%s 入户核实（%s）：%s", "assessed %s (%s): %s") \
	X(CHK_INSURED, "chk_insured", "；在册 %d 人中 %d 人参加基本医疗保险", "; registered persons %d, insured %d") \
	X(CHK_INCIDENCE, "chk_incidence", "%s 现有贫困人口 %lld 人，乡村人口 %lld 人，贫困发生率 %s%%（标准：低于 %s%%）", \
	    "%s: %lld persons poor of a rural population of %lld, incidence %s%% (threshold: below %s%%)") \
	X(CHK_NO_RURAL_POP, "chk_no_rural_pop", "%s 没有乡村人口数，无法计算贫困发生率", \
	    "%s has no rural population: the incidence cannot be computed") \
	X(AS_OF_EARLY, "as_of_early", "--as-of %s 比 %d 户的识别年月早一年以上（如第 %d 行的 %s），请确认建档日期", \
	    "--as-of %s is a year or more before the 识别年月 of %d households (row %d: %s): check the date of " \
	    "registration") \
	X(BACKUP_PG, "backup_postgresql", \
	    "PostgreSQL 数据库请用它自己的工具备份：pg_dump -Fc -d 数据库地址 -f 文件（逻辑备份，pg_restore 恢复），" \
	    "或基础备份加连续归档（时间点恢复 PITR）；见 docs/DEPLOY.md", \
	    "back a PostgreSQL database up with its own tools: pg_dump -Fc -d URI -f FILE (restored with " \
	    "pg_restore), or a base backup with continuous archiving (point-in-time recovery); see docs/DEPLOY.md") \
	X(RESTORE_PG, "backup_postgresql", \
	    "恢复到 PostgreSQL 请用 pg_restore（pg_dump 的备份），或用 tuopin migrate-data --from sqlite:备份文件 " \
	    "--to postgresql://… 迁入 SQLite 备份；见 docs/DEPLOY.md", \
	    "restore into PostgreSQL with pg_restore (a pg_dump backup), or move a SQLite backup in with tuopin " \
	    "migrate-data --from sqlite:BACKUP --to postgresql://...; see docs/DEPLOY.md") \
	X(BACKUP_EXISTS, "file_exists", "文件 %s 已存在（备份不覆盖已有的文件）", "%s exists already (a backup overwrites nothing)") \
	X(RESTORE_TARGET, "restore_target", "%s 已存在（恢复只写入空位置：目标文件及其 -wal、-shm、-sessions、-journal、" \
	    ".audit-anchors、.audit-key 文件都不能已存在）", "%s exists (a restore writes only into an empty place: neither " \
	    "the target nor its -wal, -shm, -sessions, -journal, .audit-anchors or .audit-key files may exist)") \
	X(BACKUP_BAD, "backup_unverified", "%s 未通过检查：%s", "%s failed its check: %s") \
	X(MON_TYPE, "mon_type", "监测对象类别“%s”无效（可用：%s）", "monitoring type \"%s\" is not valid (use %s)") \
	X(MON_TYPE_REQUIRED, "mon_type_required", "须写明监测对象类别（%s）", "the monitoring type is required (%s)") \
	X(MON_TYPE_FIT, "mon_type_fit", "户 %s 为“%s”，不能认定为“%s”：%s", "household %s is \"%s\": it cannot be \"%s\": %s") \
	X(MON_NOT_OBJECT, "mon_not_object", "户 %s 为“%s”：监测对象须为脱贫户或一般农户", \
	    "household %s is \"%s\": a monitoring object is a former poor household or an ordinary one") \
	X(MON_RISK, "mon_risk", "风险类型“%s”无效（可用：%s）", "risk type \"%s\" is not valid (use %s)") \
	X(MON_RISK_REQUIRED, "mon_risk_required", "须写明至少一项风险类型", "at least one risk type is required") \
	X(MON_RISK_COUNT, "mon_risk_count", "风险类型最多 5 项，给出了 %d 项", "at most 5 risk types, %d given") \
	X(MON_RISK_DUP, "mon_risk_dup", "风险类型“%s”重复", "risk type \"%s\" is given twice") \
	X(MON_CHANNEL, "mon_channel", "发现渠道“%s”无效（可用：%s）", "discovery channel \"%s\" is not valid (use %s)") \
	X(MON_CHANNEL_REQUIRED, "mon_channel_required", "须写明发现渠道（%s）", "the discovery channel is required (%s)") \
	X(MON_WAY, "mon_way", "风险消除方式“%s”无效（可用：%s）", "way of elimination \"%s\" is not valid (use %s)") \
	X(MON_WAY_REQUIRED, "mon_way_required", "须写明风险消除方式（%s）", "the way of elimination is required (%s)") \
	X(MON_FIELD_OTHER, "mon_not_for_type", "“%s”不适用于“%s”申请", "\"%s\" does not apply to a \"%s\" proposal") \
	X(MON_NOT_FOR_TYPE, "mon_not_for_type", "“%s”只用于纳入监测或风险消除申请", \
	    "\"%s\" is only for monitoring and risk elimination proposals") \
	X(CHECK_REFUSED, "check_refused", "核查未通过，不能以例外理由继续：%s", \
	    "the check failed and cannot be overridden: %s") \
	X(CHK_MON_INCOME_OK, "chk_mon_income", "%d 年人均纯收入 %s 元，不低于 %d 年监测标准 %s 元%s", \
	    "per-capita net income %d: %s yuan, not below the monitoring line of %d, %s yuan%s") \
	X(CHK_MON_INCOME_LOW, "chk_mon_income_low", "%d 年人均纯收入 %s 元，低于 %d 年监测标准 %s 元%s：不能消除风险", \
	    "per-capita net income %d: %s yuan, below the monitoring line of %d, %s yuan%s: the risk cannot be eliminated") \
	X(CHK_NO_MON_LINE, "chk_no_mon_line", "尚未设置 %d 年及以前的防返贫监测标准，须由县级扶贫部门先设置", \
	    "no monitoring line is set for %d or before: the county office sets it first") \
	X(CHK_MON_NO_INCOME, "chk_mon_no_income", "%d 年及以前没有收入记录", "no income recorded for %d or before") \
	X(CHK_LABOUR, "chk_labour", "家庭成员中有劳动力 %d 人", "%d members with labour capacity") \
	X(CHK_NO_LABOUR, "chk_no_labour", "无劳动能力户：落实社会保障后暂不标注风险消除，继续监测", \
	    "no labour capacity: once social security is in place the case stays monitored, not eliminated") \
	X(CHK_SECURITY, "chk_security", "社会保障：%s", "social security: %s") \
	X(CHK_NO_SECURITY, "chk_no_security", "无劳动能力户未落实社会保障（低保、特困）", \
	    "no labour capacity and no social security (dibao, tekun) in place") \
	X(CHK_MON_INCOME_OLD, "chk_mon_income_old", \
	    "%d 年以来没有收入调查记录（最近一次为 %d 年，早于防返贫监测）：须先录入最近一年的家庭收入，再核查是否稳定超过监测标准", \
	    "no income survey since %d (the latest is of %d, before the monitoring era): record a recent year's household " \
	    "income first, then check it against the monitoring line") \
	X(WARNING_NOT_FOUND, "warning_not_found", "没有预警“%s”（预警编号为 规则:户编号:依据，见 tuopin monitor warnings；以前某日列出、今天已不再出现的，用 --date 该日）", \
	    "no warning \"%s\" (a warning is named RULE:HH_NO:BASIS, see tuopin monitor warnings; one listed as of a past day and gone since: --date THAT_DAY)") \
	X(WARNING_DISMISSED, "warning_dismissed", "预警“%s”已于 %s 由 %s 排除：%s", \
	    "warning \"%s\" was dismissed on %s by %s: %s") \
	X(WARNING_REASON, "warning_reason", "排除预警须写明理由", "dismissing a warning needs a reason") \
	X(WARN_LOW_INCOME, "warn_low_income", "%d 年人均纯收入 %s 元，低于 %d 年监测标准 %s 元", \
	    "per-capita net income %d: %s yuan, below the monitoring line of %d, %s yuan") \
	X(WARN_INCOME_FALL, "warn_income_fall", "人均纯收入由 %d 年 %s 元降至 %d 年 %s 元，下降 %s%%", \
	    "per-capita net income fell from %d: %s yuan to %d: %s yuan, by %s%%") \
	X(WARN_HEALTH, "warn_health", "%s 新登记为“%s”（%s）", "%s newly recorded as \"%s\" (%s)") \
	X(WARN_MEDICAL_COST, "warn_medical_cost", "%s 医保自付 %s 元（%s，%s 名单）", \
	    "%s paid %s yuan of medical costs out of pocket (%s, list of %s)") \
	X(WARN_DISASTER, "warn_disaster", "%s 受灾：%s（%s，%s 名单）", "%s hit by a disaster: %s (%s, list of %s)") \
	X(WARN_LABOUR_DEATH, "warn_labour_death", "%s（%s）死亡（%s，%s 名单）", \
	    "%s (%s) died (%s, list of %s)") \
	X(WARNING_NOT_FOUND_WEB, "warning_not_found", "没有预警“%s”（可能已处理或数据已变化，请刷新页面后重试）", \
	    "no warning \"%s\" (it may have been handled or the data changed: reload the page)") \
	X(PROGRAMME_KIND, "programme_kind", "项目“%s”无效（可用：%s）", "programme \"%s\" is not valid (use %s)") \
	X(PROGRAMME_DATES, "programme_dates", "结束日期 %s 不晚于开始日期 %s", "the end %s is not after the start %s") \
	X(PROGRAMME_OVERLAP, "programme_overlap", "户 %s 已登记%s（%s 至 %s），与所填期间重叠", \
	    "household %s already has %s (%s to %s), which overlaps this period") \
	X(PROGRAMME_WHO, "programme_who", "证件号码 %s 不是在册人员（或不在您的管辖范围内）", \
	    "ID number %s is not a member of a household in your scope") \
	X(STATUS_LABEL_AMBIGUOUS, "status_ambiguous", "“已脱贫”须写明是否享受政策（已脱贫享受政策 / 已脱贫不享受政策）", \
	    "\"已脱贫\" must say whether policy continues (已脱贫享受政策 / 已脱贫不享受政策)") \
	/* 帮扶 and 督查 (domain/assistance.c, supervision.c) */ \
	X(AS_KIND_UNKNOWN, "kind_unknown", "“%s”不是有效的记录类型（可选：%s）", "\"%s\" is not a kind of record (choose: %s)") \
	X(AS_RECORD_NOT_FOUND, "record_not_found", "没有编号为 %s 的%s", "no %2$s number %1$s") \
	X(AS_NEGATIVE, "negative_amount", "金额不能为负数", "the amount may not be negative") \
	X(AS_NOT_POSITIVE, "amount_not_positive", "金额应大于零", "the amount must be more than zero") \
	X(AS_END_BEFORE_START, "end_before_start", "%s（%s）早于%s（%s）", "%s (%s) is before %s (%s)") \
	X(AS_DATE_FUTURE, "date_in_future", "日期 %s 晚于今天", "the date %s is in the future") \
	X(AS_FIXED, "field_fixed", "%s登记后不能修改", "%s cannot be changed once recorded") \
	X(AS_PAIR_SELF, "pairing_overlap", "该帮扶责任人与该户已有结对（%s 至 %s），时间重叠", \
	    "this cadre is already paired with the household (%s to %s): the periods overlap") \
	X(AS_PAIR_OTHER, "pairing_overlap", "该户 %s 至 %s 已由 %s 帮扶，时间重叠", \
	    "from %s to %s the household is helped by %s: the periods overlap") \
	X(AS_TEAM_OTHER, "team_overlap", "该村 %s 至 %s 的%s是 %s，时间重叠", "from %s to %s the village's %s is %s: the periods overlap") \
	X(AS_CADRE_NOT_FOUND, "cadre_not_found", "找不到帮扶责任人“%s”", "no cadre \"%s\"") \
	X(AS_CADRE_AMBIGUOUS, "cadre_ambiguous", "帮扶责任人“%s”不唯一，请填写其证件号码或编号", \
	    "more than one cadre is called \"%s\": give the ID number or the number of the record") \
	X(AS_CADRE_EXISTS, "cadre_exists", "该证件号码已登记为帮扶责任人 %s", "the ID number is registered already as cadre %s") \
	X(AS_NOT_CADRE_USER, "not_a_cadre", "您的账户没有关联帮扶责任人", "your account is not linked to a cadre") \
	X(AS_PERSON_NOT_FOUND, "person_not_found", "证件号码 %s 不属于任何建档立卡户", "ID number %s belongs to no registered household") \
	X(AS_PERSON_BY_ID_NO, "person_by_id_no", "本角色不能查看完整证件号码，也不能按证件号码指定人员：请在户页面选择成员", \
	    "this role sees no whole ID numbers and cannot name a person by one: choose the member from the household's page") \
	X(AS_ITEM_CATEGORY, "item_category", "“%s”不是“%s”类的帮扶项目", "\"%s\" is not an item of %s") \
	X(AS_POST_HELD, "post_held", "该人员 %s 起已在公益岗位（%s）", "the person holds a public post from %s already (%s)") \
	X(AS_NO_POST, "post_not_found", "该人员 %s 没有公益岗位", "the person holds no public post in %s") \
	X(AS_MONTH_OUTSIDE, "month_outside", "%s 不在聘用期内（%s 至 %s）", "%s is outside the employment (%s to %s)") \
	X(AS_PAID_TWICE, "paid_twice", "%s 已发放过（%s，%s 元）", "%s is paid already (%s, %s yuan)") \
	X(AS_INSURED_TWICE, "recorded_twice", "该人员 %d 年已有%s记录", "the person has a %2$s record for %1$d already") \
	X(AS_SAME_RECORD, "duplicate_record", "与已记录的%s（%s，%lld 号）完全相同（重复提交？确为另一条的，请在备注或内容中写明区别）", \
	    "the same as the %s of %s recorded already (record %lld; sent twice? if it is another, say how in its note or content)") \
	X(AS_CASE_PERSON_TWICE, "recorded_twice", "该案件已记录%s的“%s”", "the case has %s's \"%s\" already") \
	X(AS_CASE_HOUSEHOLD_TWICE, "recorded_twice", "该案件已涉及该户", "the case names the household already") \
	X(AS_BENEFICIARY_TWICE, "beneficiary_exists", "该人员已是该%s的帮扶对象", "the person is helped by this %s already") \
	X(AS_SUBSIDY_TOO_MUCH, "subsidy_too_much", "贴息金额 %s 元超过贷款金额 %s 元", "an interest subsidy of %s yuan exceeds the loan of %s yuan") \
	X(AS_DIVISION_OR_HOUSEHOLD, "required", "须填写户编号或涉及区划（二者至少填一项）", \
	    "give the household or the division (one of the two at least)") \
	X(AS_VILLAGE_OR_HOUSEHOLD, "required", "须填写户编号或所在村（二者至少填一项）", \
	    "give the household or the village (one of the two at least)") \
	X(AS_DIVISION_NOT_HOUSEHOLDS, "village_not_households", "涉及区划 %s 不含户 %s 所在的村（%s）", \
	    "division %s does not hold the village of household %s (%s)") \
	X(AS_VILLAGE_NOT_HOUSEHOLDS, "village_not_households", "所在村 %s 不是户 %s 所在的村（%s）", \
	    "the village %s is not household %s's (%s)") \
	X(AS_REPAID_TOO_MUCH, "repaid_too_much", "还款合计 %s 元超过贷款金额 %s 元", "repayments of %s yuan exceed the loan of %s yuan") \
	X(AS_OWNER_HOUSEHOLD, "owner_household_required", "到户类资产须填写确权农户", "an asset given to a household names it") \
	X(AS_NOT_ALLOWED, "forbidden", "您的角色（%s）不能登记%s", "your role (%s) may not record %s") \
	X(AS_SETTING_UNKNOWN, "setting_unknown", "没有设置项“%s”（可选：%s）", "no setting \"%s\" (choose: %s)") \
	X(AS_LIST_DUP, "duplicate_value", "“%s”重复", "\"%s\" is given twice") \
	X(EXT_KIND, "kind_unknown", "“%s”不是名单类别（可选：%s）", "\"%s\" is not a kind of list (choose: %s)") \
	X(EXT_DATE_FUTURE, "future_date", "名单日期 %s 晚于今天", "the list's date %s is in the future") \
	X(EXT_COLUMN, "unknown_column", "未知的列（%s名单的列为：%s）", "unknown column (a list of %s has: %s)") \
	X(EXT_AFTER_LIST, "after_list_date", "%s 晚于名单日期 %s", "%s is after the list's date %s") \
	X(EXT_ID_SKIPPED, "id_skipped", "证件号码有误，该行未导入、不参与比对：%s", \
	    "a broken ID number: the row is left out and not compared: %s") \
	X(LIST_NOT_FOUND, "list_not_found", "没有编号为 %s 的名单", "no list %s") \
	X(LIST_DELETED, "list_deleted", "名单 %lld 已删除", "list %lld has been deleted") \
	X(LIST_WIDER, "list_not_yours", "名单 %lld 覆盖您辖区以外的地方，只有管辖其全部的单位可以删除", \
	    "list %lld covers places beyond your divisions: only an office over all of them may delete it") \
	X(RULE_UNKNOWN, "rule_unknown", "没有规则“%s”", "no rule \"%s\"") \
	X(FINDING_NOT_FOUND, "finding_not_found", "没有编号为 %s 的问题", "no finding %s") \
	X(FINDING_STATE, "finding_state", "问题 %lld 当前为“%s”，不能%s", "finding %lld is %s: it cannot be %s") \
	X(FINDING_HOUSEHOLD, "finding_household", "问题 %lld 不属于户 %s", "finding %lld is not about household %s") \
	X(WAIVER_NONE, "no_waiver", "问题 %lld 没有待确认的豁免申请", "finding %lld has no waiver waiting for confirmation") \
	X(WAIVER_LEVEL, "forbidden", "豁免须由乡镇或县级用户确认", "a waiver is confirmed by a town or county user") \
	X(CAMPAIGN_EXISTS, "campaign_exists", "专项行动“%s”已存在", "campaign \"%s\" already exists") \
	X(CAMPAIGN_NOT_AVAILABLE, "not_available", "专项行动名称“%s”不能在本辖区使用，请另起名称", \
	    "the campaign name \"%s\" cannot be used here: choose another") \
	X(CAMPAIGN_NOT_FOUND, "campaign_not_found", "没有专项行动“%s”", "no campaign \"%s\"") \
	X(CAMPAIGN_DEADLINE, "bad_deadline", "整改期限 %s 早于开始日期 %s", "the deadline %s is before the start %s") \
	X(CAMPAIGN_RULES, "rules_required", "须选择至少一条规则", "choose at least one rule") \
	X(CAMPAIGN_CLOSED, "campaign_closed", "专项行动“%s”已于 %s 结束", "campaign \"%s\" was closed on %s") \
	X(CAMPAIGN_BATCH_CLOSED, "campaign_closed", "专项行动“%s”已于 %s 结束，不能再以它为批次记录变动", \
	    "campaign \"%s\" was closed on %s: no change can be recorded in its name") \
	X(CAMPAIGN_NOT_YOURS, "campaign_not_yours", "专项行动“%s”覆盖您辖区以外的地方：只有管辖其全部范围的单位能结束它", \
	    "campaign \"%s\" covers places beyond your divisions: only an office over all of them may close it")

enum msg {
#define X(id, code, zh, en) MSG_##id,
	MSG_LIST(X)
#undef X
	MSG__MAX
};

void msg_set_lang(enum lang l);
enum lang msg_lang(void);
/* Parse "zh", "zh-CN", "en", "en-US"...; false if unknown. */
int msg_parse_lang(const char *s, enum lang *out);
const char *msg_text(enum msg id);           /* in the current language */
const char *msg_text_in(enum msg id, enum lang l);
const char *msg_code(enum msg id);
/* Why a file could not be read or written (errno), in the current language: strerror's text is English. */
const char *msg_errno(int err);

#endif
