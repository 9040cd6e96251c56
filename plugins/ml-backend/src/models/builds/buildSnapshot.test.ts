import fs from 'node:fs/promises';
import path from 'node:path';
import { tempDirForEachTest } from '../../__testUtils__/tempDirs';
import { copyProjectSnapshot } from './buildSnapshot';

describe('copyProjectSnapshot', () => {
  let root: string;
  let project: string;
  let target: string;

  tempDirForEachTest('ml-snapshot-', created => {
    root = created;
    project = path.join(root, 'project');
    target = path.join(root, 'snapshot');
  });

  beforeEach(async () => {
    await fs.mkdir(path.join(project, 'pkg', 'cache'), { recursive: true });
    await fs.mkdir(path.join(project, '.git'), { recursive: true });
    await fs.writeFile(path.join(project, '.git', 'HEAD'), 'ref');
    await fs.mkdir(path.join(project, 'pkg', '__pycache__'));
    await fs.writeFile(
      path.join(project, 'pkg', '__pycache__', 'util.pyc'),
      '',
    );
    await fs.writeFile(path.join(project, 'model.py'), 'x = 1');
    await fs.writeFile(path.join(project, 'pkg', 'util.py'), 'y = 2');
    await fs.writeFile(path.join(project, 'pkg', 'cache', 'blob'), 'z');
    await fs.writeFile(path.join(project, 'pkg', '.gitignore'), 'cache/\n');
    await fs.writeFile(path.join(root, 'secret.txt'), 'outside');
  });

  const tree = async () =>
    (await fs.readdir(target, { recursive: true })).map(String).sort();

  it('copies files, applying nested .gitignore files and leaving out .git and __pycache__', async () => {
    expect(await copyProjectSnapshot(project, target)).toBe(3);
    expect(await tree()).toEqual([
      'model.py',
      'pkg',
      'pkg/.gitignore',
      'pkg/util.py',
    ]);
  });

  it('copies linked files by content and leaves out links to folders or outside the project', async () => {
    await fs.symlink(
      path.join(project, 'model.py'),
      path.join(project, 'alias.py'),
    );
    await fs.symlink('pkg', path.join(project, 'pkg-link'));
    await fs.symlink(
      path.join(root, 'secret.txt'),
      path.join(project, 'secret.txt'),
    );
    await fs.symlink(
      path.join(project, 'missing'),
      path.join(project, 'dangling'),
    );
    await copyProjectSnapshot(project, target);
    expect(await tree()).toEqual([
      'alias.py',
      'model.py',
      'pkg',
      'pkg/.gitignore',
      'pkg/util.py',
    ]);
    expect(
      (await fs.lstat(path.join(target, 'alias.py'))).isSymbolicLink(),
    ).toBe(false);
    // Later edits of the project do not reach the snapshot.
    await fs.writeFile(path.join(project, 'model.py'), 'x = 2');
    expect(await fs.readFile(path.join(target, 'alias.py'), 'utf8')).toBe(
      'x = 1',
    );
  });

  it('copies past .gitignore lines that are slow or invalid as regular expressions', async () => {
    const long = 'a'.repeat(200);
    await fs.writeFile(path.join(project, long), 'kept');
    await fs.writeFile(path.join(project, `${long}b`), 'left out');
    await fs.writeFile(path.join(project, 'z.tmp'), 'left out');
    await fs.writeFile(
      path.join(project, '.gitignore'),
      '*a*a*a*a*b\n[z-a]\n*.tmp\n',
    );
    await copyProjectSnapshot(project, target);
    expect(await tree()).toEqual([
      '.gitignore',
      long,
      'model.py',
      'pkg',
      'pkg/.gitignore',
      'pkg/util.py',
    ]);
  });
});
