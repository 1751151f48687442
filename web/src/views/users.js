// users.js: accounts and roles for the administrators (三员分立, docs/SECURITY.md). The system administrator
// creates accounts (without a role or a password), disables and enables them; the security administrator gives
// roles and divisions (picked from the division tree, never typed) and sees and revokes anyone's API tokens;
// each issues its own half of a one-time code for a new account or a password reset, so neither can log in as
// the user. Each sees only the buttons of their own job (capabilities "users" / "roles" of GET /api/me), and
// the server refuses the rest anyway.

import { get, post, patch, request, ApiError } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { can, state } from '../state.js';
import { dayOfEpoch } from '../format.js';
import { pageHeader, card, table, loading, icon, dialog, field, input, select, showProblems, clearProblems, banner, busyButton, toast, empty, confirmDialog } from '../ui.js';

const CAP_TEXT = {
  read: '查看本辖区农户与统计',
  write: '录入、修改、记录变动',
  import: '导入文件',
  export: '导出名单',
  full_id: '查看完整证件号码（留痕）',
  users: '账户：新建、停用与启用、发放一次性码第一段',
  roles: '角色与所辖区划、API 令牌、发放一次性码第二段',
  audit: '查看和核验审计日志',
  assist: '帮扶记录：结对、走访、措施、项目',
  supervise: '督查问责：案件与信访',
  compare: '部门数据比对名单',
};
const ADMIN_ROLES = ['sys_admin', 'sec_admin', 'audit_admin'];

function accountState(u) {
  const tags = [];
  if (u.locked) tags.push(h('span', { class: 'tag tag-red' }, t('已停用')));
  else if (u.locked_out) tags.push(h('span', { class: 'tag tag-amber' }, t('登录受限（稍候）')));
  if (u.role === 'none') tags.push(h('span', { class: 'tag tag-amber' }, t('待分配角色')));
  if (u.code && (u.code.sys || u.code.sec)) tags.push(h('span', { class: 'tag tag-blue', 'data-tag': 'code' }, u.code.sys && u.code.sec ? t('一次性码已齐') : u.code.sys ? t('待发第二段') : t('待发第一段')));
  else if (u.must_change && !u.locked) tags.push(h('span', { class: 'tag tag-blue' }, t('待设密码')));
  if (!tags.length) tags.push(h('span', { class: 'tag tag-green' }, t('正常')));
  return h('span', { class: 'chips' }, tags);
}

function errorsOf(err) {
  if (err instanceof ApiError) return [{ field: err.field || '', message: err.message }];
  return [{ field: '', message: t('请求失败') }];
}

function formDialog(title, nodes, okText, send, done, opts = {}) {
  const form = h('form', { class: 'form', novalidate: true, id: 'dlg-form' }, banner(), opts.intro || null, h('div', { class: 'form-grid' }, nodes));
  const ok = h('button', { class: 'btn btn-primary', type: 'submit', form: 'dlg-form', 'data-action': 'save' }, okText);
  const cancel = h('button', { class: 'btn', type: 'button' }, t('取消'));
  const dlg = dialog({ title, body: form, footer: [cancel, ok], wide: opts.wide });
  cancel.addEventListener('click', () => dlg.dismiss());
  const run = busyButton(ok, async () => {
    clearProblems(form);
    try {
      const res = await send();
      dlg.close();
      done(); // re-renders the page (and closes every dialog first): what follows opens after it
      if (opts.after) opts.after(res);
      else toast(t('已保存'));
    } catch (err) {
      showProblems(form, errorsOf(err));
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run();
  });
}

// The half of a one-time code just issued: shown once, to be handed to the user in person.
function showCode(name, c) {
  const other = c.part === 1 ? t('第二段由安全管理员发放') : t('第一段由系统管理员发放');
  const ok = h('button', { class: 'btn btn-primary', type: 'button', 'data-action': 'done' }, t('已记下'));
  const dlg = dialog({
    title: t('一次性码：{name}', { name }),
    body: h(
      'div',
      { class: 'code-issued', 'data-part': String(c.part) },
      h('p', t('第 {n} 段（仅显示这一次）：', { n: c.part })),
      h('p', { class: 'code-half mono', 'data-code': c.code }, c.code),
      h('p', { class: 'muted' }, t('请当面交给用户本人，{other}。用户登录时把两段连起来作为密码输入，然后设置自己的新密码；有效期至 {until}。', { other, until: c.until })),
      h('p', { class: 'muted' }, t('三员分立：任何一位管理员都只知道其中一段，不能以该用户身份登录。')),
    ),
    footer: [ok],
  });
  ok.addEventListener('click', () => dlg.close());
}

function createUser(done) {
  const name = input('', { maxlength: 32, autocomplete: 'off' });
  const display = input('', { maxlength: 50 });
  formDialog(
    t('新建用户'),
    [
      field({ name: 'name', label: t('用户名'), control: name, required: true, hint: t('2–32 个字母、数字、下划线、点或连字符') }),
      field({ name: 'display_name', label: t('姓名'), control: display }),
    ],
    t('创建'),
    () => post('/api/users', { name: name.value.trim(), display_name: display.value.trim() || undefined }),
    done,
    {
      intro: h('p', { class: 'muted form-intro' }, t('新账户没有角色，也没有密码：角色和所辖区划由安全管理员分配；用户凭两位管理员各发一段的一次性码首次登录并自设密码。')),
      after: (res) => showCode(res.user.name, res.code),
    },
  );
}

async function issueCode(u, done) {
  try {
    const res = await post(`/api/users/${encodeURIComponent(u.name)}/code`, {});
    done();
    showCode(u.name, res.code);
  } catch (err) {
    toast(err.message, 'error');
  }
}

// A division chosen from the tree: one list per level, each the children of the one above (GET
// /api/admin/divisions). .value is the deepest code chosen, or '' for none.
function divisionPicker(current) {
  const wrap = h('div', { class: 'division-picker', 'data-control': 'division' });
  const levels = [];
  const path = h('div', { class: 'muted division-path' });
  let value = '';
  const showPath = () => {
    const names = levels.map((l) => l.sel.value && l.items.find((x) => x.code === l.sel.value)).filter(Boolean).map((x) => x.name);
    path.textContent = names.length ? names.join(' › ') + ` (${value})` : t('未选择');
  };
  async function level(depth, parent, want) {
    levels.splice(depth).forEach((l) => l.sel.remove());
    const items = await get('/api/admin/divisions', parent ? { parent } : null);
    if (!items.length) return;
    const sel = select(items.map((x) => ({ code: x.code, label: x.name })), '', { blank: t('（此级不选）'), name: `division-${depth}` });
    sel.classList.add('division-level');
    levels.push({ sel, items });
    wrap.insertBefore(sel, path);
    // the ancestor of want at this level: the code's significant digits at the level (省 2, 市 4, 县 6, 乡镇 9,
    // 村 12); stripping trailing zeros took 坪上镇 (371373100) for every town of its county
    const digits = [2, 4, 6, 9, 12][depth] || 12;
    const pick = items.find((x) => want && (want === x.code || want.startsWith(x.code.slice(0, digits))));
    sel.addEventListener('change', async () => {
      value = sel.value || (depth > 0 ? levels[depth - 1].sel.value : '');
      showPath();
      const it = items.find((x) => x.code === sel.value);
      levels.splice(depth + 1).forEach((l) => l.sel.remove());
      if (it && it.has_children) await level(depth + 1, it.code, null);
    });
    if (pick) {
      sel.value = pick.code;
      value = pick.code;
      if (pick.code !== want && pick.has_children) await level(depth + 1, pick.code, want);
    }
    showPath();
  }
  wrap.appendChild(path);
  wrap.ready = level(0, null, current || null);
  Object.defineProperty(wrap, 'value', { get: () => value });
  return wrap;
}

function changeRole(u, roles, done) {
  const dataRoles = roles.filter((r) => !ADMIN_ROLES.includes(r.code));
  const role = select(dataRoles.map((r) => ({ code: r.code, label: r.label })), u.role, { name: 'role' });
  const division = divisionPicker(u.division || '');
  formDialog(
    t('角色与区划：{name}', { name: u.name }),
    [field({ name: 'role', label: t('角色'), control: role, required: true }), field({ name: 'division', label: t('所辖区划'), control: division, wide: true, hint: t('按角色选择：县扶贫办选县（或市、省），乡镇经办选乡镇，村级录入选村，帮扶责任人选县、乡镇或村，督查审计不限；从区划树中逐级选择') })],
    t('保存'),
    () => {
      const r = roles.find((x) => x.code === role.value);
      return patch(`/api/users/${encodeURIComponent(u.name)}`, { role: role.value, division: r && r.needs_division ? division.value || null : null });
    },
    done,
    { wide: true },
  );
}

async function tokensDialog(u) {
  const body = h('div', { class: 'tokens' }, loading());
  const close = h('button', { class: 'btn', type: 'button' }, t('关闭'));
  const dlg = dialog({ title: t('API 令牌：{name}', { name: u.name }), body, footer: [close], wide: true });
  close.addEventListener('click', () => dlg.close());
  const render = async () => {
    const list = await get(`/api/users/${encodeURIComponent(u.name)}/tokens`);
    const fmt = (s) => dayOfEpoch(s);   // the office's day (the UTC day was the day before in its morning)
    const cols = [
      { title: t('编号'), key: 'id', cls: 'mono', render: (x) => String(x.id) },
      { title: t('名称'), key: 'name', render: (x) => x.name },
      { title: t('创建日期'), key: 'created', cls: 'nowrap', render: (x) => fmt(x.created_at) },
      { title: t('到期'), key: 'expires', cls: 'nowrap', render: (x) => fmt(x.expires_at) },
      { title: t('状态'), key: 'state', render: (x) => (x.revoked ? h('span', { class: 'tag tag-red' }, t('已撤销')) : x.expired ? h('span', { class: 'tag tag-amber' }, t('已过期')) : h('span', { class: 'tag tag-green' }, t('有效'))) },
      {
        title: h('span', { class: 'sr' }, t('操作')),
        key: 'actions',
        cls: 'actions nowrap',
        render: (x) =>
          x.revoked
            ? null
            : h('button', { class: 'btn btn-sm btn-ghost', type: 'button', 'data-action': 'revoke', on: { click: (ev) => {
                // asked in place: the first click asks, the second revokes (one click did it)
                const b = ev.currentTarget;
                if (b.dataset.action === 'revoke') {
                  b.dataset.action = 'confirm-revoke';
                  b.classList.add('btn-danger');
                  b.textContent = t('确认撤销');
                  return;
                }
                request('DELETE', `/api/users/${encodeURIComponent(u.name)}/tokens/${x.id}`)
                  .then(() => {
                    toast(t('已撤销令牌 {id}', { id: x.id }));
                    render();
                  })
                  .catch((err) => toast(err.message, 'error'));
              } } }, t('撤销')),
      },
    ];
    mount(body, list.length ? table(cols, list, { rowData: (x) => ({ token: String(x.id) }) }) : empty(t('没有 API 令牌')));
  };
  render();
}

export async function usersView({ el, render, signal }) {
  mount(el, loading());
  const [users, roles] = await Promise.all([get('/api/users', null, { signal }), get('/api/roles', null, { signal })]);
  const me = state.me.name;
  const myRole = state.me.role;
  const done = () => render();
  const btn = (action, text, fn) => h('button', { class: 'btn btn-sm btn-ghost', type: 'button', 'data-action': action, on: { click: fn } }, text);
  const cols = [
    { title: t('用户名'), key: 'name', cls: 'mono', render: (u) => u.name },
    { title: t('姓名'), key: 'display_name', render: (u) => u.display_name },
    { title: t('角色'), key: 'role', render: (u) => u.role_label },
    { title: t('所辖区划'), key: 'division', render: (u) => (u.division ? [u.division_name || '', ' ', h('span', { class: 'muted mono' }, u.division)] : h('span', { class: 'muted' }, '—')) },
    { title: t('状态'), key: 'state', render: accountState },
    { title: t('更新时间'), key: 'updated_at', cls: 'nowrap muted', render: (u) => u.updated_at },
    {
      title: h('span', { class: 'sr' }, t('操作')),
      key: 'actions',
      cls: 'actions nowrap',
      render: (u) => {
        const b = [];
        const self = u.name === me;
        const admin = ADMIN_ROLES.includes(u.role);
        if (can('users')) {
          // no administrator disables the one who watches it; administrators' passwords are reset on the server
          if (!self && (!admin || u.role === myRole))
            b.push(btn(u.locked ? 'unlock' : 'lock', u.locked ? t('启用') : t('停用'), async () => {
              const go = async () => {
                await patch(`/api/users/${encodeURIComponent(u.name)}`, { locked: !u.locked });
                toast(u.locked ? t('已启用 {name}', { name: u.name }) : t('已停用 {name}', { name: u.name }));
                done();
              };
              // a lock ends the user's sessions at once: asked first (one click did it)
              if (u.locked) go().catch((err) => toast(err.message, 'error'));
              else confirmDialog({ title: t('停用账户 {name}', { name: u.name }), text: t('停用后 {name} 立即退出登录，在启用之前不能登录。', { name: u.name }), okText: t('停用'), run: go });
            }));
          if (!self && !admin) b.push(btn('code', t('一次性码（第一段）'), () => issueCode(u, done)));
        }
        if (can('roles')) {
          if (!self && !admin) b.push(btn('role', t('角色与区划'), () => changeRole(u, roles, done)));
          if (!self && !admin) b.push(btn('code', t('一次性码（第二段）'), () => issueCode(u, done)));
          b.push(btn('tokens', t('令牌'), () => tokensDialog(u)));
        }
        return b;
      },
    },
  ];
  mount(
    el,
    h(
      'div',
      { class: 'page page-users' },
      pageHeader({
        title: t('用户管理'),
        subtitle: can('users') ? t('系统管理员：新建账户、停用与启用、发放一次性码第一段') : t('安全管理员：分配角色和所辖区划、发放一次性码第二段、管理 API 令牌'),
        actions: can('users') ? h('button', { class: 'btn btn-primary', type: 'button', 'data-action': 'create-user', on: { click: () => createUser(done) } }, icon('plus'), h('span', t('新建用户'))) : null,
      }),
      card(t('账户（{n}）', { n: users.length }), users.length ? table(cols, users, { rowData: (u) => ({ user: u.name }) }) : empty(t('没有账户')), { flush: true, name: 'users' }),
    ),
  );
}

export async function rolesView({ el, signal }) {
  mount(el, loading());
  const roles = await get('/api/roles', null, { signal });
  const cols = [
    { title: t('角色'), key: 'label', render: (r) => h('strong', { class: 'nowrap' }, r.label) },
    { title: t('代码'), key: 'code', cls: 'mono muted', render: (r) => r.code },
    { title: t('所辖区划'), key: 'div', render: (r) => (r.needs_division ? (r.division_levels ? t('须指定：{levels}级区划', { levels: r.division_levels }) : t('须指定，级别不限')) : r.code === 'none' ? t('无（等待安全管理员分配角色）') : t('不限（不接触农户数据）')) },
    { title: t('可以做什么'), key: 'caps', render: (r) => h('div', { class: 'chips' }, (r.capabilities || []).filter((c) => c !== 'self').map((c) => h('span', { class: 'tag tag-soft' }, t(CAP_TEXT[c] || c)))) },
  ];
  mount(
    el,
    h(
      'div',
      { class: 'page page-roles' },
      pageHeader({ title: t('角色与权限'), subtitle: t('三员分立：系统管理员建账户，安全管理员分配角色和区划，审计管理员查看审计日志；三者均不能查看或修改农户数据，也不能以其他用户身份登录') }),
      card(t('角色'), table(cols, roles), { flush: true, name: 'roles' }),
    ),
  );
}
