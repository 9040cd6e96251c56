// The ML plugin end to end: a guest opens ML from the sidebar, sees the demo
// workspace, creates a project in it and finds the project's files.
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

test('guest creates a project in the demo workspace and sees its files', async t => {
  const name = `e2e-${randomBytes(3).toString('hex')}`;
  const title = `E2E project ${name}`;
  await withPage(t, async page => {
    const signIn = p => signInAsGuest(p, portal.baseUrl);
    await signIn(page);

    await openMlHome(page, signIn);
    // The demo workspace, seeded on an empty database (ml.seed.demo).
    await page.getByText('Demo workspace').first().waitFor();

    await page
      .getByRole('button', { name: 'New project' })
      .or(page.getByRole('link', { name: 'New project' }))
      .first()
      .click();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Title', { exact: true }).fill(title);
    await pickOption(page, 'Workspace', /Demo workspace/);
    await page.getByRole('button', { name: 'Create', exact: true }).click();

    // The project page (its URL names the project by id).
    await page.waitForURL(/\/ml\/projects\/[^/]+/);
    await page.getByText(title).first().waitFor();

    await page.getByRole('tab', { name: 'Files' }).click();
    // The file list (a tree) of a new project has its README.md.
    await page
      .getByRole('tree', { name: 'Project files' })
      .getByRole('treeitem', { name: 'README.md' })
      .waitFor();
  });
});
