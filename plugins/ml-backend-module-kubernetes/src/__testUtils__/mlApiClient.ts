import { Workload } from '@ml-platform/plugin-ml-common';
import { waitFor } from './waitFor';

/**
 * The ML API of a test backend, for the end-to-end tests: JSON calls that
 * must answer 2xx, workloads, and projects with the files the tests run.
 * `baseUrl` is read at each call: the backend starts in a beforeAll.
 */
export class MlApiClient {
  constructor(private readonly baseUrl: () => string) {}

  /** A call and its answer, whatever the status. */
  call = async (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown }> => {
    const res = await fetch(`${this.baseUrl()}/api/ml${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };

  /** A call that must answer one of `status`; its body, as the caller says it is. */
  ok = async <T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    status = [200, 201, 204],
  ): Promise<T> => {
    const res = await this.call(method, path, body);
    if (!status.includes(res.status))
      throw new Error(
        `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`,
      );
    return res.body as T;
  };

  workload = (id: string) => this.ok<Workload>('GET', `/workloads/${id}`);

  /** The workload once it has ended (succeeded, failed, stopped, timed out). */
  ended = (id: string) =>
    waitFor(
      async () => {
        const w = await this.workload(id);
        return (
          ['succeeded', 'failed', 'stopped', 'timed_out'].includes(w.state) && w
        );
      },
      90_000,
      `workload ${id} to end`,
    );

  putFile = async (project: string, file: string, content: string) => {
    const res = await fetch(
      `${this.baseUrl()}/api/ml/projects/${project}/files/content?path=${file}`,
      {
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: content,
      },
    );
    if (!res.ok)
      throw new Error(`PUT ${file}: ${res.status} ${await res.text()}`);
  };

  /** A project with a train.py (the jobs' script) and a model.py (the model's). */
  newProject = async (name: string): Promise<string> => {
    const { id } = await this.ok<{ id: string }>('POST', '/projects', {
      workspace: 'k8s',
      name,
    });
    await this.putFile(id, 'train.py', 'print("training")\n');
    await this.putFile(
      id,
      'model.py',
      'def predict(args):\n    return {"double": args["x"] * 2}\n',
    );
    return id;
  };
}
