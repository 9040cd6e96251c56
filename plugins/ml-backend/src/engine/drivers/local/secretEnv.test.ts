import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  LocalRuns,
  collectLines,
  localRunsForEachTest,
  waitFor,
} from './__testUtils__/localRuns';

jest.setTimeout(20_000);

const SECRET = 'local-driver-secret-7d1e';
const sha256 = (text: string) =>
  createHash('sha256').update(text).digest('hex');

/** Prints a hash of the secret (never the value), then waits to be stopped. */
const SCRIPT = `import hashlib, os, time
print("hash", hashlib.sha256(os.environ["API_KEY"].encode()).hexdigest(), os.environ["PLAIN"], flush=True)
time.sleep(1000)
`;

/** Every file the driver keeps under its state folder, as text. */
async function stateFiles(stateDir: string): Promise<string[]> {
  const texts: string[] = [];
  for (const sub of ['runs', 'logs']) {
    const dir = path.join(stateDir, sub);
    for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
      texts.push(`${name}\n${await fs.readFile(path.join(dir, name), 'utf8')}`);
    }
  }
  return texts;
}

describe('LocalProcessDriver and secret env', () => {
  let runs: LocalRuns;
  localRunsForEachTest(created => (runs = created));

  it('gives the process its secret env, and keeps none of it in the run state on disk', async () => {
    const driver = runs.driver();
    const spec = runs.spec([await runs.script('secret.py', SCRIPT)], {
      env: { PLAIN: 'plain-value' },
      secretEnv: { API_KEY: SECRET },
    });
    await driver.start(spec);
    const line = await waitFor('the hash line', async () =>
      (await collectLines(driver.logs(spec, { follow: false })))
        .map(l => l.line)
        .find(l => l.startsWith('hash ')),
    );
    expect(line).toBe(`hash ${sha256(SECRET)} plain-value`);

    const files = await stateFiles(runs.stateDir);
    expect(files.some(text => text.includes('"pgid"'))).toBe(true);
    expect(files.filter(text => text.includes(SECRET))).toEqual([]);

    await driver.stop(spec);
    expect(
      (await stateFiles(runs.stateDir)).filter(text => text.includes(SECRET)),
    ).toEqual([]);
  });
});
