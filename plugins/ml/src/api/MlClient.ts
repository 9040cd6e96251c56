import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ApplicationsClient } from './ApplicationsClient';
import { EngineClient } from './EngineClient';
import { FilesClient } from './FilesClient';
import { MlApi } from './MlApi';
import { MlHttp } from './MlHttp';
import { ModelsClient } from './ModelsClient';
import { ModelMonitoringClient } from './ModelMonitoringClient';
import { ProjectsClient } from './ProjectsClient';
import { RuntimesClient } from './RuntimesClient';
import { WorkspacesClient } from './WorkspacesClient';

/** A part's public methods, bound to it, as a plain object to spread. */
function methodsOf<T extends object>(part: T): { [K in keyof T]: T[K] } {
  const methods: Record<string, unknown> = {};
  for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(part))) {
    const member = (part as Record<string, unknown>)[name];
    if (name !== 'constructor' && typeof member === 'function') {
      methods[name] = member.bind(part);
    }
  }
  return methods as { [K in keyof T]: T[K] };
}

// The methods come from the parts the constructor composes.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface MlClient extends MlApi {}

/**
 * Talks to the `ml` backend plugin through the Backstage `fetchApi`, so that
 * requests carry the user's token. Each area of the API is a part of its own
 * over one request core; the client is all of them.
 *
 * @public
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class MlClient implements MlApi {
  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    const http = new MlHttp(options);
    // Typed as MlApi: a method that no part has is a compile error here.
    const api: MlApi = {
      ...methodsOf(new WorkspacesClient(http)),
      ...methodsOf(new RuntimesClient(http)),
      ...methodsOf(new ProjectsClient(http)),
      ...methodsOf(new FilesClient(http)),
      ...methodsOf(new EngineClient(http)),
      ...methodsOf(new ModelsClient(http)),
      ...methodsOf(new ModelMonitoringClient(http)),
      ...methodsOf(new ApplicationsClient(http)),
    };
    Object.assign(this, api);
  }
}
