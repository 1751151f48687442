// findings.js: 托底清零 day to day. The list of findings (GET /api/findings) with the counts by rule and by
// village (GET /api/findings/summary), filtered by state, category, rule, village and household, all in the
// address; a run of the rules (POST /api/check/runs) and the export of the open ones for paper. One finding's
// page (GET /api/findings/:id): what is wrong, on what evidence, how to fix it (the household's page opens
// with the finding, and the change saved there is linked to it), the waiver asked for or given, and its
// history. The rules themselves (GET /api/check/rules) on their own page.

import { get, post, qs } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { actorText } from '../format.js';
import { state, can, link } from '../state.js';
import { pageHeader, card, table, empty, pager, loading, icon, select, dialog, field, toast, banner, showProblems, clearProblems, busyButton } from '../ui.js';

const STATES = [
  { code: 'open', label: '待整改' },
  { code: 'pending', label: '待确认豁免' },
  { code: 'fixed', label: '已整改' },
  { code: 'waived', label: '已豁免' },
];

let rulesCache = null;
export async function ruleTable(signal) {
  const lang = document.documentElement.lang;
  if (!rulesCache || rulesCache.lang !== lang) rulesCache = { lang, data: await get('/api/check/rules', null, { signal }) };
  return rulesCache.data;
}

// A finding's state as a badge: 待整改 (red), 待确认豁免 (amber), 已整改 (green), 已豁免 (gray).
export function stateBadge(f) {
  if (f.state === 'open' && f.pending) return h('span', { class: 'badge fs-pending', 'data-state': 'pending' }, t('待确认豁免'));
  const map = { open: ['fs-open', '待整改'], fixed: ['fs-fixed', '已整改'], waived: ['fs-waived', '已豁免'] };
  const [cls, label] = map[f.state] || ['st-none', f.state];
  return h('span', { class: ['badge', cls], 'data-state': f.state }, t(label));
}

export function categoryTag(code, label) {
  const tone = { identification: 'tag-red', exit: 'tag-amber', information: 'tag-blue', records: 'tag-gray' }[code] || 'tag-soft';
  return h('span', { class: ['tag', tone], 'data-category': code }, label);
}

function severityTag(code, label) {
  return h('span', { class: ['sev', `sev-${code}`], 'data-severity': code }, label);
}

// May the user confirm a village's waiver (a town or county user who writes)?
export function confirms() {
  const lv = state.me && state.me.division ? state.me.division.level : '';
  return can('write') && ['province', 'city', 'county', 'town'].includes(lv);
}

function kpi(key, title, n, tone, href) {
  return h(
    'a',
    { class: ['kpi', 'kpi-link', tone && `kpi-${tone}`], 'data-kpi': key, href },
    h('div', { class: 'kpi-title' }, title),
    h('div', { class: 'kpi-value' }, h('span', { class: 'kpi-num' }, String(n))),
  );
}

export async function findingsView({ el, query, navigate, signal }) {
  const f = {
    state: query.get('state') || '',
    category: query.get('category') || '',
    rule: query.get('rule') || '',
    division: query.get('division') || '',
    household: query.get('household') || '',
    // a campaign's findings (its rules, divisions and period): what its board counts, linked from there
    campaign: query.get('campaign') || '',
  };
  const page = Math.max(1, Number(query.get('page')) || 1);
  const timer = setTimeout(() => mount(el, loading()), 150);
  const apiState = f.state === 'pending' ? { pending: 1 } : { state: f.state };
  let data, sum, all, rt;
  try {
    [data, sum, all, rt] = await Promise.all([
      get('/api/findings', { ...apiState, category: f.category, rule: f.rule, division: f.division, household: f.household, campaign: f.campaign, page, per_page: 20 }, { signal }),
      get('/api/findings/summary', { category: f.category, rule: f.rule, household: f.household, division: f.division, campaign: f.campaign }, { signal }),
      get('/api/findings/summary', { division: f.division, campaign: f.campaign }, { signal }),
      ruleTable(signal),
    ]);
  } finally {
    clearTimeout(timer);
  }
  const go = (params) => navigate(link('/findings', { ...f, ...params, page: params.page || null }));
  const byRule = new Map(rt.rules.map((r) => [r.code, r]));
  const total = (k) => sum.by_rule.reduce((n, r) => n + r[k], 0);

  // filters
  const stSel = select(STATES.map((s) => ({ code: s.code, label: t(s.label) })), f.state, { blank: t('全部状态'), name: 'state' });
  const catSel = select(rt.categories, f.category, { blank: t('全部类别'), name: 'category' });
  const ruleSel = select(
    rt.rules.filter((r) => !f.category || r.category === f.category).map((r) => ({ code: r.code, label: t('{label}（{note}）', { label: r.label, note: r.code }) })),
    f.rule,
    { blank: t('全部规则'), name: 'rule' },
  );
  const villages = all.by_village.map((v) => ({ code: v.code, label: v.name || v.code }));
  const divSel = select(villages, f.division, { blank: t('全部村'), name: 'division' });
  const hhInput = h('input', { class: 'input', type: 'search', name: 'household', value: f.household, placeholder: t('户编号'), maxlength: 32, 'aria-label': t('户编号') });
  for (const s of [stSel, catSel, ruleSel, divSel]) s.addEventListener('change', () => go({ state: stSel.value, category: catSel.value, rule: s === catSel ? '' : ruleSel.value, division: divSel.value }));
  const filters = h(
    'form',
    { class: 'filters', on: { submit: (e) => { e.preventDefault(); go({ household: hhInput.value.trim() }); } } },
    stSel,
    catSel,
    ruleSel,
    divSel,
    h('div', { class: 'filter-q filter-q-sm' }, icon('search', 'search-icon'), hhInput),
    h('button', { class: 'btn', type: 'submit' }, t('查询')),
    f.state || f.category || f.rule || f.division || f.household ? h('a', { class: 'btn btn-ghost', href: link('/findings') }, t('清除筛选')) : null,
  );

  // actions: a run of every rule in the user's divisions, the export for paper
  const actions = [];
  if (can('write')) {
    const runBtn = h('button', { class: 'btn', type: 'button', 'data-action': 'run-check' }, icon('refresh'), h('span', t('运行检查')));
    runBtn.addEventListener(
      'click',
      busyButton(runBtn, async () => {
        const r = await post('/api/check/runs', { division: f.division || undefined });
        toast(t('检查完成：新发现 {a} 个，已整改 {b} 个', { a: r.run.opened + r.run.reopened, b: r.run.closed }));
        go({});
      }),
    );
    actions.push(runBtn);
  }
  if (can('write') || can('export'))
    actions.push(
      h('a', { class: 'btn', href: `/api/findings/export${qs({ format: 'xlsx', division: f.division, rule: f.rule, category: f.category, campaign: f.campaign, ...(f.state === 'pending' ? { pending: 1 } : { state: f.state }) })}`, download: '', 'data-action': 'export', title: t('下载 Excel，供入户核实时填写') }, icon('download'), h('span', t('导出清单'))),
    );
  actions.push(h('a', { class: 'btn btn-ghost', href: link('/rules') }, icon('log'), h('span', t('规则说明'))));

  const cols = [
    { title: t('编号'), cls: 'num mono', key: 'id', render: (r) => h('a', { href: link(`/findings/${r.id}`), class: 'row-link' }, `#${r.id}`) },
    {
      title: t('问题'),
      key: 'label',
      cls: 'col-finding',
      render: (r) =>
        h(
          'div',
          { class: 'finding-cell' },
          h('div', { class: 'finding-label' }, r.label, byRule.get(r.rule) ? categoryTag(r.category, byRule.get(r.rule).category_label) : null),
          h('div', { class: 'finding-msg' }, r.message),
        ),
    },
    {
      title: t('户编号 / 成员'),
      key: 'household',
      render: (r) => [
        r.household ? h('a', { class: 'mono', href: link(`/households/${r.household}`) }, r.household) : h('span', { class: 'muted' }, '—'),
        r.member ? h('div', { class: 'finding-msg nowrap' }, r.member) : null,
      ],
    },
    { title: t('所在村'), key: 'village', cls: 'nowrap', render: (r) => (r.village_name ? [r.village_name, r.town_name ? h('div', { class: 'finding-msg' }, r.town_name) : null] : r.village) },
    { title: t('状态'), key: 'state', cls: 'nowrap', render: (r) => [stateBadge(r), h('div', { class: 'finding-msg' }, (r.opened_at || '').slice(0, 10))] },
  ];
  const list = data.total
    ? h('div', table(cols, data.rows, { class: 'table-findings', onRow: (r) => navigate(link(`/findings/${r.id}`)), rowData: (r) => ({ finding: r.id, rule: r.rule }) }), pager(data, (p) => go({ page: p })))
    : empty(f.state || f.rule || f.category || f.division || f.household ? t('没有符合条件的问题') : t('暂无数据质量问题'), can('write') ? t('点击“运行检查”按全部规则检查本辖区。') : null);

  const ruleList = sum.by_rule.length
    ? h(
        'ul',
        { class: 'facet-list' },
        sum.by_rule.map((r) =>
          h(
            'li',
            { class: ['facet', f.rule === r.rule && 'active'], 'data-rule': r.rule },
            h('a', { href: link('/findings', { ...f, rule: f.rule === r.rule ? null : r.rule, page: null }) }, h('span', { class: 'facet-label' }, r.label), h('span', { class: 'facet-n', title: t('待整改') }, String(r.open))),
          ),
        ),
      )
    : empty(t('无'));
  const villageList = sum.by_village.length
    ? h(
        'ul',
        { class: 'facet-list' },
        sum.by_village.map((v) =>
          h(
            'li',
            { class: ['facet', f.division === v.code && 'active'], 'data-village': v.code },
            h('a', { href: link('/findings', { ...f, division: f.division === v.code ? null : v.code, page: null }) }, h('span', { class: 'facet-label' }, v.name || v.code), h('span', { class: 'facet-n' }, String(v.open))),
          ),
        ),
      )
    : empty(t('无'));

  const totalsAll = (k) => all.by_rule.reduce((n, r) => n + r[k], 0);
  mount(
    el,
    h(
      'div',
      { class: 'page page-findings' },
      pageHeader({ title: t('数据质量问题'), subtitle: t('托底清零：识别不准、退出不准、信息不准、档案不规范的问题，逐条整改或说明理由豁免'), actions }),
      f.campaign
        ? h(
            'div',
            { class: 'notice', 'data-campaign': f.campaign },
            icon('flag'),
            h('div', t('专项行动“{name}”的问题：只列该行动的规则、区划和期间内的问题。进行中的行动与看板的数字一致；已结束的行动列出结束前发现的问题及其现在的状态，看板保留结束时的数字。', { name: f.campaign }), ' ', h('a', { href: link(`/campaigns/${encodeURIComponent(f.campaign)}`) }, t('返回看板'))),
            h('a', { class: 'btn btn-sm', href: link('/findings', { ...f, campaign: null, page: null }), 'data-action': 'all-findings' }, t('查看全部问题')),
          )
        : null,
      h(
        'div',
        { class: 'kpis kpis-4' },
        kpi('open', t('待整改'), totalsAll('open') - totalsAll('pending'), 'poor', link('/findings', { division: f.division, campaign: f.campaign || null, state: 'open' })),
        kpi('pending', t('待确认豁免'), totalsAll('pending'), 'returned', link('/findings', { division: f.division, campaign: f.campaign || null, state: 'pending' })),
        kpi('fixed', t('已整改'), totalsAll('fixed'), 'exited', link('/findings', { division: f.division, campaign: f.campaign || null, state: 'fixed' })),
        kpi('waived', t('已豁免'), totalsAll('waived'), 'muted', link('/findings', { division: f.division, campaign: f.campaign || null, state: 'waived' })),
      ),
      h(
        'div',
        { class: 'grid' },
        h(
          'div',
          { class: 'span-9 stack' },
          card(t('问题清单'), h('div', filters, list), { name: 'findings', tools: h('span', { class: 'card-note' }, t('共 {n} 个', { n: data.total })) }),
        ),
        h(
          'div',
          { class: 'span-3 stack' },
          card(t('按规则'), ruleList, { name: 'by-rule', tools: h('span', { class: 'card-note' }, t('待整改 {n}', { n: total('open') })) }),
          card(t('按村'), villageList, { name: 'by-village' }),
        ),
      ),
    ),
  );
}

// ---- one finding ----

function dl(items) {
  return h(
    'dl',
    { class: 'facts-grid' },
    items.filter(Boolean).map(([k, v, key]) => h('div', { class: 'facts-item', 'data-item': key || null }, h('dt', k), h('dd', v === '' || v === null || v === undefined ? h('span', { class: 'muted' }, '—') : v))),
  );
}

const ACTIONS = {
  opened: '发现',
  reopened: '重新打开',
  fixed: '已整改',
  waive_requested: '申请豁免',
  waived: '豁免',
  waiver_refused: '驳回豁免',
  linked: '关联整改',
};

function historyList(f) {
  return h(
    'ol',
    { class: 'timeline timeline-compact' },
    f.history
      .slice()
      .reverse()
      .map((x) =>
        h(
          'li',
          { class: ['tl-item', `fa-${x.action}`], 'data-action': x.action },
          h('div', { class: 'tl-date' }, h('span', { class: 'tl-eff' }, (x.at || '').slice(0, 10)), h('span', { class: 'tl-eff-label' }, (x.at || '').slice(11, 16))),
          h('div', { class: ['tl-dot', x.action === 'fixed' ? 'st-exited' : x.action === 'waived' ? 'st-none' : x.action === 'reopened' || x.action === 'opened' ? 'st-poor' : 'st-returned'] }),
          h(
            'div',
            { class: 'tl-body' },
            h('div', { class: 'tl-title' }, h('span', { class: 'tl-type' }, t(ACTIONS[x.action] || x.action)), h('span', { class: 'muted' }, ' ', actorText(x.actor))),
            x.note ? h('div', { class: 'tl-line' }, x.note) : null,
            x.run ? h('div', { class: 'tl-line muted' }, t('第 {n} 次检查', { n: x.run })) : null,
            x.ref ? h('div', { class: 'tl-line muted' }, x.ref.kind === 'edit' ? t('信息更正（变动记录 {id}）', { id: x.ref.id }) : t('变动记录 {id}', { id: x.ref.id })) : null,
          ),
        ),
      ),
  );
}

function evidence(f) {
  const e = f.evidence;
  if (!e) return h('div', { class: 'muted' }, t('依据建档立卡登记信息'));
  return h(
    'div',
    dl([
      [t('名单'), e.kind_label || e.kind, 'list'],
      [t('提供部门'), e.source || '', 'source'],
      [t('名单日期'), e.list_date, 'list_date'],
      [t('名单行号'), e.row ? t('第 {n} 行', { n: e.row }) : '', 'row'],
      e.day ? [e.day_label || t('日期'), e.day, 'day'] : null,
      e.value ? [e.value_label || t('内容'), e.value, 'value'] : null,
      e.name ? [t('名单上的姓名'), e.name, 'name'] : null,
    ]),
    e.deleted ? h('div', { class: 'notice' }, icon('info'), h('span', t('该名单已删除；本问题保留当时的依据，待该成员办理减少后关闭。'))) : null,
  );
}

function waiveDialog(f, done) {
  const reason = h('textarea', { class: 'input', name: 'reason', rows: 3, maxlength: 300 });
  const ok = h('button', { class: 'btn btn-primary', type: 'submit', 'data-action': 'save', form: 'waive-form' }, confirms() ? t('豁免') : t('提交申请'));
  const form = h(
    'form',
    { class: 'form', id: 'waive-form', novalidate: true },
    h('p', { class: 'form-intro' }, confirms() ? t('豁免后该问题不再计为待整改；若以后出现新情况，会自动重新打开。') : t('村级的豁免申请须由乡镇或县级用户确认。')),
    banner(),
    h('div', { class: 'form-grid' }, field({ name: 'reason', label: t('豁免理由'), control: reason, required: true, wide: true })),
  );
  const cancel = h('button', { class: 'btn', type: 'button' }, t('取消'));
  const dlg = dialog({ title: t('豁免问题 #{id}', { id: f.id }), body: form, footer: [cancel, ok] });
  cancel.addEventListener('click', () => dlg.dismiss());
  form.addEventListener(
    'submit',
    busyButton(ok, async (e) => {
      e && e.preventDefault && e.preventDefault();
      clearProblems(form);
      try {
        await post(`/api/findings/${f.id}/waive`, { reason: reason.value });
        dlg.close();
        toast(confirms() ? t('已豁免') : t('已提交豁免申请'));
        done();
      } catch (err) {
        showProblems(form, [{ field: err.field, message: err.message }]);
      }
    }),
  );
  form.addEventListener('submit', (e) => e.preventDefault());
}

function refuseDialog(f, done) {
  const note = h('textarea', { class: 'input', name: 'note', rows: 3, maxlength: 300 });
  const ok = h('button', { class: 'btn btn-danger', type: 'submit', 'data-action': 'save', form: 'refuse-form' }, t('驳回'));
  const form = h('form', { class: 'form', id: 'refuse-form', novalidate: true }, banner(), h('div', { class: 'form-grid' }, field({ name: 'note', label: t('驳回理由'), control: note, required: true, wide: true })));
  const cancel = h('button', { class: 'btn', type: 'button' }, t('取消'));
  const dlg = dialog({ title: t('驳回豁免申请'), body: form, footer: [cancel, ok] });
  cancel.addEventListener('click', () => dlg.dismiss());
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener(
    'submit',
    busyButton(ok, async () => {
      clearProblems(form);
      try {
        await post(`/api/findings/${f.id}/waiver`, { decision: 'refuse', note: note.value });
        dlg.close();
        toast(t('已驳回'));
        done();
      } catch (err) {
        showProblems(form, [{ field: err.field, message: err.message }]);
      }
    }),
  );
}

export async function findingView({ el, params, render, signal }) {
  const timer = setTimeout(() => mount(el, loading()), 150);
  let f;
  try {
    f = await get(`/api/findings/${encodeURIComponent(params.id)}`, null, { signal });
  } finally {
    clearTimeout(timer);
  }
  const info = f.rule_info || {};
  const actions = [];
  const open = f.state === 'open';
  if (can('write') && open && f.household)
    actions.push(h('a', { class: 'btn btn-primary', href: link(`/households/${f.household}`, { finding: f.id }), 'data-action': 'fix' }, icon('edit'), h('span', t('去整改'))));
  if (can('write') && open) {
    const again = h('button', { class: 'btn', type: 'button', 'data-action': 'recheck' }, icon('refresh'), h('span', t('重新检查')));
    again.addEventListener(
      'click',
      busyButton(again, async () => {
        const r = await post(`/api/findings/${f.id}/recheck`);
        toast(r.state === 'fixed' ? t('已整改，问题已关闭') : t('问题仍然存在'), r.state === 'fixed' ? null : 'error');
        render();
      }),
    );
    actions.push(again);
    if (!f.pending) actions.push(h('button', { class: 'btn', type: 'button', 'data-action': 'waive', on: { click: () => waiveDialog(f, render) } }, t('申请豁免')));
  }
  let pendingBox = null;
  if (open && f.pending) {
    const tools = [];
    if (confirms()) {
      const yes = h('button', { class: 'btn btn-primary btn-sm', type: 'button', 'data-action': 'confirm' }, t('确认豁免'));
      yes.addEventListener(
        'click',
        busyButton(yes, async () => {
          await post(`/api/findings/${f.id}/waiver`, { decision: 'confirm' });
          toast(t('已豁免'));
          render();
        }),
      );
      tools.push(yes, h('button', { class: 'btn btn-sm', type: 'button', 'data-action': 'refuse', on: { click: () => refuseDialog(f, render) } }, t('驳回')));
    }
    pendingBox = h(
      'div',
      { class: 'notice notice-warn', 'data-notice': 'pending' },
      icon('alert'),
      h('div', h('div', t('{by} 申请豁免，待乡镇或县级确认：{reason}', { by: actorText(f.waiver.by), reason: f.waiver.reason }))),
      tools.length ? h('div', { class: 'notice-tools' }, tools) : null,
    );
  }
  const closed =
    f.state === 'fixed'
      ? h('div', { class: 'notice notice-ok', 'data-notice': 'fixed' }, icon('check'), h('span', t('已整改，{at} 的检查不再发现此问题。', { at: f.closed_at })))
      : f.state === 'waived'
        ? h('div', { class: 'notice', 'data-notice': 'waived' }, icon('info'), h('span', t('已豁免：{reason}（{by}）', { reason: f.waiver ? f.waiver.reason : '', by: f.waiver ? actorText(f.waiver.by) : '' })))
        : null;
  mount(
    el,
    h(
      'div',
      { class: 'page page-finding', 'data-finding': f.id },
      pageHeader({
        crumbs: [{ text: t('数据质量问题'), href: link('/findings') }, { text: `#${f.id}` }],
        title: info.label || f.rule,
        badge: [stateBadge(f), info.category ? categoryTag(info.category, info.category_label) : null, info.severity ? severityTag(info.severity, info.severity_label) : null],
        subtitle: h('span', h('span', { class: 'mono' }, f.rule), nationalRef(info.ref) ? h('span', { class: 'muted' }, ' · ', t('全国核查规则 {ref}', { ref: info.ref })) : null),
        actions,
      }),
      pendingBox,
      closed,
      h(
        'div',
        { class: 'grid' },
        card(
          t('问题'),
          h(
            'div',
            h('p', { class: 'finding-message', 'data-item': 'message' }, f.message),
            dl([
              [t('户编号'), f.household ? h('a', { href: link(`/households/${f.household}`) }, f.household) : '', 'household'],
              [t('成员'), f.member || '', 'member'],
              [t('所在村'), [f.division.town ? `${f.division.town} · ` : '', f.division.name || f.division.code], 'village'],
              [t('来源'), f.source === 'registry' ? t('建档立卡登记信息') : t('部门比对名单'), 'source'],
              [t('发现时间'), f.opened_at, 'opened_at'],
              f.closed_at ? [t('关闭时间'), f.closed_at, 'closed_at'] : null,
            ]),
          ),
          { class: 'span-7', name: 'finding' },
        ),
        card(
          t('整改建议'),
          h('div', h('p', { class: 'fix-advice', 'data-item': 'fix' }, info.fix || ''), f.fix ? h('div', { class: 'muted' }, t('已关联整改：{what}', { what: f.fix.kind === 'edit' ? t('信息更正') : t('变动记录') })) : null),
          { class: 'span-5', name: 'advice' },
        ),
        card(t('依据'), evidence(f), { class: 'span-7', name: 'evidence' }),
        card(t('处理记录'), historyList(f), { class: 'span-5', name: 'history' }),
      ),
    ),
  );
}

// ---- the rules ----

// The national check rule's number (1_01_002), where the rule has one (not a section of our own rules).
function nationalRef(ref) {
  return ref && /^\d/.test(ref) ? ref : '';
}

export async function rulesView({ el, signal }) {
  const rt = await ruleTable(signal);
  const cols = [
    { title: t('规则'), key: 'code', cls: 'mono', render: (r) => h('a', { href: link('/findings', { rule: r.code }) }, r.code) },
    { title: t('全国编号'), key: 'ref', cls: 'mono nowrap', render: (r) => nationalRef(r.ref) || h('span', { class: 'muted' }, '—') },
    { title: t('类别'), key: 'category', render: (r) => categoryTag(r.category, r.category_label) },
    { title: t('严重程度'), key: 'severity', render: (r) => severityTag(r.severity, r.severity_label) },
    { title: t('检查内容'), key: 'label', render: (r) => r.label },
    { title: t('整改建议'), key: 'fix', cls: 'muted', render: (r) => r.fix },
  ];
  mount(
    el,
    h(
      'div',
      { class: 'page page-rules' },
      pageHeader({ crumbs: [{ text: t('数据质量问题'), href: link('/findings') }, { text: t('规则说明') }], title: t('数据质量规则'), subtitle: t('共 {n} 条规则；编号为全国防返贫监测信息系统核查规则的编号（有对应的）', { n: rt.rules.length }) }),
      card(null, table(cols, rt.rules, { class: 'table-rules', rowData: (r) => ({ rule: r.code }) }), { flush: true, name: 'rules' }),
    ),
  );
}
