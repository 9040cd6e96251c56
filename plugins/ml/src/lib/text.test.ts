import { plural } from './text';

describe('plural', () => {
  it.each([
    [0, '0 jobs'],
    [1, '1 job'],
    [2, '2 jobs'],
  ])('says %p as %p', (count, text) => {
    expect(plural(count, 'job')).toBe(text);
  });
});
