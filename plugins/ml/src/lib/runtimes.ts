import { Runtime } from '@ml-platform/plugin-ml-common';

/** How the catalog names a runtime: "Workbench Python 3.11 Standard 2026.01.2". */
export function runtimeLabel(r: Runtime): string {
  return `${r.editor} ${r.kernel} ${r.edition} ${r.shortVersion}.${r.maintenanceVersion}`;
}
