// households.js: finding households (GET /api/households): by 户编号, 证件号码 or name (exact, or part of a
// name), filtered by status, attribute and main cause, in pages, sorted by a click on a column head (the
// server sorts: ?sort= in the address, so a sorted page can be bookmarked), with the columns the user
// chose (remembered in this browser). One exact hit opens the household.

import { get, qs } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { link, codes, can, asOf, state, newHouseholdsViaProposal } from '../state.js';
import { newHouseholdDialog } from './forms.js';
import { statusBadge, today } from '../format.js';
import { pageHeader, table, empty, pager, loading, icon, select } from '../ui.js';

export async function householdsView({ el, query, navigate, signal }) {
  const q = (query.get('q') || '').trim();
  const status = query.get('status') || '';
  const attribute = query.get('attribute') || '';
  const cause = query.get('cause') || '';
  const division = query.get('division') || '';
  const village = query.get('village') || '';
  // a village named without its town (a link to the village's list): its town is the first nine digits
  const town = query.get('town') || (/^\d{12}$/.test(village) ? `${village.slice(0, 9)}000` : '');
  const page = Math.max(1, Number(query.get('page')) || 1);
  const sort = query.get('sort') || '';

  const timer = setTimeout(() => mount(el, loading(t('正在查找…'))), 150);
  let data, cl, places;
  try {
    [data, cl, places] = await Promise.all([
      get('/api/households', { q, status, attribute, cause, division, town, village, sort, page, per_page: 20, as_of: asOf() }, { signal }),
      codes(),
      placeChoices(town, signal),
    ]);
  } finally {
    clearTimeout(timer);
  }
  // a search that finds exactly one household by its number or an ID number opens it
  if (q && data.total === 1 && page === 1 && (data.items[0].hh_no === q || /^\d{15,22}[\dXx]?$/.test(q))) {
    navigate(link(`/households/${data.items[0].hh_no}`), { replace: true });
    return;
  }

  const go = (params) => {
    const p = { q, status, attribute, cause, division, town, village, sort: sort || null, ...params };
    navigate(link('/households', p));
  };
  const qInput = h('input', { class: 'input', type: 'search', name: 'q', value: q, placeholder: t('户编号、姓名或证件号码'), maxlength: 64, 'aria-label': t('查找农户') });
  const stSel = select(cl.status, status, { blank: t('全部状态'), name: 'status' });
  const atSel = select(cl.attribute, attribute, { blank: t('全部属性'), name: 'attribute' });
  const caSel = select(cl.cause, cause, { blank: t('全部致贫原因'), name: 'cause' });
  for (const s of [stSel, atSel, caSel]) s.addEventListener('change', () => go({ status: stSel.value, attribute: atSel.value, cause: caSel.value, page: null }));
  // the place: a town (of a county's or wider user), then one of its villages (a town's user: its villages)
  const twSel = places.towns.length ? select(places.towns, town, { blank: t('全部乡镇'), name: 'town' }) : null;
  const vlSel = places.villages.length ? select(places.villages, village, { blank: t('全部村'), name: 'village' }) : null;
  if (twSel) twSel.addEventListener('change', () => go({ town: twSel.value || null, village: null, page: null }));
  if (vlSel) vlSel.addEventListener('change', () => go({ village: vlSel.value || null, page: null }));
  const filters = h(
    'form',
    {
      class: 'filters',
      on: {
        submit: (e) => {
          e.preventDefault();
          go({ q: qInput.value.trim(), page: null });
        },
      },
    },
    h('div', { class: 'filter-q' }, icon('search', 'search-icon'), qInput),
    twSel,
    vlSel,
    stSel,
    atSel,
    caSel,
    h('button', { class: 'btn btn-primary', type: 'submit' }, t('查询')),
  );

  const past = !!asOf() && data.as_of !== undefined && asOf() === data.as_of && data.as_of < (today() || '9999');
  const by = data.by_status || {};
  // 一般农户 (never registered, since 2021's monitoring) are not 建档立卡 households: counted apart like the
  // removed and cancelled ones, so 建档立卡 here is the dashboard's
  const apart = (by.removed || 0) + (by.cancelled || 0) + (by.ordinary || 0);
  const totalText = !apart
    ? t('共 {n} 户', { n: data.total })
    : by.ordinary
      ? t('共 {n} 户（建档立卡 {r} 户；一般农户 {o} 户、已剔除 {x} 户、已销户 {y} 户另计）', { n: data.total, r: data.total - apart, o: by.ordinary, x: by.removed || 0, y: by.cancelled || 0 })
      : t('共 {n} 户（建档立卡 {r} 户；已剔除 {x} 户、已销户 {y} 户另计）', { n: data.total, r: data.total - apart, x: by.removed || 0, y: by.cancelled || 0 });
  const allCols = [
    { title: t('户编号'), cls: 'mono', key: 'hh_no', sort: 'hh_no', desc: true, fixed: true, render: (r) => h('a', { href: link(`/households/${r.hh_no}`), class: 'row-link' }, r.hh_no) },
    { title: t('户主'), key: 'head', render: (r) => [r.head || h('span', { class: 'muted' }, t('无户主')), r.match ? h('div', { class: 'match muted', 'data-match': r.match.name }, t('含成员 {name}（{rel}）', { name: r.match.name, rel: r.match.relation ? r.match.relation.label : '' })) : null] },
    { title: t('人数'), cls: 'num', key: 'size', render: (r) => String(r.size) },
    { title: t('所在村'), key: 'village', sort: 'village', desc: true, render: (r) => r.village_name ? [r.town_name ? h('span', { class: 'muted' }, r.town_name, ' ') : null, r.village_name] : r.village },
    { title: t('贫困户属性'), key: 'attribute', sort: 'attribute', render: (r) => (r.attribute ? r.attribute.label : '') },
    { title: t('主要致贫原因'), key: 'cause', sort: 'cause', render: (r) => (r.cause_main ? r.cause_main.label : '') },
    {
      title: past ? t('{date} 状态', { date: data.as_of }) : t('当前状态'),
      key: 'status',
      sort: 'status',
      render: (r) => [
        statusBadge(r.status),
        past && r.status_now && r.status && r.status_now.code !== r.status.code ? h('span', { class: 'status-now muted', 'data-status-now': r.status_now.code }, t('现为'), statusBadge(r.status_now)) : null,
        r.monitored ? h('span', { class: 'tag tag-amber' }, t('监测')) : null,
      ],
    },
  ];
  // every column is drawn; those the user hides are hidden (so the choice applies at once, menu open)
  const hidden = hiddenColumns();
  const cols = allCols;
  const applyHidden = (root) => {
    for (const c of allCols) for (const cell of root.querySelectorAll(`[data-col="${c.key}"]`)) cell.hidden = !c.fixed && hidden.has(c.key);
  };
  const columnChoice = h(
    'details',
    { class: 'col-choice' },
    h('summary', { class: 'btn' }, t('显示列')),
    h(
      'div',
      { class: 'col-choice-menu' },
      allCols
        .filter((c) => !c.fixed)
        .map((c) =>
          h(
            'label',
            { class: 'check' },
            h('input', {
              type: 'checkbox',
              name: `col-${c.key}`,
              checked: !hidden.has(c.key),
              on: {
                change: (e) => {
                  if (e.target.checked) hidden.delete(c.key);
                  else hidden.add(c.key);
                  saveHiddenColumns(hidden);
                  applyHidden(el);
                },
              },
            }),
            c.title,
          ),
        ),
    ),
  );
  // the list's households, all pages, as the registry sheet: the same place, filters and search (removed and
  // cancelled households too when the list shows them), ID numbers masked
  const exportParams = { division, town, village, status, attribute, cause, q, as_of: past ? data.as_of : null, all: apart ? 1 : null };
  const exportLink = (format, label) =>
    h('a', { class: 'btn', href: `/api/exports/registry${qs({ format, ...exportParams })}`, download: '', 'data-action': format === 'xlsx' ? 'export' : 'export-csv', title: q ? t('导出查找结果中的全部农户及其成员（证件号码、电话、账号、健康状况已脱敏）') : t('导出符合筛选条件的全部农户及其成员（证件号码、电话、账号、健康状况已脱敏）') }, icon('download'), h('span', label));
  const exportLinks = can('export') && data.total ? [exportLink('xlsx', t('导出 Excel')), exportLink('csv', t('导出 CSV'))] : [];
  // registering a household (识别 or 补录): on success, its page
  // with require_review on, a data role proposes the household (新识别 / 应纳未纳) instead of registering it
  const settings = can('write') ? await get('/api/settings', null, { signal }).catch(() => ({})) : {};
  const viaProposal = newHouseholdsViaProposal(settings);
  const newButton = h('button', { class: 'btn btn-primary', type: 'button', 'data-action': 'new-household' }, icon('plus'), h('span', viaProposal ? t('提出新识别申请') : t('新建农户')));
  newButton.addEventListener('click', async () => {
    newButton.disabled = true;
    try {
      if (viaProposal) await newHouseholdDialog(cl, (p) => navigate(link(`/proposals/${p.id}`)), { proposal: true });
      else await newHouseholdDialog(cl, (res) => navigate(link(`/households/${res.hh_no}`)));
    } finally {
      newButton.disabled = false;
    }
  });
  const body = data.total
    ? h(
        'div',
        table(cols, data.items, {
          onRow: (r) => navigate(link(`/households/${r.hh_no}`)),
          rowData: (r) => ({ hh: r.hh_no }),
          sort: { by: sort || 'village', onSort: (s) => go({ sort: s, page: null }) },
        }),
        pager(data, (p) => go({ page: p })),
      )
    : q
      ? empty(t('没有找到“{q}”', { q }), t('可输入完整的户编号或证件号码，或姓名中的几个字。'))
      : empty(t('没有符合条件的农户'));

  mount(
    el,
    h(
      'div',
      { class: 'page page-households' },
      pageHeader({
        title: q ? t('查找：{q}', { q }) : t('户查询'),
        subtitle: h('span', { 'data-total': data.total }, totalText, ' · ', past ? t('状态、户主和人数均为 {date} 时的情况', { date: data.as_of }) : t('状态为当前状态')),
        actions: [...exportLinks, can('write') ? newButton : null],
      }),
      h('section', { class: 'card' }, h('div', { class: 'card-body filters-row' }, filters, columnChoice), h('div', { class: 'card-body flush', 'data-card': 'results' }, body)),
    ),
  );
  applyHidden(el);
}

// The towns and villages to filter by: the user's division's children when they are towns (and the chosen
// town's villages), or a town user's villages. The user's own level is read once per user.
let topCache = null;
async function placeChoices(town, signal) {
  const who = state.me ? state.me.name : '';
  if (!topCache || topCache.who !== who) topCache = { who, d: await get('/api/divisions', null, { signal }) };
  const top = topCache.d;
  const opts = (rows) => rows.map((r) => ({ code: r.code, label: r.name }));
  if (top.division.level === 'town') return { towns: [], villages: opts(top.rows) };
  if (!top.rows.length || top.rows[0].level !== 'town') return { towns: [], villages: [] };
  const villages = town ? opts((await get(`/api/divisions/${encodeURIComponent(town)}`, null, { signal })).rows) : [];
  return { towns: opts(top.rows), villages };
}

// The columns this browser hides (their keys), kept in localStorage.
const COLS_KEY = 'tuopin.households.hidden';
function hiddenColumns() {
  try {
    const v = JSON.parse(localStorage.getItem(COLS_KEY) || '[]');
    return new Set(Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}
function saveHiddenColumns(set) {
  localStorage.setItem(COLS_KEY, JSON.stringify([...set]));
}
