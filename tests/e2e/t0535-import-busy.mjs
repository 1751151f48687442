// While an import is being written (here a 200,000-person registry imported from the command line into the
// same database), the web UI keeps working: pages load, and a correction saved meanwhile, which cannot get the
// write lock in time (TUOPIN_LOCK_WAIT=1 s), says 正在导入，请稍后重试 in the dialog, which stays open with
// what was typed; saved again once the import is done, it goes through (issue 21 point 4).
// users: county
// env: TUOPIN_LOCK_WAIT=1
import { spawn, execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { run, newPage, login, shot, text, assert, apiClient } from './lib.mjs';

const db = process.env.TUOPIN_DB.replace(/^sqlite:/, '');
const big = `${dirname(db)}/t0535-registry.csv`;

function importHolds() {
  try {
    return execFileSync('sqlite3', [`${db}-sessions`, 'SELECT COUNT(*) FROM activity'], { encoding: 'utf8' }).trim() === '1';
  } catch {
    return false;
  }
}

await run(async () => {
  // the file: 200,000 persons in villages of the sample county
  await new Promise((resolve, reject) => {
    const awk = spawn('awk', ['-v', 'n=200000', '-f', `${process.env.TESTDATA}/../tools/gen-registry.awk`]);
    awk.stdout.pipe(createWriteStream(big));
    awk.on('exit', (c) => (c === 0 ? resolve() : reject(new Error(`awk ${c}`))));
  });

  const page = await newPage();
  await login(page, 'county', { next: '/households/3713990003' });
  await page.waitForSelector('.timeline');
  await page.click('[data-card="members"] tr:has-text("周敏") [data-action="edit-member"]');
  await page.waitForSelector('dialog[open] form');
  await page.selectOption('dialog[open] select[name="health"]', { label: '长期慢性病' });
  await page.fill('dialog[open] input[name="reason"]', '入户核实');

  const imp = spawn(process.env.TUOPIN, ['import', 'registry', big, '--as-of', '2014-04-30'], { stdio: 'ignore' });
  const done = new Promise((resolve) => imp.on('exit', resolve));
  for (let i = 0; i < 1200 && !importHolds(); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(importHolds(), 'the import never held the write lock');

  await page.click('dialog[open] [data-action="save"]');
  await page.waitForSelector('dialog[open] .form-banner:not([hidden])');
  assert.ok(importHolds(), 'the import ended before the save was refused (the test proves nothing)');
  assert.equal(await text(page, 'dialog[open] .form-banner'), '正在导入，请稍后重试');
  // the dialog keeps what was typed
  assert.equal(await page.inputValue('dialog[open] input[name="reason"]'), '入户核实');
  await shot(page, 'import-busy', { keep: true });

  assert.equal(await done, 0);
  await page.click('dialog[open] [data-action="save"]');
  await page.waitForSelector('dialog', { state: 'detached' });
  await page.waitForSelector('.toast');
  // the correction is stored (the page shows health masked: the full view says what it is)
  const full = (await (await apiClient('county')).get('/api/households/3713990003?full=1')).body.data;
  assert.equal(full.members.find((m) => m.name === '周敏').health.label, '长期慢性病');
});
