// assistance-household.js: the household page's 帮扶 cards (GET /api/households/:no/assistance): who helps the
// household and since when, when it was visited and when the next visit is due (overdue ones flagged), the
// visits, and everything it has received — measures, posts, projects, loans, insurance and aid; with buttons to
// record a visit or a measure, and links to the printable 扶贫手册 and 明白卡. household.js only places these.

import { get } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { can, asOf, link } from '../state.js';
import { card, empty, icon, loading, errorBox, table } from '../ui.js';
import { kinds, recordDialog, valueText } from './assistance-records.js';

function dueBadge(a) {
  if (!a.needs_visits) return h('span', { class: 'tag tag-gray', 'data-due': 'none' }, t('无需走访'));
  if (!a.cadre) return h('span', { class: 'tag tag-red', 'data-due': 'unassigned' }, t('未落实帮扶责任人'));
  if (a.overdue) return h('span', { class: 'tag tag-red', 'data-due': 'overdue' }, t('逾期未走访'));
  return h('span', { class: 'tag tag-green', 'data-due': 'ok' }, t('按期走访'));
}

function cadreBody(a) {
  const c = a.cadre;
  const lines = [];
  if (c) {
    lines.push(
      h(
        'div',
        { class: 'asst-cadre' },
        h('div', { class: 'asst-avatar', 'aria-hidden': 'true' }, c.name.slice(0, 1)),
        h(
          'div',
          h('div', { class: 'asst-cadre-name', 'data-cadre': c.id }, c.name, c.post ? h('span', { class: 'muted' }, ` · ${c.post}`) : null),
          h('div', { class: 'muted' }, [c.unit, c.affiliation ? c.affiliation.label : ''].filter(Boolean).join(' · ')),
          h('div', { class: 'muted' }, t('联系电话 {phone}', { phone: c.phone || '—' }), ' · ', t('自 {date} 起帮扶', { date: a.cadre_since || '' })),
        ),
      ),
    );
  } else lines.push(h('div', { class: 'asst-none' }, a.needs_visits ? t('该户尚未落实帮扶责任人。') : t('该户现在没有结对帮扶责任人。')));
  lines.push(
    h(
      'dl',
      { class: 'asst-due' },
      h('div', h('dt', t('最近走访')), h('dd', { 'data-item': 'last_visit' }, a.last_visit || '—')),
      h('div', h('dt', t('下次走访截止')), h('dd', { 'data-item': 'due' }, a.due || '—')),
      h('div', h('dt', t('走访状态')), h('dd', dueBadge(a))),
    ),
  );
  const visits = a.visits.slice(0, 6);
  lines.push(
    visits.length
      ? h(
          'ol',
          { class: 'asst-visits' },
          visits.map((v) =>
            h(
              'li',
              { class: ['asst-visit', v.late && 'late'], 'data-visit': v.id },
              h('span', { class: 'asst-visit-date' }, v.visit_date),
              h(
                'div',
                { class: 'asst-visit-body' },
                h('div', { class: 'asst-visit-title' }, v.purpose || (v.mode ? v.mode.label : t('走访')), v.late ? h('span', { class: 'tag tag-amber' }, t('超期走访')) : null),
                h('div', { class: 'muted' }, [v.cadre ? v.cadre.name : '', v.mode ? v.mode.label : '', v.done || ''].filter(Boolean).join(' · ')),
                v.found ? h('div', { class: 'warn-text' }, v.found) : null,
              ),
            ),
          ),
        )
      : empty(t('还没有走访记录')),
  );
  return lines;
}

// Everything the household received, newest first, as lines: what, for whom, when, how much.
function received(a, all) {
  const rows = [];
  const fk = (k, key) => (all.byCode[k] ? all.byCode[k].fields.find((f) => f.key === key) : null);
  for (const m of a.measures)
    rows.push({ kind: 'measure', cat: m.category ? m.category.label : '', what: m.health_withheld ? t('（已隐去）') : [m.item ? m.item.label : '', m.content || ''].filter(Boolean).join('：'), who: m.member ? m.member.name : t('全户'), date: m.measure_date, amount: m.amount });
  for (const p of a.posts)
    rows.push({ kind: 'post', cat: t('公益岗位'), what: `${p.title || p.post_kind.label}${t('（月补贴 {n} 元）', { n: valueText(fk('public_post', 'monthly'), p.monthly) })}`, who: p.member ? p.member.name : '', date: p.start_date, amount: null });
  for (const b of a.benefits)
    rows.push({ kind: b.kind, cat: b.kind === 'loan_beneficiary' ? t('金融扶贫') : b.kind === 'fair_hire' ? t('就业扶贫') : t('产业扶贫'), what: [(b.project || b.loan || b.fair || {}).name || '', b.mode ? b.mode.label : ''].filter(Boolean).join(' · '), who: b.member ? b.member.name : '', date: b.start_date, amount: null });
  for (const x of a.aid)
    rows.push({ kind: x.kind, cat: all.byCode[x.kind] ? all.byCode[x.kind].label : x.kind, what: [x.provider || '', x.year ? t('{y} 年度', { y: x.year }) : '', x.paid_by ? x.paid_by.label : ''].filter(Boolean).join(' · '), who: x.member ? x.member.name : t('全户'), date: x.date, amount: x.amount });
  rows.sort((p, q) => (q.date || '').localeCompare(p.date || ''));
  return rows;
}

function measuresBody(a, all) {
  const rows = received(a, all);
  if (!rows.length) return empty(t('还没有帮扶措施记录'));
  const cols = [
    { title: t('类别'), key: 'cat', cls: 'nowrap', render: (r) => h('span', { class: 'tag tag-soft' }, r.cat) },
    { title: t('内容'), key: 'what', render: (r) => r.what },
    { title: t('对象'), key: 'who', cls: 'nowrap', render: (r) => r.who },
    { title: t('日期'), key: 'date', cls: 'nowrap', render: (r) => r.date || '' },
    { title: t('金额（元）'), key: 'amount', cls: 'num', render: (r) => (r.amount === null || r.amount === undefined ? '' : Number(r.amount).toFixed(2)) },
  ];
  return table(cols, rows.slice(0, 40), { class: 'table-compact table-received', rowData: (r) => ({ kind: r.kind }) });
}

// The cards, filled once the answer comes; placed by household.js beside the registry's cards.
export function assistanceCards(hh, { render } = {}) {
  const left = h('div', loading());
  const right = h('div', loading());
  const tools = h('span', { class: 'card-tools-inner' });
  const tools2 = h('span', { class: 'card-tools-inner' });
  const load = async () => {
    try {
      const [a, all] = await Promise.all([get(`/api/households/${encodeURIComponent(hh.hh_no)}/assistance`, { as_of: asOf() }), kinds()]);
      mount(left, cadreBody(a));
      mount(right, measuresBody(a, all));
      const members = hh.members;
      const again = () => (render ? render() : load());
      if (can('assist') && all.byCode.visit && all.byCode.visit.writable)
        mount(tools, h('button', { class: 'btn btn-sm', type: 'button', 'data-action': 'record-visit', on: { click: () => recordDialog(all.byCode.visit, { preset: { household: hh.hh_no }, done: again }) } }, icon('plus'), h('span', t('记录走访'))));
      if (can('assist') && all.byCode.measure && all.byCode.measure.writable)
        mount(tools2, h('button', { class: 'btn btn-sm', type: 'button', 'data-action': 'record-measure', on: { click: () => recordDialog(all.byCode.measure, { preset: { household: hh.hh_no }, ctx: { members }, done: again }) } }, icon('plus'), h('span', t('登记措施'))));
    } catch (err) {
      mount(left, errorBox(err, load));
      mount(right, h('span'));
    }
  };
  load();
  return [
    card(t('帮扶责任人与走访'), left, { class: 'span-5', name: 'assistance', tools }),
    card(t('帮扶措施'), right, { class: 'span-7', name: 'measures', tools: tools2, flush: true }),
  ];
}

// The page's extra actions: the printable handbook and measure card.
export function assistanceActions(hh) {
  return [
    h('a', { class: 'btn btn-ghost', href: link(`/households/${hh.hh_no}/handbook`), 'data-action': 'handbook' }, icon('file'), h('span', t('扶贫手册'))),
    h('a', { class: 'btn btn-ghost', href: link(`/households/${hh.hh_no}/card`), 'data-action': 'card' }, icon('file'), h('span', t('明白卡'))),
  ];
}
