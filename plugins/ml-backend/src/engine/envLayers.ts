import { EnvVars } from '@ml-platform/plugin-ml-common';
import { SealedSecret } from '../secrets/SealedSecret';

/** A workload's env, split as the engine stores it and drivers take it. */
export interface MergedEnv {
  /** Plain variables. */
  env: Record<string, string>;
  /** Secret variables, still sealed; no name is also in `env`. */
  secretEnv: Record<string, SealedSecret>;
}

/**
 * The one place env layers are merged. `layers` come lowest precedence
 * first (workspace < project < job < run; workspace < project < build <
 * deployment for model replicas); a later layer's variable replaces an
 * earlier one of the same name whether either is secret or not, so a plain
 * job value overrides a project secret and the other way round. `system`
 * (the platform's ML_* variables) wins over every layer and is never secret.
 *
 * Secrets stay sealed here: the engine stores them so and opens them only
 * when it hands the workload to its driver.
 */
export function mergeEnvLayers(
  layers: EnvVars[],
  system: Record<string, string> = {},
): MergedEnv {
  const env: Record<string, string> = {};
  const secretEnv: Record<string, SealedSecret> = {};
  for (const layer of [...layers, system]) {
    for (const [name, value] of Object.entries(layer)) {
      delete env[name];
      delete secretEnv[name];
      if (typeof value === 'string') {
        env[name] = value;
      } else if (value instanceof SealedSecret) {
        secretEnv[name] = value;
      } else {
        // A masked value (an API read) is not something a workload can get.
        throw new Error(`env var ${name} is secret but has no sealed value`);
      }
    }
  }
  return { env, secretEnv };
}
