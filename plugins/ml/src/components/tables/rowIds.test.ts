import { withRowIds } from './rowIds';

describe('withRowIds', () => {
  it('keeps rows that have an id and keys the others', () => {
    const withId = { id: 'w1', name: 'a' };
    const rows = withRowIds<{ id?: string; name: string }>([
      withId,
      { name: 'b' },
    ]);
    expect(rows[0]).toBe(withId);
    expect(rows[1]).toEqual({ id: '1', name: 'b' });
    expect(withRowIds([{ subject: 'user:default/a' }], r => r.subject)).toEqual(
      [{ subject: 'user:default/a', id: 'user:default/a' }],
    );
  });
});
