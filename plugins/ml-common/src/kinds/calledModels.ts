import { EnvVars } from '../env';
import { ML_APPLICATION_MODEL_ENV_VARS } from './constants';

/**
 * A model an application calls: its project's name and its own.
 *
 * @public
 */
export interface CalledModel {
  project: string;
  name: string;
}

/**
 * The models an application calls, from its env: `ML_MODEL_NAME` (one) and
 * `ML_MODEL_NAMES` (comma-separated). A bare name is a model of the
 * application's own project; `<project>/<model>` one of another project in
 * the same workspace. The catalog and the lineage API relate the
 * application to those models. A secret variable names nothing: its value
 * is not readable here, and lineage must not hint at it.
 *
 * @public
 */
export function modelsCalledBy(
  application: { env: EnvVars },
  ownProject: string,
): CalledModel[] {
  const called = new Map<string, CalledModel>();
  for (const variable of ML_APPLICATION_MODEL_ENV_VARS) {
    const value = application.env[variable];
    for (const item of (typeof value === 'string' ? value : '').split(',')) {
      const trimmed = item.trim();
      if (!trimmed) {
        continue;
      }
      const [project, name] = trimmed.includes('/')
        ? trimmed.split('/', 2).map(s => s.trim())
        : [ownProject, trimmed];
      if (project && name) {
        called.set(`${project}/${name}`, { project, name });
      }
    }
  }
  return [...called.values()];
}
