// The Lingang demo district's 帮扶 and 督查 in 2018 (the article): the assistance screen shows the article's
// figures as the records count them, every household with policy has a cadre and is insured, 23 are overdue for
// a visit; the supervision screen shows 18 cases and 28 persons held accountable.
// users: county
import { run, newPage, login, settle, shot, text, assert, BASE } from './lib.mjs';

await run(async () => {
  const page = await newPage();
  await login(page, 'county', { next: '/assistance?as_of=2018-10-08&from=2018-01-01&to=2018-10-08' });
  await page.waitForSelector('.page-assistance');
  await settle(page);
  const kpi = (k) => text(page, `[data-kpi="${k}"] .kpi-value`);
  assert.equal(await kpi('industry_project'), '50 个');
  assert.equal(await text(page, '[data-kpi="industry_project"] .kpi-note'), '扶贫就业车间 37 处');
  assert.equal(await kpi('project_beneficiaries'), '1661 人');
  assert.equal(await kpi('public_post'), '108,000.00 元');
  assert.equal(await kpi('job_fair'), '2 场');
  assert.equal(await text(page, '[data-kpi="job_fair"] .kpi-note'), '提供就业岗位 214 个');
  assert.equal(await kpi('loan_fumin_production'), '9,950,000.00 元');
  assert.equal(await text(page, '[data-kpi="loan_fumin_production"] .kpi-note'), '帮扶贫困人口 199 人');
  assert.equal(await kpi('health_checkup'), '6200 人');
  assert.equal(await kpi('yulu'), '24 名学生');
  assert.equal(await kpi('charity_card'), '172,000.00 元');
  assert.equal(await text(page, '[data-kpi="charity_card"] .kpi-note'), '发放 1190 户；慈善慰问 2000 户');
  assert.equal(await text(page, '[data-coverage="cadre"] .asst-bar-pct'), '100%');
  assert.equal(await text(page, '[data-coverage="medical_insurance"] .asst-bar-pct'), '100%');
  assert.equal(await text(page, '[data-coverage="visited"] .asst-bar-pct'), '99.37%');
  assert.equal(await text(page, '[data-count="overdue"]'), '23');
  assert.equal(await text(page, '[data-card="rows"] tr[data-code="public_post"] [data-col="nhmr"]'), '24户24人');
  await shot(page, 'demo-assistance', { keep: true, fullPage: true });

  await page.click('[data-count="overdue"]');
  await page.waitForSelector('.page-assist-hh[data-which="overdue"]');
  await settle(page);
  assert.equal(await page.locator('.table-assist-hh tbody tr').count(), 23);

  await page.goto(page.url().replace(/\/assistance.*$/, '/supervision?as_of=2018-10-08&from=2018-01-01&to=2018-10-08'));
  await page.waitForSelector('.page-supervision');
  await settle(page);
  assert.equal(await text(page, '[data-kpi="cases"] .kpi-value'), '18 起');
  assert.equal(await text(page, '[data-kpi="persons"] .kpi-value'), '28 人');
  await shot(page, 'demo-supervision', { keep: true });
  // the board downloads as the screen shows it: its categories and complaints, of the same period
  const xl = await page.getAttribute('[data-action="xlsx"]', 'href');
  assert.equal(xl, '/api/supervision?from=2018-01-01&to=2018-10-08&format=xlsx');
  const csv = (await (await page.request.get(`${BASE}${xl.replace('xlsx', 'csv')}`)).text()).replace(/\r/g, '');
  assert.ok(csv.includes('\n,合计,18,28\n'), csv);
  assert.ok(csv.includes('\n代码,举报投诉,件数\nreceived,受理,'), csv);
  // the persons' figure opens their list, of the same period: as many (it listed every year's, 34)
  await page.click('[data-kpi="persons"]');
  await page.waitForSelector('.page-records[data-kind="case_person"] .table-records');
  await settle(page);
  assert.match(await text(page, '.page-sub'), /^2018-01-01 至 2018-10-08，共 28 条$/);
  await page.goBack();
  await page.waitForSelector('.page-supervision');

  // a case's record: its six actions wrap inside the dialog at 1366 px (修改 ran off the dialog's left edge)
  await page.goto(page.url().replace(/\/supervision.*$/, '/assistance/records/case'));
  await page.waitForSelector('.table-records tbody tr');
  await settle(page);
  await page.locator('.table-records tbody tr').first().click();
  await page.waitForSelector('dialog[open] .dialog-foot');
  const box = await page.$eval('dialog[open]', (d) => {
    const r = d.getBoundingClientRect();
    const bs = [...d.querySelectorAll('.dialog-foot > *')].map((b) => b.getBoundingClientRect());
    return { left: r.left, right: r.right, min: Math.min(...bs.map((b) => b.left)), max: Math.max(...bs.map((b) => b.right)), n: bs.length };
  });
  assert.ok(box.n >= 6 && box.min >= box.left && box.max <= box.right, JSON.stringify(box));
  await shot(page, 'demo-case-record');
});
