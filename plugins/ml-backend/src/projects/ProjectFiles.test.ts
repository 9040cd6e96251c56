import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ProjectFiles } from './ProjectFiles';

const PROJECT = '11111111-2222-4333-8444-555555555555';

describe('ProjectFiles.list', () => {
  let root: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-files-'));
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await fs.rm(root, { recursive: true, force: true });
  });

  it('leaves out what a workload removes while the folder is read', async () => {
    const files = new ProjectFiles(root);
    await files.init(PROJECT, {
      'keep.py': 'x\n',
      'tmp.lock': '',
      'out/part-0.csv': 'a\n',
    });
    const original = (fn: Function) =>
      fn.bind(fs) as (...args: unknown[]) => Promise<unknown>;
    const stat = original(fs.stat);
    const readdir = original(fs.readdir);
    const gone = () => Object.assign(new Error('gone'), { code: 'ENOENT' });
    // The listing has read the names when these go: a temp file, a folder.
    jest.spyOn(fs, 'stat').mockImplementation((async (
      p: string,
      ...rest: unknown[]
    ) => {
      if (p.endsWith('tmp.lock')) throw gone();
      return stat(p, ...rest);
    }) as typeof fs.stat);
    jest.spyOn(fs, 'readdir').mockImplementation((async (
      p: string,
      ...rest: unknown[]
    ) => {
      if (p.endsWith(`${path.sep}out`)) throw gone();
      return readdir(p, ...rest);
    }) as typeof fs.readdir);

    const entries = await files.list(PROJECT, '', true);
    // Listed by name; the folder that went is listed, its content not.
    expect(entries.map(e => e.path)).toEqual(['keep.py', 'out']);
  });

  it('still fails on other errors', async () => {
    const files = new ProjectFiles(root);
    await files.init(PROJECT, { 'keep.py': 'x\n' });
    jest
      .spyOn(fs, 'stat')
      .mockRejectedValue(
        Object.assign(new Error('I/O error'), { code: 'EIO' }),
      );
    await expect(files.list(PROJECT, '', false)).rejects.toThrow('I/O error');
  });
});
