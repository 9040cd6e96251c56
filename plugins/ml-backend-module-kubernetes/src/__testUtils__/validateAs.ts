/**
 * Checks an object against the schema of a kubernetes-models class, as
 * `new Pod(object).validate()` does. Those classes type enum fields as
 * literal unions ('Always' | 'Never') where client-node has strings, so the
 * object is passed on unchecked by the compiler: validate() checks it.
 */
export function validateAs<Data>(
  Kind: new (data: Data) => { validate(): void },
  object: object,
): void {
  new Kind(object as Data).validate();
}
