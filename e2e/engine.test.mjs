// The workload engine end to end: in the demo project a guest starts a
// session and runs Python in its console, then creates a job, runs it and
// reads its log.
import { test } from 'node:test';
import { randomBytes } from 'node:crypto';
import {
  openMlHome,
  signInAsGuest,
  usePortal,
  withPage,
} from './lib/browser.mjs';

const portal = usePortal();

/** Picks `optionName` in the form field labelled `label` (MUI or native select). */
async function pickOption(page, label, optionName) {
  const field = page.getByLabel(label, { exact: true });
  const tag = await field.evaluate(el => el.tagName.toLowerCase());
  if (tag === 'select') {
    const value = await field
      .locator('option', { hasText: optionName })
      .first()
      .getAttribute('value');
    await field.selectOption(value);
    return;
  }
  await field.click();
  await page.getByRole('option', { name: optionName }).first().click();
}

async function openDemoProject(page) {
  const signIn = p => signInAsGuest(p, portal.baseUrl);
  await signIn(page);
  await openMlHome(page, signIn);
  await page
    .getByRole('link', { name: 'demo-project', exact: true })
    .first()
    .click();
  await page.waitForURL(/\/ml\/projects\/[^/]+/);
}

test('guest runs print(6*7) in a session console and sees 42', async t => {
  await withPage(t, async page => {
    await openDemoProject(page);
    await page.getByRole('tab', { name: 'Sessions' }).click();
    await page.getByRole('button', { name: 'New session' }).click();
    await pickOption(page, 'Runtime', /Python 3/);
    await pickOption(page, 'Profile', /small/);
    await page.getByRole('button', { name: 'Start', exact: true }).click();

    const input = page.getByLabel('Console input');
    // The console takes input once the session runs.
    await input.and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
    await input.fill('print(6*7)');
    await input.press('Enter');
    const output = page.getByLabel('Console output');
    await output.getByText('print(6*7)').waitFor();
    await output
      .locator('pre', { hasText: /^\s*42\s*$/ })
      .first()
      .waitFor({ timeout: 30_000 });
  });
});

test('guest creates a job, runs it and reads its log', async t => {
  const name = `e2e-job-${randomBytes(3).toString('hex')}`;
  await withPage(t, async page => {
    await openDemoProject(page);
    await page.getByRole('tab', { name: 'Jobs' }).click();
    await page.getByRole('button', { name: 'New job' }).click();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await pickOption(page, 'Script', /analysis\.py/);
    await pickOption(page, 'Runtime', /Python 3/);
    await pickOption(page, 'Profile', /small/);
    await page.getByRole('button', { name: 'Create', exact: true }).click();

    await page.getByText(name).first().click();
    await page.getByRole('button', { name: 'Run now' }).click();
    // analysis.py fits a line and prints its slope and intercept.
    await page
      .getByText(/slope=3\.\d+ intercept=/)
      .first()
      .waitFor({ timeout: 60_000 });
  });
});
