// external.js: other departments' lists (数据比对), for the roles that may compare (the compare capability:
// 县扶贫办 and 督查审计). The lists imported (GET /api/external-lists), a new one (POST /api/external-lists with
// the file as the body: checked first with dry_run, then imported all or nothing), how many of its rows members
// in scope hold (GET /api/external-lists/:id, audited), the comparison run (POST /api/check/runs with the rules
// of the list's kind), and the deletion of a list's rows after use (DELETE, audited). The rows themselves are
// personal data and never shown: findings show what they need of them.

import { get, post, request, upload, qs, ApiError } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { link } from '../state.js';
import { today, actorText } from '../format.js';
import { pageHeader, card, table, empty, loading, icon, select, field, input, dateInput, dialog, toast, busyButton, confirmDialog } from '../ui.js';
import { problemsTable, sizeText } from './import.js';
import { ruleTable } from './findings.js';

function stats(items) {
  return h('div', { class: 'import-stats' }, items.map(([k, v, key]) => h('div', { class: 'import-stat', 'data-stat': key || null }, h('div', { class: 'import-stat-label' }, k), h('div', { class: 'import-stat-value' }, String(v)))));
}

// Compare a list's kind now: run the rules that read it and keep their findings.
async function compare(kind, rt) {
  // the list's own rules, and those of every list (a number whose name differs: NAME_MISMATCH)
  const rules = rt.rules.filter((r) => r.list === kind || (r.kind === 'external' && !r.list)).map((r) => r.code);
  const r = await post('/api/check/runs', { rules: rules.join(',') });
  toast(t('比对完成：新发现 {a} 个问题，已整改 {b} 个', { a: r.run.opened + r.run.reopened, b: r.run.closed }));
  return r;
}

function deleteDialog(l, done) {
  // a refusal (a list reaching outside the user's divisions, a busy database) is said in the dialog
  confirmDialog({
    title: t('删除名单 #{id}', { id: l.id }),
    text: t('删除“{kind}”名单（{source}，{date}）的全部 {n} 行。名单的登记信息和由它发现的问题保留，删除记入审计日志。', { kind: l.kind_label, source: l.source || '—', date: l.date, n: l.rows }),
    okText: t('删除'),
    action: 'confirm-delete',
    run: async () => {
      await request('DELETE', `/api/external-lists/${l.id}`);
      toast(t('已删除'));
      done();
    },
  });
}

export async function externalView({ el, query, navigate, render, signal }) {
  const showDeleted = query.get('deleted') === '1';
  const timer = setTimeout(() => mount(el, loading()), 150);
  let lists, kinds, rt;
  try {
    [lists, kinds, rt] = await Promise.all([get('/api/external-lists', { deleted: showDeleted ? 1 : null }, { signal }), get('/api/external-kinds', null, { signal }), ruleTable(signal)]);
  } finally {
    clearTimeout(timer);
  }
  const kindOf = new Map(kinds.kinds.map((k) => [k.code, k]));

  // ---- a new list ----
  let file = null;
  const kindSel = select(kinds.kinds.map((k) => ({ code: k.code, label: t('{label}（{note}）', { label: k.label, note: k.source }) })), query.get('kind') || 'death', { name: 'kind' });
  const dateIn = dateInput(today(), { name: 'date' });
  const sourceIn = input('', { maxlength: 100, name: 'source' });
  const lenient = h('input', { type: 'checkbox', name: 'lenient', id: 'f-ext-lenient' });
  const cols = h('div', { class: 'field-hint', 'data-columns': '' });
  const syncKind = () => {
    const k = kindOf.get(kindSel.value);
    sourceIn.placeholder = k ? k.source : '';
    mount(cols, t('表头：'), k ? k.columns.map((c, i) => [i ? t('、') : null, h('span', { class: c.required ? 'strong' : null }, c.label)]) : null, k && k.roll ? h('div', t('该名单为花名册：名单上有、建档立卡中没有的，作为“应纳未纳”线索。')) : null);
  };
  kindSel.addEventListener('change', () => {
    syncKind();
    if (file) send(true);
  });
  syncKind();
  const fileInput = h('input', { type: 'file', accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', class: 'sr', id: 'ext-file' });
  const dropText = h('div', { class: 'drop-text' });
  const drop = h('label', { class: 'drop', for: 'ext-file', 'data-drop': '' }, icon('upload', 'drop-icon'), dropText, h('div', { class: 'drop-hint' }, t('CSV 或 XLSX；每个名单都有“证件号码”和“姓名”两列，另加该类名单自己的列')));
  const status = h('div', { class: 'import-status' });
  const report = h('div', { class: 'import-report', 'data-report': '' });
  const showFile = () => {
    drop.classList.toggle('has-file', !!file);
    mount(dropText, file ? [h('span', { class: 'drop-file' }, icon('file'), h('span', { class: 'drop-name' }, file.name)), h('span', { class: 'muted' }, ` ${sizeText(file.size)}`)] : [h('strong', t('把文件拖到这里')), t('，或点击选择文件')]);
  };
  const params = (dry) => `/api/external-lists${qs({ kind: kindSel.value, date: dateIn.value, source: sourceIn.value.trim(), lenient: lenient.checked ? 1 : null, dry_run: dry ? 1 : null, filename: file ? file.name : null })}`;

  // the request the last check made: a field left after the check (the date typed before the file was dropped,
  // its change told only when 导入 is clicked) checks again only if it changed what is sent; the check redrew the
  // report under the click, and the first click on 导入 was lost
  let checked = null;
  async function send(dry) {
    if (!file) return;
    if (dry) checked = params(true);
    report.replaceChildren();
    mount(status, h('div', { class: 'progress-line', 'data-progress': 'checking' }, h('div', { class: 'progress-text' }, dry ? t('正在检查文件…') : t('正在导入…')), h('div', { class: 'progress-track' }, h('div', { class: 'progress-fill indeterminate' }))));
    try {
      const rep = await upload(params(dry), file, {});
      status.replaceChildren();
      showReport(rep, dry, true);
    } catch (err) {
      status.replaceChildren();
      if (err.name === 'AbortError') return;
      if (err instanceof ApiError && err.data && err.data.problems) showReport(err.data, dry, false);
      else mount(report, h('div', { class: 'notice notice-error', role: 'alert', 'data-outcome': 'error' }, icon('alert'), h('span', err.message || t('请求失败'))));
    }
  }

  function showReport(rep, dry, ok) {
    const problems = rep.problems || [];
    const errors = problems.filter((p) => !p.warning);
    let head;
    if (!ok) head = h('div', { class: 'notice notice-error', role: 'alert', 'data-outcome': 'refused' }, icon('alert'), h('div', h('strong', t('文件中有 {n} 个问题，未写入任何数据。', { n: errors.length || rep.errors || 0 })), h('div', t('请按下表逐条改正后重新上传。'))));
    else if (dry)
      head = h(
        'div',
        { class: 'notice notice-ok', 'data-outcome': 'checked' },
        icon('check'),
        // what the import will find, as the guide says the check tells it (the page showed only the row counts)
        h('div', h('strong', t('检查通过，可以导入。')), h('div', t('其中 {a} 行与本辖区建档立卡成员的证件号码相同，{b} 行号码相同而姓名不同。', { a: rep.matched ?? 0, b: rep.other_name ?? 0 })), problems.length ? h('div', t('有 {n} 条提醒（证件号码有误的行不参加比对）。', { n: problems.length })) : null),
        h('button', { class: 'btn btn-primary', type: 'button', 'data-action': 'import', on: { click: () => send(false) } }, icon('upload'), h('span', t('导入'))),
      );
    else {
      const go = h('button', { class: 'btn btn-primary', type: 'button', 'data-action': 'compare' }, icon('refresh'), h('span', t('比对并生成问题')));
      go.addEventListener(
        'click',
        busyButton(go, async () => {
          await compare(rep.kind, rt);
          navigate(link('/findings', { state: 'open' }));
        }),
      );
      head = h('div', { class: 'notice notice-ok', 'data-outcome': 'imported' }, icon('check'), h('div', h('strong', t('已导入名单 #{id}。', { id: rep.list })), h('div', t('其中 {a} 行与本辖区建档立卡成员的证件号码相同，{b} 行号码相同而姓名不同。', { a: rep.matched, b: rep.other_name }))), go);
    }
    mount(
      report,
      card(dry || !ok ? t('检查结果') : t('导入结果'), h('div', head, stats([[t('数据行'), rep.rows ?? 0, 'rows'], [t('可比对'), rep.stored ?? 0, 'stored'], [t('跳过'), rep.skipped ?? 0, 'skipped'], [t('错误'), rep.errors ?? 0, 'errors'], [t('提醒'), rep.warnings ?? 0, 'warnings']])), { name: 'report' }),
      problems.length ? card(t('问题清单（{n} 条）', { n: problems.length }), problemsTable(problems), { name: 'problems', flush: true }) : null,
    );
    if (!dry && ok) refreshLists();
  }

  const choose = (f) => {
    file = f || null;
    showFile();
    report.replaceChildren();
    if (file) send(true);
  };
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
  for (const c of [dateIn, sourceIn, lenient]) c.addEventListener('change', () => file && params(true) !== checked && send(true));
  showFile();

  // ---- the lists ----
  const listBox = h('div');
  function listTable(rows) {
    const cols = [
      { title: t('编号'), key: 'id', cls: 'num mono', render: (l) => `#${l.id}` },
      { title: t('名单'), key: 'kind', render: (l) => l.kind_label },
      { title: t('提供部门'), key: 'source', render: (l) => l.source || h('span', { class: 'muted' }, '—') },
      { title: t('名单日期'), key: 'date', cls: 'nowrap', render: (l) => l.date },
      { title: t('行数'), key: 'rows', cls: 'num', render: (l) => String(l.rows) },
      { title: t('导入'), key: 'imported', cls: 'nowrap muted', render: (l) => `${(l.imported_at || '').slice(0, 16)} ${actorText(l.imported_by)}` },
      {
        title: t('状态'),
        key: 'state',
        render: (l) => (l.deleted_at ? h('span', { class: 'tag tag-gray', 'data-tag': 'deleted' }, t('已删除 {at}', { at: l.deleted_at.slice(0, 10) })) : h('span', { class: 'tag tag-soft' }, t('在用'))),
      },
      {
        title: h('span', { class: 'sr' }, t('操作')),
        key: 'actions',
        cls: 'actions nowrap',
        render: (l) => {
          if (l.deleted_at) return null;
          const look = h('button', { class: 'btn btn-sm btn-ghost', type: 'button', 'data-action': 'show-list', title: t('查看会记入审计日志') }, icon('eye'), h('span', t('匹配情况')));
          look.addEventListener(
            'click',
            busyButton(look, async () => {
              const s = await get(`/api/external-lists/${l.id}`);
              const run = h('button', { class: 'btn btn-primary', type: 'button', 'data-action': 'compare' }, t('比对并生成问题'));
              const close = h('button', { class: 'btn', type: 'button' }, t('关闭'));
              const dlg = dialog({
                title: t('名单 #{id}：{kind}', { id: l.id, kind: l.kind_label }),
                body: h('div', stats([[t('行数'), s.rows, 'rows'], [t('本辖区成员'), s.matched, 'matched'], [t('姓名不同'), s.other_name, 'other_name']]), h('p', { class: 'muted' }, t('名单各行属个人信息，不在此显示；比对发现的问题列出所需的内容。'))),
                footer: [close, run],
              });
              close.addEventListener('click', () => dlg.close());
              run.addEventListener(
                'click',
                busyButton(run, async () => {
                  await compare(l.kind, rt);
                  dlg.close();
                  navigate(link('/findings', { state: 'open' }));
                }),
              );
            }),
          );
          const del = h('button', { class: 'btn btn-sm btn-ghost', type: 'button', 'data-action': 'delete-list', on: { click: () => deleteDialog(l, render) } }, icon('x'), h('span', t('删除')));
          return [look, del];
        },
      },
    ];
    return rows.length ? table(cols, rows, { class: 'table-lists', rowData: (l) => ({ list: l.id, kind: l.kind }) }) : empty(t('还没有导入比对名单'));
  }
  function refreshLists() {
    get('/api/external-lists', { deleted: showDeleted ? 1 : null }).then((d) => mount(listBox, listTable(d.rows)), () => {});
  }
  mount(listBox, listTable(lists.rows));

  mount(
    el,
    h(
      'div',
      { class: 'page page-external' },
      pageHeader({ title: t('数据比对'), subtitle: t('其他部门的名单按证件号码（15 位转 18 位）与建档立卡成员比对；名单属个人信息，查看和删除均记入审计日志') }),
      h(
        'div',
        { class: 'grid' },
        card(
          t('比对名单'),
          listBox,
          {
            class: 'span-12',
            name: 'lists',
            flush: true,
            tools: h('a', { class: 'btn btn-sm btn-ghost', href: link('/external-lists', { deleted: showDeleted ? null : 1 }) }, showDeleted ? t('不显示已删除的') : t('显示已删除的')),
          },
        ),
        card(
          t('导入名单'),
          h(
            'div',
            h(
              'div',
              { class: 'form-grid import-opts' },
              h('div', { class: 'field', 'data-field': 'kind' }, h('label', { class: 'field-label', for: 'f-kind' }, t('名单类别')), Object.assign(kindSel, { id: 'f-kind' }), cols),
              field({ name: 'date', label: t('名单日期'), control: dateIn, hint: t('名单所反映情况的截止日期，不能晚于今天') }),
              field({ name: 'source', label: t('提供部门'), control: sourceIn }),
              h('div', { class: 'field field-wide field-check' }, h('label', { class: 'check' }, lenient, h('span', t('证件号码有误的行只作提醒、不参加比对（否则整个名单不予导入）')))),
            ),
            fileInput,
            drop,
            status,
          ),
          { class: 'span-12', name: 'upload' },
        ),
      ),
      report,
    ),
  );
}
