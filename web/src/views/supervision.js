// supervision.js: 督查问责 (GET /api/supervision, the same as `tuopin supervision`): the cases found in a period
// and the persons held accountable, by category, and the 12317 complaints followed to an answer; with the
// cases and complaints themselves (the records screens) and a dialog to record a case. Supervisors and the
// county office only.

import { get, qs } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { asOf, link } from '../state.js';
import { today } from '../format.js';
import { pageHeader, card, table, loading, icon, empty } from '../ui.js';
import { kinds, recordDialog } from './assistance-records.js';
import { periodFilter } from './assistance.js';

export async function supervisionView({ el, query, navigate, render, signal }) {
  const day = asOf() || today();
  const from = query.get('from') || `${day.slice(0, 4)}-01-01`;
  const to = query.get('to') || day;
  const division = query.get('division') || '';
  const timer = setTimeout(() => mount(el, loading()), 150);
  let d, all, cases, complaints;
  try {
    [d, all, cases, complaints] = await Promise.all([
      get('/api/supervision', { from, to, division }, { signal }),
      kinds(signal),
      get('/api/records/case', { from, to, division, limit: 8 }, { signal }),
      get('/api/records/complaint', { from, to, division, limit: 8 }, { signal }),
    ]);
  } finally {
    clearTimeout(timer);
  }
  const reload = () => render();
  const catCols = [
    { title: t('问题类别'), key: 'label', render: (r) => r.label },
    { title: t('查处问题（起）'), key: 'cases', cls: 'num', render: (r) => String(r.cases) },
    { title: t('处理人数'), key: 'persons', cls: 'num', render: (r) => String(r.persons) },
  ];
  const caseCols = [
    { title: t('发现日期'), key: 'found_on', cls: 'nowrap', render: (r) => r.found_on },
    { title: t('问题类别'), key: 'category', render: (r) => (r.category ? r.category.label : '') },
    { title: t('涉及区划'), key: 'division', render: (r) => (r.division ? r.division.name : '') },
    { title: t('问题描述'), key: 'problem', render: (r) => r.problem },
    { title: t('整改'), key: 'rectified_on', render: (r) => (r.rectified_on ? h('span', { class: 'tag tag-green' }, t('已整改')) : h('span', { class: 'tag tag-amber' }, t('整改中'))) },
  ];
  const cmpCols = [
    { title: t('受理日期'), key: 'received_on', cls: 'nowrap', render: (r) => r.received_on },
    { title: t('渠道'), key: 'channel', render: (r) => (r.channel ? r.channel.label : '') },
    { title: t('反映内容'), key: 'content', render: (r) => r.content },
    { title: t('办理'), key: 'answered_on', render: (r) => (r.answered_on ? h('span', { class: 'tag tag-green' }, t('已答复')) : h('span', { class: 'tag tag-red' }, t('未办结'))) },
  ];
  const c = d.complaints;
  // the board's figures to keep or send: the categories and the complaints (GET /api/supervision as a file)
  const dl = (fmt) => `/api/supervision${qs({ from: d.from, to: d.to, division, format: fmt })}`;
  const actions = [
    h('a', { class: 'btn', href: dl('csv'), download: '', 'data-action': 'csv' }, icon('download'), h('span', 'CSV')),
    h('a', { class: 'btn', href: dl('xlsx'), download: '', 'data-action': 'xlsx' }, icon('download'), h('span', 'Excel')),
  ];
  if (all.byCode.case && all.byCode.case.writable)
    actions.push(h('button', { class: 'btn btn-primary', type: 'button', 'data-action': 'add-case', on: { click: () => recordDialog(all.byCode.case, { done: reload }) } }, icon('plus'), h('span', t('登记问题线索'))));
  if (all.byCode.complaint && all.byCode.complaint.writable)
    actions.push(h('button', { class: 'btn', type: 'button', 'data-action': 'add-complaint', on: { click: () => recordDialog(all.byCode.complaint, { done: reload }) } }, icon('plus'), h('span', t('登记举报投诉'))));
  mount(
    el,
    h(
      'div',
      { class: 'page page-supervision' },
      pageHeader({ title: t('督查问责'), badge: h('span', { class: 'tag tag-level' }, d.division.name), subtitle: t('{from} 至 {to}', { from: d.from, to: d.to }), actions }),
      h('section', { class: 'card asst-filters-card', 'data-card': 'filters' }, h('div', { class: 'card-body' }, periodFilter({ from: d.from, to: d.to, division, choices: null, navigate, path: '/supervision' }))),
      h(
        'div',
        { class: 'kpis asst-kpis' },
        // each figure opens the records it counts, of the same period and division
        h('a', { class: 'kpi kpi-link kpi-poor', 'data-kpi': 'cases', href: link('/assistance/records/case', { from, to, division }) }, h('div', { class: 'kpi-title' }, t('查处扶贫领域问题')), h('div', { class: 'kpi-value' }, h('span', { class: 'asst-num' }, String(d.cases)), h('span', { class: 'asst-unit' }, t('起')))),
        h('a', { class: 'kpi kpi-link kpi-returned', 'data-kpi': 'persons', href: link('/assistance/records/case_person', { from, to, division }) }, h('div', { class: 'kpi-title' }, t('处理人数')), h('div', { class: 'kpi-value' }, h('span', { class: 'asst-num' }, String(d.persons_handled)), h('span', { class: 'asst-unit' }, t('人')))),
        h('div', { class: 'kpi', 'data-kpi': 'complaints' }, h('div', { class: 'kpi-title' }, t('受理举报投诉')), h('div', { class: 'kpi-value' }, h('span', { class: 'asst-num' }, String(c.received)), h('span', { class: 'asst-unit' }, t('件'))), h('div', { class: 'kpi-note' }, t('已答复 {a} 件', { a: c.answered }))),
        h('div', { class: ['kpi', c.overdue && 'kpi-poor'], 'data-kpi': 'open' }, h('div', { class: 'kpi-title' }, t('未办结（截至期末）')), h('div', { class: 'kpi-value' }, h('span', { class: 'asst-num' }, String(c.open)), h('span', { class: 'asst-unit' }, t('件'))), h('div', { class: 'kpi-note' }, t('其中超期 {n} 件', { n: c.overdue }))),
      ),
      h(
        'div',
        { class: 'grid' },
        card(t('按问题类别'), table(catCols, d.rows, { class: 'table-compact', rowData: (r) => ({ code: r.code }) }), { class: 'span-5', name: 'categories', flush: true }),
        card(t('问题线索'), cases.items.length ? table(caseCols, cases.items, { class: 'table-compact' }) : empty(t('本期没有发现的问题线索'), t('可在上方改选时段')), { class: 'span-7', name: 'cases', flush: true, tools: h('a', { href: link('/assistance/records/case', { from, to, division }) }, t('全部 {n} 起', { n: cases.total })) }),
        card(t('12317 举报投诉'), complaints.items.length ? table(cmpCols, complaints.items, { class: 'table-compact' }) : empty(t('本期没有受理的举报投诉'), c.open ? t('以前受理、尚未办结的 {n} 件计入上方“未办结”', { n: c.open }) : null), { class: 'span-12', name: 'complaints', flush: true, tools: h('a', { href: link('/assistance/records/complaint', { from, to, division }) }, t('全部 {n} 件', { n: complaints.total })) }),
      ),
    ),
  );
}
