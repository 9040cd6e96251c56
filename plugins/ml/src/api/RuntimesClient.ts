import {
  CreateRuntimeRequest,
  Page,
  Runtime,
  UpdateRuntimeRequest,
} from '@ml-platform/plugin-ml-common';
import { MlListRuntimesOptions } from './MlApi';
import { MlHttp, listQuery, seg } from './MlHttp';

/** The runtimes (images or interpreters) that workloads run in. */
export class RuntimesClient {
  constructor(private readonly http: MlHttp) {}

  listRuntimes(options?: MlListRuntimesOptions) {
    return this.http.json<Page<Runtime>>('GET', '/runtimes', {
      query: {
        ...listQuery(options),
        all: options?.all || undefined,
        enabled: options?.enabled,
      },
    });
  }

  getRuntime(runtimeId: string) {
    return this.http.json<Runtime>('GET', `/runtimes/${seg(runtimeId)}`);
  }

  createRuntime(request: CreateRuntimeRequest) {
    return this.http.json<Runtime>('POST', '/runtimes', { body: request });
  }

  updateRuntime(runtimeId: string, request: UpdateRuntimeRequest) {
    return this.http.json<Runtime>('PATCH', `/runtimes/${seg(runtimeId)}`, {
      body: request,
    });
  }

  async deleteRuntime(runtimeId: string) {
    await this.http.send('DELETE', `/runtimes/${seg(runtimeId)}`);
  }
}
