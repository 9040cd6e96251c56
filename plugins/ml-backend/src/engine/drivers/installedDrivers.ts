import { InputError } from '@backstage/errors';
import { Workspace } from '@ml-platform/plugin-ml-common';
import { ComputeDriver } from '@ml-platform/plugin-ml-node';

/**
 * The installed drivers (read on each call: modules add theirs while the
 * backend starts) and the one a workspace names.
 */
export function installedDrivers(all: () => ComputeDriver[]) {
  return {
    drivers: all,
    driverFor(workspace: Workspace): ComputeDriver {
      const driver = all().find(d => d.name === workspace.driver);
      if (!driver) {
        throw new InputError(
          `The '${workspace.driver}' driver of workspace '${workspace.name}' is not installed`,
        );
      }
      return driver;
    },
  };
}
