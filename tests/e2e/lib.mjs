// lib.mjs: helpers for the browser tests. run.sh has started a real `tuopin serve` on a fresh database
// (BASE_URL) with an account for every role (password PASSWORD); each test drives Debian's Chromium through
// playwright-core (no browser download), fails on any script error, Content-Security-Policy violation or
// JavaScript dialog, and saves screenshots: always to E2E_OUT, and the main screens also to
// TUOPIN_SCREENSHOTS (docs/screenshots, by `make screenshots`).
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, basename } from 'node:path';

export { assert };
export const BASE = process.env.BASE_URL;
export const PASSWORD = process.env.PASSWORD || 'Test-Pass-2026';
export const TESTDATA = process.env.TESTDATA;
const OUT = process.env.E2E_OUT || '/tmp/tuopin-e2e';
const KEEP = process.env.TUOPIN_SCREENSHOTS || '';
const TEST = basename(process.argv[1] || 'test', '.mjs');

// The browser's own zone differs from the office's (the server's Asia/Shanghai), as a clerk's laptop set to
// another zone would: the UI must take its day from the server, never from the browser.
export const BROWSER_TZ = process.env.TUOPIN_E2E_BROWSER_TZ || 'America/Los_Angeles';

export const DESKTOP = { width: 1366, height: 768 };
export const TABLET = { width: 768, height: 1024 };

let browser = null;
const problems = [];
const pages = [];

export async function launch() {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
  });
  return browser;
}

// A fresh browser context (own cookies and storage) with a page that records every problem.
// opts.expect404: a test that visits a missing page on purpose (its 404 answer is not a problem).
export async function newPage(opts = {}) {
  const ctx = await browser.newContext({
    viewport: opts.viewport || DESKTOP,
    locale: opts.locale || 'zh-CN',
    timezoneId: opts.timezoneId || BROWSER_TZ,
    deviceScaleFactor: 1,
  });
  const page = await ctx.newPage();
  pages.push(page);
  page.setDefaultTimeout(15000);
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    if (/status of (401|403|404|400|409|503)/.test(text)) return; // answers the test provokes (the page says them)
    problems.push(`console error: ${text}`);
  });
  page.on('dialog', async (d) => {
    problems.push(`a JavaScript dialog fired: ${d.type()} ${d.message()}`);
    await d.dismiss();
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return page;
}

export async function login(page, name, { next } = {}) {
  await page.goto(BASE + (next ? `/login?next=${encodeURIComponent(next)}` : '/login'));
  await page.fill('#login-name', name);
  await page.fill('#login-password', PASSWORD);
  await page.click('.login-form button[type=submit]');
  await page.waitForURL((u) => !u.pathname.startsWith('/login') && !u.pathname.startsWith('/password'));
  await page.waitForSelector('.shell');
}

// Wait until the screen has drawn: no loading spinners, charts drawn.
export async function settle(page) {
  await page.waitForFunction(() => !document.querySelector('.state-loading') && !document.querySelector('.progress-fill.indeterminate'));
  await page.waitForFunction(() => [...document.querySelectorAll('.chart')].every((c) => c.dataset.ready || c.querySelector('.state')));
  await page.waitForTimeout(450); // chart animation
}

// Save a screenshot as OUT/TEST-NAME.png; with keep, also as TUOPIN_SCREENSHOTS/NAME.png.
export async function shot(page, name, { keep = false, fullPage = false } = {}) {
  mkdirSync(OUT, { recursive: true });
  // the pointer out of the way (no hover highlight in the picture)
  await page.mouse.move(1, page.viewportSize().height - 1);
  await page.evaluate(() => document.activeElement && document.activeElement.closest('.btn') && document.activeElement.blur());
  await page.screenshot({ path: join(OUT, `${TEST}-${name}.png`), fullPage });
  if (keep && KEEP) {
    mkdirSync(KEEP, { recursive: true });
    await page.screenshot({ path: join(KEEP, `${name}.png`), fullPage });
  }
}

export async function text(page, selector) {
  return (await page.locator(selector).first().innerText()).replace(/\s+/g, ' ').trim();
}

// The JSON API from the test itself (to set things up or check what was written): a logged-in client.
export async function apiClient(name) {
  const res = await fetch(`${BASE}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, password: PASSWORD }) });
  const body = await res.json();
  assert.ok(body.ok, `API login ${name}: ${JSON.stringify(body)}`);
  const cookie = res.headers.get('set-cookie').split(';')[0];
  const csrf = body.data.csrf;
  // data: an object sent as JSON, or a string sent as it is (a CSV file, say: type its content type)
  const call = async (method, path, data, type = 'application/json') => {
    const r = await fetch(BASE + path, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, ...(data ? { 'Content-Type': type } : {}) },
      body: data === undefined ? undefined : typeof data === 'string' ? data : JSON.stringify(data),
    });
    return { status: r.status, body: await r.json() };
  };
  return {
    get: (p) => call('GET', p),
    post: (p, d) => call('POST', p, d),
    patch: (p, d) => call('PATCH', p, d),
    put: (p, d) => call('PUT', p, d),
    upload: (p, text, type = 'text/csv') => call('POST', p, text, type),
  };
}

// After a failure: where each page was and what it said (a dialog's banner, the errors under fields, a
// toast), so a failure in CI says why (a screenshot of each is kept beside the others too).
async function describePages() {
  mkdirSync(OUT, { recursive: true });
  for (const [i, page] of pages.entries()) {
    try {
      const said = await page.$$eval('.banner, .field-error, .toast, .state-error', (xs) =>
        xs.filter((x) => x.offsetParent !== null && x.textContent.trim()).map((x) => `${x.className}: ${x.textContent.replace(/\s+/g, ' ').trim()}`),
      );
      console.error(`page ${i + 1} at ${page.url()}${said.length ? `\n    ${said.join('\n    ')}` : ' (no message shown)'}`);
      await page.screenshot({ path: join(OUT, `${TEST}-failure-${i + 1}.png`) });
    } catch (e) {
      console.error(`page ${i + 1}: ${e.message}`);
    }
  }
}

// Run the test body; report problems the page reported; exit non-zero on any failure.
export async function run(body) {
  let failed = false;
  try {
    await launch();
    await body();
  } catch (e) {
    failed = true;
    console.error(e && e.stack ? e.stack : e);
    await describePages();
  } finally {
    if (browser) await browser.close().catch(() => {});
  }
  if (problems.length) {
    failed = true;
    console.error(`problems the browser reported:\n  ${problems.join('\n  ')}`);
  }
  if (failed) process.exit(1);
  console.log('ok');
}
