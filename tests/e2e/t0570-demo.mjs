// The Lingang demo district (`tuopin demo`, the 2018 article): the dashboard as of 2018-10-08 shows the
// article's four headline figures, and the district's four towns.
// users: county
import { run, newPage, login, settle, shot, text, assert, BASE } from './lib.mjs';

await run(async () => {
  const page = await newPage();
  await login(page, 'county', { next: '/?as_of=2018-10-08' });
  await settle(page);
  assert.equal(await text(page, '.page-title'), '临港区');
  assert.equal(await text(page, '[data-kpi="registered"] .nhmr'), '16949户31417人');
  assert.equal(await text(page, '[data-kpi="poor"] .nhmr'), '16户32人');
  assert.equal(await text(page, '[data-kpi="exited"] .nhmr'), '16933户31385人');
  assert.equal(await text(page, '[data-kpi="exited_supported"] .nhmr'), '3638户5591人');
  assert.equal(await text(page, '[data-kpi="exited_unsupported"] .nhmr'), '13295户25794人');
  assert.equal(await text(page, '[data-kpi="returned"] .nhmr'), '0户0人');
  assert.equal(await text(page, '[data-fact="villages"] .fact-text'), '行政村 200 个，其中贫困村 50 个、已出列 50 个');
  const towns = await page.$$eval('[data-card="breakdown"] tbody tr', (trs) => trs.map((tr) => `${tr.querySelector('[data-col="name"]').innerText} ${tr.querySelector('[data-col="registered"]').innerText.replace(/\s+/g, '')}`));
  assert.deepEqual(towns, ['坪上镇 4878户9001人', '团林镇 4110户7625人', '壮岗镇 4482户8471人', '朱芦镇 3479户6320人']);
  await shot(page, 'demo-dashboard', { keep: true });
  await shot(page, 'demo-dashboard-full', { fullPage: true });
  // 户查询 counts the 420 一般农户 of 2021 apart from the 建档立卡 households, like the dashboard
  await page.goto(`${BASE}/households`);
  await page.waitForSelector('[data-total]');
  await settle(page);
  assert.match(await text(page, '[data-total]'), /^共 17610 户（建档立卡 16949 户；一般农户 420 户、已剔除 241 户、已销户 0 户另计）/);
});
