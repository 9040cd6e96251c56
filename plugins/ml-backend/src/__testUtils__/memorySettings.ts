/**
 * A settings store that keeps values in memory, as the database would;
 * `calls` counts its reads.
 */
export function memorySettings() {
  const values = new Map<string, string>();
  return {
    values,
    calls: 0,
    async getOrCreate(key: string, make: () => string) {
      this.calls += 1;
      if (!values.has(key)) values.set(key, make());
      return values.get(key)!;
    },
  };
}

/** A {@link memorySettings} whose first read fails, as after a lost connection. */
export function flakySettings() {
  const settings = memorySettings();
  return {
    failures: 1,
    async getOrCreate(key: string, make: () => string) {
      if (this.failures-- > 0) throw new Error('connection reset');
      return settings.getOrCreate(key, make);
    },
  };
}
