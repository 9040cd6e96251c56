// Two people of different teams share one portal: the multi-user setup
// (app-config.multi-user.yaml: oauth2-proxy sign-in). The browser plays the
// proxy's part and sends the signed-in user in X-Forwarded-User. Alice
// (data-science) makes a private project; Bob (ml-research) cannot see it
// until she adds him as a viewer, and as a viewer he cannot change its files.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  openMlHome,
  proxiedUserToken,
  signInBehindProxy,
  withPage,
} from './lib/browser.mjs';
import { startPortal } from './lib/portal.mjs';

let portal;
before(
  async () => {
    portal = await startPortal({ configFiles: ['app-config.multi-user.yaml'] });
  },
  { timeout: 300_000 },
);
after(async () => {
  await portal?.stop();
});

const as = user => ({ extraHTTPHeaders: { 'X-Forwarded-User': user } });
const name = `private-${randomBytes(3).toString('hex')}`;
let projectUrl;

async function openProjects(page) {
  const signIn = p => signInBehindProxy(p, portal.baseUrl);
  await signIn(page);
  await openMlHome(page, signIn);
  await page.getByText('Demo workspace').first().waitFor();
}

test('Alice creates a private project', async t => {
  await withPage(
    t,
    async page => {
      await openProjects(page);
      await page
        .getByRole('button', { name: 'New project' })
        .or(page.getByRole('link', { name: 'New project' }))
        .first()
        .click();
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      await page.waitForURL(/\/ml\/projects\/[^/]+/);
      projectUrl = page.url().replace(/\/?$/, '');
      await page.getByText('user:default/alice').first().waitFor();
      await page.getByText('private').first().waitFor();
    },
    as('alice'),
  );
});

test('Bob, of another team, cannot see it', async t => {
  await withPage(
    t,
    async page => {
      await openProjects(page);
      // The project list has loaded (the public demo project is in it) without Alice's.
      await page.getByText('demo-project').first().waitFor();
      assert.equal(await page.getByText(name).count(), 0);
      await page.goto(projectUrl);
      await page
        .getByText(/not found/i)
        .first()
        .waitFor();
      // A friendly page with a way back, not a bare "Request failed".
      await page.getByRole('button', { name: 'Back to ML projects' }).waitFor();
      assert.equal(await page.getByText(name).count(), 0);
    },
    as('bob'),
  );
});

test('Alice adds Bob as a viewer', async t => {
  await withPage(
    t,
    async page => {
      await signInBehindProxy(page, portal.baseUrl);
      await page.goto(`${projectUrl}/settings`);
      await page.getByLabel('Subject').fill('user:default/bob');
      await page.getByLabel('Role', { exact: true }).selectOption('viewer');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByText('user:default/bob').first().waitFor();
    },
    as('alice'),
  );
});

test('Bob now reads the project, and as a viewer cannot edit its files', async t => {
  await withPage(
    t,
    async page => {
      await openProjects(page);
      await page.getByText(name).first().waitFor();
      await page.goto(`${projectUrl}/files`);
      await page
        .getByRole('tree', { name: 'Project files' })
        .getByRole('treeitem', { name: 'README.md' })
        .click();
      // The file's content is shown, read-only.
      await page
        .getByRole('textbox', { name: 'Contents of README.md' })
        .waitFor();
      await page
        .getByText(/Read-only.*contributor/)
        .first()
        .waitFor();
      for (const action of ['Save', 'Upload', 'Rename', 'Delete']) {
        const enabled = page
          .getByRole('button', { name: action, exact: true })
          .and(page.locator(':enabled'));
        assert.equal(await enabled.count(), 0, `an enabled ${action} button`);
      }

      // And the API refuses the change the page does not offer.
      const token = await proxiedUserToken(page, portal.baseUrl);
      // The URL names the project `<name>-<id>`.
      const projectId = new URL(projectUrl).pathname
        .split('/')
        .pop()
        .slice(-36);
      const status = await page.evaluate(
        async ({ url, token: bearer }) =>
          (
            await fetch(url, {
              method: 'PUT',
              headers: { Authorization: `Bearer ${bearer}` },
              body: 'changed by bob',
            })
          ).status,
        {
          url: `${portal.baseUrl}/api/ml/projects/${projectId}/files/content?path=README.md`,
          token,
        },
      );
      assert.equal(status, 403);
    },
    as('bob'),
  );
});
