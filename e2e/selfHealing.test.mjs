// The retrain loop end to end: a guest creates a model from the
// "Self-healing model" template on /create. Its simulator job sends normal,
// then shifted traffic with delayed ground truth; the drift monitor alerts
// and starts the retraining job, and the promotion policy deploys its
// candidate. The test ends when the model's Monitors tab shows both the
// alert and the promotion in the model's history.
import { after, before, test } from 'node:test';
import {
  chooseOption,
  sidebar,
  signInAsGuest,
  withPage,
} from './lib/browser.mjs';
import { apiClient, guestToken } from './lib/mlApi.mjs';
import { startPortal } from './lib/portal.mjs';

// A portal of its own, as a new user finds it: in the shared one, the other
// tests leave the guest's deployments running, and the loop's jobs would
// wait in the queue behind them for the guest's 2 vCPU.
let portal;
before(
  async () => {
    portal = await startPortal();
  },
  { timeout: 300_000 },
);
after(async () => {
  await portal?.stop();
});

/** The task builds the model (training it) and waits for a ready replica. */
const TASK_TIMEOUT_MS = Number(process.env.E2E_TEMPLATE_TIMEOUT_MS ?? 420_000);
/**
 * 90 s of normal traffic, a 60 s window of shifted traffic, the monitors'
 * 30 s scheduler, the retraining run, the candidate's build and deployment.
 */
const LOOP_TIMEOUT_MS = Number(
  process.env.E2E_SELF_HEALING_TIMEOUT_MS ?? 480_000,
);

/** Where the loop stands, from the ML API: for the failure message. */
async function loopState(api, projectId, modelId) {
  const model = `/projects/${projectId}/models/${modelId}`;
  const read = path => api.get(path).catch(error => `(${error.message})`);
  const [monitors, events, jobs, deployments] = await Promise.all([
    read(`${model}/monitors`),
    read(`${model}/events`),
    read(`/projects/${projectId}/jobs`),
    read(`${model}/deployments`),
  ]);
  const monitor = monitors.items?.[0];
  const evaluations = monitor
    ? await read(`${model}/monitors/${monitor.id}/evaluations`)
    : undefined;
  return JSON.stringify(
    {
      monitor: monitor && {
        state: monitor.state,
        lastValue: monitor.lastValue,
        lastSamples: monitor.lastSamples,
        lastTriggeredAt: monitor.lastTriggeredAt,
      },
      evaluations: evaluations?.items?.slice(0, 5).map(e => ({
        windowEnd: e.windowEnd,
        state: e.state,
        value: e.value,
        samples: e.samples,
        detail: e.detail,
      })),
      events: events.items?.map(e => `${e.kind}: ${e.message}`) ?? events,
      jobs: jobs.items?.map(j => ({
        name: j.name,
        lastRun: j.lastRun && {
          state: j.lastRun.state,
          reason: j.lastRun.reason,
        },
      })),
      deployments: deployments.items?.map(d => `${d.id} ${d.state}`),
    },
    null,
    2,
  );
}

test('the self-healing template ends with a model whose Monitors tab shows an alert and a promotion', async t => {
  await withPage(t, async page => {
    const name = `healing-${Date.now().toString(36)}`;
    await signInAsGuest(page, portal.baseUrl);
    await sidebar(page)
      .getByRole('link', { name: /Create/ })
      .first()
      .click();
    await page.waitForURL(/\/create/);
    await page
      .locator('.MuiCard-root')
      .filter({ hasText: 'Self-healing model' })
      .filter({ hasNotText: 'Training project with a live model' })
      .getByTestId('template-card-actions--create')
      .click();

    // Step 1: project
    await page.getByLabel(/^Name/).fill(name);
    await chooseOption(page, /^Workspace/, '(demo)');
    await page.getByRole('button', { name: 'Next' }).click();
    // Step 2: compute
    await chooseOption(page, /^Runtime/, '');
    await chooseOption(page, /^Resource profile/, 'small');
    await page.getByRole('button', { name: 'Next' }).click();
    // Step 3: the defaults (60 s windows, PSI 0.25, simulator on)
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Create' }).click();

    const openMonitors = page.getByRole('link', {
      name: "Open the model's monitors",
    });
    await openMonitors.waitFor({ timeout: TASK_TIMEOUT_MS });
    const href = await openMonitors.getAttribute('href');
    const [, projectId, modelId] =
      /\/ml\/projects\/([0-9a-f-]{36})\/models\/([0-9a-f-]{36})/.exec(href);
    await openMonitors.click();
    await page.getByRole('heading', { name: 'Model flat-prices' }).waitFor();
    await page.getByText('size-drift').first().waitFor();

    // The tab refreshes on the project's signals and every 10 s.
    const history = page.getByRole('list', { name: 'Model history' });
    const shows = label =>
      history.getByText(label, { exact: true }).first().isVisible();
    const started = Date.now();
    const deadline = started + LOOP_TIMEOUT_MS;
    let alerted = false;
    let promoted = false;
    while (!(alerted && promoted)) {
      alerted ||= await shows('Alerting').catch(() => false);
      promoted ||= await shows('Promoted').catch(() => false);
      if (alerted && promoted) break;
      if (Date.now() > deadline) {
        const api = apiClient(portal.baseUrl, await guestToken(page));
        throw new Error(
          `After ${Math.round((Date.now() - started) / 1000)} s the Monitors ` +
            `tab shows ${alerted ? 'an alert' : 'no alert'} and ` +
            `${promoted ? 'a promotion' : 'no promotion'}. The loop:\n` +
            (await loopState(api, projectId, modelId)),
        );
      }
      await page.waitForTimeout(5_000);
    }
    process.stderr.write(
      `[e2e] alert and promotion shown ${Math.round(
        (Date.now() - started) / 1000,
      )} s after the task ended\n`,
    );
    // The promotion names the new build and links to its deployment.
    const promotion = history
      .getByRole('listitem')
      .filter({ hasText: 'Promoted' })
      .first();
    await promotion.getByText(/Promoted build #\d+/).waitFor();
    await promotion.getByRole('link', { name: 'Deployment' }).waitFor();
  });
});
