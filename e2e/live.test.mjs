// Live state: a page hears of changes through Backstage signals instead of
// a reload, and the session workbench keeps its console transcript on the
// server, so it is there again after the user went elsewhere.
import { test } from 'node:test';
import { signInAsGuest, usePortal, withPage } from './lib/browser.mjs';
import {
  apiClient,
  guestToken,
  navigateInApp,
  waitUntil,
} from './lib/mlApi.mjs';

const portal = usePortal();

/** The demo project, a runtime and a profile to launch work with. */
async function demoProject(api) {
  const items = answer => (Array.isArray(answer) ? answer : answer.items);
  const project = items(await api.get('/projects?page_size=100')).find(
    p => p.name === 'demo-project',
  );
  const runtime = items(await api.get('/runtimes')).find(r => r.enabled);
  const profile = items(
    await api.get(`/workspaces/${project.workspace}/profiles`),
  )[0];
  return {
    project,
    launch: { runtimeId: runtime.id, profile: profile.name },
    path: `/ml/projects/${project.name}-${project.id}`,
  };
}

test('a run started elsewhere appears on the open job page and ends there, by signals', async t => {
  await withPage(t, async page => {
    const signals = [];
    page.on('websocket', ws => {
      if (!ws.url().includes('/api/signals')) return;
      ws.on('framereceived', frame => {
        try {
          signals.push(JSON.parse(String(frame.payload)));
        } catch {
          // not a signal message
        }
      });
    });
    await signInAsGuest(page, portal.baseUrl);
    const api = apiClient(portal.baseUrl, await guestToken(page));
    const { project, launch, path } = await demoProject(api);
    const job = await api.post(`/projects/${project.id}/jobs`, {
      name: `live-${Date.now().toString(36)}`,
      script: 'analysis.py',
      ...launch,
    });
    await navigateInApp(page, `${path}/jobs/${job.id}`);
    await page.getByText(`Job ${job.name}`, { exact: true }).waitFor();
    // With no active run the page does not poll at all: only a signal can
    // bring the new run in.
    await page.getByText('No runs yet.').first().waitFor();

    const run = await api.post(`/projects/${project.id}/jobs/${job.id}/runs`);
    const row = page
      .getByRole('row')
      .filter({ has: page.locator(`a[href$="/runs/${run.id}"]`) });
    await row.waitFor({ timeout: 10_000 }).catch(error => {
      throw new Error(
        `The run did not appear; signals heard: ${JSON.stringify(signals).slice(
          0,
          500,
        )}: ${error.message}`,
      );
    });
    await waitUntil(
      () => api.get(`/workloads/${run.id}`),
      w => w.state === 'succeeded',
    );
    // The fallback poll of a page that hears signals is 15 s apart.
    await row
      .getByText(/Succeeded/)
      .first()
      .waitFor({ timeout: 10_000 });
    const channel = `ml:project:${project.id}`;
    if (!signals.some(s => s.channel === channel)) {
      throw new Error(
        `No signal on ${channel} reached the page (got ${JSON.stringify(
          signals,
        ).slice(0, 300)})`,
      );
    }
  });
});

test('workbench: run a file, go elsewhere, come back, and the transcript is there', async t => {
  await withPage(t, async page => {
    await signInAsGuest(page, portal.baseUrl);
    const api = apiClient(portal.baseUrl, await guestToken(page));
    const { project, launch, path } = await demoProject(api);
    const session = await api.post(`/projects/${project.id}/sessions`, {
      ...launch,
      name: `workbench-${Date.now().toString(36)}`,
    });
    const sessionPath = `${path}/sessions/${session.id}`;
    await navigateInApp(page, sessionPath);
    await page
      .getByLabel('Console input')
      .and(page.locator(':enabled'))
      .waitFor({ timeout: 60_000 });
    await page.getByText('analysis.py', { exact: true }).first().click();
    const runFile = page.getByRole('button', { name: 'Run file' });
    await runFile.and(page.locator(':enabled')).waitFor();
    await runFile.click();
    const output = page.getByLabel('Console output');
    await output
      .getByText(/slope=3\.\d+/)
      .first()
      .waitFor({ timeout: 60_000 });

    await navigateInApp(page, `${path}/jobs`);
    await page.getByRole('tab', { name: 'Jobs', selected: true }).waitFor();
    await navigateInApp(page, sessionPath);
    await page
      .getByLabel('Console output')
      .getByText(/slope=3\.\d+/)
      .first()
      .waitFor({ timeout: 10_000 });
    await api.post(`/projects/${project.id}/sessions/${session.id}/stop`);
  });
});
