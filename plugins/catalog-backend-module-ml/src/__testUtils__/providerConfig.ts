/** A duration in the config's object form, e.g. `{ minutes: 10 }`. */
type Duration = { hours: number } | { minutes: number };

/** The provider's schedule in `catalog.providers.ml.schedule`. */
type ProviderSchedule =
  | { frequency: Duration; timeout: Duration }
  | { frequency: Duration; timeout: Duration; initialDelay: Duration };

/**
 * Config of the module's entity provider. By default it reads every 10
 * minutes, so within a test only the first read and events trigger reads.
 */
export function providerConfig(
  schedule: ProviderSchedule = {
    frequency: { minutes: 10 },
    timeout: { minutes: 1 },
  },
) {
  return { catalog: { providers: { ml: { schedule } } } };
}
