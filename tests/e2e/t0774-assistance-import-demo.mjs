// Records of assistance imported from the web, in the Lingang demo district: the import page offers the sheets
// of records the user may write (帮扶措施 among them; a web user could load them only with the command line on
// the server), with their columns and a template; a sheet with a bad row is refused whole, the row, column and
// reason named; the corrected sheet is checked, then imported, and its records are there. The registry's
// batch and lenient options are not offered for it.
// users: county
import { run, newPage, login, settle, shot, text, assert, apiClient } from './lib.mjs';

const HH = '3713731012080001';
const HEAD = '户编号,帮扶类别,帮扶项目,帮扶日期,金额,帮扶内容\n';

await run(async () => {
  const api = await apiClient('county');
  const before = (await api.get(`/api/records/measure?household=${HH}`)).body.data.total;

  const page = await newPage();
  await login(page, 'county', { next: '/import' });
  await page.waitForSelector('.page-import select[name="kind"]');
  const kinds = await page.$$eval('select[name="kind"] option', (os) => os.map((o) => o.value));
  assert.deepEqual(kinds.slice(-6), ['cadres', 'pairings', 'measures', 'post_payments', 'loans', 'insurance']);
  await page.selectOption('select[name="kind"]', 'measures');
  assert.equal(await page.locator('[data-field="batch"]').isHidden(), true);
  assert.equal(await page.locator('#f-lenient').isHidden(), true);
  assert.match(await text(page, '.import-columns, [data-note]'), /帮扶类别|帮扶记录/);
  const tpl = await page.getAttribute('[data-template="csv"]', 'href');
  assert.equal(tpl, '/api/imports/measures/template?format=csv');
  const sheet = await page.evaluate(async (u) => (await fetch(u)).text(), tpl);
  assert.match(sheet.replace(/^\uFEFF/, '').split(/\r?\n/)[0], /^户编号,证件号码,帮扶类别,帮扶项目,帮扶日期,年度,金额/);

  // a bad row: the whole sheet refused, nothing written
  await page.setInputFiles('#import-file', { name: '帮扶措施.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEAD}${HH},产业扶贫,种植业,2025-03-01,500,发放果苗\n${HH},扶贫,,2025-03-02,,x\n`) });
  await page.waitForSelector('[data-outcome="refused"]');
  const problems = await page.$$eval('.table-problems tbody tr', (trs) => trs.map((tr) => [tr.dataset.row, tr.dataset.column]));
  assert.deepEqual(problems, [['3', '帮扶类别']]);
  assert.equal((await api.get(`/api/records/measure?household=${HH}`)).body.data.total, before);
  await shot(page, 'refused');

  // the corrected sheet: checked, then imported
  await page.setInputFiles('#import-file', { name: '帮扶措施.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEAD}${HH},产业扶贫,种植业,2025-03-01,500,发放果苗\n${HH},教育扶贫,,2025-03-02,,送教上门\n`) });
  await page.waitForSelector('[data-outcome="checked"]');
  assert.equal(await text(page, '[data-outcome="checked"] [data-records]'), '将导入 2 条记录。');
  await settle(page);
  await shot(page, 'checked', { keep: true });
  await page.click('[data-outcome="checked"] [data-action="import"]');
  await page.waitForSelector('[data-outcome="imported"]');
  assert.equal(await text(page, '[data-outcome="imported"] [data-nhmr]'), '已导入 2 条记录。');
  const after = (await api.get(`/api/records/measure?household=${HH}&from=2025-03-01&to=2025-03-02`)).body.data.items;
  assert.deepEqual(after.map((m) => `${m.measure_date} ${m.category.code} ${m.content}`).sort(), ['2025-03-01 industry 发放果苗', '2025-03-02 education 送教上门']);

  // the list of measures shows its filters (a household in the address filtered it unseen) and clears them
  await page.goto(new URL(`/assistance/records/measure?household=${HH}&from=2025-03-01&to=2025-03-02`, page.url()).href);
  await page.waitForSelector('.page-records [data-filters]');
  assert.equal(await page.inputValue('[data-filters] input[name="household"]'), HH);
  assert.equal(await page.locator('.table-records tbody tr').count(), 2);
  await settle(page);
  await shot(page, 'records-filtered', { keep: true });
  await page.click('[data-filters] [data-action="clear"]');
  await page.waitForFunction(() => !new URL(location.href).searchParams.get('household'));
  await page.waitForSelector('.page-records [data-filters]');
  assert.equal(await page.locator('[data-filters] [data-action="clear"]').count(), 0);
  assert.ok((await page.locator('.table-records tbody tr').count()) > 2);
  // 李从山's 签约服务 tells of his health: withheld in the list, shown in its full view (audited)
  await page.goto(new URL(`/assistance/records/measure?household=${HH}`, page.url()).href);
  await page.waitForSelector('.table-records tbody tr');
  const healthRow = async () => page.$$eval('.table-records tbody tr', (trs) => trs.map((tr) => [tr.querySelector('[data-col="category"]').innerText, tr.querySelector('[data-col="item"]').innerText, tr.querySelector('[data-col="content"]').innerText]).filter((r) => r[0] === '健康扶贫'));
  assert.deepEqual(await healthRow(), [['健康扶贫', '（已隐去）', '（已隐去）']]);
  await page.click('[data-action="full"]');
  await page.waitForSelector('[data-action="masked"]');
  assert.deepEqual((await healthRow()).map((r) => r[1]), ['签约服务']);
  // the list downloaded as Excel: the whole list of its filter, as shown (here in full: the link carries it)
  const exportHref = await page.getAttribute('[data-action="export"]', 'href');
  assert.equal(exportHref, `/api/records/measure?household=${HH}&full=1&format=xlsx&lang=zh`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export"]')]);
  assert.match(download.suggestedFilename(), /^帮扶措施-.*-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const csv = await (await page.request.get(new URL(exportHref.replace('format=xlsx', 'format=csv'), page.url()).href)).text();
  const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.equal(lines.length - 1, (await api.get(`/api/records/measure?household=${HH}`)).body.data.total);
  assert.ok(lines.slice(1).some((l) => l.includes('健康扶贫,签约服务')));
  // a date typed wrong is said beside the filters, which stay (the page was an error with only 重试)
  await page.goto(new URL('/assistance/records/measure?to=2018-13-01', page.url()).href);
  await page.waitForSelector('[data-filters] [data-filter-error]');
  assert.match(await text(page, '[data-filter-error]'), /2018-13-01/);
  assert.equal(await page.locator('[data-filters] [data-action="clear"]').count(), 1);
});
