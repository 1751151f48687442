// proposals.js: 精准识别与退出 proposals. The inbox (proposals waiting for a step the user's role may do, oldest
// first), every proposal by state or by campaign (grouped by village), one proposal with its steps as a
// timeline, its check and the form for the current step, and the dialogs that open a proposal or record an
// assessment from the household page. The printable 公示/公告 and the exit analysis sheet are the server's
// HTML pages (GET /api/proposals/:id/notice, /sheet), opened in a new tab.

import { get, post, ApiError } from '../api.js';
import { h, mount } from '../dom.js';
import { t, getLang } from '../i18n.js';
import { can, link } from '../state.js';
import { today, actorText } from '../format.js';
import { pageHeader, card, table, empty, icon, loading, field, select, input, dateInput, banner, busyButton, showProblems, clearProblems, toast, pager, dialog } from '../ui.js';
import { formDialog } from './forms.js';
import { monitorInFields, MONITOR_IN_INTRO, typeLabel, riskText } from './monitor.js';

const TYPES = [
  { code: 'exit', label: '脱贫', en: 'Exit' },
  { code: 'return', label: '返贫', en: 'Return to poverty' },
  { code: 'remove', label: '识别不准剔除', en: 'Removal (wrongly identified)' },
  { code: 'clear', label: '清退', en: 'Clearance' },
];
const CHANNELS = [
  { code: 'apply', label: '农户申请' },
  { code: 'screening', label: '干部排查' },
  { code: 'comparison', label: '部门比对' },
  { code: 'feedback', label: '上级反馈' },
];
const DECISIONS = { approve: '同意', reject: '不同意', object: '异议' };

// A 风险消除 of a household without labour is approved without marking the risk eliminated: the household stays
// monitored once its social security is in place (no event recorded). Its tag says so, not 已通过.
const keptMonitored = (p) => p.type === 'risk_eliminate' && p.state === 'approved' && !p.event;

function stateTag(p) {
  if (keptMonitored(p)) return h('span', { class: ['tag', 'tag-amber'], 'data-state': p.state }, t('已审定，继续监测'));
  const cls = { open: 'tag-blue', approved: 'tag-green', rejected: 'tag-red' }[p.state];
  return h('span', { class: ['tag', cls], 'data-state': p.state }, t(p.state_label));
}

function stepCell(p) {
  if (!p.step) return h('span', { class: 'muted' }, '—');
  return h('span', { class: 'step-cell' }, h('span', { class: 'step-name' }, p.step_label), p.overdue ? h('span', { class: 'tag tag-red' }, t('超期')) : null);
}

function listTable(rows) {
  const cols = [
    { title: t('编号'), key: 'id', cls: 'num', render: (p) => h('a', { href: link(`/proposals/${p.id}`) }, String(p.id)) },
    { title: t('事项'), key: 'type', render: (p) => p.type_label },
    { title: t('农户 / 村'), key: 'subject', render: (p) => (p.household ? [h('a', { href: link(`/households/${p.household}`) }, p.head || p.household), h('span', { class: 'muted mono' }, ' ', p.household)] : p.division.name) },
    { title: t('所在村'), key: 'village', render: (p) => [p.division.town || '', ' ', p.division.name] },
    { title: t('当前步骤'), key: 'step', render: stepCell },
    { title: t('本步骤起'), key: 'since', cls: 'nowrap', render: (p) => p.step_since || '' },
    { title: t('状态'), key: 'state', render: stateTag },
    { title: t('批次'), key: 'batch', render: (p) => (p.batch ? h('a', { href: link('/proposals', { batch: p.batch }) }, p.batch) : '') },
  ];
  return table(cols, rows, { class: 'table-proposals', rowData: (p) => ({ id: p.id, step: p.step || '', state: p.state }), onRow: (p) => navigateTo(`/proposals/${p.id}`) });
}

function navigateTo(url) {
  history.pushState(null, '', link(url));
  window.dispatchEvent(new PopStateEvent('popstate'));
}

// /proposals?tab=inbox|open|approved|rejected|all&batch=B
const PER_PAGE = 50;

export async function proposalsView({ el, query, signal, navigate }) {
  mount(el, loading());
  const batch = query.get('batch');
  const tab = batch ? 'all' : query.get('tab') || 'inbox';
  const params = {};
  if (batch) params.batch = batch;
  if (tab === 'inbox') params.inbox = 1;
  else if (tab !== 'all') params.state = tab;
  const data = await get('/api/proposals', params, { signal });
  const tabs = [
    ['inbox', t('待我办理'), data.inbox],
    ['open', t('办理中')],
    ['approved', t('已通过')],
    ['rejected', t('未通过')],
    ['all', t('全部')],
  ];
  const tabBar = h(
    'div',
    { class: 'tabs', role: 'tablist' },
    tabs.map(([k, label, n]) => h('a', { class: ['tab', k === tab && !batch && 'active'], href: link('/proposals', { tab: k }), role: 'tab', 'data-tab': k }, label, n ? h('span', { class: 'tab-count' }, String(n)) : null)),
  );
  let body;
  if (!data.rows.length) body = card(null, empty(tab === 'inbox' ? t('没有等待您办理的申请') : t('没有申请')), { class: 'span-12' });
  else if (batch) {
    // the campaign page: its proposals by village, with each one's step
    const byVillage = new Map();
    for (const p of data.rows) {
      const k = `${p.division.town || ''} ${p.division.name}`;
      if (!byVillage.has(k)) byVillage.set(k, []);
      byVillage.get(k).push(p);
    }
    body = [...byVillage.entries()].map(([v, rows]) => card(v, listTable(rows), { class: 'span-12', flush: true, name: 'village', tools: h('span', { class: 'card-note' }, t('{n} 项', { n: rows.length })) }));
  } else {
    // 50 a page (a county's 全部 holds a thousand and more)
    const page = Math.min(Math.max(1, Number(query.get('page')) || 1), Math.max(1, Math.ceil(data.rows.length / PER_PAGE)));
    const rows = data.rows.slice((page - 1) * PER_PAGE, page * PER_PAGE);
    body = card(
      null,
      [listTable(rows), data.rows.length > PER_PAGE ? pager({ total: data.rows.length, page, per_page: PER_PAGE }, (p) => navigate(link('/proposals', { tab, page: p }))) : null],
      { class: 'span-12', flush: true, name: 'proposals' },
    );
  }
  mount(
    el,
    h(
      'div',
      { class: 'page page-proposals' },
      pageHeader({
        title: batch ? t('批次：{b}', { b: batch }) : t('评议审批'),
        subtitle: batch ? t('本批次的申请，按村列出，共 {n} 项', { n: data.total }) : t('入户核实 → 民主评议 → 村内公示 → 乡镇审核 → 县级审定 → 公告，公告后才记入建档立卡；纳入监测和风险消除在县级审定后生效'),
        crumbs: batch ? [{ text: t('评议审批'), href: link('/proposals') }, { text: batch }] : null,
      }),
      batch ? null : tabBar,
      h('div', { class: 'grid' }, body),
    ),
  );
}

// The acts an objection undid: an objection in a notice sends the proposal back (its step's back_to), and the
// acts of the steps from there to the notice, taken before it, are of the earlier round (their votes no longer
// carry it; the review votes again).
function undoneActs(p) {
  const steps = p.workflow.steps;
  const at = (code) => steps.findIndex((s) => s.code === code);
  const undone = new Set();
  p.steps.forEach((o, k) => {
    if (o.decision !== 'object') return;
    const to = at(steps[at(o.step)]?.back_to), from = at(o.step);
    if (to < 0) return;
    for (let j = 0; j < k; j++) {
      const i = at(p.steps[j].step);
      if (i >= to && i <= from && p.steps[j].decision === 'approve') undone.add(p.steps[j]);
    }
  });
  return undone;
}

function timeline(p) {
  const steps = p.workflow.steps;
  const doneUpTo = p.state === 'approved' ? steps.length : p.step_no;
  const undone = undoneActs(p);
  // the latest act an objection: the step it sent the proposal back to says so while it waits
  const last = p.steps[p.steps.length - 1];
  const sentBack = p.state === 'open' && last && last.decision === 'object' ? last : null;
  return h(
    'ol',
    { class: 'wf-steps' },
    steps.map((s, i) => {
      const acts = p.steps.filter((a) => a.step === s.code);
      const cls = p.state === 'rejected' && acts.some((a) => a.decision === 'reject') ? 'wf-rejected' : i < doneUpTo ? 'wf-done' : i === p.step_no && p.state === 'open' ? 'wf-current' : 'wf-todo';
      return h(
        'li',
        { class: ['wf-step', cls], 'data-step': s.code },
        h('div', { class: 'wf-dot' }, i < doneUpTo && cls === 'wf-done' ? icon('check') : String(i + 1)),
        h(
          'div',
          { class: 'wf-body' },
          h('div', { class: 'wf-title' }, s.label, s.days ? h('span', { class: 'muted' }, t('（{n} 天）', { n: s.days })) : null),
          acts.map((a) =>
            h(
              'div',
              { class: ['wf-act', `wf-act-${a.decision}`, undone.has(a) ? 'wf-act-undone' : null], 'data-undone': undone.has(a) ? '1' : null },
              h('span', { class: 'wf-date mono' }, a.date),
              ' ',
              h('span', { class: 'wf-decision' }, t(DECISIONS[a.decision] || a.decision)),
              ' · ',
              actorText(a.by),
              a.votes ? h('span', { class: 'muted' }, t('（赞成 {f}，反对 {a}，弃权 {b}）', { f: a.votes.for, a: a.votes.against, b: a.votes.abstain })) : null,
              undone.has(a) ? h('span', { class: 'wf-undone-tag' }, t('因异议重新办理')) : null,
              a.note ? h('div', { class: 'wf-note' }, a.note) : null,
              a.override ? h('div', { class: 'wf-note warn-text' }, t('核查例外：'), a.override) : null,
            ),
          ),
          cls === 'wf-current' && sentBack ? h('div', { class: 'wf-note warn-text', 'data-part': 'sent-back' }, s.votes ? t('{d} {s}期间有异议，退回重新评议：须重新表决', { d: sentBack.date, s: steps.find((x) => x.code === sentBack.step)?.label || '' }) : t('{d} {s}期间有异议，退回此步重新办理', { d: sentBack.date, s: steps.find((x) => x.code === sentBack.step)?.label || '' })) : null,
          cls === 'wf-current' && p.notice ? h('div', { class: 'wf-note' }, t('{s} 起公示，{c} 起可结束公示', { s: p.notice.start, c: p.notice.closable_from })) : null,
        ),
      );
    }),
  );
}

// The check: the one its step recorded, else (preview) as it stands today, before the step that runs it. A
// 风险消除 check of a household without labour passes on its social security and the household stays
// monitored (keep_monitoring, the domain's): the sum says so.
function checklist(c, { preview = false } = {}) {
  if (!c) return empty(t('入户核实通过后显示核查结果'));
  const keep = c.pass && c.keep_monitoring;
  const sum = !c.pass ? t('核查未通过') : keep ? t('核查通过：无劳动能力户落实社会保障后继续监测，审定后不标注风险消除') : t('核查通过');
  return h(
    'div',
    { class: 'checklist', 'data-preview': preview ? '1' : null },
    h('div', { class: ['check-sum', !c.pass ? 'fail' : keep ? 'keep' : 'pass'] }, sum, h('span', { class: 'muted' }, t('（核查日期 {d}）', { d: c.date }))),
    preview ? h('p', { class: 'check-preview muted' }, t('预检：按今天的记录核查；办理核查步骤时按办理日期重新核查，未通过的须写明核查例外理由。')) : null,
    c.lines.map((l) => h('div', { class: ['check-line', l.pass ? 'pass' : 'fail'], 'data-check': l.code }, h('span', { class: 'check-mark' }, icon(l.pass ? 'check' : 'x')), h('div', h('div', { class: 'check-label' }, l.label), h('div', { class: 'check-reason' }, l.reason)))),
  );
}

function actionForm(p, reload) {
  const step = p.workflow.steps[p.step_no];
  const date = dateInput(today(), { name: 'date', label: t('办理日期') });
  const note = h('textarea', { class: 'input', name: 'note', rows: 2, maxlength: 500, placeholder: t('意见或说明') });
  const vf = input('', { name: 'votes_for', inputmode: 'numeric', maxlength: 5 });
  const va = input('', { name: 'votes_against', inputmode: 'numeric', maxlength: 5 });
  const vb = input('', { name: 'votes_abstain', inputmode: 'numeric', maxlength: 5 });
  const override = h('textarea', { class: 'input', name: 'override', rows: 2, maxlength: 500, placeholder: t('核查未通过仍要继续的，须写明理由（记入审计）') });
  const form = h(
    'form',
    { class: 'form', novalidate: true, 'data-step': step.code },
    banner(),
    h(
      'div',
      { class: 'form-grid' },
      field({ name: 'date', label: t('办理日期'), control: date, required: true }),
      step.votes
        ? h(
            'div',
            // data-field on the field, its error line inside (showProblems writes there: a refused vote said
            // nothing and broke the page when the error line itself carried it)
            { class: 'field votes', 'data-field': 'votes' },
            h('span', { class: 'field-label' }, t('评议票数')),
            h('div', { class: 'votes-row' }, ...[[t('赞成'), vf], [t('反对'), va], [t('弃权'), vb]].map(([cap, box]) => h('label', { class: 'vote' }, h('span', { class: 'vote-cap' }, cap), box))),
            h('div', { class: 'field-error', role: 'alert' }),
          )
        : null,
      field({ name: 'note', label: t('意见'), control: note, wide: true }),
      step.check ? field({ name: 'override', label: t('核查例外理由'), control: override, wide: true }) : null,
    ),
  );
  const send = async (action) => {
    clearProblems(form);
    const body = { action, step: step.code, date: date.value };
    if (note.value.trim()) body.note = note.value.trim();
    // the three boxes left empty are no votes given (the review asks for them), not a review that voted none
    if (step.votes && action === 'approve' && (vf.value || va.value || vb.value))
      body.votes = { for: Number(vf.value || 0), against: Number(va.value || 0), abstain: Number(vb.value || 0) };
    if (step.check && override.value.trim() && action === 'approve') body.override = override.value.trim();
    try {
      await post(`/api/proposals/${p.id}/actions`, body);
      toast(t('已办理'));
      reload();
    } catch (err) {
      showProblems(form, err.field ? [{ field: err.field === 'action' ? '' : err.field, message: err.message }] : [{ field: '', message: err.message }]);
    }
  };
  // 不同意 ends the proposal for good: its reason is required (the 意见) and it is confirmed first
  const reject = () => {
    clearProblems(form);
    if (!note.value.trim()) {
      showProblems(form, [{ field: 'note', message: t('不同意须在“意见”中写明理由') }]);
      return;
    }
    const ok = h('button', { class: 'btn btn-danger', type: 'button', 'data-action': 'confirm-reject' }, t('不同意（终止）'));
    const cancel = h('button', { class: 'btn', type: 'button' }, t('取消'));
    const dlg = dialog({
      title: t('终止申请 #{id}', { id: p.id }),
      body: [h('p', t('{step}不同意，申请随即终止，不能恢复；如需再办，须重新提出申请。', { step: step.label })), h('p', { class: 'muted' }, t('理由：{note}', { note: note.value.trim() }))],
      footer: [cancel, ok],
    });
    cancel.addEventListener('click', () => dlg.close());
    ok.addEventListener(
      'click',
      busyButton(ok, async () => {
        await send('reject');
        dlg.close();
      }),
    );
  };
  const btn = (action, text, cls) => {
    const b = h('button', { class: ['btn', cls], type: 'button', 'data-action': action }, text);
    b.addEventListener('click', action === 'reject' ? reject : busyButton(b, () => send(action)));
    return b;
  };
  return h(
    'div',
    { class: 'act-panel' },
    form,
    h('div', { class: 'act-buttons' }, btn('approve', step.days ? t('公示期满，无异议') : t('同意'), 'btn-primary'), step.days ? btn('object', t('记录异议'), '') : null, btn('reject', t('不同意（终止）'), 'btn-danger')),
  );
}

// /proposals/:id
// The household a 新识别 / 应纳未纳 proposal carries (ID numbers masked), and whether it is registered yet.
function newHouseholdTable(p) {
  const cols = [
    { title: t('姓名'), key: 'name', render: (m) => m.name || '—' },
    { title: t('与户主关系'), key: 'relation', render: (m) => m.relation_label || '—' },
    { title: t('证件号码'), key: 'id_no', cls: 'mono', render: (m) => m.id_no || '—' },
  ];
  const note = p.state === 'approved' ? t('已于公告时登记入册。') : p.state === 'rejected' ? t('申请未通过，未登记。') : t('公告后才登记入册；此前不计入任何统计。');
  return h('div', { 'data-new-household': p.new_household.hh_no }, table(cols, p.new_household.members), h('p', { class: 'muted small' }, note));
}

export async function proposalView({ el, params, signal, render }) {
  mount(el, loading());
  const load = async () => {
    const p = await get(`/api/proposals/${params.id}`, null, { signal });
    // an open proposal's check before its step has run: as it stands today (a failing check was hidden until
    // the step refused it)
    const checked = ['exit', 'village_exit', 'risk_eliminate'].includes(p.type);
    const preview = !p.check && checked && p.state === 'open' ? await get(`/api/proposals/${p.id}/check`, null, { signal }).catch(() => null) : null;
    const reload = () => load();
    const links = [];
    const printable = p.steps.some((a) => a.decision === 'approve' && p.workflow.steps.find((s) => s.code === a.step && s.print)) || (p.step && p.workflow.steps[p.step_no] && p.workflow.steps[p.step_no].print);
    if (printable) links.push(h('a', { class: 'btn', href: `/api/proposals/${p.id}/notice`, target: '_blank', rel: 'noopener', 'data-action': 'notice' }, icon('file'), h('span', t('打印公示/公告'))));
    // 纳入监测 and 风险消除 take effect at the county's 审定 (no 公告): they are recorded as a monitoring case
    const monitoring = p.type === 'monitor_in' || p.type === 'risk_eliminate';
    // the day it took effect: the stored one, else the day of the last approval (公告, or 审定 for monitoring)
    const lastApproval = [...p.steps].reverse().find((a) => a.decision === 'approve');
    const effective = p.effective || (p.state === 'approved' && lastApproval ? lastApproval.date : monitoring ? t('县级审定之日') : t('公告之日'));
    const recorded = !monitoring ? t('已记入建档立卡（记录 {id}）', { id: p.event }) : p.type === 'monitor_in' ? t('已纳入监测（记录 {id}）', { id: p.event }) : t('已标注风险消除（记录 {id}）', { id: p.event });
    const approvedText = !monitoring ? t('已公告，已记入建档立卡') : p.type === 'monitor_in' ? t('已审定，已纳入监测') : p.event ? t('已审定，已标注风险消除') : t('已审定：无劳动能力，落实社会保障后继续监测');
    if (p.type === 'exit') links.push(h('a', { class: 'btn btn-ghost', href: `/api/proposals/${p.id}/sheet`, target: '_blank', rel: 'noopener', 'data-action': 'sheet' }, icon('file'), h('span', t('双认定分析表'))));
    const facts = h(
      'dl',
      // one column: the card is 5/12 wide, two columns squeezed the household number over two lines
      { class: 'facts-grid facts-grid-1' },
      [
        [t('事项'), p.type_label],
        // a proposed household (新识别 / 应纳未纳) is in the registry only once announced
        [t('农户'), p.household && !(p.new_household && p.state !== 'approved') ? h('a', { href: link(`/households/${p.household}`) }, p.head || '', ' ', h('span', { class: 'mono nowrap' }, p.household)) : p.household ? [p.head || '', ' ', h('span', { class: 'mono nowrap' }, p.household)] : '—'],
        [t('所在村'), `${p.division.town || ''} ${p.division.name}`],
        [t('提出日期'), `${p.opened} · ${actorText(p.opened_by)}`],
        p.monitor_type ? [t('监测对象类别'), typeLabel(p.monitor_type, p.monitor_type_label)] : null,
        p.risks ? [t('风险类型'), riskText(p.risks, p.risk_labels)] : null,
        p.way ? [t('消除方式'), p.way === 'help' ? t('帮扶消除') : p.way === 'natural' ? t('自然消除') : p.way_label] : null,
        [t('生效日期'), effective],
        monitoring && p.deadline ? [t('办结时限'), p.state === 'open' && p.overdue ? [p.deadline, ' ', h('span', { class: 'tag tag-red' }, t('超期'))] : p.deadline] : null,
        [t('来源'), p.channel_label || '—'],
        [t('理由'), p.reason || '—'],
        [t('批次'), p.batch ? h('a', { href: link('/proposals', { batch: p.batch }) }, p.batch) : '—'],
        [t('流程'), `${t(p.workflow.name)} v${p.workflow.version}`],
        p.override ? [t('核查例外理由'), h('span', { class: 'warn-text' }, p.override)] : null,
        p.event ? [t('变动记录'), recorded] : null,
      ]
        .filter(Boolean)
        .map(([k, v]) => h('div', { class: 'facts-item' }, h('dt', k), h('dd', v))),
    );
    mount(
      el,
      h(
        'div',
        { class: 'page page-proposal', 'data-id': p.id, 'data-state': p.state, 'data-step': p.step || '' },
        pageHeader({
          crumbs: [{ text: t('评议审批'), href: link('/proposals') }, { text: t('申请 {id}', { id: p.id }) }],
          title: p.household ? t('{name}户 · {type}', { name: p.head || p.household, type: p.type_label }) : t('{v} · {type}', { v: p.division.name, type: p.type_label }),
          badge: stateTag(p),
          subtitle: p.step ? t('当前步骤：{s}（{d} 起）', { s: p.step_label, d: p.step_since }) : p.state === 'approved' ? approvedText : t('已终止'),
          actions: links,
        }),
        h(
          'div',
          { class: 'grid' },
          card(t('办理进度'), timeline(p), { class: 'span-7', name: 'timeline' }),
          card(t('申请信息'), facts, { class: 'span-5', name: 'facts' }),
          p.new_household ? card(t('拟纳入农户（{n} 人）', { n: p.new_household.persons }), newHouseholdTable(p), { class: 'span-7', name: 'new-household' }) : null,
          p.check || checked ? card(p.type === 'village_exit' ? t('出列核查') : p.type === 'risk_eliminate' ? t('风险消除核查') : t('退出核查（两不愁三保障）'), checklist(p.check || preview, { preview: !p.check && !!preview }), { class: 'span-7', name: 'check' }) : null,
          // after a step the whole page is drawn again, the navigation's count of proposals waiting too
          p.may_act && can('write') ? card(t('办理：{s}', { s: p.step_label }), actionForm(p, render || reload), { class: 'span-5', name: 'act' }) : null,
        ),
      ),
    );
  };
  await load();
}

// The dialog that opens a proposal for a household (from the household page). A 脱贫户 or an 一般农户 not
// monitored may also be proposed for 纳入监测: its own fields (type, risks, channel: the same as from a
// warning, not prefilled) take the place of the source and the batch.
// The proposals a household's status allows (none: the page offers no 提出申请; a monitored household's
// elimination goes through its monitoring card).
export function proposalTypes(hh) {
  const status = hh.status_now ? hh.status_now.code : '';
  const allowed = { poor: ['exit', 'remove', 'clear'], returned: ['exit', 'remove', 'clear'], exited_supported: ['return', 'remove', 'clear'], exited_unsupported: ['return', 'remove', 'clear'] }[status] || [];
  const types = TYPES.filter((x) => allowed.includes(x.code)).map((x) => ({ code: x.code, label: getLang() === 'en' ? x.en : x.label }));
  if (!hh.monitored && ['exited_supported', 'exited_unsupported', 'ordinary'].includes(status)) types.push({ code: 'monitor_in', label: t('纳入监测') });
  return types;
}

export function newProposalDialog(hh, done) {
  const status = hh.status_now ? hh.status_now.code : '';
  const types = proposalTypes(hh);
  const monitorable = types.some((x) => x.code === 'monitor_in');
  const typeSel = select(types, types[0] ? types[0].code : '', types.length ? { name: 'type' } : { name: 'type', blank: t('没有可提出的申请') });
  const head = hh.members.find((m) => m.relation && m.relation.code === '01')?.name;
  const mon = monitorable ? monitorInFields({ household: hh.hh_no, head, status }, null, { channelName: 'mon_channel' }) : null;
  const reason = input('', { name: 'reason', maxlength: 200, placeholder: t('例如：务工收入稳定，两不愁三保障已落实') });
  const channel = select(CHANNELS.map((c) => ({ code: c.code, label: t(c.label) })), 'apply', { name: 'channel' });
  const batch = input('', { name: 'batch', maxlength: 100, placeholder: t('例如：2018年脱贫退出') });
  const date = dateInput(today(), { name: 'date', label: t('提出日期') });
  const intro = h('span');
  const general = [field({ name: 'channel', label: t('来源'), control: channel }), field({ name: 'batch', label: t('批次'), control: batch })];
  const isMon = () => typeSel.value === 'monitor_in';
  const sync = () => {
    for (const f of general) f.hidden = isMon();
    for (const f of mon ? mon.nodes : []) f.hidden = !isMon();
    reason.placeholder = isMon() ? '' : t('例如：务工收入稳定，两不愁三保障已落实');
    intro.textContent = isMon() ? t(MONITOR_IN_INTRO) : t('申请经入户核实、民主评议、村内公示、乡镇审核、县级审定和公告后才记入建档立卡。');
  };
  typeSel.addEventListener('change', sync);
  sync();
  return formDialog({
    title: t('提出申请：{name}户', { name: head || hh.hh_no }),
    intro,
    content: [
      field({ name: 'type', label: t('事项'), control: typeSel, required: true }),
      ...(mon ? mon.nodes : []),
      ...general,
      field({ name: 'reason', label: t('理由'), control: reason, wide: true }),
      field({ name: 'date', label: t('提出日期'), control: date, required: true }),
    ],
    okText: t('提出申请'),
    wide: monitorable,
    done,
    mapField: (f) => (f === 'channel' && isMon() ? 'mon_channel' : f),
    send: async () => {
      if (!typeSel.value) throw new ApiError(400, { code: 'proposal_type', field: 'type', message: t('请选择申请事项') });
      if (isMon()) {
        const body = { ...mon.body(), date: date.value };
        if (reason.value.trim()) body.reason = reason.value.trim();
        return post('/api/proposals', body);
      }
      const body = { type: typeSel.value, household: hh.hh_no, channel: channel.value, date: date.value };
      if (reason.value.trim()) body.reason = reason.value.trim();
      if (batch.value.trim()) body.batch = batch.value.trim();
      return post('/api/proposals', body);
    },
  });
}

// The dialog that records an assessment (入户核实记录).
export function assessmentDialog(hh, done) {
  const yn = (name) => select([{ code: 'true', label: t('是') }, { code: 'false', label: t('否') }], '', { name, blank: t('未核实') });
  const ctl = { food: yn('food'), clothing: yn('clothing'), education: yn('education'), medical: yn('medical'), water: yn('water') };
  const housing = select(['A', 'B', 'C', 'D'].map((g) => ({ code: g, label: t('{g} 级', { g }) })).concat([{ code: 'relocated', label: t('易地搬迁已入住') }]), '', { name: 'housing', blank: t('未核实') });
  const assessor = input('', { name: 'assessor', maxlength: 60, placeholder: t('核实人（可写多人）') });
  const date = dateInput(today(), { name: 'date', label: t('核实日期') });
  const note = input('', { name: 'note', maxlength: 300 });
  return formDialog({
    title: t('入户核实记录'),
    intro: t('按入户核实的实际情况填写；退出核查以退出日期前最近一次核实为准。'),
    content: [
      field({ name: 'date', label: t('核实日期'), control: date, required: true }),
      field({ name: 'assessor', label: t('核实人'), control: assessor, required: true }),
      field({ name: 'food', label: t('不愁吃'), control: ctl.food }),
      field({ name: 'clothing', label: t('不愁穿'), control: ctl.clothing }),
      field({ name: 'education', label: t('义务教育有保障'), control: ctl.education }),
      field({ name: 'medical', label: t('基本医疗有保障'), control: ctl.medical }),
      field({ name: 'housing', label: t('住房安全等级'), control: housing }),
      field({ name: 'water', label: t('饮水安全有保障'), control: ctl.water }),
      field({ name: 'notes', label: t('说明'), control: note, wide: true }),
    ],
    okText: t('保存'),
    wide: true,
    done,
    send: async () => {
      const body = { assessor: assessor.value.trim(), date: date.value };
      for (const [k, s] of Object.entries(ctl)) if (s.value) body[k] = s.value === 'true';
      if (housing.value) body.housing = housing.value;
      if (note.value.trim()) body.notes = { note: note.value.trim() };
      return post(`/api/households/${hh.hh_no}/assessments`, body);
    },
  });
}
