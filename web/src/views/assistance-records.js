// assistance-records.js: the 帮扶 and 督查 records of every kind (GET /api/assistance/kinds describes them: their
// fields, code lists and whether the user may write them). One form builds itself from a kind's fields
// (recordDialog: POST /api/records/:kind, or PATCH .../:id for the fields that may change), and one list shows
// any kind (recordsView, /assistance/records/:kind). The server checks everything; its problems are shown
// next to the fields.

import { get, post, patch, qs, ApiError } from '../api.js';
import { h, mount } from '../dom.js';
import { t, getLang } from '../i18n.js';
import { can, link } from '../state.js';
import { today } from '../format.js';
import { pageHeader, card, table, empty, loading, icon, pager, dialog, field, select, input, dateInput, showProblems, clearProblems, banner, busyButton, toast } from '../ui.js';

let kindsCache = null;

// The kinds the user may read, by code (cached per language).
export async function kinds(signal) {
  if (!kindsCache || kindsCache.lang !== getLang()) {
    const d = await get('/api/assistance/kinds', null, { signal });
    const byCode = {};
    for (const k of d.kinds) {
      byCode[k.code] = k;
      // the English field names are lower case (they are sheet headers and the API's labels too); as labels of
      // a form, a table's head or a detail line they start with a capital, as every other label does
      if (getLang() === 'en') for (const f of k.fields || []) if (f.label) f.label = f.label[0].toUpperCase() + f.label.slice(1);
      // the kind's name as a title (a page's, a crumb's, a dialog's) the same way: "Measure", not "measure"
      k.title = getLang() === 'en' && k.label ? k.label[0].toUpperCase() + k.label.slice(1) : k.label;
    }
    kindsCache = { lang: getLang(), byCode, list: d.kinds };
  }
  return kindsCache;
}

// A record's field as text: a measure that tells of health has its item and content withheld (a masked view).
function recText(f, rec) {
  if (rec.health_withheld && (f.key === 'item' || f.key === 'content')) return t('（已隐去）');
  return valueText(f, rec[f.key]);
}

// A field's value as text for a table or a detail line.
export function valueText(f, v) {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'boolean') return v ? t('是') : t('否');
  if (typeof v === 'object') {
    if (f && f.type === 'household') return [v.hh_no, v.head ? t('（{name}户）', { name: v.head }) : ''].join('');
    if (f && f.type === 'member') return [v.name, v.id_no ? ` ${v.id_no}` : ''].join('');
    return v.label ?? v.name ?? v.hh_no ?? v.code ?? '';
  }
  if (f && f.type === 'money') return Number(v).toFixed(2);
  if (f && f.type === 'rate') return `${Number(v).toFixed(2)}%`;
  return String(v);
}

// The form control of a field; value is what the record holds (or a preset).
function control(f, value, ctx) {
  const text = (v) => (v === null || v === undefined ? '' : typeof v === 'object' ? (v.hh_no ?? v.code ?? (v.id ? `#${v.id}` : '')) : String(v));
  switch (f.type) {
    case 'code':
    case 'item': {
      const s = select(f.options.filter((o) => f.type !== 'item' || !ctx.category || !o.parent || o.parent === ctx.category), value ? value.code || value : '', { blank: t('（请选择）'), name: f.key });
      return s;
    }
    case 'bool': {
      const cur = value === true ? '是' : value === false ? '否' : '';
      return select([{ code: '是', label: t('是') }, { code: '否', label: t('否') }], cur, { blank: t('（未填写）'), name: f.key });
    }
    case 'date':
      return dateInput(text(value), { name: f.key, label: f.label });
    case 'member':
      if (ctx.members && ctx.members.length)
        return select(
          ctx.members.map((m) => ({ code: `#${m.id}`, label: `${m.name}${m.relation ? `（${m.relation.label || m.relation}）` : ''}` })),
          value && value.id ? `#${value.id}` : '',
          { blank: f.required ? t('（请选择）') : t('（全户）'), name: f.key },
        );
      return input(text(value), { name: f.key, maxlength: 22, placeholder: t('18 位居民身份证号码') });
    case 'cadre':
      if (ctx.cadres && ctx.cadres.length)
        return select(
          ctx.cadres.map((c) => ({ code: `#${c.id}`, label: `${c.name}${c.unit ? ` · ${c.unit}` : ''}` })),
          value && value.id ? `#${value.id}` : '',
          { blank: f.required ? t('（请选择）') : t('（该户的帮扶责任人）'), name: f.key },
        );
      return input(text(value), { name: f.key, maxlength: 40, placeholder: t('姓名、证件号码或编号') });
    case 'persons':
    case 'households':
      return h('textarea', { class: 'input', name: f.key, rows: 3, placeholder: f.type === 'persons' ? t('证件号码，每行一个') : t('户编号，每行一个') });
    case 'text':
      if (f.max > 100) return h('textarea', { class: 'input', name: f.key, rows: 3, maxlength: f.max, value: text(value) });
      return input(text(value), { name: f.key, maxlength: f.max || 64 });
    case 'money':
      return input(text(value), { name: f.key, inputmode: 'decimal', maxlength: 16, placeholder: t('元') });
    case 'rate':
      return input(text(value), { name: f.key, inputmode: 'decimal', maxlength: 8, placeholder: '4.35' });
    case 'month':
      return input(text(value), { name: f.key, inputmode: 'numeric', maxlength: 7, placeholder: 'YYYY-MM' });
    case 'year':
    case 'int':
      return input(text(value), { name: f.key, inputmode: 'numeric', maxlength: 9 });
    case 'division':
    case 'village':
      return input(value && value.name ? value.name : text(value), { name: f.key, maxlength: 40, placeholder: t('区划名称或代码') });
    case 'household':
      return input(text(value), { name: f.key, maxlength: 32, placeholder: t('户编号') });
    default:
      return input(text(value), { name: f.key, maxlength: 64 });
  }
}

function readControl(f, c) {
  const v = c.value === undefined ? '' : String(c.value);
  return f.type === 'persons' || f.type === 'households' ? v.split(/[\s,，、;；]+/).filter(Boolean) : v.trim();
}

function problemsOf(err) {
  if (!(err instanceof ApiError)) return [{ field: '', message: t('请求失败') }];
  if (err.problems.length) return err.problems;
  return [{ field: err.field || '', message: err.code === 'network' ? t('无法连接服务器，请稍后重试。') : err.message }];
}

// A dialog to record one record of kind k, or to change the mutable fields of rec. preset: {key: value} given
// by the context and not asked (a household page's household); ctx: members of that household, cadres.
export function recordDialog(k, { rec = null, preset = {}, ctx = {}, title, done } = {}) {
  const edit = !!rec;
  const fields = k.fields.filter((f) => !(f.key in preset) && (!edit || f.mutable) && !(edit && (f.type === 'persons' || f.type === 'households')));
  const ctl = {};
  const state = { category: rec && rec.category ? rec.category.code : '' };
  const nodes = fields.map((f) => {
    let value = rec ? rec[f.key] : undefined;
    if (!edit && value === undefined && f.type === 'date' && f.required) value = today();
    ctl[f.key] = control(f, value, { ...ctx, category: state.category });
    const picked = f.type === 'member' && ctl[f.key].tagName === 'SELECT';
    // what an empty field becomes, said (a visit's mode is 入户走访: "自动确定" hid that it chose one)
    const hint = f.auto && !edit ? (f.type === 'cadre' ? t('可不填：为该户当天的帮扶责任人') : f.key === 'mode' ? t('可不填：不填记为入户走访') : t('可不填，自动确定')) : null;
    return field({ name: f.key, label: picked ? t('帮扶对象') : f.label, control: ctl[f.key], hint, required: f.required && !edit, wide: f.type === 'persons' || f.type === 'households' || (f.type === 'text' && f.max > 100) });
  });
  // a sub-item's choices follow the category
  const cat = ctl.category;
  const item = k.fields.find((f) => f.type === 'item');
  if (cat && item && ctl[item.key]) {
    cat.addEventListener('change', () => {
      const cur = ctl[item.key];
      const next = control(item, '', { category: cat.value });
      next.id = cur.id;
      cur.replaceWith(next);
      ctl[item.key] = next;
    });
  }
  const form = h('form', { class: 'form', novalidate: true, id: 'asst-form' }, banner(), h('div', { class: 'form-grid' }, nodes));
  const save = h('button', { class: 'btn btn-primary', type: 'submit', 'data-action': 'save', form: 'asst-form' }, t('保存'));
  const cancel = h('button', { class: 'btn', type: 'button', 'data-action': 'cancel' }, t('取消'));
  const dlg = dialog({ title: title || (edit ? t('修改{kind}', { kind: k.label }) : t('登记{kind}', { kind: k.label })), body: form, footer: [cancel, save], wide: fields.length > 6 });
  cancel.addEventListener('click', () => dlg.dismiss());
  const send = busyButton(save, async () => {
    clearProblems(form);
    const body = { ...preset };
    for (const f of fields) {
      const v = readControl(f, ctl[f.key]);
      if (edit) {
        const before = rec[f.key];
        const was = before === null || before === undefined ? '' : valueText(f, before);
        if (String(v) !== was && !(v === '' && was === '')) body[f.key] = v === '' ? null : v;
      } else if (Array.isArray(v) ? v.length : v !== '') body[f.key] = v;
    }
    try {
      const saved = edit ? await patch(`/api/records/${k.code}/${rec.id}`, body) : await post(`/api/records/${k.code}`, body);
      dlg.close();
      toast(edit ? t('已保存') : t('已登记'));
      if (done) done(saved);
    } catch (err) {
      const probs = problemsOf(err);
      showProblems(form, probs);
      // the same as a record already made (a form sent twice): the banner links to the household's records of
      // the kind on that day, where that record is
      const day = k.fields.find((f) => f.type === 'date');
      const hh = body.household;
      const d = day && body[day.key];
      const lines = form.querySelector('.form-banner > div');
      if (lines && hh && d && probs.some((p) => p.code === 'duplicate_record'))
        lines.append(h('div', h('a', { href: link(`/assistance/records/${k.code}`, { household: hh, from: d, to: d }), 'data-action': 'see-twin', on: { click: () => dlg.close() } }, t('查看该户当天的{kind}', { kind: k.label }))));
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    send();
  });
  return dlg;
}

// One record's fields, as a definition list.
export function recordFacts(k, rec) {
  return h(
    'dl',
    { class: 'facts-grid asst-facts' },
    k.fields
      .filter((f) => f.type !== 'persons' && f.type !== 'households')
      .map((f) => h('div', { class: 'facts-item', 'data-item': f.key }, h('dt', f.label), h('dd', recText(f, rec) || h('span', { class: 'muted' }, t('未填写'))))),
    h('div', { class: 'facts-item' }, h('dt', t('登记')), h('dd', h('span', { class: 'muted' }, t('{at} 由 {actor} 登记', { at: rec.recorded_at, actor: rec.recorded_by })))),
  );
}

// The kinds whose parent is k (a project's beneficiaries and payments, a case's households and persons).
function childKinds(all, k) {
  return all.list.filter((c) => c.parent === k.code);
}

function detailDialog(all, k, rec, reload) {
  const children = childKinds(all, k);
  const buttons = [];
  if (k.writable && k.fields.some((f) => f.mutable))
    buttons.push(h('button', { class: 'btn', type: 'button', 'data-action': 'edit', on: { click: () => { d.close(); recordDialog(k, { rec, done: reload }); } } }, icon('edit'), h('span', t('修改'))));
  for (const c of children) {
    buttons.push(h('a', { class: 'btn', href: link(`/assistance/records/${c.code}`, { ref: rec.id }), on: { click: () => d.close() } }, t('查看{kind}', { kind: c.label })));
    if (c.writable)
      buttons.push(
        h(
          'button',
          {
            class: 'btn',
            type: 'button',
            'data-action': `add-${c.code}`,
            on: { click: () => { d.close(); recordDialog(c, { preset: { [c.fields.find((f) => f.type === 'ref').key]: String(rec.id) }, title: t('为“{name}”登记{kind}', { name: rec.name || rec.problem || rec.borrower || `#${rec.id}`, kind: c.label }), done: reload }); } },
          },
          icon('plus'),
          h('span', t('登记{kind}', { kind: c.label })),
        ),
      );
  }
  const d = dialog({ title: `${k.title} #${rec.id}`, body: recordFacts(k, rec), footer: buttons.length ? buttons : null, wide: true });
  return d;
}

// The list of a kind: /assistance/records/:kind?ref=&household=&page=.
export async function recordsView({ el, params, query, navigate, render, signal }) {
  const timer = setTimeout(() => mount(el, loading()), 150);
  let all, data, filterError = null;
  const page = Math.max(1, Number(query.get('page')) || 1);
  const per = 50;
  const ref = query.get('ref') || '';
  const hh = query.get('household') || '';
  // a period and a place, as the board that links here counted them (督查问责's "全部 N 起")
  const from = query.get('from') || '';
  const to = query.get('to') || '';
  const division = query.get('division') || '';
  // the full view (audited), as the household page's: whole numbers, and a measure's health
  const full = query.get('full') === '1' && can('full_id');
  try {
    all = await kinds(signal);
    const k = all.byCode[params.kind];
    if (!k) throw new ApiError(404, { code: 'kind_unknown', message: t('没有这类记录') });
    try {
      data = await get(`/api/records/${k.code}`, { ref, household: hh, from, to, division, full: full ? 1 : null, limit: per, offset: (page - 1) * per }, { signal });
    } catch (err) {
      // a filter the server refuses (a date typed wrong): said beside the filters, which stay to be changed (the
      // page was an error with only 重试, which asked the same again)
      if (!(err instanceof ApiError) || err.status !== 400) throw err;
      filterError = err;
      data = { items: [], total: 0 };
    }
  } finally {
    clearTimeout(timer);
  }
  const k = all.byCode[params.kind];
  const reload = () => render();
  const cols = [{ title: t('编号'), key: 'id', cls: 'num muted', render: (r) => String(r.id) }];
  for (const f of k.fields.filter((x) => x.list))
    cols.push({ title: f.label, key: f.key, cls: f.type === 'money' || f.type === 'int' ? 'num' : f.type === 'date' ? 'nowrap' : null, render: (r) => recText(f, r) });
  const body = data.items.length
    ? table(cols, data.items, { class: 'table-records', onRow: (r) => detailDialog(all, k, r, reload), rowData: (r) => ({ id: r.id }) })
    : empty(t('还没有{kind}', { kind: k.label }), k.writable ? t('点右上角“登记”添加。') : null);
  const actions = [];
  if (k.writable && k.parent === null)
    actions.push(h('button', { class: 'btn btn-primary', type: 'button', 'data-action': 'add', on: { click: () => recordDialog(k, { done: reload }) } }, icon('plus'), h('span', t('登记{kind}', { kind: k.label }))));
  // the filters the list takes, shown and changeable (a household in the address filtered it unseen, with no
  // way to clear it): a household, a period (the record's day)
  const go = (p) => navigate(link(location.pathname, { ref, household: hh, from, to, division, full: full ? 1 : null, ...p, page: null }));
  const hhIn = h('input', { class: 'input input-short', name: 'household', value: hh, maxlength: 40, placeholder: t('户编号'), 'aria-label': t('户编号') });
  const fromIn = dateInput(from, { name: 'from' });
  const toIn = dateInput(to, { name: 'to' });
  const filtered = Boolean(hh || from || to || division);
  const filters = h(
    'form',
    { class: 'filters', 'data-filters': '', on: { submit: (e) => { e.preventDefault(); go({ household: hhIn.value.trim(), from: fromIn.value, to: toIn.value }); } } },
    h('label', { class: 'inline-field' }, h('span', t('从')), fromIn),
    h('label', { class: 'inline-field' }, h('span', t('到')), toIn),
    k.fields.some((f) => f.type === 'household') ? hhIn : null,
    h('button', { class: 'btn btn-primary', type: 'submit', 'data-action': 'filter' }, t('查询')),
    filtered ? h('button', { class: 'btn', type: 'button', 'data-action': 'clear', on: { click: () => go({ household: '', from: '', to: '', division: '' }) } }, t('清除条件')) : null,
    filterError ? h('div', { class: 'form-banner', role: 'alert', 'data-filter-error': filterError.field || '' }, filterError.message) : null,
  );
  // the whole list of the filter as Excel, masked as the list is shown (export roles; the download is audited)
  if (can('export') && data.total)
    actions.unshift(h('a', { class: 'btn', href: `/api/records/${k.code}${qs({ ref, household: hh, from, to, division, full: full ? 1 : null, format: 'xlsx', lang: getLang() })}`, download: '', 'data-action': 'export', title: t('下载本列表的全部记录（Excel）') }, icon('download'), h('span', t('导出 Excel'))));
  if (can('full_id') && data.items.length)
    actions.unshift(
      full
        ? h('a', { class: 'btn', href: link(location.pathname, { ref, household: hh, from, to, division, page: page > 1 ? page : null }), 'data-action': 'masked' }, icon('eye'), h('span', t('隐藏完整信息')))
        : h('a', { class: 'btn', href: link(location.pathname, { ref, household: hh, from, to, division, full: 1, page: page > 1 ? page : null }), 'data-action': 'full', title: t('查看完整证件号码、电话、银行账号和健康状况会记入审计日志') }, icon('eye'), h('span', t('显示完整信息'))),
    );
  const back = k.group === 'supervision' ? { text: t('督查问责'), href: link('/supervision') } : { text: t('帮扶工作'), href: link('/assistance') };
  const crumbs = [back];
  if (ref && k.parent && all.byCode[k.parent]) crumbs.push({ text: `${all.byCode[k.parent].label} #${ref}`, href: link(`/assistance/records/${k.parent}`) });
  crumbs.push({ text: k.title });
  mount(
    el,
    h(
      'div',
      { class: 'page page-records', 'data-kind': k.code },
      pageHeader({ crumbs, title: k.title, subtitle: from || to ? t('{from} 至 {to}，共 {n} 条', { from: from || '…', to: to || '…', n: data.total }) : t('共 {n} 条', { n: data.total }), actions }),
      card(null, [h('div', { class: 'card-body' }, filters), body, data.total > per ? pager({ total: data.total, page, per_page: per }, (p) => navigate(link(location.pathname, { ref, household: hh, from, to, division, full: full ? 1 : null, page: p }))) : null], { name: 'records', flush: true }),
    ),
  );
}
