import { fileEntry as entry } from '../testing/fixtures';
import { ancestorDirs, buildFileTree, joinPath, parentDir } from './files';

describe('files', () => {
  it('nests entries, directories first, and fills in missing parents', () => {
    const tree = buildFileTree([
      entry('README.md'),
      entry('src/model/train.py'),
      entry('data', 'directory'),
      entry('src/app.py'),
    ]);
    expect(tree.map(n => n.path)).toEqual(['data', 'src', 'README.md']);
    const src = tree[1];
    expect(src.children.map(n => n.path)).toEqual(['src/model', 'src/app.py']);
    expect(src.children[0].children.map(n => n.name)).toEqual(['train.py']);
  });

  it('handles paths', () => {
    expect(parentDir('a/b/c.py')).toBe('a/b');
    expect(parentDir('c.py')).toBe('');
    expect(joinPath('', 'x.py')).toBe('x.py');
    expect(joinPath('a/', '/x.py')).toBe('a/x.py');
    expect(ancestorDirs('a/b/c.py')).toEqual(['a', 'a/b']);
  });
});
