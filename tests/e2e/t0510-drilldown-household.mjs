// Drilling down from the county to a town, a village and one of its households; the household page (members,
// 两不愁三保障, income, the history with corrections and struck-through superseded events); finding a
// household from the search box by 户编号, by name and by ID number.
// users: county
import { run, newPage, login, settle, shot, text, assert } from './lib.mjs';

await run(async () => {
  const page = await newPage();
  await login(page, 'county', { next: '/?as_of=2018-10-08' });
  await settle(page);

  // county -> 东岭镇 (click the row) -> its villages
  await page.click('[data-card="breakdown"] tbody tr[data-code="371399100000"] td[data-col="registered"]');
  await page.waitForURL((u) => u.pathname === '/divisions/371399100000' && u.search === '?as_of=2018-10-08');
  await settle(page);
  assert.equal(await text(page, '.page-title'), '东岭镇');
  assert.equal(await text(page, '.crumbs'), '示例县 东岭镇');
  const villages = await page.$$eval('[data-card="breakdown"] tbody tr', (trs) =>
    trs.map((tr) => `${tr.querySelector('[data-col="name"]').innerText} ${tr.querySelector('[data-col="registered"]').innerText.replace(/\s+/g, '')}`),
  );
  assert.deepEqual(villages, ['东岭村 2户4人', '西岭村 2户6人']);
  assert.equal(await text(page, '[data-kpi="registered"] .nhmr'), '4户10人');
  assert.equal(await text(page, '[data-kpi="returned"] .nhmr'), '1户4人');
  await shot(page, 'drilldown', { keep: true });

  // -> 西岭村: its households instead of a breakdown
  await page.click('[data-card="breakdown"] a:has-text("西岭村")');
  await page.waitForURL((u) => u.pathname === '/divisions/371399100202');
  await settle(page);
  assert.equal(await text(page, '.page-title'), '西岭村');
  assert.equal(await text(page, '[data-kpi="registered"] .nhmr'), '2户6人');
  assert.equal(await text(page, '[data-fact="villages"] .fact-text'), '非贫困村');
  const hhs = await page.$$eval('[data-card="households"] tbody tr', (trs) => trs.map((tr) => tr.dataset.hh));
  assert.deepEqual(hhs, ['3713990003', '3713990004']);
  await shot(page, 'village');

  // -> the returned household 3713990003
  await page.click('[data-card="households"] tr[data-hh="3713990003"] td[data-col="head"]');
  await page.waitForURL((u) => u.pathname === '/households/3713990003');
  await page.waitForSelector('.page-household');
  assert.equal(await text(page, '.page-title'), '周建民户');
  assert.equal(await text(page, '.crumbs'), '东岭镇 西岭村 3713990003');
  assert.equal(await text(page, '[data-item="status"] .badge'), '返贫');
  assert.equal(await text(page, '[data-item="cause_main"] dd'), '缺技术');
  const members = await page.$$eval('[data-card="members"] tbody tr', (trs) => trs.map((tr) => tr.querySelector('[data-col="name"]').innerText.replace(/\s+/g, ' ')));
  assert.deepEqual(members, ['周建民 户主', '吴丽 配偶', '周敏 之女', '周强 之子']);
  // ID numbers are masked
  assert.equal(await text(page, '[data-card="members"] tbody tr:first-child [data-col="id_no"]'), '371399************');
  // 两不愁三保障: says what is not recorded
  const g = await text(page, '[data-card="guarantees"]');
  assert.match(g, /不愁吃、不愁穿 未记录/);
  assert.match(g, /住房安全有保障 未记录/);
  assert.match(g, /参加基本医疗保险：周建民、吴丽、周敏、周强/);
  // income by year, and the history, newest first
  assert.equal(await text(page, '[data-card="incomes"] tbody tr:first-child [data-col="net"]'), '2400.00');
  const hist = await page.$$eval('.timeline .tl-item', (li) => li.map((x) => `${x.dataset.type} ${x.querySelector('.tl-eff').innerText}`));
  assert.deepEqual(hist, ['return 2016-10-01', 'exit 2014-12-31', 'identify 2014-01-01']);
  // record an event offers only the household's allowed events
  await page.click('[data-action="record-event"]');
  const types = await page.$$eval('dialog select[name="type"] option', (os) => os.map((o) => o.value));
  assert.deepEqual(types, ['exit', 'remove', 'clear', 'cancel', 'member_remove', 'split', 'merge']);
  await page.keyboard.press('Escape');
  await shot(page, 'household', { keep: true });
  await shot(page, 'household-full', { fullPage: true });

  // the removed household: its registration was voided by a correction effective the day it was identified
  // (so, by effective date, latest first, it sits under the exit it replaced); the events it replaced are struck
  // through
  await page.fill('.topbar input[name="q"]', '3713990005');
  await page.press('.topbar input[name="q"]', 'Enter');
  await page.waitForURL((u) => u.pathname === '/households/3713990005');
  await page.waitForSelector('.timeline');
  const items = await page.$$eval('.timeline .tl-item', (li) =>
    li.map((x) => ({
      type: x.dataset.type,
      superseded: x.classList.contains('superseded'),
      correction: !!x.querySelector('[data-tag="correction"]'),
      struck: getComputedStyle(x.querySelector('.tl-type')).textDecorationLine,
    })),
  );
  assert.deepEqual(items, [
    { type: 'exit', superseded: true, correction: false, struck: 'line-through' },
    { type: 'remove', superseded: false, correction: true, struck: 'none' },
    { type: 'identify', superseded: true, correction: false, struck: 'line-through' },
  ]);
  await shot(page, 'history');

  // search by name: a list; by an ID number: straight to the household
  await page.fill('.topbar input[name="q"]', '赵');
  await page.press('.topbar input[name="q"]', 'Enter');
  await page.waitForURL((u) => u.pathname === '/households' && u.searchParams.get('q') === '赵');
  await page.waitForSelector('[data-card="results"] tbody tr');
  const found = await page.$$eval('[data-card="results"] tbody tr', (trs) => trs.map((tr) => `${tr.dataset.hh} ${tr.querySelector('[data-col="village"]').innerText}`));
  assert.deepEqual(found, ['3713990001 东岭镇 东岭村']);
  await shot(page, 'search');
  await page.fill('.topbar input[name="q"]', '371399197506101031');
  await page.press('.topbar input[name="q"]', 'Enter');
  await page.waitForURL((u) => u.pathname === '/households/3713990003');
  await page.waitForSelector('.page-household');
  // what is typed in the search box while a page is on its way is kept when the page's top bar replaces it
  await page.fill('.topbar input[name="q"]', '不存在');
  await page.evaluate(() => {
    document.querySelector('.topbar').dataset.old = '1';
    history.pushState(null, '', '/households/3713990001');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await page.waitForFunction(() => !document.querySelector('.topbar[data-old]'));
  assert.equal(await page.inputValue('.topbar input[name="q"]'), '不存在');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'q');
  // nothing found says so
  await page.fill('.topbar input[name="q"]', '不存在的人');
  await page.press('.topbar input[name="q"]', 'Enter');
  // (the household page left behind has empty states of its own: wait for the search's)
  await page.waitForFunction(() => [...document.querySelectorAll('.state-empty')].some((x) => x.innerText.includes('没有找到')));
  assert.match(await page.$$eval('.state-empty', (xs) => xs.map((x) => x.innerText).join('|')), /没有找到“不存在的人”/);
});
