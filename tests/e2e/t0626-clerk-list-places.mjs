// The household list by town and village, and its results exported (issue 18): the town select, then the
// town's villages; the total counts what is shown; 导出 Excel and 导出 CSV carry the place, the filters and the
// search, and the CSV downloaded is exactly the households shown, masked. A household's history by effective
// date, then recording time, and switched to recording time.
// users: county
import { run, newPage, login, shot, text, assert, DESKTOP } from './lib.mjs';

await run(async () => {
  const page = await newPage({ viewport: DESKTOP });
  await login(page, 'county', { next: '/households' });
  await page.waitForSelector('[data-card="results"] table');
  assert.match(await text(page, '.page-head'), /共 9 户/);
  // a town: its households only; the villages of that town become choosable
  await page.selectOption('select[name="town"]', { label: '东岭镇' });
  await page.waitForSelector('select[name="village"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-card="results"] tbody tr').length === 4);
  assert.match(page.url(), /town=371399100000/);
  assert.deepEqual(await page.$$eval('select[name="village"] option', (o) => o.map((x) => x.textContent)), ['全部村', '东岭村', '西岭村']);
  // a village of it
  await page.selectOption('select[name="village"]', { label: '西岭村' });
  await page.waitForFunction(() => document.querySelectorAll('[data-card="results"] tbody tr').length === 2);
  assert.match(await text(page, '.page-head'), /共 2 户/);
  assert.deepEqual(await page.$$eval('[data-card="results"] tbody tr', (r) => r.map((x) => x.dataset.hh)), ['3713990003', '3713990004']);
  const xlsx = await page.getAttribute('[data-action="export"]', 'href');
  assert.equal(xlsx, '/api/exports/registry?format=xlsx&town=371399100000&village=371399100202');
  await shot(page, 'village');

  // a search in the town: the export carries it, and the file holds the household found with its members
  await page.selectOption('select[name="village"]', '');
  await page.waitForFunction(() => document.querySelectorAll('[data-card="results"] tbody tr').length === 4);
  await page.fill('.filters input[name="q"]', '周');
  await page.press('.filters input[name="q"]', 'Enter');
  await page.waitForFunction(() => /查找：周/.test((document.querySelector('.page-head') || {}).innerText));
  const csv = await page.getAttribute('[data-action="export-csv"]', 'href');
  assert.equal(csv, '/api/exports/registry?format=csv&town=371399100000&q=%E5%91%A8');
  assert.equal(await page.getAttribute('[data-action="export-csv"]', 'title'), '导出查找结果中的全部农户及其成员（证件号码、电话、账号、健康状况已脱敏）');
  const shown = await page.$$eval('[data-card="results"] tbody tr', (r) => r.map((x) => x.dataset.hh));
  const body = await page.evaluate(async (href) => (await fetch(href)).text(), csv);
  const rows = body.replace(/^\uFEFF/, '').trim().split('\n').slice(1).map((l) => l.split(','));
  assert.deepEqual([...new Set(rows.map((r) => r[1]))], shown);
  assert.ok(rows.every((r) => /^371399\*{12}$/.test(r[3])), 'masked');
  await shot(page, 'search-export');

  // a household's history by effective date (latest first; the same day by recording time): the member added
  // in 2018 by a correction effective 2014-01-01 sits under the exit of 2015; switched, by recording time
  await page.goto(new URL('/households/3713990004', page.url()).href);
  await page.waitForSelector('.timeline .tl-item');
  const order = () => page.$$eval('.timeline .tl-item', (li) => li.map((x) => x.dataset.type));
  assert.deepEqual(await order(), ['exit', 'member_add', 'identify']);
  assert.equal(await text(page, '[data-part="history-order"]'), '按生效日期排列（最近的在前），同日按记录时间');
  await page.locator('[data-card="history"]').scrollIntoViewIfNeeded();
  await shot(page, 'history-effective');
  await page.click('.tl-legend [data-order="recorded"]');
  assert.deepEqual(await order(), ['member_add', 'exit', 'identify']);
  assert.equal(await text(page, '[data-part="history-order"]'), '按记录时间排列（最近录入的在前）');
});
