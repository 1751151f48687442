// From a finding to its fix, in the Lingang demo district, whose 公安 deaths list (2025-12-31) found three
// deceased members still counted in 北泉子二村. The findings board counts them by rule and village; a
// finding's page shows the list's evidence and the fix advice; 去整改 opens the household with the finding,
// its member marked, and the fix the advice names (人员减少, reason 死亡, the day of death, the campaign's name
// as the batch) ready in a dialog; saved, the change is linked to the finding and the finding is closed at once. A village clerk asks for a
// waiver of another; the county user confirms it. The campaign's board then shows one fixed, one waived and
// one still open (overdue: its deadline, 2026-06-30, has passed) and the fix in its change report; the
// compare role sees the list, never its rows. The screens in English have no Chinese left.
// users: county clerk
import { run, newPage, login, settle, shot, text, assert, apiClient } from './lib.mjs';

const HAN = /[\u3400-\u9fff]/;

await run(async () => {
  const page = await newPage();
  await login(page, 'county', { next: '/findings' });
  await settle(page);
  assert.equal(await text(page, '.page-title'), '数据质量问题');
  assert.equal(await text(page, '[data-kpi="open"] .kpi-num'), '3');
  assert.equal(await text(page, '[data-kpi="fixed"] .kpi-num'), '0');
  assert.deepEqual(await page.$$eval('[data-card="findings"] tbody tr', (trs) => trs.map((tr) => tr.dataset.rule)), ['DEATH_COUNTED', 'DEATH_COUNTED', 'DEATH_COUNTED']);
  assert.equal(await text(page, '[data-card="by-village"] [data-village="371373101208"]'), '北泉子二村 3');
  assert.match(await text(page, '[data-card="by-rule"] [data-rule="DEATH_COUNTED"]'), /死亡人员仍在建档立卡户中.* 3$/);
  await shot(page, 'findings', { keep: true });

  // the first finding: what, on what evidence, how to fix it
  await page.click('[data-card="findings"] tbody tr[data-finding="1"] .row-link');
  await page.waitForSelector('.page-finding');
  await settle(page);
  assert.equal(await text(page, '.page-title'), '死亡人员仍在建档立卡户中（死亡未销）');
  assert.equal(await text(page, '.page-title-row [data-state]'), '待整改');
  assert.equal(await text(page, '[data-item="message"]'), '死亡人员名单（公安，2025-12-31）记其于 2025-03-14 死亡，仍为本户成员');
  assert.equal(await text(page, '[data-card="evidence"] [data-item="list"] dd'), '死亡人员');
  assert.equal(await text(page, '[data-card="evidence"] [data-item="source"] dd'), '公安');
  assert.equal(await text(page, '[data-card="evidence"] [data-item="day"] dd'), '2025-03-14');
  assert.match(await text(page, '[data-item="member"] dd'), /^韩桂兰 \d{6}\*{12}$/);
  assert.match(await text(page, '[data-item="fix"]'), /人员减少（原因：死亡）/);
  await shot(page, 'finding', { keep: true });

  // to the household, with the finding: the member marked, the fix ready
  await page.click('[data-action="fix"]');
  await page.waitForSelector('[data-notice="finding"][data-state="open"]');
  assert.equal(new URL(page.url()).pathname, '/households/3713731012080002');
  assert.equal(new URL(page.url()).searchParams.get('finding'), '1');
  assert.match(await text(page, '[data-notice="finding"] .fixing-title'), /正在整改问题 #1：死亡人员仍在建档立卡户中/);
  assert.equal(await page.$$eval('[data-card="members"] tr.row-finding', (trs) => trs.map((tr) => tr.querySelector('.member-name-text').innerText).join()), '韩桂兰');
  assert.equal(await page.locator('[data-card="findings"] tbody tr').count(), 1);
  await settle(page);
  await shot(page, 'finding-household', { keep: true });
  await page.click('[data-action="fix-finding"]');
  await page.waitForSelector('dialog[open]');
  assert.equal(await page.inputValue('dialog[open] select[name="type"]'), 'member_remove');
  assert.equal(await page.$eval('dialog[open] select[name="member_id"]', (s) => s.options[s.selectedIndex].text), '韩桂兰（配偶）');
  assert.equal(await page.inputValue('dialog[open] select[name="reason"]'), 'death');
  assert.equal(await page.inputValue('dialog[open] input[name="effective"]'), '2025-03-14');
  assert.equal(await page.inputValue('dialog[open] [data-field="batch"] input'), '2026年死亡人员清理');
  await shot(page, 'finding-fix-dialog', { keep: true });
  await page.click('dialog[open] [data-action="save"]');
  await page.waitForSelector('[data-notice="finding"][data-state="fixed"]');
  await settle(page);
  assert.equal(await text(page, '[data-notice="finding"] [data-state="fixed"]'), '已整改');
  assert.equal(await page.locator('[data-card="members"] tbody tr').count(), 1);
  assert.equal(await page.locator('[data-card="findings"]').count(), 0);
  assert.equal(await text(page, '.timeline .tl-item:first-child .tl-type'), '人员减少');
  await shot(page, 'finding-fixed-household', { keep: true });

  // the finding closed, its fix linked
  await page.click('[data-notice="finding"] a:has-text("返回问题")');
  await page.waitForSelector('.page-finding [data-notice="fixed"]');
  assert.equal(await text(page, '.page-title-row [data-state]'), '已整改');
  assert.deepEqual(await page.$$eval('[data-card="history"] .tl-item', (xs) => xs.map((x) => x.dataset.action)), ['fixed', 'linked', 'opened']);
  assert.equal(await page.locator('[data-action="fix"]').count(), 0);
  await shot(page, 'finding-fixed');

  // a village clerk asks to waive the second; it waits for the county
  const clerk = await newPage();
  await login(clerk, 'clerk', { next: '/findings' });
  await settle(clerk);
  assert.equal(await text(clerk, '[data-kpi="open"] .kpi-num'), '2');
  await clerk.goto(new URL('/findings/2', clerk.url()).href);
  await clerk.waitForSelector('[data-action="waive"]');
  await clerk.click('[data-action="waive"]');
  await clerk.click('dialog[open] [data-action="save"]');
  await clerk.waitForSelector('dialog[open] [data-field="reason"].has-error');
  await clerk.fill('dialog[open] textarea[name="reason"]', '公安名单有误：本人健在，已入户核实');
  await clerk.click('dialog[open] [data-action="save"]');
  await clerk.waitForSelector('[data-notice="pending"]');
  assert.equal(await text(clerk, '.page-title-row [data-state]'), '待确认豁免');
  assert.equal(await clerk.locator('[data-notice="pending"] [data-action="confirm"]').count(), 0);
  await shot(clerk, 'finding-waiver-asked');

  await page.goto(new URL('/findings/2', page.url()).href);
  await page.waitForSelector('[data-notice="pending"] [data-action="confirm"]');
  await page.click('[data-notice="pending"] [data-action="confirm"]');
  await page.waitForSelector('.page-finding [data-notice="waived"]');
  assert.equal(await text(page, '[data-notice="waived"]'), '已豁免：公安名单有误：本人健在，已入户核实（clerk）');

  // the campaign's board
  await page.click('.nav-item:has-text("专项行动")');
  await page.waitForSelector('.page-campaigns');
  await settle(page);
  await shot(page, 'campaigns');
  await page.click('[data-campaign="2026年死亡人员清理"] a');
  await page.waitForSelector('.page-campaign');
  await settle(page);
  assert.equal(await text(page, '[data-kpi="open"] .kpi-num'), '1');
  assert.equal(await text(page, '[data-kpi="overdue"] .kpi-num'), '1');
  assert.equal(await text(page, '[data-kpi="fixed"] .kpi-num'), '1');
  assert.equal(await text(page, '[data-kpi="waived"] .kpi-num'), '1');
  const towns = await page.$$eval('[data-card="board"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim()).join(' ')));
  assert.deepEqual(towns, ['坪上镇 0 0 0 0 0 —', '团林镇 1 0 1 1 1 67%', '壮岗镇 0 0 0 0 0 —', '朱芦镇 0 0 0 0 0 —']);
  assert.equal(await text(page, '[data-card="changes"] tr[data-type="member_remove"]'), '人员减少 1户1人');
  await shot(page, 'campaign', { keep: true });
  // a line of its change report opens the households behind it, in the campaign's batch
  await page.click('[data-card="changes"] tr[data-type="member_remove"] a');
  await page.waitForSelector('.page-change-hh [data-card="change-households"] tbody tr');
  assert.equal(new URL(page.url()).searchParams.get('batch'), '2026年死亡人员清理');
  assert.equal(await page.locator('.page-change-hh tbody tr').count(), 1);
  assert.equal(await text(page, '.page-change-hh tbody tr td:nth-child(4)'), '1');
  await page.goBack();
  await page.waitForSelector('.page-campaign [data-card="changes"] [data-action="changes"]');
  assert.equal(new URL(await page.getAttribute('[data-card="changes"] [data-action="changes"]', 'href'), page.url()).searchParams.get('batch'), '2026年死亡人员清理');
  // its list of findings is the board's: the campaign's rules, divisions and period, as many as the board counts
  await page.click('.page-campaign [data-action="findings"]');
  await page.waitForSelector('.page-findings [data-campaign="2026年死亡人员清理"]');
  await settle(page);
  assert.equal(await text(page, '[data-card="findings"] .card-note'), '共 3 个');
  assert.deepEqual(await page.$$eval('.table-findings tbody tr', (trs) => [...new Set(trs.map((tr) => tr.dataset.rule))]), ['DEATH_COUNTED']);
  await page.goBack();
  await page.waitForSelector('.page-campaign');
  await page.click('[data-card="board"] tr[data-division="371373101000"] [data-col="name"] a');
  await page.waitForSelector('[data-card="board"] tr[data-division="371373101208"]');
  assert.equal(await page.locator('[data-card="board"] tbody tr').count(), 1);
  assert.equal(await text(page, '.crumbs'), '专项行动 2026年死亡人员清理 团林镇');

  // the list the findings came from: its record, not its rows
  await page.click('.nav-item:has-text("数据比对")');
  await page.waitForSelector('.page-external');
  assert.equal(await text(page, '[data-card="lists"] tr[data-list="1"] [data-col="kind"]'), '死亡人员');
  assert.equal(await text(page, '[data-card="lists"] tr[data-list="1"] [data-col="rows"]'), '3');
  await settle(page);
  await shot(page, 'external', { keep: true });
  await page.click('[data-card="lists"] tr[data-list="1"] [data-action="show-list"]');
  await page.waitForSelector('dialog[open] [data-stat="matched"]');
  // three rows, two of them members still: 韩桂兰 was removed above
  assert.equal(await text(page, 'dialog[open] [data-stat="rows"] .import-stat-value'), '3');
  assert.equal(await text(page, 'dialog[open] [data-stat="matched"] .import-stat-value'), '2');
  await shot(page, 'external-list-dialog');
  // its comparison runs the list's own rules and those of every list (a number under another name)
  const [run] = await Promise.all([page.waitForRequest((q) => q.url().endsWith('/api/check/runs')), page.click('dialog[open] [data-action="compare"]')]);
  assert.deepEqual(JSON.parse(run.postData()).rules.split(',').sort(), ['DEATH_COUNTED', 'DEATH_REGISTERED', 'NAME_MISMATCH']);
  await page.waitForSelector('.page-findings');
  await page.goBack();
  await page.waitForSelector('.page-external');
  // a list's date typed, its file chosen, then 导入 clicked once: imported (the date's change, told only by that
  // click, checked the file again and redrew the report under the click: the first click was lost)
  await page.fill('.page-external .date-text', '2019-01-01');
  await page.setInputFiles('#ext-file', { name: 'deaths.csv', mimeType: 'text/csv', buffer: Buffer.from('证件号码,姓名,死亡日期\n371399199001010010,外人,2018-12-01\n') });
  await page.waitForSelector('[data-outcome="checked"] [data-action="import"]');
  // the check says what the import will find (a stranger's number: nobody of the district)
  assert.match(await text(page, '[data-outcome="checked"]'), /其中 0 行与本辖区建档立卡成员的证件号码相同，0 行号码相同而姓名不同。/);
  await page.click('[data-action="import"]');
  await page.waitForSelector('[data-outcome="imported"]', { timeout: 5000 });
  // the demo's list, imported for the whole province's file, is not the district's to delete: the dialog says
  // why and stays (the refusal was only thrown in the page's script; the dialog stood without a word)
  await page.click('[data-card="lists"] tr[data-list="1"] [data-action="delete-list"]');
  await page.click('dialog[open] [data-action="confirm-delete"]');
  await page.waitForSelector('dialog[open] .form-banner:not([hidden])');
  assert.match(await text(page, 'dialog[open] .form-banner'), /^名单 1 覆盖您辖区以外的地方/);
  await page.keyboard.press('Escape');
  await page.waitForSelector('dialog', { state: 'detached' });
  assert.equal(await clerk.locator('.nav-item:has-text("数据比对")').count(), 0);
  // the village clerk's board is its village (by town, one row would repeat the totals), with no choice of level
  await clerk.goto(new URL('/campaigns/2026年死亡人员清理', clerk.url()).href);
  await clerk.waitForSelector('.page-campaign [data-card="board"]');
  assert.deepEqual(await clerk.$$eval('[data-card="board"] tbody tr', (trs) => trs.map((tr) => tr.dataset.division)), ['371373101208']);
  assert.equal(await clerk.locator('[data-card="board"] .seg').count(), 0);

  // the county closes the campaign (its acceptance): the board is kept as it stands, and says so
  await page.goto(new URL('/campaigns/2026年死亡人员清理', page.url()).href);
  await page.waitForSelector('.page-campaign [data-action="close-campaign"]');
  await page.click('[data-action="close-campaign"]');
  await page.fill('dialog[open] textarea[name="note"]', '经县级验收，整改到位');
  await shot(page, 'campaign-close-dialog');
  await page.click('dialog[open] [data-action="confirm-close"]');
  await page.waitForSelector('.page-campaign [data-notice="closed"]');
  await settle(page);
  assert.match(await text(page, '[data-notice="closed"]'), /^本行动已于 \d{4}-\d{2}-\d{2} 由 county 结束，验收意见：经县级验收，整改到位。以下为结束时的情况/);
  assert.match(await text(page, '[data-tag="closed"]'), /^已结束 \d{4}-\d{2}-\d{2}$/);
  assert.deepEqual(await page.$$eval('.kpi-num', (xs) => xs.map((x) => x.innerText)), ['1', '1', '1', '1']);
  assert.equal(await page.locator('[data-action="close-campaign"]').count(), 0);
  await shot(page, 'campaign-closed', { keep: true });

  // the screens in English
  await page.click('.lang-switch');
  for (const path of ['/findings', '/findings/3', '/campaigns/2026年死亡人员清理', '/external-lists', '/rules']) {
    await page.goto(new URL(path, page.url()).href);
    await page.waitForSelector('.page-title');
    await settle(page);
    const words = await page.$$eval('.nav-item, .kpi-title, .card-title, th, .btn, .seg-btn, .page-sub, .card-note, .field-label, .state-title, .state-hint, dt, .notice', (els) => els.map((e) => e.innerText.trim()).filter(Boolean));
    const left = words.filter((w) => HAN.test(w.replace(/2026年死亡人员清理|团林镇|北泉子二村|临港区|宋爱云|崔秀芝|韩桂兰|公安名单有误：本人健在，已入户核实|经县级验收，整改到位|cli:root|中文/g, '')));
    assert.deepEqual(left, [], `${path}: untranslated ${JSON.stringify(left)}`);
  }
  await shot(page, 'rules-en');
  await page.goto(new URL('/findings/3', page.url()).href);
  await page.waitForSelector('.page-finding');
  assert.equal(await text(page, '.page-title'), 'a person who died is still counted in a registered household');
  await shot(page, 'finding-en');

  // what the API says was kept
  const api = await apiClient('county');
  const r = await api.get('/api/findings/1');
  assert.equal(r.body.data.state, 'fixed');
  assert.equal(r.body.data.fix.kind, 'event');
});
