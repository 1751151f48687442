// assistance.js: 帮扶工作 — the figures of a period and a division (GET /api/assistance, the same as `tuopin
// assistance`): projects and workshops and the persons they help, posts, job fairs, loans, health, insurance,
// 雨露计划 and charity; who has a cadre, who was visited in time, who is insured; measures by category and
// loans; with downloads (CSV, Excel). Also the households without a cadre or overdue for a visit
// (/assistance/households), a cadre's own households (/assistance/mine), the project assets' ledgers
// (/assistance/ledger) and the directory of every kind of record.

import { get, qs } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { state, can, asOf, link } from '../state.js';
import { nhmr, today, isDate, statusBadge } from '../format.js';
import { pageHeader, card, table, empty, loading, icon, dateInput, select, pager } from '../ui.js';
import { kinds } from './assistance-records.js';

const yuan = (v) => Number(v || 0).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (v) => `${(Number(v || 0) * 100).toFixed(2).replace(/\.00$/, '')}%`;

// The user's division and those right below it.
let divCache = null;
async function divisionChoices(signal) {
  const who = state.me ? state.me.name : '';
  if (divCache && divCache.who === who) return divCache.list;
  const d = await get('/api/divisions', null, { signal });
  divCache = { who, list: [{ code: d.division.code, label: d.division.name }, ...d.rows.map((r) => ({ code: r.code, label: r.name }))] };
  return divCache.list;
}

// The period filter shared by the assistance and supervision screens.
export function periodFilter({ from, to, division, choices, navigate, path }) {
  const fromIn = dateInput(from, { name: 'from', label: t('起始日期') });
  const toIn = dateInput(to, { name: 'to', label: t('截止日期') });
  let divSel = null;
  if (choices && choices.length > 1) {
    divSel = select(choices, division || choices[0].code, { name: 'division' });
    divSel.setAttribute('aria-label', t('区划'));
  }
  const problem = h('span', { class: 'asst-problem warn-text', role: 'alert' });
  const form = h(
    'form',
    {
      class: 'filters asst-filters',
      on: {
        submit: (e) => {
          e.preventDefault();
          const f = fromIn.value;
          const u = toIn.value;
          if (!isDate(f) || !isDate(u)) return (problem.textContent = t('请填写日期（YYYY-MM-DD）。'));
          if (f > u) return (problem.textContent = t('起始日期不能晚于截止日期。'));
          navigate(link(path, { from: f, to: u, division: divSel && divSel.value !== choices[0].code ? divSel.value : null }));
        },
      },
    },
    h('label', { class: 'inline-field' }, h('span', t('从')), fromIn),
    h('label', { class: 'inline-field' }, h('span', t('到')), toIn),
    divSel ? h('label', { class: 'inline-field' }, h('span', t('区划')), divSel) : null,
    h('button', { class: 'btn btn-primary', type: 'submit', 'data-action': 'query' }, t('统计')),
    problem,
  );
  if (divSel) divSel.addEventListener('change', () => form.requestSubmit());
  return form;
}

function tile(key, title, main, unit, note, tone) {
  return h(
    'div',
    { class: ['kpi', 'asst-kpi', tone && `kpi-${tone}`], 'data-kpi': key },
    h('div', { class: 'kpi-title' }, title),
    h('div', { class: 'kpi-value asst-kpi-value' }, h('span', { class: 'asst-num' }, main), unit ? h('span', { class: 'asst-unit' }, unit) : null),
    note ? h('div', { class: 'kpi-note' }, note) : null,
  );
}

function rowOf(d, code) {
  return d.rows.find((r) => r.code === code) || { records: 0, households: 0, persons: 0, amount: 0, jobs: 0 };
}

function tiles(d) {
  const r = (c) => rowOf(d, c);
  return h(
    'div',
    { class: 'kpis asst-kpis' },
    tile('industry_project', t('特色产业扶贫项目'), String(r('industry_project').records), t('个'), t('扶贫就业车间 {n} 处', { n: r('workshop').records })),
    tile('project_beneficiaries', t('项目和车间带动贫困人口'), String(r('project_beneficiaries').persons), t('人'), t('务工、分红收入 {y} 元', { y: yuan(r('project_beneficiaries').amount) })),
    tile('public_post', t('公益性岗位补贴'), yuan(r('public_post').amount), t('元'), t('{n} 个岗位 {p} 人', { n: r('public_post').records, p: r('public_post').persons })),
    tile('job_fair', t('精准扶贫招聘会'), String(r('job_fair').records), t('场'), t('提供就业岗位 {n} 个', { n: r('job_fair').jobs })),
    tile('loan_fumin_production', t('富民生产贷'), yuan(r('loan_fumin_production').amount), t('元'), t('帮扶贫困人口 {n} 人', { n: r('loan_fumin_production').persons })),
    tile('health_checkup', t('免费查体'), String(r('health_checkup').persons), t('人'), t('医保覆盖 {p}，财政代缴 {y} 元', { p: pct(d.coverage.medical_insurance), y: yuan(r('medical_insurance').amount) }), 'exited'),
    tile('yulu', t('雨露计划'), String(r('yulu').persons), t('名学生'), t('补助 {y} 元', { y: yuan(r('yulu').amount) })),
    tile('charity_card', t('慈善扶贫救助卡'), yuan(r('charity_card').amount), t('元'), t('发放 {n} 户；慈善慰问 {m} 户', { n: r('charity_card').households, m: r('charity_visit').households })),
  );
}

function coverageCard(d, counts) {
  const b = d.coverage_base;
  const bar = (key, title, share, part, whole, unit, href) =>
    h(
      'div',
      { class: 'asst-bar', 'data-coverage': key },
      h('div', { class: 'asst-bar-head' }, h('span', title), h('span', { class: 'asst-bar-pct' }, pct(share))),
      h('div', { class: 'asst-bar-track' }, h('div', { class: ['asst-bar-fill', share < 1 && 'partial'], style: { width: `${Math.round(share * 1000) / 10}%` } })),
      h('div', { class: 'asst-bar-note muted' }, t('{part}/{whole} {unit}', { part, whole, unit }), href ? [' · ', h('a', { href }, t('查看'))] : null),
    );
  return card(
    t('落实情况（截至 {date}）', { date: d.to }),
    [
      h('p', { class: 'asst-base muted' }, t('未脱贫、返贫和已脱贫仍享受政策的 {h} 户 {p} 人', { h: b.households, p: b.persons })),
      bar('cadre', t('落实帮扶责任人'), d.coverage.cadre, b.with_cadre, b.households, t('户'), counts.unassigned ? link('/assistance/households', { which: 'unassigned', as_of: d.to }) : null),
      bar('visited', t('{n} 天内走访', { n: b.visit_days }), d.coverage.visited, b.visited, b.households, t('户'), counts.overdue ? link('/assistance/households', { which: 'overdue', as_of: d.to }) : null),
      bar('medical_insurance', t('居民医疗保险'), d.coverage.medical_insurance, b.insured_medical, b.persons, t('人')),
      bar('serious_illness_insurance', t('大病保险'), d.coverage.serious_illness_insurance, b.insured_serious_illness, b.persons, t('人')),
    ],
    { class: 'span-4', name: 'coverage' },
  );
}

function rowsCard(d) {
  const cols = [
    { title: t('项目'), key: 'label', render: (r) => r.label },
    { title: t('记录数'), key: 'records', cls: 'num', render: (r) => String(r.records) },
    { title: t('帮扶对象'), key: 'nhmr', cls: 'num', render: (r) => nhmr(r) },
    { title: t('金额（元）'), key: 'amount', cls: 'num', render: (r) => yuan(r.amount) },
    { title: t('岗位数'), key: 'jobs', cls: 'num', render: (r) => (r.jobs ? String(r.jobs) : '') },
  ];
  return card(t('帮扶情况 {from} 至 {to}', { from: d.from, to: d.to }), table(cols, d.rows, { class: 'table-assist', rowData: (r) => ({ code: r.code }) }), { class: 'span-8', name: 'rows', flush: true });
}

function measuresCard(d) {
  const cols = [
    { title: t('帮扶类别'), key: 'label', render: (r) => r.label },
    { title: t('记录数'), key: 'records', cls: 'num', render: (r) => String(r.records) },
    { title: t('帮扶对象'), key: 'nhmr', cls: 'num', render: (r) => nhmr(r) },
    { title: t('金额（元）'), key: 'amount', cls: 'num', render: (r) => yuan(r.amount) },
  ];
  const rows = d.measures.filter((m) => m.records > 0);
  return card(t('帮扶措施（按类别）'), rows.length ? table(cols, rows, { class: 'table-compact', rowData: (r) => ({ category: r.category }) }) : empty(t('这段时间没有帮扶措施')), { class: 'span-6', name: 'measures', flush: true });
}

function loansCard(d) {
  const cols = [
    { title: t('贷款产品'), key: 'label', render: (r) => r.label },
    { title: t('本期发放'), key: 'granted', cls: 'num', render: (r) => t('{n} 笔 {y} 元', { n: r.granted, y: yuan(r.granted_amount) }) },
    { title: t('贷款余额'), key: 'balance', cls: 'num', render: (r) => t('{n} 笔 {y} 元', { n: r.outstanding, y: yuan(r.balance) }) },
    { title: t('逾期'), key: 'overdue', cls: 'num', render: (r) => (r.overdue ? h('span', { class: 'warn-text' }, t('{n} 笔 {y} 元', { n: r.overdue, y: yuan(r.overdue_balance) })) : '—') },
  ];
  return card(t('扶贫贷款'), d.loans.length ? table(cols, d.loans, { class: 'table-compact', rowData: (r) => ({ product: r.product }) }) : empty(t('没有贷款')), { class: 'span-6', name: 'loans', flush: true });
}

const groups = () => [
  [t('帮扶力量'), ['cadre', 'pairing', 'work_team', 'visit']],
  [t('帮扶措施'), ['measure', 'public_post', 'post_payment', 'job_fair', 'fair_hire']],
  [t('项目与资产'), ['project', 'project_beneficiary', 'project_payment', 'asset', 'asset_income']],
  [t('金融'), ['loan', 'loan_beneficiary', 'loan_repayment']],
  [t('健康、教育与社会帮扶'), ['health_checkup', 'medical_insurance', 'serious_illness_insurance', 'yulu', 'charity_card', 'charity_visit']],
];

function directory(all, counts) {
  return card(
    t('帮扶记录'),
    h(
      'div',
      { class: 'asst-dir' },
      h(
        'div',
        { class: 'asst-dir-links' },
        h('a', { class: 'asst-link', href: link('/assistance/households', { which: 'unassigned', as_of: counts.day }) }, icon('alert'), h('span', t('未落实帮扶责任人')), h('b', { 'data-count': 'unassigned' }, String(counts.unassigned))),
        h('a', { class: 'asst-link', href: link('/assistance/households', { which: 'overdue', as_of: counts.day }) }, icon('calendar'), h('span', t('逾期未走访')), h('b', { 'data-count': 'overdue' }, String(counts.overdue))),
        h('a', { class: 'asst-link', href: link('/assistance/cadres') }, icon('users'), h('span', t('帮扶户数超限的干部')), h('b', { 'data-count': 'overloaded' }, String(counts.overloaded))),
        h('a', { class: 'asst-link', href: link('/assistance/ledger') }, icon('log'), h('span', t('扶贫项目资产台账'))),
      ),
      groups().map(([title, codes]) =>
        h(
          'div',
          { class: 'asst-dir-group' },
          h('div', { class: 'asst-dir-title' }, title),
          h('div', { class: 'asst-dir-items' }, codes.filter((c) => all.byCode[c]).map((c) => h('a', { class: 'tag tag-soft asst-kind', href: link(`/assistance/records/${c}`), 'data-kind': c }, all.byCode[c].label))),
        ),
      ),
    ),
    { class: 'span-12', name: 'directory' },
  );
}

export async function assistanceView({ el, query, navigate, signal }) {
  const day = asOf() || today();
  const from = query.get('from') || `${day.slice(0, 4)}-01-01`;
  const to = query.get('to') || day;
  const division = query.get('division') || '';
  const timer = setTimeout(() => mount(el, loading()), 150);
  let d, choices, all, ol;
  try {
    [d, choices, all, ol] = await Promise.all([
      get('/api/assistance', { from, to, division }, { signal }),
      divisionChoices(signal).catch(() => null),
      kinds(signal),
      get('/api/assistance/cadres/overloaded', { as_of: to, division }, { signal }),
    ]);
  } finally {
    clearTimeout(timer);
  }
  // the households with policy on the last day without a cadre, and those whose visit is overdue
  const b = d.coverage_base;
  const counts = { unassigned: b.households - b.with_cadre, overdue: b.with_cadre - b.visited, overloaded: ol.items.length, day: d.to };
  const dl = (fmt) => `/api/assistance${qs({ from: d.from, to: d.to, division, format: fmt })}`;
  mount(
    el,
    h(
      'div',
      { class: 'page page-assistance' },
      pageHeader({
        title: t('帮扶工作'),
        badge: h('span', { class: 'tag tag-level' }, d.division.name),
        subtitle: t('{from} 至 {to} 的帮扶情况，均由帮扶记录统计得出', { from: d.from, to: d.to }),
        actions: [
          h('a', { class: 'btn', href: dl('csv'), download: '', 'data-action': 'csv' }, icon('download'), h('span', 'CSV')),
          h('a', { class: 'btn', href: dl('xlsx'), download: '', 'data-action': 'xlsx' }, icon('download'), h('span', 'Excel')),
          h('button', { class: 'btn', type: 'button', 'data-action': 'print', on: { click: () => window.print() } }, icon('file'), h('span', t('打印'))),
        ],
      }),
      h('section', { class: 'card asst-filters-card', 'data-card': 'filters' }, h('div', { class: 'card-body' }, periodFilter({ from: d.from, to: d.to, division, choices, navigate, path: '/assistance' }))),
      tiles(d),
      h('div', { class: 'grid' }, rowsCard(d), coverageCard(d, counts), measuresCard(d), loansCard(d), directory(all, counts)),
    ),
  );
}

// ---- households that need a cadre or a visit ----

export async function assistanceHouseholdsView({ el, query, navigate, signal }, mine) {
  const which = query.get('which') || (mine ? 'all' : 'overdue');
  const day = query.get('as_of') || asOf() || today();
  const page = Math.max(1, Number(query.get('page')) || 1);
  const per = 50;
  const timer = setTimeout(() => mount(el, loading()), 150);
  let d;
  try {
    d = await get(mine ? '/api/assistance/mine' : '/api/assistance/households', { as_of: day, which, limit: per, offset: (page - 1) * per }, { signal });
  } finally {
    clearTimeout(timer);
  }
  const titles = { all: mine ? t('我的帮扶户') : t('需走访的农户'), unassigned: t('未落实帮扶责任人的农户'), overdue: t('逾期未走访的农户') };
  const cols = [
    { title: t('户编号'), key: 'hh_no', cls: 'mono', render: (x) => h('a', { href: link(`/households/${x.hh_no}`) }, x.hh_no) },
    { title: t('户主'), key: 'head', render: (x) => x.head || '' },
    { title: t('所在村'), key: 'village', render: (x) => x.village.name || '' },
    { title: t('状态'), key: 'status', render: (x) => statusBadge(x.status) },
    { title: t('人数'), key: 'persons', cls: 'num', render: (x) => String(x.persons) },
    { title: t('帮扶责任人'), key: 'cadre', render: (x) => (x.cadre ? x.cadre.name : h('span', { class: 'tag tag-red' }, t('未落实'))) },
    { title: t('最近走访'), key: 'last_visit', cls: 'nowrap', render: (x) => x.last_visit || '—' },
    { title: t('应走访日期'), key: 'due', cls: 'nowrap', render: (x) => (x.due ? h('span', { class: x.overdue ? 'tag tag-red' : null }, x.due) : '—') },
  ];
  const seg = ['all', 'overdue', ...(mine ? [] : ['unassigned'])].map((w) =>
    h('a', { class: ['seg-btn', w === which && 'active'], href: link(location.pathname, { which: w, as_of: day }), 'data-which': w }, w === 'all' ? (mine ? t('全部') : t('全部需走访')) : w === 'overdue' ? t('逾期') : t('未落实')),
  );
  mount(
    el,
    h(
      'div',
      { class: 'page page-assist-hh', 'data-which': which },
      pageHeader({ crumbs: mine ? null : [{ text: t('帮扶工作'), href: link('/assistance') }, { text: titles[which] }], title: titles[which], subtitle: t('截至 {date}，共 {n} 户', { date: d.as_of, n: d.total }) }),
      h('div', { class: 'seg asst-seg' }, seg),
      card(null, [d.items.length ? table(cols, d.items, { class: 'table-assist-hh', rowData: (x) => ({ hh: x.hh_no }), rowClass: (x) => x.overdue && 'row-warn' }) : empty(t('没有这样的农户')), d.total > per ? pager({ total: d.total, page, per_page: per }, (p) => navigate(link(location.pathname, { which, as_of: day, page: p }))) : null], { name: 'households', flush: true }),
    ),
  );
}

export async function cadresView({ el, signal }) {
  const day = asOf() || today();
  const d = await get('/api/assistance/cadres/overloaded', { as_of: day }, { signal });
  const cols = [
    { title: t('姓名'), key: 'name', render: (x) => h('a', { href: link('/assistance/records/pairing', { ref: x.id }) }, x.name) },
    { title: t('单位'), key: 'unit', render: (x) => x.unit || '' },
    { title: t('单位隶属关系'), key: 'affiliation', render: (x) => (x.affiliation ? x.affiliation.label : '') },
    { title: t('帮扶户数'), key: 'households', cls: 'num', render: (x) => String(x.households) },
  ];
  mount(
    el,
    h(
      'div',
      { class: 'page page-cadres' },
      pageHeader({ crumbs: [{ text: t('帮扶工作'), href: link('/assistance') }, { text: t('帮扶户数超限的干部') }], title: t('帮扶户数超限的干部'), subtitle: t('每名干部最多帮扶 {n} 户（可在设置中调整）', { n: d.limit }) }),
      card(null, d.items.length ? table(cols, d.items, { class: 'table-compact' }) : empty(t('没有超过上限的干部')), { name: 'cadres', flush: true }),
    ),
  );
}

// ---- the asset ledgers ----

export async function ledgerView({ el, query, signal }) {
  const division = query.get('division') || '';
  const day = asOf() || today();
  const d = await get('/api/assistance/ledger', { as_of: day, division }, { signal });
  const village = d.division.level === 'village';
  const classCols = [
    { title: t('资产类别'), key: 'class', render: (x) => x.class.label },
    { title: t('确权对象'), key: 'owner', render: (x) => x.owner_level.label },
    { title: t('项数'), key: 'assets', cls: 'num', render: (x) => String(x.assets) },
    { title: t('价值（元）'), key: 'value', cls: 'num', render: (x) => yuan(x.value) },
    { title: t('{y} 年收益（元）', { y: d.year }), key: 'income', cls: 'num', render: (x) => yuan(x.income) },
  ];
  const villageCols = [
    { title: t('村'), key: 'village', render: (x) => h('a', { href: link('/assistance/ledger', { division: x.village.code }) }, x.village.name) },
    { title: t('项数'), key: 'assets', cls: 'num', render: (x) => String(x.assets) },
    { title: t('价值（元）'), key: 'value', cls: 'num', render: (x) => yuan(x.value) },
    { title: t('{y} 年收益（元）', { y: d.year }), key: 'income', cls: 'num', render: (x) => yuan(x.income) },
  ];
  const itemCols = [
    { title: t('资产名称'), key: 'name', render: (x) => x.name },
    { title: t('资产类别'), key: 'class', render: (x) => (x.class ? x.class.label : '') },
    { title: t('资金来源'), key: 'fund_source', render: (x) => (x.fund_source ? x.fund_source.label : '') },
    { title: t('价值（元）'), key: 'value', cls: 'num', render: (x) => yuan(x.value) },
    { title: t('确权对象'), key: 'owner', render: (x) => [x.owner_level ? x.owner_level.label : '', x.owner_household ? x.owner_household.head || x.owner_household.hh_no : ''].filter(Boolean).join(' · ') },
    { title: t('经营主体'), key: 'operator', render: (x) => x.operator || '' },
    { title: t('形成日期'), key: 'formed_on', cls: 'nowrap', render: (x) => x.formed_on || '' },
  ];
  mount(
    el,
    h(
      'div',
      { class: 'page page-ledger', 'data-level': d.division.level },
      pageHeader({
        crumbs: [{ text: t('帮扶工作'), href: link('/assistance') }, { text: t('资产台账') }],
        title: village ? t('{name}扶贫项目资产明细台账', { name: d.division.name }) : t('{name}扶贫项目资产总账', { name: d.division.name }),
        subtitle: t('截至 {date}：资产 {n} 项，价值 {v} 元；{y} 年分配收益 {i} 元', { date: d.as_of, n: d.totals.assets, v: yuan(d.totals.value), y: d.year, i: yuan(d.totals.income) }),
        actions: h('button', { class: 'btn', type: 'button', 'data-action': 'print', on: { click: () => window.print() } }, icon('file'), h('span', village ? t('打印公示') : t('打印'))),
      }),
      h(
        'div',
        { class: 'grid' },
        card(t('按类别和确权对象'), d.by_class.length ? table(classCols, d.by_class, { class: 'table-compact' }) : empty(t('没有资产')), { class: village ? 'span-12' : 'span-6', name: 'by-class', flush: true }),
        village ? null : card(t('按村'), d.by_village.length ? table(villageCols, d.by_village, { class: 'table-compact', rowData: (x) => ({ village: x.village.code }) }) : empty(t('没有资产')), { class: 'span-6', name: 'by-village', flush: true }),
        village ? card(t('资产明细（公示）'), d.items.length ? table(itemCols, d.items, { class: 'table-compact' }) : empty(t('没有资产')), { class: 'span-12', name: 'items', flush: true }) : null,
      ),
    ),
  );
}
