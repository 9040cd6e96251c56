// Models end to end: the demo project's demo model (seeded, built and
// deployed at start-up) answers the Test panel's prefilled example.
import { test } from 'node:test';
import {
  openMlHome,
  signInAsGuest,
  usePortal,
  withPage,
} from './lib/browser.mjs';

const portal = usePortal();

/** Build plus replica start take a while on a busy machine. */
const READY_TIMEOUT_MS = Number(
  process.env.E2E_MODEL_READY_TIMEOUT_MS ?? 300_000,
);

/**
 * Opens the demo model's Test panel and waits until it can be used: deployed,
 * with a ready replica. The page polls while a build or deployment changes,
 * but the seed deploys only after its build ends, so between looks the test
 * goes back to the list and opens the model again (inside the app: a page
 * reload would need a new sign-in).
 */
async function openReadyTestPanel(page) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    await page.getByRole('link', { name: 'demo-model', exact: true }).click();
    await page.getByRole('heading', { name: 'Model demo-model' }).waitFor();
    await page.getByRole('tab', { name: 'Test' }).click();
    const button = page.getByRole('button', { name: 'Test', exact: true });
    await button.waitFor();
    // Give the page's own polling a chance before opening it again.
    for (let i = 0; i < 6; i++) {
      const enabled = await button.isEnabled();
      const waiting = await page
        .getByText(/not deployed|No replica is ready yet/)
        .count();
      if (enabled && waiting === 0) return;
      if (Date.now() > deadline) {
        throw new Error(
          `The demo model was not ready within ${READY_TIMEOUT_MS / 1000} s`,
        );
      }
      await page.waitForTimeout(2_500);
    }
    await page.getByRole('link', { name: 'All models' }).click();
  }
}

test('guest tests the demo model from its Test panel and gets a prediction', async t => {
  await withPage(t, async page => {
    const signIn = p => signInAsGuest(p, portal.baseUrl);
    await signIn(page);
    await openMlHome(page, signIn);
    // The ML home page can take a while on a busy machine (seen past 30 s).
    const demoProject = page
      .getByRole('link', { name: 'demo-project', exact: true })
      .first();
    await demoProject.waitFor({ timeout: 90_000 });
    await demoProject.click();
    await page.waitForURL(/\/ml\/projects\/[^/]+/);

    await page.getByRole('tab', { name: 'Models' }).click();
    await openReadyTestPanel(page);
    // Prefilled from the build's first example.
    const request = page.getByLabel('Request (JSON)');
    const prefilled = JSON.parse(await request.inputValue());
    if (prefilled.a !== 1 || prefilled.b !== 2) {
      throw new Error(
        `Unexpected prefilled request: ${JSON.stringify(prefilled)}`,
      );
    }
    await page.getByRole('button', { name: 'Test', exact: true }).click();

    await page
      .getByText('Success', { exact: true })
      .waitFor({ timeout: 60_000 });
    const response = page.getByLabel('Response JSON');
    const answer = JSON.parse(await response.textContent());
    if (answer.sum !== 3) {
      throw new Error(`Unexpected prediction: ${JSON.stringify(answer)}`);
    }
    // The uuid of the prediction and the replica that served it.
    await page
      .getByText(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      )
      .waitFor();
    await page.getByText('Time In The Model').waitFor();
  });
});
