/**
 * Polls until `probe` returns something, or fails after `seconds`: what the
 * integration tests wait with for the catalog to pick a change up.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  seconds = 30,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}
