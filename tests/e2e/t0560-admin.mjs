// 三员分立 in the UI (docs/SECURITY.md): the system administrator creates an account without a role or a password
// and is shown the first half of a one-time code; the security administrator picks the role and the division
// from the tree and is shown the second half; the new clerk logs in with both halves and sets a password of
// their own (a common one refused); the security administrator sees and revokes the clerk's API tokens; the
// system administrator disables the account. Data roles never see these screens; "About" shows them no paths.
// users: county sys sec
import { run, newPage, login, settle, shot, text, assert, PASSWORD } from './lib.mjs';

await run(async () => {
  // the system administrator lands on the accounts
  const sys = await newPage();
  await login(sys, 'sys');
  assert.equal(new URL(sys.url()).pathname, '/users');
  await sys.waitForSelector('[data-card="users"] tbody tr');
  assert.deepEqual(await sys.$$eval('.side .nav-item', (a) => a.map((x) => x.innerText.trim())), ['用户管理', '角色与权限', '关于']);
  assert.equal(await sys.locator('.topbar input[name="q"]').count(), 0);
  assert.equal(await sys.locator('[data-user="sys"] [data-action="lock"]').count(), 0); // not oneself
  assert.equal(await sys.locator('[data-user="sec"] [data-action="lock"]').count(), 0); // not another kind of administrator
  assert.equal(await sys.locator('[data-action="role"]').count(), 0); // roles are the security administrator's

  // a new account: a name, no role, no password; the first half of the code is shown once
  await sys.click('[data-action="create-user"]');
  assert.equal(await sys.locator('dialog[open] input[name="password"]').count(), 0);
  assert.equal(await sys.locator('dialog[open] select[name="role"]').count(), 0);
  await sys.fill('dialog[open] input[name="name"]', 'xiling');
  await sys.fill('dialog[open] input[name="display_name"]', '西岭村录入员');
  await sys.click('dialog[open] [data-action="save"]');
  await sys.waitForSelector('dialog[open] [data-part="1"] [data-code]');
  const half1 = await sys.getAttribute('dialog[open] [data-code]', 'data-code');
  assert.match(half1, /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
  await shot(sys, 'users-code');
  await sys.click('dialog[open] [data-action="done"]');
  await sys.waitForSelector('[data-user="xiling"]');
  assert.match(await text(sys, '[data-user="xiling"]'), /西岭村录入员 未分配角色 — 待分配角色 待发第二段/);

  // the security administrator: the role, and the division picked level by level from the tree
  const sec = await newPage();
  await login(sec, 'sec');
  await sec.waitForSelector('[data-card="users"] tbody tr');
  assert.equal(await sec.locator('[data-action="create-user"]').count(), 0);
  assert.equal(await sec.locator('[data-user="sys"] [data-action="role"]').count(), 0); // no administrator's role
  await sec.click('[data-user="xiling"] [data-action="role"]');
  await sec.waitForSelector('dialog[open] select[name="division-0"]');
  assert.equal(await sec.locator('dialog[open] input[name="division"]').count(), 0); // not typed
  const roleOptions = await sec.$$eval('dialog[open] select[name="role"] option', (o) => o.map((x) => x.value));
  assert.deepEqual(roleOptions, ['county_admin', 'town_operator', 'village_operator', 'cadre', 'supervisor', 'none']);
  await sec.selectOption('dialog[open] select[name="role"]', 'village_operator');
  const pick = async (depth, code) => {
    await sec.waitForSelector(`dialog[open] select[name="division-${depth}"] option[value="${code}"]`, { state: 'attached' });
    await sec.selectOption(`dialog[open] select[name="division-${depth}"]`, code);
  };
  for (const [depth, code] of [[0, '370000000000'], [1, '371300000000'], [2, '371399000000'], [3, '371399100000']]) await pick(depth, code);
  // a village clerk over a whole town is refused, said under the division, and the dialog stays open
  await sec.click('dialog[open] [data-action="save"]');
  await sec.waitForSelector('dialog[open] [data-field="division"] .field-error:not(:empty)');
  assert.equal(await text(sec, 'dialog[open] [data-field="division"] .field-error'), '“村级录入”只能设在村级区划，371399100000（东岭镇）是乡镇级');
  await shot(sec, 'users-role-level');
  await pick(4, '371399100202');
  assert.equal(await text(sec, 'dialog[open] .division-path'), '山东省 › 临沂市 › 示例县 › 东岭镇 › 西岭村 (371399100202)');
  await shot(sec, 'users-role');
  await sec.click('dialog[open] [data-action="save"]');
  await sec.waitForSelector('dialog', { state: 'detached' });
  await sec.waitForSelector('[data-user="xiling"] >> text=村级录入');
  await sec.click('[data-user="xiling"] [data-action="code"]');
  await sec.waitForSelector('dialog[open] [data-part="2"] [data-code]');
  const half2 = await sec.getAttribute('dialog[open] [data-code]', 'data-code');
  await sec.click('dialog[open] [data-action="done"]');
  await sec.waitForSelector('[data-user="xiling"] >> text=一次性码已齐');
  assert.match(await text(sec, '[data-user="xiling"]'), /西岭村录入员 村级录入 西岭村 371399100202/);
  await shot(sec, 'users', { keep: true });
  await sec.click('.nav-item:has-text("角色与权限")');
  await sec.waitForSelector('[data-card="roles"] tbody tr');
  const roles = await sec.$$eval('[data-card="roles"] tbody tr', (trs) => trs.map((tr) => tr.querySelector('[data-col="label"]').innerText));
  assert.deepEqual(roles, ['县扶贫办', '乡镇经办', '村级录入', '帮扶责任人', '督查审计', '系统管理员', '安全管理员', '审计管理员', '未分配角色']);
  await shot(sec, 'roles');

  // the new clerk: one half is not enough; both halves open the password form; a common password is refused
  const clerk = await newPage();
  const loginAs = async (pw) => {
    await clerk.goto(sys.url().replace(/\/users.*$/, '/login'));
    await clerk.fill('#login-name', 'xiling');
    await clerk.fill('#login-password', pw);
    await clerk.click('.login-form button[type=submit]');
  };
  await loginAs(half1);
  await clerk.waitForSelector('.login-error:not([hidden])');
  assert.equal(await text(clerk, '.login-error'), '用户名或密码错误');
  await loginAs(`${half1}${half2}`);
  await clerk.waitForURL(/\/password/);
  // a wrong code is named as the field names it (it said 原密码不正确); the page has a way out
  await clerk.fill('#pw-old', 'not-the-code-at-all');
  await clerk.fill('#pw-new', 'Password-2018!');
  await clerk.fill('#pw-again', 'Password-2018!');
  await clerk.click('.login-form button[type=submit]');
  await clerk.waitForSelector('.login-error:not([hidden])');
  assert.equal(await text(clerk, '.login-error'), '当前密码或一次性码不正确');
  assert.equal(await text(clerk, '[data-action="logout"]'), '退出，换一个账户登录');
  await clerk.fill('#pw-old', `${half1}${half2}`);
  await clerk.fill('#pw-new', 'Password-2018!');
  await clerk.fill('#pw-again', 'Password-2018!');
  await clerk.click('.login-form button[type=submit]');
  await clerk.waitForSelector('.login-error:not([hidden])');
  assert.match(await text(clerk, '.login-error'), /太常见/);
  await shot(clerk, 'password-common');
  await clerk.fill('#pw-new', PASSWORD);
  await clerk.fill('#pw-again', PASSWORD);
  await clerk.click('.login-form button[type=submit]');
  await clerk.waitForURL(/\/login/);
  // the change is said, and the name kept for the login with the new password (it came back to an empty form)
  await clerk.waitForSelector('[data-part="password-changed"]');
  assert.equal(await text(clerk, '[data-part="password-changed"]'), '密码已修改，请用新密码登录。');
  assert.equal(await clerk.inputValue('#login-name'), 'xiling');
  await loginAs(PASSWORD);
  await clerk.waitForSelector('.page-dashboard');
  await settle(clerk);
  assert.equal(await text(clerk, '.page-title'), '西岭村');
  // an API token of the clerk's, which the security administrator sees and revokes
  const made = await clerk.evaluate(async () => {
    const me = await (await fetch('/api/me')).json();
    const r = await fetch('/api/me/tokens', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.data.csrf }, body: JSON.stringify({ name: '夜间报表' }) });
    return (await r.json()).data.token;
  });
  assert.match(made, /^tp_/);
  await sec.click('.nav-item:has-text("用户管理")');
  await sec.waitForSelector('[data-user="xiling"] [data-action="tokens"]');
  await sec.click('[data-user="xiling"] [data-action="tokens"]');
  await sec.waitForSelector('dialog[open] [data-action="revoke"]');
  assert.match(await text(sec, 'dialog[open] tbody tr'), /夜间报表.*有效/);
  // its dates are the office's days (they were the UTC days: the day before, in the office's morning)
  const officeDay = await sec.evaluate(async () => {
    const list = await (await fetch('/api/users/xiling/tokens')).json();
    const day = (s) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(s * 1000));
    return [day(list.data[0].created_at), day(list.data[0].expires_at)];
  });
  assert.deepEqual([await text(sec, 'dialog[open] tbody tr [data-col="created"]'), await text(sec, 'dialog[open] tbody tr [data-col="expires"]')], officeDay);
  await shot(sec, 'tokens');
  // asked in place first (one click revoked it)
  await sec.click('dialog[open] [data-action="revoke"]');
  assert.equal(await text(sec, 'dialog[open] [data-action="confirm-revoke"]'), '确认撤销');
  await sec.click('dialog[open] [data-action="confirm-revoke"]');
  await sec.waitForSelector('dialog[open] tbody tr >> text=已撤销');
  const status = await clerk.evaluate(async (tok) => (await fetch('/api/stats', { headers: { Authorization: `Bearer ${tok}` } })).status, made);
  assert.equal(status, 401);

  // a data role has no administration screens, not even by address; About shows no path
  const county = await newPage();
  await login(county, 'county');
  assert.equal(await county.locator('.nav-item', { hasText: '用户管理' }).count(), 0);
  for (const path of ['/users', '/roles', '/audit']) {
    await county.goto(county.url().replace(/^(https?:\/\/[^/]+).*$/, `$1${path}`));
    await county.waitForSelector('[data-page="not-found"]');
  }
  await county.click('.nav-item:has-text("关于")');
  await county.waitForSelector('[data-item="version"]');
  assert.equal(await text(county, '[data-item="version"] dd'), '0.1.0');
  assert.equal(await text(county, '[data-item="database"] dd'), 'SQLite（内置）');
  assert.equal(await county.locator('[data-item="location"]').count(), 0);
  await shot(county, 'about');
  // the system administrator's About has the location
  await sys.click('.nav-item:has-text("关于")');
  await sys.waitForSelector('[data-item="location"]');
  assert.match(await text(sys, '[data-item="location"] dd'), /^sqlite:/);

  // the system administrator disables the account
  await sys.click('.nav-item:has-text("用户管理")');
  await sys.click('[data-user="xiling"] [data-action="lock"]');
  // asked first: a lock ends the user's sessions at once
  assert.equal(await text(sys, 'dialog[open] p'), '停用后 xiling 立即退出登录，在启用之前不能登录。');
  await sys.click('dialog[open] [data-action="confirm"]');
  await sys.waitForSelector('[data-user="xiling"] [data-action="unlock"]');
  assert.match(await text(sys, '[data-user="xiling"]'), /已停用/);
});
