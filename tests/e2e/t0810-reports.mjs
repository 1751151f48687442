// The standard tables (统计报表, issue 19): the list by group, a table as a finished form (merged group headers,
// the 合计 row, the note, the 填报单位 line) with every figure exactly the API's JSON and, on the sample county,
// the figures tests/api/t0800-tables.sh knows by hand; 统计时点 switched in the controls; 按某日登记情况; the
// income year; from the county down to a town (a click on its row) and back by the breadcrumb; the address
// keeps every choice; the CSV and Excel links carry the same parameters and download; the print layout; a
// town's operator sees the town; the screen on a tablet and in English.
// users: county town
import { run, newPage, login, settle, shot, text, assert, apiClient, TABLET } from './lib.mjs';

const HAN = /[\u3400-\u9fff]/;

// A figure as the screen shows it (the column's decimals; "—" without a denominator).
function fig(v, col) {
  if (v === null || v === undefined) return '—';
  return col.decimals > 0 ? Number(v).toFixed(col.decimals) : String(v);
}

// What the screen's table says: its header cells, and each row's name and figures in column order.
async function screenTable(page) {
  return page.$eval('.rpt-table', (tb) => ({
    code: tb.dataset.table,
    head1: [...tb.querySelectorAll('thead tr:first-child th')].map((th) => `${th.innerText.trim()}|${th.colSpan}|${th.rowSpan}`),
    head2: [...tb.querySelectorAll('thead tr:nth-child(2) th')].map((th) => th.innerText.trim()),
    rows: [...tb.querySelectorAll('tbody tr')].map((tr) => [tr.dataset.code, tr.querySelector('th').innerText.trim(), ...[...tr.querySelectorAll('td')].map((td) => td.innerText.trim())]),
    total: [...tb.querySelectorAll('tfoot tr > *')].map((c) => c.innerText.trim()),
  }));
}

// The same from the API's JSON: the header the columns' groups make, and the figures.
function expectedTable(d) {
  const head1 = [`${d.rows_are === 'bands' ? '项目' : '区划'}|1|${d.columns.some((c) => c.group) ? 2 : 1}`];
  const head2 = [];
  const grouped = d.columns.some((c) => c.group);
  for (let i = 0; i < d.columns.length; ) {
    const c = d.columns[i];
    if (!c.group) {
      head1.push(`${c.label}|1|${grouped ? 2 : 1}`);
      i++;
      continue;
    }
    let j = i;
    while (j < d.columns.length && d.columns[j].group === c.group) head2.push(d.columns[j++].label);
    head1.push(`${c.group}|${j - i}|1`);
    i = j;
  }
  return {
    code: d.table,
    head1,
    head2,
    rows: d.rows.map((r) => [r.code || r.key, r.name, ...d.columns.map((c) => fig(r.values[c.key], c))]),
    total: ['合计', ...d.columns.map((c) => fig(d.total.values[c.key], c))],
  };
}

async function sameAsApi(page, api, query, where) {
  const res = await api.get(`/api/reports/${query}`);
  assert.ok(res.body.ok, `${where}: ${JSON.stringify(res.body)}`);
  assert.deepEqual(await screenTable(page), expectedTable(res.body.data), `${where}: the screen is not the API's JSON`);
  assert.equal(await text(page, '.rpt-title'), res.body.data.title);
  assert.equal(await text(page, '.rpt-subtitle'), res.body.data.subtitle.replace(/\s+/g, ' ').trim());
  if (res.body.data.note) assert.equal(await text(page, '.rpt-note'), `注：${res.body.data.note}`);
  return res.body.data;
}

// The value of one cell: row (a division's code or 'total') and column key.
async function cell(page, row, key) {
  const sel = row === 'total' ? `.rpt-table tfoot td[data-col="${key}"]` : `.rpt-table tbody tr[data-code="${row}"] td[data-col="${key}"]`;
  return text(page, sel);
}

async function fits(page, where) {
  const { sw, w } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, w: window.innerWidth }));
  assert.ok(sw <= w, `${where}: the page is ${sw}px wide on a ${w}px screen`);
}

const search = (page) => Object.fromEntries(new URL(page.url()).searchParams);

await run(async () => {
  const county = await apiClient('county');
  const town = await apiClient('town');

  // ---- the county: the navigation, the list by group ----
  const page = await newPage();
  await login(page, 'county', { next: '/?as_of=2018-10-08' });
  await settle(page);
  await page.click('.side .nav-item:has-text("统计报表")');
  await page.waitForURL((u) => u.pathname === '/reports' && u.search === '?as_of=2018-10-08');
  await page.waitForSelector('.page-reports[data-view="catalogue"]');
  const list = (await county.get('/api/reports')).body.data.tables;
  const groups = [];
  for (const tb of list) if (!groups.includes(tb.group)) groups.push(tb.group);
  assert.deepEqual(await page.$$eval('.rpt-home .rpt-group-name', (xs) => xs.map((x) => x.textContent.trim())), groups);
  assert.deepEqual(await page.$$eval('.rpt-home .rpt-cat-item', (xs) => xs.map((x) => x.dataset.table)),
    groups.flatMap((g) => list.filter((tb) => tb.group === g).map((tb) => tb.code)),
  );
  assert.equal(await text(page, '.rpt-home [data-table="1.1"]'), '1.1 贫困人口年龄分组统计表');
  await shot(page, 'catalogue');

  // ---- table 0 (the registry by status): pick it, then 统计时点 2015-06-30 in the controls ----
  await page.click('.rpt-home [data-table="0"]');
  await page.waitForSelector('.rpt-table[data-table="0"]');
  assert.deepEqual(search(page), { as_of: '2018-10-08', table: '0' });
  await sameAsApi(page, county, '0?as_of=2018-10-08', 'table 0 on 2018-10-08');
  await page.fill('input[name="report_as_of"]', '2015-06-30');
  await page.press('input[name="report_as_of"]', 'Enter');
  await page.waitForURL((u) => u.searchParams.get('as_of') === '2015-06-30');
  await page.waitForSelector('.rpt-subtitle:has-text("2015-06-30")');
  assert.deepEqual(search(page), { as_of: '2015-06-30', table: '0' });
  // the top bar's date follows
  assert.equal(await page.inputValue('.topbar input[name="as_of"]'), '2015-06-30');
  await sameAsApi(page, county, '0?as_of=2015-06-30', 'table 0 on 2015-06-30');
  // t0800's figures: 建档立卡 8户23人, 未脱贫 6户16人, 已脱贫享受政策 2户7人; 东岭镇 2户3人, 西山镇 4户13人 未脱贫
  const tot = [];
  for (const k of ['registered_h', 'registered_p', 'poor_h', 'poor_p', 'exited_supported_h', 'exited_supported_p']) tot.push(await cell(page, 'total', k));
  assert.deepEqual(tot, ['8', '23', '6', '16', '2', '7']);
  assert.deepEqual([await cell(page, '371399100000', 'poor_h'), await cell(page, '371399100000', 'poor_p')], ['2', '3']);
  assert.deepEqual([await cell(page, '371399101000', 'poor_h'), await cell(page, '371399101000', 'poor_p')], ['4', '13']);
  assert.equal(await text(page, '.rpt-subtitle'), '填报单位：示例县 统计时点：2015-06-30 统计范围：全部状态 单位：户、人');
  assert.equal(await text(page, '.rpt-crumbs'), '示例县 县级');
  await shot(page, 'reports', { keep: true });

  // ---- the downloads carry the user's parameters ----
  assert.equal(await page.getAttribute('[data-action="xlsx"]', 'href'), '/api/reports/0?as_of=2015-06-30&format=xlsx');
  assert.equal(await page.getAttribute('[data-action="csv"]', 'href'), '/api/reports/0?as_of=2015-06-30&format=csv');

  // ---- down to 东岭镇 (a click on its row) and back by the breadcrumb ----
  await page.click('.rpt-table tbody tr[data-code="371399100000"] td[data-col="poor_p"]');
  await page.waitForURL((u) => u.searchParams.get('division') === '371399100000');
  await page.waitForSelector('.rpt-crumb-here[data-division="371399100000"]');
  assert.deepEqual(search(page), { as_of: '2015-06-30', table: '0', division: '371399100000' });
  assert.equal(await text(page, '.rpt-crumbs'), '示例县 东岭镇 乡镇');
  const t0town = await sameAsApi(page, county, '0?as_of=2015-06-30&division=371399100000', 'table 0 of 东岭镇');
  assert.deepEqual(t0town.rows.map((r) => r.name), ['东岭村', '西岭村']);
  assert.deepEqual([await cell(page, 'total', 'poor_h'), await cell(page, 'total', 'poor_p')], ['2', '3']);
  assert.equal(await page.locator('.rpt-table tbody tr.clickable').count(), 0, 'villages are the lowest level');
  assert.equal(await page.locator('select[name="by"]').count(), 0, 'a town has only villages as rows');
  assert.equal(await page.getAttribute('[data-action="csv"]', 'href'), '/api/reports/0?as_of=2015-06-30&division=371399100000&format=csv');
  const csv = await page.request.get(new URL(await page.getAttribute('[data-action="csv"]', 'href'), page.url()).href);
  assert.equal(csv.status(), 200);
  const csvText = (await csv.text()).replace(/^\ufeff/, '').replace(/\r/g, '');
  assert.equal(csvText.split('\n')[0], `code,name,${t0town.columns.map((c) => c.key).join(',')}`);
  assert.match(csvText, /^371399100201,东岭村,/m);
  await shot(page, 'drilldown');
  await page.click('.rpt-crumbs a[data-division="371399000000"]');
  await page.waitForURL((u) => !u.searchParams.has('division'));
  await page.waitForSelector('.rpt-crumb-here[data-division="371399000000"]');
  assert.deepEqual(search(page), { as_of: '2015-06-30', table: '0' });

  // ---- 按某日登记情况: the registry as it stood on 2017-12-31 ----
  await page.check('input[name="recorded"]');
  await page.fill('input[name="recorded_at"]', '2017-12-31');
  await page.press('input[name="recorded_at"]', 'Enter');
  await page.waitForURL((u) => u.searchParams.get('recorded_at') === '2017-12-31');
  await page.waitForSelector('.rpt-asrec');
  await sameAsApi(page, county, '0?as_of=2015-06-30&recorded_at=2017-12-31', 'table 0 as recorded on 2017-12-31');
  assert.match(await text(page, '.rpt-asrec'), /按 2017-12-31 当日的登记情况统计/);
  assert.equal(await page.getAttribute('[data-action="xlsx"]', 'href'), '/api/reports/0?as_of=2015-06-30&recorded_at=2017-12-31&format=xlsx');
  await page.uncheck('input[name="recorded"]');
  await page.waitForURL((u) => !u.searchParams.has('recorded_at'));
  await page.waitForFunction(() => !document.querySelector('.rpt-asrec'));

  // ---- table 1.1 (age bands) from the list on the left: merged headers, shares, by village ----
  await page.click('.rpt-rail [data-table="1.1"]');
  await page.waitForSelector('.rpt-table[data-table="1.1"]');
  assert.deepEqual(search(page), { as_of: '2015-06-30', table: '1.1' });
  await page.fill('input[name="report_as_of"]', '2018-10-08');
  await page.press('input[name="report_as_of"]', 'Enter');
  await page.waitForSelector('.rpt-subtitle:has-text("2018-10-08")');
  const t11 = await sameAsApi(page, county, '1.1?as_of=2018-10-08', 'table 1.1');
  assert.equal(await page.$eval('.rpt-table thead th[data-group="16岁以下"]', (th) => th.colSpan), 2);
  assert.deepEqual([await cell(page, 'total', 'total'), await cell(page, 'total', 'under16'), await cell(page, 'total', 'under16_share')], [
    String(t11.total.values.total),
    String(t11.total.values.under16),
    t11.total.values.under16_share.toFixed(2),
  ]);
  await page.selectOption('select[name="by"]', 'village');
  await page.waitForURL((u) => u.searchParams.get('by') === 'village');
  await page.waitForSelector('.rpt-table tbody tr[data-code="371399100201"]');
  await sameAsApi(page, county, '1.1?as_of=2018-10-08&by=village', 'table 1.1 by village');
  assert.equal(await page.getAttribute('[data-action="xlsx"]', 'href'), '/api/reports/1.1?as_of=2018-10-08&by=village&format=xlsx');
  // the Excel file itself, named after the table, the division and the day
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="xlsx"]')]);
  assert.equal(download.suggestedFilename(), '1.1贫困人口年龄分组统计表-示例县-2018-10-08.xlsx');
  const xlsx = await page.request.get(new URL(await page.getAttribute('[data-action="xlsx"]', 'href'), page.url()).href);
  assert.equal(xlsx.status(), 200);
  assert.equal((await xlsx.body()).subarray(0, 2).toString(), 'PK');
  await shot(page, 'table-1.1-villages');
  // a browser in English, the app in Chinese: the file follows the app (the link names its language)
  const en = await newPage({ locale: 'en-US' });
  await login(en, 'county', { next: '/reports?table=1.1&as_of=2018-10-08' });
  await en.waitForSelector('[data-action="xlsx"]');
  const [enDownload] = await Promise.all([en.waitForEvent('download'), en.click('[data-action="xlsx"]')]);
  assert.equal(enDownload.suggestedFilename(), '1.1贫困人口年龄分组统计表-示例县-2018-10-08.xlsx');
  assert.equal(await en.getAttribute('[data-action="xlsx"]', 'href'), '/api/reports/1.1?as_of=2018-10-08&format=xlsx&lang=zh');
  await en.context().close();

  // the print layout: the title, the 填报单位 line and the table; no navigation, controls or buttons
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() =>
    ['.side', '.topbar', '.page-head', '.rpt-rail', '.rpt-controls-card', '.rpt-sheet-bar', '.rpt-title', '.rpt-subtitle', '.rpt-table'].map(
      (s) => `${s} ${getComputedStyle(document.querySelector(s)).display !== 'none'}`,
    ),
  );
  assert.deepEqual(printed, [
    '.side false', '.topbar false', '.page-head false', '.rpt-rail false', '.rpt-controls-card false', '.rpt-sheet-bar false',
    '.rpt-title true', '.rpt-subtitle true', '.rpt-table true',
  ]);
  await shot(page, 'print', { fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // ---- an income table: the survey year (default the year before 统计时点) ----
  await page.goto(new URL('/reports?table=2.9&as_of=2015-06-30', page.url()).href);
  await page.waitForSelector('.rpt-table[data-table="2.9"]');
  assert.equal(await page.inputValue('select[name="year"]'), '2014');
  await sameAsApi(page, county, '2.9?as_of=2015-06-30', 'table 2.9');
  await page.selectOption('select[name="year"]', '2013');
  await page.waitForURL((u) => u.searchParams.get('year') === '2013');
  await page.waitForSelector('.rpt-subtitle:has-text("2013")');
  await sameAsApi(page, county, '2.9?as_of=2015-06-30&year=2013', 'table 2.9 of 2013');
  // a bookmark shows the same: a reload keeps every choice
  await page.reload();
  await page.waitForSelector('.rpt-table[data-table="2.9"]');
  assert.equal(await page.inputValue('select[name="year"]'), '2013');
  await sameAsApi(page, county, '2.9?as_of=2015-06-30&year=2013', 'table 2.9 after a reload');

  // ---- a table whose rows are causes (0.1): the division is chosen in the controls ----
  await page.goto(new URL('/reports?table=0.1&as_of=2018-10-08', page.url()).href);
  await page.waitForSelector('.rpt-table[data-table="0.1"]');
  await sameAsApi(page, county, '0.1?as_of=2018-10-08', 'table 0.1');
  assert.equal(await page.locator('.rpt-table tbody tr.clickable').count(), 0);
  assert.deepEqual(await page.$$eval('select[name="division"] option', (xs) => xs.map((x) => x.textContent)), ['示例县', '东岭镇', '西山镇']);
  await page.selectOption('select[name="division"]', '371399100000');
  await page.waitForURL((u) => u.searchParams.get('division') === '371399100000');
  await page.waitForSelector('.rpt-crumb-here[data-division="371399100000"]');
  await sameAsApi(page, county, '0.1?as_of=2018-10-08&division=371399100000', 'table 0.1 of 东岭镇');

  // ---- the change table: a period (期间自 … 期间至 the 统计时点), no 按某日登记情况, the balance line ----
  await page.goto(new URL('/reports?table=change&as_of=2016-12-31', page.url()).href);
  await page.waitForSelector('.rpt-table[data-table="change"]');
  assert.equal(await page.inputValue('input[name="report_from"]'), '2016-01-01');
  assert.equal(await page.locator('input[name="recorded"]').count(), 0);
  await sameAsApi(page, county, 'change?as_of=2016-12-31', 'the change table of 2016');
  assert.equal(await page.getAttribute('.rpt-balance', 'data-balance'), 'true');
  assert.equal(await text(page, '.rpt-balance'), '平衡核对：各行均有 期初 + 增加 − 减少 = 期末。');
  await page.fill('input[name="report_from"]', '2014-01-01');
  await page.press('input[name="report_from"]', 'Enter');
  await page.waitForURL((u) => u.searchParams.get('from') === '2014-01-01');
  await page.waitForSelector('.rpt-subtitle:has-text("2014-01-01 至 2016-12-31")');
  await sameAsApi(page, county, 'change?as_of=2016-12-31&from=2014-01-01', 'the change table of 2014-2016');
  assert.equal(await page.getAttribute('[data-action="xlsx"]', 'href'), '/api/reports/change?as_of=2016-12-31&from=2014-01-01&format=xlsx');
  await shot(page, 'table-change');
  // a period written from= to=, as /changes writes it: the end is the table's as_of (to= was ignored)
  await page.goto(new URL('/reports?table=change&from=2016-01-01&to=2016-12-31', page.url()).href);
  await page.waitForURL((u) => u.searchParams.get('as_of') === '2016-12-31' && !u.searchParams.has('to'));
  await page.waitForSelector('.rpt-subtitle:has-text("2016-01-01 至 2016-12-31")');
  // the persons behind a table: the roster of its division, day and 统计范围, an Excel file
  assert.equal(await page.getAttribute('[data-action="roster"]', 'href'), '/api/reports/roster?as_of=2016-12-31&group=current_poor&format=xlsx');
  const [rdl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="roster"]')]);
  assert.equal(rdl.suggestedFilename(), '人员名单-示例县-2016-12-31.xlsx');

  // ---- in English: the UI's words and the server's labels ----
  await page.goto(new URL('/reports?table=1.1&as_of=2018-10-08', page.url()).href);
  await page.waitForSelector('.rpt-table');
  await page.click('.lang-switch');
  await page.waitForSelector('.rpt-table tfoot th:has-text("Total")');
  const words = await page.$$eval('.nav-item, .page-title, .page-sub, .crumbs, .btn, .rpt-ctl > span, .rpt-rec .check span, .rpt-table th, .rpt-note, .rpt-subtitle, .rpt-no, .card-note, .rpt-cat-title', (els) =>
    els.map((e) => e.innerText.trim()).filter(Boolean),
  );
  const left = words.filter((w) => w !== '中文' && HAN.test(w.replace(/示例县|东岭镇|西山镇/g, '')));
  assert.deepEqual(left, [], `untranslated ${JSON.stringify(left)}`);
  await shot(page, 'table-en');
  await page.click('.lang-switch');
  await page.waitForSelector('.rpt-table tfoot th:has-text("合计")');

  // ---- a town's operator: the town's villages, its figures as the total ----
  const tp = await newPage();
  await login(tp, 'town', { next: '/reports?table=0&as_of=2015-06-30' });
  await tp.waitForSelector('.rpt-table[data-table="0"]');
  await sameAsApi(tp, town, '0?as_of=2015-06-30', 'table 0 of the town operator');
  assert.equal(await text(tp, '.rpt-crumbs'), '东岭镇 乡镇');
  assert.deepEqual(await tp.$$eval('.rpt-table tbody th', (xs) => xs.map((x) => x.innerText.trim())), ['东岭村', '西岭村']);
  assert.deepEqual([await cell(tp, 'total', 'poor_h'), await cell(tp, 'total', 'poor_p')], ['2', '3']);
  assert.equal(await tp.getAttribute('[data-action="xlsx"]', 'href'), '/api/reports/0?as_of=2015-06-30&format=xlsx');
  const [tdl] = await Promise.all([tp.waitForEvent('download'), tp.click('[data-action="xlsx"]')]);
  assert.equal(tdl.suggestedFilename(), '0建档立卡户数人数统计表-东岭镇-2015-06-30.xlsx');
  // the other town is not the town's: the server's 404 shown as an error, no figures
  await tp.goto(new URL('/reports?table=0&as_of=2015-06-30&division=371399101000', tp.url()).href);
  await tp.waitForSelector('.page-reports .state-error');
  assert.equal(await tp.locator('.rpt-table').count(), 0);

  // ---- on a tablet: the table list becomes a choice above the controls; nothing wider than the screen ----
  const tab = await newPage({ viewport: TABLET });
  await login(tab, 'county', { next: '/reports?table=1.1&as_of=2018-10-08' });
  await tab.waitForSelector('.rpt-table[data-table="1.1"]');
  await fits(tab, 'tablet 1.1');
  assert.ok(!(await tab.isVisible('.rpt-rail')), 'the list of tables is folded into the choice');
  assert.ok(await tab.isVisible('select[name="table"]'));
  await shot(tab, 'tablet-reports', { keep: true });
  await tab.selectOption('select[name="table"]', '24');
  await tab.waitForSelector('.rpt-table[data-table="24"]');
  await sameAsApi(tab, county, '24?as_of=2018-10-08', 'table 24 on a tablet');
  await fits(tab, 'tablet 24');
  await tab.goto(new URL('/reports?as_of=2018-10-08', tab.url()).href);
  await tab.waitForSelector('.rpt-home');
  await fits(tab, 'tablet list');
  await shot(tab, 'tablet-catalogue');
});
