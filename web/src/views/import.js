// import.js: importing a sheet (POST /api/imports/:kind with the file as the body). The file is first sent
// with dry_run: the server checks all of it and lists every problem (row, column, value, reason); only a
// clean file can then be imported, all or nothing. Upload progress is shown while the file goes up. The kinds
// offered are those the user may import (GET /api/imports), each with its required columns and a template to
// download (GET /api/imports/:kind/template, XLSX or CSV).

import { get, upload, qs, ApiError } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { newHouseholdsViaProposal } from '../state.js';
import { nhmrText } from '../format.js';
import { pageHeader, card, table, icon, select, field, input, dateInput, empty, showProblems, clearProblems } from '../ui.js';

const KINDS = [
  { code: 'registry', label: '建档立卡名单' },
  { code: 'events', label: '变动记录' },
  { code: 'income', label: '收入调查' },
  { code: 'divisions', label: '行政区划' },
];

export function sizeText(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function summary(rep, kind) {
  const items = [
    // a workbook has no text encoding of its own to tell (it said XLSX · XLSX)
    [t('文件'), `${rep.format ? rep.format.toUpperCase() : ''}${rep.encoding && rep.encoding.toLowerCase() !== (rep.format || '').toLowerCase() ? ` · ${rep.encoding}` : ''}`],
    [t('数据行'), String(rep.rows ?? 0)],
  ];
  if (kind === 'registry' && rep.what !== 'update') items.push([t('户'), String(rep.households ?? 0)], [t('人'), String(rep.members ?? 0)]);
  if (kind === 'events' || rep.what === 'update') items.push([t('变动'), String(rep.events ?? 0)]);
  if (kind === 'divisions' && rep.divisions !== undefined) items.push([t('区划'), String(rep.divisions)]);
  if (rep.records !== undefined) items.push([t('记录数'), String(rep.records)]);
  items.push([t('错误'), String(rep.errors ?? 0)], [t('提醒'), String(rep.warnings ?? 0)]);
  return h('div', { class: 'import-stats' }, items.map(([k, v]) => h('div', { class: 'import-stat' }, h('div', { class: 'import-stat-label' }, k), h('div', { class: 'import-stat-value' }, v))));
}

export function problemsTable(problems) {
  const cols = [
    { title: t('行'), cls: 'num', key: 'row', render: (p) => (p.row ? String(p.row) : '—') },
    { title: t('列'), key: 'column', render: (p) => p.column || '—' },
    { title: t('值'), key: 'value', cls: 'mono', render: (p) => (p.value === null || p.value === undefined || p.value === '' ? h('span', { class: 'muted' }, t('（空）')) : p.value) },
    { title: t('原因'), key: 'message', render: (p) => p.message },
    { title: t('类别'), key: 'kind', render: (p) => (p.warning ? h('span', { class: 'tag tag-amber' }, t('提醒')) : h('span', { class: 'tag tag-red' }, t('错误'))) },
  ];
  return table(cols, problems, { class: 'table-problems', rowClass: (p) => (p.warning ? 'row-warn' : 'row-error'), rowData: (p) => ({ row: p.row ?? '', column: p.column ?? '' }) });
}

// The columns a kind requires, its note and its templates.
function columnsBox(k) {
  if (!k || !k.columns) return null;
  const req = k.columns.filter((c) => c.required).map((c) => c.label);
  const tpl = (fmt) => h('a', { class: 'btn btn-sm', href: `/api/imports/${k.kind}/template${qs({ format: fmt })}`, download: '', 'data-template': fmt }, icon('download'), h('span', fmt === 'xlsx' ? t('模板（Excel）') : t('模板（CSV）')));
  return h(
    'div',
    { class: 'import-columns', 'data-kind': k.kind },
    h('div', { class: 'import-columns-main' }, h('span', { class: 'import-columns-label' }, t('必填列')), h('span', { 'data-required': '' }, req.join('、'))),
    k.note ? h('div', { class: 'muted import-columns-note', 'data-note': '' }, k.note) : null,
    h('div', { class: 'import-columns-tpl' }, h('span', { class: 'muted' }, t('下载模板（含全部列的表头）：')), tpl('xlsx'), tpl('csv')),
  );
}

export async function importView({ el, signal }) {
  let file = null;
  let xhrAbort = null;
  // the kinds this user may import (the divisions only for a county office or wider), with their columns
  let kinds = KINDS.map((k) => ({ kind: k.code, label: t(k.label) }));
  try {
    const d = await get('/api/imports', null, { signal });
    if (d && d.kinds && d.kinds.length) kinds = d.kinds;
  } catch (err) {
    if (err.name === 'AbortError') throw err;
  }
  // with require_review on, a town's or village's new households go through proposals (新识别 / 应纳未纳 in
  // 户查询): a sheet of them could only be refused, so only the update of existing households is offered
  const settings = await get('/api/settings', null, { signal }).catch((err) => {
    if (err.name === 'AbortError') throw err;
    return {};
  });
  const viaProposal = newHouseholdsViaProposal(settings);
  const kindSel = select(kinds.map((k) => ({ code: k.kind, label: k.label })), 'registry', { name: 'kind' });
  const colsBox = h('div', { class: 'field field-wide' });
  const asOfIn = dateInput('', { name: 'as_of' });
  // 'update': the sheet's changed fields applied to existing households, each a 信息更正 (masked cells kept)
  const eventSel = select(viaProposal ? [{ code: 'update', label: t('更新已有农户') }] : [{ code: 'identify', label: t('新识别') }, { code: 'include_missed', label: t('应纳未纳（补录）') }, { code: 'update', label: t('更新已有农户') }], viaProposal ? 'update' : 'identify', { name: 'event' });
  const batchIn = input('', { maxlength: 100, placeholder: t('例如：2018年托底清零') });
  const lenient = h('input', { type: 'checkbox', name: 'lenient', id: 'f-lenient' });
  // each way of importing says what it does (the hint was the update's whatever was chosen)
  const EVENT_HINTS = {
    identify: t('新识别：名单中的户按名单日期建档，记为新识别'),
    include_missed: t('应纳未纳：名单中的户按名单日期补录，记为应纳未纳'),
    update: t('更新已有农户：改动逐项记为信息更正，空白和脱敏的格子不修改'),
  };
  const eventHint = h('span', viaProposal ? t('已开启“须经评议公示”：新识别、应纳未纳须在“户查询”逐户提出申请；这里只能更新已有农户，改动逐项记为信息更正') : EVENT_HINTS.identify);
  eventSel.addEventListener('change', () => {
    eventHint.textContent = EVENT_HINTS[eventSel.value];
  });
  const regOnly = [
    field({ name: 'as_of', label: t('名单日期（建档生效日期）'), control: asOfIn, hint: t('名单中“贫困户状态”对应的日期'), required: true }),
    field({ name: 'event', label: t('导入方式'), control: eventSel, hint: eventHint }),
  ];
  const opts = h(
    'div',
    { class: 'form-grid import-opts' },
    field({ name: 'kind', label: t('导入内容'), control: kindSel }),
    ...regOnly,
    colsBox,
  );
  // the registry's sheets take a batch and the lenient mode; a sheet of assistance records neither
  const sheetOnly = [
    field({ name: 'batch', label: t('批次（可选）'), control: batchIn }),
    h('div', { class: 'field field-wide field-check' }, h('label', { class: 'check' }, lenient, h('span', t('宽松模式：接收国家系统原有数据时，数据质量问题只作提醒')))),
  ];
  opts.append(...sheetOnly);
  const syncKind = () => {
    for (const n of regOnly) n.hidden = kindSel.value !== 'registry';
    for (const n of sheetOnly) n.hidden = !KINDS.some((k) => k.code === kindSel.value);
    mount(colsBox, columnsBox(kinds.find((k) => k.kind === kindSel.value)));
    reset();
  };
  kindSel.addEventListener('change', syncKind);

  const fileInput = h('input', { type: 'file', accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', class: 'sr', id: 'import-file' });
  const dropText = h('div', { class: 'drop-text' });
  const drop = h(
    'label',
    { class: 'drop', for: 'import-file', 'data-drop': '' },
    icon('upload', 'drop-icon'),
    dropText,
    h('div', { class: 'drop-hint' }, t('支持 CSV（UTF-8 或 GB18030）和 XLSX，按表头名称识别列')),
  );
  const status = h('div', { class: 'import-status' });
  const report = h('div', { class: 'import-report', 'data-report': '' });

  function showFile() {
    drop.classList.toggle('has-file', !!file);
    mount(dropText, file ? [h('span', { class: 'drop-file' }, icon('file'), h('span', { class: 'drop-name' }, file.name)), h('span', { class: 'muted' }, ` ${sizeText(file.size)}`)] : [h('strong', t('把文件拖到这里')), t('，或点击选择文件')]);
  }

  function reset() {
    if (xhrAbort) xhrAbort.abort();
    status.replaceChildren();
    report.replaceChildren();
  }

  function params(dry) {
    const kind = kindSel.value;
    // the file's own name goes to the audit log (the server only sees a temporary upload)
    const records = !KINDS.some((k) => k.code === kind);
    const p = { dry_run: dry ? 1 : null, batch: records ? null : batchIn.value.trim(), lenient: lenient.checked && !records ? 1 : null, filename: file ? file.name : null };
    if (kind === 'registry') {
      p.as_of = asOfIn.value;
      if (eventSel.value === 'update') p.update = 1;
      else p.event = eventSel.value;
    }
    return `/api/imports/${kind}${qs(p)}`;
  }

  function progress(text, frac) {
    const bar = h('div', { class: 'progress-fill' });
    if (frac === null) bar.classList.add('indeterminate');
    else bar.style.width = `${Math.round(frac * 100)}%`;
    mount(status, h('div', { class: 'progress-line', 'data-progress': frac === null ? 'checking' : String(Math.round(frac * 100)) }, h('div', { class: 'progress-text' }, text), h('div', { class: 'progress-track' }, bar)));
  }

  async function send(dry) {
    if (!file) return;
    reset();
    clearProblems(opts);
    // a registry sheet's households are dated by its 名单日期: without one the server took today, and a list of
    // 2018 was registered in the year it was imported
    if (kindSel.value === 'registry' && eventSel.value !== 'update' && !asOfIn.value) {
      showProblems(opts, [{ field: 'as_of', message: t('请填写名单日期：名单中的户按此日建档') }]);
      return;
    }
    const ctrl = new AbortController();
    xhrAbort = ctrl;
    const kind = kindSel.value;
    progress(t('正在上传 {name}…', { name: file.name }), 0);
    try {
      const rep = await upload(params(dry), file, {
        signal: ctrl.signal,
        onProgress: (loaded, total) => progress(t('正在上传 {name}… {p}%', { name: file.name, p: total ? Math.round((loaded / total) * 100) : 0 }), total ? loaded / total : 0),
        onSent: () => progress(dry ? t('正在检查文件…') : t('正在导入…'), null),
      });
      if (xhrAbort === ctrl) xhrAbort = null;
      status.replaceChildren();
      showReport(rep, kind, dry, true);
    } catch (err) {
      // an upload a newer one replaced: that one's handle stays (a later reset must be able to cancel it)
      if (err.name === 'AbortError') return;
      if (xhrAbort === ctrl) xhrAbort = null;
      status.replaceChildren();
      if (err instanceof ApiError && err.code === 'invalid_file' && err.data) showReport(err.data, kind, dry, false);
      else mount(report, h('div', { class: 'notice notice-error', role: 'alert', 'data-outcome': 'error' }, icon('alert'), h('span', err.message || t('请求失败'))));
    }
  }

  function showReport(rep, kind, dry, ok) {
    const problems = rep.problems || [];
    const errors = problems.filter((p) => !p.warning);
    let head;
    if (!ok)
      head = h('div', { class: 'notice notice-error', role: 'alert', 'data-outcome': 'refused' }, icon('alert'), h('div', h('strong', t('文件中有 {n} 个问题，未写入任何数据。', { n: errors.length || rep.errors || 0 })), h('div', t('请按下表逐条改正后重新上传。'))));
    else if (dry)
      head = h(
        'div',
        { class: 'notice notice-ok', 'data-outcome': 'checked' },
        icon('check'),
        h('div', h('strong', t('检查通过，可以导入。')), rep.what === 'update' ? h('div', { 'data-nhmr': '' }, t('将记录 {n} 条信息更正（与现有数据相同的不记录，脱敏的列不修改）。', { n: rep.events ?? 0 })) : kind === 'registry' ? h('div', { 'data-nhmr': '' }, t('将导入 {n}。', { n: nhmrText({ households: rep.households ?? 0, persons: rep.members ?? 0 }) })) : rep.records !== undefined ? h('div', { 'data-records': '' }, t('将导入 {n} 条记录。', { n: rep.records })) : null, problems.length ? h('div', t('有 {n} 条提醒，不影响导入。', { n: problems.length })) : null),
        h('button', { class: 'btn btn-primary', type: 'button', 'data-action': 'import', on: { click: () => send(false) } }, icon('upload'), h('span', t('导入'))),
      );
    else
      head = h(
        'div',
        { class: 'notice notice-ok', 'data-outcome': 'imported' },
        icon('check'),
        h('strong', { 'data-nhmr': '' }, rep.what === 'update' ? t('已记录 {n} 条信息更正。', { n: rep.events ?? 0 }) : kind === 'registry' ? t('已导入 {n}。', { n: nhmrText({ households: rep.households ?? 0, persons: rep.members ?? 0 }) }) : kind === 'income' ? t('已记录 {n} 户的收入。', { n: rep.households ?? 0 }) : rep.records !== undefined ? t('已导入 {n} 条记录。', { n: rep.records }) : t('已导入。')),
      );
    mount(
      report,
      card(
        dry || !ok ? t('检查结果') : t('导入结果'),
        h('div', head, summary(rep, kind)),
        { name: 'report' },
      ),
      problems.length ? card(t('问题清单（{n} 条）', { n: problems.length }), problemsTable(problems), { name: 'problems', flush: true }) : null,
    );
    // the result is what the user waits for: bring it into view
    const top = report.getBoundingClientRect().top + window.scrollY - 76;
    window.scrollTo({ top: Math.max(0, top), behavior: 'instant' });
  }

  function choose(f) {
    file = f || null;
    showFile();
    reset();
    if (file) send(true);
  }

  fileInput.addEventListener('change', () => choose(fileInput.files[0]));
  for (const ev of ['dragenter', 'dragover'])
    drop.addEventListener(ev, (e) => {
      e.preventDefault();
      drop.classList.add('over');
    });
  for (const ev of ['dragleave', 'drop']) drop.addEventListener(ev, () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) choose(e.dataTransfer.files[0]);
  });
  for (const c of [asOfIn, eventSel, batchIn, lenient]) c.addEventListener('change', () => file && send(true));

  showFile();
  syncKind();
  mount(
    el,
    h(
      'div',
      { class: 'page page-import' },
      pageHeader({ title: t('数据导入'), subtitle: t('先检查、后导入：文件中只要有一个错误，就一条也不写入') }),
      h('div', { class: 'grid' }, card(t('选择文件'), h('div', opts, fileInput, drop, status), { class: 'span-12', name: 'upload' })),
      report,
    ),
  );
  mount(report, h('div', { class: 'import-help' }, empty(t('尚未选择文件'), t('选好文件后会自动检查，并列出每个问题的行、列、值和原因。'))));
}
