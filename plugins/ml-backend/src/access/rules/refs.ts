/** Entity refs compare case-insensitively, as the catalog compares them. */
export function sameRef(a: string, b: string): boolean {
  return a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');
}

/** Whether any ref of `refs` is one of `claims`. */
export function anyRefIn(
  refs: readonly string[],
  claims: readonly string[],
): boolean {
  const wanted = new Set(claims.map(c => c.toLocaleLowerCase('en-US')));
  return refs.some(ref => wanted.has(ref.toLocaleLowerCase('en-US')));
}
