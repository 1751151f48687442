// monitor.js: 防返贫监测. The monitoring figures by town or village (GET /api/monitor/stats, the same as `tuopin
// monitor stats`), the early warnings (GET /api/monitor/warnings) with their two ways out — dismissed with a
// reason (POST /api/monitor/dismissals) or “纳入监测”: a monitor_in proposal opened from the warning's household,
// its type, risk and channel prefilled (POST /api/proposals) — and the monitoring list with filters (type, risk,
// state; “超期” lists the monitor_in proposals past the 15-day limit). Also the monitoring card of the household
// page (GET /api/households/:no/monitoring).

import { get, post, qs } from '../api.js';
import { h, mount } from '../dom.js';
import { t, getLang } from '../i18n.js';
import { asOf, actDay, link, can } from '../state.js';
import { today } from '../format.js';
import { pageHeader, card, table, empty, loading, icon, field, select, input, dateInput, pager } from '../ui.js';
import { formDialog } from './forms.js';

const TYPES = [
  { code: 'unstable', label: '脱贫不稳定户' },
  { code: 'marginal', label: '边缘易致贫户' },
  { code: 'sudden', label: '突发严重困难户' },
];
const RISKS = [
  { code: 'illness', label: '因病' },
  { code: 'school', label: '因学' },
  { code: 'disability', label: '因残' },
  { code: 'disaster', label: '因自然灾害' },
  { code: 'accident', label: '因意外事故' },
  { code: 'industry', label: '因产业项目失败' },
  { code: 'employment', label: '因务工就业不稳' },
  { code: 'labour', label: '缺劳动力' },
  { code: 'housing', label: '因安全住房' },
  { code: 'water', label: '因安全饮水' },
  { code: 'other', label: '其他' },
];
const CHANNELS = [
  { code: 'self', label: '农户自主申报' },
  { code: 'screening', label: '干部排查' },
  { code: 'department', label: '部门筛查预警' },
  { code: 'supervision', label: '监督渠道反馈' },
  { code: 'platform', label: '平台监测分析' },
];
const RULE_TAG = { low_income: 'tag-red', income_fall: 'tag-amber', health: 'tag-blue', medical_cost: 'tag-blue', disaster: 'tag-amber', labour_death: 'tag-red' };

const hp = (x) => t('{h}户{p}人', { h: x.households, p: x.persons });
const hpCell = (x) => (x.households ? hp(x) : h('span', { class: 'muted' }, '—'));

function ruleTag(w) {
  return h('span', { class: ['tag', RULE_TAG[w.rule]], 'data-rule': w.rule }, w.rule_label);
}

// The type and the risks in the words of the filters (i18n), the server's label only for a code unknown here.
export function typeLabel(code, label) {
  const x = TYPES.find((y) => y.code === code);
  return x ? t(x.label) : label || '';
}

function typeTag(code, label) {
  const cls = { unstable: 'tag-amber', marginal: 'tag-blue', sudden: 'tag-red' }[code];
  return code ? h('span', { class: ['tag', cls] }, typeLabel(code, label)) : '';
}

export function riskText(codes, labels) {
  return (codes || []).map((c, i) => {
    const x = RISKS.find((y) => y.code === c);
    return x ? t(x.label) : labels[i];
  }).join(getLang() === 'en' ? ', ' : '、');
}

// 监测中, or 监测中（兜底保障） for a household without labour capacity kept under social security
const monitoredTag = (held) => h('span', { class: 'tag tag-amber' }, held ? t('监测中（兜底保障）') : t('监测中'));

// The dialog that dismisses a warning: a reason is required.
function dismissDialog(w, done) {
  const reason = input('', { name: 'reason', maxlength: 200, placeholder: t('例如：入户核实，外出务工收入漏报，实际收入高于监测标准') });
  return formDialog({
    title: t('排除预警：{name}户', { name: w.head || w.household }),
    intro: `${w.rule_label}：${w.detail}`,
    content: [field({ name: 'reason', label: t('排除理由'), control: reason, wide: true, required: true })],
    okText: t('排除预警'),
    done,
    // the warning as listed: as of the page's 截至 day (a warning of a past day is looked up on that day; without it
    // the server looked for it today and answered that it did not exist)
    send: () => post('/api/monitor/dismissals', { key: w.key, reason: reason.value.trim(), ...(actDay() !== today() ? { date: actDay() } : {}) }),
  });
}

// The fields of a monitor_in proposal (type, channel, risks, situation, day): prefilled from a warning w, or
// empty (the type from the household's status) from the household page. body() reads them.
export function monitorInFields(hh, w, { channelName = 'channel' } = {}) {
  const type = select(TYPES.map((x) => ({ code: x.code, label: t(x.label) })), (w && w.suggested_type) || (hh.status === 'ordinary' ? 'marginal' : 'unstable'), { name: 'monitor_type' });
  const suggested = w && w.suggested_risk;
  const boxes = RISKS.map((r) => h('label', { class: 'check-chip' }, h('input', { type: 'checkbox', name: 'risks', value: r.code, checked: r.code === suggested }), h('span', t(r.label))));
  const risks = h('div', { class: 'check-chips', role: 'group', 'aria-label': t('风险类型') }, boxes);
  // from a warning the platform found it; from the household page the officer says how (it came set to 干部排查,
  // a required field answered for the user)
  const channel = select(CHANNELS.map((c) => ({ code: c.code, label: t(c.label) })), w ? 'platform' : '', { name: channelName, blank: t('（请选择）') });
  // the situation from the warning; a health warning's without the member and the state (the reason goes to the
  // 公示, the 公告 and the household's history, where health is never shown: the risk type says 因病/因残)
  const reason = input(w ? (w.rule === 'health' ? `${w.rule_label}（${w.day}）` : `${w.rule_label}：${w.detail}`) : '', { name: 'reason', maxlength: 200 });
  const nodes = [
    field({ name: 'monitor_type', label: t('监测对象类别'), control: type, required: true }),
    field({ name: channelName, label: t('发现渠道'), control: channel, required: true }),
    field({ name: 'risks', label: t('风险类型（最多 5 项）'), control: risks, wide: true, required: true }),
  ];
  const body = () => {
    const b = { type: 'monitor_in', household: hh.household, monitor_type: type.value, channel: channel.value, risks: boxes.map((x) => x.querySelector('input')).filter((i) => i.checked).map((i) => i.value) };
    if (reason.value.trim()) b.reason = reason.value.trim();
    return b;
  };
  return { nodes, reason, body };
}

export const MONITOR_IN_INTRO = '经入户核实、民主评议、村内公示（不少于 5 天）、乡镇审核、县级审定后纳入监测；从发现到审定一般不超过 15 天。';

// The monitor_in proposal for a household, prefilled from a warning (or empty from the household page).
export function monitorInDialog(hh, w, done) {
  const f = monitorInFields(hh, w);
  const date = dateInput(actDay(), { name: 'date', label: t('发现日期') });
  return formDialog({
    title: t('纳入监测：{name}户', { name: hh.head || hh.household }),
    intro: t(MONITOR_IN_INTRO),
    content: [...f.nodes, field({ name: 'reason', label: t('情况说明'), control: f.reason, wide: true }), field({ name: 'date', label: t('发现日期'), control: date, required: true })],
    okText: t('提出纳入监测申请'),
    wide: true,
    done,
    send: () => post('/api/proposals', { ...f.body(), date: date.value }),
  });
}

// The risk_eliminate proposal for a household's open case (from the household page's monitoring card): the way
// (帮扶消除 or 自然消除) and the day; the server checks the latest income against the monitoring line and the
// household's labour capacity, and walks it through the same steps as 纳入监测.
export function riskEliminateDialog(no, done) {
  const way = select([{ code: 'help', label: t('帮扶消除') }, { code: 'natural', label: t('自然消除') }], 'help', { name: 'way' });
  const reason = input('', { name: 'reason', maxlength: 200 });
  const date = dateInput(actDay(), { name: 'date', label: t('申请日期') });
  return formDialog({
    title: t('申请风险消除：户编号 {no}', { no }),
    intro: t('收入稳定超过当年监测标准、“两不愁三保障”及饮水安全有保障、风险已稳定消除的，经入户核实、民主评议、村内公示、乡镇审核、县级审定后标注风险消除；无劳动能力的监测户落实社会保障后继续监测。'),
    content: [
      field({ name: 'way', label: t('消除方式'), control: way, required: true }),
      field({ name: 'date', label: t('申请日期'), control: date, required: true }),
      field({ name: 'reason', label: t('情况说明'), control: reason, wide: true }),
    ],
    okText: t('提出风险消除申请'),
    done,
    send: () => {
      const body = { type: 'risk_eliminate', household: no, way: way.value, date: date.value };
      if (reason.value.trim()) body.reason = reason.value.trim();
      return post('/api/proposals', body);
    },
  });
}

function statsTable(d, by, go) {
  const cols = [
    // a town's row narrows the page to the town, by village (the address keeps it)
    { title: by === 'village' ? t('行政村') : t('乡镇'), key: 'name', render: (r) => (r.code && by === 'town' ? h('a', { href: link('/monitor', { division: r.code, by: 'village' }), 'data-division': r.code, on: { click: (e) => { e.preventDefault(); go({ division: r.code, by: 'village' }); } } }, r.name) : r.name) },
    { title: t('监测对象'), key: 'monitored', cls: 'num', render: (r) => hpCell(r.monitored) },
    { title: t('脱贫不稳定户'), key: 'unstable', cls: 'num', render: (r) => hpCell(r.by_type.unstable) },
    { title: t('边缘易致贫户'), key: 'marginal', cls: 'num', render: (r) => hpCell(r.by_type.marginal) },
    { title: t('突发严重困难户'), key: 'sudden', cls: 'num', render: (r) => hpCell(r.by_type.sudden) },
    { title: t('风险已消除'), key: 'eliminated', cls: 'num', render: (r) => hpCell(r.eliminated) },
    { title: t('本年新识别'), key: 'new', cls: 'num', render: (r) => hpCell(r.identified_this_year) },
  ];
  // a village's page: the village itself, one row under its own name (it showed an empty 乡镇 column and 合计)
  if (d.division.level === 'village') {
    cols[0] = { title: t('行政村'), key: 'name', render: (r) => r.name };
    return table(cols, [Object.assign({ name: d.division.name }, d.totals)], { class: 'table-compact table-monitor-stats', rowData: () => ({ code: d.division.code }) });
  }
  const total = Object.assign({ name: t('合计') }, d.totals);
  return table(cols, [...d.rows, total], { class: 'table-compact table-monitor-stats', rowData: (r) => ({ code: r.code || 'total' }) });
}

function warningsTable(ws, { navigate, reload }) {
  const writable = can('write');
  const cols = [
    { title: t('户主'), key: 'head', render: (w) => [h('a', { href: link(`/households/${w.household}`) }, w.head || w.household), h('div', { class: 'muted mono small' }, w.household)] },
    { title: t('所在村'), key: 'village', cls: 'nowrap', render: (w) => [w.town.name || '', ' ', w.village.name || ''] },
    { title: t('户类型'), key: 'status', render: (w) => w.household_status_label },
    { title: t('人数'), key: 'persons', cls: 'num', render: (w) => String(w.persons) },
    { title: t('预警类型'), key: 'rule', render: ruleTag },
    { title: t('情况'), key: 'detail', render: (w) => w.detail },
    {
      title: t('处理'),
      key: 'action',
      cls: 'nowrap',
      render: (w) => {
        if (w.dismissed) return h('span', { class: 'muted', title: w.dismissed.reason }, t('已排除：{r}', { r: w.dismissed.reason }));
        if (w.proposal) return h('a', { class: 'tag tag-blue', href: link(`/proposals/${w.proposal}`) }, t('已提出申请 #{n}', { n: w.proposal }));
        if (!writable) return h('span', { class: 'tag' }, t('待核实'));
        return h(
          'span',
          { class: 'btn-row' },
          h('button', { class: 'btn btn-sm btn-primary', type: 'button', 'data-action': 'monitor-in', on: { click: () => monitorInDialog(w, w, (p) => navigate(link(`/proposals/${p.id}`))) } }, t('纳入监测')),
          h('button', { class: 'btn btn-sm', type: 'button', 'data-action': 'dismiss', on: { click: () => dismissDialog(w, reload) } }, t('排除')),
        );
      },
    },
  ];
  if (!ws.length) return empty(t('没有待核实的预警'), t('收入、健康状况有变化时，系统会在这里提示。'));
  return table(cols, ws, { class: 'table-compact table-warnings', rowData: (w) => ({ key: w.key, rule: w.rule }) });
}

function listTable(shown) {
  const cols = [
    { title: t('户主'), key: 'head', render: (r) => [h('a', { href: link(`/households/${r.household}`) }, r.head || r.household), h('div', { class: 'muted mono small' }, r.household)] },
    { title: t('所在村'), key: 'village', render: (r) => [r.town.name || '', ' ', r.village.name || ''] },
    { title: t('人数'), key: 'persons', cls: 'num', render: (r) => String(r.persons) },
    { title: t('监测对象类别'), key: 'type', render: (r) => typeTag(r.monitor_type, r.monitor_type_label) },
    { title: t('风险类型'), key: 'risks', render: (r) => riskText(r.risks, r.risk_labels) },
    { title: t('识别监测时间'), key: 'identified', cls: 'nowrap', render: (r) => r.identified },
    { title: t('状态'), key: 'state', render: (r) => (r.state === 'monitored' ? monitoredTag(r.held) : h('span', { class: 'tag tag-green' }, `${r.way_label || t('风险已消除')} ${r.eliminated}`)) },
    { title: t('帮扶救助项目'), key: 'programmes', render: (r) => r.programme_labels.join('、') },
  ];
  if (!shown.length) return empty(t('没有符合条件的监测对象'));
  return table(cols, shown, { class: 'table-compact table-monitor-list', rowData: (r) => ({ household: r.household, state: r.state }) });
}

function overdueTable(rows) {
  const cols = [
    { title: t('编号'), key: 'id', cls: 'num', render: (p) => h('a', { href: link(`/proposals/${p.id}`) }, String(p.id)) },
    { title: t('户主'), key: 'head', render: (p) => [h('a', { href: link(`/households/${p.household}`) }, p.head || p.household), h('div', { class: 'muted mono small' }, p.household)] },
    { title: t('所在村'), key: 'village', render: (p) => [p.division.town || '', ' ', p.division.name] },
    { title: t('提出日期'), key: 'opened', cls: 'nowrap', render: (p) => p.opened },
    { title: t('办结时限'), key: 'deadline', cls: 'nowrap', render: (p) => p.deadline || '' },
    { title: t('当前步骤'), key: 'step', render: (p) => [p.step_label || '', ' ', h('span', { class: 'tag tag-red' }, t('超期'))] },
  ];
  if (!rows.length) return empty(t('没有超期未办结的纳入监测申请'));
  return table(cols, rows, { class: 'table-compact table-overdue' });
}

// /monitor?by=town|village&type=&risk=&state=&overdue=1&division=
export async function monitorView({ el, query, navigate, render, signal }) {
  const day = asOf() || today();
  const by = query.get('by') === 'village' ? 'village' : 'town';
  const division = query.get('division') || '';
  const f = { type: query.get('type') || '', risk: query.get('risk') || '', state: query.get('state') || '', overdue: query.get('overdue') === '1' };
  const timer = setTimeout(() => mount(el, loading()), 150);
  let stats, warnings, list, overdue;
  try {
    [stats, warnings, list, overdue] = await Promise.all([
      get('/api/monitor/stats', { as_of: day, by, division }, { signal }),
      get('/api/monitor/warnings', { as_of: day, division }, { signal }),
      get('/api/monitor/list', { as_of: day, division, type: f.type, risk: f.risk, state: f.state }, { signal }),
      f.overdue ? get('/api/proposals', { type: 'monitor_in', state: 'open', division, per_page: 200 }, { signal }) : null,
    ]);
  } finally {
    clearTimeout(timer);
  }
  const go = (patch) => {
    const p = new URLSearchParams(location.search);
    // a new filter starts the list at its first page
    if (!('page' in patch) && !('wpage' in patch)) p.delete('page');
    for (const [k, v] of Object.entries(patch)) (v ? p.set(k, v) : p.delete(k));
    navigate(`/monitor${p.toString() ? `?${p}` : ''}`, { keepScroll: true });
  };
  // the warnings and the list 50 a page (a district has hundreds of each)
  const PER = 50;
  const pageOf = (name, n) => Math.min(Math.max(1, Number(query.get(name)) || 1), Math.max(1, Math.ceil(n / PER)));
  const wpage = pageOf('wpage', warnings.rows.length), lpage = pageOf('page', list.rows.length);
  const paged = (rows, page) => rows.slice((page - 1) * PER, page * PER);
  const pagerOf = (n, page, name) => (n > PER ? pager({ total: n, page, per_page: PER }, (x) => go({ [name]: String(x) })) : null);
  const tot = stats.totals;
  const kpi = (name, title, x, note, cls) => h('div', { class: ['kpi', cls], 'data-kpi': name }, h('div', { class: 'kpi-title' }, title), h('div', { class: 'kpi-value' }, h('span', { class: 'asst-num' }, String(x.households)), h('span', { class: 'asst-unit' }, t('户'))), h('div', { class: 'kpi-note' }, note));
  const filterSel = (name, options, value, blank) => {
    const s = select(options.map((o) => ({ code: o.code, label: t(o.label) })), value, { name, blank });
    s.addEventListener('change', () => go({ [name]: s.value }));
    return h('label', { class: 'filter' }, s);
  };
  const overdueBtn = h('button', { class: ['btn', 'btn-sm', f.overdue && 'btn-primary'], type: 'button', 'data-filter': 'overdue', 'aria-pressed': String(f.overdue), on: { click: () => go({ overdue: f.overdue ? '' : '1' }) } }, t('超期未办结'));
  const filters = h(
    'div',
    { class: 'filters monitor-filters', 'data-card': 'filters' },
    filterSel('type', TYPES, f.type, t('全部类别')),
    filterSel('risk', RISKS, f.risk, t('全部风险')),
    filterSel('state', [{ code: 'monitored', label: '监测中' }, { code: 'eliminated', label: '风险已消除' }], f.state, t('全部状态')),
    overdueBtn,
  );
  // the lists of the national export (DOMAIN.md §9.3) as Excel, as of the day, for the division shown
  const exportLinks = can('export')
    ? [
        ['objects', t('导出监测对象名单')],
        ['marginal', t('边缘易致贫人口名单')],
        ['exited', t('脱贫人口名单')],
      ].map(([list, label], i) => h('a', { class: ['btn', i && 'btn-ghost'], href: `/api/exports/monitoring${qs({ list, as_of: day, division, format: 'xlsx' })}`, download: '', 'data-action': `export-${list}`, title: t('按国家系统导出格式（证件号码、电话、账号、健康状况已脱敏）') }, i ? null : icon('download'), h('span', label)))
    : [];
  const overdueRows = overdue ? (overdue.rows || []).filter((p) => p.overdue) : [];
  const byTabs = h(
    'span',
    { class: 'seg' },
    ['town', 'village'].map((b) => h('button', { class: ['seg-btn', by === b && 'active'], type: 'button', 'data-by': b, on: { click: () => go({ by: b === 'town' ? '' : b }) } }, b === 'town' ? t('按乡镇') : t('按村'))),
  );
  mount(
    el,
    h(
      'div',
      { class: 'page page-monitor' },
      pageHeader({ title: t('防返贫监测'), badge: h('span', { class: 'tag tag-level' }, stats.division.name), subtitle: t('截至 {d}', { d: stats.as_of }), actions: exportLinks }),
      h(
        'div',
        { class: 'kpis asst-kpis' },
        kpi('monitored', t('监测对象'), tot.monitored, t('{p} 人，其中兜底保障 {h} 户', { p: tot.monitored.persons, h: tot.held.households }), 'kpi-returned'),
        kpi('eliminated', t('风险已消除'), tot.eliminated, t('帮扶消除 {a} 户，自然消除 {b} 户', { a: tot.by_way.help.households, b: tot.by_way.natural.households }), 'kpi-exited'),
        kpi('new', t('本年新识别'), tot.identified_this_year, t('本年消除 {n} 户', { n: tot.eliminated_this_year.households })),
        h('div', { class: ['kpi', warnings.total.warnings && 'kpi-poor'], 'data-kpi': 'warnings' }, h('div', { class: 'kpi-title' }, t('监测预警')), h('div', { class: 'kpi-value' }, h('span', { class: 'asst-num' }, String(warnings.total.warnings)), h('span', { class: 'asst-unit' }, t('条'))), h('div', { class: 'kpi-note' }, t('涉及 {n} 户，待核实', { n: warnings.total.households }))),
      ),
      h(
        'div',
        { class: 'grid' },
        card(t('监测预警'), [warningsTable(paged(warnings.rows, wpage), { navigate, reload: () => render() }), pagerOf(warnings.rows.length, wpage, 'wpage')], { class: 'span-12', name: 'warnings', flush: true, tools: h('span', { class: 'muted small', 'data-rules': '' }, t('收入低于监测标准、收入下降 {s}% 以上、新增大病或残疾成员、医保自付 {m} 元以上、受灾、主要劳动力死亡', { s: warnings.fall_share, m: String(warnings.medical_cost_threshold).replace(/\.00$/, '') })) }),
        card(t('监测对象分布'), statsTable(stats, by, go), { class: 'span-12', name: 'stats', flush: true, tools: stats.division.level === 'village' ? null : byTabs }),
        card(f.overdue ? t('超期未办结的纳入监测申请') : t('监测对象名单'), [filters, f.overdue ? overdueTable(overdueRows) : [listTable(paged(list.rows, lpage)), pagerOf(list.rows.length, lpage, 'page')]], { class: 'span-12', name: 'list', flush: true, tools: f.overdue ? null : h('span', { class: 'muted small' }, t('共 {h} 户 {p} 人', { h: list.total.households, p: list.total.persons })) }),
      ),
    ),
  );
}

// The household page's card: every monitoring case, oldest first, and the programme memberships.
export async function monitoringCard(no, signal, navigate) {
  let d;
  try {
    d = await get(`/api/households/${no}/monitoring`, {}, { signal });
  } catch {
    return null;
  }
  if (!d.cases.length && !d.programmes.length) return null;
  const cols = [
    { title: t('次序'), key: 'seq', cls: 'num', render: (c) => String(c.seq) },
    { title: t('监测对象类别'), key: 'type', render: (c) => typeTag(c.monitor_type, c.monitor_type_label) },
    { title: t('风险类型'), key: 'risks', render: (c) => riskText(c.risks, c.risk_labels) },
    { title: t('发现渠道'), key: 'channel', render: (c) => c.channel_label || '' },
    { title: t('识别监测时间'), key: 'identified', cls: 'nowrap', render: (c) => c.identified },
    { title: t('状态'), key: 'state', render: (c) => (c.state === 'monitored' ? monitoredTag(!!c.security_day) : h('span', { class: 'tag tag-green' }, `${c.way_label || t('风险已消除')} ${c.eliminated}`)) },
    { title: t('申请'), key: 'proposal', render: (c) => [c.open_proposal ? h('a', { href: link(`/proposals/${c.open_proposal}`) }, `#${c.open_proposal}`) : null, c.close_proposal ? [' ', h('a', { href: link(`/proposals/${c.close_proposal}`) }, `#${c.close_proposal}`)] : null] },
  ];
  const progs = d.programmes.length ? h('p', { class: 'monitor-progs' }, t('帮扶救助项目：'), d.programmes.map((p, i) => [i ? '；' : '', `${p.label} ${p.from} 起${p.to ? `至 ${p.to}` : ''}`])) : null;
  // a case under monitoring can be proposed for elimination by those who write (the server refuses a second open one)
  const open = d.cases.find((c) => c.state === 'monitored');
  const tools = open && can('write')
    ? h('button', { class: 'btn btn-sm', type: 'button', 'data-action': 'risk-eliminate', on: { click: () => riskEliminateDialog(no, (p) => navigate(link(`/proposals/${p.id}`))) } }, t('申请风险消除'))
    : null;
  return card(t('防返贫监测'), [d.cases.length ? table(cols, d.cases, { class: 'table-compact', rowData: (c) => ({ seq: c.seq, state: c.state }) }) : null, progs], { class: 'span-12', name: 'monitoring', flush: true, tools });
}
