import { NestedGitignore } from './nestedGitignore';

const matcher = (text: string) => new NestedGitignore().add(text);

describe('NestedGitignore', () => {
  it('skips blank lines and comments, and honours escaped # and !', () => {
    expect(matcher('\n   \n# a comment\n').ignores('a comment', false)).toBe(
      false,
    );
    const m = matcher('# data.csv\n\\#notes\n\\!bang');
    expect(m.ignores('data.csv', false)).toBe(false);
    expect(m.ignores('#notes', false)).toBe(true);
    expect(m.ignores('!bang', false)).toBe(true);
  });

  it('matches a name without a slash at any depth', () => {
    const m = matcher('*.pyc\n__pycache__\n');
    expect(m.ignores('a.pyc', false)).toBe(true);
    expect(m.ignores('pkg/sub/b.pyc', false)).toBe(true);
    expect(m.ignores('pkg/__pycache__', true)).toBe(true);
    expect(m.ignores('model.py', false)).toBe(false);
    expect(m.ignores('pyc', false)).toBe(false);
  });

  it('anchors patterns with a leading or middle slash', () => {
    const m = matcher('/build\ndocs/*.md\n');
    expect(m.ignores('build', true)).toBe(true);
    expect(m.ignores('src/build', true)).toBe(false);
    expect(m.ignores('docs/a.md', false)).toBe(true);
    expect(m.ignores('docs/deep/a.md', false)).toBe(false);
    expect(m.ignores('other/docs/a.md', false)).toBe(false);
  });

  it('applies a trailing slash to folders only', () => {
    const m = matcher('data/\n');
    expect(m.ignores('data', true)).toBe(true);
    expect(m.ignores('nested/data', true)).toBe(true);
    expect(m.ignores('data', false)).toBe(false);
  });

  it('supports ** at the start, middle and end, and ? and [...]', () => {
    const m = matcher('**/logs\na/**/z.txt\nout/**\nfile?.txt\n[abc].bin\n');
    expect(m.ignores('logs', true)).toBe(true);
    expect(m.ignores('x/y/logs', true)).toBe(true);
    expect(m.ignores('a/z.txt', false)).toBe(true);
    expect(m.ignores('a/b/c/z.txt', false)).toBe(true);
    expect(m.ignores('b/z.txt', false)).toBe(false);
    expect(m.ignores('out/anything/deep', false)).toBe(true);
    expect(m.ignores('out', true)).toBe(false);
    expect(m.ignores('file1.txt', false)).toBe(true);
    expect(m.ignores('file12.txt', false)).toBe(false);
    expect(m.ignores('b.bin', false)).toBe(true);
    expect(m.ignores('d.bin', false)).toBe(false);
  });

  it('lets a later ! rule include again what an earlier rule excluded', () => {
    const m = matcher('*.csv\n!keep.csv\n');
    expect(m.ignores('big.csv', false)).toBe(true);
    expect(m.ignores('keep.csv', false)).toBe(false);
    expect(m.ignores('sub/keep.csv', false)).toBe(false);
    // Order matters: the last matching rule wins.
    expect(matcher('!keep.csv\n*.csv\n').ignores('keep.csv', false)).toBe(true);
  });

  it('always leaves out .git', () => {
    expect(new NestedGitignore().ignores('.git', true)).toBe(true);
    expect(new NestedGitignore().ignores('sub/.git', true)).toBe(true);
    expect(matcher('!.git').ignores('.git', true)).toBe(true);
  });

  it('scopes the rules of a nested .gitignore to its folder', () => {
    const m = new NestedGitignore().add('*.tmp').add('/cache\n*.log', 'pkg');
    expect(m.ignores('pkg/cache', true)).toBe(true);
    expect(m.ignores('cache', true)).toBe(false);
    expect(m.ignores('pkg/x/run.log', false)).toBe(true);
    expect(m.ignores('run.log', false)).toBe(false);
    expect(m.ignores('pkg/a.tmp', false)).toBe(true);
  });

  it('matches patterns that made the old hand-written matcher backtrack for seconds', () => {
    // `*a*a*a*a*b` against a long name of a's took the RegExp it was turned
    // into more than 14 s per name; `ignore` answers at once.
    const m = matcher('*a*a*a*a*b\n*a*a*a*a*a*a*a*a*a*a*a*a*c\n');
    expect(m.ignores('a'.repeat(250), false)).toBe(false);
    expect(m.ignores(`${'a'.repeat(250)}b`, false)).toBe(true);
    expect(m.ignores(`dir/${'a'.repeat(200)}`, true)).toBe(false);
  });

  it('keeps going past an invalid range such as [z-a]', () => {
    // `new RegExp('[z-a]')` threw, which failed the build with a 500. (`ignore`
    // reads the range as `[z]`; git matches nothing with it.)
    const m = matcher('[z-a]\n*.tmp\n');
    expect(m.ignores('a', false)).toBe(false);
    expect(m.ignores('m', false)).toBe(false);
    expect(m.ignores('x.tmp', false)).toBe(true);
  });
});
