// The household list: sorting by a click on a column head (the server sorts; the order is in the address),
// and the column choice (hidden columns stay hidden after a reload; 户编号 cannot be hidden). The sample
// county's nine households: see tests/api/t0230-registry.sh for the same orders through the API.
// users: county
import { run, newPage, login, settle, shot, text, assert } from './lib.mjs';

const rows = (page) => page.$$eval('[data-card="results"] tbody tr', (trs) => trs.map((tr) => tr.dataset.hh.slice(9)).join(','));
const heads = (page) =>
  page.$$eval('[data-card="results"] thead th', (ths) => ths.filter((th) => !th.hidden).map((th) => th.innerText.replace(/[▲▼↕]/g, '').trim()).join(','));

async function sortBy(page, col, want) {
  await page.click(`[data-card="results"] th[data-sort="${col}"] .th-sort`);
  await page.waitForURL((u) => (u.searchParams.get('sort') || '') === want);
  await settle(page);
}

await run(async () => {
  const page = await newPage();
  await login(page, 'county', { next: '/households' });
  await settle(page);

  // by village (the default), then 户编号
  assert.equal(await rows(page), '1,2,3,4,5,6,9,7,8');
  assert.equal(await page.getAttribute('th[data-sort="village"]', 'aria-sort'), 'ascending');
  assert.equal(await heads(page), '户编号,户主,人数,所在村,贫困户属性,主要致贫原因,当前状态');

  // 户编号: ascending, descending, then back to the default
  await sortBy(page, 'hh_no', 'hh_no');
  assert.equal(await rows(page), '1,2,3,4,5,6,7,8,9');
  await sortBy(page, 'hh_no', '-hh_no');
  assert.equal(await rows(page), '9,8,7,6,5,4,3,2,1');
  assert.equal(await page.getAttribute('th[data-sort="hh_no"]', 'aria-sort'), 'descending');
  assert.equal(await text(page, 'th[data-sort="hh_no"] .sort-mark'), '▼');
  await sortBy(page, 'hh_no', '');
  assert.equal(await rows(page), '1,2,3,4,5,6,9,7,8');

  // status: 未脱贫, 返贫, 已脱贫享受政策 ×3, 已脱贫不享受政策 ×2, 已剔除, 已销户
  await sortBy(page, 'status', 'status');
  assert.equal(await rows(page), '9,3,1,2,4,6,7,5,8');
  // the order survives a filter
  await page.selectOption('select[name="status"]', 'exited_supported');
  await page.waitForURL((u) => u.searchParams.get('status') === 'exited_supported' && u.searchParams.get('sort') === 'status');
  await settle(page);
  assert.equal(await rows(page), '1,2,4');
  await page.selectOption('select[name="status"]', '');
  await page.waitForURL((u) => !u.searchParams.get('status'));
  await settle(page);

  // 导出 Excel exports what the filters select (all pages): the registry sheet of those households
  await page.selectOption('select[name="status"]', 'exited_supported');
  await page.waitForURL((u) => u.searchParams.get('status') === 'exited_supported');
  await settle(page);
  assert.equal(await page.getAttribute('[data-action="export"]', 'href'), '/api/exports/registry?format=xlsx&status=exited_supported');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export"]')]);
  assert.match(download.suggestedFilename(), /^建档立卡-示例县-\d{4}-\d{2}-\d{2}\.xlsx$/);
  // the same export as CSV, with the page's session: exactly the households of that status
  const csv = await (await page.request.get(new URL('/api/exports/registry?format=csv&status=exited_supported', page.url()).href)).text();
  assert.deepEqual([...new Set(csv.trim().split('\n').slice(1).map((l) => l.split(',')[1]))], ['3713990001', '3713990002', '3713990004']);
  await page.selectOption('select[name="status"]', '');
  await page.waitForURL((u) => !u.searchParams.get('status'));
  await settle(page);
  // a name search is exported too: the households it found (issue 18)
  await page.goto(new URL('/households?q=建', page.url()).href);
  await settle(page);
  assert.equal(await page.getAttribute('[data-action="export"]', 'href'), '/api/exports/registry?format=xlsx&q=%E5%BB%BA');
  await page.goto(new URL('/households?sort=status', page.url()).href);
  await settle(page);

  // the column choice: hide 主要致贫原因 and 人数; 户编号 is not offered
  await page.click('.col-choice > summary');
  assert.equal(await page.$$eval('.col-choice-menu input', (xs) => xs.map((x) => x.name).join(',')), 'col-head,col-size,col-village,col-attribute,col-cause,col-status');
  await page.uncheck('.col-choice-menu input[name="col-cause"]');
  await page.uncheck('.col-choice-menu input[name="col-size"]');
  assert.equal(await heads(page), '户编号,户主,所在村,贫困户属性,当前状态');
  assert.equal(await page.$$eval('[data-card="results"] tbody td[data-col="cause"]', (tds) => tds.every((td) => td.hidden)), true);
  await shot(page, 'household-list', { keep: true });
  // remembered in this browser
  await page.reload();
  await settle(page);
  assert.equal(await heads(page), '户编号,户主,所在村,贫困户属性,当前状态');
  assert.equal(await rows(page), '9,3,1,2,4,6,7,5,8');
  await page.click('.col-choice > summary');
  await page.check('.col-choice-menu input[name="col-cause"]');
  await page.check('.col-choice-menu input[name="col-size"]');
  assert.equal(await heads(page), '户编号,户主,人数,所在村,贫困户属性,主要致贫原因,当前状态');
});
