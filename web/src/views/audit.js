// audit.js: the audit log for the audit administrator (GET /api/audit, newest first, by date range, user,
// action and object, in pages; codes in the details shown as their labels) and the check of its hash chain
// (GET /api/audit/verify), which names the check that failed (hash chain, keyed chain, head, anchor, key) and the
// first row that was altered, and shows the head for the audit administrator to keep.

import { get } from '../api.js';
import { h, mount } from '../dom.js';
import { t, getLang } from '../i18n.js';
import { pageHeader, card, table, loading, pager, icon, dateInput, busyButton, empty, errorBox, select } from '../ui.js';
import { fieldLabel, fieldValue } from '../fields.js';
import { codes as loadCodes } from '../state.js';

const ACTIONS = {
  login: '登录',
  'login.failed': '登录失败',
  logout: '退出登录',
  'event.record': '记录变动',
  'household.create': '新建农户',
  'import.registry': '导入名单',
  'import.events': '导入变动',
  'import.divisions': '导入区划',
  'view.full_id': '查看完整证件号码',
  'export.full_id': '导出完整证件号码',
  'user.create': '新建账户',
  'user.update': '修改账户',
  'user.lock': '停用账户',
  'user.unlock': '启用账户',
  'user.role': '修改角色',
  'user.password': '修改密码',
  'user.password_reset': '重置密码',
  'token.create': '创建令牌',
  'token.revoke': '吊销令牌',
  'demo.load': '载入演示数据',
  'login.throttled': '登录受限',
  'user.code': '发放一次性码',
  'search.id_no': '按证件号码查找',
  'write.out_of_scope': '辖区外写入被拒',
  'import.update': '导入更正',
  'import.income': '导入收入',
  'import.dry_run': '试导入',
  'import.refused': '导入被拒',
  'income.set': '登记收入',
  'export.registry': '导出名单',
  'export.roster': '导出花名册',
  'export.monitoring': '导出监测名单',
  'export.findings': '导出问题清单',
  'export.records': '导出帮扶记录',
  'proposal.open': '提出申请',
  'proposal.act': '办理申请',
  'proposal.override': '核查例外',
  'assessment.record': '登记评估',
  'workflow.load': '载入流程',
  'monitor.hold': '监测纳入或暂缓',
  'monitor.line': '设定监测标准',
  'line.set': '设定标准线',
  'monitor.dismiss': '排除预警',
  'programme.add': '登记救助',
  'assistance.create': '新建帮扶记录',
  'assistance.update': '修改帮扶记录',
  'assistance.settings': '修改帮扶设定',
  'supervision.create': '新建督查记录',
  'supervision.update': '修改督查记录',
  'check.run': '运行数据检查',
  'campaign.create': '新建专项行动',
  'campaign.close': '结束专项行动',
  'import.cadres': '导入帮扶责任人',
  'import.pairings': '导入结对帮扶',
  'import.measures': '导入帮扶措施',
  'import.post_payments': '导入岗位补贴',
  'import.loans': '导入扶贫贷款',
  'import.insurance': '导入参保名单',
  'finding.waive': '豁免问题',
  'finding.waive_request': '申请豁免',
  'finding.waive_confirm': '确认豁免',
  'finding.waive_refuse': '驳回豁免',
  'external.import': '导入比对名单',
  'external.read': '查看比对名单',
  'external.delete': '删除比对名单',
  'settings.set': '修改设定',
  'village.exit': '贫困村退出',
};

const KEYS = {
  type: '类型', status: '状态', effective: '生效', reason: '原因', batch: '批次', correction: '更正', before: '修改前', after: '修改后', rows: '行数', what: '内容', format: '格式',
  q: '查询', all: '全部', locked: '停用', date: '日期', proposal: '申请', step: '环节', decision: '结论', note: '意见', version: '版本', workflow: '流程',
  assessment: '评估', assessor: '评估人', source: '来源', programme: '项目', from: '起', to: '止', day: '日期', division: '区划', year: '年度', amount: '金额',
  households: '户数', persons: '人数', members: '人数', as_of: '截至', full: '完整证件号码', kind: '种类', rules: '规则', attribute: '户类型', cause: '致贫原因',
  list: '名单', file: '文件', stored: '存入', skipped: '跳过', matched: '比对一致', other_name: '姓名不同', errors: '错误', warnings: '提醒', lenient: '宽松',
  outcome: '结果', name: '名称', code: '代码', column: '列', message: '说明', value: '值', by: '方式', role: '角色', user: '账户',
  // a check run's counts, a warning dismissed, a proposal's step (they showed as English keys)
  findings: '问题数', opened: '新发现', reopened: '重新打开', closed: '已整改', waived: '已豁免', warning: '预警', override: '核查例外',
  security: '社会保障', rule: '规则', campaign: '专项行动', household: '户', records: '记录数', total: '总数', offset: '起始', limit: '每页',
  failed: '连续失败次数',
  // an account's before and after, a one-time code's half
  display_name: '姓名', must_change: '须改密码', part: '一次性码第几段', complete: '两段已齐',
  // a campaign's, and the fields of assistance records most often changed
  open: '待整改', fixed: '已整改', start: '开始日期', deadline: '整改期限', start_date: '开始日期', end_date: '结束日期',
  found: '发现问题', done: '帮扶内容', content: '帮扶内容', answer: '答复', answered_on: '答复日期', result: '处理结果',
  rectified_on: '整改完成日期', measure_date: '帮扶日期', visit_date: '走访日期', purpose: '走访主题', phone: '联系电话',
};
// a list's filter in a full view's detail: 0 is "none" (ref: 0, division: 0, from: 0 said nothing)
const ZERO_IS_NONE = new Set(['ref', 'division', 'from', 'to', 'offset', 'limit', 'household']);

// a proposal's steps and decisions, and a run of every rule, as the pages name them
const STEPS = { assess: '入户核实', review: '民主评议', notice: '村内公示', town: '乡镇审核', county: '县级审定', announce: '公告' };
const DECISIONS = { approve: '同意', reject: '不同意', object: '异议' };
// why a login failed (the answer to the user is one for all three: the log has the truth)
const LOGIN_REASONS = { unknown_user: '用户名不存在', bad_password: '密码错误', disabled: '账号已停用' };

function flat(v) {
  if (v === null || v === undefined) return '';
  if (v === true) return t('是');
  if (v === false) return t('否');
  if (Array.isArray(v)) return v.map(flat).join(' → ');
  if (typeof v === 'object')
    return Object.entries(v)
      .filter(([k]) => k !== 'pw_hash')
      .map(([k, x]) => `${KEYS[k] ? t(KEYS[k]) : k}${colon()}${typeof x === 'boolean' ? flat(x) : typeof x === 'object' && x !== null ? JSON.stringify(x) : x}`)
      .join(getLang() === 'en' ? ', ' : '，');
  return String(v);
}

const colon = () => (getLang() === 'en' ? ': ' : '：');

// A code of a list as its label (the code itself if the list does not have it).
function label(cl, list, code) {
  const x = cl && cl[list] && cl[list].find((c) => c.code === code);
  return x ? x.label : code;
}

// The detail of an audit row as one line of text: known keys named, codes as their labels, field changes as
// "字段：旧 → 新" (健康状况：健康 → 长期慢性病).
function detailText(d, cl) {
  if (!d || typeof d !== 'object') return null;
  const parts = [];
  for (const [k, v] of Object.entries(d)) {
    if (k === 'event' || k === 'member' || k === 'household_id') continue;   // an internal id says nothing
    if (ZERO_IS_NONE.has(k) && (v === 0 || v === '')) continue;
    if (k === 'changes' && v && typeof v === 'object') {
      // values the server left out for a reader who may not read households ("·"): the fields only
      const hidden = Object.entries(v).filter(([, x]) => Array.isArray(x) && x.every((y) => y === '·'));
      // a registry field by its label, a record's (end_date) by the words of KEYS (it showed the key)
      const name = (f) => (fieldLabel(f) === f && KEYS[f] ? t(KEYS[f]) : fieldLabel(f));
      for (const [f, x] of Object.entries(v)) if (!hidden.some(([g]) => g === f)) parts.push(`${name(f)}${colon()}${Array.isArray(x) ? x.map((y) => fieldValue(f, y, cl)).join(' → ') : flat(x)}`);
      if (hidden.length) parts.push(`${t('更正字段')}${colon()}${hidden.map(([f]) => name(f)).join(getLang() === 'en' ? ', ' : '、')}`);
      continue;
    }
    // a text the server leaves out for a reader who may not read households (a reason may name a person):
    // said to be there (the row read "—", as if none had been given)
    if (v === '·') {
      parts.push(`${KEYS[k] ? t(KEYS[k]) : k}${colon()}${t('（已隐去）')}`);
      continue;
    }
    let text = flat(v);
    if (k === 'type' && typeof v === 'string') text = label(cl, 'event', v);
    else if (k === 'step' && STEPS[v]) text = t(STEPS[v]);
    else if (k === 'decision' && DECISIONS[v]) text = t(DECISIONS[v]);
    else if (k === 'reason' && LOGIN_REASONS[v]) text = t(LOGIN_REASONS[v]);
    else if (k === 'rules' && v === '*') text = t('全部规则');
    else if (k === 'status' && Array.isArray(v)) text = v.map((s) => (s ? label(cl, 'status', s) : '—')).join(' → ');
    parts.push(`${KEYS[k] ? t(KEYS[k]) : k}${colon()}${text}`);
  }
  return parts.join(getLang() === 'en' ? '; ' : '；');
}

export async function auditView({ el, query, navigate, signal }) {
  const from = query.get('from') || '';
  const to = query.get('to') || '';
  const actor = query.get('actor') || '';
  const action = query.get('action') || '';
  const object = query.get('object') || '';
  const page = Math.max(1, Number(query.get('page')) || 1);
  mount(el, loading());
  const [data, cl] = await Promise.all([get('/api/audit', { from, to, actor, action, object, page, per_page: 50 }, { signal }), loadCodes()]);
  const go = (p) =>
    navigate(`/audit?${new URLSearchParams(Object.entries({ from, to, actor, action, object, page: p.page ?? '', ...p }).filter(([, v]) => v !== '' && v !== null && v !== undefined))}`);
  const fromIn = dateInput(from, { name: 'from' });
  const toIn = dateInput(to, { name: 'to' });
  const actorIn = h('input', { class: 'input input-short', name: 'actor', value: actor, maxlength: 64, placeholder: t('操作人'), 'aria-label': t('操作人') });
  const actionIn = select(
    Object.entries(ACTIONS).map(([code, l]) => ({ code, label: t(l) })),
    action,
    { blank: t('全部操作'), name: 'action' },
  );
  const objectIn = h('input', { class: 'input input-short', name: 'object', value: object, maxlength: 128, placeholder: t('对象（户编号、用户名）'), 'aria-label': t('对象') });
  const filtered = Boolean(from || to || actor || action || object);
  const filters = h(
    'form',
    {
      class: 'filters',
      on: {
        submit: (e) => {
          e.preventDefault();
          go({ from: fromIn.value, to: toIn.value, actor: actorIn.value.trim(), action: actionIn.value, object: objectIn.value.trim(), page: '' });
        },
      },
    },
    h('label', { class: 'inline-field' }, h('span', t('从')), fromIn),
    h('label', { class: 'inline-field' }, h('span', t('到')), toIn),
    actorIn,
    actionIn,
    objectIn,
    h('button', { class: 'btn btn-primary', type: 'submit' }, t('查询')),
    filtered ? h('button', { class: 'btn', type: 'button', on: { click: () => navigate('/audit') } }, t('清除条件')) : null,
  );

  const result = h('div', { class: 'verify-result', 'data-verify': '' });
  const vbtn = h('button', { class: 'btn', type: 'button', 'data-action': 'verify' }, icon('shield'), h('span', t('核验日志完整性')));
  vbtn.addEventListener(
    'click',
    busyButton(vbtn, async () => {
      mount(result, loading(t('正在逐条核验…')));
      try {
        const v = await get('/api/audit/verify');
        mount(
          result,
          v.intact
            ? h(
                'div',
                { class: 'notice notice-ok', 'data-intact': '1' },
                icon('check'),
                h(
                  'div',
                  h('span', t('日志完整：{n} 条记录的哈希链和密钥校验链全部吻合，核对锚点 {a} 个。', { n: v.rows, a: v.anchors })),
                  h('div', { class: 'muted', 'data-head': `${v.head.row}:${v.head.mac}` }, t('链头（可抄下保存，日后核对）：'), h('span', { class: 'mono' }, `${v.head.row}:${v.head.mac}`)),
                ),
              )
            : h('div', { class: 'notice notice-error', 'data-intact': '0', 'data-check': v.check || '' }, icon('alert'), h('span', v.first_broken ? t('日志被改动（检查项：{check}）：第 {id} 条起不符（{why}）。', { check: v.check, id: v.first_broken, why: v.why }) : t('日志无法核验（检查项：{check}）：{why}', { check: v.check, why: v.why }))),
        );
      } catch (err) {
        mount(result, errorBox(err));
      }
    }),
  );

  const cols = [
    { title: t('序号'), key: 'id', cls: 'num muted', render: (r) => String(r.id) },
    { title: t('时间'), key: 'at', cls: 'nowrap', render: (r) => r.at },
    { title: t('操作人'), key: 'actor', cls: 'mono', render: (r) => r.actor },
    { title: t('操作类型'), key: 'action', cls: 'nowrap', render: (r) => h('span', { title: r.action }, ACTIONS[r.action] ? t(ACTIONS[r.action]) : r.action) },
    { title: t('对象'), key: 'object', cls: 'mono', render: (r) => r.object || '' },
    { title: t('内容'), key: 'detail', cls: 'detail', render: (r) => detailText(r.detail, cl) || h('span', { class: 'muted' }, '—') },
    { title: t('地址'), key: 'ip', cls: 'mono muted', render: (r) => r.ip || '' },
  ];
  mount(
    el,
    h(
      'div',
      { class: 'page page-audit' },
      pageHeader({ title: t('审计日志'), subtitle: t('每次写入、登录和查看完整证件号码都记入日志；日志逐条以哈希相连，任何改动都能被发现'), actions: vbtn }),
      result,
      h(
        'section',
        { class: 'card', 'data-card': 'audit' },
        h('div', { class: 'card-body' }, filters),
        h('div', { class: 'card-body flush' }, data.items.length ? [table(cols, data.items, { class: 'table-audit', rowData: (r) => ({ action: r.action, object: r.object || '' }) }), pager(data, (p) => go({ page: p }))] : empty(filtered ? t('没有符合条件的记录') : t('这段时间没有记录'))),
      ),
    ),
  );
}
