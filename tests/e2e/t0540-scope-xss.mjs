// A village clerk sees their village and nothing else: another village or household by URL is a 404 page
// with none of its data. A member named `<img src=x onerror=alert(1)>` (added through the API) is shown as
// those characters everywhere, and no dialog fires (lib.mjs fails the test on any dialog or CSP violation).
// users: county clerk
import { run, newPage, login, settle, shot, text, assert, apiClient } from './lib.mjs';

const XSS = '<img src=x onerror=alert(1)>';

await run(async () => {
  // the member, through the API, in the clerk's village (东岭村, household 3713990001)
  const api = await apiClient('county');
  const add = await api.post('/api/households/3713990001/members', {
    member: { name: XSS, id_no: '371399201601010014', relation: '之孙子', sex: '男' },
    reason: '其他',
    effective: '2018-06-01',
  });
  assert.equal(add.status, 201, JSON.stringify(add.body));

  const page = await newPage();
  await login(page, 'clerk');
  await settle(page);
  // the clerk lands on their own village
  assert.equal(await text(page, '.page-title'), '东岭村');
  assert.equal(await page.locator('[data-card="breakdown"]').count(), 0);
  assert.deepEqual(await page.$$eval('[data-card="households"] tbody tr', (trs) => trs.map((tr) => tr.dataset.hh)), ['3713990001', '3713990002']);
  // no import for a village clerk
  assert.equal(await page.locator('.nav-item', { hasText: '数据导入' }).count(), 0);
  await shot(page, 'clerk-dashboard');

  // another village of the same town, its household, the town and the county: 404, and none of their data
  for (const path of ['/divisions/371399100202', '/households/3713990003', '/divisions/371399100000', '/divisions/371399000000', '/import']) {
    await page.goto(new URL(path, page.url()).href);
    await page.waitForSelector('[data-page="not-found"]');
    const body = await page.locator('.view').innerText();
    assert.match(body, /页面不存在/);
    for (const secret of ['西岭村', '周建民', '东岭镇', '示例县']) assert.ok(!body.includes(secret), `${path} shows ${secret}`);
  }
  await shot(page, 'not-found');
  // nor by search
  await page.fill('.topbar input[name="q"]', '周建民');
  await page.press('.topbar input[name="q"]', 'Enter');
  await page.waitForSelector('.state-empty');

  // the hostile name as text: on the household page, in its history, and in the search results
  await page.goto(new URL('/households/3713990001', page.url()).href);
  await page.waitForSelector('.timeline');
  const names = await page.$$eval('[data-card="members"] .member-name-text', (els) => els.map((e) => e.textContent));
  assert.ok(names.includes(XSS), `member names: ${names}`);
  assert.equal(await page.locator('img[src="x"], .view img').count(), 0);
  assert.ok((await page.locator('.timeline .tl-member').first().innerText()).includes(XSS));
  await shot(page, 'xss');
  await page.fill('.topbar input[name="q"]', '<img');
  await page.press('.topbar input[name="q"]', 'Enter');
  await page.waitForSelector('[data-card="results"] tbody tr');
  assert.equal(await text(page, '.page-title'), '查找：<img');
  assert.equal(await page.locator('img').count(), 0);
  // a moment for anything that would fire
  await page.waitForTimeout(300);
});
