// dashboard.js: one division on one day (GET /api/divisions[/:code]?as_of=): the headline figures, the trend
// by year end (GET /api/stats?as_of=YYYY-12-31 per year), the status mix, the breakdown by town or village
// (click to drill down), the households of a village, and poverty causes and attributes (GET
// /api/stats?by=cause|attribute). Every figure is the server's; nothing is added up here.

import { get, qs } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { can, asOf, link } from '../state.js';
import { nhmr, statusBadge, today } from '../format.js';
import { card, pageHeader, pending, table, empty, pager, icon, loading, errorBox } from '../ui.js';
import { trendChart, compositionChart, breakdownChart, disposeCharts, COLORS } from '../charts.js';

const FIRST_YEAR = 2014; // 建档立卡 began in 2014: the trend starts there

const LEVEL = { province: '省级', city: '市级', county: '县级', town: '乡镇', village: '村' };
export const levelLabel = (lv) => t(LEVEL[lv] || lv || '');

function kpi(key, title, stats, note, tone, extra) {
  return h(
    'div',
    { class: ['kpi', tone && `kpi-${tone}`], 'data-kpi': key },
    h('div', { class: 'kpi-title' }, title),
    h('div', { class: 'kpi-value' }, nhmr(stats, 'nhmr-xl')),
    note ? h('div', { class: 'kpi-note' }, note) : null,
    extra || null,
  );
}

function kpis(d) {
  const T = d.totals;
  return h(
    'div',
    { class: 'kpis' },
    kpi('registered', t('建档立卡'), T.registered, t('未脱贫、返贫与已脱贫之和'), 'brand'),
    kpi('poor', t('未脱贫'), T.poor, h('span', t('现有贫困（含返贫）'), ' ', nhmr(T.current_poor, 'nhmr-sm')), 'poor'),
    kpi('returned', t('返贫'), T.returned, t('已脱贫后又返贫'), 'returned'),
    kpi(
      'exited',
      t('已脱贫'),
      T.exited,
      null,
      'exited',
      h(
        'div',
        { class: 'kpi-split' },
        h('div', { class: 'kpi-split-row', 'data-kpi': 'exited_supported' }, h('span', { class: 'dot dot-exited' }), h('span', { class: 'kpi-split-label' }, t('享受政策')), nhmr(T.exited_supported, 'nhmr-md')),
        h('div', { class: 'kpi-split-row', 'data-kpi': 'exited_unsupported' }, h('span', { class: 'dot dot-exited2' }), h('span', { class: 'kpi-split-label' }, t('不享受政策')), nhmr(T.exited_unsupported, 'nhmr-md')),
      ),
    ),
  );
}

function facts(d) {
  const T = d.totals;
  const v = d.villages;
  const items = [
    ['removed', t('识别不准剔除'), nhmr(T.removed, 'nhmr-sm')],
    ['cancelled', t('销户'), nhmr(T.cancelled, 'nhmr-sm')],
  ];
  const villageText =
    d.division.level === 'village'
      ? v.poor
        ? v.exited
          ? t('省定贫困村，已出列')
          : t('省定贫困村，未出列')
        : t('非贫困村')
      : t('行政村 {total} 个，其中贫困村 {poor} 个、已出列 {exited} 个', v);
  return h(
    'div',
    { class: 'facts' },
    items.map(([k, title, val]) => h('div', { class: 'fact', 'data-fact': k }, h('span', { class: 'fact-label' }, title), val)),
    h('div', { class: 'fact', 'data-fact': 'villages' }, h('span', { class: 'fact-label' }, t('贫困村')), h('span', { class: 'fact-text' }, villageText)),
  );
}

const COLS = [
  ['registered', '建档立卡'],
  ['poor', '未脱贫'],
  ['returned', '返贫'],
  ['exited_supported', '已脱贫享受政策'],
  ['exited_unsupported', '已脱贫不享受政策'],
  ['removed', '已剔除'],
  ['cancelled', '已销户'],
];

function villagesCell(r) {
  const v = r.villages || { total: 0, poor: 0, exited: 0 };
  if (r.level === 'village') {
    if (!v.poor) return h('span', { class: 'muted' }, '—');
    return h('span', { class: ['tag', v.exited ? 'tag-green' : 'tag-red'] }, v.exited ? t('贫困村·已出列') : t('贫困村'));
  }
  return h('span', { class: 'villages-cell' }, t('{poor} 个（已出列 {exited}）', v));
}

function breakdown(d, navigate) {
  if (!d.rows.length) return empty(t('下级区划暂无数据'));
  const cols = [
    { title: t('区划'), cls: 'col-name', key: 'name', render: (r) => h('a', { href: link(`/divisions/${r.code}`), class: 'row-link' }, r.name) },
    ...COLS.map(([k, title]) => ({ title: t(title), cls: `num col-${k}`, key: k, render: (r) => nhmr(r[k]) })),
    { title: t('贫困村'), cls: 'col-villages', key: 'villages', render: villagesCell },
  ];
  const foot = h(
    'tr',
    { class: 'total-row' },
    h('th', { scope: 'row', class: 'col-name' }, t('合计')),
    COLS.map(([k]) => h('td', { class: `num col-${k}` }, nhmr(d.totals[k]))),
    h('td', { class: 'col-villages' }, villagesCell({ level: d.division.level, villages: d.villages })),
  );
  return table(cols, d.rows, {
    class: 'table-stats',
    onRow: (r) => navigate(link(`/divisions/${r.code}`)),
    rowData: (r) => ({ code: r.code }),
    foot,
  });
}

async function villageHouseholds(el, code, navigate, page) {
  const data = await get('/api/households', { division: code, page, per_page: 20 });
  if (!data.total) return empty(t('本村没有建档立卡户'));
  const cols = [
    { title: t('户编号'), cls: 'mono', key: 'hh_no', render: (r) => h('a', { href: link(`/households/${r.hh_no}`), class: 'row-link' }, r.hh_no) },
    { title: t('户主'), key: 'head', render: (r) => r.head || h('span', { class: 'muted' }, t('无户主')) },
    { title: t('人数'), cls: 'num', key: 'size', render: (r) => String(r.size) },
    { title: t('贫困户属性'), key: 'attribute', render: (r) => (r.attribute ? r.attribute.label : '') },
    { title: t('主要致贫原因'), key: 'cause', render: (r) => (r.cause_main ? r.cause_main.label : '') },
    { title: t('当前状态'), key: 'status', render: (r) => [statusBadge(r.status), r.monitored ? h('span', { class: 'tag tag-amber' }, t('监测')) : null] },
  ];
  return h(
    'div',
    table(cols, data.items, { onRow: (r) => navigate(link(`/households/${r.hh_no}`)), rowData: (r) => ({ hh: r.hh_no }) }),
    data.total > data.per_page ? pager(data, (p) => pending(el, () => villageHouseholds(el, code, navigate, p))) : null,
  );
}

// Stats at each year end from 2014, and the day itself if it is not a year end.
async function trendPoints(code, day, signal) {
  const last = Number(day.slice(0, 4));
  const dates = [];
  for (let y = FIRST_YEAR; y < last; y++) dates.push(`${y}-12-31`);
  dates.push(day);
  const all = await Promise.all(dates.map((d) => get('/api/stats', { as_of: d, division: code }, { signal })));
  return all.map((s, i) => ({
    label: dates[i].endsWith('-12-31') ? dates[i].slice(0, 4) : dates[i],
    title: t('截至 {date}', { date: dates[i] }),
    stats: s.totals,
  }));
}

function unitSwitch(onChange) {
  let unit = 'households';
  const btns = ['households', 'persons'].map((u) =>
    h(
      'button',
      {
        type: 'button',
        class: ['seg-btn', u === unit && 'active'],
        'data-unit': u,
        on: {
          click: () => {
            unit = u;
            for (const b of btns) b.classList.toggle('active', b.dataset.unit === u);
            onChange(u);
          },
        },
      },
      u === 'households' ? t('户数') : t('人数'),
    ),
  );
  return h('div', { class: 'seg', role: 'group' }, btns);
}

// A chart in a card: fetch(signal) once, then draw(box, data, unit) for 户 or 人. Loading, empty and error
// states inside the card.
function chartCard(title, name, fetch, draw, opts = {}) {
  const box = h('div', { class: ['chart', opts.short && 'chart-short'], 'data-chart': name });
  let chart = null;
  let unit = 'households';
  let data = null;
  const redraw = () => {
    if (chart) chart.dispose();
    chart = null;
    box.replaceChildren();
    if (opts.height) box.style.height = `${opts.height(data)}px`;
    if (opts.isEmpty && opts.isEmpty(data)) {
      mount(box, empty(t('暂无数据')));
      return;
    }
    draw(box, data, unit).then((c) => {
      chart = c;
      box.dataset.ready = '1';
    });
  };
  const start = async () => {
    mount(box, loading());
    try {
      data = await fetch();
    } catch (err) {
      if (err.name !== 'AbortError') mount(box, errorBox(err, start));
      return;
    }
    redraw();
  };
  const tools = unitSwitch((u) => {
    unit = u;
    if (data) redraw();
  });
  return { node: card(title, box, { tools, name, class: opts.class }), start };
}

// 防返贫监测 beside the 2014–2020 figures (GET /api/monitor/stats, counted by the server from the monitoring
// records as of the day): objects now (by type), risk eliminated (by way), newly identified this year, and the
// households kept under monitoring without labour capacity. Each figure N户M人; the title opens the screen.
async function monitorPanel(code, day, signal) {
  const s = await get('/api/monitor/stats', { as_of: day, division: code }, { signal });
  const T = s.totals;
  const item = (key, label, o, tone) => h('div', { class: ['mon-item', tone && `mon-${tone}`], 'data-mon': key }, h('div', { class: 'mon-label' }, label), nhmr(o, 'nhmr-md'));
  const none = !T.monitored.households && !T.eliminated.households;
  // before any household was monitored, the note alone, not nine rows of 0户0人
  if (none) return h('div', { class: 'mon-panel' }, h('p', { class: 'muted small mon-none' }, t('截至 {d} 没有监测记录。', { d: s.as_of })));
  return h(
    'div',
    { class: 'mon-panel' },
    h(
      'div',
      { class: 'mon-row' },
      item('monitored', t('监测对象'), T.monitored, 'main'),
      item('unstable', t('脱贫不稳定户'), T.by_type.unstable),
      item('marginal', t('边缘易致贫户'), T.by_type.marginal),
      item('sudden', t('突发严重困难户'), T.by_type.sudden),
      item('eliminated', t('风险已消除'), T.eliminated, 'ok'),
      item('help', t('帮扶消除'), T.by_way.help),
      item('natural', t('自然消除'), T.by_way.natural),
      item('new', t('本年新识别'), T.identified_this_year),
      item('held', t('兜底保障'), T.held),
    ),
  );
}

export async function dashboardView({ el, params, navigate, signal }) {
  disposeCharts();
  const day = asOf() || today();
  const path = params.code ? `/api/divisions/${encodeURIComponent(params.code)}` : '/api/divisions';
  const timer = setTimeout(() => mount(el, loading()), 150);
  let d;
  try {
    d = await get(path, { as_of: asOf() }, { signal });
  } finally {
    clearTimeout(timer);
  }
  const div = d.division;
  const crumbs = d.path.map((p) => ({ text: p.name, href: link(`/divisions/${p.code}`) }));
  if (crumbs.length) crumbs.push({ text: div.name });
  const exportHref = `/api/exports/registry${qs({ format: 'xlsx', division: div.code, as_of: asOf() })}`;
  // the N户M人 table as Excel: the division's children (towns of a county, villages of a town), a 合计 row
  const statsBy = div.level === 'village' ? '' : div.level === 'town' ? 'village' : 'town';
  const statsHref = `/api/stats${qs({ format: 'xlsx', division: div.code, as_of: asOf(), by: statsBy })}`;
  const statsLink = h('a', { class: 'btn', href: statsHref, download: '', 'data-action': 'export-stats' }, icon('download'), h('span', t('N户M人表')));
  const actions = can('export')
    ? // what it exports said on the button: the registry list of the division's households and members (it said 导出 Excel)
      [statsLink, h('a', { class: 'btn', href: exportHref, download: '', 'data-action': 'export', title: t('导出本区划建档立卡户及其成员名单（Excel，证件号码、电话、账号、健康状况已脱敏）') }, icon('download'), h('span', t('导出名单')))]
    : statsLink;
  const isVillage = div.level === 'village';
  const noRows = (s) => !s.rows.some((r) => r.registered.households || r.registered.persons);
  const barsHeight = (s) => Math.max(200, 28 * s.rows.filter((r) => r.registered.households || r.registered.persons).length + 24);

  const trend = chartCard(t('历年变化（各年年末）'), 'trend', () => trendPoints(div.code, day, signal), trendChart, { class: 'span-8' });
  const mix = chartCard(t('建档立卡户构成'), 'mix', async () => d.totals, compositionChart, {
    class: 'span-4',
    isEmpty: (x) => !x.registered.households,
  });
  const causes = chartCard(t('主要致贫原因'), 'cause', () => get('/api/stats', { by: 'cause', division: div.code, as_of: asOf() }, { signal }),
    (box, s, unit) => breakdownChart(box, s.rows, unit, COLORS.brand), { class: 'span-6', isEmpty: noRows, height: barsHeight });
  const attrs = chartCard(t('贫困户属性'), 'attribute', () => get('/api/stats', { by: 'attribute', division: div.code, as_of: asOf() }, { signal }),
    (box, s, unit) => breakdownChart(box, s.rows, unit, '#4f7cac'), { class: 'span-6', isEmpty: noRows, height: barsHeight });

  const monBox = h('div', { class: 'mon-box' });
  const monitoring = card(h('a', { href: link('/monitor', { division: div.code }) }, t('防返贫监测')), monBox, {
    name: 'monitoring',
    class: 'span-12',
    tools: h('span', { class: 'card-note' }, t('2021 年起，N户M人，按监测记录统计')),
  });

  let lower;
  if (isVillage) {
    const list = h('div', { class: 'hh-list' });
    lower = card(t('本村农户'), list, { name: 'households', class: 'span-12', flush: true, tools: h('span', { class: 'card-note' }, t('状态为当前状态')) });
    pending(list, () => villageHouseholds(list, div.code, navigate, 1), { retry: true });
  } else {
    const byTown = ['county', 'city', 'province'].includes(div.level);
    lower = card(byTown ? t('按乡镇') : t('按行政村'), breakdown(d, navigate), {
      name: 'breakdown',
      class: 'span-12',
      flush: true,
      tools: h('span', { class: 'card-note' }, t('点击一行查看下级')),
    });
  }

  mount(
    el,
    h(
      'div',
      { class: 'page page-dashboard', 'data-division': div.code },
      pageHeader({
        crumbs,
        title: div.name,
        badge: h('span', { class: 'tag tag-level' }, levelLabel(div.level)),
        subtitle: h('span', h('span', { class: 'asof-text', 'data-asof': d.as_of }, t('截至 {date}', { date: d.as_of })), h('span', { class: 'muted' }, ' · ', t('按现在所知的登记情况统计'))),
        actions,
      }),
      d.registry_from && d.as_of < d.registry_from
        ? h('div', { class: 'notice notice-warn', 'data-notice': 'before-registry' }, icon('info'), h('span', t('{date} 时{name}尚未建档立卡：最早的建档日期是 {from}，请选择该日期之后的日期。', { date: d.as_of, name: div.name, from: d.registry_from })))
        : null,
      kpis(d),
      facts(d),
      h('div', { class: 'grid' }, monitoring, lower, trend.node, mix.node, causes.node, attrs.node),
    ),
  );
  pending(monBox, () => monitorPanel(div.code, day, signal), { retry: true });
  for (const c of [trend, mix, causes, attrs]) c.start();
}
