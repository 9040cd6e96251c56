// The way in: after sign-in the guest lands on the home page, whose ML cards
// show the demo project, the workspace capacity and the ML templates, and
// lead on into the ML pages.
import { test } from 'node:test';
import { signInAsGuest, usePortal, withPage } from './lib/browser.mjs';

const portal = usePortal();

test('guest lands on the home page and goes from its cards to the demo project', async t => {
  await withPage(t, async page => {
    await signInAsGuest(page, portal.baseUrl);
    await page
      .getByRole('heading', { name: 'Welcome to the ML platform' })
      .waitFor();
    if (new URL(page.url()).pathname !== '/') {
      throw new Error(`Signed in on ${page.url()}, not on the home page`);
    }
    for (const title of [
      'Your ML',
      'Workspace capacity',
      'Start from a template',
      'Recent activity',
    ]) {
      await page.getByText(title, { exact: true }).first().waitFor();
    }
    await page
      .getByRole('link', { name: 'Training project with a live model' })
      .waitFor();
    await page.getByRole('link', { name: 'Demo workspace' }).first().waitFor();
    // No card failed to load (a sample card of plugin-home fetched a joke
    // from the internet and raised "Failed to fetch").
    const alerts = await page.getByRole('alert').allTextContents();
    if (alerts.length > 0) {
      throw new Error(`The home page shows alerts: ${alerts.join(' | ')}`);
    }
    // The demo project (seeded) is the guest's; its title links to it.
    await page
      .getByRole('link', { name: /demo project/i })
      .first()
      .click();
    await page.waitForURL(/\/ml\/projects\/[^/]+/);
  });
});
