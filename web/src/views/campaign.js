// campaign.js: 托底清零专项行动. The campaigns (GET /api/campaigns), each a named clean-up with a start and a
// deadline gathering the findings of chosen rules in a division; a new one (POST /api/campaigns, town and county
// users); one campaign's board (GET /api/campaigns/:name?by=town|village): open, waiting for a waiver's
// confirmation, fixed, waived and overdue by town or by village, and the change report of the batch named after
// the campaign (the changes recorded with it as their batch).

import { get, post } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { can, link, state } from '../state.js';
import { today, nhmr } from '../format.js';
import { pageHeader, card, table, empty, loading, icon, dialog, field, input, dateInput, toast, banner, showProblems, clearProblems, busyButton } from '../ui.js';
import { ruleTable, confirms, categoryTag } from './findings.js';

function done(x) {
  return x.fixed + x.waived;
}
function all(x) {
  return x.open + x.fixed + x.waived;
}

// Fixed and waived against all, as a bar with its percentage.
function progress(x) {
  const n = all(x);
  const pct = n ? Math.round((done(x) * 100) / n) : 0;
  return h(
    'div',
    { class: 'done-bar', title: t('已完成 {a} / {b}', { a: done(x), b: n }), 'data-pct': pct },
    h('div', { class: 'done-track' }, h('div', { class: 'done-fill', style: { width: `${n ? pct : 0}%` } })),
    h('span', { class: 'done-pct' }, n ? `${pct}%` : '—'),
  );
}

function period(c) {
  return [c.start || '', ' — ', c.deadline || t('不限期')];
}

function deadlineTag(c) {
  if (c.closed) return h('span', { class: 'tag tag-soft', 'data-tag': 'closed' }, t('已结束 {d}', { d: c.closed.day }));
  if (!c.deadline) return null;
  if (c.past_deadline) return h('span', { class: 'tag tag-red', 'data-tag': 'past' }, t('已过期限'));
  return h('span', { class: 'tag tag-soft' }, t('期限 {d}', { d: c.deadline }));
}

function newCampaignDialog(rt, navigate) {
  const name = input('', { maxlength: 100, placeholder: t('例如：2026年死亡人员清理'), name: 'name' });
  const start = dateInput(today(), { name: 'start' });
  const deadline = dateInput('', { name: 'deadline' });
  const boxes = rt.categories.map((c) =>
    h(
      'fieldset',
      { class: 'rule-group' },
      h('legend', categoryTag(c.code, c.label)),
      rt.rules
        .filter((r) => r.category === c.code)
        .map((r) => h('label', { class: 'check rule-check' }, h('input', { type: 'checkbox', name: 'rules', value: r.code }), h('span', r.label), h('span', { class: 'muted mono' }, ` ${r.code}`))),
    ),
  );
  const rulesBox = h('div', { class: 'field field-wide', 'data-field': 'rules' }, h('div', { class: 'field-label' }, t('纳入的规则'), h('span', { class: 'req', 'aria-hidden': 'true' }, '*')), h('div', { class: 'rule-picker' }, boxes), h('div', { class: 'field-error', role: 'alert' }));
  const ok = h('button', { class: 'btn btn-primary', type: 'submit', 'data-action': 'save', form: 'campaign-form' }, t('创建'));
  const form = h(
    'form',
    { class: 'form', id: 'campaign-form', novalidate: true },
    h('p', { class: 'form-intro' }, t('专项行动汇集所选规则在本辖区发现的问题，按乡镇、村显示整改进度；以行动名称为批次记录的变动构成其变动报表。')),
    banner(),
    h(
      'div',
      { class: 'form-grid' },
      field({ name: 'name', label: t('行动名称'), control: name, required: true, wide: true }),
      field({ name: 'start', label: t('开始日期'), control: start }),
      field({ name: 'deadline', label: t('整改期限'), control: deadline }),
      rulesBox,
    ),
  );
  const cancel = h('button', { class: 'btn', type: 'button' }, t('取消'));
  const dlg = dialog({ title: t('新建专项行动'), body: form, footer: [cancel, ok], wide: true });
  cancel.addEventListener('click', () => dlg.dismiss());
  const submit = busyButton(ok, async () => {
    clearProblems(form);
    const rules = [...form.querySelectorAll('input[name="rules"]:checked')].map((c) => c.value);
    try {
      const c = await post('/api/campaigns', { name: name.value.trim(), rules: rules.join(','), start: start.value || undefined, deadline: deadline.value || undefined });
      dlg.close();
      toast(t('已创建'));
      navigate(link(`/campaigns/${encodeURIComponent(c.name)}`));
    } catch (err) {
      showProblems(form, err.problems && err.problems.length ? err.problems : [{ field: err.field, message: err.message }]);
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
}

// Whether the user's divisions hold all of the campaign's (the server refuses a close otherwise).
function holdsCampaign(c) {
  const mine = state.me && state.me.division ? state.me.division.code : '';
  if (!mine || /^0*$/.test(mine)) return true;
  const n = [2, 4, 6, 9, 12].find((l) => /^0*$/.test(mine.slice(l)));
  return !!c.division && !/^0*$/.test(c.division) && c.division.slice(0, n) === mine.slice(0, n);
}

// Closing a campaign (its acceptance): the board as it stands is kept; later findings and fixes are not its.
function closeCampaignDialog(c, reload) {
  const note = h('textarea', { class: 'input', name: 'note', rows: 3, maxlength: 200, placeholder: t('例如：经县级验收，整改到位') });
  const ok = h('button', { class: 'btn btn-primary', type: 'submit', 'data-action': 'confirm-close', form: 'close-campaign-form' }, t('结束行动'));
  const form = h(
    'form',
    { class: 'form', id: 'close-campaign-form', novalidate: true },
    h('p', { class: 'form-intro' }, t('结束后，本行动的进度保留为结束时的情况：此后新发现或整改的问题不再计入本行动。此操作不能撤销。')),
    banner(),
    h('div', { class: 'form-grid' }, field({ name: 'note', label: t('验收意见'), control: note, wide: true })),
  );
  const cancel = h('button', { class: 'btn', type: 'button' }, t('取消'));
  const dlg = dialog({ title: t('结束专项行动：{name}', { name: c.name }), body: form, footer: [cancel, ok] });
  cancel.addEventListener('click', () => dlg.dismiss());
  const submit = busyButton(ok, async () => {
    clearProblems(form);
    try {
      await post(`/api/campaigns/${encodeURIComponent(c.name)}/close`, { note: note.value.trim() || undefined });
      dlg.close();
      toast(t('专项行动已结束'));
      reload();
    } catch (err) {
      showProblems(form, [{ field: err.field === 'name' ? '' : err.field, message: err.message }]);
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
}

export async function campaignsView({ el, navigate, signal }) {
  const timer = setTimeout(() => mount(el, loading()), 150);
  let data, rt;
  try {
    [data, rt] = await Promise.all([get('/api/campaigns', null, { signal }), ruleTable(signal)]);
  } finally {
    clearTimeout(timer);
  }
  const actions = [];
  if (confirms()) actions.push(h('button', { class: 'btn btn-primary', type: 'button', 'data-action': 'new-campaign', on: { click: () => newCampaignDialog(rt, navigate) } }, icon('plus'), h('span', t('新建专项行动'))));
  const label = new Map(rt.rules.map((r) => [r.code, r.label]));
  const cols = [
    { title: t('行动名称'), key: 'name', render: (c) => h('a', { href: link(`/campaigns/${encodeURIComponent(c.name)}`), class: 'strong' }, c.name) },
    { title: t('纳入的规则'), key: 'rules', render: (c) => h('span', { class: 'muted' }, c.rules.map((r) => label.get(r) || r).join(t('、'))) },
    { title: t('时间'), key: 'period', cls: 'nowrap', render: (c) => [period(c), ' ', deadlineTag(c)] },
    { title: t('待整改'), key: 'open', cls: 'num', render: (c) => String(c.totals.open) },
    { title: t('逾期'), key: 'overdue', cls: 'num', render: (c) => (c.totals.overdue ? h('span', { class: 'warn-text' }, String(c.totals.overdue)) : '0') },
    { title: t('完成进度'), key: 'progress', render: (c) => progress(c.totals) },
  ];
  mount(
    el,
    h(
      'div',
      { class: 'page page-campaigns' },
      pageHeader({ title: t('专项行动'), subtitle: t('托底清零专项行动：限期整改所选规则发现的问题'), actions }),
      card(
        null,
        data.rows.length
          ? table(cols, data.rows, { class: 'table-campaigns', onRow: (c) => navigate(link(`/campaigns/${encodeURIComponent(c.name)}`)), rowData: (c) => ({ campaign: c.name }) })
          : empty(t('还没有专项行动'), confirms() ? t('点击“新建专项行动”选择规则和整改期限。') : null),
        { flush: true, name: 'campaigns' },
      ),
    ),
  );
}

export async function campaignView({ el, params, query, navigate, signal }) {
  const by = query.get('by') === 'village' ? 'village' : 'town';
  const town = /^\d{12}$/.test(query.get('town') || '') ? query.get('town') : '';
  const onlyOpen = query.get('all') !== '1';
  const timer = setTimeout(() => mount(el, loading()), 150);
  let c, rt, towns;
  try {
    [c, rt, towns] = await Promise.all([
      get(`/api/campaigns/${encodeURIComponent(params.name)}`, { by: town ? 'village' : by }, { signal }),
      ruleTable(signal),
      town ? get(`/api/campaigns/${encodeURIComponent(params.name)}`, { by: 'town' }, { signal }) : null,
    ]);
  } finally {
    clearTimeout(timer);
  }
  const here = (p) => link(`/campaigns/${encodeURIComponent(c.name)}`, { by: c.by === 'village' && !town ? 'village' : null, town, all: onlyOpen ? null : 1, ...p });
  const label = new Map(rt.rules.map((r) => [r.code, r]));
  const findingsLink = (code, state) => link('/findings', { division: code, campaign: c.name, state });

  let rows = c.rows;
  if (town) rows = rows.filter((r) => r.code.slice(0, 9) === town.slice(0, 9));
  const shown = c.by === 'village' && onlyOpen ? rows.filter((r) => all(r) + r.pending > 0) : rows;
  const num = (r, k, state) => (r[k] ? h('a', { href: c.by === 'village' ? findingsLink(r.code, state) : here({ by: null, town: r.code }) }, String(r[k])) : h('span', { class: 'muted' }, '0'));
  const cols = [
    {
      title: c.by === 'village' ? t('村') : t('乡镇'),
      key: 'name',
      render: (r) => (c.by === 'village' ? h('a', { href: findingsLink(r.code) }, r.name || r.code) : h('a', { href: here({ town: r.code }) }, r.name || r.code)),
    },
    { title: t('待整改'), key: 'open', cls: 'num', render: (r) => num(r, 'open', 'open') },
    { title: t('待确认豁免'), key: 'pending', cls: 'num', render: (r) => num(r, 'pending', 'pending') },
    { title: t('已整改'), key: 'fixed', cls: 'num', render: (r) => num(r, 'fixed', 'fixed') },
    { title: t('已豁免'), key: 'waived', cls: 'num', render: (r) => num(r, 'waived', 'waived') },
    { title: t('逾期'), key: 'overdue', cls: 'num', render: (r) => (r.overdue ? h('span', { class: 'warn-text strong' }, String(r.overdue)) : h('span', { class: 'muted' }, '0')) },
    { title: t('完成进度'), key: 'progress', render: (r) => progress(r) },
  ];
  const foot = h(
    'tr',
    { class: 'total-row' },
    h('th', { scope: 'row' }, t('合计')),
    ['open', 'pending', 'fixed', 'waived', 'overdue'].map((k) => h('td', { class: 'num', 'data-col': k }, String(town ? rows.reduce((n, r) => n + r[k], 0) : c.totals[k]))),
    h('td', progress(town ? rows.reduce((s, r) => ({ open: s.open + r.open, fixed: s.fixed + r.fixed, waived: s.waived + r.waived }), { open: 0, fixed: 0, waived: 0 }) : c.totals)),
  );
  const seg = h(
    'div',
    { class: 'seg', role: 'group', 'aria-label': t('汇总层级') },
    h('a', { class: ['seg-btn', c.by === 'town' && !town && 'active'], href: here({ by: null, town: null }), 'data-by': 'town' }, t('按乡镇')),
    h('a', { class: ['seg-btn', (c.by === 'village' || town) && 'active'], href: here({ by: 'village', town: null }), 'data-by': 'village' }, t('按村')),
  );
  // a board within one town (a town's campaign, a town user's board) is by village: no choice to make
  const oneTown = c.by === 'village' && !town && new Set(c.rows.map((r) => r.code.slice(0, 9))).size <= 1;
  const tools = oneTown ? [] : [seg];
  if (c.by === 'village')
    tools.push(h('a', { class: 'btn btn-sm btn-ghost', href: here({ all: onlyOpen ? 1 : null }) }, onlyOpen ? t('显示全部村') : t('只看有问题的村')));
  const board = shown.length
    ? table(cols, shown, { class: 'table-board', foot, rowData: (r) => ({ division: r.code }), rowClass: (r) => (r.overdue ? 'row-overdue' : null) })
    : empty(all(c.totals) ? t('所选范围内没有问题') : t('尚未发现问题'), all(c.totals) ? null : t('运行检查后，所选规则发现的问题会出现在这里。'));

  const chg = c.changes;
  const chgBody = chg && chg.rows.length
    ? table([{ title: t('变动类型'), key: 'label', render: (r) => h('a', { href: link('/changes/households', { batch: c.name, type: r.type, recorded_at: chg.recorded_at }) }, r.label) }, { title: t('户数人数'), key: 'nhmr', cls: 'num', render: (r) => nhmr(r, 'nhmr-md') }], chg.rows, { class: 'table-changes', rowData: (r) => ({ type: r.type }) })
    : empty(t('还没有以“{batch}”为批次记录的变动', { batch: c.name }), t('整改时在“记录变动”中填写批次为行动名称，变动即计入本报表。'));

  const crumbs = [{ text: t('专项行动'), href: link('/campaigns') }];
  if (town) {
    const tr = towns && towns.rows.find((r) => r.code === town);
    crumbs.push({ text: c.name, href: here({ town: null, by: null }) });
    crumbs.push({ text: tr ? tr.name : town });
  } else crumbs.push({ text: c.name });
  mount(
    el,
    h(
      'div',
      { class: 'page page-campaign', 'data-campaign': c.name },
      pageHeader({
        crumbs,
        title: c.name,
        badge: deadlineTag(c),
        subtitle: h('span', period(c), ' · ', c.rules.map((r) => (label.get(r) ? label.get(r).label : r)).join(t('、'))),
        actions: [
          h('a', { class: 'btn', href: link('/findings', { campaign: c.name }), 'data-action': 'findings' }, icon('log'), h('span', t('问题清单'))),
          !c.closed && confirms() && holdsCampaign(c)
            ? h('button', { class: 'btn', type: 'button', 'data-action': 'close-campaign', on: { click: () => closeCampaignDialog(c, () => navigate(location.pathname + location.search, { replace: true })) } }, icon('check'), h('span', t('结束行动')))
            : null,
        ],
      }),
      c.closed
        ? h(
            'div',
            { class: 'notice notice-ok', 'data-notice': 'closed' },
            icon('info'),
            h('span', t('本行动已于 {day} 由 {by} 结束', { day: c.closed.day, by: c.closed.by }), c.closed.note ? t('，验收意见：{note}', { note: c.closed.note.replace(/[。.．\s]+$/, '') }) : '', t('。以下为结束时的情况，此后发现或整改的问题不计入本行动；问题清单列出结束前发现的问题及其现在的状态。')),
          )
        : null,
      h(
        'div',
        { class: 'kpis kpis-4' },
        h('div', { class: 'kpi kpi-poor', 'data-kpi': 'open' }, h('div', { class: 'kpi-title' }, t('待整改')), h('div', { class: 'kpi-value' }, h('span', { class: 'kpi-num' }, String(c.totals.open)))),
        h('div', { class: 'kpi kpi-returned', 'data-kpi': 'overdue' }, h('div', { class: 'kpi-title' }, t('逾期未整改')), h('div', { class: 'kpi-value' }, h('span', { class: 'kpi-num' }, String(c.totals.overdue)))),
        h('div', { class: 'kpi kpi-exited', 'data-kpi': 'fixed' }, h('div', { class: 'kpi-title' }, t('已整改')), h('div', { class: 'kpi-value' }, h('span', { class: 'kpi-num' }, String(c.totals.fixed)))),
        h('div', { class: 'kpi kpi-muted', 'data-kpi': 'waived' }, h('div', { class: 'kpi-title' }, t('已豁免')), h('div', { class: 'kpi-value' }, h('span', { class: 'kpi-num' }, String(c.totals.waived)))),
      ),
      h(
        'div',
        { class: 'grid' },
        card(town ? t('各村进度') : c.by === 'village' ? t('各村进度') : t('各乡镇进度'), board, { class: 'span-8', name: 'board', flush: true, tools }),
        // the batch is the campaign's name (the page's title)
        card(t('变动报表'), chgBody, {
          class: 'span-4',
          name: 'changes',
          flush: true,
          tools: chg && chg.rows.length ? [h('a', { class: 'btn btn-sm btn-ghost', href: link('/changes', { batch: c.name, recorded_at: chg.recorded_at }), 'data-action': 'changes' }, t('完整报表'))] : [],
        }),
      ),
    ),
  );
}
