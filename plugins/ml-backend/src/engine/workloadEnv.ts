import { EnvVars } from '@ml-platform/plugin-ml-common';
import { SealedSecret } from '../secrets/SealedSecret';

/**
 * A workload's env, lowest precedence first:
 *
 * 1. the layers, in order: workspace < project < the workload's own (job <
 *    run; build < deployment; a session's or an app's env). A secret is a
 *    value of its layer like any other: a later layer's variable replaces
 *    an earlier one of the same name whether either is secret or not.
 * 2. the platform variables a feature sets at launch (ML_PROJECT_NAME,
 *    ML_JOB_ID, ML_MODEL_ID…), never secret (mergeEnvLayers);
 * 3. the identity of the attempt, set when it starts (ML_WORKLOAD_ID,
 *    ML_WORKLOAD_TOKEN, ML_API_URL…): nothing overrides them, not even a
 *    secret (withIdentityEnv).
 */

/** A workload's env, split as the engine stores it and drivers take it. */
export interface MergedEnv {
  /** Plain variables. */
  env: Record<string, string>;
  /** Secret variables, still sealed; no name is also in `env`. */
  secretEnv: Record<string, SealedSecret>;
}

/**
 * Merges `layers` (lowest precedence first) and then `system`, the
 * platform's variables, which win over every layer.
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

/**
 * A stored workload's env with its attempt's identity on top: the identity
 * variables replace plain ones of the same name, and a secret of the same
 * name is dropped.
 */
export function withIdentityEnv(
  stored: MergedEnv,
  identity: Record<string, string>,
): MergedEnv {
  const env = { ...stored.env, ...identity };
  const secretEnv = Object.fromEntries(
    Object.entries(stored.secretEnv).filter(([name]) => !(name in env)),
  );
  return { env, secretEnv };
}

/**
 * The project's experiment as MLflow's default (`MLFLOW_EXPERIMENT_NAME`),
 * below every layer: a workspace, project or workload that sets the
 * variable, plain or secret, chooses another.
 */
export function withDefaultExperiment(stored: MergedEnv): MergedEnv {
  const projectName = stored.env.ML_PROJECT_NAME;
  const name = 'MLFLOW_EXPERIMENT_NAME';
  if (!projectName || name in stored.env || name in stored.secretEnv) {
    return stored;
  }
  return { ...stored, env: { [name]: projectName, ...stored.env } };
}
