// 三员分立 in the UI: the system administrator manages accounts (a new account must change its password at
// the first login), the security administrator roles and divisions; data roles never see these screens and
// the administrators never see the registry's. "About" shows the version and the database.
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
  assert.equal(await sys.locator('[data-action="role"]').count(), 0); // roles are the security administrator's

  // a new village clerk for 西岭村; a weak password first
  await sys.click('[data-action="create-user"]');
  await sys.fill('dialog[open] input[name="name"]', 'xiling');
  await sys.fill('dialog[open] input[name="display_name"]', '西岭村录入员');
  await sys.fill('dialog[open] input[name="password"]', 'short');
  await sys.selectOption('dialog[open] select[name="role"]', 'village_operator');
  await sys.fill('dialog[open] input[name="division"]', '西岭村');
  await sys.click('dialog[open] [data-action="save"]');
  await sys.waitForSelector('dialog[open] [data-field="password"].has-error');
  assert.match(await text(sys, 'dialog[open] [data-field="password"] .field-error'), /密码/);
  await sys.fill('dialog[open] input[name="password"]', 'Start-Pass-2018');
  await sys.click('dialog[open] [data-action="save"]');
  await sys.waitForSelector('dialog', { state: 'detached' });
  await sys.waitForSelector('[data-user="xiling"]');
  assert.match(await text(sys, '[data-user="xiling"]'), /西岭村录入员 村级录入 西岭村 371399100202 待改初始密码/);
  await shot(sys, 'users', { keep: true });

  // the security administrator: roles, and the role of an account
  const sec = await newPage();
  await login(sec, 'sec');
  await sec.waitForSelector('[data-card="users"] tbody tr');
  assert.equal(await sec.locator('[data-action="create-user"]').count(), 0);
  await sec.click('.nav-item:has-text("角色与权限")');
  await sec.waitForSelector('[data-card="roles"] tbody tr');
  const roles = await sec.$$eval('[data-card="roles"] tbody tr', (trs) => trs.map((tr) => tr.querySelector('[data-col="label"]').innerText));
  assert.deepEqual(roles, ['县扶贫办', '乡镇经办', '村级录入', '帮扶责任人', '督查审计', '系统管理员', '安全管理员', '审计管理员']);
  await shot(sec, 'roles');

  // the new clerk: must change the password first, then sees 西岭村
  const clerk = await newPage();
  await clerk.goto(sys.url().replace(/\/users.*$/, '/login'));
  await clerk.fill('#login-name', 'xiling');
  await clerk.fill('#login-password', 'Start-Pass-2018');
  await clerk.click('.login-form button[type=submit]');
  await clerk.waitForURL(/\/password/);
  await clerk.fill('#pw-old', 'Start-Pass-2018');
  await clerk.fill('#pw-new', PASSWORD);
  await clerk.fill('#pw-again', PASSWORD);
  await clerk.click('.login-form button[type=submit]');
  await clerk.waitForURL(/\/login/);
  await clerk.fill('#login-name', 'xiling');
  await clerk.fill('#login-password', PASSWORD);
  await clerk.click('.login-form button[type=submit]');
  await clerk.waitForSelector('.page-dashboard');
  await settle(clerk);
  assert.equal(await text(clerk, '.page-title'), '西岭村');

  // a data role has no administration screens, not even by address
  const county = await newPage();
  await login(county, 'county');
  assert.equal(await county.locator('.nav-item', { hasText: '用户管理' }).count(), 0);
  for (const path of ['/users', '/roles', '/audit']) {
    await county.goto(county.url().replace(/^(https?:\/\/[^/]+).*$/, `$1${path}`));
    await county.waitForSelector('[data-page="not-found"]');
  }
  // About: the version and the database
  await county.click('.nav-item:has-text("关于")');
  await county.waitForSelector('[data-item="version"]');
  assert.equal(await text(county, '[data-item="version"] dd'), '0.1.0');
  assert.equal(await text(county, '[data-item="database"] dd'), 'SQLite（内置）');
  assert.match(await text(county, '[data-item="location"] dd'), /^sqlite:/);
  await shot(county, 'about');

  // the system administrator disables the account
  await sys.click('[data-user="xiling"] [data-action="lock"]');
  await sys.waitForSelector('[data-user="xiling"] [data-action="unlock"]');
  assert.match(await text(sys, '[data-user="xiling"]'), /已停用/);
});
