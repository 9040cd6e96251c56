import { NotAllowedError } from '@backstage/errors';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { tempDirForEachTest } from '../__testUtils__/tempDirs';
import { buffer } from 'node:stream/consumers';
import * as tar from 'tar';
import {
  ConfinedFolder,
  copyFileInside,
  openInside,
  removeTree,
} from './confinedFs';

const IS_ROOT = process.getuid?.() === 0;
// As root, a real project uid; otherwise the test's own (chown to self works).
const owner = IS_ROOT
  ? { uid: 300_200, gid: 300_200 }
  : { uid: process.getuid!(), gid: process.getgid!() };

describe('ConfinedFolder', () => {
  let base: string;
  let root: string;
  let outside: string;
  let folder: ConfinedFolder;

  tempDirForEachTest('ml-confined-', created => {
    base = created;
    root = path.join(base, 'project');
    outside = path.join(base, 'outside');
  });

  beforeEach(async () => {
    await fs.mkdir(root);
    await fs.mkdir(outside);
    await fs.writeFile(path.join(outside, 'secret.txt'), 'top secret');
    await fs.symlink(outside, path.join(root, 'escape'));
    await fs.mkdir(path.join(root, 'real'));
    await fs.symlink('real', path.join(root, 'inside'));
    folder = await ConfinedFolder.open(root, owner);
  });

  const outsideNames = () => fs.readdir(outside);

  it("writes files and folders as the project's, through links that stay inside", async () => {
    await folder.writeFile(path.join(root, 'a/b/c.txt'), Buffer.from('hi'));
    expect(await fs.readFile(path.join(root, 'a/b/c.txt'), 'utf8')).toBe('hi');
    for (const p of ['a', 'a/b', 'a/b/c.txt']) {
      expect((await fs.lstat(path.join(root, p))).uid).toBe(owner.uid);
    }
    await folder.writeFile(path.join(root, 'inside/d.txt'), Buffer.from('d'));
    expect(await fs.readFile(path.join(root, 'real/d.txt'), 'utf8')).toBe('d');
    await folder.makeFolders(path.join(root, 'x/y'));
    expect((await fs.lstat(path.join(root, 'x/y'))).uid).toBe(owner.uid);
    // Temp files do not stay behind.
    expect((await fs.readdir(path.join(root, 'a/b'))).sort()).toEqual([
      'c.txt',
    ]);
  });

  it('refuses every change that a link would lead outside, on its own', async () => {
    // No path check runs before these: the folder checks where it is itself.
    const via = (p: string) => path.join(root, 'escape', p);
    await expect(
      folder.writeFile(via('new.txt'), Buffer.from('x')),
    ).rejects.toThrow(NotAllowedError);
    await expect(folder.makeFolders(via('dir'))).rejects.toThrow(
      NotAllowedError,
    );
    await fs.writeFile(path.join(root, 'r.md'), 'r');
    await expect(
      folder.rename(path.join(root, 'r.md'), via('r.md')),
    ).rejects.toThrow(NotAllowedError);
    await expect(folder.remove(via('secret.txt'))).rejects.toThrow(
      NotAllowedError,
    );
    await expect(folder.openRead(via('secret.txt'))).rejects.toThrow(
      NotAllowedError,
    );
    await fs.symlink(
      path.join(outside, 'secret.txt'),
      path.join(root, 'secret-link'),
    );
    await expect(
      folder.openRead(path.join(root, 'secret-link')),
    ).rejects.toThrow(NotAllowedError);
    expect(await outsideNames()).toEqual(['secret.txt']);
    expect(await fs.readFile(path.join(outside, 'secret.txt'), 'utf8')).toBe(
      'top secret',
    );
  });

  it('renames, and removes files, links (not their targets) and whole folders', async () => {
    await folder.writeFile(path.join(root, 'src/train.py'), Buffer.from('x'));
    await folder.rename(path.join(root, 'src'), path.join(root, 'pkg/src'));
    expect(await fs.readFile(path.join(root, 'pkg/src/train.py'), 'utf8')).toBe(
      'x',
    );
    await folder.remove(path.join(root, 'escape'));
    expect(await outsideNames()).toEqual(['secret.txt']);
    await folder.remove(path.join(root, 'pkg'));
    await expect(fs.lstat(path.join(root, 'pkg'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it('reads regular files only, and does not hang on a FIFO', async () => {
    await fs.writeFile(path.join(root, 'r.txt'), 'read me');
    const handle = await folder.openRead(path.join(root, 'inside/../r.txt'));
    expect(await handle.readFile('utf8')).toBe('read me');
    await handle.close();
    execFileSync('mkfifo', [path.join(root, 'pipe')]);
    await expect(folder.openRead(path.join(root, 'pipe'))).rejects.toThrow(
      "'pipe' is not a file",
    );
  });

  it('archives the folder with links stored as links', async () => {
    await folder.writeFile(path.join(root, 'README.md'), Buffer.from('# hi'));
    const archive = await folder.archive();
    const out = path.join(base, 'out');
    await fs.mkdir(out);
    const file = path.join(base, 'a.tgz');
    await fs.writeFile(file, await buffer(archive));
    await tar.x({ file, cwd: out });
    expect(await fs.readFile(path.join(out, 'README.md'), 'utf8')).toBe('# hi');
    expect((await fs.lstat(path.join(out, 'escape'))).isSymbolicLink()).toBe(
      true,
    );
  });
});

describe('copying and removing outside ConfinedFolder', () => {
  let base: string;

  tempDirForEachTest('ml-confined-', created => (base = created));

  it('copies a file only when it lies inside, keeping its mode', async () => {
    const root = await fs.realpath(base);
    await fs.mkdir(path.join(root, 'p'));
    await fs.writeFile(path.join(root, 'p/run.sh'), 'echo', { mode: 0o755 });
    await fs.writeFile(path.join(root, 'secret'), 'no');
    await fs.symlink(path.join(root, 'secret'), path.join(root, 'p/link'));
    const inside = path.join(root, 'p');
    const copyOut = (name: string, target: string) =>
      copyFileInside(path.join(inside, name), path.join(root, target), inside);
    expect(await copyOut('run.sh', 'c1')).toBe(true);
    expect((await fs.stat(path.join(root, 'c1'))).mode & 0o777).toBe(0o755);
    expect(await copyOut('link', 'c2')).toBe(false);
    await expect(fs.stat(path.join(root, 'c2'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
    await expect(openInside(path.join(inside, 'link'), inside)).rejects.toThrow(
      NotAllowedError,
    );
  });

  it("removes a project's folder as the project, and the backend's own as before", async () => {
    const mine = path.join(base, 'mine');
    await fs.mkdir(path.join(mine, 'deep'), { recursive: true });
    await fs.writeFile(path.join(mine, 'deep/f'), 'x');
    await removeTree(mine);
    await expect(fs.lstat(mine)).rejects.toMatchObject({ code: 'ENOENT' });

    const theirs = path.join(base, 'theirs');
    await fs.mkdir(theirs);
    const confined = await ConfinedFolder.open(theirs, owner);
    await confined.writeFile(path.join(theirs, 'a/b.txt'), Buffer.from('x'));
    await fs.chown(theirs, owner.uid, owner.gid);
    await removeTree(theirs);
    await expect(fs.lstat(theirs)).rejects.toMatchObject({ code: 'ENOENT' });
    await removeTree(theirs);
  });
});
