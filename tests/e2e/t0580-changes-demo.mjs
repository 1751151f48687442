// The change report (变动统计) on the Lingang demo district: the 2018 托底清零 campaign as the article's five
// lines (N户M人, the same figures as `tuopin changes --batch 2018年托底清零`), a period by effective and by
// recording date, a town, the report kept in the address (a reload shows it again), the empty and invalid
// cases, English, and no such screen for the audit administrator.
// users: county aud
import { run, newPage, login, settle, shot, text, assert, BASE, TABLET } from './lib.mjs';

const HAN = /[\u3400-\u9fff]/;
const CAMPAIGN = ['应纳未纳 2户6人', '停止享受政策 3796户6987人', '恢复享受政策 10户25人', '识别不准剔除 241户329人', '人员增加 238户255人'];

// The report's lines as "label N户M人".
const lines = (page) =>
  page.$$eval('[data-card="changes"] tbody tr', (trs) =>
    trs.map((tr) => `${tr.querySelector('[data-col="label"]').innerText.trim()} ${tr.querySelector('[data-col="nhmr"]').innerText.replace(/\s+/g, '')}`),
  );

// Wait for the report of this division and scope (the previous one stays on screen until the new one comes).
async function report(page, division, scope) {
  await page.waitForFunction(
    ([d, s]) => {
      const card = document.querySelector('[data-card="changes"]');
      return card && card.querySelector('.chg-title')?.innerText.startsWith(d) && card.querySelector('[data-scope]')?.innerText.trim() === s;
    },
    [division, scope],
  );
  await settle(page);
}

const param = (page, k) => new URL(page.url()).searchParams.get(k);

await run(async () => {
  const page = await newPage();
  await login(page, 'county', { next: '/?as_of=2018-10-08' });
  await settle(page);

  // from the navigation: this year up to the "as of" date
  await page.click('.side .nav-item:has-text("变动统计")');
  await page.waitForURL((u) => u.pathname === '/changes');
  await report(page, '临港区', '生效于 2018-01-01 至 2018-10-08');
  assert.equal(param(page, 'as_of'), '2018-10-08');
  assert.equal(await text(page, '.page-title'), '变动统计');
  assert.equal(await page.getAttribute('.side .nav-item.active', 'href'), '/changes?as_of=2018-10-08');
  assert.deepEqual(await lines(page), ['停止享受政策 3796户6987人', '恢复享受政策 10户25人']);
  assert.equal(await page.inputValue('input[name="from"]'), '2018-01-01');
  assert.equal(await page.inputValue('input[name="to"]'), '2018-10-08');

  // the campaign: one batch, the article's five lines
  await page.click('.seg-btn[data-mode="batch"]');
  assert.equal(await page.isVisible('input[name="from"]'), false);
  // picked from the batches recorded, the latest first, each with its households
  assert.deepEqual(await page.$$eval('select[name="batch"] option', (os) => os.map((o) => o.textContent)), [
    '2018年托底清零（4287 户）',
    '2017年度动态调整（7627 户）',
    '2016年度动态调整（8400 户）',
    '2015年度动态调整（7125 户）',
    '2014年度动态调整（3772 户）',
    '2014年精准识别（17188 户）',
  ]);
  await page.selectOption('select[name="batch"]', '2018年托底清零');
  await page.click('[data-action="query"]');
  await page.waitForURL((u) => u.searchParams.get('batch') === '2018年托底清零');
  await report(page, '临港区', '批次“2018年托底清零”');
  assert.deepEqual(await lines(page), CAMPAIGN);
  assert.equal(param(page, 'from'), null);
  assert.equal(param(page, 'as_of'), '2018-10-08');
  assert.equal(await page.getAttribute('.seg-btn[data-mode="batch"]', 'aria-pressed'), 'true');
  assert.equal(await page.inputValue('select[name="batch"]'), '2018年托底清零');
  await shot(page, 'changes', { keep: true });

  // the address is the report: a reload shows it again
  await page.reload();
  await report(page, '临港区', '批次“2018年托底清零”');
  assert.deepEqual(await lines(page), CAMPAIGN);

  // one town of the campaign (团林镇), then the whole district again
  await page.selectOption('select[name="division"]', { label: '团林镇' });
  await page.waitForURL((u) => u.searchParams.get('division') === '371373101000' && u.searchParams.get('batch') === '2018年托底清零');
  await report(page, '团林镇', '批次“2018年托底清零”');
  assert.equal(await text(page, '[data-card="changes"] .chg-title .tag'), '乡镇');
  assert.deepEqual(await lines(page), ['停止享受政策 984户1811人', '恢复享受政策 1户4人', '识别不准剔除 54户75人', '人员增加 55户59人']);
  await page.selectOption('select[name="division"]', { label: '临港区' });
  await page.waitForURL((u) => !u.searchParams.get('division'));
  await report(page, '临港区', '批次“2018年托底清零”');

  // a period: 2017 by effective date
  await page.click('.seg-btn[data-mode="period"]');
  await page.fill('input[name="from"]', '2017-01-01');
  await page.fill('input[name="to"]', '2017-12-31');
  await page.click('[data-action="query"]');
  await page.waitForURL((u) => u.searchParams.get('from') === '2017-01-01' && u.searchParams.get('to') === '2017-12-31');
  await report(page, '临港区', '生效于 2017-01-01 至 2017-12-31');
  assert.deepEqual(await lines(page), ['脱贫 2575户4307人', '停止享受政策 4932户9838人']);
  assert.equal(param(page, 'batch'), null);
  await shot(page, 'changes-period');
  assert.equal(param(page, 'recorded'), null);
  await page.reload();
  await report(page, '临港区', '生效于 2017-01-01 至 2017-12-31');
  assert.deepEqual(await lines(page), ['脱贫 2575户4307人', '停止享受政策 4932户9838人']);

  // by recording date: what was entered during the campaign's weeks is the campaign
  await page.fill('input[name="from"]', '2018-04-01');
  await page.fill('input[name="to"]', '2018-05-31');
  await page.selectOption('select[name="recorded"]', '1');
  await page.waitForURL((u) => u.searchParams.get('recorded') === '1' && u.searchParams.get('from') === '2018-04-01');
  await report(page, '临港区', '记录于 2018-04-01 至 2018-05-31');
  assert.deepEqual(await lines(page), CAMPAIGN);

  // back: the previous report
  await page.goBack();
  await report(page, '临港区', '生效于 2017-01-01 至 2017-12-31');
  assert.deepEqual(await lines(page), ['脱贫 2575户4307人', '停止享受政策 4932户9838人']);

  // a period the wrong way round is not asked for
  const before = page.url();
  await page.fill('input[name="from"]', '2018-12-31');
  await page.fill('input[name="to"]', '2018-01-01');
  await page.click('[data-action="query"]');
  assert.equal(await text(page, '.chg-problem'), '起始日期不能晚于截止日期。');
  assert.equal(page.url(), before);

  // a batch without changes (an address written by hand): the empty state, the batch kept in the choice
  await page.goto(`${BASE}/changes?batch=2019年无此批次`);
  await report(page, '临港区', '批次“2019年无此批次”');
  assert.equal(await text(page, '[data-card="changes"] .state-title'), '批次“2019年无此批次”没有变动');
  assert.equal(await page.locator('[data-card="changes"] table').count(), 0);
  await shot(page, 'changes-empty');

  // a bad address: the error inside the report, the controls still there
  await page.goto(`${BASE}/changes?division=999999999999&batch=x`);
  await page.waitForSelector('[data-card="changes"] .state-error');
  assert.match(await text(page, '[data-card="changes"] .state-hint'), /999999999999/);
  assert.ok(await page.isVisible('[data-action="query"]'));
  await shot(page, 'changes-error');

  // English: the UI's own words translated, the server's labels too
  await page.goto(`${BASE}/changes?as_of=2018-10-08&batch=2018年托底清零`);
  await report(page, '临港区', '批次“2018年托底清零”');
  await page.click('.lang-switch');
  await report(page, '临港区', 'batch “2018年托底清零”');
  const words = await page.$$eval('.nav-item, .page-title, .card-title, th, .btn, .seg-btn, .page-sub, .card-note, .state-title, .state-hint, .inline-field > span, .chg-notes, option, .tag', (els) =>
    els.map((e) => e.innerText.replace(/临港区|坪上镇|团林镇|壮岗镇|朱芦镇|\d{4}年(托底清零|度动态调整|精准识别)|中文/g, '').trim()).filter(Boolean),
  );
  assert.deepEqual(words.filter((w) => HAN.test(w)), [], 'untranslated words on the English change report');
  const en = await page.$$eval('[data-card="changes"] tbody tr', (trs) => trs.map((tr) => `${tr.querySelector('[data-col="label"]').innerText.trim()}: ${tr.querySelector('[data-col="nhmr"]').innerText.trim()}`));
  assert.equal(en.length, 5);
  assert.equal(en[1], 'policy ended: 3796 hh · 6987 p');
  await shot(page, 'changes-en');
  await page.click('.lang-switch');
  await report(page, '临港区', '批次“2018年托底清零”');
  await page.context().close();

  // on a tablet: nothing wider than the screen
  const tab = await newPage({ viewport: TABLET });
  await login(tab, 'county', { next: '/changes?as_of=2018-10-08&batch=2018年托底清零' });
  await report(tab, '临港区', '批次“2018年托底清零”');
  assert.deepEqual(await lines(tab), CAMPAIGN);
  const { sw, w } = await tab.evaluate(() => ({ sw: document.documentElement.scrollWidth, w: window.innerWidth }));
  assert.ok(sw <= w, `tablet: the page is ${sw}px wide on a ${w}px screen`);
  await shot(tab, 'changes-tablet');
  await tab.context().close();

  // the audit administrator reads no registry: no such item, no such screen
  const aud = await newPage();
  await login(aud, 'aud');
  assert.equal(await aud.locator('.nav-item', { hasText: '变动统计' }).count(), 0);
  await aud.goto(`${BASE}/changes?batch=2018年托底清零`);
  await aud.waitForSelector('.state-404, .big-404');
  assert.equal(await aud.locator('[data-card="changes"]').count(), 0);
});
