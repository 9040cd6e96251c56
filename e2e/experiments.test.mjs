// Experiments in the portal, CML's loop: two training runs of a job logged
// to MLflow are compared, the better one's model is registered from its
// artifacts, built from the registry, deployed and asked for a prediction.
import { test } from 'node:test';
import { signInAsGuest, usePortal, withPage } from './lib/browser.mjs';
import {
  apiClient,
  guestToken,
  navigateInApp,
  waitUntil,
} from './lib/mlApi.mjs';

const portal = usePortal();

/** Logs one run: its alpha, a loss history and an MLflow model folder. */
const TRAIN_PY = `
import json, os
from ml_platform import tracking

alpha = float(os.environ.get("ALPHA", "0.1"))
os.makedirs("out/model", exist_ok=True)
with open("out/model/weights.json", "w") as f:
    json.dump({"cut": 12}, f)
with open("out/model/MLmodel", "w") as f:
    f.write("artifact_path: model\\nflavors:\\n  python_function:\\n    loader_module: churn_loader\\n    data: weights.json\\n")
with tracking.start_run(run_name=f"alpha-{alpha}"):
    tracking.log_param("alpha", alpha)
    for step in range(5):
        tracking.log_metric("loss", alpha + 1 / (step + 1), step=step)
    for name in ("MLmodel", "weights.json"):
        tracking.log_artifact("out/model/" + name, artifact_path="model")
`;

const LOADER_PY = `
import json

class Churn:
    def __init__(self, weights):
        self.cut = weights["cut"]

    def predict(self, args):
        return {"churn": args["tenure"] < self.cut}

def _load_pyfunc(path):
    with open(path) as f:
        return Churn(json.load(f))
`;

const items = answer => (Array.isArray(answer) ? answer : answer.items);

/** A project of the guest's with two finished training runs and a model. */
async function prepare(api) {
  const demo = items(await api.get('/projects?page_size=100')).find(
    p => p.name === 'demo-project',
  );
  const runtime = items(await api.get('/runtimes')).find(r => r.enabled);
  // The smallest profile: the guest's quota fits it.
  const [profile] = items(
    await api.get(`/workspaces/${demo.workspace}/profiles`),
  ).sort((a, b) => a.cpu - b.cpu);
  const name = `exp-${Date.now().toString(36)}`;
  const project = await api.post('/projects', {
    workspace: demo.workspace,
    name,
  });
  await api.put(
    `/projects/${project.id}/files/content?path=train.py`,
    TRAIN_PY,
  );
  await api.put(
    `/projects/${project.id}/files/content?path=churn_loader.py`,
    LOADER_PY,
  );
  const job = await api.post(`/projects/${project.id}/jobs`, {
    name: 'train',
    script: 'train.py',
    runtimeId: runtime.id,
    profile: profile.name,
  });
  for (const alpha of ['0.1', '0.5']) {
    const run = await api.post(`/projects/${project.id}/jobs/${job.id}/runs`, {
      env: { ALPHA: alpha },
    });
    const ended = await waitUntil(
      () => api.get(`/workloads/${run.id}`),
      w => ['succeeded', 'failed'].includes(w.state),
      { timeoutMs: 180_000 },
    );
    if (ended.state !== 'succeeded') {
      throw new Error(`The training run ended ${ended.state}`);
    }
  }
  const model = await api.post(`/projects/${project.id}/models`, {
    name: 'classifier',
    description: '',
  });
  return {
    project,
    model,
    profile: profile.name,
    path: `/ml/projects/${project.name}-${project.id}`,
  };
}

test('experiments: compare two runs, register the better model, build and deploy it, and get a prediction', async t => {
  await withPage(t, async page => {
    await signInAsGuest(page, portal.baseUrl);
    const api = apiClient(portal.baseUrl, await guestToken(page));
    const { project, model, profile, path } = await prepare(api);

    // The project's experiment (named after the project) and its two runs.
    await navigateInApp(page, `${path}/experiments`);
    await page
      .getByRole('link', { name: project.name, exact: true })
      .first()
      .click();
    const runRow = name =>
      page.getByRole('row').filter({ hasText: name }).first();
    await runRow('alpha-0.1').waitFor({ timeout: 30_000 });
    await runRow('alpha-0.5').waitFor();
    for (const name of ['alpha-0.1', 'alpha-0.5']) {
      await runRow(name).getByRole('checkbox').check();
    }
    await page.getByRole('button', { name: 'Compare' }).click();

    // Compare: the loss histories overlaid, the differing param marked.
    await page.getByRole('heading', { name: 'Compare runs' }).first().waitFor();
    for (const name of ['alpha-0.1', 'alpha-0.5']) {
      await page
        .locator('.recharts-legend-item')
        .filter({ hasText: name })
        .waitFor({ timeout: 20_000 });
    }
    await page.locator('.recharts-curve').nth(1).waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: 'params.alpha' })
      .filter({ hasText: '0.5' })
      .waitFor();

    // The better run (lower loss): register its model folder.
    await page.goBack();
    await page.getByRole('link', { name: 'alpha-0.1' }).first().click();
    const tree = page.getByRole('tree', { name: 'Artifacts' });
    await tree.getByText('model', { exact: true }).click();
    await page.getByRole('button', { name: 'Register model' }).click();
    const dialog = page.getByRole('dialog');
    const registered = `${project.name}-classifier`;
    await dialog.getByRole('textbox', { name: 'Name' }).fill(registered);
    await dialog.getByRole('button', { name: 'Register' }).click();
    await page.getByRole('link', { name: `${registered} v1` }).click();

    // Build version 1 into the project's model.
    const build = page.getByRole('button', { name: 'Build v1' });
    await build.waitFor();
    await build.click();
    await page
      .getByRole('menuitem', { name: `Into model ${model.name}` })
      .click();
    const buildDialog = page.getByRole('dialog');
    const submit = buildDialog.getByRole('button', { name: 'Build' });
    await page.waitForFunction(
      () =>
        ![...document.querySelectorAll('[role="dialog"] button')].some(
          b => b.textContent === 'Build' && b.disabled,
        ),
    );
    await submit.click();
    await buildDialog.waitFor({ state: 'detached' });

    const builds = `/projects/${project.id}/models/${model.id}/builds`;
    const built = await waitUntil(
      async () => items(await api.get(builds))[0],
      b => b && !['queued', 'building'].includes(b.state),
      { timeoutMs: 180_000 },
    );
    if (built.state !== 'built' || built.registeredModel?.version !== '1') {
      throw new Error(`The build from the registry: ${JSON.stringify(built)}`);
    }
    const deployment = await api.post(
      `/projects/${project.id}/models/${model.id}/deployments`,
      { buildId: built.id, profile },
    );
    await waitUntil(
      () =>
        api.get(
          `/projects/${project.id}/models/${model.id}/deployments/${deployment.id}`,
        ),
      d => d.state === 'deployed',
      { timeoutMs: 180_000 },
    );

    // The version's page shows the build and its deployment.
    await page.getByText(`${model.name} #${built.number}`).first().waitFor({
      timeout: 20_000,
    });

    // A prediction from the model's Test panel.
    await navigateInApp(page, `${path}/models/${model.id}/test`);
    const request = page.getByLabel('Request (JSON)');
    await request.waitFor();
    await request.fill('{"tenure": 3}');
    const test = page.getByRole('button', { name: 'Test', exact: true });
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('button')].some(
          b => b.textContent === 'Test' && !b.disabled,
        ),
      undefined,
      { timeout: 60_000 },
    );
    await test.click();
    await page.getByText('Success', { exact: true }).waitFor({
      timeout: 60_000,
    });
    const answer = JSON.parse(
      await page.getByLabel('Response JSON').textContent(),
    );
    if (answer.churn !== true) {
      throw new Error(`Unexpected prediction: ${JSON.stringify(answer)}`);
    }
  });
});
