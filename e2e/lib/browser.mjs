// Headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core;
// never `playwright install`) and helpers shared by the browser tests.
import { after, before } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot, startPortal } from './portal.mjs';

export const screenshotDir = path.join(repoRoot, 'e2e/screenshots');

const executablePath = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

/**
 * The portal's base URL: the one e2e/run.mjs started (E2E_BASE_URL), or one
 * this test file starts itself (so `node --test e2e/x.test.mjs` works alone).
 * Call at the top level of a test file; read `.baseUrl` inside tests.
 */
export function usePortal() {
  const handle = { baseUrl: process.env.E2E_BASE_URL };
  let portal;
  before(
    async () => {
      if (!handle.baseUrl) {
        portal = await startPortal();
        handle.baseUrl = portal.baseUrl;
      }
    },
    { timeout: 300_000 },
  );
  after(async () => {
    await portal?.stop();
  });
  return handle;
}

/**
 * Launches Chromium with a fresh profile; call close() when done.
 * `extraHTTPHeaders` go with every request (an authenticating proxy's
 * headers, for the multi-user portal).
 */
export async function launchBrowser({ extraHTTPHeaders } = {}) {
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `${executablePath} is missing: apt-get install -y chromium (or set E2E_CHROMIUM)`,
    );
  }
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    extraHTTPHeaders,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  context.setDefaultTimeout(
    Number(process.env.E2E_ACTION_TIMEOUT_MS ?? 30_000),
  );
  context.setDefaultNavigationTimeout(60_000);
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

function safeName(name) {
  return name.replace(/[^a-zA-Z0-9._-]+/g, '_').slice(0, 100);
}

/**
 * Runs `fn(page)` in a new browser with a fresh profile. On failure saves a
 * screenshot (and the page's console errors) into e2e/screenshots/ and
 * rethrows; with E2E_SCREENSHOTS=always also saves one after a pass.
 */
export async function withPage(t, fn, browserOptions) {
  const browser = await launchBrowser(browserOptions);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const consoleErrors = [];
  page.on('console', msg => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', err => consoleErrors.push(`pageerror: ${err.message}`));
  trackPendingRequests(page);
  try {
    await fn(page);
    if (process.env.E2E_SCREENSHOTS === 'always') {
      fs.mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({
        path: path.join(
          screenshotDir,
          `${safeName(t.fullName ?? t.name)}.passed.png`,
        ),
        fullPage: true,
      });
    }
  } catch (error) {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(
      screenshotDir,
      `${safeName(t.fullName ?? t.name)}.png`,
    );
    try {
      await page.screenshot({ path: file, fullPage: true });
      process.stderr.write(`[e2e] screenshot of the failure: ${file}\n`);
    } catch (e) {
      process.stderr.write(`[e2e] could not take a screenshot: ${e.message}\n`);
    }
    if (consoleErrors.length) {
      process.stderr.write(
        `[e2e] browser console errors:\n  ${consoleErrors
          .slice(-20)
          .join('\n  ')}\n`,
      );
    }
    process.stderr.write(`[e2e] page URL at the failure: ${page.url()}\n`);
    const pending = describePendingRequests(page);
    if (pending) {
      process.stderr.write(`[e2e] requests still pending:\n  ${pending}\n`);
    }
    throw error;
  } finally {
    await browser.close();
  }
}

const pendingRequests = new WeakMap();
const scriptLoads = new WeakMap();

/**
 * Remembers the page's unanswered requests, and how its last scripts ended,
 * for the failure report.
 */
function trackPendingRequests(page) {
  const pending = new Map();
  const scripts = [];
  pendingRequests.set(page, pending);
  scriptLoads.set(page, scripts);
  const ended = (request, how) => {
    pending.delete(request);
    if (request.resourceType() !== 'script') return;
    scripts.push(`${request.url().replace(/^.*\//, '')} ${how}`);
    if (scripts.length > 15) scripts.shift();
  };
  page.on('request', request => pending.set(request, Date.now()));
  page.on('requestfinished', async request => {
    const response = await request.response().catch(() => null);
    ended(request, `${response?.status() ?? '?'}`);
  });
  page.on('requestfailed', request =>
    ended(request, `failed: ${request.failure()?.errorText}`),
  );
}

/**
 * What a page that shows only a progress bar is waiting for: its pending
 * requests, its last scripts and whether its document finished loading.
 */
export async function describeStalledPage(page) {
  const state = await page
    .evaluate(() => document.readyState)
    .catch(e => `unknown (${e.message})`);
  return (
    `pending requests:\n  ${describePendingRequests(page) || '(none)'}\n` +
    `  last scripts: ${(scriptLoads.get(page) ?? []).join(', ') || '(none)'}` +
    `\n  document: ${state}`
  );
}

/**
 * Drops the browser's HTTP cache and stops the page from using one, so the
 * next load fetches the page's code again instead of waiting on what a
 * stalled load left in the cache. (The session stays attached: detaching
 * would turn the cache back on.)
 */
export async function dropBrowserCache(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
}

/** The page's unanswered requests with their age, oldest first ('' if none). */
export function describePendingRequests(page) {
  const pending = pendingRequests.get(page);
  if (!pending) return '';
  const now = Date.now();
  return [...pending.entries()]
    .sort((a, b) => a[1] - b[1])
    .slice(0, 20)
    .map(([request, since]) => {
      const age = ((now - since) / 1000).toFixed(1);
      return `${request.method()} ${request.url()} (${age} s)`;
    })
    .join('\n  ');
}

/**
 * The sidebar. (It and its <nav aria-label="sidebar nav"> have zero height,
 * their content is fixed-positioned, so Playwright calls them hidden: wait
 * for what is inside, or for { state: 'attached' }.)
 */
export function sidebar(page) {
  return page.getByTestId('sidebar-root');
}

/**
 * Opens the portal and signs in as guest: clicks "Enter" on the guest
 * provider's card of the sign-in page, then waits for the sidebar.
 */
export async function signInAsGuest(page, baseUrl) {
  await page.goto(baseUrl);
  const enter = page.getByRole('button', { name: 'Enter' });
  // A browser that signed in before is signed in again from its cookie,
  // without the sign-in page (openMlHome opens the portal a second time).
  await enter.or(sidebar(page)).first().waitFor({ state: 'attached' });
  if ((await enter.count()) > 0) {
    await page.getByText('Guest', { exact: true }).waitFor();
    await enter.click();
    await enter.waitFor({ state: 'detached' });
  }
  await sidebar(page).waitFor({ state: 'attached' });
}

/**
 * Opens the ML home page from the sidebar and waits until it has rendered
 * its header. CI saw this page stay on a bare progress bar for minutes a few
 * times (not reproduced on an idle machine): a stalled request, most likely a
 * code-split chunk, since the page's own header never appeared. Then it
 * reports what was still pending and opens the portal again (twice at most),
 * without the browser's cache and with a new sign-in if the portal asks for
 * one (`signIn`), instead of failing on what the test is not about.
 */
export async function openMlHome(page, signIn, { attemptMs = 45_000 } = {}) {
  const header = page.getByRole('heading', { name: 'Machine Learning' });
  for (let attempt = 1; ; attempt++) {
    await sidebar(page).getByRole('link', { name: 'ML', exact: true }).click();
    try {
      await header.waitFor({ timeout: attemptMs });
      return;
    } catch (error) {
      process.stderr.write(
        `[e2e] the ML home page did not render in ${attemptMs / 1000} s ` +
          `(attempt ${attempt}); ${await describeStalledPage(page)}\n`,
      );
      if (attempt === 3) throw error;
      process.stderr.write(
        '[e2e] opening the portal again, without the browser cache\n',
      );
      await dropBrowserCache(page);
      await signIn(page);
    }
  }
}

/**
 * Opens a portal that runs behind an authenticating proxy (the multi-user
 * setup) and waits until the proxied sign-in has made the user known.
 */
export async function signInBehindProxy(page, baseUrl) {
  await page.goto(baseUrl);
  await sidebar(page).waitFor({ state: 'attached' });
}

/**
 * The Backstage token of the signed-in user of a proxied portal, as the
 * frontend gets it (the proxy's headers come with the request).
 */
export async function proxiedUserToken(page, baseUrl) {
  return page.evaluate(async url => {
    const res = await fetch(`${url}/api/auth/oauth2Proxy/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    return (await res.json()).backstageIdentity.token;
  }, baseUrl);
}

/**
 * Picks the first option of a select whose text has `optionText`, once
 * loaded (template forms load their options from the ML API).
 */
export async function chooseOption(page, label, optionText) {
  const select = page.getByLabel(label);
  await select.waitFor();
  // The options load from the ML API.
  await page.waitForFunction(
    ([id, text]) => {
      const el = document.getElementById(id);
      return (
        el &&
        [...el.options].some(o => (text ? o.text.includes(text) : o.value))
      );
    },
    [await select.getAttribute('id'), optionText],
  );
  const value = await select.evaluate(
    (el, text) =>
      [...el.options].find(o => (text ? o.text.includes(text) : o.value))
        ?.value,
    optionText,
  );
  await select.selectOption(value);
}
