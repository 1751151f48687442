// Logging in, and the county dashboard as of 2018-10-08 with the exact figures of the sample county
// (tests/cli/t0100-county-history.sh): the headline cards, the other groups, the towns, the charts drawn.
// A wrong password is refused in place; a session that ends sends the user to the login page and back.
// users: county
import { run, newPage, login, settle, shot, text, assert, BASE } from './lib.mjs';

await run(async () => {
  const page = await newPage();

  // the login page, and a wrong password
  await page.goto(`${BASE}/`);
  await page.waitForURL(/\/login/);
  await page.waitForSelector('#login-name');
  await shot(page, 'login', { keep: true });
  await page.fill('#login-name', 'county');
  await page.fill('#login-password', 'not-the-password');
  await page.click('.login-form button[type=submit]');
  await page.waitForSelector('.login-error:not([hidden])');
  assert.match(await text(page, '.login-error'), /用户名或密码/);

  await login(page, 'county', { next: '/?as_of=2018-10-08' });
  assert.equal(new URL(page.url()).search, '?as_of=2018-10-08');
  await settle(page);
  await shot(page, 'dashboard', { keep: true });

  assert.equal(await text(page, '.page-title'), '示例县');
  assert.equal(await page.locator('[data-asof]').getAttribute('data-asof'), '2018-10-08');
  const kpi = (k) => text(page, `[data-kpi="${k}"] .nhmr`);
  assert.equal(await kpi('registered'), '7户21人');
  assert.equal(await kpi('poor'), '1户3人');
  assert.equal(await kpi('returned'), '1户4人');
  assert.equal(await kpi('exited'), '5户14人');
  assert.equal(await kpi('exited_supported'), '3户6人');
  assert.equal(await kpi('exited_unsupported'), '2户8人');
  assert.equal(await text(page, '[data-kpi="poor"] .kpi-note .nhmr'), '2户7人'); // 现有贫困
  assert.equal(await text(page, '[data-fact="removed"] .nhmr'), '1户3人');
  assert.equal(await text(page, '[data-fact="cancelled"] .nhmr'), '1户2人');

  // the towns, as `tuopin stats --as-of 2018-10-08` gives them, and the total row
  const rows = await page.$$eval('[data-card="breakdown"] tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 8).map((td) => td.innerText.replace(/\s+/g, '')).join(' ')),
  );
  assert.deepEqual(rows, ['东岭镇 4户10人 0户0人 1户4人 3户6人 0户0人 0户0人 0户0人', '西山镇 3户11人 1户3人 0户0人 0户0人 2户8人 1户3人 1户2人']);
  const total = await page.$eval('[data-card="breakdown"] tfoot tr', (tr) => [...tr.children].slice(0, 8).map((c) => c.innerText.replace(/\s+/g, '')).join(' '));
  assert.equal(total, '合计 7户21人 1户3人 1户4人 3户6人 2户8人 1户3人 1户2人');

  // the charts are drawn (canvas) and the trend runs from 2014 to the day
  for (const c of ['trend', 'mix', 'cause', 'attribute']) assert.ok(await page.locator(`[data-chart="${c}"] canvas`).count(), `chart ${c} drawn`);
  // 户/人 switch redraws
  await page.click('[data-card="trend"] [data-unit="persons"]');
  await page.waitForSelector('[data-chart="trend"] canvas');

  // another day from the date picker: as of 2015-06-30, 6户16人 poor, 2户7人 exited with policy
  await page.fill('.topbar input[name="as_of"]', '2015/6/30');
  await page.press('.topbar input[name="as_of"]', 'Enter');
  await page.waitForURL(/as_of=2015-06-30/);
  await settle(page);
  assert.equal(await kpi('registered'), '8户23人');
  assert.equal(await kpi('poor'), '6户16人');
  assert.equal(await kpi('exited_supported'), '2户7人');

  // the export link says what it exports (it said 导出 Excel) and carries the division and the day
  assert.equal(await text(page, '[data-action="export"]'), '导出名单');
  const href = await page.locator('[data-action="export"]').getAttribute('href');
  assert.equal(href, '/api/exports/registry?format=xlsx&division=371399000000&as_of=2015-06-30');
  const res = await page.request.get(BASE + href);
  assert.equal(res.status(), 200);
  assert.match(res.headers()['content-type'], /spreadsheetml/);

  // the session ends (the cookie is gone): the next click goes to the login page, and back afterwards
  await page.context().clearCookies();
  await page.click('[data-card="breakdown"] a:has-text("西山镇")');
  await page.waitForURL(/\/login\?/);
  await page.waitForSelector('.login-note');
  assert.match(await text(page, '.login-note'), /登录已过期/);
  await page.fill('#login-name', 'county');
  await page.fill('#login-password', process.env.PASSWORD);
  await page.click('.login-form button[type=submit]');
  await page.waitForURL((u) => u.pathname === '/divisions/371399101000' && u.search === '?as_of=2015-06-30');
  await settle(page);
  assert.equal(await text(page, '.page-title'), '西山镇');
});
