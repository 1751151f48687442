// The change report's 合计 and its lines (issue 18 point 7) on the Lingang demo district: the 2018 托底清零
// campaign's 合计 row, a line clicked through to the households behind it (village, head, persons, the page of
// 50 and the pager), on to a household and back; the printout titled with its division and batch or period.
// users: county
import { run, newPage, login, settle, shot, text, assert, BASE } from './lib.mjs';

const B = '2018年托底清零';

await run(async () => {
  const page = await newPage();
  await login(page, 'county', { next: `/changes?as_of=2018-10-08&batch=${B}` });
  await page.waitForSelector('[data-card="changes"] [data-total]');
  await settle(page);

  // the 合计 row: the five lines added up
  assert.equal((await text(page, '[data-card="changes"] [data-total]')).replace(/\s+/g, ''), '合计（户次、人次）4287户7602人');
  await shot(page, 'report');

  // a line clicked: the 2 households 应纳未纳 in the campaign
  await page.click('[data-card="changes"] tbody tr[data-type="include_missed"] [data-col="label"]');
  await page.waitForURL((u) => u.pathname === '/changes/households' && u.searchParams.get('type') === 'include_missed' && u.searchParams.get('batch') === B);
  await page.waitForSelector('[data-card="change-households"] tbody tr');
  await settle(page);
  assert.equal(await text(page, '.page-title'), '应纳未纳的户');
  assert.equal(await text(page, '.page-sub'), `共 2户6人 · 批次“${B}”`);
  const rows = () =>
    page.$$eval('[data-card="change-households"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.replace(/\s+/g, ' ').trim()).join('|')));
  assert.deepEqual(await rows(), ['3713731002130143|张森|坪上镇 南杨湖二村|3|2014-01-01', '3713731002170122|庄同法|坪上镇 李家庄村|3|2014-01-01']);
  assert.equal(await page.getAttribute('.side .nav-item.active', 'href'), '/changes?as_of=2018-10-08');
  await shot(page, 'households', { keep: true });

  // on to a household, and back to the report through the crumbs
  await page.click('a.row-link:has-text("3713731002130143")');
  await page.waitForURL((u) => u.pathname === '/households/3713731002130143');
  await page.goBack();
  await page.waitForSelector('[data-card="change-households"] tbody tr');
  await page.click('[data-action="back"]');
  await page.waitForURL((u) => u.pathname === '/changes' && u.searchParams.get('batch') === B);
  await page.waitForSelector('[data-card="changes"] [data-total]');

  // a long line: 3796 households, 50 a page
  await page.click('[data-card="changes"] tbody tr[data-type="policy_end"] a.chg-line-link');
  await page.waitForURL((u) => u.searchParams.get('type') === 'policy_end');
  await page.waitForSelector('[data-card="change-households"] .pager');
  assert.equal(await page.locator('[data-card="change-households"] tbody tr').count(), 50);
  assert.equal(await text(page, '.pager-info'), '共 3796 条，第 1/76 页');
  await page.click('.pager-btns button:has-text("下一页")');
  await page.waitForURL((u) => u.searchParams.get('page') === '2');
  await page.waitForFunction(() => document.querySelector('.pager-info')?.innerText === '共 3796 条，第 2/76 页');

  // the printout: the division and the batch (or the period) in its title, no controls
  await page.goto(`${BASE}/changes?as_of=2018-10-08&batch=${B}`);
  await page.waitForSelector('[data-card="changes"] [data-total]');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await text(page, '[data-print-scope]'), `临港区 变动统计 · 批次“${B}”`);
  assert.equal(await page.isVisible('.chg-filters-card'), false);
  await shot(page, 'print', { fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.isVisible('[data-print-scope]'), false);
  await page.goto(`${BASE}/changes?as_of=2018-10-08&from=2018-01-01&to=2018-10-08`);
  await page.waitForSelector('[data-card="changes"] [data-total]');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await text(page, '[data-print-scope]'), '临港区 变动统计 · 生效于 2018-01-01 至 2018-10-08');
  await page.emulateMedia({ media: 'screen' });
});
