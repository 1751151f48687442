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
	X(PROPOSAL_NOT_FOUND, "proposal_not_found", "没有编号为 %s 的申请", "no proposal %s") \
	X(PROPOSAL_MOVED, "proposal_moved", "申请 %s 刚被他人办理（步骤已变化），请刷新后重试", \
	    "proposal %s was acted on by someone else just now: reload it and try again") \
	X(PROPOSAL_TYPE, "proposal_type", "“%s”不是可提出的申请类型（可用：%s）", "\"%s\" is not a proposal type (use %s)") \
	X(PROPOSAL_OPEN, "proposal_open", "%s 已有未办结的申请（编号 %lld），不能重复提出", \
	    "%s already has an open proposal (%lld): a second one is refused") \
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
	X(CHECK_FAILED, "check_failed", "核查未通过：%s。确需继续的，须写明例外理由（override）", \
	    "the check failed: %s. To go on anyway, give the reason (override)") \
	X(OVERRIDE_NOT_NEEDED, "override_not_needed", "此步骤核查已通过或没有核查，不需要例外理由", \
	    "this step's check passed or there is none: no override is needed") \
	X(VOTES_REQUIRED, "votes_required", "民主评议须填写赞成/反对/弃权票数（如 23/2/1）", \
	    "the review needs the votes for/against/abstaining (e.g. 23/2/1)") \
	X(BAD_VOTES, "bad_votes", "“%s”不是有效票数（应为 赞成/反对/弃权，如 23/2/1）", \
	    "\"%s\" is not a vote count (for/against/abstaining, e.g. 23/2/1)") \
	X(VILLAGE_REQUIRED, "village_required", "贫困村出列申请须指定村（village）", "a village exit names the village") \
	X(HOUSEHOLD_REQUIRED, "household_required", "此类申请须指定户编号", "this proposal names a household") \
	X(VILLAGE_NOT_POOR, "village_not_poor", "%s 不是省定贫困村", "%s is not a designated poor village") \
	X(VILLAGE_EXITED, "village_exited", "%s 已于 %d 年出列", "%s exited in %d") \
	X(PROPOSAL_NEW_HH, "proposal_new_household", "%s：新识别和应纳未纳的农户尚未在册，请通过登记表导入（县级）", \
	    "%s: a newly identified or missed household is not in the registry yet: register it by import (county)") \
	X(REVIEW_REQUIRED, "review_required", "已开启“须经评议公示”：%s须提出申请，经评议、公示、审核、审定、公告后生效", \
	    "review is required: %s goes through a proposal (review, notice, town, county, announcement)") \
	X(WORKFLOW_INVALID, "workflow_invalid", "流程定义有误：%s", "the workflow is not valid: %s") \
	X(WORKFLOW_NONE, "workflow_none", "没有适用于“%s”的流程", "no workflow serves \"%s\"") \
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
	X(CHK_NO_LINE, "chk_no_line", "没有 %d 年扶贫标准线（tuopin line set）", "no poverty line for %d (tuopin line set)") \
	X(CHK_NO_ASSESSMENT, "chk_no_assessment", "%s 及以前没有入户核实记录", "no assessment on or before %s") \
	X(CHK_YES, "chk_yes", "%s 入户核实（%s）：是%s", "assessed %s (%s): yes%s") \
	X(CHK_NO, "chk_no", "%s 入户核实（%s）：否%s", "assessed %s (%s): no%s") \
	X(CHK_NOT_ASSESSED, "chk_not_assessed", "%s 入户核实未填写此项", "not assessed on %s") \
	X(CHK_HOUSING, "chk_housing", "%s 入户核实（%s）：%s", "assessed %s (%s): %s") \
	X(CHK_INSURED, "chk_insured", "；在册 %d 人中 %d 人参加基本医疗保险", "; registered persons %d, insured %d") \
	X(CHK_INCIDENCE, "chk_incidence", "%s 现有贫困人口 %lld 人，乡村人口 %lld 人，贫困发生率 %s%%（标准：低于 %s%%）", \
	    "%s: %lld persons poor of a rural population of %lld, incidence %s%% (threshold: below %s%%)") \
	X(CHK_NO_RURAL_POP, "chk_no_rural_pop", "%s 没有乡村人口数，无法计算贫困发生率", \
	    "%s has no rural population: the incidence cannot be computed") \
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
	X(MON_NOT_FOR_TYPE, "mon_not_for_type", "“%s”只用于纳入监测或风险消除申请", \
	    "\"%s\" is only for monitoring and risk elimination proposals") \
	X(CHECK_REFUSED, "check_refused", "核查未通过，不能以例外理由继续：%s", \
	    "the check failed and cannot be overridden: %s") \
	X(CHK_MON_INCOME_OK, "chk_mon_income", "%d 年人均纯收入 %s 元，不低于 %d 年监测标准 %s 元%s", \
	    "per-capita net income %d: %s yuan, not below the monitoring line of %d, %s yuan%s") \
	X(CHK_MON_INCOME_LOW, "chk_mon_income_low", "%d 年人均纯收入 %s 元，低于 %d 年监测标准 %s 元%s：不能消除风险", \
	    "per-capita net income %d: %s yuan, below the monitoring line of %d, %s yuan%s: the risk cannot be eliminated") \
	X(CHK_NO_MON_LINE, "chk_no_mon_line", "没有 %d 年及以前的监测标准（tuopin monitor line set）", \
	    "no monitoring line for %d or before (tuopin monitor line set)") \
	X(CHK_MON_NO_INCOME, "chk_mon_no_income", "%d 年及以前没有收入记录", "no income recorded for %d or before") \
	X(CHK_LABOUR, "chk_labour", "家庭成员中有劳动力 %d 人", "%d members with labour capacity") \
	X(CHK_NO_LABOUR, "chk_no_labour", "无劳动能力户：落实社会保障后暂不标注风险消除，继续监测", \
	    "no labour capacity: once social security is in place the case stays monitored, not eliminated") \
	X(CHK_SECURITY, "chk_security", "社会保障：%s", "social security: %s") \
	X(CHK_NO_SECURITY, "chk_no_security", "无劳动能力户未落实社会保障（低保、特困）", \
	    "no labour capacity and no social security (dibao, tekun) in place") \
	X(PROGRAMME_KIND, "programme_kind", "项目“%s”无效（可用：%s）", "programme \"%s\" is not valid (use %s)") \
	X(PROGRAMME_DATES, "programme_dates", "结束日期 %s 不晚于开始日期 %s", "the end %s is not after the start %s") \
	X(PROGRAMME_WHO, "programme_who", "证件号码 %s 不是在册人员（或不在您的管辖范围内）", \
	    "ID number %s is not a member of a household in your scope") \
	X(STATUS_LABEL_AMBIGUOUS, "status_ambiguous", "“已脱贫”须写明是否享受政策（已脱贫享受政策 / 已脱贫不享受政策）", \
	    "\"已脱贫\" must say whether policy continues (已脱贫享受政策 / 已脱贫不享受政策)")

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
