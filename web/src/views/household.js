// household.js: one household (GET /api/households/:no?as_of=): who lives there, its attributes, income by
// year, 两不愁三保障 as far as the registry records it, its open data-quality findings, and its whole history —
// corrections shown as corrections, superseded events struck through. Editing and recording events open
// dialogs (forms.js). Opened from a finding (?finding=ID, the finding page's 去整改), the page says what to fix,
// offers the change the fix advice names, and every change saved names the finding (forms.js setFixing).

import { get } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { can, asOf, link, codes, state } from '../state.js';
import { statusBadge, statusClass, ym, money, today } from '../format.js';
import { pageHeader, card, table, empty, icon, loading } from '../ui.js';
import { fieldLabel, fieldValue } from '../fields.js';
import { editMemberDialog, addMemberDialog, editHouseholdDialog, eventDialog, incomeDialog, setFixing } from './forms.js';
import { newProposalDialog, assessmentDialog, proposalTypes } from './proposals.js';
import { monitoringCard } from './monitor.js';
import { assistanceCards, assistanceActions } from './assistance-household.js';
import { stateBadge } from './findings.js';

function dl(items) {
  return h(
    'dl',
    { class: 'facts-grid' },
    items.filter(Boolean).map(([k, v, key]) => h('div', { class: 'facts-item', 'data-item': key || null }, h('dt', k), h('dd', v === '' || v === null || v === undefined ? h('span', { class: 'muted' }, t('未填写')) : v))),
  );
}

function basics(hh) {
  return dl([
    [t('所在村'), [hh.town ? h('a', { href: link(`/divisions/${hh.town.code}`) }, hh.town.name) : null, hh.town ? ' · ' : null, hh.village ? h('a', { href: link(`/divisions/${hh.village.code}`) }, hh.village.name) : ''], 'village'],
    [t('贫困户属性'), hh.attribute ? hh.attribute.label : '', 'attribute'],
    [t('主要致贫原因'), hh.cause_main ? hh.cause_main.label : '', 'cause_main'],
    [t('其他致贫原因'), (hh.cause_other || []).map((c) => c.label).join(t('、')), 'cause_other'],
    [t('识别标准'), hh.id_standard ? hh.id_standard.label : '', 'id_standard'],
    [t('识别年月'), ym(hh.identified_ym), 'identified_ym'],
    [t('脱贫年度'), hh.exit_year ? String(hh.exit_year) : '', 'exit_year'],
    [t('联系电话'), hh.phone || '', 'phone'],
    [t('开户银行'), hh.bank || '', 'bank'],
    [t('银行账号'), hh.bank_account || '', 'bank_account'],
    [withDate(t('{date} 状态', { date: '\u0000' }), hh.as_of), statusBadge(hh.status), 'status'],
    [t('当前状态'), [statusBadge(hh.status_now), hh.monitored ? h('span', { class: 'tag tag-amber' }, t('防返贫监测对象')) : null], 'status_now'],
  ]);
}

// A label with a date in it (a NUL where the date goes): the date does not break at its hyphens ("Status on
// 2026-" / "12-07" in English).
function withDate(text, date) {
  const [before, after] = text.split('\u0000');
  return h('span', before, h('span', { class: 'nowrap' }, date), after);
}

function yes(b) {
  return b ? h('span', { class: 'yes', title: t('是') }, icon('check'), h('span', { class: 'sr' }, t('是'))) : h('span', { class: 'no' }, '—');
}

function members(hh, onEdit, fixing) {
  if (!hh.members.length) return empty(t('{date} 时该户没有成员', { date: hh.as_of }));
  const canWrite = can('write');
  const cols = [
    { title: t('姓名'), key: 'name', cls: 'col-member', render: (m) => h('div', { class: 'member-name' }, h('span', { class: 'member-name-text' }, m.name), m.relation ? h('span', { class: 'tag tag-soft' }, m.relation.label) : null) },
    { title: t('证件号码'), key: 'id_no', cls: 'mono nowrap', render: (m) => m.id_no },
    { title: t('性别'), key: 'sex', render: (m) => (m.sex ? m.sex.label : '') },
    { title: t('出生日期'), key: 'birth', cls: 'nowrap', render: (m) => [m.birth || '', m.age !== null && m.age !== undefined ? h('span', { class: 'muted' }, t('（{n}岁）', { n: m.age })) : null] },
    { title: t('文化程度 / 在校'), key: 'education', render: (m) => (m.schooling ? m.schooling.label : m.education ? m.education.label : '') },
    // health is masked as the numbers are: 显示完整信息 shows it (audited)
    { title: t('健康状况'), key: 'health', render: (m) => (m.health ? h('span', { class: m.health.code !== '01' ? 'warn-text' : null }, m.health.label) : m.health_withheld ? h('span', { class: 'muted', title: t('健康状况已脱敏，显示完整信息后可见') }, t('（已隐去）')) : '') },
    { title: t('劳动技能'), key: 'labor', render: (m) => (m.labor ? m.labor.label : '') },
    { title: t('务工'), key: 'work', render: (m) => (m.work_status ? [m.work_status.label, m.work_months ? h('span', { class: 'work-months' }, t('{n} 个月', { n: m.work_months })) : null] : h('span', { class: 'muted' }, '—')) },
    {
      title: t('参保与救助'),
      key: 'support',
      render: (m) => {
        const tags = [
          m.ins_medical && t('医保'),
          m.ins_serious && t('大病'),
          m.ins_pension && t('养老'),
          m.dibao && t('低保'),
          m.tekun && t('特困'),
        ].filter(Boolean);
        return tags.length ? h('span', { class: 'chips' }, tags.map((x) => h('span', { class: 'tag tag-soft' }, x))) : h('span', { class: 'no' }, '—');
      },
    },
  ];
  // the action first: on a tablet the table scrolls sideways and a last column would be off screen
  if (canWrite)
    cols.unshift({
      title: h('span', { class: 'sr' }, t('操作')),
      key: 'actions',
      cls: 'actions',
      render: (m) => h('button', { class: 'btn btn-sm btn-ghost', type: 'button', 'data-action': 'edit-member', 'data-member': m.id, on: { click: () => onEdit(m) } }, icon('edit'), h('span', t('修改'))),
    });
  return table(cols, hh.members, { class: 'table-members', rowData: (m) => ({ member: m.id }), rowClass: (m) => (fixing && fixing.member_id === m.id ? 'row-finding' : null) });
}

// 两不愁三保障 as far as the registry records it; what it does not record is said plainly.
function guarantees(hh, as) {
  const ms = hh.members;
  const school = ms.filter((m) => m.age !== null && m.age !== undefined && m.age >= 6 && m.age <= 15);
  const others = ms.filter((m) => m.schooling && m.schooling.code !== '01' && !school.includes(m));
  const insured = ms.filter((m) => m.ins_medical);
  const notInsured = ms.filter((m) => !m.ins_medical);
  const serious = ms.filter((m) => m.ins_serious);
  const row = (title, state, ...body) =>
    h('div', { class: ['g-row', `g-${state}`] }, h('div', { class: 'g-head' }, h('span', { class: 'g-dot' }), h('span', { class: 'g-title' }, title), h('span', { class: 'g-state' }, { ok: t('有记录'), warn: t('需关注'), none: t('未记录') }[state])), h('div', { class: 'g-body' }, body));
  const names = (xs) => xs.map((m) => m.name).join(t('、'));
  // an item from the latest assessment (入户核实记录), or what the registry cannot say
  const assessed = (title, a, ok, none, detail) =>
    a && ok !== null && ok !== undefined
      ? row(title, ok ? 'ok' : 'warn', h('div', { class: 'g-line' }, t('{d} 入户核实（{who}）：', { d: a.date, who: a.assessor }), h('span', { class: ok ? null : 'warn-text' }, detail || (ok ? t('是') : t('否')))))
      : row(title, 'none', none);
  const eduState = school.some((m) => !m.schooling || m.schooling.code === '01') ? 'warn' : 'ok';
  return h(
    'div',
    { class: 'guarantees' },
    assessed(t('不愁吃、不愁穿'), as, as && as.food !== null && as.clothing !== null ? as.food && as.clothing : null, t('本系统没有登记吃穿情况，以入户核查为准。')),
    row(
      t('义务教育有保障'),
      school.length || others.length ? eduState : 'ok',
      school.length
        ? school.map((m) => h('div', { class: 'g-line' }, h('span', { class: 'g-name' }, m.name), h('span', { class: 'muted' }, t('{n}岁', { n: m.age })), ' ', m.schooling ? h('span', { class: m.schooling.code === '01' ? 'warn-text' : null }, m.schooling.label) : h('span', { class: 'warn-text' }, t('在校情况未登记'))))
        : h('div', { class: 'g-line muted' }, t('该户没有 6–15 岁义务教育阶段的成员。')),
      // the others' school status as it was stated (a 22-year-old's 小学 of years ago read as the card's own
      // finding under 该户没有 6–15 岁…): said as the registration, which check's school-age rules question
      others.length ? h('div', { class: 'g-line muted', 'data-part': 'others-schooling' }, t('其他成员登记的在校情况（以登记时为准，与年龄不符的请核实）：')) : null,
      others.map((m) => h('div', { class: 'g-line' }, h('span', { class: 'g-name' }, m.name), h('span', { class: 'muted' }, m.age !== null ? t('{n}岁', { n: m.age }) : ''), ' ', m.schooling.label)),
    ),
    row(
      t('基本医疗有保障'),
      notInsured.length ? 'warn' : 'ok',
      h('div', { class: 'g-line' }, t('参加基本医疗保险：'), insured.length ? names(insured) : t('无')),
      notInsured.length ? h('div', { class: 'g-line warn-text' }, t('未参加：'), names(notInsured)) : null,
      h('div', { class: 'g-line' }, t('参加大病保险：'), serious.length ? names(serious) : t('无')),
    ),
    assessed(t('住房安全有保障'), as, as && as.housing ? ['A', 'B', 'relocated'].includes(as.housing) : null, t('本系统没有登记住房安全鉴定信息。'), as && as.housing ? as.housing_label : null),
    assessed(t('饮水安全有保障'), as, as ? as.water : null, t('本系统没有登记饮水安全信息。')),
  );
}

function proposalRows(rows) {
  const cols = [
    { title: t('编号'), key: 'id', cls: 'num', render: (p) => h('a', { href: link(`/proposals/${p.id}`) }, String(p.id)) },
    { title: t('事项'), key: 'type', render: (p) => p.type_label },
    { title: t('提出日期'), key: 'opened', cls: 'nowrap', render: (p) => p.opened },
    { title: t('当前步骤'), key: 'step', render: (p) => p.step_label || '—' },
    { title: t('状态'), key: 'state', render: (p) => p.state_label },
    { title: t('理由'), key: 'reason', render: (p) => p.reason || '' },
  ];
  return table(cols, rows, { class: 'table-compact' });
}

function incomeHistory(hh) {
  // the years corrected at least once: every version, oldest first, the one in force last
  const years = hh.incomes.filter((r) => r.history && r.history.length > 1);
  if (!years.length) return null;
  return h(
    'details',
    { class: 'income-history', 'data-part': 'income-history' },
    h('summary', t('修改记录（{n} 个年度）', { n: years.length })),
    years.map((r) =>
      h(
        'div',
        { class: 'income-year-history', 'data-year': r.year },
        h('div', { class: 'strong' }, t('{year} 年', { year: r.year })),
        h(
          'ol',
          { class: 'income-versions' },
          r.history.map((v, i) =>
            h(
              'li',
              { class: i === r.history.length - 1 ? 'current' : 'old' },
              h('span', { class: 'num' }, t('人均纯收入 {v} 元', { v: money(v.net_income_pc) })),
              h('span', { class: 'muted' }, ' · ', v.size ? t('{n} 人', { n: v.size }) : '', v.wage !== null ? ` · ${t('工资性')} ${money(v.wage)}` : '', v.business !== null ? ` · ${t('生产经营性')} ${money(v.business)}` : '', v.transfer !== null ? ` · ${t('转移性')} ${money(v.transfer)}` : ''),
              h('div', { class: 'tl-meta' }, v.recorded_at ? t('{at} 由 {actor} 记录', { at: v.recorded_at, actor: v.actor_label }) : v.actor_label, v.reason ? ` · ${t('原因：')}${v.reason}` : '', i === r.history.length - 1 ? h('span', { class: 'tag tag-soft' }, t('现行')) : null),
            ),
          ),
        ),
      ),
    ),
  );
}

function incomes(hh) {
  if (!hh.incomes.length) return empty(t('没有收入记录'), can('write') ? t('点击“录入收入”填写当年的收入调查。') : null);
  const cols = [
    { title: t('年度'), key: 'year', render: (r) => String(r.year) },
    { title: t('工资性'), cls: 'num', key: 'wage', render: (r) => money(r.wage) },
    { title: t('生产经营性'), cls: 'num', key: 'business', render: (r) => money(r.business) },
    { title: t('财产性'), cls: 'num', key: 'property', render: (r) => money(r.property) },
    { title: t('转移性'), cls: 'num', key: 'transfer', render: (r) => money(r.transfer) },
    { title: t('经营支出'), cls: 'num', key: 'business_cost', render: (r) => money(r.business_cost) },
    { title: t('人均纯收入（元）'), cls: 'num strong', key: 'net', render: (r) => money(r.net_income_pc) },
    { title: t('人数'), cls: 'num', key: 'size', render: (r) => (r.size ? String(r.size) : '—') },
  ];
  return h('div', table(cols, hh.incomes, { class: 'table-compact', rowData: (r) => ({ year: r.year }) }), incomeHistory(hh));
}

function historyItem(ev, cl, hhNo) {
  const change = ev.from || ev.to
    ? h('div', { class: 'tl-change' }, ev.from ? statusBadge(ev.from) : h('span', { class: 'muted' }, t('（未建档）')), h('span', { class: 'tl-arrow' }, '→'), ev.to ? statusBadge(ev.to) : h('span', { class: 'muted' }, '—'))
    : null;
  const detail = ev.detail && typeof ev.detail === 'object'
    ? h(
        'ul',
        { class: 'tl-detail' },
        Object.entries(ev.detail).map(([k, v]) =>
          // a masked health (*** for a state, null for none): that it was corrected, not to what
          k === 'health' && Array.isArray(v) && v.includes('***')
            ? h('li', h('span', { class: 'tl-field' }, fieldLabel(k)), h('span', { class: 'muted' }, t('（已更正；健康状况已脱敏，显示完整信息后可见）')))
            : Array.isArray(v) && v.length === 2 && v[0] === v[1] && typeof v[0] === 'string' && v[0].includes('*')
            ? h('li', h('span', { class: 'tl-field' }, fieldLabel(k)), h('span', { class: 'tl-new' }, v[0]), h('span', { class: 'muted' }, t('（已更正；新旧号码脱敏后相同，查看明文可见）')))
            : Array.isArray(v) && v.length === 2
            ? h('li', h('span', { class: 'tl-field' }, fieldLabel(k)), h('span', { class: 'tl-old' }, fieldValue(k, v[0], cl)), h('span', { class: 'tl-arrow' }, '→'), h('span', { class: 'tl-new' }, fieldValue(k, v[1], cl)))
            : h('li', h('span', { class: 'tl-field' }, fieldLabel(k)), h('span', { class: 'tl-new' }, typeof v === 'object' ? JSON.stringify(v) : String(v))),
        ),
      )
    : null;
  const other = ev.other_household && ev.other_household !== hhNo ? h('div', { class: 'tl-line' }, t('关联户：'), h('a', { href: link(`/households/${ev.other_household}`) }, ev.other_household)) : null;
  return h(
    'li',
    { class: ['tl-item', ev.superseded && 'superseded', ev.correction && 'correction', `tl-${ev.type}`], 'data-event': ev.id, 'data-type': ev.type },
    h('div', { class: 'tl-date' }, h('span', { class: 'tl-eff' }, ev.effective), h('span', { class: 'tl-eff-label' }, t('生效'))),
    h('div', { class: ['tl-dot', ev.to ? statusClass(ev.to.code) : 'st-none'] }),
    h(
      'div',
      { class: 'tl-body' },
      h(
        'div',
        { class: 'tl-title' },
        h('span', { class: 'tl-type' }, ev.label),
        ev.member ? h('span', { class: 'tl-member' }, ev.member.name, ev.member.id_no ? h('span', { class: 'muted mono' }, ` ${ev.member.id_no}`) : null) : null,
        ev.correction ? h('span', { class: 'tag tag-blue', 'data-tag': 'correction' }, t('更正')) : null,
        ev.superseded ? h('span', { class: 'tag tag-gray', 'data-tag': 'superseded' }, t('已被更正取代')) : null,
      ),
      change,
      detail,
      ev.reason ? h('div', { class: 'tl-line' }, h('span', { class: 'muted' }, t('原因：')), ev.reason) : null,
      ev.batch ? h('div', { class: 'tl-line' }, h('span', { class: 'muted' }, t('批次：')), ev.batch) : null,
      other,
      h('div', { class: 'tl-meta' }, t('{at} 由 {actor} 记录', { at: ev.recorded_at, actor: ev.actor_label || ev.actor })),
    ),
  );
}

// The history, latest first: by effective date (the day a change took effect, as the registry counts it),
// the same day by recording time — so a birth recorded late sits where it happened; or, switched, by the time
// each change was recorded. The server sends it by effective date, then recording time.
function history(hh, cl) {
  if (!hh.history.length) return empty(t('没有变动记录'));
  const byEffective = hh.history.slice().reverse();
  const byRecorded = hh.history.slice().sort((a, b) => (a.recorded_at < b.recorded_at ? 1 : a.recorded_at > b.recorded_at ? -1 : b.id - a.id));
  const list = h('ol', { class: 'timeline', 'data-order': 'effective' });
  const order = (which) => {
    list.dataset.order = which;
    list.replaceChildren(...(which === 'recorded' ? byRecorded : byEffective).map((ev) => historyItem(ev, cl, hh.hh_no)));
    for (const b of switcher.querySelectorAll('button')) b.classList.toggle('active', b.dataset.order === which);
    note.textContent = which === 'recorded' ? t('按记录时间排列（最近录入的在前）') : t('按生效日期排列（最近的在前），同日按记录时间');
  };
  const button = (which, label) => h('button', { type: 'button', class: 'seg-btn', 'data-order': which, on: { click: () => order(which) } }, label);
  const switcher = h('div', { class: 'seg', role: 'group', 'aria-label': t('排列顺序') }, button('effective', t('按生效日期')), button('recorded', t('按记录时间')));
  const note = h('span', { class: 'muted', 'data-part': 'history-order' });
  order('effective');
  return h(
    'div',
    h(
      'div',
      { class: 'tl-legend' },
      switcher,
      note,
      h('span', h('span', { class: 'tl-eff-label' }, t('生效')), ' ', t('变动发生并计入统计的日期；“记录”为录入系统的时间')),
      h('span', h('span', { class: 'tag tag-blue' }, t('更正')), ' ', t('补正以前的记录')),
      h('span', h('span', { class: 'legend-strike' }, t('删除线')), ' ', t('已被更正取代，不再计入统计')),
    ),
    list,
  );
}

// The household's open findings (a card), each a link to its page.
function findingsCard(list) {
  if (!list || !list.total) return null;
  const cols = [
    { title: t('问题'), key: 'label', render: (r) => h('a', { href: link(`/findings/${r.id}`) }, r.label) },
    { title: t('成员'), key: 'member', cls: 'nowrap', render: (r) => r.member || h('span', { class: 'muted' }, '—') },
    { title: t('说明'), key: 'message', cls: 'muted', render: (r) => r.message },
    { title: t('状态'), key: 'state', render: (r) => stateBadge(r) },
  ];
  return card(t('数据质量问题'), table(cols, list.rows, { class: 'table-compact', rowData: (r) => ({ finding: r.id }) }), {
    class: 'span-12',
    name: 'findings',
    flush: true,
    tools: h('a', { class: 'card-note', href: link('/findings', { household: list.rows[0].household }) }, t('待整改 {n} 个', { n: list.total })),
  });
}

// 纳入监测 and 风险消除 go through their proposals (the monitoring card, a warning), never 记录变动: the server
// refuses them there (monitor_procedure).
const PROPOSED = ['monitor_in', 'risk_eliminate'];

// What the finding's fix advice names, as the dialog to open: a death on another department's list is a
// 人员减少 (死亡) of that member as of the day on the list; a member's field, that member's form; otherwise
// the household's form.
function fixAction(f, hh, cl, done, batch) {
  const info = f.rule_info || {};
  const m = f.member_id ? hh.members.find((x) => x.id === f.member_id) : null;
  const usable = hh.allowed_events.filter((e) => !['data_fix', 'member_add', ...PROPOSED].includes(e.type));
  // a number on the list under another name is checked first: no removal offered (the member's form, where a
  // wrong number is corrected; a list that is wrong is waived)
  if (info.list === 'death' && m && !(f.evidence && f.evidence.name_differs) && usable.some((e) => e.type === 'member_remove'))
    return { text: t('办理人员减少（死亡）'), run: () => eventDialog(hh, cl, usable, done, { type: 'member_remove', member_id: m.id, reason: 'death', effective: f.evidence && f.evidence.day, batch }) };
  // on the disability list but not recorded as disabled: the advice is health 残疾
  const values = f.rule === 'DISABILITY_NOT_RECORDED' ? { health: '04' } : {};
  if (m) return { text: t('修改成员信息：{name}', { name: m.name }), run: () => editMemberDialog(hh, m, cl, done, { values, batch }) };
  return { text: t('修改户信息'), run: () => editHouseholdDialog(hh, cl, done, { batch }) };
}

// The campaign a finding belongs to: one not closed gathering its rule in a division that holds its village (the one with
// the latest deadline not yet past, if several). Changes recorded for the fix take its name as their batch.
function campaignOf(f, campaigns) {
  const within = (div, code) => {
    if (!div) return true;
    const n = [2, 4, 6, 9, 12].find((l) => /^0*$/.test(div.slice(l)));
    return code.slice(0, n) === div.slice(0, n);
  };
  const mine = ((campaigns && campaigns.rows) || []).filter((c) => !c.closed && c.rules.includes(f.rule) && within(c.division, f.village || ''));
  mine.sort((a, b) => (a.past_deadline - b.past_deadline) || String(b.deadline || '9999').localeCompare(String(a.deadline || '9999')));
  return mine.length ? mine[0].name : '';
}

function fixingNotice(f, hh, cl, done, batch) {
  const back = h('a', { class: 'btn btn-sm btn-ghost', href: link(`/findings/${f.id}`) }, t('返回问题'));
  if (f.state !== 'open')
    return h(
      'div',
      { class: 'notice notice-ok fixing', 'data-notice': 'finding', 'data-state': f.state },
      icon('check'),
      h('div', h('div', { class: 'fixing-title' }, t('问题 #{id}：{label}', { id: f.id, label: f.label }), ' ', stateBadge(f))),
      h('div', { class: 'notice-tools' }, back, h('a', { class: 'btn btn-sm btn-ghost', href: link(`/households/${hh.hh_no}`) }, t('关闭提示'))),
    );
  const tools = [back];
  if (can('write')) {
    const a = fixAction(f, hh, cl, done, batch);
    tools.unshift(h('button', { class: 'btn btn-sm btn-primary', type: 'button', 'data-action': 'fix-finding', on: { click: a.run } }, icon('edit'), h('span', a.text)));
  }
  return h(
    'div',
    { class: 'notice notice-warn fixing', 'data-notice': 'finding', 'data-state': f.state },
    icon('alert'),
    h(
      'div',
      h('div', { class: 'fixing-title' }, t('正在整改问题 #{id}：{label}', { id: f.id, label: f.label })),
      h('div', f.message),
      f.rule_info && f.rule_info.fix ? h('div', { class: 'muted' }, t('整改建议：'), f.rule_info.fix) : null,
      can('write') ? h('div', { class: 'muted' }, t('在本页保存的修改将关联到该问题，保存后自动重新检查。')) : null,
      batch ? h('div', { class: 'muted' }, t('属于专项行动“{name}”：记录变动时以其名称为批次。', { name: batch })) : null,
    ),
    h('div', { class: 'notice-tools' }, tools),
  );
}

export async function householdView({ el, params, query, navigate, render, signal }) {
  const no = params.no;
  const full = query.get('full') === '1' && can('full_id');
  const findingId = /^\d+$/.test(query.get('finding') || '') ? Number(query.get('finding')) : null;
  const timer = setTimeout(() => mount(el, loading()), 150);
  let hh, cl, assessments, proposals, settings, fixing, open, monitoring;
  try {
    [hh, cl, assessments, proposals, settings, fixing, open, monitoring] = await Promise.all([
      get(`/api/households/${encodeURIComponent(no)}`, { as_of: asOf(), full: full ? 1 : null }, { signal }),
      codes(),
      get(`/api/households/${encodeURIComponent(no)}/assessments`, null, { signal }),
      get('/api/proposals', { household: no }, { signal }),
      get('/api/settings', null, { signal }),
      findingId ? get(`/api/findings/${findingId}`, null, { signal }).catch((err) => (err.name === 'AbortError' ? Promise.reject(err) : null)) : null,
      get('/api/findings', { household: no, state: 'open', per_page: 50 }, { signal }).catch((err) => (err.name === 'AbortError' ? Promise.reject(err) : null)),
      monitoringCard(no, signal, navigate),
    ]);
  } finally {
    clearTimeout(timer);
  }
  if (fixing && fixing.household !== hh.hh_no) fixing = null;
  setFixing(fixing && fixing.state === 'open' ? fixing.id : null);
  const batch = fixing && fixing.state === 'open' && can('write') ? campaignOf(fixing, await get('/api/campaigns', null, { signal }).catch(() => null)) : '';
  const head = hh.members.find((m) => m.relation && m.relation.code === '01');
  const reload = () => render();
  const done = () => reload();

  const actions = [];
  if (can('full_id'))
    actions.push(
      full
        ? h('a', { class: 'btn btn-ghost', href: link(`/households/${no}`) }, icon('eye'), h('span', t('隐藏完整信息')))
        : h('a', { class: 'btn btn-ghost', href: link(`/households/${no}`, { full: 1 }), title: t('查看完整证件号码、电话、银行账号和健康状况会记入审计日志') }, icon('eye'), h('span', t('显示完整信息'))),
    );
  if (can('write')) {
    actions.push(h('button', { class: 'btn', type: 'button', 'data-action': 'edit-household', on: { click: () => editHouseholdDialog(hh, cl, done) } }, icon('edit'), h('span', t('修改户信息'))));
    actions.push(h('button', { class: 'btn', type: 'button', 'data-action': 'add-member', on: { click: () => addMemberDialog(hh, cl, done) } }, icon('plus'), h('span', t('增加成员'))));
    // with require_review on, the data roles' status events go through proposals (the county office keeps them)
    const reviewed = settings.require_review === 'on' && state.me.role !== 'county_admin' ? ['exit', 'return', 'remove', 'clear'] : [];
    const usable = hh.allowed_events.filter((e) => !['data_fix', 'member_add', ...PROPOSED, ...reviewed].includes(e.type));
    actions.push(h('button', { class: 'btn', type: 'button', 'data-action': 'assess', on: { click: () => assessmentDialog(hh, done) } }, icon('check'), h('span', t('入户核实'))));
    const open = proposals.rows.find((p) => p.state === 'open');
    if (open) actions.push(h('a', { class: 'btn btn-primary', href: link(`/proposals/${open.id}`), 'data-action': 'open-proposal' }, icon('event'), h('span', t('办理中的申请'))));
    else if (proposalTypes(hh).length)
      actions.push(h('button', { class: 'btn btn-primary', type: 'button', 'data-action': 'new-proposal', on: { click: () => newProposalDialog(hh, (p) => navigate(link(`/proposals/${p.id}`))) } }, icon('plus'), h('span', t('提出申请'))));
    if (usable.length)
      actions.push(h('button', { class: 'btn', type: 'button', 'data-action': 'record-event', on: { click: () => eventDialog(hh, cl, usable, done) } }, icon('event'), h('span', t('记录变动'))));
  }

  actions.unshift(...assistanceActions(hh));

  const crumbs = [];
  if (hh.town) crumbs.push({ text: hh.town.name, href: link(`/divisions/${hh.town.code}`) });
  if (hh.village) crumbs.push({ text: hh.village.name, href: link(`/divisions/${hh.village.code}`) });
  crumbs.push({ text: hh.hh_no });

  mount(
    el,
    h(
      'div',
      { class: 'page page-household', 'data-hh': hh.hh_no },
      pageHeader({
        crumbs,
        title: head ? t('{name}户', { name: head.name }) : t('户 {no}', { no: hh.hh_no }),
        badge: [statusBadge(hh.status, 'badge-lg'), hh.monitored ? h('span', { class: 'tag tag-amber' }, t('监测')) : null],
        subtitle: h('span', h('span', { class: 'mono' }, t('户编号 {no}', { no: hh.hh_no })), h('span', { class: 'muted' }, ' · ', t('{n} 人', { n: hh.members.length }), ' · ', t('成员与状态截至 {date}', { date: hh.as_of }))),
        actions,
      }),
      fixing ? fixingNotice(fixing, hh, cl, done, batch) : null,
      full ? h('div', { class: 'notice notice-warn' }, icon('alert'), h('span', t('正在显示完整证件号码、电话、银行账号和健康状况，本次查看已记入审计日志。'))) : null,
      hh.as_of !== today() && hh.status_now && hh.status && hh.status_now.code !== hh.status.code
        ? h('div', { class: 'notice' }, icon('info'), h('span', t('{date} 时为“{then}”，现为“{now}”。', { date: hh.as_of, then: hh.status.label, now: hh.status_now.label })))
        : null,
      h(
        'div',
        { class: 'grid' },
        card(t('基本信息'), basics(hh), { class: 'span-7', name: 'basics' }),
        card(t('两不愁三保障'), guarantees(hh, assessments.rows[0]), { class: 'span-5', name: 'guarantees', tools: h('span', { class: 'card-note' }, assessments.rows.length ? t('据 {d} 入户核实与登记信息', { d: assessments.rows[0].date }) : t('据登记信息')) }),
        findingsCard(open),
        card(t('家庭成员'), members(hh, (m) => editMemberDialog(hh, m, cl, done), fixing), { class: 'span-12', name: 'members', flush: true }),
        ...assistanceCards(hh, { render }),
        card(t('收入情况'), incomes(hh), {
          class: 'span-12',
          name: 'incomes',
          flush: true,
          tools: can('write') ? h('button', { class: 'btn btn-sm', type: 'button', 'data-action': 'income', on: { click: () => incomeDialog(hh, done) } }, icon('edit'), h('span', t('录入收入'))) : null,
        }),
        monitoring,
        proposals.rows.length ? card(t('评议审批'), proposalRows(proposals.rows), { class: 'span-12', name: 'proposals', flush: true }) : null,
        card(t('变动历史'), history(hh, cl), { class: 'span-12', name: 'history' }),
      ),
    ),
  );
}
