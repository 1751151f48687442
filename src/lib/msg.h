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
	X(DB_SCHEMA_OLD, "schema_old", "数据库结构版本为 %d，本程序需要 %d，请先运行 tuopin init", \
	    "the database schema is version %d but this program needs %d: run tuopin init first") \
	X(DB_SCHEMA_NEW, "schema_new", "数据库结构版本 %d 比本程序（%d）新，请升级 tuopin", \
	    "the database schema version %d is newer than this program's (%d): upgrade tuopin") \
	X(DB_URI, "db_uri", "无法识别的数据库地址：%s（应为 sqlite:路径 或 postgresql://…）", \
	    "unrecognised database URI: %s (use sqlite:PATH or postgresql://...)") \
	X(DB_BUSY, "db_busy", "数据库正忙，请稍后重试", "the database is busy; try again") \
	X(IO_READ, "io_read", "无法读取文件 %s：%s", "cannot read file %s: %s") \
	X(IO_WRITE, "io_write", "无法写入文件 %s：%s", "cannot write file %s: %s") \
	X(FILE_FORMAT, "file_format", "无法识别的文件格式：%s（支持 CSV 和 XLSX）", \
	    "unrecognised file format: %s (CSV and XLSX are supported)") \
	X(ENCODING, "encoding", "不是有效的 UTF-8 或 GB18030 文本", "not valid UTF-8 or GB18030 text") \
	X(CSV_PARSE, "csv_parse", "CSV 格式错误（引号不匹配或引号后有多余字符）", \
	    "malformed CSV (unbalanced quote or text after a closing quote)") \
	X(XLSX_BAD, "xlsx_bad", "XLSX 文件无法读取：%s", "cannot read the XLSX file: %s") \
	X(XLSX_TOOBIG, "xlsx_too_big", "XLSX 文件解压后超过 %s 上限", "the XLSX file expands beyond the %s limit") \
	X(EMPTY_FILE, "empty_file", "文件没有表头行", "the file has no header row") \
	X(NO_ROWS, "no_rows", "文件没有数据行", "the file has no data rows") \
	X(FILE_CHANGED, "file_changed", "文件在导入过程中被修改，请重新导入", "the file changed while it was being imported: import it again") \
	X(MISSING_COLUMN, "missing_column", "缺少必需的列", "a required column is missing") \
	X(DUP_COLUMN, "duplicate_column", "列名重复", "the column appears twice") \
	X(REQUIRED, "required", "必填项为空", "required value is empty") \
	X(UNKNOWN_CODE, "unknown_code", "“%s”不是有效的%s", "\"%s\" is not a valid %s") \
	X(NOT_IN_VERSION, "code_version", "“%s”不属于 %d 版代码表", "\"%s\" is not in the %d code list") \
	X(BAD_DATE, "bad_date", "“%s”不是有效日期（应为 YYYY-MM-DD）", "\"%s\" is not a valid date (use YYYY-MM-DD)") \
	X(BAD_STAMP, "bad_time", "“%s”不是有效时间（应为 YYYY-MM-DD 或 YYYY-MM-DD HH:MM:SS）", \
	    "\"%s\" is not a valid time (use YYYY-MM-DD or YYYY-MM-DD HH:MM:SS)") \
	X(BAD_YM, "bad_year_month", "“%s”不是有效年月（应为 YYYYMM）", "\"%s\" is not a valid year and month (use YYYYMM)") \
	X(BAD_YEAR, "bad_year", "“%s”不是有效年度", "\"%s\" is not a valid year") \
	X(BAD_INT, "bad_number", "“%s”不是有效整数", "\"%s\" is not a whole number") \
	X(BAD_RANGE, "out_of_range", "“%s”超出范围 %d–%d", "\"%s\" is outside %d-%d") \
	X(BAD_MONEY, "bad_money", "“%s”不是有效金额（元，最多两位小数）", "\"%s\" is not an amount (yuan, at most two decimals)") \
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
	X(REL_SEX, "relation_sex", "与户主关系为“%s”的成员性别应为%s", "a member whose relation is \"%s\" must be %s") \
	X(SPOUSE_SEX, "spouse_sex", "配偶与户主性别相同", "the spouse has the same sex as the head") \
	X(HH_EXISTS, "household_exists", "户编号 %s 已存在", "household %s already exists") \
	X(HH_NOT_FOUND, "household_not_found", "户编号 %s 不存在", "household %s does not exist") \
	X(HH_INCONSISTENT, "household_inconsistent", "同一户编号的行属于不同的行政村（第 %d 行为 %s）", \
	    "rows of one household lie in different villages (row %d has %s)") \
	X(MEMBER_NOT_FOUND, "member_not_found", "户 %s 中没有证件号码为 %s 的成员", "household %s has no member with ID number %s") \
	X(MEMBER_ID_NOT_FOUND, "member_not_found", "户 %s 中没有编号为 %s 的成员", "household %s has no member number %s") \
	X(MEMBER_ABSENT, "member_absent", "该成员在 %s 不属于户 %s", "the member does not belong to household %s on %s") \
	X(MEMBER_PRESENT, "member_present", "该成员在 %s 已属于户 %s", "the member already belongs to household %s on %s") \
	X(DIV_UNKNOWN, "division_unknown", "行政区划 %s 不存在", "division %s does not exist") \
	X(DIV_NOT_VILLAGE, "not_village", "%s 不是村级区划", "%s is not a village") \
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
	X(NOTHING_TO_FIX, "nothing_to_fix", "信息更正没有给出要修改的内容", "the data fix names nothing to change") \
	X(FUTURE_DATE, "future_date", "生效日期 %s 晚于今天", "effective date %s is in the future") \
	X(BEFORE_CREATION, "before_creation", "生效日期 %s 早于该户建档日期 %s", "effective date %s is before the household was registered (%s)") \
	X(INITIAL_STATUS, "initial_status", "以“%s”方式建档的户，状态不能是“%s”", "a household registered by %s cannot start as \"%s\"") \
	X(DIV_LEVEL_UNKNOWN, "division_level", "“%s”不是有效级别（省、市、县、乡镇、村）", "\"%s\" is not a level (省, 市, 县, 乡镇, 村)") \
	X(DIV_TOP_ONLY, "division_parent_missing", "只有最高一级区划可以没有上级", "only the top divisions may lack a parent") \
	X(NUMERIC_ID, "id_numeric", "证件号码被 Excel 存成了数字（精度已丢失），请将该列设为文本后重新导出", \
	    "the ID number was stored by Excel as a number (digits lost): format the column as text and export again") \
	X(NUMERIC_ACCOUNT, "account_numeric", "银行账号被 Excel 存成了数字（精度已丢失），请将该列设为文本后重新导出", \
	    "the bank account was stored by Excel as a number (digits lost): format the column as text and export " \
	    "again") \
	X(AUTH_FAILED, "bad_credentials", "用户名或密码错误", "wrong user name or password") \
	X(AUTH_LOCKED, "account_locked", "账户因多次登录失败已锁定，请于 %s 后重试，或联系系统管理员", \
	    "the account is locked after repeated failures until %s: try again then, or ask the system administrator") \
	X(AUTH_DISABLED, "account_disabled", "账户已被停用，请联系系统管理员", "the account is disabled: ask the system administrator") \
	X(AUTH_REQUIRED, "unauthorized", "请先登录", "please log in") \
	X(SESSION_EXPIRED, "session_expired", "登录已过期，请重新登录", "the session has expired: please log in again") \
	X(CSRF, "csrf", "缺少或错误的 X-CSRF-Token 请求头", "missing or wrong X-CSRF-Token header") \
	X(FORBIDDEN, "forbidden", "您的角色（%s）无权执行此操作", "your role (%s) may not do this") \
	X(PW_SHORT, "password_weak", "密码至少 %d 个字符", "the password needs at least %d characters") \
	X(PW_CLASSES, "password_weak", "密码须包含大写字母、小写字母、数字、符号中的至少三类", \
	    "the password needs three of: upper-case letters, lower-case letters, digits, symbols") \
	X(PW_NAME, "password_weak", "密码不能包含用户名", "the password may not contain the user name") \
	X(PW_OLD, "password_wrong", "原密码不正确", "the current password is wrong") \
	X(PW_MUST_CHANGE, "password_change_required", "请先修改初始密码", "change the initial password first") \
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
	X(BAD_TYPE, "bad_type", "字段 %s 的类型应为%s", "field %s must be %s") \
	X(BAD_PARAM, "bad_parameter", "参数 %s 的值“%s”无效", "parameter %s: invalid value \"%s\"") \
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
	X(STATUS_LABEL_AMBIGUOUS, "status_ambiguous", "“已脱贫”须写明是否享受政策（已脱贫享受政策 / 已脱贫不享受政策）", \
	    "\"已脱贫\" must say whether policy continues (已脱贫享受政策 / 已脱贫不享受政策)") \
	X(EXT_KIND, "kind_unknown", "“%s”不是名单类别（可选：%s）", "\"%s\" is not a kind of list (choose: %s)") \
	X(EXT_DATE_FUTURE, "future_date", "名单日期 %s 晚于今天", "the list's date %s is in the future") \
	X(EXT_COLUMN, "unknown_column", "未知的列（%s名单的列为：%s）", "unknown column (a list of %s has: %s)") \
	X(EXT_AFTER_LIST, "after_list_date", "%s 晚于名单日期 %s", "%s is after the list's date %s") \
	X(EXT_ID_SKIPPED, "id_skipped", "证件号码有误，该行未导入、不参与比对：%s", \
	    "a broken ID number: the row is left out and not compared: %s") \
	X(LIST_NOT_FOUND, "list_not_found", "没有编号为 %s 的名单", "no list %s") \
	X(LIST_DELETED, "list_deleted", "名单 %lld 已删除", "list %lld has been deleted") \
	X(RULE_UNKNOWN, "rule_unknown", "没有规则“%s”", "no rule \"%s\"") \
	X(FINDING_NOT_FOUND, "finding_not_found", "没有编号为 %s 的问题", "no finding %s") \
	X(FINDING_STATE, "finding_state", "问题 %lld 当前为“%s”，不能%s", "finding %lld is %s: it cannot be %s") \
	X(FINDING_HOUSEHOLD, "finding_household", "问题 %lld 不属于户 %s", "finding %lld is not about household %s") \
	X(WAIVER_NONE, "no_waiver", "问题 %lld 没有待确认的豁免申请", "finding %lld has no waiver waiting for confirmation") \
	X(WAIVER_LEVEL, "forbidden", "豁免须由乡镇或县级用户确认", "a waiver is confirmed by a town or county user") \
	X(CAMPAIGN_EXISTS, "campaign_exists", "专项行动“%s”已存在", "campaign \"%s\" already exists") \
	X(CAMPAIGN_NOT_FOUND, "campaign_not_found", "没有专项行动“%s”", "no campaign \"%s\"") \
	X(CAMPAIGN_DEADLINE, "bad_deadline", "截止日期 %s 早于开始日期 %s", "the deadline %s is before the start %s") \
	X(CAMPAIGN_RULES, "rules_required", "须选择至少一条规则", "choose at least one rule")

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

#endif
