import {
  CreateRuntimeRequest,
  Runtime,
  UpdateRuntimeRequest,
} from '@ml-platform/plugin-ml-common';
import { Collection } from './Collection';
import { MlListRuntimesOptions } from './MlApi';
import { MlHttp, listQuery } from './MlHttp';

/** The runtimes (images or interpreters) that workloads run in. */
export class RuntimesClient {
  private readonly runtimes: Collection<Runtime>;

  constructor(http: MlHttp) {
    this.runtimes = new Collection(http, '/runtimes');
  }

  listRuntimes(options?: MlListRuntimesOptions) {
    return this.runtimes.page({
      ...listQuery(options),
      all: options?.all || undefined,
      enabled: options?.enabled,
    });
  }

  getRuntime(runtimeId: string) {
    return this.runtimes.get(runtimeId);
  }

  createRuntime(request: CreateRuntimeRequest) {
    return this.runtimes.create(request);
  }

  updateRuntime(runtimeId: string, request: UpdateRuntimeRequest) {
    return this.runtimes.update(runtimeId, request);
  }

  deleteRuntime(runtimeId: string) {
    return this.runtimes.remove(runtimeId);
  }
}
