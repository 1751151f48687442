// changes.js: the change report (变动统计, GET /api/changes, the same figures as `tuopin changes`): how many
// households and persons each type of change touched in a period (by the day it took effect or the day it was
// recorded) or in one batch (a campaign such as 2018年托底清零), in the user's division or one below it. The
// report lives in the address (?from=&to=[&recorded=1] or ?batch=, and &division=), so it can be bookmarked;
// without them it is the current year up to the "as of" date. Every figure is the server's. The batch is
// picked from the batches recorded (GET /api/changes/batches); each line opens the households behind it
// (/changes/households?type=…, GET /api/changes/households); the printout keeps the period or batch.

import { get, qs } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { state, asOf, link } from '../state.js';
import { nhmr, nhmrText, today, isDate } from '../format.js';
import { pageHeader, card, table, empty, loading, errorBox, icon, dateInput, select, pager } from '../ui.js';
import { levelLabel } from './dashboard.js';

const EXAMPLE_BATCH = '2018年托底清零';

// The colour of a change type: into poverty, out of it, policy, out of the registry, members.
function typeClass(code) {
  switch (code) {
    case 'identify':
    case 'include_missed':
    case 'return':
      return 'ev-in';
    case 'exit':
      return 'ev-exit';
    case 'policy_end':
    case 'policy_resume':
      return 'ev-policy';
    case 'remove':
    case 'clear':
    case 'cancel':
      return 'ev-out';
    case 'member_add':
    case 'member_remove':
    case 'split':
    case 'merge':
      return 'ev-member';
    default:
      return 'ev-other';
  }
}

// The user's division and the divisions right below it (names only), once per user.
let choicesCache = null;
async function divisionChoices(signal) {
  const who = state.me ? state.me.name : '';
  if (choicesCache && choicesCache.who === who) return choicesCache.list;
  const d = await get('/api/divisions', null, { signal });
  const list = [{ code: d.division.code, label: d.division.name }, ...d.rows.map((r) => ({ code: r.code, label: r.name }))];
  choicesCache = { who, list };
  return list;
}

// The batches recorded in the user's scope (with their households), once per user.
let batchesCache = null;
async function batchChoices(signal) {
  const who = state.me ? state.me.name : '';
  if (batchesCache && batchesCache.who === who) return batchesCache.list;
  const d = await get('/api/changes/batches', null, { signal });
  batchesCache = { who, list: d.rows };
  return d.rows;
}

// What a report covers, in words: 批次“…” or 生效于 … 至 …, and "as recorded at" when asked.
function scopeText(d) {
  const parts = [];
  if (d.batch !== null && d.batch !== undefined) parts.push(t('批次“{batch}”', { batch: d.batch }));
  else parts.push(t(d.recorded ? '记录于 {from} 至 {to}' : '生效于 {from} 至 {to}', { from: d.from, to: d.to }));
  if (d.recorded_at) parts.push(t('按 {time} 时的记录', { time: d.recorded_at }));
  return parts.join(' · ');
}

function notes() {
  const items = [
    [t('户数'), t('按户计：一户在同一类变动中有几条记录，也只计一次。')],
    [t('人数'), t('整户的变动计变动生效时该户的成员；人员增加、减少和信息更正计所涉及的成员（更正户的信息不计人数）。')],
    [t('按时段'), t('按生效日期统计生效于该时段的变动，按记录日期统计在该时段录入的变动；已被更正取代的记录不计。')],
    [t('按批次'), t('记录时填写了该批次的全部变动，如一次专项行动。')],
  ];
  return h(
    'dl',
    { class: 'chg-notes' },
    items.map(([k, v]) => h('div', { class: 'chg-note' }, h('dt', k), h('dd', v))),
  );
}

export async function changesView({ el, query, navigate, signal }) {
  const batch = (query.get('batch') || '').trim();
  const mode = batch ? 'batch' : 'period';
  const day = asOf() || today();
  const from = query.get('from') || `${day.slice(0, 4)}-01-01`;
  const to = query.get('to') || day;
  const recorded = query.get('recorded') === '1';
  const division = query.get('division') || '';
  const recordedAt = query.get('recorded_at') || '';

  const params = mode === 'batch' ? { batch, division, recorded_at: recordedAt } : { from, to, recorded: recorded ? 1 : '', division, recorded_at: recordedAt };
  const timer = setTimeout(() => mount(el, loading()), 150);
  let data = null;
  let failure = null;
  let choices = null;
  let batches = null;
  try {
    [data, choices, batches] = await Promise.all([
      get('/api/changes', params, { signal }).catch((err) => {
        if (err.name === 'AbortError') throw err;
        failure = err;
        return null;
      }),
      divisionChoices(signal).catch((err) => {
        if (err.name === 'AbortError') throw err;
        return null; // the report still shows, without the choice of division
      }),
      batchChoices(signal).catch((err) => {
        if (err.name === 'AbortError') throw err;
        return null; // the batch is typed instead
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }

  // ---- the controls ----
  let curMode = mode;
  const fromIn = dateInput(from, { name: 'from', label: t('起始日期') });
  const toIn = dateInput(to, { name: 'to', label: t('截止日期') });
  const basisSel = select(
    [
      { code: '', label: t('按生效日期') },
      { code: '1', label: t('按记录日期') },
    ],
    recorded ? '1' : '',
    { name: 'recorded' },
  );
  basisSel.setAttribute('aria-label', t('统计口径'));
  const periodBox = h(
    'div',
    { class: 'chg-mode-box', 'data-mode-box': 'period', hidden: mode !== 'period' },
    h('label', { class: 'inline-field' }, h('span', t('从')), fromIn),
    h('label', { class: 'inline-field' }, h('span', t('到')), toIn),
    basisSel,
  );
  // the batch: picked from those recorded (the one asked for kept even when none of its events is in scope)
  const batchOpts = batches && batches.length ? batches.map((b) => ({ code: b.batch, label: t('{batch}（{n} 户）', { batch: b.batch, n: b.households }) })) : null;
  if (batchOpts && batch && !batchOpts.some((o) => o.code === batch)) batchOpts.unshift({ code: batch, label: batch });
  const batchIn = batchOpts
    ? select(batchOpts, batch || batchOpts[0].code, { name: 'batch' })
    : h('input', {
    class: 'input chg-batch',
    name: 'batch',
    value: batch,
    maxlength: 64,
    autocomplete: 'off',
    placeholder: t('如：{batch}', { batch: EXAMPLE_BATCH }),
    'aria-label': t('批次'),
  });
  if (batchOpts) {
    batchIn.classList.add('chg-batch');
    batchIn.setAttribute('aria-label', t('批次'));
    batchIn.addEventListener('change', () => form.requestSubmit());
  }
  const batchBox = h('div', { class: 'chg-mode-box', 'data-mode-box': 'batch', hidden: mode !== 'batch' }, h('label', { class: 'inline-field' }, h('span', t('批次')), batchIn));

  // the division: the user's own or one right below it (and the one asked for, if it is further down)
  let divSel = null;
  if (choices) {
    const opts = choices.slice();
    const current = data ? data.division.code : division;
    if (current && !opts.some((o) => o.code === current)) opts.push({ code: current, label: data ? data.division.name : current });
    if (opts.length > 1) {
      divSel = select(opts, current || opts[0].code, { name: 'division' });
      divSel.setAttribute('aria-label', t('区划'));
    }
  }

  const problem = h('div', { class: 'chg-problem', role: 'alert', hidden: true });
  const say = (msg, focus) => {
    problem.hidden = false;
    mount(problem, icon('alert'), h('span', msg));
    if (focus) focus.focus();
  };

  const segBtns = ['period', 'batch'].map((m) =>
    h(
      'button',
      {
        type: 'button',
        class: ['seg-btn', m === mode && 'active'],
        'data-mode': m,
        'aria-pressed': m === mode ? 'true' : 'false',
        on: {
          click: () => {
            curMode = m;
            for (const b of segBtns) {
              b.classList.toggle('active', b.dataset.mode === m);
              b.setAttribute('aria-pressed', b.dataset.mode === m ? 'true' : 'false');
            }
            periodBox.hidden = m !== 'period';
            batchBox.hidden = m !== 'batch';
            problem.hidden = true;
            if (m === 'batch') batchIn.focus();
          },
        },
      },
      m === 'period' ? t('按时段') : t('按批次'),
    ),
  );

  const form = h(
    'form',
    {
      class: 'filters chg-filters',
      on: {
        submit: (e) => {
          e.preventDefault();
          problem.hidden = true;
          const p = { recorded_at: recordedAt || null };
          if (divSel) p.division = divSel.value === choices[0].code ? null : divSel.value;
          else p.division = division || null;
          if (curMode === 'batch') {
            const b = batchIn.value.trim();
            if (!b) return say(t('请填写批次名称。'), batchIn);
            p.batch = b;
          } else {
            const f = fromIn.value;
            const u = toIn.value;
            if (!isDate(f)) return say(t('请填写起始日期（YYYY-MM-DD）。'), fromIn.querySelector('input'));
            if (!isDate(u)) return say(t('请填写截止日期（YYYY-MM-DD）。'), toIn.querySelector('input'));
            if (f > u) return say(t('起始日期不能晚于截止日期。'), fromIn.querySelector('input'));
            p.from = f;
            p.to = u;
            if (basisSel.value === '1') p.recorded = 1;
          }
          navigate(link('/changes', p));
        },
      },
    },
    h('div', { class: 'seg', role: 'group', 'aria-label': t('统计范围') }, segBtns),
    periodBox,
    batchBox,
    divSel ? h('label', { class: 'inline-field' }, h('span', t('区划')), divSel) : null,
    h('button', { class: 'btn btn-primary', type: 'submit', 'data-action': 'query' }, t('统计')),
  );
  // a new division or basis reports at once
  for (const s of [divSel, basisSel]) if (s) s.addEventListener('change', () => form.requestSubmit());

  // ---- the report ----
  let result;
  if (failure) {
    result = card(t('统计结果'), errorBox(failure, () => navigate(location.pathname + location.search, { replace: true, keepScroll: true })), {
      name: 'changes',
      class: 'span-8',
    });
  } else {
    const cols = [
      {
        title: t('变动类型'),
        key: 'label',
        render: (r) => h('span', { class: 'chg-type' }, h('span', { class: ['dot', 'chg-dot', typeClass(r.type)], 'aria-hidden': 'true' }), r.label),
      },
      {
        title: t('户数人数'),
        key: 'nhmr',
        cls: 'num',
        render: (r) => h('a', { class: 'chg-line-link', href: lineLink(r.type), title: t('查看这些户'), 'aria-label': t('{label}：查看 {n}', { label: r.label, n: nhmrText(r) }) }, nhmr(r, 'nhmr-md'), icon('chevron', 'chg-line-go')),
      },
    ];
    const lineLink = (type) => link('/changes/households', { ...params, type });
    const total = data.total || { households: 0, persons: 0 };
    const foot = h('tr', { class: 'total-row', 'data-total': '' }, h('th', { scope: 'row' }, t('合计（户次、人次）')), h('td', { class: 'num' }, h('span', { class: 'chg-line-link' }, nhmr(total, 'nhmr-md'), icon('chevron', 'chg-line-go spacer'))));
    const body = data.rows.length
      ? table(cols, data.rows, { class: 'table-changes', rowData: (r) => ({ type: r.type }), onRow: (r) => navigate(lineLink(r.type)), foot })
      : data.batch !== null && data.batch !== undefined
        ? empty(t('批次“{batch}”没有变动', { batch: data.batch }), t('批次名称须与记录变动时填写的完全一致，如“{example}”。', { example: EXAMPLE_BATCH }))
        : empty(t('这段时间没有变动'), t('可换一个时段，或改按记录日期统计。'));
    result = card(
      h('span', { class: 'chg-title' }, data.division.name, h('span', { class: 'tag tag-level' }, levelLabel(data.division.level))),
      [h('div', { class: 'chg-print-scope', 'data-print-scope': '' }, t('{division} 变动统计', { division: data.division.name }), ' · ', scopeText(data)), body],
      {
        name: 'changes',
        class: 'span-8',
        flush: true,
        tools: h('span', { class: 'card-note', 'data-scope': '' }, scopeText(data)),
      },
    );
  }

  mount(
    el,
    h(
      'div',
      { class: 'page page-changes', 'data-mode': mode },
      pageHeader({
        title: t('变动统计'),
        subtitle: t('某一时段或某一批次内，各类变动涉及的户数和人数'),
        actions: data && data.rows.length
          ? [
              h('a', { class: 'btn', href: `/api/changes${qs({ ...params, format: 'xlsx' })}`, download: '', 'data-action': 'export' }, icon('download'), h('span', t('导出 Excel'))),
              h('button', { class: 'btn', type: 'button', 'data-action': 'print', on: { click: () => window.print() } }, icon('file'), h('span', t('打印'))),
            ]
          : null,
      }),
      h('section', { class: 'card chg-filters-card', 'data-card': 'filters' }, h('div', { class: 'card-body' }, form, problem)),
      h('div', { class: 'grid chg-grid' }, result, card(t('统计口径'), notes(), { name: 'notes', class: 'span-4 chg-notes-card' })),
    ),
  );
}

// The households behind one line of the report (/changes/households?type=…&the report's own parameters): the
// same scope, each household with its village, head and the line's persons, a page at a time; back to the report.
export async function changeHouseholdsView({ el, query, navigate, signal }) {
  const keep = ['from', 'to', 'recorded', 'batch', 'division', 'recorded_at'];
  const params = {};
  for (const k of keep) if (query.get(k)) params[k] = query.get(k);
  const type = query.get('type') || '';
  const page = Math.max(1, parseInt(query.get('page') || '1', 10) || 1);
  if (!params.batch && !(params.from && params.to)) {
    const day = asOf() || today();
    params.from = params.from || `${day.slice(0, 4)}-01-01`;
    params.to = params.to || day;
  }
  const back = link('/changes', params);
  const timer = setTimeout(() => mount(el, loading()), 150);
  let data = null;
  let failure = null;
  try {
    data = await get('/api/changes/households', { ...params, type, page, per_page: 50 }, { signal });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    failure = err;
  } finally {
    clearTimeout(timer);
  }
  const crumbs = [{ text: t('变动统计'), href: back }, { text: data ? data.label : t('变动户') }];
  let body;
  if (failure) body = card(t('变动户'), errorBox(failure, () => navigate(location.pathname + location.search, { replace: true, keepScroll: true })));
  else {
    const cols = [
      { title: t('户编号'), cls: 'mono', key: 'hh_no', render: (r) => h('a', { href: link(`/households/${r.hh_no}`), class: 'row-link' }, r.hh_no) },
      { title: t('户主'), key: 'head', render: (r) => r.head || h('span', { class: 'muted' }, t('无户主')) },
      { title: t('所在村'), key: 'village', render: (r) => (r.village_name ? [r.town_name ? h('span', { class: 'muted' }, r.town_name, ' ') : null, r.village_name] : r.village) },
      { title: t('涉及人数'), cls: 'num', key: 'persons', render: (r) => String(r.persons) },
      { title: t('生效日期'), cls: 'mono', key: 'effective', render: (r) => r.effective },
    ];
    const go = (p) => navigate(link('/changes/households', { ...params, type, page: p > 1 ? p : null }));
    body = card(
      h('span', { class: 'chg-title' }, data.division.name, h('span', { class: 'tag tag-level' }, levelLabel(data.division.level))),
      data.rows.length
        ? [
            h('div', { class: 'chg-print-scope', 'data-print-scope': '' }, t('{division} {label}', { division: data.division.name, label: data.label }), ' · ', scopeText(data)),
            table(cols, data.rows, { class: 'table-change-hh', onRow: (r) => navigate(link(`/households/${r.hh_no}`)) }),
            data.total.households > data.per_page ? pager({ total: data.total.households, page: data.page, per_page: data.per_page }, go) : null,
          ]
        : empty(t('没有这类变动的户')),
      { name: 'change-households', flush: true, tools: h('span', { class: 'card-note', 'data-scope': '' }, scopeText(data)) },
    );
  }
  mount(
    el,
    h(
      'div',
      { class: 'page page-change-hh' },
      pageHeader({
        crumbs,
        title: data ? t('{label}的户', { label: data.label }) : t('变动户'),
        subtitle: data ? [t('共 {text}', { text: nhmrText(data.total) }), ' · ', scopeText(data)] : null,
        actions: [
          h('a', { class: 'btn', href: back, 'data-action': 'back' }, t('返回变动统计')),
          data && data.rows.length ? h('button', { class: 'btn', type: 'button', 'data-action': 'print', on: { click: () => window.print() } }, icon('file'), h('span', t('打印'))) : null,
        ],
      }),
      body,
    ),
  );
}
