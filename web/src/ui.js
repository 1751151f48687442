// ui.js: the pieces every screen is made of: page headers, cards, loading/empty/error states, tables, a
// pager, dialogs, form fields with their error line, toasts, and the few icons.

import { h, svg, mount } from './dom.js';
import { t } from './i18n.js';
import { ApiError } from './api.js';

// ---- icons (24×24 strokes) ----
const ICONS = {
  dashboard: ['M4 13h6V4H4zM14 20h6v-9h-6zM4 20h6v-3H4zM14 7h6V4h-6z'],
  search: ['M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM20 20l-4-4'],
  upload: ['M12 16V4M7 9l5-5 5 5M4 20h16'],
  download: ['M12 4v12M7 11l5 5 5-5M4 20h16'],
  users: ['M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21c0-4 3-6 7-6s7 2 7 6M17 3.5a4 4 0 0 1 0 7.5M22 21c0-3-1.5-5-4-5.6'],
  shield: ['M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z', 'M9 12l2 2 4-4'],
  log: ['M6 3h9l4 4v14H6z', 'M14 3v5h5M9 12h7M9 16h7'],
  info: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 11v6M12 7.5v.5'],
  logout: ['M15 4h4v16h-4M10 16l4-4-4-4M14 12H4'],
  edit: ['M4 20h4L19 9l-4-4L4 16z', 'M13.5 6.5l4 4'],
  plus: ['M12 5v14M5 12h14'],
  chevron: ['M9 6l6 6-6 6'],
  back: ['M15 6l-6 6 6 6'],
  calendar: ['M4 6h16v14H4zM4 10h16M8 3v5M16 3v5'],
  file: ['M6 3h9l4 4v14H6z', 'M14 3v5h5'],
  check: ['M5 12l5 5 9-10'],
  alert: ['M12 3l10 18H2z', 'M12 10v5M12 18v.5'],
  x: ['M6 6l12 12M18 6L6 18'],
  globe: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18'],
  event: ['M4 12h4l3-8 4 16 3-8h2'],
  eye: ['M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z', 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z'],
  refresh: ['M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7'],
  home: ['M3 11l9-7 9 7M5 10v10h14V10'],
  clipboard: ['M9 3h6v4H9z', 'M8 5H5v16h14V5h-3', 'M9 13l2 2 4-4'],
  flag: ['M5 21V4', 'M5 4h12l-2.5 4L17 12H5'],
  compare: ['M8 3L4 7l4 4', 'M4 7h16', 'M16 13l4 4-4 4', 'M20 17H4'],
  table: ['M4 5h16v14H4z', 'M4 10h16M4 14.5h16M10 10v9'],
};

export function icon(name, cls) {
  const s = svg('svg', { viewBox: '0 0 24 24', class: `icon ${cls || ''}`.trim(), 'aria-hidden': 'true' });
  for (const d of ICONS[name] || []) s.appendChild(svg('path', { d }));
  return s;
}

// ---- layout pieces ----

// The title block of a screen: crumbs (array of {text, href}), title, subtitle, actions (nodes).
export function pageHeader({ crumbs, title, subtitle, actions, badge }) {
  return h(
    'div',
    { class: 'page-head' },
    h(
      'div',
      { class: 'page-head-main' },
      crumbs && crumbs.length
        ? h(
            'nav',
            { class: 'crumbs', 'aria-label': t('位置') },
            crumbs.map((c, i) => [
              i ? icon('chevron', 'crumb-sep') : null,
              c.href ? h('a', { href: c.href }, c.text) : h('span', c.text),
            ]),
          )
        : null,
      h('div', { class: 'page-title-row' }, h('h1', { class: 'page-title' }, title), badge || null),
      subtitle ? h('div', { class: 'page-sub' }, subtitle) : null,
    ),
    actions ? h('div', { class: 'page-actions' }, actions) : null,
  );
}

export function card(title, body, opts = {}) {
  return h(
    'section',
    { class: ['card', opts.class], id: opts.id || null, 'data-card': opts.name || null },
    title || opts.tools
      ? h('header', { class: 'card-head' }, h('h2', { class: 'card-title' }, title), opts.tools ? h('div', { class: 'card-tools' }, opts.tools) : null)
      : null,
    h('div', { class: ['card-body', opts.flush && 'flush'] }, body),
  );
}

export function loading(text) {
  return h('div', { class: 'state state-loading', role: 'status' }, h('span', { class: 'spinner' }), h('span', text || t('正在加载…')));
}

export function empty(text, hint) {
  return h('div', { class: 'state state-empty' }, h('div', { class: 'state-title' }, text), hint ? h('div', { class: 'state-hint' }, hint) : null);
}

export function errorBox(err, retry) {
  const msg = err && err.message ? err.message : t('请求失败');
  const network = err && err.code === 'network';
  return h(
    'div',
    { class: 'state state-error', role: 'alert' },
    icon('alert', 'state-icon'),
    h('div', { class: 'state-title' }, network ? t('无法连接服务器') : t('出错了')),
    h('div', { class: 'state-hint' }, network ? t('请检查网络后重试。') : msg),
    retry ? h('button', { class: 'btn', type: 'button', on: { click: retry } }, t('重试')) : null,
  );
}

// Render into el: a loading state at once if the work takes more than a moment, then the result or an error.
export async function pending(el, work, opts = {}) {
  let shown = false;
  const timer = setTimeout(() => {
    shown = true;
    mount(el, loading(opts.text));
  }, opts.delay ?? 150);
  try {
    const node = await work();
    clearTimeout(timer);
    mount(el, node);
  } catch (err) {
    clearTimeout(timer);
    if (err && err.name === 'AbortError') return;
    if (opts.onError && opts.onError(err) === true) return;
    mount(el, errorBox(err, opts.retry ? () => pending(el, work, opts) : null));
  }
  return shown;
}

// ---- tables ----

// cols: [{title, cls, render(row) -> node|string}]; opts.onRow(row) makes rows clickable; opts.rowClass(row).
// A column head; a column with `sort` (the API's order name) is a button when opts.sort = {by, onSort} is
// given: by is the current order ('-name' descending), onSort(name) asks for another.
function headCell(c, sort) {
  if (!c.sort || !sort) return h('th', { class: c.cls, scope: 'col', 'data-col': c.key || null }, c.title);
  const asc = sort.by === c.sort;
  const desc = sort.by === `-${c.sort}`;
  const next = asc && c.desc ? `-${c.sort}` : asc || desc ? null : c.sort;
  return h(
    'th',
    { class: [c.cls, 'sortable', (asc || desc) && 'sorted'], scope: 'col', 'data-col': c.key || null, 'aria-sort': asc ? 'ascending' : desc ? 'descending' : 'none', dataset: { sort: c.sort } },
    h(
      'button',
      { type: 'button', class: 'th-sort', title: t('按“{col}”排序', { col: c.title }), on: { click: () => sort.onSort(next) } },
      c.title,
      h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, asc ? '▲' : desc ? '▼' : '↕'),
    ),
  );
}

// cols: [{title, key, cls, render(row), sort?, desc?}]; opts: onRow, rowData, rowClass, sort, foot, class.
export function table(cols, rows, opts = {}) {
  return h(
    'div',
    { class: ['table-wrap', opts.wrapClass] },
    h(
      'table',
      { class: ['table', opts.class] },
      h('thead', h('tr', cols.map((c) => headCell(c, opts.sort)))),
      h(
        'tbody',
        rows.map((r) =>
          h(
            'tr',
            {
              class: [opts.onRow && 'clickable', opts.rowClass && opts.rowClass(r)],
              on: opts.onRow
                ? {
                    click: (e) => {
                      if (e.target.closest('a,button,input,select,label')) return;
                      opts.onRow(r, e);
                    },
                  }
                : null,
              dataset: opts.rowData ? opts.rowData(r) : null,
            },
            cols.map((c) => h('td', { class: c.cls, 'data-col': c.key || null }, c.render(r))),
          ),
        ),
      ),
      opts.foot ? h('tfoot', opts.foot) : null,
    ),
  );
}

// Pages: total, page, per_page; go(page).
export function pager({ total, page, per_page: per }, go) {
  const pages = Math.max(1, Math.ceil(total / per));
  return h(
    'div',
    { class: 'pager' },
    h('span', { class: 'pager-info' }, t('共 {n} 条，第 {p}/{pages} 页', { n: total, p: page, pages })),
    h(
      'div',
      { class: 'pager-btns' },
      h('button', { class: 'btn btn-sm', type: 'button', disabled: page <= 1, on: { click: () => go(page - 1) } }, t('上一页')),
      h('button', { class: 'btn btn-sm', type: 'button', disabled: page >= pages, on: { click: () => go(page + 1) } }, t('下一页')),
    ),
  );
}

// ---- dialogs ----

// A modal dialog (<dialog>): title, body, footer buttons. Returns {el, close}. Escape and the × close it.
// close() closes it (after a save); dismiss() is the user's 关闭 / 取消 / Escape: a form typed into asks first
// whether to throw away what was typed (Escape closed a filled form at once, and its contents were lost).
export function dialog({ title, body, footer, wide, onClose }) {
  const dlg = h('dialog', { class: ['dialog', wide && 'dialog-wide'], 'aria-label': title });
  const close = () => {
    if (dlg.open) dlg.close();
  };
  let dirty = false;
  const mark = (e) => {
    if (e.target && e.target.closest && e.target.closest('form')) dirty = true;
  };
  dlg.addEventListener('input', mark);
  dlg.addEventListener('change', mark);
  let asking = false;
  const dismiss = () => {
    if (!dirty) return close();
    if (asking) return;
    asking = true;
    const keep = h('button', { class: 'btn btn-primary', type: 'button', 'data-action': 'keep-editing' }, t('继续填写'));
    const drop = h('button', { class: 'btn btn-danger', type: 'button', 'data-action': 'discard' }, t('放弃'));
    const ask = h('dialog', { class: 'dialog dialog-confirm', 'aria-label': t('放弃填写的内容？') });
    const done = (discard) => {
      asking = false;
      if (ask.open) ask.close();
      ask.remove();
      if (discard) close();
    };
    keep.addEventListener('click', () => done(false));
    drop.addEventListener('click', () => done(true));
    ask.addEventListener('cancel', (e) => {
      e.preventDefault();
      done(false);
    });
    mount(
      ask,
      h(
        'div',
        { class: 'dialog-inner' },
        h('header', { class: 'dialog-head' }, h('h2', t('放弃填写的内容？'))),
        h('div', { class: 'dialog-body' }, h('p', t('已填写的内容尚未保存，关闭后不会保留。'))),
        h('footer', { class: 'dialog-foot' }, keep, drop),
      ),
    );
    document.body.appendChild(ask);
    ask.showModal();
    keep.focus();
  };
  dlg.addEventListener('cancel', (e) => {
    if (!dirty) return;
    e.preventDefault();
    dismiss();
  });
  dlg.addEventListener('close', () => {
    dlg.remove();
    onClose && onClose();
  });
  mount(
    dlg,
    h(
      'div',
      { class: 'dialog-inner' },
      h(
        'header',
        { class: 'dialog-head' },
        h('h2', title),
        h('button', { class: 'icon-btn', type: 'button', 'aria-label': t('关闭'), on: { click: dismiss } }, icon('x')),
      ),
      h('div', { class: 'dialog-body' }, body),
      footer ? h('footer', { class: 'dialog-foot' }, footer) : null,
    ),
  );
  document.body.appendChild(dlg);
  dlg.showModal();
  return { el: dlg, close, dismiss };
}

// ---- toasts ----

let toastHost = null;
// Asks before an act that cannot be taken back (a deletion, a lock that ends sessions): run() on the danger
// button (data-action: action); a refusal (ApiError) is said in the dialog, which stays; done, it closes.
export function confirmDialog({ title, text, okText, action = 'confirm', run }) {
  const ok = h('button', { class: 'btn btn-danger', type: 'button', 'data-action': action }, okText);
  const cancel = h('button', { class: 'btn', type: 'button' }, t('取消'));
  const refused = h('div', { class: 'form-banner', role: 'alert', hidden: true });
  const dlg = dialog({ title, body: [h('p', text), refused], footer: [cancel, ok] });
  cancel.addEventListener('click', () => dlg.dismiss());
  ok.addEventListener(
    'click',
    busyButton(ok, async () => {
      refused.hidden = true;
      try {
        await run();
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        refused.textContent = err.message;
        refused.hidden = false;
        return;
      }
      dlg.close();
    }),
  );
  return dlg;
}

export function toast(text, kind) {
  if (!toastHost) {
    toastHost = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite' });
    document.body.appendChild(toastHost);
  }
  const el = h('div', { class: ['toast', kind && `toast-${kind}`] }, icon(kind === 'error' ? 'alert' : 'check'), h('span', text));
  toastHost.appendChild(el);
  setTimeout(() => el.classList.add('out'), 3200);
  setTimeout(() => el.remove(), 3600);
}

// ---- forms ----

// A labelled field with a place for its error: {name, label, control, hint, wide}.
export function field({ name, label: lab, control, hint, wide, required }) {
  const id = `f-${name.replace(/[^\w-]/g, '_')}`;
  const target = control.classList.contains('date-field') ? control.querySelector('.date-text') : control;
  target.id = target.id || id;
  if (target.name === '' || target.name === undefined) target.name = name;
  return h(
    'div',
    { class: ['field', wide && 'field-wide'], 'data-field': name },
    h('label', { class: 'field-label', for: target.id }, lab, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, '*') : null),
    control,
    hint ? h('div', { class: 'field-hint' }, hint) : null,
    h('div', { class: 'field-error', role: 'alert' }),
  );
}

export function select(options, value, opts = {}) {
  return h(
    'select',
    { class: 'input', name: opts.name },
    opts.blank !== undefined ? h('option', { value: '' }, opts.blank) : null,
    options.map((o) => h('option', { value: o.code, selected: o.code === value }, o.label)),
  );
}

// A date as YYYY-MM-DD, typed (as in Excel: 2018-10-08, 2018/10/08 or 20181008) or picked from the browser's
// calendar (the button), the same in every browser language. Returns the wrapper; .value is the date or the
// text as typed; onChange(value) after a valid date is entered.
export function dateInput(value, opts = {}) {
  const text = h('input', { class: 'input date-text', type: 'text', inputmode: 'numeric', placeholder: 'YYYY-MM-DD', maxlength: 10, value: value || '', name: opts.name, autocomplete: 'off', 'aria-label': opts.label });
  const native = h('input', { class: 'date-native', type: 'date', tabindex: '-1', 'aria-hidden': 'true', min: opts.min || '2000-01-01', max: opts.max || '2099-12-31' });
  const btn = h('button', { class: 'date-btn', type: 'button', title: t('选择日期'), 'aria-label': t('选择日期') }, icon('calendar'));
  const wrap = h('div', { class: ['date-field', opts.class] }, text, btn, native);
  const norm = (v) => {
    v = v.trim();
    let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v) || /^(\d{4})(\d{2})(\d{2})$/.exec(v);
    if (!m) return v;
    return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  };
  Object.defineProperty(wrap, 'value', { get: () => norm(text.value), set: (v) => { text.value = v || ''; } });
  let last = text.value;
  const commit = () => {
    const v = norm(text.value);
    text.value = v;
    const ok = v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v);
    wrap.classList.toggle('invalid', !ok);
    if (ok && v !== last) {
      last = v;
      if (opts.onChange) opts.onChange(v);
    }
  };
  text.addEventListener('change', commit);
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !text.form) commit();
  });
  btn.addEventListener('click', () => {
    native.value = /^\d{4}-\d{2}-\d{2}$/.test(norm(text.value)) ? norm(text.value) : '';
    try {
      native.showPicker();
    } catch {
      native.focus();
    }
  });
  native.addEventListener('change', () => {
    if (!native.value) return;
    text.value = native.value;
    commit();
  });
  return wrap;
}

export function input(value, opts = {}) {
  return h('input', {
    class: 'input',
    type: opts.type || 'text',
    value: value ?? '',
    placeholder: opts.placeholder,
    inputmode: opts.inputmode,
    autocomplete: opts.autocomplete || 'off',
    maxlength: opts.maxlength,
    name: opts.name,
  });
}

// Show field errors in a form: problems [{field, message}] with field names of the API ("health",
// "members[1].id_no", "member.name"); map(field) may rename. Errors without a field go to the form's banner.
export function showProblems(form, problems, map) {
  clearProblems(form);
  // a field's error goes once the field is changed (it stayed until the next save, said of a field filled in)
  if (!form.dataset.clearsErrors) {
    form.dataset.clearsErrors = '1';
    const clear = (e) => {
      const box = e.target.closest && e.target.closest('.has-error');
      if (!box || !form.contains(box)) return;
      box.classList.remove('has-error');
      const err = box.classList.contains('field-error') ? box : box.querySelector('.field-error');
      if (err) err.textContent = '';
    };
    form.addEventListener('input', clear);
    form.addEventListener('change', clear);
  }
  const banner = form.querySelector('.form-banner');
  const loose = [];
  for (const p of problems) {
    let f = p.field || '';
    if (map) f = map(f);
    const box = f ? form.querySelector(`[data-field="${CSS.escape(f)}"]`) : null;
    // the field's own error line (or the box is one); a field without one: the banner says it
    const err = box ? (box.classList.contains('field-error') ? box : box.querySelector('.field-error')) : null;
    if (err) {
      box.classList.add('has-error');
      err.textContent = err.textContent ? `${err.textContent}；${p.message}` : p.message;
    } else loose.push(p.message);
  }
  if (banner) {
    if (loose.length) {
      banner.hidden = false;
      mount(banner, icon('alert'), h('div', loose.map((m) => h('div', m))));
    }
  }
  // the first field at fault, with its error line in view (focus alone stops at the control: a line under a
  // control at the bottom edge stayed below it); else the banner, which a scrolled form had out of view
  const first = form.querySelector('.has-error input, .has-error select, .has-error textarea');
  if (first) {
    first.focus({ preventScroll: true });
    first.closest('.has-error').scrollIntoView({ block: 'center' });
  } else if (banner && !banner.hidden) banner.scrollIntoView({ block: 'nearest' });
}

export function clearProblems(form) {
  for (const b of form.querySelectorAll('.has-error')) b.classList.remove('has-error');
  for (const e of form.querySelectorAll('.field-error')) e.textContent = '';
  const banner = form.querySelector('.form-banner');
  if (banner) {
    banner.hidden = true;
    banner.replaceChildren();
  }
}

export function banner() {
  return h('div', { class: 'form-banner', role: 'alert', hidden: true });
}

// A button that shows it is working while fn runs.
export function busyButton(btn, fn) {
  return async (...args) => {
    if (btn.disabled) return;
    btn.disabled = true;
    btn.classList.add('is-busy');
    try {
      await fn(...args);
    } finally {
      btn.disabled = false;
      btn.classList.remove('is-busy');
    }
  };
}
