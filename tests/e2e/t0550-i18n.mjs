// Chinese by default; English at a click, with the server's labels and messages in English too, remembered
// after a reload and on the next login; and back to Chinese. The UI's own words on the screens visited have
// English translations (no Chinese left in navigation, headings, table heads and buttons).
// users: county
import { run, newPage, login, settle, shot, text, assert } from './lib.mjs';

const HAN = /[\u3400-\u9fff]/;

// The UI's own words on screen (not data: names of places and people stay as they are).
async function uiWords(page) {
  return page.$$eval('.nav-item, .page-title-row .tag, .kpi-title, .kpi-note, .kpi-split-label, .fact-label, .card-title, th, .btn, .seg-btn, .asof-label, .page-sub, .card-note, .field-label, .g-title, .g-state, .tl-eff-label, .state-title, .state-hint, .tl-legend', (els) =>
    els.map((e) => e.innerText.trim()).filter(Boolean),
  );
}

function noChinese(words, where) {
  const left = words.filter((w) => w !== '中文' && HAN.test(w.replace(/示例县|东岭镇|西山镇|西岭村|东岭村|周建民|2018年托底清零|2014年度动态调整|因病返贫|cli:root/g, '')));
  assert.deepEqual(left, [], `${where}: untranslated ${JSON.stringify(left)}`);
}

await run(async () => {
  const page = await newPage();
  await login(page, 'county', { next: '/?as_of=2018-10-08' });
  await settle(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await text(page, '[data-kpi="registered"] .kpi-title'), '建档立卡');

  await page.click('.lang-switch');
  await settle(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await text(page, '[data-kpi="registered"] .kpi-title'), 'Registered');
  assert.equal(await text(page, '[data-kpi="registered"] .nhmr'), '7 hh · 21 p');
  assert.equal(await text(page, '[data-kpi="poor"] .kpi-title'), 'Not yet out of poverty');
  assert.equal(await text(page, '.page-title-row .tag'), 'County');
  noChinese(await uiWords(page), 'dashboard');
  await shot(page, 'dashboard-en', { keep: true });

  // remembered across a reload; the server's labels follow (status badges, history)
  await page.reload();
  await settle(page);
  assert.equal(await text(page, '[data-kpi="registered"] .kpi-title'), 'Registered');
  await page.goto(new URL('/households/3713990003?as_of=2018-10-08', page.url()).href);
  await page.waitForSelector('.timeline');
  assert.equal(await text(page, '[data-item="status"] .badge'), 'returned to poverty');
  assert.equal(await text(page, '.timeline .tl-item:last-child .tl-type'), 'identification');
  noChinese(await uiWords(page), 'household');
  assert.deepEqual(await page.$$eval('[data-item^="bank"] dt', (xs) => xs.map((x) => x.innerText.trim())), ['Bank', 'Bank account']);
  // a field error in English
  await page.click('[data-card="members"] tr:has-text("周敏") [data-action="edit-member"]');
  await page.fill('dialog[open] input[name="member_phone"]', '12345');
  await page.click('dialog[open] [data-action="save"]');
  await page.waitForSelector('dialog[open] [data-field="member_phone"].has-error');
  assert.match(await text(page, 'dialog[open] [data-field="member_phone"] .field-error'), /not a valid phone number/);
  noChinese(await page.$$eval('dialog[open] .field-label, dialog[open] .btn, dialog[open] h2, dialog[open] .form-intro', (els) => els.map((e) => e.innerText.replace('周敏', '').trim())), 'edit dialog');
  // Escape on a form typed into asks before throwing it away (it closed at once): keep editing keeps it,
  // discard closes it
  await page.keyboard.press('Escape');
  await page.waitForSelector('dialog.dialog-confirm[open]');
  assert.equal(await text(page, 'dialog.dialog-confirm h2'), 'Discard what you typed?');
  await page.click('dialog.dialog-confirm [data-action="keep-editing"]');
  await page.waitForSelector('dialog.dialog-confirm', { state: 'detached' });
  assert.equal(await page.inputValue('dialog[open] input[name="member_phone"]'), '12345');
  await page.click('dialog[open] .dialog-head .icon-btn');
  await page.click('dialog.dialog-confirm [data-action="discard"]');
  await page.waitForSelector('dialog', { state: 'detached' });

  // the login page in English after logging out, then back to Chinese there
  await page.click('.user .icon-btn');
  await page.waitForSelector('.login-form');
  assert.equal(await text(page, '.login-title'), 'Sign in');
  await page.click('.login-lang [data-lang="zh"]');
  assert.equal(await text(page, '.login-title'), '登录');
  await login(page, 'county', { next: '/?as_of=2018-10-08' });
  await settle(page);
  assert.equal(await text(page, '[data-kpi="registered"] .kpi-title'), '建档立卡');
  assert.equal(await text(page, '[data-kpi="registered"] .nhmr'), '7户21人');
});
