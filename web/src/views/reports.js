// reports.js: the standard statistics tables (统计报表, GET /api/reports and GET /api/reports/{table}, the
// same figures as `tuopin report TABLE`). The list of tables by group; one table as the finished form the
// province asks for: title, 填报单位 line, merged group headers, the 合计 row and the note; its rows are the
// towns (or villages) of the division, and a click on a town goes one level down. Everything the user chose
// lives in the address (?table=&as_of=&recorded_at=&division=&by=&year=&group=), so a table can be
// bookmarked, printed (A4 landscape: title, 填报单位 line and the table) and downloaded as CSV or Excel with
// the same parameters. Every figure is the server's; nothing is added up here.

import { get, qs } from '../api.js';
import { h, mount } from '../dom.js';
import { t, getLang } from '../i18n.js';
import { state, asOf } from '../state.js';
import { today } from '../format.js';
import { pageHeader, card, empty, loading, errorBox, icon, dateInput, select } from '../ui.js';
import { levelLabel } from './dashboard.js';

// The national tables are numbered (1.1, 2.14 ...); the change table is not: its code (change) is never shown.
const numbered = (code) => /^[0-9.]+$/.test(code);

const FIRST_YEAR = 2013; // the first income survey year of 建档立卡 (identification in 2014)

// whose households a table counts (the API's group=); the server's default is the table's own
const GROUPS = [
  ['all', '全部状态'],
  ['registered', '建档立卡'],
  ['current_poor', '现有贫困'],
  ['poor', '未脱贫'],
  ['returned', '返贫'],
  ['exited', '已脱贫'],
  ['exited_supported', '已脱贫享受政策'],
  ['exited_unsupported', '已脱贫不享受政策'],
  ['removed', '已剔除'],
  ['cancelled', '已销户'],
];

// The list of tables, once per language.
let listCache = null;
async function tableList(signal) {
  if (listCache && listCache.lang === getLang()) return listCache.tables;
  const d = await get('/api/reports', null, { signal });
  listCache = { lang: getLang(), tables: d.tables };
  return d.tables;
}

// The user's division and the ones right below it, once per user (the choice of division of a table whose
// rows are not divisions, such as 0.1 by cause).
let choicesCache = null;
async function divisionChoices(signal) {
  const who = state.me ? state.me.name : '';
  if (choicesCache && choicesCache.who === who && choicesCache.lang === getLang()) return choicesCache.list;
  const d = await get('/api/divisions', null, { signal });
  const list = [{ code: d.division.code, label: d.division.name }, ...d.rows.map((r) => ({ code: r.code, label: r.name }))];
  choicesCache = { who, lang: getLang(), list };
  return list;
}

// The tables by group, in the list's order.
function byGroup(tables) {
  const groups = [];
  for (const tb of tables) {
    let g = groups.find((x) => x.name === tb.group);
    if (!g) groups.push((g = { name: tb.group, tables: [] }));
    g.tables.push(tb);
  }
  return groups;
}

// The address of the screen with params changed (null or '' removes one).
function here(query, change) {
  const p = new URLSearchParams(query);
  for (const [k, v] of Object.entries(change)) {
    if (v === null || v === undefined || v === '') p.delete(k);
    else p.set(k, String(v));
  }
  const s = p.toString();
  return `/reports${s ? `?${s}` : ''}`;
}

// A figure as the table shows it: counts whole, amounts and shares with the column's decimals, "—" for a
// ratio without a denominator.
function figure(v, col) {
  if (v === null || v === undefined) return '—';
  const n = Number(v);
  if (!Number.isFinite(n)) return String(v);
  return col.decimals > 0 ? n.toFixed(col.decimals) : String(Math.round(n));
}

// The header: one row when no column has a group; otherwise two, a group's cell spanning its columns and a
// column without a group spanning both rows.
function tableHead(d) {
  const cols = d.columns;
  const rowHead = d.rows_are === 'bands' ? t('项目') : t('区划');
  const grouped = cols.some((c) => c.group);
  if (!grouped) {
    return h('thead', h('tr', h('th', { class: 'rpt-rowhead', scope: 'col' }, rowHead), cols.map((c) => h('th', { class: 'num', scope: 'col', 'data-col': c.key }, c.label))));
  }
  const top = [h('th', { class: 'rpt-rowhead', scope: 'col', rowspan: 2 }, rowHead)];
  const second = [];
  for (let i = 0; i < cols.length; ) {
    const c = cols[i];
    if (!c.group) {
      top.push(h('th', { class: ['num', 'rpt-single', c.label.length <= 4 && 'rpt-short'], scope: 'col', rowspan: 2, 'data-col': c.key }, c.label));
      i++;
      continue;
    }
    let j = i;
    while (j < cols.length && cols[j].group === c.group) j++;
    top.push(h('th', { class: 'rpt-group', scope: 'colgroup', colspan: j - i, 'data-group': c.group }, c.group));
    for (let k = i; k < j; k++) second.push(h('th', { class: 'num', scope: 'col', 'data-col': cols[k].key }, cols[k].label));
    i = j;
  }
  return h('thead', h('tr', { class: 'rpt-head-1' }, top), h('tr', { class: 'rpt-head-2' }, second));
}

function valueCells(d, values) {
  return d.columns.map((c) => {
    const v = values ? values[c.key] : null;
    return h('td', { class: ['num', (v === 0 || v === null || v === undefined) && 'zero'], 'data-col': c.key }, figure(v, c));
  });
}

// Rows one may go into: divisions above the village.
const drillable = (d, r) => d.rows_are !== 'bands' && !!r.code && !!r.level && r.level !== 'village';

// The table itself; drill = {go(row), href(row)} for the rows one may go into.
function reportTable(d, drill) {
  const body = d.rows.map((r) =>
    h(
      'tr',
      {
        class: drillable(d, r) && 'clickable',
        dataset: { code: r.code || r.key || '' },
        on: drillable(d, r) ? { click: () => drill.go(r) } : null,
      },
      h(
        'th',
        { class: 'rpt-rowname', scope: 'row' },
        drillable(d, r)
          ? h('a', { href: drill.href(r), title: t('查看{name}各下级区划', { name: r.name }) }, r.name)
          : r.name,
      ),
      valueCells(d, r.values),
    ),
  );
  return h(
    'div',
    { class: 'table-wrap rpt-wrap' },
    h(
      'table',
      { class: 'rpt-table', 'data-table': d.table },
      tableHead(d),
      h('tbody', body),
      h('tfoot', h('tr', { 'data-total': d.total.code || '' }, h('th', { class: 'rpt-rowname', scope: 'row' }, t('合计')), valueCells(d, d.total.values))),
    ),
  );
}

// The catalogue: the tables by group, as links; the current one marked.
function catalogue(groups, query, current, cls) {
  return h(
    'nav',
    { class: ['rpt-catalogue', cls], 'aria-label': t('报表目录') },
    groups.map((g) =>
      h(
        'section',
        { class: 'rpt-cat-group', 'data-group': g.name },
        h('h3', { class: 'rpt-cat-title' }, g.name, h('span', { class: 'rpt-cat-count' }, String(g.tables.length))),
        h(
          'ul',
          { class: 'rpt-cat-list' },
          g.tables.map((tb) =>
            h(
              'li',
              h(
                'a',
                {
                  class: ['rpt-cat-item', tb.code === current && 'active'],
                  href: here(query, { table: tb.code, year: null, group: null }),
                  'data-table': tb.code,
                  'aria-current': tb.code === current ? 'page' : null,
                },
                h('span', { class: 'rpt-code' }, numbered(tb.code) ? tb.code : t('变')),
                h('span', { class: 'rpt-cat-name' }, tb.title),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

// "As recorded on": a whole day (the server reads a date as its end, 23:59:59) or a moment.
function recordedText(stamp) {
  const m = /^(\d{4}-\d{2}-\d{2})[ T]23:59:59$/.exec(stamp);
  return m
    ? t('按 {date} 当日的登记情况统计：之后录入的变动和更正不计。', { date: m[1] })
    : t('按 {time} 时的登记情况统计：之后录入的变动和更正不计。', { time: stamp });
}

// A row of controls: a label and its control.
const ctl = (label, control, attrs = {}) => h('label', { class: 'inline-field rpt-ctl', ...attrs }, h('span', label), control);

export async function reportsView({ el, query, navigate, signal }) {
  // a period's end written to= (as /changes and the API write it) is this page's as_of: the address is
  // rewritten, so the page, its date and its links all read the one parameter (to= was ignored)
  if (query.get('to') && !query.get('as_of')) {
    const q = new URLSearchParams(query);
    q.set('as_of', q.get('to'));
    q.delete('to');
    navigate(`${location.pathname}?${q}`, { replace: true, keepScroll: true });
    return;
  }
  const code = (query.get('table') || '').trim();
  const division = query.get('division') || '';
  const timer = setTimeout(() => mount(el, loading()), 150);
  let tables;
  let data = null;
  let path = null;
  let failure = null;
  try {
    tables = await tableList(signal);
    if (code) {
      const params = {
        as_of: asOf(),
        recorded_at: query.get('recorded_at'),
        from: query.get('from'),
        division,
        by: query.get('by'),
        year: query.get('year'),
        group: query.get('group'),
      };
      [data, path] = await Promise.all([
        get(`/api/reports/${encodeURIComponent(code)}`, params, { signal }).catch((err) => {
          if (err.name === 'AbortError') throw err;
          failure = err;
          return null;
        }),
        division
          ? get(`/api/divisions/${encodeURIComponent(division)}`, null, { signal }).then(
              (x) => x.path,
              (err) => {
                if (err.name === 'AbortError') throw err;
                return null;
              },
            )
          : null,
      ]);
    }
  } finally {
    clearTimeout(timer);
  }
  const groups = byGroup(tables);
  const def = tables.find((x) => x.code === code);

  // ---- no table chosen: the catalogue ----
  if (!code) {
    mount(
      el,
      h(
        'div',
        { class: 'page page-reports', 'data-view': 'catalogue' },
        pageHeader({ title: t('统计报表'), subtitle: t('上级要求填报的标准统计表，由建档立卡数据直接算出，可下载 Excel 上报') }),
        h(
          'div',
          { class: 'rpt-home' },
          groups.map((g) =>
            card(
              h('span', { class: 'rpt-cat-head' }, h('span', { class: 'rpt-group-name' }, g.name), h('span', { class: 'rpt-cat-count' }, t('{n} 张', { n: g.tables.length }))),
              h(
                'ul',
                { class: 'rpt-cat-list rpt-cat-cards' },
                g.tables.map((tb) =>
                  h(
                    'li',
                    h(
                      'a',
                      { class: 'rpt-cat-item', href: here(query, { table: tb.code }), 'data-table': tb.code },
                      h('span', { class: 'rpt-code' }, numbered(tb.code) ? tb.code : t('变')),
                      h('span', { class: 'rpt-cat-name' }, tb.title),
                      icon('chevron', 'rpt-cat-go'),
                    ),
                  ),
                ),
              ),
              { name: `group-${g.name}`, class: 'rpt-home-card' },
            ),
          ),
        ),
      ),
    );
    return;
  }

  // ---- the controls ----
  const day = asOf() || today();
  const go = (change) => navigate(here(query, change), { keepScroll: true });

  const tableSel = h(
    'select',
    { class: 'input rpt-table-select', name: 'table', 'aria-label': t('报表') },
    def ? null : h('option', { value: code, selected: true }, code),
    groups.map((g) => h('optgroup', { label: g.name }, g.tables.map((tb) => h('option', { value: tb.code, selected: tb.code === code }, numbered(tb.code) ? `${tb.code}　${tb.title}` : tb.title)))),
  );
  tableSel.addEventListener('change', () => go({ table: tableSel.value, year: null, group: null, from: null }));
  // a table over a period (the change table): from a day to the 统计时点, as now known
  const period = !!(def && def.period);
  const fromIn = period
    ? dateInput(query.get('from') || `${day.slice(0, 4)}-01-01`, {
        name: 'report_from',
        label: t('期间自'),
        onChange: (v) => go({ from: v && v !== `${day.slice(0, 4)}-01-01` ? v : null }),
      })
    : null;

  const asOfIn = dateInput(day, {
    name: 'report_as_of',
    label: t('统计时点'),
    onChange: (v) => go({ as_of: v && v !== today() ? v : null }),
  });

  const recordedAt = query.get('recorded_at') || '';
  const recIn = dateInput(recordedAt, {
    name: 'recorded_at',
    label: t('登记日期'),
    onChange: (v) => {
      if (v) go({ recorded_at: v });
    },
  });
  const recBox = h('span', { class: 'rpt-rec-date', hidden: !recordedAt }, recIn);
  const recCheck = h('input', { type: 'checkbox', name: 'recorded', checked: !!recordedAt });
  recCheck.addEventListener('change', () => {
    if (recCheck.checked) {
      recBox.hidden = false;
      recIn.querySelector('input').focus();
    } else {
      recBox.hidden = true;
      if (recordedAt) go({ recorded_at: null });
    }
  });
  const recCtl = h(
    'div',
    { class: 'inline-field rpt-ctl rpt-rec', title: t('只计当日已登记的记录：之后录入的变动和更正不计') },
    h('label', { class: 'check' }, recCheck, h('span', t('按某日登记情况'))),
    recBox,
  );

  const level = data ? data.division.level : '';
  let bySel = null;
  if (data && data.rows_are !== 'bands' && !['town', 'village'].includes(level)) {
    const opts = level === 'county' ? [] : [{ code: '', label: t('下一级区划') }];
    opts.push({ code: 'town', label: t('按乡镇') }, { code: 'village', label: t('按行政村') });
    const cur = query.get('by') || (level === 'county' ? 'town' : '');
    bySel = select(opts, cur, { name: 'by' });
    bySel.addEventListener('change', () => go({ by: bySel.value === (level === 'county' ? 'town' : '') ? null : bySel.value }));
  }

  let divSel = null;
  if (data && data.rows_are === 'bands') {
    const choices = await divisionChoices(signal).catch((err) => {
      if (err.name === 'AbortError') throw err;
      return null; // the table still shows, without the choice
    });
    if (choices) {
      const opts = choices.slice();
      if (!opts.some((o) => o.code === data.division.code)) opts.push({ code: data.division.code, label: data.division.name });
      if (opts.length > 1) {
        divSel = select(opts, data.division.code, { name: 'division' });
        divSel.addEventListener('change', () => go({ division: divSel.value === choices[0].code ? null : divSel.value }));
      }
    }
  }

  let yearSel = null;
  if (data && def && def.income) {
    const last = Number(day.slice(0, 4));
    const years = [];
    for (let y = last; y >= FIRST_YEAR; y--) years.push({ code: String(y), label: t('{year}年度', { year: y }) });
    const dflt = String(last - 1);
    yearSel = select(years, String(data.income_year || dflt), { name: 'year' });
    yearSel.addEventListener('change', () => go({ year: yearSel.value === dflt ? null : yearSel.value }));
  }

  let groupSel = null;
  if (data && def) {
    const dflt = def.universe;
    groupSel = select(
      GROUPS.map(([k, zh]) => ({ code: k, label: k === dflt ? t('{label}（本表默认）', { label: t(zh) }) : t(zh) })),
      data.universe,
      { name: 'group' },
    );
    groupSel.addEventListener('change', () => go({ group: groupSel.value === dflt ? null : groupSel.value }));
  }

  const controls = h(
    'div',
    { class: 'filters rpt-controls' },
    ctl(t('报表'), tableSel, { class: 'inline-field rpt-ctl rpt-ctl-table' }),
    period ? ctl(t('期间自'), fromIn) : null,
    ctl(period ? t('期间至') : t('统计时点'), asOfIn),
    period ? null : recCtl,
    bySel ? ctl(t('行'), bySel) : null,
    divSel ? ctl(t('区划'), divSel) : null,
    yearSel ? ctl(t('收入年度'), yearSel) : null,
    groupSel ? ctl(t('统计范围'), groupSel) : null,
  );

  // ---- the table ----
  let sheet;
  let actions = null;
  if (failure || !data) {
    // a table or division that is not there (404) cannot be tried again; anything else can
    const retry = failure && failure.status === 404 ? null : () => navigate(location.pathname + location.search, { replace: true, keepScroll: true });
    sheet = card(null, errorBox(failure, retry), { name: 'report', class: 'rpt-sheet-card' });
  } else {
    const top = state.me && state.me.division ? state.me.division.code : '';
    // the way back up: the divisions above the one shown (within the user's), each a link
    const chain = (path || []).filter((p) => p && p.code);
    const crumbs = [
      ...chain.map((p) => h('a', { href: here(query, { division: p.code === top ? null : p.code, by: null }), 'data-division': p.code }, p.name)),
      h('span', { class: 'rpt-crumb-here', 'data-division': data.division.code }, data.division.name),
    ];
    const crumbNodes = [];
    crumbs.forEach((c, i) => {
      if (i) crumbNodes.push(icon('chevron', 'crumb-sep'));
      crumbNodes.push(c);
    });
    const drill = { go: (r) => go({ division: r.code, by: null }), href: (r) => here(query, { division: r.code, by: null }) };
    const anyDrill = data.rows.some((r) => drillable(data, r));

    const apiParams = {
      as_of: asOf(),
      recorded_at: query.get('recorded_at'),
      from: query.get('from'),
      division,
      by: query.get('by'),
      year: query.get('year'),
      group: query.get('group'),
    };
    const dl = (fmt) => `/api/reports/${encodeURIComponent(code)}${qs({ ...apiParams, format: fmt })}`;
    actions = [
      h('a', { class: 'btn', href: dl('xlsx'), download: '', 'data-action': 'xlsx' }, icon('download'), h('span', t('下载 Excel'))),
      h('a', { class: 'btn', href: dl('csv'), download: '', 'data-action': 'csv' }, icon('download'), h('span', t('下载 CSV'))),
      // the persons behind the table: its division, day and 统计范围, as the masked 名单 (streamed by the server)
      h(
        'a',
        {
          class: 'btn',
          href: `/api/reports/roster${qs({ as_of: asOf(), division, group: data.universe, format: 'xlsx' })}`,
          download: '',
          'data-action': 'roster',
          title: t('本表区划、统计时点和统计范围内的人员名单（证件号码、电话、账号、健康状况已脱敏）'),
        },
        icon('download'),
        h('span', t('下载名单')),
      ),
      h('button', { class: 'btn', type: 'button', 'data-action': 'print', on: { click: () => window.print() } }, icon('file'), h('span', t('打印'))),
    ];

    const body = data.rows.length || data.total
      ? reportTable(data, drill)
      : empty(t('没有数据'));
    sheet = h(
      'section',
      { class: 'card rpt-sheet-card', 'data-card': 'report' },
      h(
        'div',
        { class: 'rpt-sheet-bar' },
        h('nav', { class: 'rpt-crumbs', 'aria-label': t('区划') }, crumbNodes, h('span', { class: 'tag tag-level' }, levelLabel(data.division.level))),
        anyDrill ? h('span', { class: 'card-note' }, t('点击乡镇一行查看其各村')) : null,
      ),
      h(
        'div',
        { class: 'rpt-sheet' },
        numbered(data.table) ? h('div', { class: 'rpt-no' }, t('表 {code}', { code: data.table })) : null,
        h('h2', { class: 'rpt-title' }, data.title),
        h('div', { class: 'rpt-subtitle' }, data.subtitle),
        data.recorded_at ? h('div', { class: 'rpt-asrec' }, icon('info'), h('span', recordedText(data.recorded_at))) : null,
        body,
        data.note ? h('p', { class: 'rpt-note' }, t('注：'), data.note) : null,
        data.balance ? h('p', { class: ['rpt-balance', data.balance.holds ? 'ok' : 'bad'], 'data-balance': String(data.balance.holds) }, data.balance.text) : null,
      ),
    );
  }

  mount(
    el,
    h(
      'div',
      { class: 'page page-reports', 'data-view': 'table', 'data-table': code },
      pageHeader({
        crumbs: [{ text: t('统计报表'), href: here(new URLSearchParams(asOf() ? { as_of: asOf() } : {}), {}) }, { text: def ? (numbered(def.code) ? `${def.code} ${def.title}` : def.title) : code }],
        title: def ? def.title : code,
        subtitle: def ? (numbered(def.code) ? t('表 {code} · {group}', { code: def.code, group: def.group }) : def.group) : null,
        actions,
      }),
      h(
        'div',
        { class: 'rpt-layout' },
        h('aside', { class: 'card rpt-rail' }, catalogue(groups, query, code)),
        h('div', { class: 'rpt-main' }, h('section', { class: 'card rpt-controls-card', 'data-card': 'controls' }, h('div', { class: 'card-body' }, controls)), sheet),
      ),
    ),
  );
  // a table wider than its card scrolls sideways: say so above it, where the last columns would otherwise just
  // be missing from view
  requestAnimationFrame(() => {
    const wrap = el.querySelector('.rpt-wrap');
    if (wrap && wrap.scrollWidth > wrap.clientWidth + 1 && !el.querySelector('.rpt-scroll-hint'))
      wrap.before(h('p', { class: 'rpt-scroll-hint muted small', 'data-hint': 'scroll' }, icon('info'), h('span', t('表格较宽，左右滑动可查看其余各列'))));
  });
}

