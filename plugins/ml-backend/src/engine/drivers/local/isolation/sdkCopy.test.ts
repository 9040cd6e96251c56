import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalIsolation } from './LocalIsolation';

describe('LocalIsolation and an SDK that project uids cannot read', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-sdk-copy-'));
    await fs.chmod(dir, 0o711);
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  async function isolationFor(sdkPath: string) {
    const storageRoot = path.join(dir, 'storage');
    const isolation = new LocalIsolation({
      stateDir: path.join(storageRoot, 'local-driver'),
      storageRoot,
      sdkPath,
      logger: mockServices.logger.mock(),
      isRoot: () => true,
    });
    await isolation.prepareStorage();
    return { isolation, storageRoot };
  }

  it('gives workloads a readable copy in the storage root when the checkout is closed', async () => {
    // A checkout under a closed folder, as under root's home.
    const closed = path.join(dir, 'home');
    const sdk = path.join(closed, 'repo/sdk/python');
    await fs.mkdir(path.join(sdk, 'ml_platform/__pycache__'), {
      recursive: true,
    });
    await fs.writeFile(path.join(sdk, 'ml_platform/__init__.py'), 'X = 1\n');
    await fs.writeFile(path.join(sdk, 'ml_platform/__pycache__/x.pyc'), '');
    await fs.chmod(closed, 0o700);

    const { isolation, storageRoot } = await isolationFor(sdk);
    const copy = isolation.sdkPathFor(sdk);
    expect(copy).toBe(path.join(storageRoot, 'sdk'));
    const init = await fs.stat(path.join(copy, 'ml_platform/__init__.py'));
    expect(init.mode & 0o777).toBe(0o644);
    expect((await fs.stat(path.join(copy, 'ml_platform'))).mode & 0o777).toBe(
      0o755,
    );
    expect((await fs.stat(copy)).mode & 0o777).toBe(0o755);
    await expect(
      fs.stat(path.join(copy, 'ml_platform/__pycache__')),
    ).rejects.toThrow();
    // Other paths are not redirected.
    expect(isolation.sdkPathFor('/elsewhere')).toBe('/elsewhere');
  });

  it('uses the SDK where it is when project uids can read it', async () => {
    const sdk = path.join(dir, 'open/sdk');
    await fs.mkdir(sdk, { recursive: true });
    await fs.chmod(path.join(dir, 'open'), 0o755);
    await fs.chmod(sdk, 0o755);
    const { isolation, storageRoot } = await isolationFor(sdk);
    expect(isolation.sdkPathFor(sdk)).toBe(sdk);
    await expect(fs.stat(path.join(storageRoot, 'sdk'))).rejects.toThrow();
  });
});
