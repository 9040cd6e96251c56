import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { tempDirForEachTest } from '../../../../__testUtils__/tempDirs';
import { closeSqliteFolders, sqliteFolders } from './databaseFolders';
import { layOutStorage } from './storageLayout';
import { adoptWorkDir, unsearchableAncestor } from './workDir';

const IS_ROOT = process.getuid?.() === 0;
const describeAsRoot = IS_ROOT ? describe : describe.skip;
const AS_ROOT = IS_ROOT
  ? 'as root'
  : `needs root to chown, skipped: this test process is uid ${process.getuid?.()}`;
const mode = async (p: string) => (await fs.lstat(p)).mode & 0o7777;

describe('the storage layout for isolated workloads', () => {
  let root: string;

  tempDirForEachTest('ml-layout-', created => (root = created));

  it('makes the root and the shared folders passable only, and closes everything else', async () => {
    for (const dir of ['db', 'local-driver', 'projects/p1', 'builds/b1']) {
      await fs.mkdir(path.join(root, dir), { recursive: true, mode: 0o755 });
    }
    await fs.writeFile(path.join(root, 'notes.txt'), 'x', { mode: 0o644 });
    await fs.symlink('/etc', path.join(root, 'etc-link'));

    await layOutStorage(root);

    expect(await mode(root)).toBe(0o711);
    expect(await mode(path.join(root, 'projects'))).toBe(0o711);
    expect(await mode(path.join(root, 'builds'))).toBe(0o711);
    expect(await mode(path.join(root, 'db'))).toBe(0o700);
    expect(await mode(path.join(root, 'local-driver'))).toBe(0o700);
    expect(await mode(path.join(root, 'notes.txt'))).toBe(0o600);
    // The backend's own project and build folders wait closed for their uid.
    expect(await mode(path.join(root, 'projects/p1'))).toBe(0o700);
    expect(await mode(path.join(root, 'builds/b1'))).toBe(0o700);
    // A link is not followed (chmod would change /etc).
    expect((await fs.stat('/etc')).mode & 0o777).toBe(0o755);
  });

  it('finds a folder on the way that other users cannot pass', async () => {
    const deep = path.join(root, 'a', 'b');
    await fs.mkdir(deep, { recursive: true });
    await fs.chmod(root, 0o700);
    expect(await unsearchableAncestor(deep)).toBe(root);
    await fs.chmod(root, 0o711);
    await fs.chmod(path.join(root, 'a'), 0o711);
    // The folder itself may be closed: it is the project's.
    await fs.chmod(deep, 0o700);
    expect(await unsearchableAncestor(deep)).toBeUndefined();
  });

  describeAsRoot(AS_ROOT, () => {
    it('hands a folder to a project uid once, without following links or touching hard-linked files', async () => {
      const dir = path.join(root, 'projects', 'p');
      await fs.mkdir(path.join(dir, 'sub'), { recursive: true });
      await fs.writeFile(path.join(dir, 'sub', 'a.py'), 'x');
      const outside = path.join(root, 'outside.txt');
      await fs.writeFile(outside, 'not the project');
      await fs.symlink(outside, path.join(dir, 'link'));
      await fs.link(outside, path.join(dir, 'hard'));
      const logger = mockServices.logger.mock();
      const identity = { uid: 300_123, gid: 300_123 };

      await adoptWorkDir(dir, identity, logger);

      for (const p of [
        dir,
        path.join(dir, 'sub'),
        path.join(dir, 'sub/a.py'),
      ]) {
        expect((await fs.lstat(p)).uid).toBe(identity.uid);
      }
      expect((await fs.lstat(path.join(dir, 'link'))).uid).toBe(identity.uid);
      expect(await mode(dir)).toBe(0o700);
      expect((await fs.stat(outside)).uid).toBe(0);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('hard-linked'),
      );

      // Already the project's: not walked again (its uid may be changing it).
      await fs.writeFile(path.join(dir, 'later.txt'), 'x');
      await adoptWorkDir(dir, identity, logger);
      expect((await fs.lstat(path.join(dir, 'later.txt'))).uid).toBe(0);
    });

    it('hands over what is left when a workload removes files during the walk', async () => {
      const dir = path.join(root, 'projects', 'q');
      await fs.mkdir(path.join(dir, 'gone-dir'), { recursive: true });
      await fs.writeFile(path.join(dir, 'gone.tmp'), 'x');
      await fs.writeFile(path.join(dir, 'kept.py'), 'x');
      const lstat = fs.lstat.bind(fs) as (p: string) => Promise<unknown>;
      const readdir = fs.readdir.bind(fs) as (
        p: string,
        o: unknown,
      ) => Promise<unknown>;
      const gone = () => Object.assign(new Error('gone'), { code: 'ENOENT' });
      // The walk has read the names when these go.
      jest.spyOn(fs, 'lstat').mockImplementation((async (p: string) => {
        if (p.endsWith('gone.tmp')) throw gone();
        return lstat(p);
      }) as typeof fs.lstat);
      jest.spyOn(fs, 'readdir').mockImplementation((async (
        p: string,
        o: unknown,
      ) => {
        if (p.endsWith('gone-dir')) throw gone();
        return readdir(p, o);
      }) as typeof fs.readdir);
      const identity = { uid: 300_124, gid: 300_124 };

      try {
        await adoptWorkDir(dir, identity, mockServices.logger.mock());
      } finally {
        jest.restoreAllMocks();
      }

      expect((await fs.lstat(path.join(dir, 'kept.py'))).uid).toBe(
        identity.uid,
      );
      expect((await fs.lstat(dir)).uid).toBe(identity.uid);
    });
  });
});

describe('the SQLite folders', () => {
  it('are the configured folders of the base and plugin connections', () => {
    const config = new ConfigReader({
      backend: {
        database: {
          client: 'better-sqlite3',
          connection: { directory: 'data/db' },
          plugin: {
            auth: { connection: { directory: '/var/auth-db' } },
            catalog: { client: 'pg', connection: { directory: '/not/sqlite' } },
          },
        },
      },
    });
    expect(sqliteFolders(config)).toEqual([
      path.resolve('data/db'),
      '/var/auth-db',
    ]);
    expect(
      sqliteFolders(
        new ConfigReader({
          backend: { database: { client: 'pg', connection: 'postgres://x' } },
        }),
      ),
    ).toEqual([]);
    expect(
      sqliteFolders(
        new ConfigReader({
          backend: {
            database: { client: 'better-sqlite3', connection: ':memory:' },
          },
        }),
      ),
    ).toEqual([]);
  });

  it('are closed to other users', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-sqlite-'));
    try {
      const db = path.join(dir, 'db');
      await fs.mkdir(db, { mode: 0o755 });
      await fs.chmod(db, 0o755);
      const closed = await closeSqliteFolders(
        new ConfigReader({
          backend: {
            database: {
              client: 'better-sqlite3',
              connection: { directory: db },
            },
          },
        }),
      );
      expect(closed).toEqual([db]);
      expect(await mode(db)).toBe(0o700);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
