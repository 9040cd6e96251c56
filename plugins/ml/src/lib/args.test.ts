import { joinArgs, splitArgs } from './args';

describe('args', () => {
  it('splits like a shell without expanding anything', () => {
    expect(
      splitArgs(`--epochs 3  --name "my model" 'it''s' a\\ b $HOME`),
    ).toEqual(['--epochs', '3', '--name', 'my model', 'its', 'a b', '$HOME']);
    expect(splitArgs('  ')).toEqual([]);
    expect(splitArgs('""')).toEqual(['']);
  });

  it('round-trips through joinArgs', () => {
    const args = ['--name', 'my model', "it's", '', 'plain', 'a"b'];
    expect(splitArgs(joinArgs(args))).toEqual(args);
  });
});
