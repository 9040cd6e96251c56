// Smoke test of the harness and the portal: the built app is served, guest
// sign-in works, and the catalog page opens from the sidebar.
import { test } from 'node:test';
import { sidebar, signInAsGuest, usePortal, withPage } from './lib/browser.mjs';

const portal = usePortal();

test('guest signs in and opens the catalog from the sidebar', async t => {
  await withPage(t, async page => {
    await signInAsGuest(page, portal.baseUrl);
    const catalog = sidebar(page).getByRole('link', {
      name: 'Catalog',
      exact: true,
    });
    await catalog.click();
    // The catalog page (mounted at / by app-config.yaml) lists the example
    // entities of examples/entities.yaml.
    await page
      .getByRole('heading', { name: /Catalog/ })
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'example-website' }).waitFor();
  });
});
