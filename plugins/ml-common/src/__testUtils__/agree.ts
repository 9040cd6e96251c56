type MutuallyAssignable<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? true
    : false
  : false;

// `keyof` a string index signature is `string | number`, of a Record `string`.
type PropertyNames<T> = Extract<keyof T, string>;

/** Assignable both ways, with the same keys (so no optional one is missing). */
export type Agree<A, B> = MutuallyAssignable<A, B> extends true
  ? MutuallyAssignable<PropertyNames<A>, PropertyNames<B>>
  : false;

/**
 * A compile-time check that two types describe the same thing: the call
 * only type-checks without an argument when `Agree<A, B>` holds, so a
 * drift between them fails `yarn tsc`.
 */
export function agree<A, B>(
  ..._disagree: Agree<A, B> extends true ? [] : ['the two types disagree']
): true {
  return true;
}
